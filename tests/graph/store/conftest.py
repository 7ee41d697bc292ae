"""The ``store`` fixture: every contract test runs on the embedded and the Neo4j store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j_store import Neo4jStore


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "embedded":
        s: GraphStore = EmbeddedStore(tmp_path / "graph.sqlite")
    else:
        server = request.getfixturevalue("bolt_server")
        neo = Neo4jStore(
            server.uri, user=server.user, password=server.password, database=server.database
        )
        neo.clear()
        s = neo
    try:
        yield s
    finally:
        s.close()
