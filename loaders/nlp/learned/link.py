"""Tie the tagger's source and content spans to its cues, using the spaCy parse.

A span belongs to the cue its syntactic head hangs from (within a few steps up
the tree); failing that, to the nearest cue of its sentence; a content may
also belong to the nearest cue of the sentence before or after (a quotation
running on past "she said"). Each cue keeps its nearest source and all the
content pieces tied to it that make one content: the piece its parse ties to it (else the
nearest), and the piece on the other side of the cue when the cue splits the content
("'Part one,' she said, 'part two.'"); other pieces are left out (two contents of one
cue are two attributions, or one belongs to a cue the tagger missed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

UP = 4  # steps up the parse from a span's head
NEAR_SENTENCES = 1  # a content may sit this many sentences from its cue


@dataclass
class Linked:
    """One cue with its source span and its content pieces (characters)."""

    cue: Span
    sources: list[Span] = field(default_factory=list)
    contents: list[Span] = field(default_factory=list)
    by_parse: list[bool] = field(default_factory=list)  # per content: tied by the parse


def to_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def link(doc: Doc, spans: dict[str, list[tuple[int, int]]]) -> list[Linked]:
    """The cues of ``spans`` with the sources and contents tied to them."""
    cues = [Linked(s) for s in (to_span(doc, *c) for c in spans["cue"]) if s is not None and len(s)]
    if not cues:
        return []
    owner = {t.i: k for k, c in enumerate(cues) for t in c.cue}
    sent_of = {k: c.cue.root.sent.start for k, c in enumerate(cues)}
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    for role in ("source", "content"):
        for start, end in spans[role]:
            span = to_span(doc, start, end)
            if span is None or not len(span) or any(t.i in owner for t in span):
                continue
            k = _by_parse(span, owner)
            parsed = k is not None
            if k is None:
                k = _nearest(span, cues, sent_of, sent_index, role == "content")
            if k is None:
                continue
            if role == "source":
                cues[k].sources.append(span)
            else:
                cues[k].contents.append(span)
                cues[k].by_parse.append(parsed)
    for c in cues:
        if len(c.sources) > 1:
            c.sources = [min(c.sources, key=lambda s: _gap(s, c.cue))]
        c.contents = one_content(c)
    return cues


def one_content(c: Linked) -> list[Span]:
    """The pieces of ``c``'s content, in text order (see the module's docstring)."""
    if len(c.contents) <= 1:
        return c.contents
    ranked = sorted(
        zip(c.contents, c.by_parse, strict=True), key=lambda p: (not p[1], _gap(p[0], c.cue))
    )
    first = ranked[0][0]
    pieces = [first]
    if first.end <= c.cue.start:
        after = [s for s in c.contents if s.start >= c.cue.end]
        if after:
            pieces.append(min(after, key=lambda s: s.start))
    elif first.start >= c.cue.end:
        before = [s for s in c.contents if s.end <= c.cue.start]
        if before:
            pieces.append(max(before, key=lambda s: s.end))
    return sorted(pieces, key=lambda s: s.start)


def _by_parse(span: Span, owner: dict[int, int]) -> int | None:
    tok = span.root
    for _ in range(UP):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in owner:
            return owner[tok.i]
        if span.start <= tok.i < span.end:
            continue
    return None


def _nearest(
    span: Span,
    cues: list[Linked],
    sent_of: dict[int, int],
    sent_index: dict[int, int],
    content: bool,
) -> int | None:
    here = sent_index.get(span.root.sent.start, -1)
    best: tuple[int, int] | None = None
    for k, c in enumerate(cues):
        distance = abs(sent_index.get(sent_of[k], -99) - here)
        if distance > (NEAR_SENTENCES if content else 0):
            continue
        key = (distance, _gap(span, c.cue))
        if best is None or key < (best[0], _gap(span, cues[best[1]].cue)):
            best = (distance, k)
    return None if best is None else best[1]


def _gap(a: Span, b: Span) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(0, b.start - a.end, a.start - b.end)
