"""Refusals, non-answers, denials and hedges as news writes them, with either engine."""

from __future__ import annotations

import pytest

from graph.model import AttributionKind
from tests.loaders.nlp.helpers import Extract, by_cue, source_name


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The harbour board did not respond to a request for comment.", "did not respond"),
        ("A spokesman for the board could not be reached.", "could not be reached"),
        ("Ana Ruiz would not say when the pier would reopen.", "would not say"),
        ("Tomas Brel did not elaborate on the new schedule.", "did not elaborate"),
        ("The ferry operator was not immediately available for comment.", "not immediately"),
        ("Lena Park did not return calls seeking comment on Monday.", "did not return"),
    ],
)
def test_non_answers_are_refusals(either_extract: Extract, text: str, cue: str) -> None:
    found = [a for a in either_extract(text) if a.kind is AttributionKind.REFUSAL]
    assert found, [(a.cue.text, a.kind) for a in either_extract(text)]
    assert cue in found[0].cue.text or found[0].cue.text in cue
    assert found[0].source is not None


def test_a_negated_statement_is_not_a_refusal(extract: Extract) -> None:
    found = [a for a in extract("Ana Ruiz did not say that the pier was unsafe.")]
    assert [a.kind for a in found if "say" in a.cue.text] == [AttributionKind.STATEMENT]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The minister denied that she had sold the shares.", "denied"),
        ("The club rejected reports that its coach would leave.", "rejected"),
        ("The port authority disputed the figures given by the union.", "disputed"),
    ],
)
def test_denials(either_extract: Extract, text: str, cue: str) -> None:
    a = by_cue(either_extract(text), cue)
    assert a.kind is AttributionKind.DENIAL


def test_rejecting_a_plan_is_not_a_denial(extract: Extract) -> None:
    found = [a for a in extract("The council rejected the plan that the mayor proposed.")]
    assert all(a.kind is not AttributionKind.DENIAL for a in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz reportedly told staff that the pier would close.",
        "Police said the driver had allegedly fled the scene.",
        "Investigators could not rule out that the fire was set on purpose.",
        "The mayor is said to have ordered a review of the contract.",
    ],
)
def test_hedges(either_extract: Extract, text: str) -> None:
    found = either_extract(text)
    assert found and any(a.hedged for a in found), [(a.cue.text, a.hedged) for a in found]


def test_a_plain_report_is_not_hedged(either_extract: Extract) -> None:
    assert not any(a.hedged for a in either_extract("Ana Ruiz said the pier would close."))


def test_refusal_keeps_its_source(extract: Extract) -> None:
    a = by_cue(extract("Lena Park could not be reached on Friday."), "could not be reached")
    assert source_name(a) == "Lena Park"
