"""Circular reporting: outlets citing each other for the same claim.

An article published by outlet A whose attribution names outlet B in its
chain or as its origin is "A cites B". For each claim group, the outlets
and their citations form a directed graph; every cycle in it (A cites B and B
cites A, or longer) is circular reporting. A cycle is the claim's *only
support* when no outlet reachable from it has an origin of its own under
:data:`graph.analysis.independence.ORIGIN_RULE`.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.analysis.independence import ground_origin
from graph.chains import (
    SIMILARITY_THRESHOLD,
    AttributionView,
    attribution_views,
    claim_groups,
    display_name,
    group_text,
)

#: Longest cycle looked for (number of outlets).
MAX_CYCLE = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """Outlet ``citing`` names outlet ``cited`` in one attribution (the evidence)."""

    citing: str
    cited: str
    article: str | None
    attribution: str
    sentence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CircularCitation:
    """A cycle of outlets citing each other for one claim group.

    ``outlets`` are names in cycle order (each cites the next, the last cites
    the first); ``supported_by`` the origins reachable from the cycle;
    ``cycle_only`` is true when there are none.
    """

    group: str
    claims: tuple[str, ...]
    text: str
    outlets: tuple[str, ...]
    citations: tuple[Citation, ...]
    supported_by: tuple[str, ...]
    cycle_only: bool


def citation_graph(views: list[AttributionView]) -> nx.DiGraph:
    """Outlet -> cited outlet, with the citing attributions in ``edge["views"]``."""
    D = nx.DiGraph()
    for view in views:
        if view.outlet is None:
            continue
        D.add_node(view.outlet)
        for cited in view.cited_outlets():
            if not D.has_edge(view.outlet, cited):
                D.add_edge(view.outlet, cited, views=[])
            D.edges[view.outlet, cited]["views"].append(view)
    return D


def _canonical(cycle: list[str]) -> tuple[str, ...]:
    i = cycle.index(min(cycle))
    return tuple(cycle[i:] + cycle[:i])


def circular_citations(
    G: nx.MultiDiGraph, *, similarity: float | None = SIMILARITY_THRESHOLD
) -> list[CircularCitation]:
    """Every cycle of outlets citing each other for the same claim group.

    Examples
    --------
    The Ledger cites the Wire and the Wire cites the Ledger, and nobody else
    stands behind the claim:

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> ledger, wire = b.outlet("The Harbor Ledger"), b.outlet("Meridian Wire")
    >>> a1 = b.article("a1", outlet="The Harbor Ledger")
    >>> a2 = b.article("a2", outlet="Meridian Wire")
    >>> _ = b.attribute(a1, "Dam cracked.", origin=wire)
    >>> _ = b.attribute(a2, "Dam cracked.", origin=ledger)
    >>> [c] = circular_citations(b.G)
    >>> c.outlets, c.cycle_only
    (('Meridian Wire', 'The Harbor Ledger'), True)
    """
    by_claim: dict[str, list[AttributionView]] = {}
    for view in attribution_views(G):
        if not view.supports:
            continue
        for c in view.claims:
            by_claim.setdefault(c, []).append(view)
    results = []
    for claims in claim_groups(G, similarity):
        seen = {v.key: v for c in claims for v in by_claim.get(c, ())}
        group_views = list(seen.values())
        D = citation_graph(group_views)
        if D.number_of_edges() == 0:
            continue
        carriers: set[str | None] = {v.outlet for v in group_views}
        grounded: dict[str, set[str]] = {}
        for view in group_views:
            kind, key = ground_origin(view, carriers)
            if kind != "relay" and view.outlet is not None:
                grounded.setdefault(view.outlet, set()).add(key)
        cycles = {_canonical(c) for c in nx.simple_cycles(D, length_bound=MAX_CYCLE)}
        for cycle in sorted(cycles):
            reachable = set().union(*(nx.descendants(D, o) | {o} for o in cycle))
            support = set().union(*(grounded.get(o, set()) for o in reachable))
            citations = []
            for i, citing in enumerate(cycle):
                cited = cycle[(i + 1) % len(cycle)]
                for view in D.edges[citing, cited]["views"]:
                    citations.append(
                        Citation(
                            citing=display_name(G, citing),
                            cited=display_name(G, cited),
                            article=view.article,
                            attribution=view.key,
                            sentence=view.sentence,
                        )
                    )
            results.append(
                CircularCitation(
                    group=claims[0],
                    claims=tuple(claims),
                    text=group_text(G, claims, group_views),
                    outlets=tuple(display_name(G, o) for o in cycle),
                    citations=tuple(citations),
                    supported_by=tuple(sorted(_support_name(G, k) for k in support)),
                    cycle_only=not support,
                )
            )
    return results


def _support_name(G: nx.MultiDiGraph, key: str) -> str:
    if key in G and G.nodes[key].get("label") != "Attribution":
        return display_name(G, key)
    return "(unspecified source)"
