"""Long texts are parsed in pieces: cut at paragraph or sentence boundaries, offsets kept.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters), and its memory
grows with the length of one text; the rules also look across a whole doc. So the
:class:`~loaders.nlp.pipeline.Extractor` parses every text in pieces of at most
:data:`PIECE_CHARS` characters, and each piece's offsets are shifted back by the
piece's start, so every offset still points into the original text.

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

# Characters per piece: well under spaCy's 1,000,000 limit, and small enough to bound
# the memory of one parse (about 100 MB for the small English model).
PIECE_CHARS: Final = 100_000
_CUTS: Final = (
    re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*"),  # blank line
    re.compile(r"(?:\r\n|\r|\n)\s*"),  # line break
    re.compile(r"[.!?][\"'”’»)\]]*[ \t]+"),  # sentence end
    re.compile(r"\s+"),  # any whitespace
)


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` covering ``text`` end to end, each at most ``size`` long."""
    if size < 2:
        raise ValueError("a piece must hold at least two characters")
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        out.append((start, start := _cut(text, start, start + size)))
    out.append((start, len(text)))
    return out


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


__all__ = ["PIECE_CHARS", "pieces"]
