"""Photo credits such as "REUTERS/Jane Doe": the outlet vouches for the caption.

>>> from graph.outlets import default_registry
>>> [c.outlet for c in find_credits("A street at dusk. REUTERS/Lee Park", default_registry())]
['Reuters']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.outlets import OutletRegistry

CREDIT = re.compile(
    r"(?<![\w/])(?P<outlet>[A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,2})\s?/\s?"
    r"(?P<who>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})"
)


@dataclass(frozen=True, slots=True)
class Credit:
    cue: tuple[int, int]  # "REUTERS/"
    outlet: str  # canonical outlet name
    outlet_span: tuple[int, int]
    photographer: str
    caption: tuple[int, int]
    end: int  # end of the photographer's name


MAX_CAPTION = 300  # characters: a caption is a sentence or two, never a whole article
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?\s+(?=[A-Z\"“(])")


def _caption_start(text: str, credit: int) -> int:
    """Where the caption of the credit at ``credit`` begins: its line, its last sentence.

    >>> t = "Long story here. A man walks by the port. REUTERS/Lee Park"
    >>> t[_caption_start(t, t.index("REUTERS")):]
    'A man walks by the port. REUTERS/Lee Park'
    """
    start = text.rfind("\n", 0, credit) + 1
    window = max(start, credit - MAX_CAPTION)
    # The caption is the sentence that ends at the credit: it starts after the one before.
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, credit) if m.end() < credit - 10]
    return ends[-1] if ends else window


def find_credits(text: str, registry: OutletRegistry) -> list[Credit]:
    """Every "OUTLET/Photographer" credit that ends a caption line."""
    out = []
    for m in CREDIT.finditer(text):
        outlet = registry.lookup(m.group("outlet"))
        if outlet is None or re.match(r"\s+[a-z]", text[m.end() :]):
            continue  # "Reuters/Ipsos poll": a name, not a photo credit
        line_start = _caption_start(text, m.start())
        caption_end = m.start()
        while caption_end > line_start and text[caption_end - 1] in " \t":
            caption_end -= 1
        if caption_end - line_start < 10:
            continue
        slash = text.index("/", m.start("outlet"))
        out.append(
            Credit(
                cue=(m.start("outlet"), slash + 1),
                outlet=outlet.name,
                outlet_span=(m.start("outlet"), m.end("outlet")),
                photographer=m.group("who"),
                caption=(line_start, caption_end),
                end=m.end("who"),
            )
        )
    return out
