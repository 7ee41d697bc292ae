"""A crash leaves a rollback journal beside the embedded store; opening the store rolls it
back (a hot journal) or clears it (a stale one), and nothing stays at rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from graph.store.embedded import EmbeddedStore
from tests.graph.factory import synthetic_article


def _store_with(path: Path, n: int) -> dict[str, dict[str, int]]:
    with EmbeddedStore(path) as store:
        store.write_articles(synthetic_article(i) for i in range(n))
        return store.counts()


def test_opening_rolls_back_the_hot_journal_of_a_killed_write(tmp_path: Path) -> None:
    path = tmp_path / "graph.sqlite"
    before = _store_with(path, 3)
    # A writer that changes the store and is killed before it commits.
    script = textwrap.dedent(
        f"""
        import os, signal, sqlite3
        db = sqlite3.connect({str(path)!r}, isolation_level=None)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM edges")
        db.execute("DELETE FROM nodes")
        db.execute("PRAGMA cache_spill=1")
        db.execute("CREATE TABLE big(x)")
        db.execute("INSERT INTO big SELECT randomblob(1000) FROM "
                    "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c "
                    "WHERE i < 20000) SELECT i FROM c)")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False)
    assert proc.returncode == -signal.SIGKILL
    journal = Path(str(path) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0  # the crash left a hot journal

    with EmbeddedStore(path) as store:
        assert not journal.exists()
        assert store.counts() == before
    assert sorted(os.listdir(tmp_path)) == ["graph.sqlite"]


def test_opening_clears_a_stale_journal_sqlite_ignores(tmp_path: Path) -> None:
    path = tmp_path / "graph.sqlite"
    before = _store_with(path, 2)
    journal = Path(str(path) + "-journal")
    journal.write_bytes(b"\0" * 4096)  # a journal whose header was never written: not hot

    with EmbeddedStore(path) as store:
        assert not journal.exists()
        assert store.counts() == before
    assert sorted(os.listdir(tmp_path)) == ["graph.sqlite"]


def test_opening_leaves_a_live_writers_journal_alone(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "graph.sqlite"
    before = _store_with(path, 2)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM edges")
        journal = Path(str(path) + "-journal")
        assert journal.exists()
        with EmbeddedStore(path) as store:
            assert journal.exists()  # not ours to touch
            assert store.counts() == before  # the writer has not committed
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert not journal.exists()
