"""Stores that cannot be used fail fast with an error naming the store."""

from __future__ import annotations

import socket
import sqlite3
import time
from pathlib import Path

import pytest

from graph.errors import StoreError, StoreUnavailableError
from graph.store import open_store
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j_store import Neo4jStore


def test_wrong_password_is_refused_within_seconds(bolt_server) -> None:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    with pytest.raises(StoreUnavailableError, match="credentials"):
        Neo4jStore(
            bolt_server.uri, user=bolt_server.user, password="wrong", database=bolt_server.database
        )
    assert time.monotonic() - start < 10


def test_unreachable_server_fails_within_seconds() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    start = time.monotonic()
    with pytest.raises(StoreUnavailableError, match=f"127.0.0.1:{port}"):
        open_store(neo4j=f"bolt://127.0.0.1:{port}", user="neo4j", password="x")
    assert time.monotonic() - start < 10


def test_bad_uri_scheme_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="ftp://x"):
        open_store(neo4j="ftp://x")


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"notes\.sqlite"):
        EmbeddedStore(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"other\.db"):
        open_store(store=str(path))
    assert path.read_bytes() == before


def test_truncated_store_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.sqlite"
    EmbeddedStore(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 50)
    with pytest.raises(StoreError, match=r"graph\.sqlite"):
        store = EmbeddedStore(path)
        store.counts()


def test_store_location_comes_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCETRACE_STORE", str(tmp_path / "env.sqlite"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    store = open_store()
    try:
        assert isinstance(store, EmbeddedStore) and store.path == tmp_path / "env.sqlite"
    finally:
        store.close()
    assert (tmp_path / "env.sqlite").exists()


def test_neo4j_settings_come_from_environment_and_flags_win(
    bolt_server,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("NEO4J_URI", bolt_server.uri)
    monkeypatch.setenv("NEO4J_USER", bolt_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_server.password)
    monkeypatch.setenv("NEO4J_DATABASE", bolt_server.database)
    store = open_store()
    try:
        assert isinstance(store, Neo4jStore) and store.database == "graph"
        assert store.counts()["nodes"]["Article"] >= 0
    finally:
        store.close()
    with pytest.raises(StoreUnavailableError, match="credentials"):
        open_store(neo4j=bolt_server.uri, password="not-the-password")
    embedded = open_store(store=str(tmp_path / "local.sqlite"))
    try:
        assert isinstance(embedded, EmbeddedStore)
    finally:
        embedded.close()
