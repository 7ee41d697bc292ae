"""Outlet dependency: which outlets cite which others, and who originates or relays.

An attribution in an article published by outlet A that names outlet B in its
chain or as its origin is one citation A -> B. An attribution that names no
other outlet is *originated* by its publisher (its own reporting of a person,
organisation or anonymous source); one that names another outlet is *relayed*.
Refusals, denials and photo credits are left out (see
:data:`~graph.chains.SUPPORTING_KINDS`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from graph import schema
from graph.chains import attribution_views, display_name

ORIGINATOR = "originator"
RELAY = "relay"
CITED_ONLY = "cited only"


@dataclass(frozen=True, slots=True, kw_only=True)
class OutletCitation:
    """``citing`` cites ``cited`` in ``attributions`` attributions about ``claims`` claims."""

    citing: str
    cited: str
    citing_name: str
    cited_name: str
    attributions: int
    claims: int


@dataclass(frozen=True, slots=True, kw_only=True)
class OutletRole:
    """One outlet's place in the dependency graph.

    ``role`` is ``"relay"`` when most of its attributions cite another outlet,
    ``"originator"`` otherwise, and ``"cited only"`` for outlets that publish
    nothing in the collection but are cited by others.
    """

    outlet: str
    name: str
    articles: int
    attributions: int
    originated: int
    relayed: int
    cites: int
    cited_by: int
    role: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OutletDependency:
    citations: tuple[OutletCitation, ...]
    outlets: tuple[OutletRole, ...]


def dependency_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Outlet -> cited outlet, ``weight`` = citing attributions, ``claims`` = claims.

    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> art = b.article("a1", outlet="The Harbor Ledger")
    >>> _ = b.attribute(art, "Fog.", origin=b.outlet("Meridian Wire"))
    >>> _ = b.attribute(art, "Rain.", via=[b.outlet("Meridian Wire")], origin=b.person("Ana"))
    >>> D = dependency_graph(b.G)
    >>> D.edges["Outlet:the-harbor-ledger", "Outlet:meridian-wire"]["weight"]
    2
    """
    D = nx.DiGraph()
    for key, data in G.nodes(data=True):
        publishes = any(rel == schema.PUBLISHED_BY for _, _, rel in G.in_edges(key, keys=True))
        if data.get("label") == schema.OUTLET and publishes:
            D.add_node(key, name=display_name(G, key))
    claims: dict[tuple[str, str], set[str]] = {}
    for view in attribution_views(G):
        if view.outlet is None or not view.supports:
            continue
        D.add_node(view.outlet, name=display_name(G, view.outlet))
        for cited in view.cited_outlets():
            if not D.has_edge(view.outlet, cited):
                D.add_node(cited, name=display_name(G, cited))
                D.add_edge(view.outlet, cited, weight=0, claims=0)
            D.edges[view.outlet, cited]["weight"] += 1
            claims.setdefault((view.outlet, cited), set()).update(view.claims)
    for edge, members in claims.items():
        D.edges[edge]["claims"] = len(members)
    return D


def outlet_dependency(G: nx.MultiDiGraph) -> OutletDependency:
    """Weighted outlet citations and each outlet's role (originator or relay).

    Citations are sorted by weight, outlets by how often others cite them.

    Examples
    --------
    >>> from graph.analysis._testing import GraphBuilder
    >>> b = GraphBuilder()
    >>> wire = b.article("w1", outlet="Meridian Wire")
    >>> _ = b.attribute(wire, "Fog.", origin=b.person("Ana Ruiz"))
    >>> ledger = b.article("l1", outlet="The Harbor Ledger")
    >>> _ = b.attribute(ledger, "Fog.", origin=b.outlet("Meridian Wire"))
    >>> dep = outlet_dependency(b.G)
    >>> [(c.citing_name, c.cited_name, c.attributions) for c in dep.citations]
    [('The Harbor Ledger', 'Meridian Wire', 1)]
    >>> [(o.name, o.role) for o in dep.outlets]
    [('Meridian Wire', 'originator'), ('The Harbor Ledger', 'relay')]
    """
    D = dependency_graph(G)
    articles: Counter[str] = Counter()
    for key, data in G.nodes(data=True):
        if data.get("label") == schema.ARTICLE:
            for _, target, rel in G.out_edges(key, keys=True):
                if rel == schema.PUBLISHED_BY:
                    articles[str(target)] += 1
    originated: Counter[str] = Counter()
    relayed: Counter[str] = Counter()
    for view in attribution_views(G):
        if view.outlet is None or not view.supports:
            continue
        if view.cited_outlets():
            relayed[view.outlet] += 1
        else:
            originated[view.outlet] += 1
    citations = tuple(
        sorted(
            (
                OutletCitation(
                    citing=a,
                    cited=b,
                    citing_name=D.nodes[a]["name"],
                    cited_name=D.nodes[b]["name"],
                    attributions=d["weight"],
                    claims=d["claims"],
                )
                for a, b, d in D.edges(data=True)
            ),
            key=lambda c: (-c.attributions, c.citing_name, c.cited_name),
        )
    )
    roles = []
    for outlet in D.nodes:
        total = originated[outlet] + relayed[outlet]
        if total == 0 and articles[outlet] == 0:
            role = CITED_ONLY
        elif relayed[outlet] > originated[outlet]:
            role = RELAY
        else:
            role = ORIGINATOR
        roles.append(
            OutletRole(
                outlet=outlet,
                name=D.nodes[outlet]["name"],
                articles=articles[outlet],
                attributions=total,
                originated=originated[outlet],
                relayed=relayed[outlet],
                cites=int(D.out_degree(outlet, weight="weight")),
                cited_by=int(D.in_degree(outlet, weight="weight")),
                role=role,
            )
        )
    roles.sort(key=lambda r: (-r.cited_by, -r.attributions, r.name))
    return OutletDependency(citations=citations, outlets=tuple(roles))
