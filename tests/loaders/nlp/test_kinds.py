"""Hedges, agentless passives, refusals, denials and photo credits."""

from __future__ import annotations

import pytest

from graph.model import AttributionKind, SourceType
from tests.loaders.nlp.helpers import Extract, only, source_name


@pytest.mark.parametrize("hedge", ["reportedly", "allegedly"])
def test_hedge_adverb_marks_the_attribution_hedged(extract: Extract, hedge: str) -> None:
    a = only(extract(f"Ana Ruiz {hedge} said the pier was unsafe."))
    assert a.hedged
    assert source_name(a) == "Ana Ruiz"


def test_plain_attribution_is_not_hedged(extract: Extract) -> None:
    assert not only(extract("Ana Ruiz said the pier was unsafe.")).hedged


def test_agentless_passive_has_no_source_and_is_hedged(extract: Extract) -> None:
    a = only(extract("Most of the divers were said to be volunteers from the north."))
    assert a.source is None
    assert a.hedged
    assert a.content is not None and "volunteers from the north" in a.content.text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ana Ruiz refused to comment on the repairs.", "refused to comment"),
        ("Ana Ruiz declined to comment on the repairs.", "declined to comment"),
        ("Ana Ruiz could not say how long the repairs would take.", "could not say"),
        ("Ana Ruiz would not speculate on the cost of the repairs.", "would not speculate"),
    ],
)
def test_refusals(extract: Extract, text: str, cue: str) -> None:
    a = only(extract(text))
    assert a.kind is AttributionKind.REFUSAL
    assert a.cue.text == cue
    assert source_name(a) == "Ana Ruiz"


def test_denial(extract: Extract) -> None:
    a = only(extract("The harbour board denied that the pier was unsafe."))
    assert a.kind is AttributionKind.DENIAL
    assert a.content is not None and a.content.text == "that the pier was unsafe"


def test_photo_credit_names_the_outlet(extract: Extract) -> None:
    text = (
        "Divers inspect the old pier at dawn, May 2, 2024. REUTERS/Lena Park\n\nThe pier reopened."
    )
    a = only(extract(text))
    assert a.kind is AttributionKind.CREDIT
    assert a.source is not None and a.source.source.name == "Reuters"
    assert a.source.source.type is SourceType.OUTLET
    assert a.cue.text == "REUTERS/"
    assert (
        a.content is not None
        and a.content.text == "Divers inspect the old pier at dawn, May 2, 2024."
    )
    assert ("photographer", "Lena Park") in a.extra


def test_caption_line_does_not_run_into_the_story(extract: Extract) -> None:
    text = (
        "Divers inspect the old pier at dawn. REUTERS/Lena Park\n\n"
        "The pier will reopen in May, a port official said."
    )
    a = next(x for x in extract(text) if x.kind is AttributionKind.STATEMENT)
    assert a.content is not None and a.content.text == "The pier will reopen in May"
    assert a.source is not None and a.source.source.name == "a port official"
