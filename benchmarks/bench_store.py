"""Store write speed and memory: prints numbers and ratios, asserts nothing.

    python benchmarks/bench_store.py                 # embedded + ArcadeDB (started here)
    python benchmarks/bench_store.py --neo4j bolt://localhost:7687 --user neo4j --password pw
    python benchmarks/bench_store.py --articles 2000 --no-neo4j

Articles are synthetic (invented text, attributions built by hand, no NLP),
so the numbers measure the graph build and the store alone. For each store it
writes the same articles batched (many per transaction, ~1000 rows per
statement for Neo4j) and one at a time (a transaction per article; for Neo4j
one row per statement), and samples memory along the way: the Python heap
(tracemalloc) and the process RSS should stay flat as articles stream in.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.model import Article, Attribution
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j_store import Neo4jStore
from tests.graph.factory import synthetic_article


def rss_mib() -> float:
    """Current resident set size (Linux /proc), else the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def articles(n: int, start: int = 0) -> Iterator[tuple[Article, list[Attribution]]]:
    for i in range(start, start + n):
        yield synthetic_article(i)


def timed_write(
    store: GraphStore, n: int, *, one_at_a_time: bool, start: int = 0, samples: int = 4
) -> tuple[float, int, list[tuple[int, float, float]]]:
    """Seconds, attributions written, and (articles, heap MiB, RSS MiB) samples."""
    done = written = 0
    memory: list[tuple[int, float, float]] = []
    step = max(1, n // samples)
    t0 = time.perf_counter()
    while done < n:
        chunk = list(articles(min(step, n - done), start + done))
        if one_at_a_time:
            results = [store.write_article(a, ats) for a, ats in chunk]
        else:
            results = store.write_articles(chunk)
        written += sum(r.attributions for r in results)
        done += len(chunk)
        heap = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else 0.0
        memory.append((done, heap, rss_mib()))
    return time.perf_counter() - t0, written, memory


def report(name: str, seconds: float, written: int) -> float:
    rate = written / seconds if seconds else float("inf")
    print(f"  {name:<34} {written:>7} attributions in {seconds:7.2f} s = {rate:9.0f} /s")
    return rate


def bench(label: str, make: Callable[[bool], GraphStore], n: int, n_single: int) -> None:
    print(f"\n{label}")
    store = make(True)
    seconds, written, memory = timed_write(store, n, one_at_a_time=False)
    report(f"batched, {n} articles", seconds, written)
    print("  RSS MiB while streaming: " + ", ".join(f"{a}: {r:.0f}" for a, _, r in memory))
    again = time.perf_counter()
    unchanged = store.write_articles(articles(n))
    print(
        f"  reloading the same {n} articles: {time.perf_counter() - again:.2f} s, "
        f"{sum(r.status == 'unchanged' for r in unchanged)} unchanged"
    )
    store.close()
    # the same articles into fresh stores, batched and one at a time, for the ratio
    store = make(True)
    seconds, written, _ = timed_write(store, n_single, one_at_a_time=False)
    batched = report(f"batched, {n_single} articles", seconds, written)
    store.close()
    store = make(False)
    seconds, written, _ = timed_write(store, n_single, one_at_a_time=True)
    single = report(f"one at a time, {n_single} articles", seconds, written)
    store.close()
    print(f"  batched / one-at-a-time: {batched / single:.1f}x")


def bench_memory(label: str, make: Callable[[bool], GraphStore], n: int) -> None:
    """Python heap (tracemalloc) while ``n`` articles stream into a fresh store."""
    store = make(True)
    tracemalloc.start()
    _, _, memory = timed_write(store, n, one_at_a_time=False, samples=8)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    store.close()
    print(
        f"  {label}: heap MiB after k articles: "
        + ", ".join(f"{a}: {h:.1f}" for a, h, _ in memory)
        + f"; peak {peak:.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--single", type=int, default=300, help="articles for the one-at-a-time run")
    p.add_argument("--neo4j", metavar="URI", help="an existing Bolt server (else ArcadeDB)")
    p.add_argument("--user", default="neo4j")
    p.add_argument("--password", default="")
    p.add_argument("--database", default=None)
    p.add_argument("--no-neo4j", action="store_true", help="embedded store only")
    p.add_argument("--dir", type=Path, help="folder for the store files (default: a temp dir)")
    args = p.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-store-", dir=args.dir))
    print(f"{args.articles} synthetic articles, 3 attributions each")

    counter = iter(range(1_000_000))

    def embedded(batched: bool) -> GraphStore:
        return EmbeddedStore(tmp / f"graph-{next(counter)}.sqlite", batch_size=50 if batched else 1)

    bench("embedded (SQLite)", embedded, args.articles, args.single)
    print("\nmemory (tracemalloc; slows writing, so timed separately)")
    bench_memory("embedded", embedded, args.articles)
    if args.no_neo4j:
        return 0

    def run_neo4j(uri: str, user: str, password: str, database: str | None) -> None:
        def neo(batched: bool) -> GraphStore:
            store = Neo4jStore(
                uri,
                user=user,
                password=password,
                database=database,
                batch_rows=1000 if batched else 1,
            )
            store.clear()
            return store

        bench(f"Neo4j store at {uri}", neo, args.articles, args.single)
        bench_memory("Neo4j store", neo, args.articles)

    if args.neo4j:
        run_neo4j(args.neo4j, args.user, args.password, args.database)
    else:
        from tests.graph.bolt import arcadedb_server

        with arcadedb_server(tmp / "arcadedb") as server:
            run_neo4j(server.uri, server.user, server.password, server.database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
