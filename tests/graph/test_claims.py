"""Claim identity and cross-outlet grouping (own sentences, invented events).

The real packaged encoder runs in every test (all-MiniLM-L6-v2, int8 ONNX).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

from graph.claims import THRESHOLD, ClaimIndex, claim_id, day_of

DAY = dt.date(2031, 3, 4).toordinal()


def groups_after(*articles: tuple[list[str], int | None]) -> ClaimIndex:
    index = ClaimIndex()
    for texts, day in articles:
        index.observe([(claim_id(t), t) for t in texts], day)
    return index


def same_group(index: ClaimIndex, a: str, b: str) -> bool:
    return index.group(claim_id(a)) == index.group(claim_id(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The harbour will close for repairs next winter",
            "the harbour will close for repairs next winter.",
        ),
        ("“Prices rose sharply,” she said", "prices rose sharply she said"),
    ],
)
def test_same_words_make_the_same_claim_id(a: str, b: str) -> None:
    assert claim_id(a) == claim_id(b)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "the northern harbour will close for six weeks of repairs",
            "The northern harbour closes for six weeks while repairs are carried out",
        ),
        (
            "two ferry companies plan to sue the city over the closure",
            "the city will be sued by two ferry companies over the closure",
        ),
        (
            "thieves made off with 209,000 customer card numbers from the Kelvar chain",
            "more than 200,000 card numbers of Kelvar customers were stolen",
        ),
        # A looser paraphrase ("may have exposed 143 million accounts" / "details of
        # 143million account holders had been leaked", 0.72) is no longer joined: on the
        # links a user is shown, a quarter of those from 0.68 to 0.76 join two claims.
    ],
)
def test_paraphrase_of_one_claim_is_joined(first: str, second: str) -> None:
    index = groups_after(([first], DAY), ([second], DAY + 1))
    assert same_group(index, first, second)


def test_the_link_says_why_two_claims_were_joined() -> None:
    a = "thieves made off with 209,000 customer card numbers from the Kelvar chain"
    b = "more than 200,000 card numbers of Kelvar customers were stolen"
    index = ClaimIndex()
    index.observe([(claim_id(a), a)], DAY)
    [link] = index.observe([(claim_id(b), b)], DAY).links
    props = link.props()
    assert props["score"] >= THRESHOLD
    assert props["names"] == ["kelvar"]
    assert set(props["numbers"][0].split(" ~ ")) == {"209,000", "more than 200,000"}
    assert props["reason"].startswith("meaning 0.")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "a fault in the Orvane data centre exposed 143 million accounts",
            "a fault in the Orvane data centre exposed 2.5 million more accounts",
        ),
        (
            "the storm left 12 people dead along the Maslin coast",
            "the storm left 40 people dead along the Maslin coast",
        ),
        (
            "more than 30 people were hurt when the roof fell in",
            "30 people were hurt when the roof fell in",
        ),
    ],
)
def test_different_numbers_stay_apart(first: str, second: str) -> None:
    index = groups_after(([first], DAY), ([second], DAY))
    assert not same_group(index, first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "the Tarrow bridge will reopen to traffic in May",
            "the Tarrow bridge will not reopen to traffic in May",
        ),
        (
            "the mayor knew about the leak in the reservoir",
            "the mayor never knew about the leak in the reservoir",
        ),
    ],
)
def test_negation_keeps_claims_apart(first: str, second: str) -> None:
    index = groups_after(([first], DAY), ([second], DAY))
    assert not same_group(index, first, second)


def test_same_words_about_different_events_stay_apart() -> None:
    # two town councils, two budgets: near the same words, other names
    a = "the Brenmoor council approved the new school budget on Monday"
    b = "the Ostley council approved its new school budget on Monday"
    index = groups_after(([a], DAY), ([b], DAY))
    assert not same_group(index, a, b)
    # one story reported again a year later is another story
    c = "police said the suspect had fled the scene on foot"
    d = "the suspect fled the scene on foot, police said"
    assert same_group(groups_after(([c], DAY), ([d], DAY + 2)), c, d)
    assert not same_group(groups_after(([c], DAY), ([d], DAY + 400)), c, d)


ARTICLES = [
    (["the northern harbour will close for six weeks of repairs", "fares will rise by 5%"], DAY),
    (["The northern harbour closes for six weeks while repairs are carried out"], DAY + 1),
    (["the harbour closes for repairs lasting six weeks", "fares are going up 5%"], None),
    (["the northern harbour will stay open all year"], DAY + 2),
    (["harbour repairs will shut it for six weeks, the port said"], DAY + 30),
]


def test_groups_do_not_depend_on_article_order() -> None:
    seen = set()
    for order in itertools.permutations(ARTICLES):
        index = groups_after(*order)
        claims = sorted(claim_id(t) for texts, _ in ARTICLES for t in texts)
        seen.add(tuple(index.group(c) for c in claims))
    assert len(seen) == 1
    [groups] = seen
    assert len(set(groups)) < len(groups)  # something was joined


def test_split_claim_stays_out_when_a_new_claim_bridges() -> None:
    a = "the northern harbour will close for six weeks of repairs"
    b = "The northern harbour closes for six weeks while repairs are carried out"
    index = groups_after(([a], DAY), ([b], DAY))
    assert same_group(index, a, b)
    _, splits = index.split(claim_id(b))
    assert [s.split for s in splits] == [True] and not same_group(index, a, b)
    c = "the harbour closes for repairs lasting six weeks"
    index.observe([(claim_id(c), c)], DAY)
    assert not same_group(index, a, b)
    assert same_group(index, a, c) or same_group(index, b, c)


def test_discarded_claim_leaves_its_group() -> None:
    a = "the northern harbour will close for six weeks of repairs"
    b = "The northern harbour closes for six weeks while repairs are carried out"
    index = groups_after(([a], DAY), ([b], DAY))
    index.discard(claim_id(a))
    assert claim_id(a) not in index and index.group(claim_id(b)) == claim_id(b)


def test_day_of_reads_common_date_forms() -> None:
    assert day_of("2031-03-04") == DAY
    assert day_of("2031-03-04T10:00:00Z") == DAY
    assert day_of("Tue, 04 Mar 2031 10:00:00 GMT") == DAY
    assert day_of(None) is None and day_of("yesterday") is None


def test_labelled_gold_pairs_reach_recall_at_precision(shared_dir: Path, repo_dir: Path) -> None:
    """On our labelled Giveme5W1H pairs, as shipped: precision >= 90% at recall >= 45%,
    and >= 78% of the links a 0.64 threshold made (the pairs a user sees) kept rightly."""
    path = repo_dir / "benchmarks" / "claim_pairs.py"
    spec = importlib.util.spec_from_file_location("claim_pairs", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["claim_pairs"] = bench
    spec.loader.exec_module(bench)
    pairs = bench.load_pairs(shared_dir / "corpus" / "giveme5w1h_gold_standard.jsonl")
    assert len(pairs) >= 290
    labels = [p.same for p in pairs]
    assert sum(labels) >= 100 and len(labels) - sum(labels) >= 100
    scores = bench.meaning_scores(pairs)
    result = bench.at_threshold(scores, labels, 0.0)
    assert result.precision >= 0.9
    assert result.recall >= 0.45
    store = [i for i, p in enumerate(pairs) if p.sample == bench.STORE_LINKS]
    assert len(store) == 80
    kept = bench.at_threshold([scores[i] for i in store], [labels[i] for i in store], 0.0)
    assert kept.precision >= 0.78
