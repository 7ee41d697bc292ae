"""Evidence as HTML: sentences and articles with sources, cues and contents marked.

Every piece of article text goes through :func:`app.view.untrusted.escape` before it
is put into HTML, so a quote or a name containing ``<script>`` or ``![x](url)``
shows as text; show the result with :func:`app.view.untrusted.html`.

>>> attr = {"sentence": "Ann <Lee> said it rained.", "source_text": "Ann <Lee>",
...         "cue": "said", "content_text": "it rained"}
>>> evidence_html(attr)  # doctest: +NORMALIZE_WHITESPACE
'<span class="st-evidence"><mark class="st-source">Ann &#60;Lee&#62;</mark>
 <mark class="st-cue">said</mark> <mark class="st-content">it rained</mark>&#46;</span>'
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.view.untrusted import escape

# A paragraph: from a non-space character to the last one before a blank line, whatever
# the line breaks (``\r\n``, ``\r`` or ``\n``).
PARAGRAPH: Final = re.compile(r"\S(?:[^\r\n]|(?:\r\n|\r|\n)(?![ \t]*(?:\r|\n|$)))*(?<=\S)")
# Marks by priority: where spans overlap, the first listed wins.
MARK_CLASSES: Final = ("cue", "source", "via", "content")
CSS: Final = """
<style>
.st-evidence mark, .st-article mark { padding: 0 .15em; border-radius: .2em; }
mark.st-source { background: #cfe8c6; }
mark.st-via { background: #fde0c2; }
mark.st-cue { background: #e3d3ee; font-weight: 600; }
mark.st-content { background: #fbe3a0; }
a.st-mark-link { color: inherit; text-decoration: none; }
a.st-mark-link:hover mark { outline: 1px solid #4e79a7; cursor: pointer; }
.st-article p { line-height: 1.6; }
</style>
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """Characters ``[start, end)`` of a text to mark with ``kind`` (one of MARK_CLASSES);
    ``node``, when given, is the graph node the mark links to in the Explore page."""

    start: int
    end: int
    kind: str
    node: str | None = None


#: Attribution kinds that are page furniture, not sourcing: left unmarked in the reader.
BOILERPLATE_KINDS: Final = ("credit",)


def node_link(key: str) -> str:
    """The Explore page centred on node ``key`` (a relative link, attribute-safe).

    >>> import html
    >>> html.unescape(node_link("Source:person-ann-lee"))
    'explore?focus=Source%3Aperson-ann-lee&node=Source%3Aperson-ann-lee'
    """
    quoted = urllib.parse.quote(key, safe="")
    return escape(f"explore?focus={quoted}&node={quoted}")


def locate(text: str, part: str | None, start: Any = None, base: int = 0) -> tuple[int, int] | None:
    """Where ``part`` is in ``text``: at ``start - base`` when that matches, else its first match.

    >>> locate("Ann said so.", "said", 4), locate("Ann said so.", "said", 104, base=100)
    ((4, 8), (4, 8))
    >>> locate("Ann said so.", "told") is None
    True
    """
    if not part:
        return None
    if isinstance(start, int):
        at = start - base
        if at >= 0 and text[at : at + len(part)] == part:
            return at, at + len(part)
    at = text.find(part)
    return (at, at + len(part)) if at >= 0 else None


def marks_for(attribution: dict[str, Any], text: str, base: int = 0) -> list[Mark]:
    """Marks for one attribution's source, vias, cue and content within ``text``.

    ``base`` is the offset of ``text`` in the article (the sentence start when
    ``text`` is the sentence, 0 when it is the whole article).
    """
    marks = []
    origin = attribution.get("origin")
    parts: list[tuple[str, Any, Any, Any]] = [
        ("source", attribution.get("source_text"), attribution.get("source_start"), origin),
        ("cue", attribution.get("cue"), attribution.get("cue_start"), origin),
        ("content", attribution.get("content_text"), attribution.get("content_start"), origin),
    ]
    parts += [
        ("via", v.get("text"), v.get("start"), v.get("node")) for v in attribution.get("via") or ()
    ]
    pieces = attribution.get("content_pieces") or []
    if pieces:
        parts = [p for p in parts if p[0] != "content"]
        for s, e in zip(pieces[::2], pieces[1::2], strict=True):
            if s - base >= 0 and e - base <= len(text):
                marks.append(
                    Mark(s - base, e - base, "content", origin if isinstance(origin, str) else None)
                )
    for kind, part, start, node in parts:
        where = locate(text, part, start, base)
        if where:
            marks.append(Mark(where[0], where[1], kind, node if isinstance(node, str) else None))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, with each mark wrapped in ``<mark class="st-KIND">``.

    >>> highlight("a<b", [Mark(1, 2, "cue")])
    'a<mark class="st-cue">&#60;</mark>b'
    """
    owner: list[Mark | None] = [None] * len(text)
    rank = {k: i for i, k in enumerate(MARK_CLASSES)}
    for m in sorted(marks, key=lambda m: -rank.get(m.kind, 99)):
        for i in range(max(m.start, 0), min(m.end, len(text))):
            owner[i] = m
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and owner[j] == owner[i]:
            j += 1
        chunk = escape(text[i:j], breaks=True)
        mark = owner[i]
        if mark is None:
            out.append(chunk)
        elif mark.node:
            out.append(
                f'<a class="st-mark-link" href="{node_link(mark.node)}" target="_self">'
                f'<mark class="st-{mark.kind}">{chunk}</mark></a>'
            )
        else:
            out.append(f'<mark class="st-{mark.kind}">{chunk}</mark>')
        i = j
    return "".join(out)


def evidence_html(attribution: dict[str, Any]) -> str:
    """The attribution's sentence, escaped, with its parts marked."""
    sentence = str(attribution.get("sentence") or "")
    base = attribution.get("sentence_start")
    marks = marks_for(attribution, sentence, base if isinstance(base, int) else 0)
    return f'<span class="st-evidence">{highlight(sentence, marks)}</span>'


def article_html(text: str, attributions: Sequence[dict[str, Any]]) -> str:
    """The whole article, escaped, paragraph by paragraph, with every attribution marked."""
    marks: list[Mark] = []
    for attribution in attributions:
        if attribution.get("kind") in BOILERPLATE_KINDS:
            continue
        sentence = str(attribution.get("sentence") or "")
        start = attribution.get("sentence_start")
        where = locate(text, sentence, start)
        if where is None:
            continue
        marks += [
            Mark(m.start + where[0], m.end + where[0], m.kind, m.node)
            for m in marks_for(attribution, sentence, where[0] if isinstance(start, int) else 0)
        ]
    paragraphs = []
    for m in PARAGRAPH.finditer(text):
        start, end = m.span()
        clipped = [
            Mark(max(k.start, start) - start, min(k.end, end) - start, k.kind, k.node)
            for k in marks
            if k.start < end and k.end > start
        ]
        paragraphs.append(f"<p>{highlight(text[start:end], clipped)}</p>")
    return f'<div class="st-article">{"".join(paragraphs)}</div>'


def legend_html() -> str:
    """A one-line key to the marks."""
    names = {"source": "source", "via": "intermediary", "cue": "cue", "content": "content"}
    return " ".join(f'<mark class="st-{k}">{v}</mark>' for k, v in names.items())
