"""Nested chains: outlets reporting what others said, "according to", "citing", "told X"."""

from __future__ import annotations

import pytest

from graph.model import SourceType
from tests.loaders.nlp.helpers import Extract, only, source_name


def via_names(a) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.source.name for m in a.via]


def test_outlet_reports_sources_as_saying(extract: Extract) -> None:
    a = only(extract("Bloomberg reports two of the engineers as saying that the dam had cracked."))
    assert source_name(a) == "two of the engineers"
    assert a.source is not None and a.source.source.type is SourceType.ANONYMOUS
    assert via_names(a) == ["Bloomberg"]
    assert a.via[0].source.type is SourceType.OUTLET
    assert a.cue.text == "saying"
    assert a.content is not None and a.content.text == "that the dam had cracked"


@pytest.mark.parametrize(
    ("text", "source", "via", "cue", "content"),
    [
        (
            "The Harbor Ledger reported the mayor as writing that the pier was unsafe.",
            "the mayor",
            ["The Harbor Ledger"],
            "writing",
            "that the pier was unsafe",
        ),
        (
            "The Daily Courier quoted a port official as telling staff that the ferry would stop.",
            "a port official",
            ["Daily Courier"],
            "telling",
            "that the ferry would stop",
        ),
        (
            "Reuters cited two engineers as stating that the dam had cracked.",
            "two engineers",
            ["Reuters"],
            "stating",
            "that the dam had cracked",
        ),
        (
            "“The harbour will close,” the magazine reported Lena Ortiz as writing on Monday.",
            "Lena Ortiz",
            ["magazine"],
            "writing",
            "“The harbour will close,”",
        ),
    ],
)
def test_reported_x_as_writing_telling_stating_chains_the_reporter(
    extract: Extract, text: str, source: str, via: list[str], cue: str, content: str
) -> None:
    a = only(extract(text))
    assert source_name(a) == source
    assert via_names(a) == via
    assert a.cue.text == cue
    assert a.content is not None and a.content.text == content


def test_trailing_outlet_report_wraps_an_inner_estimate(extract: Extract) -> None:
    text = (
        "Local and federal officials estimated that dozens of homes had flooded, "
        "The New York Times reports."
    )
    a = only(extract(text))
    assert source_name(a) == "Local and federal officials"
    assert via_names(a) == ["The New York Times"]
    assert a.cue.text == "estimated"
    assert a.content is not None and a.content.text == "that dozens of homes had flooded"


def test_reported_citing_officials_puts_the_outlet_in_the_chain(extract: Extract) -> None:
    a = only(
        extract("Reuters reported, citing two senior officials, that the harbour talks had failed.")
    )
    assert source_name(a) == "two senior officials"
    assert via_names(a) == ["Reuters"]
    assert a.content is not None and a.content.text == "that the harbour talks had failed"


@pytest.mark.parametrize(("outlet", "via"), [(None, ["Reuters"]), ("Reuters", [])])
def test_told_an_outlet_is_in_the_chain_unless_it_is_the_article_outlet(
    extract: Extract, outlet: str | None, via: list[str]
) -> None:
    a = only(extract("Ana Ruiz told Reuters that the bridge would reopen.", outlet=outlet))
    assert source_name(a) == "Ana Ruiz"
    assert via_names(a) == via


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the port authority, the ferry will resume on Friday.",
            "the ferry will resume on Friday",
        ),
        (
            "The ferry will resume on Friday, according to the port authority.",
            "The ferry will resume on Friday",
        ),
    ],
)
def test_according_to_either_side(extract: Extract, text: str, content: str) -> None:
    a = only(extract(text))
    assert a.cue.text.lower() == "according to"
    assert a.source is not None and a.source.span.text == "the port authority"
    assert a.source.source.type is SourceType.ORGANIZATION
    assert a.content is not None and a.content.text == content


def test_according_to_an_outlet_that_quotes_someone(extract: Extract) -> None:
    a = only(extract("According to The Guardian, Ana Ruiz said the bridge would reopen."))
    assert source_name(a) == "Ana Ruiz"
    assert via_names(a) == ["The Guardian"]


def test_headline_colon_names_the_speaker(extract: Extract) -> None:
    a = only(extract("Ruiz: Harbour Pier Will Reopen In May.\n\nThe pier closed in March."))
    assert a.cue.text == ":"
    assert a.source is not None and a.source.span.text == "Ruiz"
    assert a.content is not None and a.content.text == "Harbour Pier Will Reopen In May"


def test_possessive_noun_cue(extract: Extract) -> None:
    a = only(extract("Ana Ruiz's claim that the pier was safe surprised the engineers."))
    assert a.cue.text == "claim"
    assert source_name(a) == "Ana Ruiz"
    assert a.content is not None and a.content.text == "that the pier was safe"


def test_as_clause_attributes_the_main_clause(extract: Extract) -> None:
    a = only(extract("As Ana Ruiz said, the harbour board has lost the town's trust."))
    assert source_name(a) == "Ana Ruiz"
    assert a.content is not None and a.content.text == "the harbour board has lost the town's trust"


def test_according_to_reports_what_a_pronoun_speaker_added(extract: Extract) -> None:
    found = extract(
        "Ms Ruiz spoke on Monday. According to local media, she added that the pier was safe."
    )
    a = only(found)
    assert source_name(a) == "Ruiz"
    assert [v.source.name for v in a.via] == ["local media"]
