"""Fetching URLs from a real local HTTP server: types, redirects, caps and failures."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders.fetch import fetch
from loaders.read import ReadOptions, read_inputs

if TYPE_CHECKING:  # the fixture's class, for annotations only
    from conftest import LocalServer


def _read(url: str, **options: object) -> list[Article | InputError]:
    return list(read_inputs([url], ReadOptions(**options)))  # type: ignore[arg-type]


def _error(url: str, **options: object) -> InputError:
    [error] = _read(url, **options)
    assert isinstance(error, InputError), error
    assert error.where == url
    return error


def test_html_page_is_read_with_its_metadata(server: LocalServer, article_html: str) -> None:
    url = server.add("/canal.html", article_html)
    [article] = _read(url)
    assert isinstance(article, Article)
    assert article.origin == url
    assert article.url == "https://lagoon-gazette.example/canal-boats"  # canonical
    assert article.title == "Canal boats idle as water drops"
    assert "Orla Venn" in article.text


def test_redirect_is_followed_and_origin_stays_the_url_given(server: LocalServer) -> None:
    server.add("/new", "Harbour staff said the tide was high.", content_type="text/plain")
    old = server.add("/old", status=301, location="/new")
    [article] = _read(old)
    assert isinstance(article, Article)
    assert article.text == "Harbour staff said the tide was high."
    assert article.origin == old
    assert article.url == server.url("/new")
    assert server.hits == ["/old", "/new"]


def test_redirect_loop_is_an_input_error(server: LocalServer) -> None:
    url = server.add("/a", status=302, location="/b")
    server.add("/b", status=302, location="/a")
    assert "HTTP error 30" in _error(url).reason


def test_plain_text_response_is_decoded_with_its_charset(server: LocalServer) -> None:
    url = server.add(
        "/latin.txt",
        "The café owner said it was closed.".encode("iso-8859-1"),
        content_type="text/plain; charset=ISO-8859-1",
    )
    [article] = _read(url)
    assert isinstance(article, Article)
    assert article.text == "The café owner said it was closed."


def test_invalid_utf8_response_names_the_url_and_offset(server: LocalServer) -> None:
    url = server.add("/bad.txt", b"ok so far \xff", content_type="text/plain; charset=utf-8")
    assert "not valid UTF-8 (byte offset 10" in _error(url).reason


def test_empty_response_is_an_input_error(server: LocalServer) -> None:
    url = server.add("/empty.txt", b"", content_type="text/plain")
    assert _error(url).reason == "empty response (0 bytes)"


def test_http_404_is_an_input_error_naming_the_url(server: LocalServer) -> None:
    assert "HTTP error 404" in _error(server.url("/missing")).reason


def test_http_500_is_an_input_error(server: LocalServer) -> None:
    url = server.add("/boom", "oops", status=500, content_type="text/plain")
    assert "HTTP error 500" in _error(url).reason


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/zip"])
def test_wrong_content_type_is_an_input_error(server: LocalServer, content_type: str) -> None:
    url = server.add("/thing", b"\x89PNG....", content_type=content_type)
    assert _error(url).reason == f"unsupported content type {content_type!r}"


def test_body_over_the_size_cap_is_refused_by_its_length(server: LocalServer) -> None:
    url = server.add("/big.txt", "said " * 1000, content_type="text/plain")
    assert _error(url, max_bytes=1000).reason == "too big (5000 bytes; the limit is 1000)"


def test_body_over_the_size_cap_is_refused_without_a_length(server: LocalServer) -> None:
    url = server.add("/big.txt", "said " * 1000, content_type="text/plain", send_length=False)
    assert _error(url, max_bytes=1000).reason == "too big (over the limit of 1000 bytes)"


def test_slow_server_times_out(server: LocalServer) -> None:
    url = server.add("/slow", "late", content_type="text/plain", delay=1.0)
    assert _error(url, timeout=0.3).reason == "timed out after 0.3 s"


def test_unreachable_server_is_an_input_error() -> None:
    with socket.socket() as s:  # a port that nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    reason = _error(url, timeout=2, allow_private_urls=True).reason
    assert "cannot reach the server" in reason


@pytest.mark.parametrize("content_type", ["application/rss+xml", "application/xml", "text/xml"])
def test_feed_response_gives_one_article_per_entry(server: LocalServer, content_type: str) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Lagoon Wire</title>'
        "<item><title>A</title><description>Pilots said the fog lifted.</description></item>"
        "<item><title>B</title><description>Divers said the wreck moved.</description></item>"
        "</channel></rss>"
    )
    url = server.add("/feed", feed, content_type=content_type)
    result = _read(url)
    assert [a.origin for a in result if isinstance(a, Article)] == [f"{url}#1", f"{url}#2"]


def test_json_lines_response_gives_records_with_url_lines(server: LocalServer) -> None:
    url = server.add(
        "/news.jsonl",
        '{"text": "One said."}\n{"text": "Two said."}\n',
        content_type="application/x-ndjson",
    )
    assert [x.origin for x in _read(url) if isinstance(x, Article)] == [f"{url}:1", f"{url}:2"]


def test_html_without_article_from_url_is_an_input_error(server: LocalServer) -> None:
    url = server.add("/menu", "<html><body><nav>Home</nav></body></html>")
    assert _error(url).reason == "no article text found in the HTML page"


def test_fetch_reports_final_url_type_and_charset(server: LocalServer) -> None:
    server.add("/to", "x", content_type="text/plain; charset=utf-8")
    start = server.add("/from", status=302, location="/to")
    got = fetch(start, timeout=5, max_bytes=100, allow_private=True)
    assert (got.final_url, got.content_type, got.charset, got.kind, got.data) == (
        server.url("/to"),
        "text/plain",
        "utf-8",
        "text",
        b"x",
    )


def test_bad_url_and_good_url_in_one_call(server: LocalServer) -> None:
    good = server.add("/ok.txt", "A guard said the gate was shut.", content_type="text/plain")
    result = _read(server.url("/nope"))
    result += list(read_inputs([server.url("/nope"), good]))
    assert [type(x).__name__ for x in result] == ["InputError", "InputError", "Article"]


def test_html_charset_from_the_http_header_is_used(server: LocalServer) -> None:
    page = (
        "<html><head><title>Quay</title></head><body><article><p>The owner of the Καλημέρα shop "
        "on the quay said on Monday that she would close it for the winter because the ferries "
        "had stopped running.</p></article></body></html>"
    )  # no <meta charset>: only the header says how to decode it
    url = server.add(
        "/cafe.html", page.encode("iso-8859-7"), content_type="text/html; charset=iso-8859-7"
    )
    [article] = _read(url)
    assert isinstance(article, Article)
    assert "Καλημέρα shop on the quay" in article.text


def test_url_with_spaces_and_accents_in_its_path_is_fetched(server: LocalServer) -> None:
    server.add("/caf%C3%A9%20story.txt", "The owner said it was closed.", content_type="text/plain")
    [article] = _read(server.url("/café story.txt"))
    assert isinstance(article, Article) and article.text == "The owner said it was closed."
