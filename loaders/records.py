"""Articles stored as records: JSON Lines, JSON and CSV/TSV.

Field names are matched case-insensitively; the first name of each row of
:data:`FIELDS` that a record has (and that is not empty) is used:

>>> rec = {"Headline": "Harbour shut", "body": "The port was closed.", "link": "https://g.example/1"}
>>> a = record_article(rec, origin="news.jsonl:3")
>>> a.title, a.text, a.url, a.origin
('Harbour shut', 'The port was closed.', 'https://g.example/1', 'news.jsonl:3')
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from graph.errors import InputError
from graph.model import Article
from graph.outlets import OutletRegistry
from loaders.dateline import article_outlet

#: Article attribute -> record field names accepted for it, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid", "uuid"),
    "url": ("url", "link", "href", "uri", "canonical_url", "source_url"),
    "outlet": (
        "outlet", "source", "publisher", "publication", "site_name", "sitename", "site",
        "source_name", "media", "domain",
    ),
    "title": ("title", "headline", "heading"),
    "published": (
        "published", "date", "published_at", "publishedat", "publish_date", "pubdate",
        "date_publish", "datetime", "time", "timestamp", "created_at",
    ),
    "text": (
        "text", "body", "content", "maintext", "article", "full_text", "fulltext",
        "article_text", "story",
    ),
}  # fmt: skip

#: Keys under which a JSON object keeps its list of articles, tried in order.
LIST_KEYS = ("articles", "items", "records", "data", "documents", "docs", "results", "entries")

# Where the value of a field given as an object is kept.
_INNER = ("name", "rendered", "text", "value", "title")


def _field(lowered: Mapping[str, Any], attr: str) -> Any:
    for name in FIELDS[attr]:
        value = lowered.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_str(value: Any, attr: str, where: str) -> str | None:
    if isinstance(value, Mapping):  # NewsAPI {"name": ..}, WordPress {"rendered": ..}
        value = next((value[k] for k in _INNER if value.get(k) not in (None, "")), None)
    if value is None:
        return None
    if isinstance(value, bool | list | dict) or (attr == "text" and not isinstance(value, str)):
        raise InputError(where, f"field {attr!r} should be text, not {type(value).__name__}")
    if attr == "published" and isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError) as e:
            raise InputError(where, f"field 'published': bad timestamp {value}") from e
    text = str(value)
    return text if attr == "text" else (" ".join(text.split()) or None)


def record_article(record: Any, *, origin: str, registry: OutletRegistry | None = None) -> Article:
    """The article in one record; InputError (naming ``origin``) when it has no text."""
    if not isinstance(record, Mapping):
        raise InputError(origin, f"record is a {type(record).__name__}, not an object")
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    values = {attr: _as_str(_field(lowered, attr), attr, origin) for attr in FIELDS}
    text = values["text"]
    if text is None or not text.strip():
        names = ", ".join(FIELDS["text"])
        raise InputError(origin, f"record has no text (looked for fields: {names})")
    return Article.create(
        text=text,
        url=values["url"],
        outlet=article_outlet(
            declared=values["outlet"], url=values["url"], text=text, registry=registry
        ),
        title=values["title"],
        published=values["published"],
        origin=origin,
        id=values["id"],
    )


def _safe(record: Any, origin: str, registry: OutletRegistry | None) -> Article | InputError:
    try:
        return record_article(record, origin=origin, registry=registry)
    except InputError as e:
        return e


def read_jsonl(
    text: str, where: str, registry: OutletRegistry | None = None
) -> Iterator[Article | InputError]:
    """One article per non-blank line; a malformed line is an InputError ``where:line``.

    >>> out = list(read_jsonl('{"text": "It rained."}\\n{oops\\n', "f.jsonl"))
    >>> out[0].origin, out[1].where
    ('f.jsonl:1', 'f.jsonl:2')
    >>> out[1].reason
    'not valid JSON (Expecting property name enclosed in double quotes, column 2)'
    """
    # Split on "\n" only: JSON strings may hold U+2028 and other line breaks.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(origin, f"not valid JSON ({e.msg}, column {e.colno})")
            continue
        except RecursionError:
            yield _too_deep(line, where, number)
            continue
        yield _safe(record, origin, registry)


def read_json(
    text: str, where: str, registry: OutletRegistry | None = None
) -> Iterator[Article | InputError]:
    """Articles in a JSON document: an array of records, an object holding one
    (under ``articles``, ``items``, ...), or a single record. Each record's
    origin is ``where:line`` with the line its object starts on.

    >>> doc = '{"articles": [\\n {"text": "One."},\\n {"title": "no text"}\\n]}'
    >>> [x.where if isinstance(x, InputError) else x.origin for x in read_json(doc, "f.json")]
    ['f.json:2', 'f.json:3']
    """
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data" and e.lineno > 1:  # JSON Lines under a .json name
            yield from read_jsonl(text, where, registry)
            return
        yield InputError(f"{where}:{e.lineno}", f"not valid JSON ({e.msg}, column {e.colno})")
        return
    except RecursionError:
        yield _too_deep(text, where)
        return
    if isinstance(doc, dict):
        key = next((k for k in LIST_KEYS if isinstance(doc.get(k), list)), None)
        if key is None:
            yield _safe(doc, f"{where}:{_line_at(text, 0)}", registry)
            return
        items = doc[key]
        lines = _element_lines(text, key)
    elif isinstance(doc, list):
        items = doc
        lines = _element_lines(text)
    else:
        yield InputError(where, f"JSON holds a {type(doc).__name__}, not articles")
        return
    if not items:
        yield InputError(where, "JSON holds no articles (empty list)")
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else None
        yield _safe(item, f"{where}:{line}" if line else f"{where}[{i}]", registry)


def _line_at(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return text.count("\n", 0, pos) + 1


def _element_lines(text: str, key: str | None = None) -> list[int]:
    """Line numbers where the elements of the top-level array start (or of the
    array under top-level ``key``), found by walking the document with raw_decode."""
    try:
        return _walk_lines(text, key)
    except (ValueError, RecursionError):  # cannot happen for a document json.loads accepted
        return []


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _too_deep(text: str, where: str, first_line: int = 1) -> InputError:
    """The error for a JSON document nested deeper than the parser can follow,
    naming the line where it is deepest.

    >>> str(_too_deep('{"a":\\n' + "[" * 3000 + "]" * 3000 + "}", "f.json"))
    'f.json:2: JSON nested too deeply (3001 levels)'
    """
    depth, deepest, at = 0, 0, 0
    for m in _JSON_TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest, at = depth, m.start()
        elif token in "]}":
            depth -= 1
    line = first_line + text.count("\n", 0, at)
    return InputError(f"{where}:{line}", f"JSON nested too deeply ({deepest} levels)")


def _walk_lines(text: str, key: str | None) -> list[int]:
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    if key is not None:
        if text[pos : pos + 1] != "{":
            return []
        pos = _skip_ws(text, pos + 1)
        while pos < len(text) and text[pos] != "}":
            name, pos = decoder.raw_decode(text, pos)
            pos = _skip_ws(text, _skip_ws(text, pos) + 1)  # past ':'
            if name == key:
                break
            _, pos = decoder.raw_decode(text, pos)
            pos = _skip_ws(text, pos)
            if text[pos : pos + 1] == ",":
                pos = _skip_ws(text, pos + 1)
        else:
            return []
    if text[pos : pos + 1] != "[":
        return []
    lines: list[int] = []
    pos = _skip_ws(text, pos + 1)
    while pos < len(text) and text[pos] != "]":
        lines.append(text.count("\n", 0, pos) + 1)
        _, pos = decoder.raw_decode(text, pos)
        pos = _skip_ws(text, pos)
        if text[pos : pos + 1] == ",":
            pos = _skip_ws(text, pos + 1)
    return lines


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def read_csv(
    text: str, where: str, delimiter: str = ",", registry: OutletRegistry | None = None
) -> Iterator[Article | InputError]:
    """One article per row after the header row; origins are ``where:line``.

    A row with more cells than the header is malformed (InputError); other rows
    are still read.

    >>> rows = 'title,text\\nRain,It rained.\\nOops,"a",b\\n'
    >>> [str(x) if isinstance(x, InputError) else x.text for x in read_csv(rows, "f.csv")]
    ['It rained.', 'f.csv:3: malformed row: 3 cells, the header has 2']
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield InputError(where, "CSV file has no header row")
        return
    except csv.Error as e:
        yield InputError(f"{where}:1", f"malformed CSV header ({e})")
        return
    names = [h.strip() for h in header]
    if not any(n.lower() in FIELDS["text"] for n in names):
        yield InputError(
            f"{where}:1",
            f"CSV header has no text column (one of: {', '.join(FIELDS['text'])})",
        )
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield InputError(f"{where}:{line}", f"malformed CSV ({e})")
            return
        origin, line = f"{where}:{line}", reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            yield InputError(
                origin, f"malformed row: {len(row)} cells, the header has {len(names)}"
            )
            continue
        yield _safe(dict(zip(names, row, strict=False)), origin, registry)
