"""The ingest run summary always prints, with the numbers the store really holds: after a
clean run, a store failure and Ctrl-C."""

from __future__ import annotations

import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from app.cmd_store import run_ingest
from graph.build import ArticleRows
from graph.store.embedded import EmbeddedStore
from loaders.ingest import Tally, ingest
from loaders.read import read_inputs
from tests.graph.factory import synthetic_article


def _inputs(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(synthetic_article(i)[0].text, encoding="utf-8")
        paths.append(str(path))
    return paths


class DiskFailsAfter(EmbeddedStore):
    """A real embedded store whose disk fails on the write after ``ok`` batches."""

    def __init__(self, path: Path, ok: int) -> None:
        super().__init__(path, batch_size=2)
        self.ok = ok

    def _insert(self, tx: Any, written: Sequence[ArticleRows]) -> None:
        if self.ok == 0:
            raise sqlite3.OperationalError("disk I/O error")
        self.ok -= 1
        super()._insert(tx, written)


def _stored(path: Path) -> int:
    with EmbeddedStore(path) as store:
        return store.counts()["nodes"]["Article"]


def test_store_failure_stops_the_run_and_the_tally_counts_what_was_stored(
    tmp_path: Path,
) -> None:
    inputs = _inputs(tmp_path / "in", 7)
    path = tmp_path / "g.sqlite"
    with DiskFailsAfter(path, ok=2) as store:
        seen: list[int] = []
        tally = ingest(store, read_inputs(inputs), on_progress=lambda t: seen.append(t.articles))
    assert tally.failure is not None and "disk I/O error" in tally.failure
    assert tally.status["added"] == _stored(path) == 4  # two committed batches of two
    assert seen == [1, 2, 3, 4]  # progress only ever counted committed articles


def test_cli_prints_the_summary_after_a_store_failure(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 5)
    path = tmp_path / "g.sqlite"
    out, err = io.StringIO(), io.StringIO()
    with DiskFailsAfter(path, ok=1) as store:
        code = run_ingest(store, inputs, stream=err, out=out)
    assert code == 2
    assert "write failed: disk I/O error" in err.getvalue()
    summary = out.getvalue()
    assert summary.startswith("2 articles (2 added, 0 replaced, 0 unchanged)")
    assert "stopped:" in summary and "store now holds 2 articles" in summary
    assert _stored(path) == 2


def test_tally_line_names_every_count() -> None:
    tally = Tally()
    tally.status["added"] = 3
    tally.status["unchanged"] = 1
    tally.attributions = 7
    tally.errors = 2
    assert tally.line() == "4 articles (3 added, 0 replaced, 1 unchanged), 7 attributions, 2 errors"
    assert not tally.ok


@pytest.mark.slow
def test_ctrl_c_prints_the_summary_with_the_stored_count(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 240)
    path = tmp_path / "g.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "ingest", "--store", str(path), *inputs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None and proc.stdout is not None
    try:
        for line in proc.stderr:
            m = re.search(r"\((\d+) added", line)
            if m and int(m.group(1)) > 0:
                break
        proc.send_signal(signal.SIGINT)
        out = proc.stdout.read()
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == 130, out
    m = re.match(r"(\d+) articles \((\d+) added", out)
    assert m is not None, out
    stored = _stored(path)
    assert 0 < stored < len(inputs)
    assert int(m.group(1)) == int(m.group(2)) == stored
    assert "stopped: interrupted" in out
    assert f"store now holds {stored} articles" in out
    assert not Path(str(path) + "-journal").exists()
