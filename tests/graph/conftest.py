"""A real Bolt server for the Neo4j store tests: ArcadeDB started as a subprocess.

The server runs once per test session and is killed at the end. Where the
``arcadedb-embedded`` package (which bundles a JRE) is missing, the tests that
need it are skipped, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.graph.bolt import BoltServer, ServerUnavailable, arcadedb_server


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    """An ArcadeDB server speaking Bolt, with database ``graph`` (user root)."""
    try:
        with arcadedb_server(tmp_path_factory.mktemp("arcadedb")) as server:
            yield server
    except ServerUnavailable as e:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Bolt test server unavailable under CI: {e}")
        pytest.skip(f"Bolt test server unavailable: {e}")
