"""`sourcetrace extract` reads its inputs as `ingest` does (size cap, whole-download
timeout, linked pages, the private-address guard) and survives one article failing."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import loaders.nlp.pipeline as pipeline
from app.cli import build_parser, main
from loaders.addresses import ALLOW_PRIVATE_ENV

if TYPE_CHECKING:  # the fixture's class, for annotations only
    from conftest import LocalServer

STORY = "Harbour master Ines Calder said the north quay would reopen on Friday.\n"
PAGE = (
    "<html><head><title>Quay to reopen</title></head><body><article><p>Harbour master Ines "
    "Calder said the north quay would reopen on Friday after repairs to its crane.</p>"
    "</article></body></html>"
)


def _records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def _input_options(command: str) -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {s for a in sub.choices[command]._actions for s in a.option_strings}


def test_extract_and_ingest_take_the_same_input_options() -> None:
    wanted = {"--max-bytes", "--timeout", "--fetch-linked", "--allow-private-urls"}
    assert wanted <= _input_options("extract")
    assert wanted <= _input_options("ingest")


def test_extract_honours_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text(STORY * 10, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    assert main(["extract", "--format", "jsonl", "--max-bytes", "200", str(big), str(small)]) == 1
    out, err = capsys.readouterr()
    assert err == f"sourcetrace: error: {big}: file too big (710 bytes; the limit is 200)\n"
    assert {r["article"] for r in _records(out)} == {str(small)}


def test_extract_honours_timeout_for_the_whole_download(
    server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.add("/drip.txt", STORY, content_type="text/plain", drip=0.25)
    began = time.monotonic()
    assert main(["extract", "--timeout", "1", url]) == 1
    assert time.monotonic() - began < 3
    assert capsys.readouterr().err == f"sourcetrace: error: {url}: timed out after 1 s\n"


def test_extract_honours_fetch_linked(
    server: LocalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page = server.add("/quay.html", PAGE)
    feed = server.add(
        "/feed.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title>'
        f"<item><title>Quay</title><link>{page}</link>"
        "<description>The quay will reopen.</description></item></channel></rss>",
        content_type="application/rss+xml",
    )
    assert main(["extract", "--format", "jsonl", "--fetch-linked", feed]) == 0
    records = _records(capsys.readouterr().out)
    assert {r["article"] for r in records} == {page}
    assert server.hits == ["/feed.rss", "/quay.html"]


def test_extract_refuses_private_addresses_unless_allowed(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(ALLOW_PRIVATE_ENV)
    url = server.add("/quay.txt", STORY, content_type="text/plain")
    assert main(["extract", url]) == 1
    assert "refused: 127.0.0.1 is a loopback address" in capsys.readouterr().err
    assert server.hits == []
    assert main(["extract", "--allow-private-urls", url]) == 0
    assert "Ines Calder" in capsys.readouterr().out


def test_extract_reports_an_article_whose_extraction_fails_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = pipeline.find_candidates

    def faulty(doc, *engine):  # type: ignore[no-untyped-def]
        if "PLANTED" in doc.text:
            raise IndexError("planted fault")
        return real(doc, *engine)

    monkeypatch.setattr(pipeline, "find_candidates", faulty)
    paths = []
    for name, text in (
        ("a.txt", STORY),
        ("b.txt", "PLANTED: the pilot said the fog lifted.\n"),
        ("c.txt", "Divers said the wreck had moved overnight.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    assert main(["extract", "--format", "jsonl", *paths]) == 1
    out, err = capsys.readouterr()
    assert err == f"sourcetrace: error: {paths[1]}: extraction failed (IndexError: planted fault)\n"
    assert [r["article"] for r in _records(out)] == [paths[0], paths[2]]


def test_same_article_as_text_file_and_record_is_one_article_node(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.store import open_store

    txt = tmp_path / "quay.txt"
    txt.write_text(STORY + "\n", encoding="utf-8")
    jsonl = tmp_path / "quay.jsonl"
    jsonl.write_text(json.dumps({"text": STORY.strip()}) + "\n", encoding="utf-8")
    store_path = tmp_path / "graph.sqlite"
    assert main(["ingest", "--store", str(store_path), str(txt), str(jsonl)]) == 0
    capsys.readouterr()
    store = open_store(store_path)
    try:
        assert store.counts()["nodes"]["Article"] == 1
    finally:
        store.close()
