"""Time to build and render the graph view at 100, 1,000 and 10,000 nodes.

For each size a synthetic schema graph (articles from a few outlets quoting
sources, some through other outlets) is

1. collapsed into the view graph (:func:`app.view.graphs.collapse_attributions`),
2. turned into the component payload (:func:`app.view.payload.build_payload`:
   mode choice, networkx layout or aggregation, pyvis node/edge options),
3. drawn by vis-network in headless Chromium from a self-contained page
   (:func:`app.view.standalone.standalone_html`): first frame, and ready
   (physics stabilised, or first frame when physics is off).

With ``--articles N`` it also times every page of the app (Streamlit's AppTest,
in-process) on an embedded store of N synthetic articles
(:func:`tests.graph.factory.synthetic_article`, three attributions each): the
first render in a fresh server process (cold: the graph is read and the analyses
run), then the first render of a new session once that is done (warm: what every
later visitor waits), each against the same page on an empty store, measured in
the same run. The store is built once and kept (``--store-dir``).

Printed, never asserted. Run: ``python benchmarks/bench_render.py [--no-browser]
[--articles 20000]``.
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


PAGES = ("overview", "explore", "trace", "reports", "article", "add")


def synthetic_store(path: Path, articles: int) -> Path:
    """An embedded store of ``articles`` synthetic articles at ``path`` (built once)."""
    from graph.store import open_store
    from tests.graph.factory import synthetic_article

    if path.exists():
        return path
    started = time.perf_counter()
    store = open_store(path)
    try:
        store.write_articles(synthetic_article(i) for i in range(articles))
    finally:
        store.close()
    print(f"built {path} ({articles:,} articles) in {time.perf_counter() - started:.0f} s")
    return path


def render(page: str) -> float:
    """Seconds for one run of ``page`` in a new AppTest session."""
    from streamlit.testing.v1 import AppTest

    app = Path(__file__).resolve().parents[1] / "app" / "streamlit_app.py"
    at = AppTest.from_file(str(app), default_timeout=900)
    at.switch_page(f"app_pages/{page}.py")
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"{page}: {[e.value for e in at.exception]}")
    return elapsed


def page_times(articles: int, store_dir: Path) -> None:
    """Print each page's cold and warm first render on the big store against an empty one."""
    import os

    from streamlit.logger import set_log_level

    from graph.store import STORE_ENV, open_store

    set_log_level("error")  # AppTest runs in bare mode and warns about it on every run
    store_dir.mkdir(parents=True, exist_ok=True)
    big = synthetic_store(store_dir / f"synthetic-{articles}.sqlite", articles)
    empty = store_dir / "empty.sqlite"
    open_store(empty).close()
    times: dict[tuple[str, str], float] = {}
    for name, path in (("empty", empty), ("big", big)):
        os.environ[STORE_ENV] = str(path)
        for page in PAGES:
            times[(name, f"{page}:cold")] = render(page)
        for page in PAGES:
            times[(name, page)] = render(page)
    print(f"\npage renders, {articles:,} articles vs an empty store (AppTest, seconds)")
    print(f"{'page':>9} {'empty':>7} {'cold':>7} {'warm':>7} {'warm/empty':>11}")
    for page in PAGES:
        base, cold, warm = (
            times[("empty", page)],
            times[("big", f"{page}:cold")],
            times[("big", page)],
        )
        print(f"{page:>9} {base:>7.2f} {cold:>7.2f} {warm:>7.2f} {warm / base:>10.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1_000, 10_000])
    parser.add_argument(
        "--articles", type=int, default=0, help="also time every app page on this many articles"
    )
    parser.add_argument(
        "--store-dir",
        type=Path,
        default=Path("/tmp/sourcetrace-bench"),
        help="where the synthetic stores are kept between runs",
    )
    parser.add_argument("--pages-only", action="store_true", help="only the page timings")
    args = parser.parse_args()
    if args.articles:
        page_times(args.articles, args.store_dir)
        if args.pages_only:
            return
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
