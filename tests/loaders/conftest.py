"""A real HTTP server on 127.0.0.1, in a thread, serving pages the tests define."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds to wait before answering
    location: str | None = None  # for redirects
    send_length: bool = True
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0  # seconds between the bytes of the body, sent one at a time


class LocalServer:
    """Routes by path; ``url(path)`` gives the address to fetch."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.location:
                    absolute = ":" in route.location.split("/", 1)[0]  # has a scheme
                    self.send_header(
                        "Location", route.location if absolute else server.url(route.location)
                    )
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                # The client may give up (size cap, timeout): that is expected.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if not route.drip:
                        self.wfile.write(route.body)
                    for i in range(len(route.body) if route.drip else 0):
                        self.wfile.write(route.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(route.drip)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output quiet

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kw: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kw)  # type: ignore[arg-type]
        return self.url(path)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """The server, and the explicit opt-in that lets readers fetch from 127.0.0.1."""
    monkeypatch.setenv("SOURCETRACE_ALLOW_PRIVATE_URLS", "1")
    srv = LocalServer()
    thread = threading.Thread(target=srv.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()
        thread.join(timeout=5)


ARTICLE_HTML = """<!doctype html><html><head>
<title>Canal boats idle as water drops - Lagoon Gazette</title>
<meta property="og:site_name" content="Lagoon Gazette">
<meta property="og:title" content="Canal boats idle as water drops">
<link rel="canonical" href="https://lagoon-gazette.example/canal-boats">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Canal boats idle as water drops</h1>
<p>Boat owners in the old harbour said on Tuesday that the canals had fallen so low that
the larger barges could no longer pass under the northern bridges.</p>
<p>"We have never seen it this shallow in March," said Orla Venn, who runs a ferry between
the market and the island, adding that she had cancelled every afternoon crossing.</p>
<p>The water authority said in a statement that it expected levels to recover after the
rain forecast for the weekend, but warned that restrictions could last into April.</p>
</article>
<footer>Copyright Lagoon Gazette. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def article_html() -> str:
    """A small invented news page with metadata and boilerplate around the body."""
    return ARTICLE_HTML
