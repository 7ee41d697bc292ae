"""Which outlet an article comes from: metadata, web domain or dateline.

A wire dateline opens many news texts: ``WASHINGTON (Reuters) -``,
``(AFP) –``, ``LONDON, May 3 (Reuters) -``, ``Washington (CNN)``.

>>> dateline_outlet("LONDON, May 3 (Reuters) - Shares fell on Monday.")
'Reuters'
>>> dateline_outlet("BEIRUT (AFP) – Officials said the road was closed.")
'Agence France-Presse'
>>> dateline_outlet("Officials (who asked not to be named) said it rained.") is None
True
>>> resolve_outlet("nytimes.com")
'The New York Times'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.outlets import OutletRegistry, default_registry

# Place (capitalised words, commas, periods) and optional date, then "(Outlet)",
# then a dash or colon. Datelines sit on one of the first lines (after a headline).
_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][\w.'’&/ -]{0,40}?(?:,[\w.'’ -]{1,40}?){0,3})?  # WASHINGTON, Jan. 5, 2024
    \s*\((?P<outlet>[A-Za-z][\w.&'’/ -]{0,40}?)\)                 # (Reuters), (dpa)
    (?P<dash>\s*(?:--|[-–—:]))?                                   # - or – or —
    """,
    re.VERBOSE,
)
_LEADING = " \t\ufeff"
_LINES_TO_SCAN = 4
# The first character of a dateline place: capital letter. A place in all
# capitals or in title case, never a lower-case word (that is a sentence).
_PLACE_WORD = re.compile(r"[A-Z][A-Za-z.'’-]*|\d{1,4}|[A-Z]?[a-z]{1,4}\.?|of|de|la|el|al")


def _plausible_place(place: str) -> bool:
    words = place.replace(",", " ").split()
    return all(_PLACE_WORD.fullmatch(w) for w in words) and len(words) <= 8


def _unknown_outlet_ok(name: str, place: str) -> bool:
    """An outlet missing from the registry is believed only in a classic wire
    dateline: capitalised, no digits, after a place in capitals (or alone)."""
    letters = [c for c in place if c.isalpha()]
    return (
        name[0].isupper()
        and not any(c.isdigit() for c in name)
        and (not letters or all(c.isupper() for c in letters))
    )


def dateline_outlet(text: str, registry: OutletRegistry | None = None) -> str | None:
    """The outlet named in a dateline at the start of ``text``, canonicalised, or None.

    Only the first few lines are looked at. An outlet the registry does not
    know counts only in a classic dateline (place in capitals, then the
    capitalised name and a dash), so that openings like "Senator Jones
    (R-Texas) said" or a headline "Budget (Part 2) - what it means" are not
    taken for datelines.

    >>> dateline_outlet("Flood waters rise\\n\\nDHAKA (AP) — Rivers burst their banks.")
    'Associated Press'
    >>> dateline_outlet("SAN MARCO, Jan. 5 (Lagoon Wire) - Boats were idle.")
    'Lagoon Wire'
    """
    return next((name for name, _, _ in _datelines(text, registry)), None)


def dateline_end(text: str, registry: OutletRegistry | None = None) -> int | None:
    """Where the story starts after a wire dateline near the top of ``text``, or None.

    The same datelines as :func:`dateline_outlet` count; the offset is into ``text``.

    >>> text = "Flood waters rise\\n\\nDHAKA (AP) — Rivers burst their banks."
    >>> text[dateline_end(text):]
    'Rivers burst their banks.'
    >>> dateline_end("Senator Jones (R-Texas) said the bill was dead.") is None
    True
    """
    return next((end for _, dash, end in _datelines(text, registry) if dash), None)


def _datelines(text: str, registry: OutletRegistry | None) -> Iterator[tuple[str, bool, int]]:
    """``(outlet, has_dash, story_start)`` for each dateline on the first lines of ``text``.

    ``outlet`` is the canonical name of a known outlet, or the name as written
    where a classic wire dateline vouches for it; other matches are skipped.
    """
    reg = registry or default_registry()
    offset = seen = 0
    for line in text[:2000].splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        body = line.lstrip(_LEADING)
        if not body.strip():
            continue
        seen += 1
        if seen > _LINES_TO_SCAN:
            return
        m = _DATELINE.match(body)
        if not m or not _plausible_place(m.group("place") or ""):
            continue
        name = m.group("outlet").strip()
        dash = bool(m.group("dash"))
        known = reg.lookup(name)
        place = (m.group("place") or "").split(",")[0]
        if known is None and not (dash and _unknown_outlet_ok(name, place)):
            continue
        end = start + len(line) - len(body) + m.end()
        while end < len(text) and text[end] in " \t":
            end += 1
        yield (known.name if known is not None else name), dash, end


def resolve_outlet(name: str | None, registry: OutletRegistry | None = None) -> str | None:
    """The canonical name for an outlet name or domain; unknown names kept as given.

    >>> resolve_outlet("AP")
    'Associated Press'
    >>> resolve_outlet("  The Lagoon Wire ")
    'The Lagoon Wire'
    >>> resolve_outlet("") is None
    True
    """
    if name is None or not name.strip():
        return None
    reg = registry or default_registry()
    name = " ".join(name.split())
    known = reg.lookup(name)
    if known is None and _looks_like_domain(name):
        known = reg.from_url(name if "://" in name else f"http://{name}")
    return known.name if known is not None else name


def _looks_like_domain(name: str) -> bool:
    return " " not in name and "." in name.strip(".")


def article_outlet(
    *,
    declared: str | None = None,
    url: str | None = None,
    text: str = "",
    registry: OutletRegistry | None = None,
) -> str | None:
    """An article's outlet: the declared one (metadata, record field), else the
    outlet serving its URL, else a dateline at the start of the text.

    >>> article_outlet(url="https://www.reuters.com/world/x", text="(AFP) - ...")
    'Reuters'
    >>> article_outlet(declared="WaPo")
    'The Washington Post'
    """
    reg = registry or default_registry()
    outlet = resolve_outlet(declared, reg)
    if outlet is None and url:
        known = reg.from_url(url)
        outlet = known.name if known is not None else None
    if outlet is None and text:
        outlet = dateline_outlet(text, reg)
    return outlet
