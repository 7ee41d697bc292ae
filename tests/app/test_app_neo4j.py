"""The explorer on the Neo4j store: the same pages over a real Bolt server (ArcadeDB).

Skipped where the server cannot start here (it needs ``arcadedb-embedded``),
except under ``CI=true``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.view.untrusted import escape
from graph import schema
from graph.analysis import single_source
from graph.store import STORE_ENV, GraphStore, open_store
from tests.app.conftest import fixture_articles
from tests.app.test_app_pages import PAGES, graph_payload, html_of, run_page
from tests.graph.bolt import BoltServer, ServerUnavailable, arcadedb_server


@pytest.fixture(scope="module")
def neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    """A Bolt server holding the demo corpus and the markup articles."""
    try:
        with arcadedb_server(tmp_path_factory.mktemp("arcadedb")) as server:
            options = [
                "--neo4j",
                server.uri,
                "--neo4j-user",
                server.user,
                "--neo4j-password",
                server.password,
                "--neo4j-database",
                server.database,
            ]
            assert cli.main(["demo", *options]) == 0
            store = open_neo4j(server)
            try:
                store.write_articles(fixture_articles())
            finally:
                store.close()
            yield server
    except ServerUnavailable as e:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Bolt test server unavailable under CI: {e}")
        pytest.skip(f"Bolt test server unavailable: {e}")


def open_neo4j(server: BoltServer) -> GraphStore:
    return open_store(
        neo4j=server.uri, user=server.user, password=server.password, database=server.database
    )


@pytest.fixture
def neo4j_env(neo4j: BoltServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[GraphStore]:
    """Point the app at the Bolt server the way ``sourcetrace app --neo4j`` does."""
    monkeypatch.delenv(STORE_ENV, raising=False)
    monkeypatch.setenv("NEO4J_URI", neo4j.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j.database)
    store = open_neo4j(neo4j)
    try:
        yield store
    finally:
        store.close()


@pytest.mark.parametrize("page", [p for p in PAGES if p != "add"])
def test_every_page_runs_on_the_neo4j_store(neo4j_env: GraphStore, page: str) -> None:
    at = run_page(page)
    assert not at.error


def test_explore_on_neo4j_shows_escaped_evidence_of_a_clicked_node(neo4j_env: GraphStore) -> None:
    [source] = neo4j_env.search("Vale", labels=[schema.SOURCE])
    at = run_page("explore", node=source)
    page = html_of(at)
    assert escape("<script>window.__xss=2</script>") in page and "<script>" not in page
    assert graph_payload(at)["selected"] == source


def test_explore_on_neo4j_centres_on_a_neighbourhood(neo4j_env: GraphStore) -> None:
    [ortiz] = [k for k in neo4j_env.search("Lena Ortiz") if k.startswith("Source:")]
    at = run_page("explore", focus=ortiz)
    ids = {n["id"] for n in graph_payload(at)["nodes"]}
    assert ortiz in ids and any(i.startswith("Article:") for i in ids)


def test_trace_on_neo4j_matches_the_embedded_analysis(
    neo4j_env: GraphStore, store_path: Path
) -> None:
    embedded = open_store(store_path)
    try:
        expected = single_source(embedded.to_networkx())[0]
    finally:
        embedded.close()
    at = run_page("trace", claim=expected.group)
    assert f"{len(expected.outlets)} outlets → 1 origin" in html_of(at)
