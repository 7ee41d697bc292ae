"""Every page of the explorer, run in-process with AppTest on the demo corpus."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from app.view.untrusted import escape
from graph import schema
from graph.analysis import claim_origins, single_source
from graph.store import STORE_ENV, GraphStore, open_store

APP = Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py"
PAGES = ("overview", "explore", "trace", "reports", "article", "add")


def error_texts(at: AppTest) -> list[str]:
    """The text of each ``st.error``: untrusted text comes in a Markdown code span."""
    spans = (re.fullmatch(r"(`+) (.*) \1", e.value, re.S) for e in at.error)
    return [m.group(2) if m else e.value for m, e in zip(spans, at.error, strict=True)]


def run_page(page: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.switch_page(f"app_pages/{page}.py")
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def graph_payload(at: AppTest, index: int = 0) -> dict[str, Any]:
    views = [
        c.proto
        for c in at.get("bidi_component")
        if c.proto.component_name == "sourcetrace_graph_view"
    ]
    data: dict[str, Any] = json.loads(views[index].json)
    return data


def html_of(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo_corpus(app_env: Path, page: str) -> None:
    at = run_page(page)
    assert at.title[0].value
    assert not at.error


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "empty.sqlite"))
    at = run_page(page)
    assert not at.error
    if page != "add":
        assert at.info or at.markdown


def test_overview_shows_the_store_counts(app_env: Path, store: GraphStore) -> None:
    at = run_page("overview")
    nodes = store.counts()["nodes"]
    shown = {m.label: m.value for m in at.metric}
    assert shown["Articles"] == f"{nodes[schema.ARTICLE]:,}"
    assert shown["Attributions"] == f"{nodes[schema.ATTRIBUTION]:,}"
    assert len(at.dataframe) >= 3


def test_explore_draws_the_filtered_graph_named_in_the_url(app_env: Path) -> None:
    at = run_page("explore", types=[schema.SOURCE, schema.CLAIM])
    payload = graph_payload(at)
    assert {n["kind"] for n in payload["nodes"]} == {schema.SOURCE, schema.CLAIM}
    assert payload["mode"] == "physics" and payload["view_key"] == "explore"


def test_explore_outlet_filter_keeps_only_that_outlets_articles(
    app_env: Path, store: GraphStore
) -> None:
    outlet = "Outlet:coastline-courier"
    assert store.node(outlet) is not None
    at = run_page("explore", outlet=outlet)
    articles = [n for n in graph_payload(at)["nodes"] if n["kind"] == schema.ARTICLE]
    assert articles
    for node in articles:
        assert store.node(node["id"])["outlet"] == "Coastline Courier"  # type: ignore[index]


def test_explore_selected_node_shows_escaped_evidence(app_env: Path, store: GraphStore) -> None:
    [source] = [k for k in store.search("Vale", labels=[schema.SOURCE])]
    at = run_page("explore", node=source)
    page = html_of(at)
    assert escape("<script>window.__xss=2</script>") in page
    assert '<mark class="st-content">' in page
    assert "<script>" not in page and "<img" not in page
    payload = graph_payload(at)
    assert payload["selected"] == source


def test_explore_search_focuses_the_chosen_node(app_env: Path, store: GraphStore) -> None:
    at = run_page("explore", q="Lena Ortiz")
    matches = at.sidebar.selectbox[0]
    key = next(k for k in store.search("Lena Ortiz") if k.startswith("Source:"))
    assert matches.options[0].startswith("Lena Ortiz (person)")
    assert key in graph_payload(at)["highlight"]
    matches.set_value(key).run()
    assert at.query_params["focus"] in (key, [key])
    assert {n["id"] for n in graph_payload(at)["nodes"]} >= {key}


def test_trace_shows_the_independence_count_and_every_chain(
    app_env: Path, store: GraphStore
) -> None:
    G = store.to_networkx()
    result = single_source(G)[0]
    at = run_page("trace", claim=result.group)
    page = html_of(at)
    assert f"{len(result.outlets)} outlets → 1 origin" in page
    assert page.count('class="st-chain"') == result.attributions
    assert page.count('class="st-evidence"') == result.attributions


def test_trace_accepts_any_claim_of_a_group(app_env: Path, store: GraphStore) -> None:
    G = store.to_networkx()
    group = next(r for r in claim_origins(G) if len(r.claims) > 1)
    at = run_page("trace", claim=group.claims[-1])
    assert at.selectbox[0].value == group.group


def test_reports_rank_single_source_claims_with_csv(app_env: Path, store: GraphStore) -> None:
    G = store.to_networkx()
    expected = single_source(G)
    at = run_page("reports")
    table = at.dataframe[0].value
    assert list(table["Claim"]) == [r.text for r in expected]
    assert set(table["Verdict"]) == {"single-source"}
    labels = [b.proto.label for b in at.get("download_button")]
    assert {f"Download this selection ({f})" for f in ("CSV", "GEXF", "GRAPHML")} <= set(labels)


def test_reports_filters_narrow_the_claims_and_go_into_the_url(
    app_env: Path, store: GraphStore
) -> None:
    at = run_page("reports", verdict=["single-source", "independent"])
    everything = len(at.dataframe[0].value)
    at.multiselect(key="reports-type").set_value(["person"]).run()
    people = at.dataframe[0].value
    assert 0 < len(people) < everything
    assert at.query_params["type"] in ("person", ["person"])
    evidence = at.dataframe[1].value
    assert set(evidence["Type"]) == {"person"}
    assert all(str(u).startswith("https://") for u in evidence["URL"])
    assert "undated" not in set(evidence["Published"]) and "None" not in set(evidence["Published"])


def test_article_page_marks_attributions_and_escapes_text(app_env: Path, store: GraphStore) -> None:
    [article] = store.search("engineer says", labels=[schema.ARTICLE])
    at = run_page("article", article=article)
    page = html_of(at)
    assert escape("Dam <b>safe</b>, engineer says") in page
    assert '<mark class="st-cue">told</mark>' in page
    assert escape("<script>") in page and "<script>" not in page
    assert "<script>window.__xss=2" not in page


@pytest.fixture
def writable_store(store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "graph.sqlite"
    shutil.copy(store_path, path)
    monkeypatch.setenv(STORE_ENV, str(path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return path


def test_add_page_stores_a_pasted_article(writable_store: Path) -> None:
    at = run_page("add")
    at.text_input[0].input("Lighthouse keeper warns of storm")
    at.text_input[1].input("Northgate Herald")
    at.text_area[0].input("Lighthouse keeper Amos Reed said a storm would reach the bay tonight.")
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert "1 added" in at.success[0].value
    s = open_store(writable_store)
    try:
        assert s.search("storm would reach the bay", labels=[schema.CLAIM]) or s.search(
            "Lighthouse keeper warns", labels=[schema.ARTICLE]
        )
    finally:
        s.close()


def test_add_page_reads_uploads_and_reports_each_bad_one(writable_store: Path) -> None:
    at = run_page("add")
    at.file_uploader[0].set_value(
        [
            (
                "good.txt",
                b"Harbour master Ines Calder said the quay would reopen on Friday.\n",
                "text/plain",
            ),
            ("deep.json", b"[" * 5000 + b"]" * 5000, "application/json"),
            ("late-nul.txt", b"Pilots said the fog lifted." * 400 + b"\x00", "text/plain"),
        ]
    )
    at.button[0].click().run()
    errors = error_texts(at)
    assert any(e.startswith("deep.json:1: JSON nested too deeply") for e in errors), errors
    assert any(e.startswith("late-nul.txt: binary file (NUL byte") for e in errors), errors
    assert "1 added" in at.success[0].value


def test_add_page_never_reads_server_paths_or_directories(
    writable_store: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The warden said the vault code was 4417.\n", encoding="utf-8")
    at = run_page("add")
    at.text_area[1].input(f"{secret}\n{tmp_path}\n/etc/hostname\nfile://{secret}")
    at.button[0].click().run()
    errors = error_texts(at)
    assert len(errors) == 4, errors
    assert all("not an http(s) URL" in e or "unsupported URL scheme" in e for e in errors)
    assert not at.success
    page = "\n".join(m.value for m in at.markdown) + "\n".join(errors)
    assert "vault code" not in page


def test_explore_aggregates_a_view_too_large_to_draw(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCETRACE_DRAW_MAX", "20")
    at = run_page("explore")
    payload = graph_payload(at)
    assert payload["mode"] == "aggregate"
    assert {n["kind"] for n in payload["nodes"]} <= {schema.OUTLET, schema.SOURCE}
    assert payload["hidden"] == payload["total"] - len(payload["nodes"]) > 0


def test_explore_can_show_attribution_nodes(app_env: Path) -> None:
    at = run_page("explore", attr="1")
    kinds = {n["kind"] for n in graph_payload(at)["nodes"]}
    assert schema.ATTRIBUTION in kinds


@pytest.fixture
def web_article(tmp_path: Path) -> Iterator[str]:
    """A fictional article served as HTML by a real HTTP server on 127.0.0.1."""
    page = (
        "<html><head><title>Quay to reopen</title></head><body><article><h1>Quay to reopen</h1>"
        "<p>Harbour master Ines Calder said the north quay would reopen on Friday after "
        "repairs to its crane.</p><p>Dock workers said the delay had cost them a week of "
        "wages.</p></article></body></html>"
    )
    (tmp_path / "quay.html").write_text(page, encoding="utf-8")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_add_page_reads_urls_and_reports_the_unreachable_one(
    writable_store: Path, web_article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCETRACE_ALLOW_PRIVATE_URLS", "1")  # a trusted local deployment
    at = run_page("add")
    at.text_area[1].input(f"{web_article}/quay.html\n{web_article}/missing.html")
    at.button[0].click().run()
    assert any("missing.html" in e for e in error_texts(at))
    assert "1 added" in at.success[0].value
    s = open_store(writable_store)
    try:
        assert s.search("north quay", labels=[schema.CLAIM])
    finally:
        s.close()


def test_add_page_refuses_internal_addresses_by_default(
    writable_store: Path, web_article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCETRACE_ALLOW_PRIVATE_URLS", raising=False)
    port = web_article.rsplit(":", 1)[1]
    at = run_page("add")
    at.text_area[1].input(f"{web_article}/quay.html\nhttp://[::1]:{port}/quay.html")
    at.button[0].click().run()
    errors = error_texts(at)
    assert len(errors) == 2, errors
    assert all("refused:" in e and "loopback address" in e for e in errors)
    assert not at.success
    assert "north quay" not in "\n".join(m.value for m in at.markdown)


def test_add_page_shows_an_article_whose_extraction_fails_and_stores_the_others(
    writable_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import loaders.nlp.pipeline as pipeline

    real = pipeline.find_candidates

    def faulty(doc, *engine):  # type: ignore[no-untyped-def]
        if "PLANTED" in doc.text:
            raise IndexError("planted fault")
        return real(doc, *engine)

    monkeypatch.setattr(pipeline, "find_candidates", faulty)
    at = run_page("add")
    at.file_uploader[0].set_value(
        [
            ("a.txt", b"PLANTED: the pilot said the fog had lifted.\n", "text/plain"),
            ("b.txt", b"Harbour master Ines Calder said the quay would reopen.\n", "text/plain"),
        ]
    )
    at.button[0].click().run()
    assert error_texts(at) == ["a.txt: extraction failed (IndexError: planted fault)"]
    assert "1 added" in at.success[0].value


def test_trace_shows_why_wordings_were_joined_and_splits_one_out(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "graph.sqlite"
    shutil.copy(store_path, copy)  # the split below must not change the shared store
    monkeypatch.setenv(STORE_ENV, str(copy))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with open_store(copy) as s:
        group = next(r for r in claim_origins(s.to_networkx()) if len(r.claims) > 1)
    at = run_page("trace", claim=group.group)
    [expander] = [e for e in at.expander if "wordings joined as one claim" in e.label]
    wordings, links = expander.dataframe[0].value, expander.dataframe[1].value
    assert len(wordings) == len(group.claims)
    assert all(why.startswith("meaning 0.") for why in links["why"])
    at.selectbox(key="trace-split").set_value(group.claims[-1].partition(":")[2])
    at.button(key="trace-split-button").click().run()
    assert not at.exception
    with open_store(copy) as s:
        G = s.to_networkx()
    assert len({G.nodes[c]["group"] for c in group.claims}) == len(group.claims)
