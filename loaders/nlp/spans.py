"""Token and character span helpers, and quotation regions.

>>> find_quotes('He said: “Go now. Then stop,” and left.')
[(9, 29)]
>>> find_quotes('"One," she said, "two."')
[(0, 6), (17, 23)]
>>> find_quotes("'It's over,' he said. 'We lost.' The players' union agreed.")
[(0, 12), (22, 32)]
>>> find_quotes('She wrote: "It was wrong. "You pay more." Tom added: "It is sad."')
[(11, 25), (26, 41), (53, 65)]
>>> find_quotes('He said: "We met. We talked about the pier.\\n"It went well," he said.')
[(9, 43), (44, 59)]
>>> find_quotes('It went at a "high speed. Others said it was going "too fast".')
[(13, 25), (51, 61)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

QUOTE_CHARS = frozenset("“”«»\"'`")
MAX_QUOTE = 4000
UNCLOSED_QUOTE = 600  # an unclosed quotation covers the rest of its paragraph up to this

OPENERS = ("“", "«", "``", '"', "''")
CLOSERS = ("”", "»", "''", '"')
_MARK = re.compile(r"``|''|[“”«»\"\n]")
# Single quotation marks, told from apostrophes by what is around them: an opening one
# at the start of a word after a space or bracket, a closing one after punctuation or
# a word end before a space or punctuation ("'Go,' she said", "called it 'fine'.").
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[\w\"“])"  # opening
    r"|(?<=[\w.,!?;:…])['’](?=[\s.,;:!?)\]—–-]|$)"  # closing
    r"|\n"
)
_SINGLE_CLOSE_AFTER_PUNCT = re.compile(r"[.,!?]['’](?:\s|$)")
_DOUBLE_CLOSE_AFTER_PUNCT = re.compile(r"[.,!?][\"”](?:\s|$)")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character regions ``[start, end)`` of quotations, marks included.

    Curly, straight, doubled-apostrophe and mixed pairs are all read; a
    quotation never runs past the end of its paragraph.
    """
    out = _quotes(text, _MARK, OPENERS, CLOSERS, to_paragraph_end=True)
    if _single_quoted(text):
        taken = out
        more = [
            q
            for q in _quotes(text, _SINGLE, ("'", "‘"), ("'", "’"))
            if not any(s < q[1] and q[0] < e for s, e in taken)
        ]
        out = sorted(taken + more)
    return out


def _single_quoted(text: str) -> bool:
    """Whether the text quotes with single marks ("'We lost,' he said"), as some
    publishers do: more quotations closed by a single mark after punctuation than by a
    double one."""
    singles = len(_SINGLE_CLOSE_AFTER_PUNCT.findall(text))
    return singles >= 2 and singles > len(_DOUBLE_CLOSE_AFTER_PUNCT.findall(text))


def _quotes(
    text: str,
    marks: re.Pattern[str],
    openers: Sequence[str],
    closers: Sequence[str],
    *,
    to_paragraph_end: bool = False,
) -> list[tuple[int, int]]:
    """Quotation regions by ``marks``; with ``to_paragraph_end``, one left open at a line
    break (a quotation going on in the next paragraph opens it again without closing
    this one) runs to the end of its paragraph, when that is near."""
    out = []
    open_at: int | None = None
    for m in marks.finditer(text):
        mark = m.group()
        if mark == "\n":
            if to_paragraph_end and open_at is not None:
                end = _end_before_space(text, open_at, m.start())
                if 2 < end - open_at <= UNCLOSED_QUOTE:
                    out.append((open_at, end))
            open_at = None
        elif open_at is None:
            if mark in openers and _opens(text, m.start()):
                open_at = m.start()
        elif mark == '"' and _reopens(text, m.start()):
            # '"... to do. "You buy ...': a quotation's next paragraph, run into this one
            # without its line break, opens again without the last one closing
            end = _end_before_space(text, open_at, m.start())
            if text[end - 1].isalnum():
                # '... a "faster speed than allowed. Passengers said it was going "too
                # fast"': the mark before never closed; it ends with its sentence
                end = _last_sentence_end(text, open_at, end)
            if 2 < end - open_at <= MAX_QUOTE:
                out.append((open_at, end))
            open_at = m.start()
        elif mark in closers and _closes(text, m.end()):
            if 2 < m.end() - open_at <= MAX_QUOTE:
                out.append((open_at, m.end()))
            open_at = None
        elif mark in openers:
            open_at = m.start()  # an unclosed quotation: start again here
    return out


def _last_sentence_end(text: str, start: int, end: int) -> int:
    """Just past the last full stop, question or exclamation mark before a space in
    ``text[start:end]``, else ``end``."""
    for i in range(end - 2, start, -1):
        if text[i] in ".!?" and text[i + 1].isspace():
            return i + 1
    return end


def _end_before_space(text: str, start: int, end: int) -> int:
    """``end`` moved back over the white space before it (not past ``start``)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _reopens(text: str, at: int) -> bool:
    """A straight double mark after a space and before a word opens ('do. "You'): a
    closing one follows the words it closes ('do."')."""
    return 0 < at < len(text) - 1 and text[at - 1].isspace() and text[at + 1].isalnum()


def _opens(text: str, at: int) -> bool:
    """A single mark opens only before a word ("'Go"), not after one ("it's")."""
    return text[at] not in "'‘" or at == 0 or not text[at - 1].isalnum()


def _closes(text: str, end: int) -> bool:
    """A single mark closes only at a word end ("go,'"), not inside a word ("it's")."""
    return text[end - 1] not in "'’" or end == len(text) or not text[end].isalnum()


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


def within_quote(quotes: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one quotation, its marks included.

    >>> within_quote([(0, 6), (17, 23)], 1, 6), within_quote([(0, 6), (17, 23)], 5, 18)
    (True, False)
    """
    i = bisect_right(quotes, start, key=lambda q: q[0]) - 1
    return i >= 0 and quotes[i][0] <= start and end <= quotes[i][1]


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


def opens_quote(token: Token) -> bool:
    """Whether ``token`` is a quotation mark that opens a quotation: a space before it
    ("said 'Go"), where a closing one follows its last word ("go' he")."""
    return is_quote(token) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


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
