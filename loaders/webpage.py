"""Web pages: the main text and metadata of an HTML article, with trafilatura.

>>> page = '''<html><head><title>Harbour shut</title>
... <meta property="og:site_name" content="Harbour Gazette"></head><body><article>
... <p>The harbour master said on Tuesday that the port would stay shut until the
... wind drops below gale force, and that ferries would resume on Thursday.</p>
... </article></body></html>'''
>>> a = html_article(page, origin="harbour.html")
>>> a.title, a.outlet
('Harbour shut', 'Harbour Gazette')
>>> a.text.startswith("The harbour master said")
True
"""

from __future__ import annotations

import html as html_lib
import logging
from html.parser import HTMLParser
from urllib.parse import urlsplit

from graph.errors import InputError
from graph.model import Article
from graph.outlets import OutletRegistry
from loaders.dateline import article_outlet

#: Fewer words than this in the extracted main text means the page has no article.
MIN_WORDS = 8

# trafilatura logs every page it cannot parse; the InputError says it better.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def html_article(
    page: str | bytes,
    *,
    origin: str,
    url: str | None = None,
    registry: OutletRegistry | None = None,
) -> Article:
    """The article in an HTML page: main text, title, date, site name, canonical url.

    ``url`` is where the page was fetched from (if it was); a canonical url in
    the page, when absolute, becomes the article's url. A page with no article
    body raises InputError.
    """
    import trafilatura  # heavy import, only when there is HTML to read

    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as e:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(origin, f"cannot parse HTML: {e}") from e
    meta = {} if doc is None else (doc if isinstance(doc, dict) else doc.as_dict())
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:  # a menu or a title is not an article
        raise InputError(origin, "no article text found in the HTML page")
    canonical = _absolute_url(meta.get("url")) or url
    return Article.create(
        text=text,
        url=canonical,
        outlet=article_outlet(
            declared=meta.get("sitename"), url=canonical, text=text, registry=registry
        ),
        title=meta.get("title") or None,
        published=meta.get("date") or None,
        origin=origin,
    )


def _absolute_url(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "section", "article", "tr", "pre", "figure"}
)
_SKIP = frozenset(("script", "style", "template", "noscript"))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Readable text of a small HTML fragment (a feed entry): tags dropped,
    entities decoded, one paragraph per line.

    >>> html_fragment_text("<p>Rain &amp; wind</p><p>Roads   closed.</p>")
    'Rain & wind\\nRoads closed.'
    >>> html_fragment_text("no markup at all")
    'no markup at all'
    """
    if "<" not in fragment:
        return " ".join(html_lib.unescape(fragment).split())
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(ln.split()) for ln in "".join(collector.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)
