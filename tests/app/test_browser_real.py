"""The explorer on real news, in a real browser: search, fitting, the chain layout, reports.

The store is built in the test, once per session, from three events (30 articles) of
``../shared/corpus/giveme5w1h_gold_standard.jsonl`` through ``sourcetrace ingest``
with the real spaCy model: the whole corpus (96 articles) takes about five minutes on
a shared 2-core machine, three events about a minute and a half. The test skips
without ``../shared`` and fails instead under ``CI=true``. Screenshots go to
``test-artifacts/real-*.png``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from graph.store import open_store
from tests.app.browser import (
    ARTIFACTS,
    CHROMIUM,
    Requests,
    open_page,
    streamlit_server,
    wait_ready,
)
from tests.conftest import SHARED

sync_api = pytest.importorskip("playwright.sync_api")
Page = sync_api.Page

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no system chromium")

CORPUS = SHARED / "corpus" / "giveme5w1h_gold_standard.jsonl"
EVENTS = ("go-trump and obama", "go-clinton blames comey", "go-tram")
TRUMP = "Source:person-donald-trump"


@pytest.fixture(scope="session")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CORPUS} is missing (CI must have ../shared)")
        pytest.skip(f"{CORPUS} is not here (../shared is absent)")
    folder = tmp_path_factory.mktemp("real")
    subset = folder / "events.jsonl"
    with CORPUS.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as out:
        for line in src:
            if json.loads(line).get("event") in EVENTS:
                out.write(line)
    path = folder / "real.sqlite"
    assert cli.main(["ingest", str(subset), "--store", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def real_server(real_store: Path) -> Iterator[str]:
    with streamlit_server(real_store, "streamlit-real.log") as url:
        yield url


@pytest.fixture
def page(real_server: str) -> Iterator[tuple[Page, Requests]]:
    with open_page() as opened:
        yield opened


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    time.sleep(1.0)  # let tables and buttons finish drawing
    page.screenshot(path=str(ARTIFACTS / f"real-{name}.png"), full_page=True)


def fitted(page: Page) -> None:
    """Wait until the graph view has been fitted to what it shows now."""
    root = page.locator(".stg-root[data-ready='1']")
    root.wait_for(timeout=60_000)
    deadline = time.monotonic() + 60
    while not root.evaluate("r => !!r.dataset.fitted && r.dataset.fitted === r.dataset.signature"):
        assert time.monotonic() < deadline, "the view was not fitted"
        time.sleep(0.2)
    time.sleep(0.5)


def screen_positions(page: Page) -> dict[str, dict[str, float]]:
    """Every drawn node's position on the page, and its kind."""
    found: dict[str, dict[str, float]] = page.evaluate(
        """() => { const n = globalThis.__sourcetraceGraph; const out = {};
          const box = n.body.container.getBoundingClientRect();
          for (const [id, p] of Object.entries(n.getPositions())) {
            const d = n.canvasToDOM(p); const node = n.body.data.nodes.get(id);
            out[id] = {x: box.left + d.x, y: box.top + d.y, kind: node.kind}; }
          return out; }"""
    )
    return found


def test_search_for_trump_lists_the_person_first_and_centres_on_him(
    page: tuple[Page, Requests], real_server: str
) -> None:
    p, seen = page
    p.goto(f"{real_server}/explore")
    wait_ready(p)
    p.locator("input.stsb-input").fill("Trump")
    p.get_by_text(re.compile(r"\d+ best match\(es\)")).wait_for(timeout=60_000)
    p.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.click()
    options = p.get_by_role("option")
    options.first.wait_for(timeout=10_000)
    assert options.first.inner_text().startswith("Donald Trump (person)")
    shot(p, "search-trump")
    options.first.click()
    p.wait_for_url(f"**focus={TRUMP.replace(':', '%3A')}*", timeout=30_000)
    fitted(p)
    assert p.evaluate("(k) => !!globalThis.__sourcetraceGraph.body.data.nodes.get(k)", TRUMP)
    assert not seen.outside, seen.outside


def test_focus_fits_every_node_inside_the_canvas_and_fills_it(
    page: tuple[Page, Requests], real_server: str
) -> None:
    p, seen = page
    p.goto(f"{real_server}/explore?focus={TRUMP}&node={TRUMP}&depth=1")
    fitted(p)
    box = p.locator(".stg-canvas canvas").bounding_box()
    nodes = screen_positions(p)
    assert len(nodes) > 5
    xs = [n["x"] for n in nodes.values()]
    ys = [n["y"] for n in nodes.values()]
    assert min(xs) >= box["x"] and max(xs) <= box["x"] + box["width"]
    assert min(ys) >= box["y"] and max(ys) <= box["y"] + box["height"]
    # Fitted, not a small cluster in the middle: the nodes span most of one dimension.
    spread = max((max(xs) - min(xs)) / box["width"], (max(ys) - min(ys)) / box["height"])
    assert spread > 0.6, spread
    shot(p, "focus-fitted")
    # Zoom out with the toolbar, then fit again.
    scale = p.evaluate("() => globalThis.__sourcetraceGraph.getScale()")
    p.locator("button[data-action='zoom out']").click()
    assert p.evaluate("() => globalThis.__sourcetraceGraph.getScale()") < scale
    p.locator("button[data-action='fit']").click()
    assert p.evaluate("() => globalThis.__sourcetraceGraph.getScale()") == pytest.approx(scale)
    # Hide the selected node, then undo.
    hidden = "(k) => !!globalThis.__sourcetraceGraph.body.data.nodes.get(k).hidden"
    p.evaluate("(k) => globalThis.__sourcetraceGraph.selectNodes([k])", TRUMP)
    p.locator("button[data-action='hide selected']").click()
    assert p.evaluate(hidden, TRUMP)
    assert p.locator(".stg-root").get_attribute("data-hidden") == "1"
    p.locator("button[data-action='undo hide']").click()
    assert not p.evaluate(hidden, TRUMP)
    assert not seen.outside, seen.outside


def test_chain_layout_draws_outlets_left_of_the_origin(
    page: tuple[Page, Requests], real_server: str
) -> None:
    p, seen = page
    p.goto(f"{real_server}/explore?focus={TRUMP}&layout=chain")
    fitted(p)
    assert p.locator(".stg-root").get_attribute("data-layout") == "chain"
    nodes = screen_positions(p)
    outlets = [n["x"] for n in nodes.values() if n["kind"] == "Outlet"]
    claims = [n["x"] for n in nodes.values() if n["kind"] == "Claim"]
    assert outlets and claims
    assert max(outlets) < nodes[TRUMP]["x"] < min(claims)
    shot(p, "chain-layout")
    assert not seen.outside, seen.outside


def claims_count(p: Page) -> int:
    caption = p.get_by_text(re.compile(r"of \d+ claims ·")).first
    caption.wait_for(timeout=60_000)
    return int(caption.inner_text().split(" of ")[0].strip("* "))


def test_reports_filters_change_the_rows_and_the_csv_has_urls_and_sentences(
    page: tuple[Page, Requests], real_server: str, real_store: Path
) -> None:
    p, seen = page
    p.goto(f"{real_server}/reports?verdict=single-source&verdict=independent")
    everything = claims_count(p)
    p.goto(f"{real_server}/reports?verdict=single-source&verdict=independent&type=person")
    people = claims_count(p)
    assert 0 < people < everything
    p.get_by_text("Claims only, not opinions").click()
    p.wait_for_url("**facts=1*", timeout=30_000)
    time.sleep(1.5)
    facts = claims_count(p)
    assert facts < people
    shot(p, "reports-filtered")
    with p.expect_download(timeout=30_000) as download:
        p.get_by_role("button", name="Download this selection (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len({r["claim_group"] for r in rows}) == facts
    assert all(r["article_url"].startswith("http") for r in rows)
    assert all(r["sentence"] and r["sentence_start"] for r in rows)
    assert {r["source_type"] for r in rows} == {"person"}
    store = open_store(real_store)
    try:
        texts = {
            k: store.node(k) for k in {f"Article:{r['article_id'].split(':', 1)[1]}" for r in rows}
        }
    finally:
        store.close()
    for r in rows[:20]:  # the offsets point at the sentence in the article text
        body = str((texts[r["article_id"]] or {}).get("text") or "")
        assert body[int(r["sentence_start"]) : int(r["sentence_end"])] == r["sentence"]
    assert not seen.outside, seen.outside


def test_article_highlights_open_their_source_in_explore(
    page: tuple[Page, Requests], real_server: str
) -> None:
    p, seen = page
    p.goto(f"{real_server}/article")
    link = p.locator("a.st-mark-link").first
    link.wait_for(timeout=60_000)
    # (The corpus gives each text on one line; paragraphs are pinned in test_app_view.)
    shot(p, "article")
    target = link.get_attribute("href") or ""
    assert target.startswith("explore?focus=")
    link.click()
    p.wait_for_url("**/explore?focus=*", timeout=60_000)
    wait_ready(p)
    assert not seen.outside, seen.outside


def test_add_page_states_the_real_upload_limit(
    page: tuple[Page, Requests], real_server: str
) -> None:
    p, seen = page
    p.goto(f"{real_server}/add")
    p.get_by_text(re.compile(r"\b20(\.0)? ?MB per file")).first.wait_for(timeout=60_000)
    assert not p.get_by_text(re.compile(r"200 ?MB")).count()
    shot(p, "add")
    assert not seen.outside, seen.outside
