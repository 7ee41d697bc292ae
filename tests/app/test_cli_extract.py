"""`sourcetrace extract` end to end, in-process, with the real spaCy model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

STORY = (
    "Harbor officials said on Tuesday that the ferry service would resume in May. "
    "\u201cWe are ready,\u201d said Marta Quill, the port director.\n"
)


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_jsonl_records_point_at_the_text_as_read(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--format", "jsonl", str(story)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records, "expected attributions"
    text = story.read_text(encoding="utf-8")
    for record in records:
        assert record["article"] == str(story)
        for role in ("cue", "content"):
            span = record[role]
            assert text[span["start"] : span["end"]] == span["text"]
        if record["source"]:
            span = record["source"]
            assert text[span["start"] : span["end"]] == span["text"]
    sources = {r["source"]["name"] for r in records if r["source"]}
    assert "Marta Quill" in sources


def test_table_names_source_role_and_cue(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(story)]) == 0
    out = capsys.readouterr().out
    assert "Marta Quill" in out
    assert "port director" in out
    assert "said" in out


def test_json_groups_attributions_by_article(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--format", "json", str(story)]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert len(docs) == 1
    assert docs[0]["attributions"]


def test_bad_input_is_named_and_the_rest_still_processed(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 owners said prices rose.".encode("latin-1"))
    missing = tmp_path / "nowhere.txt"
    status = main(["extract", "--format", "jsonl", str(bad), str(missing), str(story)])
    captured = capsys.readouterr()
    assert status == 1
    assert str(bad) in captured.err and "UTF-8" in captured.err
    assert str(missing) in captured.err
    assert "Marta Quill" in captured.out


def test_unknown_model_is_a_clear_error(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", "--model", "xx_no_such_model", str(story)])
    assert status == 2
    assert "xx_no_such_model" in capsys.readouterr().err
