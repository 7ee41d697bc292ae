"""Long texts are parsed in pieces: cut at paragraph or sentence boundaries, offsets kept.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters), and its memory
grows with the length of one text; the rules also look across a whole doc. So the
:class:`~loaders.nlp.pipeline.Extractor` parses every text in pieces of at most
:data:`PIECE_CHARS` characters and about :data:`PIECE_TOKENS` tokens, and each piece's
offsets are shifted back by the piece's start, so every offset still points into the
original text.

A cut goes, in order of preference, after a blank line (a paragraph break), after a
line break, after a sentence end (``.``, ``!``, ``?``, possibly with a closing quote,
followed by a space), after any whitespace, and only as a last resort at the limit
itself; it is looked for in the second half of each window, so pieces are never
shorter than half the limit (but the last).

>>> text = "One. Two.\\n\\nThree four. Five six."
>>> [text[s:e] for s, e in pieces(text, 16)]
['One. Two.\\n\\n', 'Three four. ', 'Five six.']
>>> pieces("")
[(0, 0)]
"""

from __future__ import annotations

import re
from typing import Final

# Characters per piece: well under spaCy's 1,000,000 limit.
PIECE_CHARS: Final = 100_000
# And tokens per piece (estimated with _TOKEN, which counts at least as many as spaCy):
# spaCy's memory grows with the tokens of one text (about 17 KB each for the small English
# model), and a text of one-letter lines has a token per character. 100,000 characters of
# news are about 20,000 tokens, so only such texts get shorter pieces.
PIECE_TOKENS: Final = 25_000
_TOKEN: Final = re.compile(r"\w+|[^\w\s]|\s*\n\s*")
_CUTS: Final = (
    re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*"),  # blank line
    re.compile(r"(?:\r\n|\r|\n)\s*"),  # line break
    re.compile(r"[.!?][\"'”’»)\]]*[ \t]+"),  # sentence end
    re.compile(r"\s+"),  # any whitespace
)


def pieces(text: str, size: int = PIECE_CHARS, tokens: int = PIECE_TOKENS) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` covering ``text`` end to end, each at most ``size`` characters
    and about ``tokens`` tokens long.

    >>> len(pieces("a\\n" * 30_000)), len(pieces("word " * 30_000))
    (3, 2)
    """
    if size < 2:
        raise ValueError("a piece must hold at least two characters")
    out: list[tuple[int, int]] = []
    start = 0
    while (limit := _window_end(text, start, size, tokens)) < len(text):
        out.append((start, start := _cut(text, start, limit)))
    out.append((start, len(text)))
    return out


def token_estimate(text: str) -> int:
    """About as many tokens as spaCy makes of ``text``, or more.

    >>> token_estimate("Ana said: “no.”\\n")
    8
    """
    return sum(1 for _ in _TOKEN.finditer(text))


def _window_end(text: str, start: int, size: int, tokens: int) -> int:
    """The end of the longest window from ``start`` within ``size`` characters and
    ``tokens`` tokens."""
    limit = min(len(text), start + size)
    for k, m in enumerate(_TOKEN.finditer(text, start, limit)):
        if k == tokens:
            return max(m.start(), start + 2)
    return limit


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at ``start`` and may not reach past ``limit``."""
    lo = start + (limit - start) // 2
    for pattern in _CUTS:
        last = None
        for m in pattern.finditer(text, lo, limit):
            last = m
        if last is not None and last.end() > start:
            return last.end()
    return limit


__all__ = ["PIECE_CHARS", "PIECE_TOKENS", "pieces", "token_estimate"]
