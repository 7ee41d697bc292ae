"""RSS and Atom feeds: one article per entry, full content over summaries."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import InputError
from graph.model import Article
from loaders.feeds import read_feed
from loaders.read import ReadOptions, read_inputs

if TYPE_CHECKING:  # the fixture's class, for annotations only
    from conftest import LocalServer

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lagoon Wire</title><link>https://lagoon-wire.example/</link>
<item>
  <title>Bridge reopens</title>
  <link>https://lagoon-wire.example/bridge</link>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The engineer said the bridge was safe.</p>
  <p>Traffic resumed at noon, officials said.</p>]]></content:encoded>
  <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
</item>
<item>
  <title>Tide warning</title>
  <link>{link}</link>
  <description>Harbour staff said the tide would peak at dusk.</description>
</item>
<item><title>Empty entry</title></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Reuters World</title>
  <id>urn:lagoon</id><updated>2024-03-06T08:00:00Z</updated>
  <entry>
    <title>Port strike ends</title>
    <link href="https://lagoon-news.example/strike"/>
    <id>urn:lagoon:1</id>
    <updated>2024-03-06T08:00:00Z</updated>
    <content type="html">&lt;p&gt;A union leader said the strike was over.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _rss(link: str = "https://lagoon-wire.example/tide") -> bytes:
    return RSS.format(link=link).encode("utf-8")


def test_rss_entries_become_articles_with_their_metadata() -> None:
    result = list(read_feed(_rss(), "wire.rss"))
    first, second, third = result
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (
        first.text
        == "The engineer said the bridge was safe.\nTraffic resumed at noon, officials said."
    )
    assert first.title == "Bridge reopens"
    assert first.url == "https://lagoon-wire.example/bridge"
    assert first.published == "2024-03-05T10:00:00+00:00"
    assert first.outlet == "Lagoon Wire"
    assert first.origin == "wire.rss#1"
    assert second.text == "Harbour staff said the tide would peak at dusk."
    assert isinstance(third, InputError)
    assert third.where == "wire.rss#3"
    assert "no content or summary" in third.reason


def test_atom_entry_content_is_read_and_feed_title_canonicalised() -> None:
    [article] = read_feed(ATOM.encode(), "world.atom")
    assert isinstance(article, Article)
    assert article.text == "A union leader said the strike was over."
    assert article.published == "2024-03-06T08:00:00+00:00"
    assert article.outlet == "Reuters World"  # not a known outlet name: kept as given


def test_entry_url_domain_beats_the_feed_title_for_the_outlet() -> None:
    feed = ATOM.replace("https://lagoon-news.example/strike", "https://www.bbc.co.uk/news/1")
    [article] = read_feed(feed.encode(), "world.atom")
    assert isinstance(article, Article)
    assert article.outlet == "BBC"


def test_feed_file_is_read_through_read_inputs(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_bytes(_rss())
    result = list(read_inputs([str(path)]))
    assert [type(x).__name__ for x in result] == ["Article", "Article", "InputError"]


def test_feed_without_entries_is_one_input_error() -> None:
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    [error] = read_feed(feed, "quiet.rss")
    assert isinstance(error, InputError)
    assert (error.where, error.reason) == ("quiet.rss", "feed has no entries")


def test_broken_feed_is_one_input_error_naming_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><item><title>cut off", "utf-8")
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert "not a readable feed" in error.reason


def test_summary_is_used_by_default_even_when_a_link_exists(server: LocalServer) -> None:
    link = server.add("/tide.html", "<html><body><p>never fetched</p></body></html>")
    result = list(read_feed(_rss(link), "wire.rss"))
    assert isinstance(result[1], Article)
    assert result[1].text == "Harbour staff said the tide would peak at dusk."
    assert server.hits == []


def test_fetch_linked_replaces_summary_only_entries_with_the_page(
    server: LocalServer, article_html: str
) -> None:
    link = server.add("/tide.html", article_html)
    feed = server.add("/wire.rss", _rss(link), content_type="application/rss+xml")
    result = list(read_inputs([feed], ReadOptions(fetch_linked=True)))
    first, second, third = result
    assert isinstance(first, Article) and first.title == "Bridge reopens"  # had full content
    assert isinstance(second, Article)
    assert "Orla Venn" in second.text
    assert second.origin == link
    assert isinstance(third, InputError)
    assert server.hits == ["/wire.rss", "/tide.html"]


def test_fetch_linked_falls_back_to_the_summary_when_the_page_fails(server: LocalServer) -> None:
    missing = server.url("/gone.html")
    feed = server.add("/wire.rss", _rss(missing), content_type="application/rss+xml")
    result = list(read_inputs([feed], ReadOptions(fetch_linked=True)))
    kinds = [type(x).__name__ for x in result]
    assert kinds == ["Article", "InputError", "Article", "InputError"]
    assert result[1].where == f"{feed}#2"  # type: ignore[union-attr]
    assert "HTTP error 404" in result[1].reason  # type: ignore[union-attr]
    assert result[2].text == "Harbour staff said the tide would peak at dusk."  # type: ignore[union-attr]
