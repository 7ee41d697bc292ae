"""Fixtures shared by every test package, among them a real HTTP server on 127.0.0.1,
in a thread, serving pages the tests define."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI always has it); skip where it is absent,
    fail when ``CI=true`` (there it must be present)."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared is not beside this checkout (required under CI=true)")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


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


# --- no process left behind ----------------------------------------------------------------
# Every process the test run starts inherits this variable (tests that build an environment
# start from os.environ). At the end, any process still carrying it -- a child, or an orphan
# whose parent died (a `streamlit run`, a java Bolt server, a chromium) -- fails the run.
SESSION_MARK = "SOURCETRACE_TEST_SESSION"


def pytest_sessionstart(session: pytest.Session) -> None:
    os.environ[SESSION_MARK] = f"{os.getpid()}-{uuid.uuid4().hex}"


def _left_behind() -> list[psutil.Process]:
    mark = os.environ.get(SESSION_MARK)
    me = os.getpid()
    found = {p.pid: p for p in psutil.Process(me).children(recursive=True)}
    for p in psutil.process_iter():
        if p.pid == me or p.pid in found:
            continue
        try:
            if mark and p.environ().get(SESSION_MARK) == mark:
                found[p.pid] = p
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return list(found.values())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _, alive = psutil.wait_procs(_left_behind(), timeout=5)
    if not alive:
        return
    lines = []
    for p in alive:
        try:
            lines.append(f"  pid {p.pid}: {' '.join(p.cmdline())[:200]}")
            p.kill()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    if lines:
        print("\nprocesses started by the tests were still running (now killed):", file=sys.stderr)
        print("\n".join(lines), file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
