"""A line without final punctuation (a subheading, a caption) ends its sentence.

Sentences and layouts written for the tests, in the shapes web pages and wrapped
plain-text files have.
"""

from __future__ import annotations

import pytest

from loaders.nlp.lines import line_starts
from tests.loaders.nlp.helpers import Extract, only

WRAPPED = (
    "The harbour board met on Monday to hear from the engineers who had\n"
    "inspected the seawall after the storm, and the chair of the port authority\n"
    "Tomas Vela said the pier would reopen in May once the repairs were done.\n"
    "Nobody else spoke at the meeting, which ended shortly after noon with a\n"
    "vote.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Crash scene\nPolice officials said the tram was going too fast.",
        "The tram overturned on Wednesday.\n\nCrash scene\n\nPolice officials said the tram "
        "was going too fast.",
        "Crash scene \r\nPolice officials said the tram was going too fast.",
    ],
)
def test_a_subheading_line_never_joins_the_source(extract: Extract, text: str) -> None:
    a = only(extract(text))
    assert a.source is not None and a.source.span.text == "Police officials"
    assert text[a.source.span.start : a.source.span.end] == "Police officials"


def test_a_caption_line_ends_before_the_story_goes_on(extract: Extract) -> None:
    text = (
        "Rail workers at the site of the crash on Wednesday\n"
        "The driver, Tomas Vela, said the brakes had failed."
    )
    a = only(extract(text))
    assert a.source is not None and a.source.source.name == "Tomas Vela"
    assert a.source.span.text == "The driver, Tomas Vela"


def test_wrapped_text_keeps_a_source_that_starts_a_line(extract: Extract) -> None:
    a = only(extract(WRAPPED))
    assert a.source is not None
    assert a.source.span.text == "the chair of the port authority\nTomas Vela"
    assert a.content is not None and a.content.text.startswith("the pier would reopen")


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Crash scene\nPolice said so.", ["Police said so."]),
        ("The mayor said\nthe pier would reopen.", []),  # goes on in lower case
        (WRAPPED, []),  # full lines of a wrapped text: the parser decides
        ("Pier news\n" + WRAPPED, ["The harbour board"]),  # a short line in wrapped text
    ],
)
def test_line_starts_only_where_a_line_stands_alone(text: str, starts: list[str]) -> None:
    assert [text[i:].startswith(s) for i, s in zip(line_starts(text), starts, strict=True)] == [
        True
    ] * len(starts)
