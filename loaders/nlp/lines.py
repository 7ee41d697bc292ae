"""A pipeline component that starts a sentence after a line that is a line of its own.

Text taken from the web keeps subheadings and photo captions as lines without a final
full stop ("Crash scene", "Rail workers at the site"); the parser glues such a line to
the next sentence, and it ends up inside a source ("Crash scene Police officials"). A
line break starts a new sentence when the next line does not go on in lower case and the
text is not wrapped at a fixed width, or, in wrapped text, when the line before it is
short (a heading in a wrapped file). The text is never changed, so offsets stay.

>>> text = "Crash scene\\nPolice officials said the tram was fast."
>>> [text[i:i + 6] for i in line_starts(text)]
['Police']
>>> line_starts("The mayor said\\nthe pier would reopen.")
[]
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp.glued import glued_sentence_starts

NAME = "sourcetrace_lines"

WRAP_WIDTH = 100  # characters: the longest line of a text wrapped at a fixed width
WRAPPED_SHARE = 0.9  # a text is wrapped when this share of its lines fits the width
SHORT_LINE = 0.6  # in wrapped text, a line shorter than this share of the width ends there
MIN_LINES = 4  # a text of fewer lines is never taken for wrapped

_BREAK = re.compile(r"[^\S\n]*\n\s*")


def line_starts(text: str) -> list[int]:
    """Offsets of the lines of ``text`` that start a new sentence (see the module)."""
    lengths = [len(line.strip()) for line in text.split("\n") if line.strip()]
    width = _wrap_width(lengths)
    out = []
    line_start = 0
    for m in _BREAK.finditer(text):
        before = text[line_start : m.start()].strip()
        line_start = m.end()
        if not before or m.end() >= len(text):
            continue
        if text[m.end()].islower():
            continue  # the sentence goes on: "the mayor said\nthe pier ..."
        blank = m.group().count("\n") > 1
        if width and not blank and len(before) >= SHORT_LINE * width:
            continue  # a full line of wrapped text: the parser decides
        out.append(m.end())
    return out


def _wrap_width(lengths: list[int]) -> int | None:
    """The width a text is wrapped at, or None when its lines are paragraphs."""
    fit = [n for n in lengths if n <= WRAP_WIDTH]
    if len(lengths) < MIN_LINES or len(fit) < WRAPPED_SHARE * len(lengths):
        return None
    return max(fit)


@Language.component(NAME)
def mark_line_starts(doc: Doc) -> Doc:
    """Set a sentence start on the first token of each line that starts one, and where a
    sentence is glued to a caption without a full stop
    (:func:`loaders.nlp.glued.glued_sentence_starts`)."""
    for i in glued_sentence_starts(doc):
        doc[i].is_sent_start = True
    starts = line_starts(doc.text)
    if not starts:
        return doc
    by_char = {tok.idx: tok for tok in doc}
    for start in starts:
        tok = by_char.get(start)
        if tok is not None and tok.i > 0:
            tok.is_sent_start = True
    return doc
