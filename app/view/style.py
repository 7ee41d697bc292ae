"""Colours, shapes and text of nodes in the graph view (one place, used by the legend too).

Every text here is plain text: the graph view draws labels on a canvas and
shows tooltips with ``innerText``, and the app escapes anything it puts into
HTML (:mod:`app.view.evidence`).

>>> node_label({"label": "Claim", "text": "The bridge will close for a month of repairs."})
'The bridge will close for a…'
>>> node_style({"label": "Source", "type": "anonymous"})["color"]
'#9c9c9c'
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from graph import schema

STYLES: Final[dict[str, dict[str, str]]] = {
    schema.ARTICLE: {"color": "#4e79a7", "shape": "box", "name": "Article"},
    schema.OUTLET: {"color": "#f28e2b", "shape": "diamond", "name": "Outlet"},
    schema.SOURCE: {"color": "#59a14f", "shape": "dot", "name": "Source"},
    "anonymous": {"color": "#9c9c9c", "shape": "dot", "name": "Anonymous source"},
    schema.CLAIM: {"color": "#e15759", "shape": "square", "name": "Claim"},
    schema.ATTRIBUTION: {"color": "#b07aa1", "shape": "dot", "name": "Attribution"},
}
LABEL_WIDTH: Final = 32


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters.

    >>> shorten("short")
    'short'
    """
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] or text[:width]
    return cut + "…"


def style_key(data: dict[str, Any]) -> str:
    label = str(data.get("label", ""))
    if label == schema.SOURCE and data.get("type") == "anonymous":
        return "anonymous"
    return label


def node_style(data: dict[str, Any]) -> dict[str, str]:
    return STYLES.get(style_key(data), STYLES[schema.SOURCE])


def node_name(data: dict[str, Any]) -> str:
    """The full name of a node: a source's name, an article's title, a claim's text."""
    label = data.get("label")
    if label == schema.ARTICLE:
        return str(data.get("title") or data.get("url") or data.get("id") or "article")
    if label == schema.CLAIM:
        return str(data.get("text") or data.get("id") or "claim")
    if label == schema.ATTRIBUTION:
        return str(data.get("cue") or "attribution")
    return str(data.get("name") or data.get("id") or "?")


def node_label(data: dict[str, Any]) -> str:
    return shorten(node_name(data))


def node_title(data: dict[str, Any]) -> str:
    """The tooltip: what the node is, its full name and a few facts (plain text)."""
    style = node_style(data)
    lines = [f"{style['name']}: {shorten(node_name(data), 200)}"]
    label = data.get("label")
    if label == schema.SOURCE:
        roles = data.get("roles") or ()
        if roles:
            lines.append("role: " + ", ".join(str(r) for r in roles))
    elif label == schema.ARTICLE:
        for field in ("outlet", "published", "url"):
            if data.get(field):
                lines.append(f"{field}: {data[field]}")
    citations = int(data.get("citations") or 0)
    if citations:
        noun = "attribution" if label == schema.ARTICLE else "citation"
        lines.append(f"{citations} {noun}{'s' if citations != 1 else ''}")
    return "\n".join(lines)


def node_size(citations: int) -> float:
    """Node size grows with the square root of its citations, capped.

    >>> node_size(0), node_size(16)
    (10.0, 26.0)
    """
    return min(10.0 + 4.0 * citations**0.5, 60.0)


def legend(present: set[str] | None = None) -> list[dict[str, str]]:
    """``[{"name", "color", "shape"}]`` for the kinds of node ``present`` (style keys; all when
    ``None``), in a fixed order.

    >>> [item["name"] for item in legend({"Outlet", "anonymous"})]
    ['Outlet', 'Anonymous source']
    """
    return [dict(v) for k, v in STYLES.items() if present is None or k in present]


def publication_day(value: Any) -> dt.date | None:
    """The day of an ISO publication date, or None when it has none.

    >>> publication_day("2016-11-09T14:05:00Z"), publication_day("None")
    (datetime.date(2016, 11, 9), None)
    """
    text = "" if value is None else str(value)
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def readable_date(value: Any, *, missing: str = "undated") -> str:
    """A publication date as people write it; ``missing`` when there is none.

    >>> readable_date("2016-11-09T14:05:00Z"), readable_date(None), readable_date("None")
    ('9 Nov 2016', 'undated', 'undated')
    >>> readable_date("last Tuesday")
    'last Tuesday'
    """
    text = "" if value is None else str(value).strip()
    if not text or text.lower() in ("none", "null", "nan", "nat"):
        return missing
    day = publication_day(text)
    if day is None:
        return text
    return f"{day.day} {day:%b %Y}"
