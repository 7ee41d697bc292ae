"""What the browser tests share: a `streamlit run` as `sourcetrace app` starts it, and the
system Chromium through Playwright (nothing downloaded).

Every request a page makes is recorded, and any that would leave 127.0.0.1 is aborted
(the tests then fail on ``Requests.outside``).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.cmd_app import app_environment, streamlit_command

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def streamlit_server(store_path: Path, log_name: str = "streamlit.log") -> Iterator[str]:
    """The app on a free port of 127.0.0.1 over ``store_path``; yields its base URL."""
    port = free_port()
    env = app_environment(argparse.Namespace(store=str(store_path), neo4j=None))
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / log_name, "w") as out:
        proc = subprocess.Popen(
            streamlit_command(port, "127.0.0.1"), env=env, stdout=out, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                        if r.status == 200:
                            break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("streamlit did not start") from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=20)


@dataclass
class Requests:
    local: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@contextmanager
def open_page(*, width: int = 1400, height: int = 1000) -> Iterator[tuple[Any, Requests]]:
    """A Chromium page whose requests outside 127.0.0.1 are aborted and recorded; fails on
    any uncaught page error."""
    from playwright import sync_api

    seen = Requests()
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        context = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True
        )

        def route(r: sync_api.Route) -> None:
            url = r.request.url
            host = urlsplit(url).hostname
            if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
                seen.local.append(url)
                r.continue_()
            else:
                seen.outside.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            yield page, seen
        finally:
            browser.close()
        assert not errors, errors


def node_point(page: Any, key: str) -> tuple[float, float]:
    """Page coordinates of node ``key`` in the graph view."""
    box = page.locator(".stg-canvas canvas").bounding_box()
    at = page.evaluate(
        "(key) => { const n = globalThis.__sourcetraceGraph;"
        " return n.canvasToDOM(n.getPositions([key])[key]); }",
        key,
    )
    return box["x"] + at["x"], box["y"] + at["y"]


def wait_ready(page: Any) -> None:
    page.wait_for_selector(".stg-root[data-ready='1']", timeout=60_000)
    page.wait_for_function("() => globalThis.__sourcetraceGraph !== undefined")


def launch_chromium(playwright: Any) -> Any:
    """The system Chromium, headless, with background networking off."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
