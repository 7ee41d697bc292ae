"""Reading files and directories: plain text kept exact, every bad input an InputError."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders.files import MAX_BYTES_ENV
from loaders.read import ReadOptions, read_inputs

STORY = "PORT ALDER (Lagoon Wire) - The ferry captain said the crossing would resume.\n"


def _read(*inputs: str | Path, **options: object) -> list[Article | InputError]:
    opts = ReadOptions(**options) if options else None  # type: ignore[arg-type]
    return list(read_inputs([str(i) for i in inputs], opts))


def _one_error(result: list[Article | InputError]) -> InputError:
    assert len(result) == 1, result
    [error] = result
    assert isinstance(error, InputError), error
    return error


def test_plain_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    raw = "  Café owners said\r\nthe “storm” passed.\t\n\n"
    path = tmp_path / "story.txt"
    path.write_bytes(raw.encode("utf-8"))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == raw
    assert article.origin == str(path)


def test_offsets_into_article_text_match_the_decoded_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Zoë said “yes”.\r\nOdo said no.".encode())
    [article] = _read(path)
    assert isinstance(article, Article)
    decoded = path.read_bytes().decode("utf-8")
    start = decoded.index("Odo")
    assert article.text[start : start + 3] == "Odo"


def test_plain_text_outlet_comes_from_its_dateline(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("WASHINGTON (Reuters) - A senator said the vote was delayed.", "utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.outlet == "Reuters"


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text(STORY, "utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == STORY
    assert article.outlet == "Lagoon Wire"


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    error = _one_error(_read(tmp_path / "nowhere.txt"))
    assert error.where == str(tmp_path / "nowhere.txt")
    assert "no such file" in error.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file (0 bytes)"),
        (b"  \n\t\r\n ", "empty file (no text)"),
        (b"\xef\xbb\xbf\n", "empty file (no text)"),
        (b"%PDF-1.7\n%binary", "binary file (looks like a PDF document)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (looks like a PNG image)"),
        (b"PK\x03\x04rest-of-zip", "binary file (looks like a ZIP archive"),
        (b"text then \x00 a nul", "binary file (NUL byte at offset 10, line 1)"),
        (b"\xff\xfeh\x00i\x00", "UTF-16 text"),
        (b"caf\xe9 au lait", "not valid UTF-8 (byte offset 3: 0xe9, line 1)"),
        ("Zoë said\nso".encode() + b"\x80", "not valid UTF-8 (byte offset 12: 0x80, line 2)"),
    ],
)
def test_bad_file_is_an_input_error_naming_the_problem(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    error = _one_error(_read(path))
    assert error.where == str(path)
    assert reason in error.reason


def test_file_over_the_size_cap_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, "utf-8")
    error = _one_error(_read(path, max_bytes=100))
    assert "too big (500 bytes; the limit is 100)" in error.reason
    [article] = _read(path, max_bytes=500)
    assert isinstance(article, Article)


def test_size_cap_can_be_set_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, "utf-8")
    monkeypatch.setenv(MAX_BYTES_ENV, "64")
    assert "limit is 64" in _one_error(_read(path)).reason


def test_bad_size_cap_in_environment_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    error = _one_error(_read(tmp_path))
    assert error.where == MAX_BYTES_ENV


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, "utf-8")
    result = _read(tmp_path / "missing.txt", good, tmp_path / "also-missing.txt", good)
    assert [type(x).__name__ for x in result] == ["InputError", "Article", "InputError", "Article"]


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second story said b.", "utf-8")
    (tmp_path / "a.txt").write_text("First story said a.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Nested story said c.", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("Hidden dir said no.", "utf-8")
    (tmp_path / ".notes.txt").write_text("Hidden file said no.", "utf-8")
    result = _read(tmp_path)
    assert all(isinstance(x, Article) for x in result)
    assert [x.text for x in result if isinstance(x, Article)] == [
        "First story said a.",
        "Second story said b.",
        "Nested story said c.",
    ]
    assert result[2].origin == str(tmp_path / "sub" / "c.txt")  # type: ignore[union-attr]


def test_directory_with_one_bad_file_still_yields_the_good_articles(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text("Officials said the bridge reopened.", "utf-8")
    (tmp_path / "2-bad.txt").write_bytes(b"broken \xc3\x28 bytes")
    (tmp_path / "3-good.jsonl").write_text('{"text": "A spokesman said it was over."}\n', "utf-8")
    (tmp_path / "4-empty.txt").write_bytes(b"")
    result = _read(tmp_path)
    articles = [x for x in result if isinstance(x, Article)]
    errors = [x for x in result if isinstance(x, InputError)]
    assert [a.text for a in articles] == [
        "Officials said the bridge reopened.",
        "A spokesman said it was over.",
    ]
    assert [e.where for e in errors] == [str(tmp_path / "2-bad.txt"), str(tmp_path / "4-empty.txt")]
    assert "byte offset 7" in errors[0].reason


def test_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("x", "utf-8")
    assert "no files" in _one_error(_read(tmp_path)).reason


def test_unsupported_url_scheme_is_an_input_error() -> None:
    error = _one_error(_read("ftp://files.example/story.txt"))
    assert "unsupported URL scheme" in error.reason


@pytest.mark.parametrize("suffix", [".xml", ".data"])
def test_feed_is_recognised_by_content_when_suffix_does_not_say(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"feed{suffix}"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Lagoon Wire</title>'
        "<item><title>Tide</title><description>Harbour staff said the tide was high."
        "</description></item></channel></rss>",
        "utf-8",
    )
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text == "Harbour staff said the tide was high."


def test_xml_that_is_not_a_feed_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><a>1</a></settings>', "utf-8")
    assert "not an RSS or Atom feed" in _one_error(_read(path)).reason


@pytest.mark.parametrize("item", ["", "   "])
def test_empty_input_name_is_an_input_error_not_the_current_directory(item: str) -> None:
    assert "empty input name" in _one_error(_read(item)).reason


def test_unreadable_subdirectory_is_an_input_error_others_still_read(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read any directory")
    (tmp_path / "a.txt").write_text("A clerk said the office was open.", "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Never read.", "utf-8")
    locked.chmod(0)
    try:
        result = _read(tmp_path)
    finally:
        locked.chmod(0o755)
    assert [type(x).__name__ for x in result] == ["Article", "InputError"]
    assert result[1].where == str(locked)  # type: ignore[union-attr]
