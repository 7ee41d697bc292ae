"""Claim grouping time and memory at 10k and 100k claims, against the old word rule.

    python benchmarks/bench_claims.py [--sizes 10000 100000] [--days 730]

Claims are synthetic: invented stories (two names, a figure, a verb, an
object each), each told in several wordings by several articles over a few
days, the stories spread over ``--days`` days. Both rules see the same texts
in the same order, one article at a time, as ingest does, each rule in a process
of its own; memory is the growth of that process's resident set while the index
fills. The new rule runs
with a stand-in encoder (one random unit vector per story plus noise per
wording, and random token vectors), so the figures measure the index, the
blocking, the constraints and the grouping; the real encoder's throughput is
measured on its own, on a few hundred of the same texts, and printed beside.
The old rule is ``graph/claims.py`` at benchmarks/claim_pairs.BASELINE.
Prints numbers and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_pairs import baseline_module

from graph.claims import ClaimIndex, claim_id
from graph.embed import DIM, TokenVectors, embed_all

VERBS = ["closed", "bought", "sued", "fined", "hired", "rebuilt", "sold", "banned", "opened"]
OBJECTS = ["the harbour", "a rail depot", "two ferries", "the old mill", "a school", "the dam"]
FORMS = [
    "{a} {v} {o} for {n} crowns, {b} said",
    "{b} said that {a} had {v} {o} for {n} crowns",
    "according to {b}, {o} was {v} by {a} for {n} crowns",
    "{a} {v} {o}, paying {n} crowns, {b} confirmed",
]


def name(rng: random.Random) -> str:
    return rng.choice("BKLMNPRSTV") + "".join(
        rng.choice("aeiou") + rng.choice("lnrstv") for _ in range(2)
    )


def synthetic(n_claims: int, days: int, seed: int = 7) -> list[tuple[list[tuple[str, int]], int]]:
    """Articles as ``([(text, story), ...], day)``: about four claims an article."""
    rng = random.Random(seed)
    articles: list[tuple[list[tuple[str, int]], int]] = []
    made = 0
    story = 0
    while made < n_claims:
        a, b = name(rng), name(rng)
        v, o, n = rng.choice(VERBS), rng.choice(OBJECTS), rng.randint(2, 900) * 1000
        start = rng.randrange(days)
        for form in rng.sample(FORMS, rng.randint(2, 4)):
            text = form.format(a=a, b=b, v=v, o=o, n=f"{n:,}")
            articles.append(([(text, story)], start + rng.randint(0, 3)))
            made += 1
        story += 1
    # several claims of the same days per article, as in real coverage; articles shuffled
    articles.sort(key=lambda a: (a[1], rng.random()))
    merged = []
    for i in range(0, len(articles), 4):
        chunk = articles[i : i + 4]
        merged.append(([c for texts, _ in chunk for c in texts], chunk[0][1]))
    rng.shuffle(merged)
    return merged


class StandIn:
    """Vectors without a model: one direction per story, a little noise per wording."""

    def __init__(self, stories: dict[str, int]) -> None:
        self.stories = stories
        self.rng = np.random.default_rng(1)
        self.base: dict[int, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenVectors]]:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        toks = []
        for i, t in enumerate(texts):
            s = self.stories[t]
            if s not in self.base:
                self.base[s] = self.rng.standard_normal(DIM).astype(np.float32)
            v = self.base[s] + 0.3 * self.rng.standard_normal(DIM).astype(np.float32)
            out[i] = v / np.linalg.norm(v)
            words = len(t.split())
            tv = np.repeat(out[i : i + 1], words, axis=0).astype(np.float16)
            toks.append(TokenVectors(tv, np.ones(words, dtype=np.float32)))
        return out, toks


def rss_mib() -> float:
    """Current resident set size (Linux /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_new(articles: list[tuple[list[tuple[str, int]], int]]) -> tuple[float, float, int, int]:
    stories = {t: s for texts, _ in articles for t, s in texts}
    index = ClaimIndex(encode=StandIn(stories))
    gc.collect()
    before = rss_mib()
    t0 = time.perf_counter()
    links = 0
    for texts, day in articles:
        update = index.observe([(claim_id(t), t) for t, _ in texts], day)
        links += len(update.links)
    elapsed = time.perf_counter() - t0
    grown = rss_mib() - before
    groups = len({index.group(claim_id(t)) for texts, _ in articles for t, _ in texts})
    return elapsed, grown, links, groups


def run_old(articles: list[tuple[list[tuple[str, int]], int]]) -> tuple[float, float, int, int]:
    old = baseline_module()
    index = old.ClaimIndex()
    gc.collect()
    before = rss_mib()
    t0 = time.perf_counter()
    links = 0
    for texts, _ in articles:
        for t, _ in texts:
            cid = old.claim_id(t)
            if cid in index:
                continue
            similar = index.similar(cid, t)
            links += len(similar)
            index.add(cid, t, similar[0][1] if similar else cid)
    elapsed = time.perf_counter() - t0
    grown = rss_mib() - before
    groups = len({index.group(old.claim_id(t)) for texts, _ in articles for t, _ in texts})
    return elapsed, grown, links, groups


def child(rule: str, n: int, days: int) -> None:
    articles = synthetic(n, days)
    result = (run_new if rule == "new" else run_old)(articles)
    print(json.dumps({"claims": sum(len(t) for t, _ in articles), "result": result}))


def measure(rule: str, n: int, days: int) -> tuple[int, list[float]]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", rule, "--sizes", str(n), "--days", str(days)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return int(data["claims"]), data["result"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--child", choices=["new", "old"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.sizes[0], args.days)
        return
    sample = [t for texts, _ in synthetic(400, args.days)[:100] for t, _ in texts]
    embed_all(sample[:8])
    t0 = time.perf_counter()
    embed_all(sample)
    rate = len(sample) / (time.perf_counter() - t0)
    print(f"real encoder (int8 ONNX, CPU): {rate:,.0f} claims/s ({len(sample)} claims)")
    print(f"{'claims':>8} {'rule':5} {'time s':>8} {'+RSS MiB':>9} {'links':>8} {'groups':>8}")
    for n in args.sizes:
        claims, new = measure("new", n, args.days)
        _, old = measure("old", n, args.days)
        for label, r in (("new", new), ("old", old)):
            print(f"{claims:8,} {label:5} {r[0]:8.1f} {r[1]:9.1f} {r[2]:8,} {r[3]:8,}")
        print(
            f"{'':8} new/old: time {new[0] / old[0]:.2f}x, memory {new[1] / max(old[1], 0.1):.2f}x;"
            f" with the real encoder add {claims / rate:,.0f} s",
            flush=True,
        )


if __name__ == "__main__":
    main()
