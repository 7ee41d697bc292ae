"""Articles full of Markdown and HTML payloads, shown in a real browser: every page shows
them as text, and no request leaves the page's own origin.

A pixel server on another port of 127.0.0.1 stands for the host an article points at:
every payload is an image, a link or a raw ``<img>`` on it, so a single request to it
means some string from an article reached the page as Markdown or HTML. The app's CSV
download is fetched from the page too, and its formula cells must be neutralised.
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from graph import schema
from graph.model import Article, Attribution, Mention, Source, SourceType, Span
from graph.store import open_store
from tests.app.browser import ARTIFACTS, CHROMIUM, launch_chromium, streamlit_server
from tests.conftest import LocalServer

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no system chromium")


@pytest.fixture(scope="module")
def pixel() -> Iterator[LocalServer]:
    """The host the payloads point at: it records every request (and has no pages)."""
    server = LocalServer()
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=10)


def payload(host: str, where: str) -> str:
    """Every way a string could reach the page as markup, each pointing at ``host``."""
    url = f"http://{host}/{where}"
    return (
        f'![{where}]({url}.png) [{where} link]({url}-link) <img src="{url}-img.png"> '
        f"<a href='{url}-a'>a</a> `code` *em* _u_ $x^2$ :red[red] {url}-bare"
    )


def hostile_store(path: Path, host: str) -> dict[str, str]:
    """Two outlets quoting one source with one formula-looking claim (a single-source
    claim, for the CSV), every field of both articles carrying a payload, and an article
    whose paragraphs are separated by CRs only."""
    claim = '=HYPERLINK("http://' + host + '/csv","x") ' + payload(host, "quote")
    source = "Dr " + payload(host, "source")
    keys = {}
    items = []
    for n, outlet in enumerate(("Ledger " + payload(host, "outlet"), "Courier @SUM(A1)")):
        sentence = f"{source} said {claim}."
        body = f"{payload(host, f'body{n}')}\r\r{sentence}\r\r{payload(host, f'tail{n}')}"
        article = Article.create(
            text=body,
            url=f"https://example.org/{n}",
            outlet=outlet,
            title="Title " + payload(host, f"title{n}"),
            published="2031-05-0" + str(n + 1) + " " + payload(host, f"date{n}"),
        )
        base = body.index(sentence)

        def span(part: str, text: str = body, at: int = base) -> Span:
            start = text.index(part, at)
            return Span.of(text, start, start + len(part))

        items.append(
            (
                article,
                [
                    Attribution(
                        article_id=article.id,
                        source=Mention(
                            span=span(source), source=Source(name=source, type=SourceType.PERSON)
                        ),
                        via=(),
                        cue=span("said"),
                        content=span(claim),
                        sentence=Span.of(body, base, base + len(sentence)),
                    )
                ],
            )
        )
        keys[f"article{n}"] = schema.node_key(schema.ARTICLE, article.id)
    with open_store(path) as store:
        store.write_articles(items)
        [keys["source"]] = store.search("Dr ", labels=[schema.SOURCE])
        [keys["claim"]] = store.search("HYPERLINK", labels=[schema.CLAIM])
    return keys


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, pixel: LocalServer
) -> Iterator[tuple[str, dict[str, str]]]:
    path = tmp_path_factory.mktemp("hostile") / "graph.sqlite"
    keys = hostile_store(path, f"127.0.0.1:{pixel.port}")
    with streamlit_server(path, "streamlit-hostile.log") as url:
        yield url, keys


def test_article_payloads_render_as_text_and_no_request_leaves_the_origin(
    hostile: tuple[str, dict[str, str]], pixel: LocalServer
) -> None:
    server, keys = hostile
    origin = urlsplit(server)
    requests: list[str] = []
    elsewhere: list[str] = []
    # (screenshot name, path, text the page shows once drawn: the payload, as text)
    pages = [
        ("overview", "/", "Most-cited sources"),
        (
            "explore-focus",
            "/explore?focus=" + quote(payload(pixel_host(pixel), "focus")),
            "![focus](",
        ),
        ("explore-node", "/explore?node=" + quote(keys["source"]), "![source]("),
        ("article-cr", "/article?article=" + quote(keys["article0"]), "[body0 link]("),
        ("article-2", "/article?article=" + quote(keys["article1"]), "![title1]("),
        ("trace", "/trace?claim=" + quote(keys["claim"]), "![quote]("),
        ("reports", "/reports", "Download this selection (CSV)"),
    ]
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1400})

            def seen(request: sync_api.Request) -> None:
                url = request.url
                requests.append(url)
                there = urlsplit(url)
                if not url.startswith(("data:", "blob:", "about:")) and (
                    there.scheme,
                    there.netloc,
                ) != (origin.scheme, origin.netloc):
                    elsewhere.append(url)

            context.on("request", seen)
            page = context.new_page()
            ARTIFACTS.mkdir(exist_ok=True)
            for name, path, shown in pages:
                page.goto(server + path)
                page.wait_for_function(
                    "(t) => (document.querySelector('[data-testid=\"stMain\"]') || {})"
                    ".innerText?.includes(t)",
                    arg=shown,
                    timeout=60_000,
                )
                time.sleep(2.5)  # let components and images (if any) load
                page.screenshot(path=str(ARTIFACTS / f"hostile-{name}.png"), full_page=True)
                main = page.locator("[data-testid='stMain']").inner_text()
                if name == "article-cr":  # paragraphs cut by CRs only, shown as text
                    assert "<img src=" in main and "![tail0](" in main
            csv_text = download_csv(page)
        finally:
            browser.close()
    assert requests, "the pages made no request at all"
    assert pixel.hits == [], pixel.hits
    assert elsewhere == [], elsewhere
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert rows and rows[0]["claim"].startswith("'=HYPERLINK(")
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())


def pixel_host(pixel: LocalServer) -> str:
    return f"127.0.0.1:{pixel.port}"


def download_csv(page: sync_api.Page) -> str:
    """The CSV of the claims the Reports page shows, fetched from the page."""
    button = page.get_by_role("button", name="Download this selection (CSV)")
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    path = info.value.path()
    return Path(path).read_text(encoding="utf-8")
