"""``sourcetrace ingest`` and ``stats`` on real files and a real embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.graph.factory import synthetic_article


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for i in range(3):
        path = folder / f"a{i}.txt"
        path.write_text(synthetic_article(i)[0].text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_ingest_stores_articles_and_summarises(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "g.sqlite")
    assert main(["ingest", "--store", store, *inputs]) == 0
    out, err = capsys.readouterr()
    assert "3 articles (3 added, 0 replaced, 0 unchanged)" in out
    assert "ingest: 3 articles" in err
    assert main(["stats", "--store", store, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["nodes"]["Article"] == 3
    assert counts["relationships"]["CONTAINS"] == counts["nodes"]["Attribution"] > 0


def test_second_ingest_skips_unchanged_articles(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "g.sqlite")
    main(["ingest", "--store", store, *inputs])
    main(["stats", "--store", store, "--json"])
    capsys.readouterr()
    before = main(["stats", "--store", store, "--json"]), capsys.readouterr().out
    assert main(["ingest", "--store", store, *inputs]) == 0
    assert (
        "3 articles (0 added, 0 replaced, 3 unchanged), 0 attributions" in capsys.readouterr().out
    )
    assert (main(["stats", "--store", store, "--json"]), capsys.readouterr().out) == before


def test_bad_input_is_reported_skipped_and_fails_the_run(
    inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.txt")
    store = str(tmp_path / "g.sqlite")
    assert main(["ingest", "--store", store, missing, *inputs]) == 1
    out, err = capsys.readouterr()
    assert "missing.txt" in err
    assert "3 articles (3 added" in out and "1 errors" in out


def test_stats_table_lists_every_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--store", str(tmp_path / "empty.sqlite")]) == 0
    out = capsys.readouterr().out
    for name in ("Article", "Outlet", "Source", "Claim", "Attribution", "SIMILAR_TO"):
        assert name in out


def test_unusable_store_file_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    assert main(["stats", "--store", str(bad)]) == 2
    assert "bad.sqlite" in capsys.readouterr().err


def test_demo_ingests_every_demo_file_into_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "demo_corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(synthetic_article(1)[0].text, encoding="utf-8")
    record = {"text": synthetic_article(2)[0].text, "url": "https://example.org/2"}
    (corpus / "more.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (corpus / "notes.md").write_text("not an article", encoding="utf-8")
    monkeypatch.setattr("app.cmd_store.DEMO_CORPUS", corpus)
    store = tmp_path / "demo.sqlite"
    assert main(["demo", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "2 articles (2 added" in out and str(store) in out


def test_demo_without_articles_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("app.cmd_store.DEMO_CORPUS", tmp_path)
    assert main(["demo", "--store", str(tmp_path / "d.sqlite")]) == 2
    assert "no demo articles" in capsys.readouterr().err
