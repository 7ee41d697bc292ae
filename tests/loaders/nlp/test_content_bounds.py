"""Exact content boundaries: what joins the cue, what leads in, what trails off."""

from __future__ import annotations

import pytest

from loaders.nlp import Extractor
from loaders.nlp.candidate import Candidate, SourceRef
from loaders.nlp.chains import merge_nested
from tests.loaders.nlp.helpers import Extract, only


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Senator Mara Quill called on the council to delay the vote.",
            "called on",
            "the council to delay the vote",
        ),
        (
            "Governor Tomas Hale called on voters to reject the measure.",
            "called on",
            "voters to reject the measure",
        ),
    ],
)
def test_preposition_before_several_complements_joins_the_cue(
    extract: Extract, text: str, cue: str, content: str
) -> None:
    a = only(extract(text))
    assert a.cue.text == cue
    assert a.content is not None and a.content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The port was a “quiet success for everyone,” said Mayor Ana Ruiz.",
            "The port was a “quiet success for everyone,”",
        ),
        (
            "The new ferry “will not fix the backlog,” Mayor Ana Ruiz said.",
            "The new ferry “will not fix the backlog,”",
        ),
        (
            "“The ferry will not fix the backlog,” Mayor Ana Ruiz said.",
            "“The ferry will not fix the backlog,”",
        ),
    ],
)
def test_words_leading_into_a_quote_belong_to_the_content(
    extract: Extract, text: str, content: str
) -> None:
    a = only(extract(text))
    assert a.content is not None and a.content.text == content


def test_clause_coordinated_after_the_content_continues_it(extract: Extract) -> None:
    text = "Mayor Ana Ruiz said the delay was over, and the bridge would reopen in May."
    a = only(extract(text))
    assert a.content is not None
    assert a.content.text == "the delay was over, and the bridge would reopen in May"


def test_speaker_going_on_to_act_is_not_content(extract: Extract) -> None:
    text = "Mayor Ana Ruiz said the bridge was safe, and then she left the podium."
    a = only(extract(text))
    assert a.content is not None and a.content.text == "the bridge was safe"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ana Ruiz said the ferry plan was backed by Senator Lee Varga, "
            "who faces a tough race this fall.",
            "the ferry plan was backed by Senator Lee Varga",
        ),
        (
            "Mayor Ana Ruiz said the ferry plan was backed by the council, which meets on Fridays.",
            "the ferry plan was backed by the council, which meets on Fridays",
        ),
    ],
)
def test_writer_aside_on_a_name_ends_the_content(extract: Extract, text: str, content: str) -> None:
    a = only(extract(text))
    assert a.content is not None and a.content.text == content


def test_nested_merge_never_leaves_an_empty_content(extractor: Extractor) -> None:
    text = "As the gazette noted, critics said the pier is unsafe."
    doc = extractor.nlp(text)
    noted = next(t for t in doc if t.text == "noted")
    said = next(t for t in doc if t.text == "said")
    gazette = doc[1:3]
    # The outer report ("said") covers the inner cue; the inner content covers the outer cue,
    # and cutting it at the outer content's end would leave it reversed.
    outer = Candidate(
        cue=(said.idx, said.idx + 4),
        cue_token=said.i,
        sentence=(0, len(text)),
        sources=[SourceRef(span=doc[said.i - 1 : said.i], referent=doc[said.i - 1 : said.i])],
        content=(0, noted.idx + len("noted")),
    )
    inner = Candidate(
        cue=(noted.idx, noted.idx + len("noted")),
        cue_token=noted.i,
        sentence=(0, len(text)),
        sources=[SourceRef(span=gazette, referent=gazette)],
        content=(noted.idx + len("noted, "), len(text) - 1),
    )
    kept = merge_nested(doc, [inner, outer])
    assert all(c.content is None or c.content[0] < c.content[1] for c in kept)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ana Ruiz said the ferry would run late all summer (the council disagrees.",
            "the ferry would run late all summer",
        ),
        (
            "Mayor Ana Ruiz said the ferry would run late (by two hours) all summer.",
            "the ferry would run late (by two hours) all summer",
        ),
    ],
)
def test_unclosed_parenthesis_ends_the_content(extract: Extract, text: str, content: str) -> None:
    a = only(extract(text))
    assert a.content is not None and a.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Councillor Bea Moss expressed concern that the ferry would be late.",
            "expressed concern",
            "that the ferry would be late",
        ),
        (
            "Councillor Bea Moss voiced doubts about the new ferry schedule.",
            "voiced doubts about",
            "the new ferry schedule",
        ),
        ("Councillor Bea Moss expressed her thanks.", "expressed", "her thanks"),
    ],
)
def test_stance_noun_after_express_joins_the_cue(
    extract: Extract, text: str, cue: str, content: str
) -> None:
    a = only(extract(text))
    assert a.cue.text == cue
    assert a.content is not None and a.content.text == content
