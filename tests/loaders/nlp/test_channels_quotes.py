"""Channels ("said in a statement") and quotations: multi-sentence, continued, "he added"."""

from __future__ import annotations

import pytest

from tests.loaders.nlp.helpers import Extract, by_cue, only, source_name


@pytest.mark.parametrize("channel", ["statement", "post", "tweet", "interview"])
def test_said_in_a_channel(extract: Extract, channel: str) -> None:
    a = only(extract(f"The Harbour Board said in a {channel} that the pier was safe."))
    assert a.channel == channel
    assert a.content is not None and a.content.text == "that the pier was safe"
    assert source_name(a) == "Harbour Board"


@pytest.mark.parametrize(("verb", "channel"), [("tweeted", "tweet"), ("posted", "post")])
def test_verbs_that_name_their_channel(extract: Extract, verb: str, channel: str) -> None:
    a = only(extract(f"Ana Ruiz {verb} that the pier was safe."))
    assert a.channel == channel


def test_quote_spanning_sentences_is_one_content(extract: Extract) -> None:
    text = "“The pier is safe. We checked every beam twice,” Ana Ruiz said."
    a = only(extract(text))
    assert a.content is not None
    assert a.content.text == "“The pier is safe. We checked every beam twice,”"


def test_quote_in_the_same_paragraph_continues_the_speaker(extract: Extract) -> None:
    text = "“The pier is safe,” Ana Ruiz said. “We checked every beam twice.”"
    a = only(extract(text))
    assert a.content is not None and a.content.end == len(text)


def test_quote_in_a_new_paragraph_continues_the_last_speaker(extract: Extract) -> None:
    text = "“The pier is safe,” Ana Ruiz said.\n\n“We checked every beam twice.”"
    first, second = extract(text)
    assert source_name(first) == source_name(second) == "Ana Ruiz"
    assert second.content is not None and second.content.text == "“We checked every beam twice.”"
    assert second.confidence < first.confidence


def test_he_added_resolves_to_the_last_speaker(extract: Extract) -> None:
    text = "Ana Ruiz said the pier was safe. She added that the beams were new."
    a = by_cue(extract(text), "added")
    assert source_name(a) == "Ana Ruiz"
    assert a.source is not None and a.source.span.text == "She"


def test_cue_inside_a_quotation_is_not_a_separate_attribution(extract: Extract) -> None:
    a = only(extract("“I think the pier is safe,” Ana Ruiz said."))
    assert a.cue.text == "said"


def test_quotes_signed_with_a_dash(extract: Extract) -> None:
    text = "“We will rebuild the pier.” ― Ana Ruiz “The ferry must run again.”― Tomas Brel."
    first, second = extract(text)
    assert first.source is not None and first.source.span.text == "Ana Ruiz"
    assert second.source is not None and second.source.span.text == "Tomas Brel"
    assert second.content is not None and second.content.text == "“The ferry must run again.”"


def test_single_quotation_marks_are_quotations_in_an_article_that_uses_them(
    extract: Extract,
) -> None:
    text = (
        "'I think the pier is safe. We said so in May,' Ana Ruiz said. "
        "'It's the town's lifeline,' she added. The dockers' union agreed."
    )
    found = extract(text)
    assert [a.cue.text for a in found] == ["said", "added"]  # not "We said so"
    said, added = found
    assert said.content is not None
    assert said.content.text == "'I think the pier is safe. We said so in May,'"
    assert source_name(added) == "Ana Ruiz"


def test_apostrophes_alone_make_no_quotation(extract: Extract) -> None:
    from loaders.nlp.spans import find_quotes

    text = "It's the dockers' view. Ruiz's plan, the players' union said, can't work."
    assert find_quotes(text) == []


def test_adding_that_takes_what_was_added_not_the_quote_before(extract: Extract) -> None:
    text = '"The pier is safe," Ana Ruiz said, adding that the ferry would run again in May.'
    added = by_cue(extract(text), "adding")
    assert added.content is not None
    assert added.content.text == "that the ferry would run again in May"


def test_a_quotation_left_open_at_a_paragraph_end_covers_that_paragraph(
    extract: Extract,
) -> None:
    """A quotation going on into the next paragraph opens it again without closing the
    first: what its speaker says there ("We discussed ...") is no attribution of "we"."""
    text = (
        'Mayor Ana Ruiz said: "We met at the pier. We discussed the repairs for an hour.\n'
        '"It went well," she added.'
    )
    assert [a.cue.text for a in extract(text)] == ["said", "added"]


def test_an_unclosed_quotation_ends_with_its_sentence_when_the_next_one_opens(
    either_extract: Extract,
) -> None:
    text = (
        'Inspectors said the ferry was sailing at a "much higher speed than is allowed in the '
        'harbour, which has a 5-knot limit. Passengers also said it was going "far too fast". '
        "The captain was held."
    )
    found = either_extract(text)
    inspectors = by_cue(found, "said")
    assert inspectors.content is not None and "Passengers" not in inspectors.content.text
    passengers = by_cue(found, "also said")
    assert source_name(passengers) == "Passengers"
