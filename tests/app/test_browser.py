"""The explorer in a real browser: `streamlit run` on 127.0.0.1 and Chromium via Playwright.

Chromium is the system one (/usr/bin/chromium); nothing is downloaded. Every
request the page makes is recorded, and any that would leave 127.0.0.1 is
aborted and fails the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import schema
from graph.store import GraphStore
from tests.app.browser import (
    ARTIFACTS,
    CHROMIUM,
    Requests,
    node_point,
    open_page,
    streamlit_server,
    wait_ready,
)

sync_api = pytest.importorskip("playwright.sync_api")
Page = sync_api.Page

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no system chromium")


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    with streamlit_server(store_path) as url:
        yield url


@pytest.fixture
def browser_page(server: str) -> Iterator[tuple[Page, Requests]]:
    with open_page() as opened:
        yield opened


def test_clicking_a_node_shows_its_evidence_as_text_and_nothing_leaves_localhost(
    server: str, browser_page: tuple[Page, Requests], store: GraphStore
) -> None:
    page, seen = browser_page
    [source] = store.search("Vale", labels=[schema.SOURCE])
    page.goto(f"{server}/explore")
    wait_ready(page)
    x, y = node_point(page, source)
    page.mouse.click(x, y)
    evidence = page.locator(".st-evidence").first
    evidence.wait_for(timeout=30_000)
    text = evidence.inner_text()
    assert "<script>window.__xss=2</script> the dam is safe" in text
    assert "<img src=x onerror=window.__xss=1>" in text
    assert page.evaluate("() => window.__xss") is None
    assert "node=Source" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    time.sleep(1.5)  # let the table and the buttons finish drawing
    page.screenshot(path=str(ARTIFACTS / "explore-evidence.png"))
    assert seen.local and not seen.outside, seen.outside


def test_zoom_survives_a_rerun_and_a_reload(
    server: str, browser_page: tuple[Page, Requests], store: GraphStore
) -> None:
    page, seen = browser_page
    page.goto(f"{server}/explore?types=Source&types=Claim")
    wait_ready(page)
    [ortiz] = [k for k in store.search("Lena Ortiz") if k.startswith("Source:")]
    fitted = page.evaluate("() => globalThis.__sourcetraceGraph.getScale()")
    # Zoom in around the node (wheel zoom keeps the point under the cursor in place).
    page.mouse.move(*node_point(page, ortiz))
    for _ in range(3):
        page.mouse.wheel(0, -300)
        time.sleep(0.1)
    time.sleep(0.6)  # the view saves its viewport 250 ms after the last zoom
    scale = page.evaluate("() => globalThis.__sourcetraceGraph.getScale()")
    assert scale > fitted * 1.2
    x, y = node_point(page, ortiz)
    page.mouse.click(x, y)
    page.locator(".st-evidence").first.wait_for(timeout=30_000)
    after_rerun = page.evaluate("() => globalThis.__sourcetraceGraph.getScale()")
    assert after_rerun == pytest.approx(scale)
    page.reload()
    wait_ready(page)
    after_reload = page.evaluate("() => globalThis.__sourcetraceGraph.getScale()")
    assert after_reload == pytest.approx(scale, rel=0.01)
    assert "node=Source" in page.url
    assert not seen.outside, seen.outside


def test_double_click_centres_the_view_on_a_node_and_its_neighbours(
    server: str, browser_page: tuple[Page, Requests], store: GraphStore
) -> None:
    page, seen = browser_page
    [ortiz] = [k for k in store.search("Lena Ortiz") if k.startswith("Source:")]
    page.goto(f"{server}/explore")
    wait_ready(page)
    before = page.evaluate("() => globalThis.__sourcetraceGraph.body.data.nodes.length")
    x, y = node_point(page, ortiz)
    page.mouse.dblclick(x, y)
    page.wait_for_url("**focus=Source*", timeout=30_000)
    page.wait_for_function(
        "(n) => globalThis.__sourcetraceGraph.body.data.nodes.length < n", arg=before
    )
    shown = page.evaluate("() => globalThis.__sourcetraceGraph.body.data.nodes.getIds()")
    assert ortiz in shown
    assert not seen.outside, seen.outside


def test_outlet_filter_keeps_every_choice_and_writes_them_to_the_url(
    server: str, browser_page: tuple[Page, Requests]
) -> None:
    page, seen = browser_page
    page.goto(f"{server}/explore")
    wait_ready(page)
    count = "() => globalThis.__sourcetraceGraph.body.data.nodes.length"
    everything = page.evaluate(count)
    outlets = page.locator("[data-testid='stMultiSelect']").nth(1)
    for name in ("Meridian Wire", "Coastline Courier"):
        outlets.click()
        page.get_by_role("option", name=name).click()
        page.keyboard.press("Escape")
        page.wait_for_function(f"() => ({count})() < {everything}")
    page.wait_for_url("**outlet=Outlet*outlet=Outlet*", timeout=30_000)
    assert "meridian-wire" in page.url and "coastline-courier" in page.url
    chosen = outlets.inner_text()
    assert "Meridian Wire" in chosen and "Coastline Courier" in chosen
    assert not seen.outside, seen.outside
