"""A heading or caption flattened into the text never starts a source phrase.

Layouts written for the tests, in the shape of web text whose line breaks were lost.
"""

from __future__ import annotations

import pytest

from tests.loaders.nlp.helpers import Extract, by_cue


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Rain fell all night (Ida Marsh) Mayor Ana Ruiz said it was over.",
            "said",
            "Mayor Ana Ruiz",
        ),
        (
            "A map of where the crash happened Her brother Tom, 23, told the Ledger that "
            "they were to marry.",
            "told",
            "Her brother Tom, 23",
        ),
        (
            "Rain fell. 'Not a result of the storm' A spokeswoman for the port acknowledged "
            "that costs rose.",
            "acknowledged",
            "A spokeswoman for the port",
        ),
        (
            "Fans cheer the mayor PIER NEWS Port officials reveal they love the pier.",
            "reveal",
            "Port officials",
        ),
        (
            "Ola Bern married Tom Vell Mr Vell's brother revealed he had been on the tram.",
            "revealed",
            "Mr Vell's brother",
        ),
    ],
)
def test_a_glued_caption_is_cut_off_the_source(
    extract: Extract, text: str, cue: str, source: str
) -> None:
    a = by_cue(extract(text), cue)
    assert a.source is not None and a.source.span.text == source
    assert text[a.source.span.start : a.source.span.end] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A spokeswoman for the port, who told The Ledger, said costs rose.",
            "A spokeswoman for the port, who told The Ledger",
        ),
        (
            "An editor at The Harbour Ledger said the pier was shut.",
            "An editor at The Harbour Ledger",
        ),
        ("AMY LEE Comedian said she would leave.", "AMY LEE Comedian"),
    ],
)
def test_a_whole_source_phrase_is_kept(extract: Extract, text: str, source: str) -> None:
    a = by_cue(extract(text), "said")
    assert a.source is not None and a.source.span.text == source


@pytest.mark.parametrize(
    "text",
    [
        "Harbour News' Ana Ruiz said the pier was shut.",
        "The council’s complaint to the Appeals’ Board on Harbour Safety said the pier was shut.",
        "Port AFL-CIO President Ana Ruiz said the pier was shut.",
    ],
)
def test_possessives_and_acronyms_are_not_glue(extract: Extract, text: str) -> None:
    a = by_cue(extract(text), "said")
    assert a.source is not None and a.source.span.text == text[: text.index(" said")]


def test_a_name_run_into_the_sentence_before_is_the_subject_of_the_next_verb(
    extract: Extract,
) -> None:
    """A caption run into the story: "... to vote Ruiz Lady Vell shared a picture". The
    parser hangs "Lady Vell" on "vote" and gives "shared" the first sentence's subject;
    the name right before the verb is the one sharing."""
    text = (
        "Perry addressed the audience at Ruiz's election night party at the Harbour "
        "Convention Center in New York City pleading for last-minute voters to vote Ruiz "
        "Lady Vell shared a picture giving the thumbs up alongside Tom Baker on Twitter."
    )
    a = by_cue(extract(text), "shared")
    assert a.source is not None
    assert "Vell" in a.source.span.text and "Perry" not in a.source.span.text


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The fans saw her record and skills as big negatives Then, on 6 May, two days "
            "before the vote, Mr Vell announced in a second letter that he stood by his view.",
            "announced",
            "that he stood by his view",
        ),
        (
            "Protests continue at the pier We will not go back, the marchers said on Sunday.",
            "said",
            "We will not go back",
        ),
    ],
)
def test_a_sentence_glued_to_a_caption_starts_at_its_opener(
    extract: Extract, text: str, cue: str, content: str
) -> None:
    a = by_cue(extract(text), cue)
    assert a.content is not None and a.content.text == content


def test_according_to_after_a_caption_starts_its_own_sentence(extract: Extract) -> None:
    text = (
        "Ms Ruiz spoke to donors on Saturday. Image caption Mr Vell announced a new inquiry "
        "into the port shortly before the vote According to local media, she added that "
        "the inquiry had helped her rival."
    )
    announced = by_cue(extract(text), "announced")
    assert not announced.via
    added = by_cue(extract(text), "added")
    assert added.source is not None and added.source.source.name == "Ruiz"
    assert [v.source.name for v in added.via] == ["local media"]


def test_an_email_address_run_into_a_source_is_cut_off(extract: Extract) -> None:
    text = (
        "All of her mail was sent to her home address - ana22@harbourmail.com Sceptics "
        "claim it had nothing to do with convenience."
    )
    a = by_cue(extract(text), "claim")
    assert a.source is not None and a.source.span.text == "Sceptics"
