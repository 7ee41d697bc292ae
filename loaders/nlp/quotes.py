"""Quotations with no cue of their own that continue the last speaker.

In ``“We are ready,” Lee said. “The trucks leave at dawn.”`` the second
quotation is Lee's too: it gets Lee's source and cue, with lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from loaders.nlp.candidate import Candidate, Intervals, SourceRef
from loaders.nlp.spans import doc_text, span_of

MAX_GAP = 200  # characters between the last speaker's quote and the new one
CONTINUED_CONFIDENCE = 0.6


def continued_quotes(
    doc: Doc, cands: Sequence[Candidate], quotes: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """Candidates for standalone quotations that follow an attributed quotation."""
    text = doc_text(doc)
    out: list[Candidate] = []
    ordered = sorted(cands, key=lambda c: c.cue)
    # What each candidate occupies: its cue, and its content (or sentence, when it has none).
    taken = Intervals(
        (s, e, c)
        for c in ordered
        for s, e in (c.cue, c.sentence if c.content is None else c.content)
    )
    for q_start, q_end in quotes:
        if any(True for _ in taken.overlapping(q_start, q_end)):
            continue
        if not _standalone(text, q_start, q_end):
            continue
        last = _last_before(ordered + out, q_start)
        if last is None or not last.quote or last.content is None:
            continue
        gap_start = max(last.content[1], last.sentence[1], last.cue[1])
        if q_start - gap_start > MAX_GAP or '"' in text[gap_start:q_start]:
            continue
        if "\n" not in text[gap_start:q_start]:
            # Same paragraph: the speaker's content simply goes on.
            last.content = (last.content[0], q_end)
            last.sentence = (last.sentence[0], max(last.sentence[1], q_end))
            continue
        out.append(
            replace(
                last,
                content=(q_start, q_end),
                sentence=(q_start, q_end),
                confidence=CONTINUED_CONFIDENCE,
                via=list(last.via),
                sources=list(last.sources),
            )
        )
    return out


DASH_NAME = re.compile(
    r"[ \t\u00a0]*([―—–-])[ \t\u00a0]*([A-Z][\w.'’-]+(?:[ \u00a0][A-Z][\w.'’-]+){0,3})"
)


def dash_signed_quotes(doc: Doc, quotes: Sequence[tuple[int, int]]) -> list[Candidate]:
    """“We will rebuild.” ― Ana Ruiz: a quotation signed with a dash and a name."""
    text = doc_text(doc)
    out = []
    for q_start, q_end in quotes:
        m = DASH_NAME.match(text, q_end)
        if m is None:
            continue
        found = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        name = span_of(doc, found.start, found.end) if found is not None else None
        if name is None or not any(t.pos_ == "PROPN" for t in name):
            continue
        out.append(
            Candidate(
                cue=(m.start(1), m.end(1)),
                cue_token=name.start,
                sentence=(q_start, name.end_char),
                sources=[SourceRef(span=name, referent=name)],
                content=(q_start, q_end),
                confidence=0.7,
                quote=True,
            )
        )
    return out


def _standalone(text: str, start: int, end: int) -> bool:
    """The quote is a whole sentence (or more): nothing else before or after it."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    return (i == 0 or text[i - 1] in '.!?\n”"') and (j == len(text) or text[j] == "\n")


def _last_before(cands: Sequence[Candidate], char: int) -> Candidate | None:
    found = [c for c in cands if c.content is not None and c.content[1] <= char]
    return max(found, key=lambda c: c.content[1] if c.content else 0) if found else None
