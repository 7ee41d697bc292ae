"""Dispatch inputs (paths, directories, URLs, feeds, uploads) to the right reader.

``read_inputs`` yields an :class:`~graph.model.Article` for every article it
can read and an :class:`~graph.errors.InputError` for every input (or line)
it cannot, so one bad input never stops the others.

This module and the two it relies on are the input-safety layer that every
reader goes through: :mod:`loaders.files` (regular files only, size cap, no
binary data, strict UTF-8), :mod:`loaders.addresses` with :mod:`loaders.fetch`
(http(s) only, public addresses only unless allowed, every redirect checked,
one deadline for the whole download), and here: what an input may name
(:attr:`ReadOptions.allow_paths`), text that is valid Unicode without NUL
characters in every field of every article, and one id per article in an input.

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
from loaders.addresses import Networks, private_allowed_by_env
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
    ``$SOURCETRACE_MAX_INPUT_BYTES`` or 20 MiB); ``timeout`` is in seconds for
    the whole download of each URL; with ``fetch_linked`` a feed entry that
    only has a summary is replaced by the page it links to. ``allow_private_urls``
    (default ``$SOURCETRACE_ALLOW_PRIVATE_URLS``, off) lets URLs, redirects and
    linked pages reach loopback, private and link-local addresses (True: all;
    or only those in the networks it holds); without
    ``allow_paths`` an input that is not an http(s) URL is refused unread (a
    server reading on a user's behalf reads no paths of its own).
    """

    max_bytes: int = field(default_factory=default_max_bytes)
    timeout: float = DEFAULT_TIMEOUT
    fetch_linked: bool = False
    allow_private_urls: bool | Networks = field(default_factory=private_allowed_by_env)
    allow_paths: bool = True
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
        yield from _isolated(_read_input(item, opts), item)


def _read_input(item: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    if not item.strip():
        yield InputError(repr(item), "empty input name (expected a path or URL)")
    elif is_url(item):
        yield from read_url(item, opts)
    elif not opts.allow_paths:
        reason = (
            "unsupported URL scheme (only http and https)"
            if _SCHEME.match(item)
            else ("not an http(s) URL (local paths are not read here; upload the file instead)")
        )
        yield InputError(item, reason)
    elif _SCHEME.match(item) and not Path(item).exists():
        yield InputError(item, "unsupported URL scheme (only http and https)")
    elif Path(item).is_dir():
        yield from read_directory(Path(item), item, opts)
    else:
        yield from read_path(Path(item), item, opts)


def read_upload(
    name: str, data: bytes, options: ReadOptions | None = None
) -> list[Article | InputError]:
    """The articles in an uploaded file's bytes, read by its name's suffix (or
    its content), without touching the file system; errors name ``name``."""
    opts = options or ReadOptions()
    if len(data) > opts.max_bytes:
        return [
            InputError(name, f"file too big ({len(data)} bytes; the limit is {opts.max_bytes})")
        ]
    kind = SUFFIXES.get(Path(name).suffix.lower()) or _sniff(data)
    return list(_isolated(_read_data(data, kind, name, None, opts), name))


def _isolated(items: Iterator[Article | InputError], where: str) -> Iterator[Article | InputError]:
    """``items`` with their reader's InputError in its place, and, should a
    reader fail in a way nobody foresaw, one error naming the input instead of
    a traceback that would stop the other inputs."""
    try:
        yield from items
    except InputError as e:
        yield e
    except Exception as e:
        yield InputError(where, f"cannot read ({type(e).__name__}: {e}); please report this")


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

    def articles() -> Iterator[Article | InputError]:
        data = read_bytes(path, where, opts.max_bytes)
        kind = SUFFIXES.get(path.suffix.lower()) or _sniff(data)
        yield from _read_data(data, kind, where, None, opts)

    return _isolated(articles(), where)


def read_url(url: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    """The article (or feed entries, or records) served at ``url``."""

    def articles() -> Iterator[Article | InputError]:
        got = _fetch(url, opts)
        yield from _read_data(got.data, got.kind, url, got, opts)

    return _isolated(articles(), url)


def _fetch(url: str, opts: ReadOptions) -> Fetched:
    return fetch(
        url,
        timeout=opts.timeout,
        max_bytes=opts.max_bytes,
        allow_private=opts.allow_private_urls,
    )


def fetch_article(url: str, opts: ReadOptions) -> Article:
    """The single article at ``url`` (an HTML page or text); InputError otherwise."""
    got = _fetch(url, opts)
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
    data: bytes, kind: str, where: str, fetched: Fetched | None, opts: ReadOptions
) -> Iterator[Article | InputError]:
    """The articles of one input's bytes, each checked; a second article with
    an id already read from this input is an error naming both places."""
    seen: dict[str, str] = {}
    for item in _parse(data, kind, where, fetched, opts):
        if isinstance(item, Article):
            item = check_article(item, where)
        if isinstance(item, Article):
            first = seen.setdefault(item.id, item.origin or where)
            if first != (item.origin or where):
                item = InputError(
                    item.origin or where,
                    f"duplicate article id {item.id!r}: {first} has the same id "
                    "(the same id, or url, or text); this one is skipped",
                )
        yield item


def check_article(article: Article, where: str) -> Article | InputError:
    """``article``, or an InputError naming its origin when a field of it holds a
    NUL character or a lone surrogate (a JSON ``\\ud800`` escape): text that no
    store, file or page could carry.

    >>> str(check_article(Article.create(text="a \\ud800 b", origin="f.jsonl:2"), "f.jsonl"))
    "f.jsonl:2: field 'text' holds a lone surrogate U+D800 at character 2 (not valid Unicode)"
    """
    for name in ("text", "title", "outlet", "url", "published", "id"):
        value = getattr(article, name)
        if not value:
            continue
        problem = _bad_char(value)
        if problem:
            return InputError(article.origin or where, f"field {name!r} holds {problem}")
    return article


def _bad_char(value: str) -> str | None:
    nul = value.find("\x00")
    if nul >= 0:
        return f"a NUL character at character {nul}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        char = ord(value[e.start])
        return f"a lone surrogate U+{char:04X} at character {e.start} (not valid Unicode)"
    return None


def _parse(
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
