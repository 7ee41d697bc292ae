"""Hostile files made by the tests: FIFOs, devices, sockets, late NUL bytes, deep JSON,
lone surrogates, non-text fields, duplicate ids."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders.read import ReadOptions, read_inputs, read_upload

STORY = "The harbour master said the north quay would reopen on Friday."


def _read(*paths: Path | str, **options: object) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], ReadOptions(**options)))  # type: ignore[arg-type]


def _shown(items: list[Article | InputError]) -> list[str]:
    return [str(x) if isinstance(x, InputError) else f"article {x.origin}" for x in items]


def _read_within(seconds: float, *paths: Path | str) -> list[Article | InputError]:
    """Read in a thread, failing (instead of hanging the suite) if it blocks."""
    out: list[Article | InputError] = []
    thread = threading.Thread(target=lambda: out.extend(_read(*paths)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading blocked"
    return out


def test_fifo_is_refused_without_blocking_on_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody ever writes to it: an open() for reading would wait forever
    [error] = _read_within(10, fifo)
    assert str(error) == f"{fifo}: not a regular file (a FIFO); only regular files are read"


def test_fifo_in_a_directory_is_one_error_the_other_files_are_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a-pipe.txt")
    (tmp_path / "b-story.txt").write_text(STORY, encoding="utf-8")
    shown = _shown(_read_within(10, tmp_path))
    assert shown == [
        f"{tmp_path}/a-pipe.txt: not a regular file (a FIFO); only regular files are read",
        f"article {tmp_path}/b-story.txt",
    ]


def test_devices_and_sockets_are_refused(tmp_path: Path) -> None:
    sock_path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock_path))
        shown = _shown(_read_within(10, "/dev/zero", "/dev/null", sock_path))
    assert shown == [
        "/dev/zero: not a regular file (a character device); only regular files are read",
        "/dev/null: not a regular file (a character device); only regular files are read",
        f"{sock_path}: not a regular file (a socket); only regular files are read",
    ]


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".csv", ".rss"])
def test_nul_byte_late_in_a_file_is_refused(tmp_path: Path, suffix: str) -> None:
    # Far past the first 8 KiB, where a sniffing check would stop looking.
    body = ("A guard said the gate was shut.\n" * 1000).encode() + b"tail \x00 end\n"
    path = tmp_path / f"late{suffix}"
    path.write_bytes(body)
    [error] = _read(path)
    assert isinstance(error, InputError)
    assert error.reason == "binary file (NUL byte at offset 32005, line 1001), not text"


def test_nul_byte_late_in_an_upload_is_refused() -> None:
    [error] = read_upload("late.txt", STORY.encode() * 500 + b"\x00")
    assert isinstance(error, InputError) and error.where == "late.txt"
    assert error.reason.startswith("binary file (NUL byte at offset 31000, line 1)")


def test_json_lines_nested_a_thousand_deep_is_an_error_for_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"text": ' + "[" * 1000 + "]" * 1000 + "}"
    path.write_text(f'{{"text": "{STORY}"}}\n{deep}\n{{"text": "Pilots said so."}}\n')
    assert _shown(_read(path)) == [
        f"article {path}:1",
        f"{path}:2: JSON nested too deeply (1001 levels)",
        f"article {path}:3",
    ]


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_json_document_nested_deeply_is_one_error_naming_the_line(
    tmp_path: Path, depth: int
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"articles": [\n {"text": ' + "[" * depth + "]" * depth + "}]}")
    other = tmp_path / "ok.txt"
    other.write_text(STORY, encoding="utf-8")
    assert _shown(_read(path, other)) == [
        f"{path}:2: JSON nested too deeply ({depth + 3} levels)",
        f"article {other}",
    ]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("text", "before \\ud800 after", "a lone surrogate U+D800 at character 7"),
        ("text", "\\udfff", "a lone surrogate U+DFFF at character 0"),
        ("title", "Quay \\udc00", "a lone surrogate U+DC00 at character 5"),
        ("outlet", "\\ud83d Wire", "a lone surrogate U+D83D at character 0"),
        ("text", "nul \\u0000 inside", "a NUL character at character 4"),
    ],
)
def test_bad_json_escape_is_an_error_for_its_record_others_go_on(
    tmp_path: Path, field: str, value: str, problem: str
) -> None:
    bad = '{"text": "%s", "%s": "%s"}' % (STORY, field, value)  # noqa: UP031
    if field == "text":
        bad = '{"text": "%s"}' % value  # noqa: UP031
    path = tmp_path / "esc.jsonl"
    path.write_text(f'{bad}\n{{"text": "{STORY}"}}\n', encoding="utf-8")
    error, article = _read(path)
    assert isinstance(error, InputError) and error.where == f"{path}:1"
    assert error.reason.startswith(f"field {field!r} holds {problem}")
    assert isinstance(article, Article) and article.origin == f"{path}:2"


def test_surrogate_pair_escape_is_a_real_character_and_is_read(tmp_path: Path) -> None:
    path = tmp_path / "emoji.jsonl"
    path.write_text('{"text": "%s \\ud83d\\ude00"}\n' % STORY, encoding="utf-8")  # noqa: UP031
    [article] = _read(path)
    assert isinstance(article, Article) and article.text.endswith("\U0001f600")


@pytest.mark.parametrize("value", ["12345", "12.5", "true", '["a", "b"]'])
def test_text_that_is_not_a_string_is_an_error_naming_the_line(tmp_path: Path, value: str) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text(f'{{"text": "{STORY}"}}\n{{"text": {value}}}\n', encoding="utf-8")
    article, error = _read(path)
    assert isinstance(article, Article)
    assert isinstance(error, InputError) and error.where == f"{path}:2"
    assert error.reason.startswith("field 'text' should be text, not ")


def test_two_records_with_one_id_keep_the_first_and_report_the_second(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    lines = [
        {"id": "quay-1", "text": STORY},
        {"id": "other", "text": "Pilots said the fog lifted."},
        {"id": "quay-1", "text": "A different story that would replace the first."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    first, other, dup = _read(path)
    assert isinstance(first, Article) and first.text == STORY
    assert isinstance(other, Article)
    assert str(dup) == (
        f"{path}:3: duplicate article id 'quay-1': {path}:1 has the same id "
        "(the same id, or url, or text); this one is skipped"
    )


def test_two_csv_rows_with_one_url_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(
        f'url,text\nhttps://q.example/1,"{STORY}"\nhttps://q.example/1,"Changed text."\n',
        encoding="utf-8",
    )
    first, dup = _read(path)
    assert isinstance(first, Article)
    assert isinstance(dup, InputError) and dup.where == f"{path}:3"
    assert f"{path}:2 has the same id" in dup.reason


def test_same_article_as_text_file_and_record_has_one_id(tmp_path: Path) -> None:
    txt = tmp_path / "quay.txt"
    txt.write_text(f"\ufeff{STORY}\n\n", encoding="utf-8")  # BOM and trailing lines kept
    jsonl = tmp_path / "quay.jsonl"
    jsonl.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    from_txt, from_record = _read(txt, jsonl)
    assert isinstance(from_txt, Article) and isinstance(from_record, Article)
    assert from_txt.text != from_record.text  # each keeps its exact text (offsets)
    assert from_txt.id == from_record.id


def test_local_paths_are_refused_when_not_allowed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(STORY, encoding="utf-8")
    shown = _shown(_read(secret, tmp_path, "/etc/hostname", f"file://{secret}", allow_paths=False))
    refused = "not an http(s) URL (local paths are not read here; upload the file instead)"
    assert shown == [
        f"{secret}: {refused}",
        f"{tmp_path}: {refused}",
        f"/etc/hostname: {refused}",
        f"file://{secret}: unsupported URL scheme (only http and https)",
    ]
