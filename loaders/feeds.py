"""RSS and Atom feeds: every entry becomes an article.

An entry's text is its full content when the feed carries it, else its
summary. With ``fetch_page`` (a callable that reads a URL into an Article, see
:mod:`loaders.read`), entries that only have a summary are replaced by their
linked page.

>>> feed = '''<?xml version="1.0"?><rss version="2.0"><channel><title>Lagoon Wire</title>
... <item><title>Boats idle</title><link>https://lagoon.example/boats</link>
... <description>Boat owners said the canals were too low.</description>
... <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>'''
>>> [a] = read_feed(feed.encode(), "lagoon.rss")
>>> a.title, a.outlet, a.published, a.origin
('Boats idle', 'Lagoon Wire', '2024-03-05T10:00:00+00:00', 'lagoon.rss#1')
>>> a.text
'Boat owners said the canals were too low.'
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from graph.errors import InputError
from graph.model import Article
from graph.outlets import OutletRegistry
from loaders.dateline import article_outlet, resolve_outlet
from loaders.webpage import html_fragment_text

#: Reads the page an entry links to; returns an Article or raises InputError.
PageFetcher = Callable[[str], Article]


def looks_like_feed(data: bytes) -> bool:
    """Whether an XML document is an RSS, RDF or Atom feed (by its root element).

    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<feed xmlns="http://www.w3.org/2005/Atom">')
    True
    >>> looks_like_feed(b"<html><body>hi</body></html>")
    False
    """
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _entry_text(entry: Any) -> tuple[str, bool]:
    """The entry's text and whether it is the full content (not just a summary)."""
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        text = _as_text(value, content.get("type", ""))
        if text.strip():
            return text, True
    summary = entry.get("summary") or ""
    return _as_text(summary, (entry.get("summary_detail") or {}).get("type", "")), False


def _as_text(value: str, mime: str) -> str:
    if "html" in mime or "<" in value:
        return html_fragment_text(value)
    return value.strip()


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    raw = entry.get("published") or entry.get("updated")
    return str(raw) if raw else None


def read_feed(
    data: bytes,
    where: str,
    *,
    registry: OutletRegistry | None = None,
    fetch_page: PageFetcher | None = None,
) -> Iterator[Article | InputError]:
    """Articles of a feed; entry ``n`` (from 1) has origin ``where#n``.

    A feed that cannot be parsed or has no entries gives one InputError; an
    entry with no text gives an InputError for that entry.
    """
    import feedparser  # only when a feed is read

    parsed = feedparser.parse(data)
    # A broken document can leave empty entries behind: they are not articles.
    entries = [e for e in parsed.get("entries") or () if e]
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed ({problem})" if problem else "feed has no entries"
        yield InputError(where, reason)
        return
    site = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        origin = f"{where}#{number}"
        link = entry.get("link") or None
        text, full = _entry_text(entry)
        if fetch_page is not None and link and not full:
            try:
                yield fetch_page(link)
                continue
            except InputError as e:
                yield InputError(origin, f"linked page not read, used the summary: {e}")
        if not text.strip():
            yield InputError(origin, "feed entry has no content or summary")
            continue
        yield Article.create(
            text=text,
            url=link,
            # The feed's title ("Lagoon Wire - World") is the weakest hint.
            outlet=article_outlet(url=link, text=text, registry=registry)
            or resolve_outlet(site, registry),
            title=entry.get("title") or None,
            published=_published(entry),
            origin=origin,
        )
