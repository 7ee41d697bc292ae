"""Time to build and render the graph view at 100, 1,000 and 10,000 nodes.

For each size a synthetic schema graph (articles from a few outlets quoting
sources, some through other outlets) is

1. collapsed into the view graph (:func:`app.view.graphs.collapse_attributions`),
2. turned into the component payload (:func:`app.view.payload.build_payload`:
   mode choice, networkx layout or aggregation, pyvis node/edge options),
3. drawn by vis-network in headless Chromium from a self-contained page
   (:func:`app.view.standalone.standalone_html`): first frame, and ready
   (physics stabilised, or first frame when physics is off).

Printed, never asserted. Run: ``python benchmarks/bench_render.py [--no-browser]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.view import graphs
from app.view.payload import build_payload
from app.view.standalone import standalone_html
from graph.analysis._testing import GraphBuilder

CHROMIUM = "/usr/bin/chromium"


def synthetic(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A schema graph whose collapsed view has about ``n_nodes`` nodes."""
    rng = random.Random(seed)
    b = GraphBuilder()
    outlets = [f"Outlet {i}" for i in range(max(3, n_nodes // 150))]
    sources = [f"Source {i}" for i in range(max(5, n_nodes // 4))]
    articles = max(2, n_nodes // 4)
    for a in range(articles):
        art = b.article(f"a{a}", outlet=rng.choice(outlets), published=f"2031-05-{a % 28 + 1:02d}")
        for _ in range(2):
            via = [b.outlet(rng.choice(outlets))] if rng.random() < 0.2 else []
            claim = f"Claim {rng.randrange(max(3, n_nodes // 3))}"
            b.attribute(art, claim, via=via, origin=b.person(rng.choice(sources)))
    return b.G


def draw_in_browser(pages: list[str]) -> list[tuple[float, float]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-gpu",
            ],
        )
        for html in pages:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.route("**/*", lambda r: r.abort())  # nothing may be fetched
            page.set_content(html)
            page.wait_for_function("() => window.readyMs !== undefined", timeout=120_000)
            results.append(
                (page.evaluate("() => window.firstDrawMs"), page.evaluate("() => window.readyMs"))
            )
            page.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1_000, 10_000])
    args = parser.parse_args()
    rows, pages = [], []
    for size in args.sizes:
        G = synthetic(size)
        t0 = time.perf_counter()
        view = graphs.collapse_attributions(G)
        t1 = time.perf_counter()
        payload = build_payload(view)
        t2 = time.perf_counter()
        html = standalone_html(payload)
        kib = len(json.dumps(payload)) / 1024
        rows.append((size, view.number_of_nodes(), payload, (t1 - t0) * 1e3, (t2 - t1) * 1e3, kib))
        pages.append(html)
    drawn = [(float("nan"), float("nan"))] * len(rows)
    if not args.no_browser and Path(CHROMIUM).exists():
        drawn = draw_in_browser(pages)
    print(
        f"{'target':>7} {'view':>6} {'drawn':>6} {'mode':>9} {'collapse':>9} {'payload':>9}"
        f" {'KiB':>7} {'1st draw':>9} {'ready':>8}"
    )
    for (size, n_view, payload, collapse_ms, build_ms, kib), (first, ready) in zip(
        rows, drawn, strict=True
    ):
        print(
            f"{size:>7} {n_view:>6} {len(payload['nodes']):>6} {payload['mode']:>9}"
            f" {collapse_ms:>7.0f}ms {build_ms:>7.0f}ms {kib:>7.0f} {first:>7.0f}ms {ready:>6.0f}ms"
        )


if __name__ == "__main__":
    main()
