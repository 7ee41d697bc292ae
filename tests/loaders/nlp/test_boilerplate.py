"""Page furniture is masked before NLP, offsets keep pointing into the original text.

Sentences and furniture written for the tests (in the shape web pages print them).
"""

from __future__ import annotations

import pytest

from graph.model import SourceType
from loaders.nlp.boilerplate import mask, spans
from tests.loaders.nlp.helpers import Extract

FURNITURE = [
    "Click to share on Twitter (Opens in new window)",
    "Image copyright Reuters Image caption",
    "Media caption",
    "Skip Ad Ad Loading... x Embed x Share",
    "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! "
    "Could not subscribe, try again later Invalid Email",
    "(Photo: Jana Holt, Harbour Wire)",
    "Getty Images 12",
    "Read more:",
    "Continue reading the main story",
    "Read or Share this story: http://example.org/x1",
    "TPX IMAGES OF THE DAY",
    "CLOSE",
    "By Ida Marsh, Ledger harbour correspondent",
    "Your browser does not support this interactive content",
    "You might also like:",
    "— Ola Bern (@olabern) March 3, 2021",
    "- Harbour Gulls (@gulls) March 3, 2021",
    "-- Port Police (@portpolice) March 3, 201",
    "(Lee Park/The Harbour Ledger)",
    "(Lee Park / The Harbour Ledger)",
    "(Ola Bern,Ida Marsh/The Harbour Ledger)",
    "(Tomas Vela/Pool via AP)",
    "Lee Park/The Harbour Ledger Buy Photo Wait 1 second to continue.",
    "Lee Park/Reuters",
    "Ida Marsh/Getty Images 3/8",
    "Ida Marsh 7/8",
    "Reuters 18",
    "Scroll down for video",
    "(left)",
    "(pictured right)",
    "12 show all Harbour storm in pictures 1/12",
]


@pytest.mark.parametrize("furniture", FURNITURE)
def test_furniture_is_masked_and_the_story_kept(furniture: str) -> None:
    text = f"The ferry left at noon. {furniture} Mayor Ana Ruiz said the pier reopens."
    masked = mask(text)
    assert len(masked) == len(text)
    start = text.index(furniture)
    assert not any(c.isalnum() for c in masked[start : start + len(furniture)])
    assert masked[:start] == text[:start]
    assert masked.endswith("Mayor Ana Ruiz said the pier reopens.")


def test_ordinary_words_that_look_like_furniture_stay() -> None:
    text = "More people shared the post. The close vote was read more slowly by the clerk."
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The latest Harbour Wire/Ipsos poll showed a lead for the mayor.",
        "No trams run between Reeves Corner and Addington Village/Harrington Road today.",
        "Ana Ruiz/Blue Cross said the plan was off.",
    ],
)
def test_slashes_that_are_not_photo_credits_stay(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    "credit",
    [
        "(Lee Park/The Washington Post)",
        "Lee Park/The Washington Post Buy Photo Wait 1 second to continue.",
        "Lee Park/Reuters",
        "Lee Park/AP 2/8",
    ],
)
def test_a_photo_credit_is_never_a_source_or_relay(extract: Extract, credit: str) -> None:
    text = f"Workers repair the pier at dawn. {credit} Ana Ruiz blamed the storm for the delay."
    found = extract(text)
    named = [m for a in found for m in (a.source, *a.via) if m is not None]
    assert [m.source.name for m in named] == ["Ana Ruiz"]
    assert all(m.source.role is None for m in named)


def test_no_source_or_role_is_made_of_furniture(extract: Extract) -> None:
    text = (
        "Image copyright Harbour Wire Image caption Ana Ruiz at the pier "
        "Click to share on Facebook (Opens in new window) "
        "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! "
        "Could not subscribe, try again later Invalid Email "
        "Port director Tomas Vela said the pier would reopen in May."
    )
    [a] = extract(text)
    assert a.source is not None
    assert a.source.source.name == "Tomas Vela"
    assert a.source.source.role == "Port director"
    assert text[a.source.span.start : a.source.span.end] == a.source.span.text


def test_a_photo_credit_carries_only_its_caption(extract: Extract) -> None:
    story = " ".join(f"The harbour board met for the {n} time on Monday." for n in range(8))
    text = f"{story} Workers repair the pier at dawn. REUTERS/Lee Park TPX IMAGES OF THE DAY"
    credits = [a for a in extract(text) if a.kind == "credit"]
    assert [c.content.text for c in credits if c.content] == ["Workers repair the pier at dawn."]


def test_a_headline_in_capitals_is_never_a_source(extract: Extract) -> None:
    found = extract("PIER SHUT HARBOUR SAYS the crossing would reopen in May.")
    assert all(a.source is None or a.source.source.type is SourceType.UNSPECIFIED for a in found), [
        (a.source.source.name, a.source.source.type) for a in found if a.source
    ]


@pytest.mark.parametrize(
    ("box", "story"),
    [
        (
            "Related stories HARBOUR WOES Ferry firm blames tides for third delay "
            "'WE WERE STRANDED' Commuters tell of four hours on the quay PIER PRESSURE "
            "Council says new quay will open in spring",
            '"The pier reopens in May," Mayor Ana Ruiz said.',
        ),
        (
            "RELATED ARTICLES TIDE TURNS Harbour chief says dredging works... "
            "and the boats are back",
            "\u201cThe pier reopens in May,\u201d the harbour board said on Monday.",
        ),
        (
            "Related Stories ferry delayed Why did the council close the pier for a month? "
            "PIER SHUT Harbour board confirms closure over storm damage.",
            '"The pier reopens in May," Mayor Ana Ruiz said.',
        ),
    ],
)
def test_a_related_stories_box_is_masked_up_to_the_story(
    extract: Extract, box: str, story: str
) -> None:
    """A box of headlines run into the text (no line breaks): its teasers make no
    attribution; the story after it keeps its own."""
    text = f"The ferry left at noon. {box} {story}"
    masked = mask(text)
    start = text.index(box)
    assert not any(c.isalnum() for c in masked[start : start + len(box)])
    found = extract(text)
    assert [a.cue.text for a in found] == ["said"]
    assert text[found[0].source.span.start : found[0].source.span.end] in (
        "Mayor Ana Ruiz",
        "the harbour board",
    )


def test_a_gallery_count_before_a_caption_is_masked() -> None:
    text = "The pier reopened. 4 This graphic shows the new quay. 12 people came."
    masked = mask(text)
    assert masked[19:21].strip() in (".", "") and "4" not in masked
    assert masked.endswith("This graphic shows the new quay. 12 people came.")


def test_related_stories_in_a_sentence_stay() -> None:
    text = "She said related stories in the press had been wrong."
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        (
            "The pier is shut. Ana Ruiz was hurt in the harbour storm (Facebook) Ms Ruiz went "
            "to school in Leeds.",
            "Ana Ruiz was hurt in the harbour storm (Facebook)",
        ),
        (
            'He said it was over." Scene: boats were piled on the quay (Ida Marsh) The mayor '
            "said it would reopen.",
            "Scene: boats were piled on the quay (Ida Marsh)",
        ),
        (
            "Police named them. Victims: From left to right: Ana Ruiz, Tom Vell, Ola Bern and "
            "Sam Lee They also confirmed it.",
            "Victims: From left to right: Ana Ruiz, Tom Vell, Ola Bern and Sam Lee",
        ),
        (
            'He was kind. Victim: Tom Vell pictured with his mother Jane Vell "He loved the sea."',
            "Victim: Tom Vell pictured with his mother Jane Vell",
        ),
        (
            "It was over. Storm and anger: harbour workers urge council to stand up and fight "
            "Read more Ms Ruiz did not speak.",
            "Storm and anger: harbour workers urge council to stand up and fight Read more",
        ),
    ],
)
def test_a_caption_run_into_the_story_is_masked(text: str, caption: str) -> None:
    assert [text[s:e] for s, e in spans(text)] == [caption]


@pytest.mark.parametrize(
    "text",
    [
        "NEW YORK CITY (Reuters) The mayor said the pier would reopen.",
        "The mayor (Labour) said the pier would reopen.",
        "The pier, said Ana Ruiz (Labour), would reopen.",
        "The board met on Monday. The pier was shut in the storm (Ida Marsh said) and stays so.",
    ],
)
def test_brackets_that_end_no_caption_stay(text: str) -> None:
    assert spans(text) == []


def test_a_captioned_victim_is_not_an_attribution(extract: Extract) -> None:
    text = (
        "Police named the dead on Sunday. Victim: Tom Vell was named as one of those killed "
        "in the storm (Facebook) Father-of-two Tom Vell, 40, worked at the port. "
        'His neighbour, Ola Bern, said: "He was a kind man."'
    )
    found = extract(text)
    assert [(a.source.source.name if a.source else None) for a in found] == ["Ola Bern"]
