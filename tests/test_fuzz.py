"""Fuzzing the readers and `sourcetrace extract` with random bytes, deep nesting and odd
unicode, for a bounded number of examples: every input ends as an article or as a
reported error naming it, never as a traceback, and never as the reader's last-resort
"please report this" error (which would mean a failure nobody foresaw)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from graph.errors import InputError
from graph.model import Article
from loaders.read import ReadOptions, read_inputs, read_upload

SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".rss", ".xml", ".bin")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Any code point, lone surrogates included.
odd_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)


def _check(items: list[Article | InputError], name: str) -> None:
    for item in items:
        if isinstance(item, InputError):
            assert item.where.startswith(name), item
            assert "please report" not in item.reason, item
        else:
            assert isinstance(item, Article)
            item.text.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in item.text


def _nested(depth: int, opener: str, closer: str, inner: str) -> str:
    return opener * depth + inner + closer * depth


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_an_article_or_a_reported_error(data: bytes, suffix: str) -> None:
    _check(read_upload(f"fuzz{suffix}", data), "fuzz")


@FUZZ
@given(
    prefix=st.sampled_from([b"<html><body><p>", b'<?xml version="1.0"?><rss><channel><item>',
                            b'{"text": "', b"text,title\n\"", b"\xef\xbb\xbf"]),
    data=st.binary(max_size=1500),
    suffix=st.sampled_from(SUFFIXES),
)  # fmt: skip
def test_random_bytes_after_a_plausible_start_are_handled(
    prefix: bytes, data: bytes, suffix: str
) -> None:
    _check(read_upload(f"fuzz{suffix}", prefix + data), "fuzz")


@FUZZ
@given(
    depth=st.integers(min_value=1, max_value=20_000),
    shape=st.sampled_from([("[", "]"), ('{"a": ', "}"), ('[{"text": ', "}]")]),
    suffix=st.sampled_from([".json", ".jsonl"]),
)
def test_deeply_nested_json_is_handled(depth: int, shape: tuple[str, str], suffix: str) -> None:
    doc = _nested(depth, shape[0], shape[1], '"Pilots said the fog lifted."')
    _check(read_upload(f"fuzz{suffix}", doc.encode()), "fuzz")


@FUZZ
@given(
    depth=st.integers(min_value=1, max_value=5_000),
    tag=st.sampled_from(["div", "p", "blockquote", "item", "entry"]),
    suffix=st.sampled_from([".html", ".rss", ".xml"]),
)
def test_deeply_nested_markup_is_handled(depth: int, tag: str, suffix: str) -> None:
    inner = "The harbour master said the north quay would reopen on Friday after repairs."
    doc = _nested(depth, f"<{tag}>", f"</{tag}>", inner)
    head = '<?xml version="1.0"?><rss><channel>' if suffix != ".html" else "<html><body>"
    _check(read_upload(f"fuzz{suffix}", (head + doc).encode()), "fuzz")


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["text", "id", "title", "outlet", "url", "date", "body"]),
            st.one_of(odd_text, st.integers(), st.floats(), st.booleans(), st.none()),
            max_size=5,
        ),
        max_size=6,
    ),
    ascii_only=st.booleans(),
)
def test_records_with_odd_unicode_and_odd_types_are_handled(
    records: list[dict[str, object]], ascii_only: bool
) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records)
    data = lines.encode("utf-8", "surrogatepass")
    _check(read_upload("fuzz.jsonl", data), "fuzz")
    doc = json.dumps(records, ensure_ascii=True).encode()  # lone surrogates as \\ud800
    _check(read_upload("fuzz.json", doc), "fuzz")


@FUZZ
@given(text=odd_text)
def test_odd_unicode_in_text_and_csv_files_is_handled(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    _check(read_upload("fuzz.txt", data), "fuzz")
    _check(read_upload("fuzz.csv", b"title,text\nT," + data), "fuzz")


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    files=st.lists(
        st.tuples(st.sampled_from(SUFFIXES), st.one_of(
            st.binary(max_size=400),
            odd_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.integers(1, 3000).map(lambda d: ("[" * d + "]" * d).encode()),
        )),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_extract_reports_every_bad_input_and_never_crashes(
    fuzz_dir: Path, files: list[tuple[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for i, (suffix, data) in enumerate(files):
        path = fuzz_dir / f"in{i}{suffix}"
        path.write_bytes(data)
        paths.append(str(path))
    code = main(["extract", "--format", "jsonl", *paths])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    for line in err.splitlines():
        assert line.startswith("sourcetrace: error: "), err
        assert "please report" not in line and "extraction failed" not in line, err
    for line in out.splitlines():
        json.loads(line)
    assert list(read_inputs(paths, ReadOptions()))  # the readers agree: each path said something
