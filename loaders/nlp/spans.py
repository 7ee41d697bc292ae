"""Token and character span helpers, and quotation regions.

>>> find_quotes('He said: “Go now. Then stop,” and left.')
[(9, 29)]
>>> find_quotes('"One," she said, "two."')
[(0, 6), (17, 23)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

QUOTE_CHARS = frozenset("“”«»\"'`")
MAX_QUOTE = 4000

OPENERS = ("“", "«", "``", '"', "''")
CLOSERS = ("”", "»", "''", '"')
_MARK = re.compile(r"``|''|[“”«»\"\n]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character regions ``[start, end)`` of quotations, marks included.

    Curly, straight, doubled-apostrophe and mixed pairs are all read; a
    quotation never runs past the end of its paragraph.
    """
    out = []
    open_at: int | None = None
    for m in _MARK.finditer(text):
        mark = m.group()
        if mark == "\n":
            open_at = None
        elif open_at is None:
            if mark in OPENERS:
                open_at = m.start()
        elif mark in CLOSERS:
            if 2 < m.end() - open_at <= MAX_QUOTE:
                out.append((open_at, m.end()))
            open_at = None
        elif mark in OPENERS:
            open_at = m.start()  # an unclosed quotation: start again here
    return out


# Per-doc caches: spaCy rebuilds ``doc.text`` and ``doc.ents`` (and ``span.ents``, which
# scans every entity of the doc) on each access, which made extraction quadratic.
_TEXT = "sourcetrace.text"
_ENTS = "sourcetrace.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def ents_in(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``) in time logarithmic in the doc's
    entities, from one cached copy of ``doc.ents``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Ann Lee met Bo Li")
    >>> doc.ents = [doc.char_span(0, 7, "PERSON"), doc.char_span(12, 17, "PERSON")]
    >>> [e.text for e in ents_in(doc[1:5])], [e.text for e in doc[1:5].ents]
    (['Bo Li'], ['Bo Li'])
    """
    doc = span.doc
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    ents, starts = cached
    out = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def quote_around(quotes: Sequence[tuple[int, int]], char: int) -> tuple[int, int] | None:
    """The quotation (from :func:`find_quotes`: sorted, disjoint) with ``start < char < end``.

    >>> quote_around([(0, 6), (17, 23)], 3), quote_around([(0, 6), (17, 23)], 17)
    ((0, 6), None)
    """
    i = bisect_left(quotes, char, key=lambda q: q[0]) - 1
    if i >= 0 and quotes[i][0] < char < quotes[i][1]:
        return quotes[i]
    return None


def in_quote(quotes: Sequence[tuple[int, int]], char: int) -> bool:
    """Whether ``char`` is inside a quotation, its opening mark included (``start <= char``).

    >>> in_quote([(0, 6), (17, 23)], 17), in_quote([(0, 6), (17, 23)], 6)
    (True, False)
    """
    i = bisect_right(quotes, char, key=lambda q: q[0]) - 1
    return i >= 0 and quotes[i][0] <= char < quotes[i][1]


def last_quote_before(quotes: Sequence[tuple[int, int]], char: int) -> tuple[int, int] | None:
    """The last quotation that ends at or before ``char``."""
    i = bisect_right(quotes, char, key=lambda q: q[1]) - 1
    return quotes[i] if i >= 0 else None


def first_quote_after(quotes: Sequence[tuple[int, int]], char: int) -> tuple[int, int] | None:
    """The first quotation that starts at or after ``char``."""
    i = bisect_left(quotes, char, key=lambda q: q[0])
    return quotes[i] if i < len(quotes) else None


def is_quote(token: Token) -> bool:
    return token.text in QUOTE_CHARS or token.text in ("''", "``")


def trim(doc: Doc, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Token range ``[start, end)`` without edge punctuation and spaces."""
    while start < end and _edge_junk(doc[start], keep_quotes):
        start += 1
    while end > start and _edge_junk(doc[end - 1], keep_quotes):
        end -= 1
    return start, end


def _edge_junk(token: Token, keep_quotes: bool) -> bool:
    if token.is_space:
        return True
    if keep_quotes and is_quote(token):
        return False
    return token.is_punct or token.text in ("--", "—", "–") or token.dep_ == "cc"


def subtree_range(token: Token, exclude: tuple[Token, ...] = ()) -> tuple[int, int]:
    """Token range of ``token``'s subtree, cut before the first excluded child subtree."""
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in exclude:
        if child.i > token.i:
            end = min(end, child.left_edge.i)
        else:
            start = max(start, child.right_edge.i + 1)
    return start, end


def chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``[start, end)``."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The trimmed span of tokens ``[start, end)``, or None if nothing is left."""
    start, end = trim(doc, start, end, keep_quotes=False)
    return doc[start:end] if end > start else None
