"""Contents in several pieces: a content that the article interrupts with its own cue.

In ``“Part one,” she said, “part two.”`` and ``The plan, she said, is ready.``
the content runs around "she said": it becomes one content of two pieces,
with the interrupting clause (source, cue and what hangs on them up to the
next punctuation) cut out.
"""

from __future__ import annotations

from spacy.tokens import Doc

from loaders.nlp.candidate import Candidate
from loaders.nlp.spans import chars, doc_text, trim

MAX_GAP = 80  # characters of "she said on Tuesday," between the two quotes
BREAKS = frozenset((",", ";", ":", "—", "–", "--", "(", ")", ".", "?", "!"))


def split_around_cue(doc: Doc, cand: Candidate) -> None:
    """Cut the interrupting "X said" out of ``cand``'s content, leaving its pieces."""
    if cand.content is None or cand.pieces:
        return
    c_start, c_end = cand.content
    cue_start, cue_end = cand.cue
    if not (c_start < cue_start and cue_end < c_end):
        return
    lo, hi = cue_start, cue_end
    for ref in cand.sources:
        if c_start <= ref.span.start_char and ref.span.end_char <= c_end:
            lo, hi = min(lo, ref.span.start_char), max(hi, ref.span.end_char)
    first = doc.char_span(lo, hi, alignment_mode="expand")
    whole = doc.char_span(c_start, c_end, alignment_mode="expand")
    if first is None or whole is None:
        return
    left, right = first.start, first.end
    while left > whole.start and not _break(doc[left - 1]):
        left -= 1
    while right < whole.end and not _break(doc[right]):
        right += 1
    before = trim(doc, whole.start, left, keep_quotes=True)
    after = trim(doc, right, whole.end, keep_quotes=True)
    if before[1] <= before[0] or after[1] <= after[0]:
        return
    cand.pieces = [chars(doc, *before), chars(doc, *after)]
    cand.content = (cand.pieces[0][0], cand.pieces[1][1])


def join_split_quote(
    doc: Doc, cand: Candidate, quotes: list[tuple[int, int]], taken: set[tuple[int, int]]
) -> None:
    """ "“Part one,” she said, “part two.”": the second quotation is a second piece.

    ``taken`` holds the quotations that are some candidate's content already.
    """
    if cand.content is None or cand.pieces or not cand.quote or cand.content[1] > cand.cue[0]:
        return
    text = doc_text(doc)
    for q in quotes:
        if q[0] < cand.cue[1] or q in taken:
            continue
        between = text[cand.content[1] : q[0]]
        if q[0] - cand.cue[1] > MAX_GAP or any(ch in between for ch in '.!?\n"“”'):
            return
        cand.pieces = [cand.content, q]
        cand.content = (cand.content[0], q[1])
        taken.add(q)
        return


def _break(tok: object) -> bool:
    text = getattr(tok, "text", "")
    return text in BREAKS or text in ("“", "”", '"', "‘", "’", "''", "``")
