"""Long texts: parsed in pieces (never over spaCy's limit), offsets stitched back exactly."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from graph.model import Article, Attribution, Span
from loaders.nlp import Extractor
from loaders.nlp.pieces import PIECE_CHARS, PIECE_TOKENS, pieces

SPEAKERS = ["Mayor Ana Ruiz", "Engineer Tomas Brel", "Inspector Lena Park", "Minister Ivo Sand"]
CLAIMS = [
    "the bridge would reopen in May",
    "the repairs had cost more than planned",
    "the ferry timetable would not change",
    "three pillars needed new steel",
]


def paragraph(i: int) -> str:
    """A self-contained paragraph (every speaker named in full, no pronouns)."""
    who, claim = SPEAKERS[i % len(SPEAKERS)], CLAIMS[i % len(CLAIMS)]
    other = SPEAKERS[(i + 1) % len(SPEAKERS)]
    return (
        f"{who} said on Tuesday that {claim}. "
        f"“The work is on schedule,” {other} told reporters in the harbour office. "
        f"According to {who}, crews will work through the weekend."
    )


def spans_of(a: Attribution) -> Iterator[Span]:
    yield a.cue
    yield a.sentence
    if a.content is not None:
        yield a.content
    if a.source is not None:
        yield a.source.span
    for m in a.via:
        yield m.span


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


class RecordingPipe:
    """Wraps ``nlp.pipe`` to record the length of every text spaCy is given."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.lengths: list[int] = []
        self.calls: list[list[str]] = []  # the texts of each call: spaCy holds them at once

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def pipe(self, items: Any, **kwargs: Any) -> Any:
        self.calls.append([])

        def recorded() -> Iterator[Any]:
            for text, context in items:
                self.lengths.append(len(text))
                self.calls[-1].append(text)
                yield text, context

        return self.nlp.pipe(recorded(), **kwargs)


def test_pieces_cover_the_text_and_cut_at_paragraphs_first() -> None:
    text = "\n\n".join(paragraph(i) for i in range(60))
    cuts = pieces(text, 1000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(0 < e - s <= 1000 for s, e in cuts)
    assert all(text[:e].endswith("\n\n") for _, e in cuts[:-1])


def test_pieces_fall_back_to_sentence_ends_then_whitespace() -> None:
    one_paragraph = " ".join(paragraph(i) for i in range(20))
    cuts = pieces(one_paragraph, 500)
    assert all(one_paragraph[e - 2 : e] in (". ", "” ") for _, e in cuts[:-1])
    words = "word " * 300
    assert all(words[e - 1] == " " for _, e in pieces(words, 128)[:-1])
    assert pieces("x" * 10, 4) == [(0, 4), (4, 8), (8, 10)]


def test_a_text_over_spacys_limit_is_read_in_pieces_with_exact_offsets(
    extractor: Extractor,
) -> None:
    # Paragraphs far apart (the padding is whitespace, cheap to parse): > 1,000,000 chars.
    pad = "\n\n" + " " * 40_000 + "\n\n"
    text = pad.join(paragraph(i) for i in range(30))
    assert len(text) > 1_000_000 > extractor.nlp.max_length - 1
    article = Article.create(text=text, url="https://example.org/long")
    recorder = RecordingPipe(extractor.nlp)
    original, extractor.nlp = extractor.nlp, recorder
    try:
        [(got, found)] = list(extractor.extract_many([article]))
    finally:
        extractor.nlp = original
    assert got is article
    assert len(recorder.lengths) > 10 and max(recorder.lengths) <= PIECE_CHARS
    for a in found:
        for span in spans_of(a):
            assert text[span.start : span.end] == span.text, (a.cue, span)
    # every paragraph's attributions are found, the last ones a million characters in
    speakers = {(a.source.source.name, a.cue.text) for a in found if a.source is not None}
    assert {("Ana Ruiz", "said"), ("Tomas Brel", "told")} <= speakers
    assert sum(1 for a in found if a.cue.text == "said") == 30
    assert max(a.cue.start for a in found) > 1_000_000


def test_pieces_find_what_one_parse_finds(extractor: Extractor) -> None:
    text = "\n\n".join(paragraph(i) for i in range(40))
    article = Article.create(text=text)
    [(_, whole)] = list(extractor.extract_many([article], piece_chars=10**6))
    [(_, cut)] = list(extractor.extract_many([article], piece_chars=2_000))

    def key(a: Attribution) -> tuple[Any, ...]:
        return (a.cue, a.content, a.sentence, a.source, a.via, a.kind)

    assert len(whole) >= 3 * 40
    assert [key(a) for a in cut] == [key(a) for a in whole]


def test_a_text_of_one_letter_lines_is_parsed_a_bounded_number_of_tokens_at_a_time(
    extractor: Extractor,
) -> None:
    text = "a\n" * 55_000
    cuts = pieces(text)
    assert len(cuts) >= 4
    assert max(len(extractor.nlp.tokenizer(text[s:e])) for s, e in cuts) <= PIECE_TOKENS
    recorder = RecordingPipe(extractor.nlp)
    original, extractor.nlp = extractor.nlp, recorder
    try:
        short = [Article.create(text=paragraph(i)) for i in range(3)]
        out = list(extractor.extract_many([*short, Article.create(text=text), *short]))
    finally:
        extractor.nlp = original
    assert len(out) == 7 and all(found for _, found in out[:3])
    # spaCy holds one call's texts at once: never more than about one piece's tokens
    sizes = [sum(len(extractor.nlp.tokenizer(t)) for t in call) for call in recorder.calls]
    assert len(sizes) >= len(cuts) and max(sizes) <= PIECE_TOKENS
