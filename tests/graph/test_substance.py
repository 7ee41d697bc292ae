"""A claim needs substance: pronouns, names and function words make no Claim node."""

from __future__ import annotations

import pytest

from graph.build import build_graph
from graph.model import Article, SourceType
from graph.substance import has_substance, makes_claim
from tests.graph.factory import attribution


@pytest.mark.parametrize("content", ["it", "him", "you", "sick", "Clinton", "In 2011", "of the"])
def test_a_pronoun_a_name_or_one_word_is_no_claim(content: str) -> None:
    assert not has_substance(content)


@pytest.mark.parametrize(
    "content", ["the pier will reopen in May", "that he would win", "fares rise"]
)
def test_a_statement_is_a_claim(content: str) -> None:
    assert has_substance(content)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ana Ruiz criticized him.", "criticized", "him"),
        ("Ana Ruiz shared a picture of the pier.", "shared", "a picture of the pier"),
    ],
)
def test_junk_content_keeps_its_attribution_but_makes_no_claim(
    text: str, cue: str, content: str
) -> None:
    art = Article.create(
        text=f"{text} Ana Ruiz said the pier will reopen in May.", url="https://example.org/junk"
    )
    atts = [
        attribution(art, cue=cue, content=content, source=("Ana Ruiz", SourceType.PERSON)),
        attribution(
            art,
            cue="said",
            content="the pier will reopen in May",
            source=("Ana Ruiz", SourceType.PERSON),
        ),
    ]
    G = build_graph([(art, atts)])
    claims = [d["text"] for _, d in G.nodes(data=True) if d["label"] == "Claim"]
    assert claims == ["the pier will reopen in May"]
    assert len([k for k, d in G.nodes(data=True) if d["label"] == "Attribution"]) == 2


@pytest.mark.parametrize(
    ("cue", "content"),
    [
        ("could be seen", "standing on top of the harbour crane"),
        ("shared", "a picture of the new pier on Instagram"),
        ("also plans", "to meet the harbour board next week"),
        ("wanted", "to finish the season in the best way"),
        ("expressed", "their dismay at the closure"),
        ("appeared", "to signal the ferry would not run"),
    ],
)
def test_what_someone_saw_shared_planned_or_felt_is_no_claim(cue: str, content: str) -> None:
    assert has_substance(content) and not makes_claim(cue, content)


@pytest.mark.parametrize(
    ("cue", "content"),
    [
        ("said", "the pier will reopen in May"),
        ("showed", "that traffic fell by a third"),
        ("posted", "\u201cThe pier will reopen in May.\u201d"),
        ("is believed", "the ferry ran aground on the sandbank"),
    ],
)
def test_assertions_and_quotations_are_claims(cue: str, content: str) -> None:
    assert makes_claim(cue, content)
