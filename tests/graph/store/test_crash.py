"""A killed ``sourcetrace ingest`` leaves only whole articles in the embedded store."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from graph.store.embedded import EmbeddedStore
from loaders.ingest import ingest
from loaders.read import read_inputs
from tests.graph.factory import synthetic_article

ARTICLES = 300


def _write_inputs(folder: Path) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(ARTICLES):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(synthetic_article(i)[0].text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _ingest_and_kill(inputs: list[str], store: Path) -> None:
    """Run the CLI and SIGKILL it as soon as its progress shows added articles."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "ingest", "--store", str(store), *inputs],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None
    try:
        for line in proc.stderr:
            m = re.search(r"\((\d+) added", line)
            if m and int(m.group(1)) > 0:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"


def _by_article(store: EmbeddedStore) -> dict[str, list[str]]:
    G = store.to_networkx(labels=["Article"])
    return {
        d["id"]: sorted(a["id"] for a in store.attributions(article_id=d["id"]))
        for _, d in G.nodes(data=True)
    }


@pytest.mark.slow
def test_killed_ingest_leaves_only_whole_articles(tmp_path: Path) -> None:
    inputs = _write_inputs(tmp_path / "in")
    reference = EmbeddedStore(tmp_path / "reference.sqlite")
    ingest(reference, read_inputs(inputs))
    expected = _by_article(reference)
    assert len(expected) == ARTICLES
    assert sum(map(len, expected.values())) >= 2 * ARTICLES  # extraction found attributions

    path = tmp_path / "killed.sqlite"
    stored_before = 0
    for _ in range(3):
        _ingest_and_kill(inputs, path)
        with sqlite3.connect(path) as db:  # rolls back a hot journal, like any open
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        store = EmbeddedStore(path)
        stored = _by_article(store)
        store.close()
        assert stored_before < len(stored) < ARTICLES
        for article_id, attributions in stored.items():
            assert attributions == expected[article_id], article_id
        stored_before = len(stored)

    # resuming completes the store, skipping what is already there
    store = EmbeddedStore(path)
    tally = ingest(store, read_inputs(inputs))
    assert tally.status["unchanged"] == stored_before
    assert store.counts() == reference.counts()
    store.close()
    reference.close()
    assert not Path(str(path) + "-journal").exists()
