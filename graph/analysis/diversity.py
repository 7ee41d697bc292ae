"""Source diversity: how many and what kind of sources articles and outlets rely on.

Shares are over attributions: ``share_anonymous`` is the share of an
article's (or outlet's) attributions whose origin is an anonymous source,
``share_official`` of those whose origin is an official or government body
(read from the source's roles, descriptor and name, see :data:`OFFICIAL_WORDS`),
``share_refusals`` of those that report a refusal ("declined to comment").
``sources`` counts distinct origins; anonymous sources are stored once per
article, so an outlet's count includes each article's anonymous descriptors.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph import schema
from graph.chains import AttributionView, Hop, attribution_views, display_name

#: Words in a role, descriptor or organisation name that mark an official source.
OFFICIAL_WORDS = (
    "official",
    "officials",
    "government",
    "minister",
    "ministry",
    "mayor",
    "governor",
    "president",
    "prime minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "department",
    "council",
    "councillor",
    "councilor",
    "senator",
    "lawmaker",
    "parliament",
    "authority",
    "authorities",
    "agency",
    "administration",
    "secretary",
    "ambassador",
    "commissioner",
    "inspector",
    "fbi",
    "military",
    "army",
    "navy",
    "pentagon",
    "white house",
    "kremlin",
    "cabinet",
    "state",
)
_OFFICIAL = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in OFFICIAL_WORDS) + r")\b", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceMix:
    """The sources behind one article or outlet."""

    key: str
    name: str
    attributions: int
    sources: int
    anonymous: int
    official: int
    refusals: int
    share_anonymous: float
    share_official: float
    share_refusals: float


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSource:
    """A source and how widely it is cited."""

    key: str
    name: str
    type: str
    roles: tuple[str, ...]
    official: bool
    attributions: int
    articles: int
    outlets: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDiversity:
    articles: tuple[SourceMix, ...]
    outlets: tuple[SourceMix, ...]
    top_sources: tuple[CitedSource, ...]


def is_official(hop: Hop) -> bool:
    """Whether a source reads as an official or government one.

    >>> is_official(Hop(key="Source:x", label="Source", name="Lena Ortiz", type="person",
    ...                 roles=("mayor of Port Verity",)))
    True
    >>> is_official(Hop(key="Source:y", label="Source", name="two dock workers", type="anonymous"))
    False
    """
    if hop.type == "outlet":
        return False
    words = " ".join((*hop.roles, hop.name))
    return bool(_OFFICIAL.search(words))


def _mix(key: str, name: str, views: Iterable[AttributionView]) -> SourceMix:
    views = list(views)
    n = len(views)
    sources = {v.origin.key for v in views if v.origin}
    anonymous = sum(1 for v in views if v.origin and v.origin.type == "anonymous")
    official = sum(1 for v in views if v.origin and is_official(v.origin))
    refusals = sum(1 for v in views if v.kind == "refusal")
    return SourceMix(
        key=key,
        name=name,
        attributions=n,
        sources=len(sources),
        anonymous=anonymous,
        official=official,
        refusals=refusals,
        share_anonymous=round(anonymous / n, 3) if n else 0.0,
        share_official=round(official / n, 3) if n else 0.0,
        share_refusals=round(refusals / n, 3) if n else 0.0,
    )


def source_diversity(G: nx.MultiDiGraph, *, top: int = 10) -> SourceDiversity:
    """Source mix per article and per outlet, and the ``top`` most-cited sources.

    Examples
    --------
    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> art = b.article("a1", outlet="The Harbor Ledger")
    >>> ortiz = b.person("Lena Ortiz", roles=("mayor",))
    >>> _ = b.attribute(art, "Port shut.", origin=ortiz)
    >>> _ = b.attribute(art, "Ships wait.", origin=b.anonymous("a dock worker", article=art))
    >>> _ = b.attribute(art, "(no comment)", origin=b.organization("Salt Co"), kind="refusal")
    >>> d = source_diversity(b.G)
    >>> m = d.articles[0]
    >>> m.sources, m.share_anonymous, m.share_official, m.share_refusals
    (3, 0.333, 0.333, 0.333)
    >>> [(s.name, s.official) for s in d.top_sources][:1]
    [('Lena Ortiz', True)]
    """
    views = attribution_views(G)
    by_article: dict[str, list[AttributionView]] = defaultdict(list)
    by_outlet: dict[str, list[AttributionView]] = defaultdict(list)
    for view in views:
        if view.article:
            by_article[view.article].append(view)
        if view.outlet:
            by_outlet[view.outlet].append(view)
    for key, data in G.nodes(data=True):
        if data.get("label") == schema.ARTICLE:
            by_article.setdefault(key, [])
    articles = sorted(
        (_mix(k, display_name(G, k), vs) for k, vs in by_article.items()),
        key=lambda m: (-m.attributions, m.name),
    )
    outlets = sorted(
        (_mix(k, display_name(G, k) if k in G else k, vs) for k, vs in by_outlet.items()),
        key=lambda m: (-m.attributions, m.name),
    )
    cited: dict[str, list[AttributionView]] = defaultdict(list)
    hops: dict[str, Hop] = {}
    for view in views:
        if view.origin and view.origin.type != "anonymous":
            cited[view.origin.key].append(view)
            hops[view.origin.key] = view.origin
    ranked = sorted(cited, key=lambda k: (-len(cited[k]), hops[k].name))[: max(top, 0)]
    top_sources = tuple(
        CitedSource(
            key=k,
            name=hops[k].name,
            type=hops[k].type,
            roles=hops[k].roles,
            official=is_official(hops[k]),
            attributions=len(cited[k]),
            articles=len({v.article for v in cited[k]}),
            outlets=len({v.outlet for v in cited[k] if v.outlet}),
        )
        for k in ranked
    )
    return SourceDiversity(
        articles=tuple(articles), outlets=tuple(outlets), top_sources=top_sources
    )
