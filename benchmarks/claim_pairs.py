"""Same claim or not: the meaning rule against the old word rule, on labelled pairs.

    python benchmarks/claim_pairs.py [--corpus ../shared/corpus/giveme5w1h_gold_standard.jsonl]

``benchmarks/data/claim_pairs.jsonl`` holds 293 pairs of claims found by
``sourcetrace extract`` in the 96 articles of the Giveme5W1H gold standard
(13 events, several outlets each), each labelled same / not same by reading
both texts in their articles. 213 were drawn to be hard (``sample``: similar
wordings, numbers, related events); 80 (``store links``) are links the store
made on that corpus with a threshold of 0.64, 16 from each score band (0.64,
0.68, 0.72, 0.76, 0.82 and up): the pairs a user is shown, which the hard
sample under-represents. A pair is the same claim when both assert the
same proposition: wording, quotation marks and added detail aside, and with
numbers that can both be true of one quantity ("more than 30" and "up to 32"
can; "32" and "30" cannot). A compound claim ("seven died and 50 were hurt")
is not the same as one of its parts. Hard negatives: same event, other facts
or other numbers, and related events (the FBI reopening the inquiry / closing
it). The file keeps only article ids and character offsets, never the texts;
``sample`` says how each pair was drawn.

For each rule it prints the pairwise recall at the best threshold whose
precision is at least 90%, and at the threshold the rule ships with. The old
rule (IDF-weighted Dice over word stems, numbers and negation equal) is
``graph/claims.py`` as of :data:`BASELINE`, loaded from git; its IDF comes
from the texts of the pairs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import claims  # noqa: E402
from graph.embed import alignment, embed_all  # noqa: E402

PAIRS = ROOT / "benchmarks" / "data" / "claim_pairs.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "giveme5w1h_gold_standard.jsonl"
BASELINE = "ade661c"  # the commit before claims were grouped by meaning
STORE_LINKS = "store links"  # the sample of links the store made at 0.64


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    day_a: int | None
    day_b: int | None
    same: bool
    sample: str


def load_pairs(corpus: Path = CORPUS, pairs: Path = PAIRS) -> list[Pair]:
    """The labelled pairs with their texts read from ``corpus``."""
    articles = {}
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            articles[record["id"]] = record
    out = []
    with pairs.open(encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            texts, days = [], []
            for side in (p["a"], p["b"]):
                art = articles[side["article"]]
                texts.append(art["text"][side["start"] : side["end"]])
                days.append(claims.day_of(art.get("date")))
            out.append(Pair(texts[0], texts[1], days[0], days[1], bool(p["same"]), p["sample"]))
    return out


def meaning_scores(pairs: Sequence[Pair]) -> list[float]:
    """The new rule's score per pair: the meaning score when it links them, else 0.

    As the index does: candidates from the sentence-vector cosine
    (:data:`graph.claims.PREFILTER`), then the constraints and the token alignment.
    """
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    pooled, toks = embed_all(texts)
    vectors = dict(zip(texts, pooled, strict=True))
    tokens = dict(zip(texts, toks, strict=True))
    out = []
    for p in pairs:
        if float(vectors[p.a] @ vectors[p.b]) < claims.PREFILTER:
            out.append(0.0)
            continue
        link = claims.compare(
            (claims.claim_id(p.a), p.a, p.day_a, p.day_a),
            (claims.claim_id(p.b), p.b, p.day_b, p.day_b),
            lambda p=p: alignment(tokens[p.a], tokens[p.b]),
        )
        out.append(0.0 if link is None else link.score)
    return out


def baseline_module(rev: str = BASELINE) -> ModuleType:
    """``graph/claims.py`` as it was at ``rev``."""
    source = subprocess.run(
        ["git", "show", f"{rev}:graph/claims.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "old_claims.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_claims", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_claims"] = module
    spec.loader.exec_module(module)
    return module


def word_scores(pairs: Sequence[Pair], old: ModuleType) -> list[float]:
    """The old rule's IDF-weighted Dice per pair (IDF over the pairs' texts)."""
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    terms = {t: old.claim_terms(t) for t in texts}
    df: dict[str, int] = {}
    for t in terms.values():
        for w in t.words:
            df[w] = df.get(w, 0) + 1
    total = len(texts)

    def idf(word: str) -> float:
        return math.log((total + 1) / (df.get(word, 0) + 1)) + 1.0

    return [float(old.similarity(terms[p.a], terms[p.b], idf)) for p in pairs]


@dataclass(frozen=True, slots=True)
class Result:
    recall: float
    precision: float
    threshold: float


def at_threshold(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> Result:
    said = [s >= threshold and s > 0 for s in scores]
    tp = sum(1 for s, y in zip(said, labels, strict=True) if s and y)
    fp = sum(1 for s, y in zip(said, labels, strict=True) if s and not y)
    positives = sum(labels)
    return Result(
        recall=tp / positives if positives else 0.0,
        precision=tp / (tp + fp) if tp + fp else 1.0,
        threshold=threshold,
    )


def best_recall(
    scores: Sequence[float], labels: Sequence[bool], min_precision: float = 0.9
) -> Result:
    """The highest recall over thresholds whose precision is at least ``min_precision``."""
    best = Result(0.0, 1.0, math.inf)
    for t in sorted({s for s in scores if s > 0}):
        r = at_threshold(scores, labels, t)
        if r.precision >= min_precision and r.recall > best.recall:
            best = r
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    pairs = load_pairs(args.corpus)
    labels = [p.same for p in pairs]
    print(f"{len(pairs)} labelled pairs, {sum(labels)} the same claim")
    new = meaning_scores(pairs)
    old = word_scores(pairs, baseline_module())
    rows = [
        ("meaning + constraints (new)", new, claims.THRESHOLD),
        ("word stems, IDF Dice (old), link", old, 0.5),
        ("word stems, IDF Dice (old), group", old, 0.7),
    ]
    print(f"{'rule':36} {'R@P>=0.9':>9} {'P':>6} {'thr':>6}   {'shipped: R':>10} {'P':>6}")
    for name, scores, shipped in rows:
        best = best_recall(scores, labels)
        ship = at_threshold(scores, labels, shipped)
        print(
            f"{name:36} {best.recall:9.1%} {best.precision:6.1%} {best.threshold:6.3f}"
            f"   {ship.recall:10.1%} {ship.precision:6.1%}"
        )
    by_sample: dict[str, list[int]] = {}
    for p, s in zip(pairs, new, strict=True):
        said = s > 0
        counts = by_sample.setdefault(p.sample, [0, 0, 0, 0])
        counts[(not p.same) * 2 + (not said)] += 1
    store = [i for i, p in enumerate(pairs) if p.sample == STORE_LINKS]
    if store:
        ship = at_threshold([new[i] for i in store], [labels[i] for i in store], claims.THRESHOLD)
        print(
            f"links the store made at 0.64 ({len(store)}, 16 per score band): "
            f"{ship.precision:.1%} of those kept at {claims.THRESHOLD} are the same claim"
        )
    print("new rule by sample (same&joined, same&apart, different&joined, different&apart):")
    for sample, c in sorted(by_sample.items()):
        print(f"  {sample:22} {c}")


if __name__ == "__main__":
    main()
