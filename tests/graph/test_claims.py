"""Claim identity and cross-outlet grouping (own sentences, invented events)."""

from __future__ import annotations

import pytest

from graph.claims import ClaimIndex, claim_id, claim_terms, similarity


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
            "We were never told that the seawall had not been inspected since 2009",
            "they were never told the seawall had not been inspected since 2009",
        ),
    ],
)
def test_paraphrases_of_one_claim_are_linked(first: str, second: str) -> None:
    index = ClaimIndex()
    index.add("c1", first, "c1")
    found = index.similar("c2", second)
    assert [(c, g) for c, g, _ in found] == [("c1", "c1")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # numbers disagree
        (
            "the northern harbour will close for six weeks of repairs",
            "the northern harbour will close for eight weeks of repairs",
        ),
        # negation disagrees
        (
            "the council approved the plan to rebuild the seawall",
            "the council hasn't approved the plan to rebuild the seawall",
        ),
        # too few content words to tell
        ("the plan failed", "the plan failed badly"),
        # same names, different claim
        (
            "Mayor Lina Ostrova will visit Bralow next week",
            "Mayor Lina Ostrova resigned after the harbour scandal",
        ),
    ],
)
def test_different_claims_are_not_linked(first: str, second: str) -> None:
    index = ClaimIndex()
    index.add("c1", first, "c1")
    assert index.similar("c2", second) == []


def test_discarded_claims_are_no_longer_found() -> None:
    index = ClaimIndex()
    text = "the rail depot in Solby will reopen after forty days of work"
    index.add("c1", text, "c1")
    index.discard("c1")
    assert "c1" not in index and index.similar("c2", text) == []


def test_similar_claims_inherit_the_group_of_their_best_match() -> None:
    index = ClaimIndex()
    index.add("c1", "the rail depot in Solby will reopen after forty days of work", "g1")
    found = index.similar("c2", "Solby's rail depot reopens after forty days of work")
    assert found and found[0][1] == "g1"


def test_number_words_and_digits_agree() -> None:
    a = claim_terms("forty traders signed the harbour petition")
    b = claim_terms("40 traders signed the harbour petition")
    assert a.numbers == b.numbers == frozenset({"40"})
    assert similarity(a, b) == 1.0
