"""Search ranking shared by every store: what a hit is and how hits are ordered.

The stores only find *candidates* (nodes whose name, title or text contains the
query, with how often each is cited); :func:`rank` orders them, so the embedded
store and Neo4j return the same hits in the same order.

The order, as Neo4j Bloom users expect, compares in turn:

1. what the node is (:func:`kind_tier`): people and outlets first, then
   organisations, claims, anonymous or unspecified sources, and articles last;
2. a relevance score (:func:`score`): how the query matches the node's name (a
   source's or outlet's name, an article's title, a claim's text: the whole
   name 6, the start of the name 4, the start of a word in it 3, anywhere in it
   1, only in an article's body 0) plus ``log2(1 + citations)``, the number of
   relationships pointing at the node (attributions to a source, articles of an
   outlet, assertions of a claim). An exact name thus beats a word match unless
   the word match is cited about eight times as often: "Trump" finds Donald
   Trump (62 citations) before a stray "Trump" cited once;
3. the name, then the key, so that the order is total.

>>> hits = rank("trump", [
...     Candidate(key="Article:a", label="Article", name="Trump visits Ohio", cited=0),
...     Candidate(key="Source:org-trump", label="Source", name="Trump", cited=17,
...               type="organization"),
...     Candidate(key="Source:person-donald-trump", label="Source", name="Donald Trump", cited=62,
...               type="person"),
...     Candidate(key="Claim:c", label="Claim", name="the trumpet was loud", cited=1),
... ])
>>> [h.key for h in hits]
['Source:person-donald-trump', 'Source:org-trump', 'Claim:c', 'Article:a']
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from graph import schema

#: Candidates each store fetches per label before ranking (most cited first).
CANDIDATES_PER_LABEL: Final = 200

EXACT, PREFIX, WORD, SUBSTRING, BODY = "exact", "prefix", "word", "substring", "body"
MATCH_TIERS: Final = (EXACT, PREFIX, WORD, SUBSTRING, BODY)
MATCH_WEIGHTS: Final = {EXACT: 6.0, PREFIX: 4.0, WORD: 3.0, SUBSTRING: 1.0, BODY: 0.0}


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A node that contains the query somewhere: its display ``name`` and ``cited`` count."""

    key: str
    label: str
    name: str
    cited: int = 0
    type: str = ""  # a Source's type (person, organization, anonymous, ...)


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A ranked search result; ``match`` is one of :data:`MATCH_TIERS`."""

    key: str
    label: str
    name: str
    cited: int
    type: str
    match: str


def normalise(text: str) -> str:
    """Lower case, one space between words.

    >>> normalise("  Donald   TRUMP ")
    'donald trump'
    """
    return " ".join(str(text).lower().split())


def match_kind(query: str, name: str) -> str:
    """How the (normalised) ``query`` matches ``name``.

    >>> [match_kind("trump", n) for n in ("Trump", "Trump Tower", "Donald Trump", "Trumpism's")]
    ['exact', 'prefix', 'word', 'prefix']
    >>> match_kind("rump", "Donald Trump"), match_kind("ohio", "Donald Trump")
    ('substring', 'body')

    A leading "the" is optional, as people say the names of outlets:

    >>> [match_kind(q, "The Coastal Ledger") for q in ("coastal ledger", "coastal")]
    ['exact', 'prefix']
    """
    q, n = normalise(query), normalise(name)
    bare = n[4:] if n.startswith("the ") and not q.startswith("the ") else n
    if q in (n, bare):
        return EXACT
    if n.startswith(q) or bare.startswith(q):
        return PREFIX
    if re.search(r"(?<!\w)" + re.escape(q), n):
        return WORD
    if q in n:
        return SUBSTRING
    return BODY


def kind_tier(label: str, type_: str = "") -> int:
    """0 for people and outlets, 1 organisations, 2 claims, 3 anonymous or unspecified
    sources, 4 articles, 5 attributions.

    >>> kind_tier("Source", "person"), kind_tier("Outlet"), kind_tier("Article")
    (0, 0, 4)
    """
    if label == schema.OUTLET or (label == schema.SOURCE and type_ in ("person", "outlet")):
        return 0
    if label == schema.SOURCE and type_ == "organization":
        return 1
    if label == schema.CLAIM:
        return 2
    if label == schema.SOURCE:
        return 3
    return 4 if label == schema.ARTICLE else 5


def score(match: str, cited: int) -> float:
    """The relevance of a hit within its kind: match weight plus ``log2(1 + cited)``.

    >>> score("word", 62) > score("exact", 1), score("exact", 5) > score("word", 5)
    (True, True)
    """
    return MATCH_WEIGHTS[match] + math.log2(1 + max(0, cited))


def rank(query: str, candidates: Iterable[Candidate], *, limit: int = 20) -> list[Hit]:
    """The best ``limit`` candidates for ``query``, best first (see the module docstring)."""
    if not normalise(query):
        return []
    hits: dict[str, Hit] = {}
    for c in candidates:
        hits[c.key] = Hit(
            key=c.key,
            label=c.label,
            name=c.name,
            cited=c.cited,
            type=c.type,
            match=match_kind(query, c.name),
        )
    ordered = sorted(
        hits.values(),
        key=lambda h: (
            kind_tier(h.label, h.type),
            -score(h.match, h.cited),
            normalise(h.name),
            h.key,
        ),
    )
    return ordered[:limit]


def display_field(label: str) -> str:
    """The property holding a node's name for search: title, text or name.

    >>> display_field("Article"), display_field("Claim"), display_field("Source")
    ('title', 'text', 'name')
    """
    if label == schema.ARTICLE:
        return "title"
    if label == schema.CLAIM:
        return "text"
    return "name"
