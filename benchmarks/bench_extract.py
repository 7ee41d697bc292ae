"""Extraction speed against bare spaCy over the same texts, in the same run.

Usage: python benchmarks/bench_extract.py [--processes N] [--limit N] [--model NAME]
                                         [--engine rules|learned|both] [--rounds N]

Texts are the PolNeAR dev articles beside the checkout (``../shared/polnear/dev``)
when present, else generated news-like text. Prints words per second for
``nlp.pipe`` alone and for ``Extractor.extract_many`` with each engine (spaCy
plus the rules; spaCy plus the rules and the shipped tagger), and their ratio
to bare spaCy. Nothing is asserted: timings are printed, never tested.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from graph.model import Article
from loaders.nlp import Extractor

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "text"

NAMES = ["Ana Ruiz", "Tomas Brel", "Lena Park", "the harbour board", "a port official"]
VERBS = ["said", "told reporters", "added", "warned", "insisted", "estimated"]
CLAIMS = [
    "the pier would reopen in May",
    "repairs had cost more than expected",
    "the ferry service was safe",
    "three engineers had inspected the beams",
]


def generated_texts(n: int = 200, seed: int = 7) -> list[str]:
    """Plain news-like paragraphs with attributions, for machines without PolNeAR."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        sentences = []
        for _ in range(25):
            name, verb, claim = rng.choice(NAMES), rng.choice(VERBS), rng.choice(CLAIMS)
            form = rng.randrange(3)
            if form == 0:
                sentences.append(f"{name[0].upper() + name[1:]} {verb} that {claim}.")
            elif form == 1:
                sentences.append(f"“{claim[0].upper() + claim[1:]},” {name} said.")
            else:
                sentences.append(f"The council met on Tuesday to discuss {claim.split()[-1]}.")
        texts.append(" ".join(sentences))
    return texts


def load_texts(limit: int) -> tuple[list[str], str]:
    if POLNEAR_DEV.is_dir():
        paths = sorted(POLNEAR_DEV.glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in paths]
        where = f"PolNeAR dev ({len(texts)} articles)"
    else:
        texts = generated_texts()
        where = f"generated text ({len(texts)} articles)"
    return (texts[:limit] if limit else texts), where


def timed(run: Callable[[], Iterable[object]]) -> float:
    start = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--model", default=None)
    ap.add_argument("--engine", choices=("rules", "learned", "both"), default="both")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (best is kept)")
    args = ap.parse_args()

    texts, where = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    engines = ("rules", "learned") if args.engine == "both" else (args.engine,)
    extractors = {e: Extractor(model=args.model, engine=e) for e in engines}
    extractor = extractors[engines[0]]
    nlp = extractor.nlp
    articles = [Article.create(text=t) for t in texts]
    list(nlp.pipe(texts[:5]))  # warm up

    def bare() -> Iterable[object]:
        return nlp.pipe(texts, batch_size=args.batch_size, n_process=args.processes)

    def full(engine: str) -> Callable[[], Iterable[object]]:
        return lambda: extractors[engine].extract_many(
            articles, processes=args.processes, batch_size=args.batch_size
        )

    # Rounds interleave the measures, so that a machine whose speed drifts (a shared
    # virtual machine) slows all of them alike; the best time of each is compared.
    rounds: list[dict[str, float]] = []
    for _ in range(args.rounds):
        one = {"bare": timed(bare)}
        one.update({e: timed(full(e)) for e in engines})
        rounds.append(one)
    best = {k: min(r[k] for r in rounds) for k in rounds[0]}
    t_bare = best["bare"]
    print(f"texts: {where}, {words} words; model {extractor.model}; processes {args.processes}")
    print(f"best of {args.rounds} interleaved rounds")
    print(f"bare spaCy nlp.pipe   : {words / t_bare:9.0f} words/s  ({t_bare:.1f} s)")
    for engine in engines:
        t = best[engine]
        print(f"extraction, {engine:8s}  : {words / t:9.0f} words/s  ({t:.1f} s)")
    for engine in engines:
        each = " ".join(f"{r['bare'] / r[engine]:.2f}" for r in rounds)
        print(f"ratio {engine}/bare: {t_bare / best[engine]:.2f}  (each round: {each})")


if __name__ == "__main__":
    main()
