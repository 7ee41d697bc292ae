"""Sentence structure: who asks, who is prompted, what a document says (sentences written
for the tests)."""

from __future__ import annotations

from graph.model import SourceType
from tests.loaders.nlp.helpers import Extract, by_cue, source_name


def test_when_asked_the_one_answering_is_the_source_not_the_asker(extract: Extract) -> None:
    found = extract("When asked if the talks had failed, Ada Kirwan responded that they had not.")
    assert [a.cue.text for a in found] == ["responded"]
    assert source_name(found[0]) == "Ada Kirwan"


def test_asked_about_makes_no_attribution_to_the_one_asked(extract: Extract) -> None:
    found = extract("Asked about the budget, Mayor Lena Ortiz said the city would cut costs.")
    assert [a.cue.text for a in found] == ["said"]


def test_prompted_x_to_say_makes_x_the_source(extract: Extract) -> None:
    a = by_cue(extract("That prompted the ambassador to say the deal was dead."), "to say")
    assert source_name(a) == "the ambassador"


def test_by_inside_the_object_of_an_active_verb_is_not_the_source(extract: Extract) -> None:
    """The parser reads "by port director Tomas Vela" as the agent of "blamed"; in an
    active clause with its own subject the subject blames."""
    text = (
        "Ada Kirwan has reportedly blamed two letters to Parliament by port director "
        "Tomas Vela for her defeat by Lena Ortiz in the mayoral election."
    )
    assert source_name(by_cue(extract(text), "blamed")) == "Ada Kirwan"
    passive = extract("The delay was blamed by Tomas Vela on the storm.")
    assert source_name(by_cue(passive, "was blamed")) == "Tomas Vela"


def test_reports_in_general_are_hearsay_not_a_document(extract: Extract) -> None:
    found = extract("Seven people were hurt when the ferry hit the pier, according to reports.")
    a = by_cue(found, "according to")
    assert a.source is not None and a.source.source.type is SourceType.ANONYMOUS
    two = by_cue(extract("Two reports by the harbour board said traffic fell."), "said")
    assert two.source is not None and two.source.source.type is SourceType.DOCUMENT


def test_a_letter_asking_is_the_letter_not_the_outlet_that_obtained_it(extract: Extract) -> None:
    a = by_cue(extract("The Harbor Ledger obtained a letter asking him to resign."), "asking")
    assert a.source is not None and a.source.source.type is SourceType.DOCUMENT
    assert source_name(a) == "a letter"


def test_reports_polls_and_data_are_documents(extract: Extract) -> None:
    text = (
        "The annual port report said traffic fell by a third. "
        "A new poll showed that the mayor was ahead by five points. "
        "State environmental data reviewed by the Ledger showed the river was cleaner."
    )
    found = extract(text)
    sources = [(a.source.source.name, a.source.source.type) for a in found if a.source]
    assert sources == [
        ("annual port report", SourceType.DOCUMENT),
        ("A new poll", SourceType.DOCUMENT),
        ("State environmental data", SourceType.DOCUMENT),
    ], sources
