"""The one public reading of an attribution and its chain off a schema graph.

Every analysis, the export and the app need the same facts about an
attribution: the article and outlet it appears in, its chain of intermediaries
(``VIA`` by position), its origin and the claim it asserts, with the words and
offsets the article uses for each hop. :func:`attribution_views` reads them
once from the networkx graph; :func:`chain_nodes` gives the nodes of a set of
chains (to cut a subgraph that keeps them whole). Nothing else re-reads chains.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph import schema
from graph.resolve import outlet_ref

#: Attribution kinds that lend support to their claim: refusals, denials and photo
#: credits carry no claim of their own and are left out of origin counting,
#: circular reporting and outlet dependency.
SUPPORTING_KINDS = ("statement",)

#: By default the analyses count the claim groups the builder stored (the ``group``
#: property, see graph/claims.py). Given a score instead, claims joined, directly or
#: through others, by SIMILAR_TO links scoring at least that (and not split by a
#: user) form one group.
SIMILARITY_THRESHOLD: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Hop:
    """One link of a chain: an intermediary or the origin, as written in the article.

    ``outlet`` is the outlet node key when the hop is a news outlet, else ``None``.
    """

    key: str
    label: str
    name: str
    type: str
    roles: tuple[str, ...] = ()
    text: str | None = None
    start: int | None = None
    end: int | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionView:
    key: str
    article: str | None
    outlet: str | None
    published: str | None
    kind: str
    via: tuple[Hop, ...]
    origin: Hop | None
    claims: tuple[str, ...]
    sentence: str
    sentence_start: int | None
    sentence_end: int | None
    cue: str

    @property
    def supports(self) -> bool:
        """Whether this attribution lends support to its claim (see :data:`SUPPORTING_KINDS`)."""
        return self.kind in SUPPORTING_KINDS

    def cited_outlets(self) -> list[str]:
        """Outlets other than the publisher named in the chain or as origin, in order."""
        out: list[str] = []
        for hop in (*self.via, *((self.origin,) if self.origin else ())):
            if hop.outlet and hop.outlet != self.outlet and hop.outlet not in out:
                out.append(hop.outlet)
        return out

    def effective_origin(self) -> Hop | None:
        """The origin, or the innermost intermediary when the origin is unspecified."""
        if self.origin is not None:
            return self.origin
        return self.via[-1] if self.via else None


def label_of(G: nx.MultiDiGraph, key: str) -> str:
    return str(G.nodes[key].get("label", ""))


def display_name(G: nx.MultiDiGraph, key: str) -> str:
    """A readable name for any node: name, title or text, else the key."""
    data = G.nodes[key] if key in G else {}
    for attr in ("name", "title", "text"):
        value = data.get(attr)
        if value:
            return str(value)
    return key


def outlet_key(G: nx.MultiDiGraph, key: str) -> str | None:
    """The outlet node key a Source/Outlet node stands for, or ``None``.

    A Source of type ``outlet``, ``organization`` or ``unspecified`` whose name
    is that of an Outlet node in ``G`` is that outlet: an outlet missing from the
    outlet list is still recognised when it publishes articles of the collection.
    Any other Source of type ``outlet`` is an outlet of its own.
    """
    data = G.nodes[key]
    if data.get("label") == schema.OUTLET:
        return key
    kind = data.get("type")
    if data.get("label") == schema.SOURCE and kind in ("outlet", "organization", "unspecified"):
        candidate = schema.node_key(schema.OUTLET, outlet_ref(str(data.get("name", "")))[0])
        if candidate in G:
            return candidate
        return key if kind == "outlet" else None
    return None


def publisher(G: nx.MultiDiGraph, article: str) -> str | None:
    """The outlet key of an article: its PUBLISHED_BY target, else its ``outlet`` name."""
    for _, target, rel in G.out_edges(article, keys=True):
        if rel == schema.PUBLISHED_BY:
            return str(target)
    name = G.nodes[article].get("outlet")
    return schema.node_key(schema.OUTLET, outlet_ref(str(name))[0]) if name else None


def _roles(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _hop(G: nx.MultiDiGraph, key: str, edge: Mapping[str, Any], node: Mapping[str, Any]) -> Hop:
    data = G.nodes[key]
    return Hop(
        key=key,
        label=str(data.get("label", "")),
        name=display_name(G, key),
        type=str(data.get("type") or ("outlet" if data.get("label") == schema.OUTLET else "")),
        roles=_roles(data.get("roles")),
        text=edge.get("text", node.get("source_text")),
        start=edge.get("start", node.get("source_start")),
        end=edge.get("end", node.get("source_end")),
        outlet=outlet_key(G, key),
    )


def attribution_view(G: nx.MultiDiGraph, key: str) -> AttributionView:
    """The Attribution node ``key`` of ``G`` as an :class:`AttributionView`."""
    data = G.nodes[key]
    article = next(
        (str(s) for s, _, rel in G.in_edges(key, keys=True) if rel == schema.CONTAINS), None
    )
    if article is None and data.get("article_id"):
        candidate = schema.node_key(schema.ARTICLE, str(data["article_id"]))
        article = candidate if candidate in G else None
    via: list[tuple[int, Hop]] = []
    origin = None
    claims = []
    for _, target, rel, edge in G.out_edges(key, keys=True, data=True):
        if rel == schema.VIA:
            via.append((int(edge.get("position", len(via))), _hop(G, target, edge, {})))
        elif rel == schema.ATTRIBUTED_TO:
            origin = _hop(G, target, {}, data)
        elif rel == schema.ASSERTS:
            claims.append(str(target))
    return AttributionView(
        key=str(key),
        article=article,
        outlet=publisher(G, article) if article else None,
        published=G.nodes[article].get("published") if article else None,
        kind=str(data.get("kind") or "statement"),
        via=tuple(h for _, h in sorted(via, key=lambda p: p[0])),
        origin=origin,
        claims=tuple(sorted(claims)),
        sentence=str(data.get("sentence") or ""),
        sentence_start=data.get("sentence_start"),
        sentence_end=data.get("sentence_end"),
        cue=str(data.get("cue") or ""),
    )


def attribution_views(G: nx.MultiDiGraph) -> list[AttributionView]:
    """Every Attribution node of ``G`` as an :class:`AttributionView`.

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> art = b.article("a1", outlet="The Harbor Ledger")
    >>> wire = b.outlet("Meridian Wire")
    >>> _ = b.attribute(art, "Tolls rise.", via=[wire], origin=b.person("Ana Ruiz"))
    >>> [v] = attribution_views(b.G)
    >>> [h.name for h in v.via], v.origin.name, v.cited_outlets()
    (['Meridian Wire'], 'Ana Ruiz', ['Outlet:meridian-wire'])
    """
    return [
        attribution_view(G, key)
        for key, data in G.nodes(data=True)
        if data.get("label") == schema.ATTRIBUTION
    ]


def chain_nodes(G: nx.MultiDiGraph, attributions: Iterable[str]) -> set[str]:
    """The attributions given and every node of their chains: article, the article's
    outlet, intermediaries, origin and claims (to cut a subgraph that keeps them whole).

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> art = b.article("a1", outlet="The Harbor Ledger")
    >>> at = b.attribute(art, "Tolls rise.", origin=b.person("Ana Ruiz"))
    >>> sorted(chain_nodes(b.G, [at]))  # doctest: +NORMALIZE_WHITESPACE
    ['Article:a1', 'Attribution:a1-1', 'Claim:tolls-rise', 'Outlet:the-harbor-ledger',
     'Source:ana-ruiz']
    """
    keep: set[str] = set()
    for key in attributions:
        if key not in G or G.nodes[key].get("label") != schema.ATTRIBUTION:
            continue
        keep.add(key)
        for article, _, rel in G.in_edges(key, keys=True):
            if rel == schema.CONTAINS:
                keep.add(article)
                keep.update(
                    v for _, v, r in G.out_edges(article, keys=True) if r == schema.PUBLISHED_BY
                )
        keep.update(
            v
            for _, v, rel in G.out_edges(key, keys=True)
            if rel in (schema.VIA, schema.ATTRIBUTED_TO, schema.ASSERTS)
        )
    return keep


def claim_groups(G: nx.MultiDiGraph, similarity: float | None = None) -> list[list[str]]:
    """The claim groups: the stored ``group`` of each claim, or links scoring >= ``similarity``.

    Each group is a sorted list of claim keys; groups are sorted by first key.
    SIMILAR_TO links a user split (``split``) never join claims.

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> x, y, z = b.claim("Tolls rise."), b.claim("Tolls will rise."), b.claim("Rain.")
    >>> b.similar(x, y, 0.93)
    >>> claim_groups(b.G)
    [['Claim:rain'], ['Claim:tolls-rise', 'Claim:tolls-will-rise']]
    >>> len(claim_groups(b.G, similarity=0.95))
    3
    """
    claims = [k for k, d in G.nodes(data=True) if d.get("label") == schema.CLAIM]
    U = nx.Graph()
    U.add_nodes_from(claims)
    if similarity is None:
        by_group: dict[str, str] = {}
        for k in claims:
            group = str(G.nodes[k].get("group") or k)
            first = by_group.setdefault(group, k)
            if first != k:
                U.add_edge(first, k)
    else:
        for a, b, rel, edge in G.edges(keys=True, data=True):
            similar = rel == schema.SIMILAR_TO and float(edge.get("score", 1.0)) >= similarity
            if similar and not edge.get("split") and a in U and b in U:
                U.add_edge(a, b)
    return sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: c[0])


def group_text(G: nx.MultiDiGraph, claims: Iterable[str], views: Iterable[AttributionView]) -> str:
    """The text of the group's most asserted claim (ties: shortest text)."""
    members = list(claims)
    counts = {c: 0 for c in members}
    for view in views:
        for c in view.claims:
            if c in counts:
                counts[c] += 1
    best = min(members, key=lambda c: (-counts[c], len(display_name(G, c)), c))
    return display_name(G, best)
