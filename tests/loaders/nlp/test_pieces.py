"""A content the article interrupts with its cue is one content in several pieces."""

from __future__ import annotations

import json

from graph.build import attribution_props
from graph.model import Article
from loaders.nlp import Extractor
from tests.loaders.nlp.helpers import Extract, by_cue


def test_quote_split_around_its_cue_is_one_content_of_two_pieces(extract: Extract) -> None:
    text = "“The first half is ready,” the engineer said on Tuesday, “and the rest will follow.”"
    a = by_cue(extract(text), "said")
    assert a.content is not None
    pieces = [text[s:e] for s, e in a.content.pieces]
    assert pieces == ["“The first half is ready,”", "“and the rest will follow.”"]
    assert "said" not in a.content.text and "rest will follow" in a.content.text


def test_clause_split_around_its_cue_drops_the_cue(extract: Extract) -> None:
    text = "The new bridge, the engineer said, will open in May."
    a = by_cue(extract(text), "said")
    assert a.content is not None
    assert [text[s:e] for s, e in a.content.pieces] == ["The new bridge", "will open in May"]


def test_record_and_graph_carry_the_pieces(extractor: Extractor) -> None:
    text = "“We are ready,” Ana Ruiz said. “The trucks leave at dawn.”"
    article = Article.create(text=text)
    a = by_cue(extractor.extract(article), "said")
    record = json.loads(json.dumps(a.to_record("x.txt")))
    assert [text[s:e] for s, e in record["content"]["spans"]] == [
        "“We are ready,”",
        "“The trucks leave at dawn.”",
    ]
    props = attribution_props(a)
    assert props["content_pieces"] == [x for p in a.content.pieces for x in p]  # type: ignore[union-attr]


def test_a_content_in_one_piece_has_no_spans(extract: Extract) -> None:
    a = by_cue(extract("Ana Ruiz said the bridge would open in May."), "said")
    assert a.content is not None and a.content.pieces == ()
    assert "spans" not in a.to_record("x.txt")["content"]
