"""Dispatch inputs (paths, directories, URLs, feeds) to the right reader.

``read_inputs`` yields an :class:`~graph.model.Article` for every article it
can read and an :class:`~graph.errors.InputError` for every input (or line)
it cannot, so one bad input never stops the others.

>>> import tempfile, pathlib
>>> tmp = tempfile.TemporaryDirectory()
>>> d = pathlib.Path(tmp.name)
>>> _ = (d / "a.txt").write_text("ROME (AFP) - Officials said it rained.", encoding="utf-8")
>>> [x.reason if isinstance(x, InputError) else x.outlet
...  for x in read_inputs([str(d / "a.txt"), str(d / "missing.txt")])]
['Agence France-Presse', 'no such file or directory']
>>> tmp.cleanup()
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputError
from graph.model import Article
from graph.outlets import OutletRegistry, default_registry
from loaders.feeds import looks_like_feed, read_feed
from loaders.fetch import DEFAULT_TIMEOUT, Fetched, fetch, is_url
from loaders.files import check_not_binary, default_max_bytes, read_bytes, text_of
from loaders.plain import plain_article
from loaders.records import read_csv, read_json, read_jsonl
from loaders.webpage import html_article

#: File suffix -> reader kind; anything else is sniffed (HTML, feed) or read as text.
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
}  # fmt: skip
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` caps every file and download (default
    ``$SOURCETRACE_MAX_INPUT_BYTES`` or 20 MiB); ``timeout`` is in seconds per
    URL; with ``fetch_linked`` a feed entry that only has a summary is replaced
    by the page it links to.
    """

    max_bytes: int = field(default_factory=default_max_bytes)
    timeout: float = DEFAULT_TIMEOUT
    fetch_linked: bool = False
    registry: OutletRegistry = field(default_factory=default_registry)


def read_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Every article in ``inputs`` (files, directories, http(s) URLs), in order,
    with an InputError in place of each input or record that cannot be read."""
    try:
        opts = options or ReadOptions()
    except InputError as e:  # a bad $SOURCETRACE_MAX_INPUT_BYTES
        yield e
        return
    for item in inputs:
        if not item.strip():
            yield InputError(repr(item), "empty input name (expected a path or URL)")
        elif is_url(item):
            yield from read_url(item, opts)
        elif _SCHEME.match(item) and not Path(item).exists():
            yield InputError(item, "unsupported URL scheme (only http and https)")
        elif Path(item).is_dir():
            yield from read_directory(Path(item), item, opts)
        else:
            yield from read_path(Path(item), item, opts)


def read_directory(path: Path, where: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    """Every non-hidden file below ``path``, in sorted order, recursively."""
    found = False
    problems: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=problems.append):
        yield from _walk_errors(problems, path, where)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            found = True
            file = Path(root) / name
            shown = os.path.join(where, os.path.relpath(file, path))
            yield from read_path(file, shown, opts)
    yield from _walk_errors(problems, path, where)
    if not found:
        yield InputError(where, "directory has no files to read")


def _walk_errors(problems: list[OSError], path: Path, where: str) -> Iterator[InputError]:
    while problems:
        e = problems.pop(0)
        shown = os.path.join(where, os.path.relpath(e.filename, path)) if e.filename else where
        yield InputError(os.path.normpath(shown), f"cannot read directory: {e.strerror or e}")


def read_path(path: Path, where: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    """The articles of one file, chosen by suffix (or by content when unknown)."""
    try:
        data = read_bytes(path, where, opts.max_bytes)
        kind = SUFFIXES.get(path.suffix.lower()) or _sniff(data)
        yield from _read_data(data, kind, where, None, opts)
    except InputError as e:
        yield e


def read_url(url: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    """The article (or feed entries, or records) served at ``url``."""
    try:
        got = fetch(url, timeout=opts.timeout, max_bytes=opts.max_bytes)
        yield from _read_data(got.data, got.kind, url, got, opts)
    except InputError as e:
        yield e


def fetch_article(url: str, opts: ReadOptions) -> Article:
    """The single article at ``url`` (an HTML page or text); InputError otherwise."""
    got = fetch(url, timeout=opts.timeout, max_bytes=opts.max_bytes)
    if got.kind not in ("html", "text"):
        raise InputError(url, f"not an article page (content type {got.content_type!r})")
    [article] = _read_data(got.data, got.kind, url, got, opts)
    if isinstance(article, InputError):
        raise article
    return article


def _declared(data: bytes, charset: str | None) -> str | bytes:
    """HTML decoded with the charset its server declared; bytes (trafilatura then
    reads the page's own declaration) when there is none or it does not fit."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return data


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    return "text"


def _read_data(
    data: bytes,
    kind: str,
    where: str,
    fetched: Fetched | None,
    opts: ReadOptions,
) -> Iterator[Article | InputError]:
    what = "response" if fetched else "file"
    url = fetched.final_url if fetched else None
    charset = fetched.charset if fetched else None
    reg = opts.registry
    if kind == "xml":
        kind = "feed" if looks_like_feed(data) else ("html" if _sniff(data) == "html" else "")
        if not kind:
            raise InputError(where, "XML that is not an RSS or Atom feed")
    if kind in ("html", "feed"):
        if not data.strip():
            raise InputError(where, f"empty {what} ({'no text' if data else '0 bytes'})")
        check_not_binary(data, where, what)
    if kind == "html":
        yield html_article(_declared(data, charset), origin=where, url=url, registry=reg)
    elif kind == "feed":
        linked = (lambda link: fetch_article(link, opts)) if opts.fetch_linked else None
        yield from read_feed(data, where, registry=reg, fetch_page=linked)
    else:
        text = text_of(data, where, charset or "utf-8", what)
        if kind == "jsonl":
            yield from read_jsonl(text, where, reg)
        elif kind == "json":
            yield from read_json(text, where, reg)
        elif kind in ("csv", "tsv"):
            yield from read_csv(text, where, "\t" if kind == "tsv" else ",", reg)
        else:
            yield plain_article(text, origin=where, url=url, registry=reg)
