"""Shape a schema graph (:mod:`graph.schema`) into what the graph view shows.

Three steps, each a plain function over networkx graphs:

* :func:`filter_graph` keeps the articles, attributions and nodes that pass
  the user's filters (outlet, date range, attribution kind);
* :func:`collapse_attributions` replaces every Attribution node by the chain
  it stands for, ``Article -> VIA... -> origin -> Claim``, so the view shows
  who cites whom; each edge remembers the attributions behind it;
* :func:`aggregate` summarises a graph too large to draw: outlets and their
  most-cited sources, with the number of nodes left out.

>>> from graph.analysis._testing import GraphBuilder
>>> b = GraphBuilder()
>>> a = b.article("a1", outlet="Harbor Ledger")
>>> att = b.attribute(a, "The ferry stops.", origin=b.person("Lena Ortiz"))
>>> view = collapse_attributions(b.G)
>>> label = nx.get_node_attributes(view, "label")
>>> for u, v, rel in sorted(view.edges(data="rel")):
...     print(label[u], rel, label[v])
Article PUBLISHED_BY Outlet
Article CITES Source
Source ASSERTS Claim
>>> view.nodes["Source:lena-ortiz"]["citations"]
1
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph import schema
from graph.chains import AttributionView, attribution_view, attribution_views, chain_nodes

# Relationship names of the collapsed view (edge attribute ``rel``).
CITES = "CITES"  # article -> first hop of a chain
PASSES = "VIA"  # hop -> next hop
ASSERTS = schema.ASSERTS  # origin (or article, when unspecified) -> claim


def _path(view: AttributionView) -> list[str]:
    """The node keys an attribution's chain runs through: article, hops, origin."""
    hops = [h.key for h in view.via] + ([view.origin.key] if view.origin else [])
    return [k for k in (view.article, *hops) if k]


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """What the user asked to see; an empty set means "all"."""

    labels: frozenset[str] = field(default_factory=frozenset)
    outlets: frozenset[str] = field(default_factory=frozenset)  # Outlet node keys
    date_from: str | None = None  # ISO dates, compared as strings
    date_to: str | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)

    @property
    def restricts_articles(self) -> bool:
        return bool(self.outlets or self.date_from or self.date_to)

    def article_passes(self, G: nx.MultiDiGraph, article: str) -> bool:
        data = G.nodes[article]
        if self.outlets:
            published = {
                v for _, v, rel in G.out_edges(article, keys=True) if rel == schema.PUBLISHED_BY
            }
            if not published & self.outlets:
                return False
        day = str(data.get("published") or "")[:10]
        if self.date_from and (not day or day < self.date_from):
            return False
        return not (self.date_to and (not day or day > self.date_to))


def filter_graph(G: nx.MultiDiGraph, spec: GraphFilter) -> nx.MultiDiGraph:
    """The part of ``G`` that passes ``spec`` (labels are applied by :func:`collapse_attributions`).

    With an outlet or date filter only the articles that pass, their
    attributions and the nodes those reach are kept; with a kind filter,
    attributions of other kinds are dropped.
    """
    if not spec.restricts_articles and not spec.kinds:
        return G
    keep: set[str] = set()
    for view in attribution_views(G):
        if spec.kinds and view.kind not in spec.kinds:
            continue
        if spec.restricts_articles and (
            view.article is None or not spec.article_passes(G, view.article)
        ):
            continue
        keep.add(view.key)
        keep.update(k for k in (*_path(view), view.outlet, *view.claims) if k and k in G)
    for key, data in G.nodes(data=True):
        label = data.get("label")
        if label == schema.ARTICLE and spec.restricts_articles:
            if spec.article_passes(G, key):
                keep.add(key)
                keep.update(
                    v for _, v, r in G.out_edges(key, keys=True) if r == schema.PUBLISHED_BY
                )
        elif label in (schema.OUTLET, schema.ARTICLE) and not spec.restricts_articles:
            keep.add(key)
    return G.subgraph(keep).copy()


def collapse_attributions(
    G: nx.MultiDiGraph, *, labels: frozenset[str] = frozenset()
) -> nx.DiGraph:
    """Replace Attribution nodes by the chains they stand for.

    Nodes get a ``citations`` attribute: how many attributions pass through
    them (for an Article: how many it contains). Edges carry ``rel``,
    ``attributions`` (node keys) and ``weight``. When ``labels`` is given,
    only nodes with those labels are kept.
    """
    view = nx.DiGraph()
    for key, data in G.nodes(data=True):
        if data.get("label") != schema.ATTRIBUTION:
            view.add_node(key, **data, citations=0)

    def link(u: str, v: str, rel: str, attribution: str | None) -> None:
        if view.has_edge(u, v):
            edge = view.edges[u, v]
            edge["weight"] += 1
        else:
            view.add_edge(u, v, rel=rel, weight=1, attributions=[])
            edge = view.edges[u, v]
        if attribution and len(edge["attributions"]) < 50:
            edge["attributions"].append(attribution)

    citations: Counter[str] = Counter()
    for chain in attribution_views(G):
        path = _path(chain)
        for i in range(len(path) - 1):
            link(path[i], path[i + 1], CITES if i == 0 and chain.article else PASSES, chain.key)
        claims = [c for c in chain.claims if c in view]
        for claim in claims:
            if path:
                link(path[-1], claim, ASSERTS, chain.key)
        citations.update(set(path) | set(claims))
    for u, v, rel in G.edges(keys=True):
        if rel in (schema.PUBLISHED_BY, schema.SIMILAR_TO) and u in view and v in view:
            link(u, v, rel, None)
    for key, n in citations.items():
        if key in view:
            view.nodes[key]["citations"] = n
    if labels:
        view.remove_nodes_from(
            [k for k, d in view.nodes(data=True) if d.get("label") not in labels]
        )
    return view


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A summary view: the graph to draw and how many nodes it leaves out."""

    G: nx.DiGraph
    hidden: int


def aggregate(view: nx.DiGraph, *, top_sources: int = 60, top_links: int = 3) -> Aggregate:
    """Outlets and their ``top_sources`` most-cited sources, linked by citation counts.

    Each source keeps its links from the ``top_links`` outlets citing it most.

    >>> v = nx.DiGraph()
    >>> v.add_node("Outlet:o", label="Outlet", name="O", citations=0)
    >>> v.add_node("Article:a", label="Article", citations=1)
    >>> v.add_node("Source:s", label="Source", name="S", citations=1)
    >>> v.add_edge("Article:a", "Outlet:o", rel="PUBLISHED_BY", weight=1)
    >>> v.add_edge("Article:a", "Source:s", rel="CITES", weight=1)
    >>> agg = aggregate(v)
    >>> sorted(agg.G.edges(data="weight")), agg.hidden
    ([('Outlet:o', 'Source:s', 1)], 1)
    """
    label_of = view.nodes
    outlets = [k for k, d in view.nodes(data=True) if d.get("label") == schema.OUTLET]
    sources = sorted(
        (k for k, d in view.nodes(data=True) if d.get("label") == schema.SOURCE),
        key=lambda k: (-int(label_of[k].get("citations", 0)), k),
    )[:top_sources]
    shown = set(outlets) | set(sources)
    out = nx.DiGraph()
    for k in shown:
        out.add_node(k, **view.nodes[k])
    outlet_of = {
        a: o for a, o, rel in view.edges(data="rel") if rel == schema.PUBLISHED_BY and o in shown
    }
    for article, outlet in outlet_of.items():
        for target in _cited_from(view, article):
            if target in shown and target != outlet:
                if out.has_edge(outlet, target):
                    out.edges[outlet, target]["weight"] += 1
                else:
                    out.add_edge(outlet, target, rel=CITES, weight=1, attributions=[])
    for outlet in outlets:  # an outlet's size: the citations its articles make here
        out.nodes[outlet]["citations"] = sum(w for _, _, w in out.out_edges(outlet, data="weight"))
    for source in sources:
        links = sorted(out.in_edges(source, data="weight"), key=lambda e: (-e[2], e[0]))
        out.remove_edges_from([(u, v) for u, v, _ in links[top_links:]])
    return Aggregate(G=out, hidden=view.number_of_nodes() - out.number_of_nodes())


def _cited_from(view: nx.DiGraph, article: str) -> set[str]:
    """Every node an article's chains reach (along CITES and VIA edges, not into claims)."""
    seen: set[str] = set()
    frontier = [article]
    while frontier:
        node = frontier.pop()
        for _, nxt, rel in view.out_edges(node, data="rel"):
            if rel in (CITES, PASSES) and nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return seen


def raw_view(G: nx.MultiDiGraph, *, labels: frozenset[str] = frozenset()) -> nx.DiGraph:
    """``G`` as drawn with its Attribution nodes: one edge per related pair, ``rel`` its type."""
    view = nx.DiGraph()
    citations = collapse_attributions(G)
    for key, data in G.nodes(data=True):
        n = citations.nodes[key]["citations"] if key in citations else 0
        view.add_node(key, **data, citations=n)
    for u, v, rel in G.edges(keys=True):
        if view.has_edge(u, v):
            view.edges[u, v]["weight"] += 1
        else:
            view.add_edge(u, v, rel=rel, weight=1, attributions=[])
    if labels:
        view.remove_nodes_from(
            [k for k, d in view.nodes(data=True) if d.get("label") not in labels]
        )
    return view


def attribution_record(G: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """An Attribution node's properties plus ``key``, ``article``, ``outlet``, ``claim``,
    ``origin`` and ``via`` (each hop's ``node``, ``text``, ``start``, ``end``, outermost
    first), read through :func:`graph.chains.attribution_view`."""
    view = attribution_view(G, key)
    record: dict[str, Any] = dict(G.nodes[key])
    record["key"] = key
    record["via"] = [
        {"node": h.key, "text": h.text, "start": h.start, "end": h.end, "position": i}
        for i, h in enumerate(view.via)
    ]
    for name, value in (
        ("article", view.article),
        ("outlet", view.outlet),
        ("origin", view.origin.key if view.origin else None),
        ("claim", view.claims[0] if view.claims else None),
    ):
        if value is not None:
            record[name] = value
    return record


def attributions_of(G: nx.MultiDiGraph, key: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Records (see :func:`attribution_record`) of the attributions a node takes part in."""
    if key not in G:
        return []
    if G.nodes[key].get("label") == schema.ATTRIBUTION:
        return [attribution_record(G, key)]
    found = [
        n
        for n in (*G.predecessors(key), *G.successors(key))
        if G.nodes[n].get("label") == schema.ATTRIBUTION
    ]
    unique = sorted(dict.fromkeys(found), key=lambda n: (str(G.nodes[n].get("article_id")), n))
    return [attribution_record(G, n) for n in unique[:limit]]


@dataclass(frozen=True, slots=True)
class Trimmed:
    """A view cut to what the screen can show, and what was left out, by node label."""

    G: nx.DiGraph
    left_out: dict[str, int]


def trim(view: nx.DiGraph, *, keep: int, must: frozenset[str] = frozenset()) -> Trimmed:
    """The ``keep`` nodes of ``view`` that matter most: ``must`` first, then outlets, then by
    citations, less any left without a link; the rest are counted by label.

    >>> v = nx.DiGraph()
    >>> for i in range(5):
    ...     v.add_edge(f"Source:{i}", f"Claim:{i}")
    ...     v.add_node(f"Claim:{i}", label="Claim", citations=i)
    ...     v.add_node(f"Source:{i}", label="Source", citations=i)
    >>> t = trim(v, keep=3, must=frozenset({"Claim:0"}))
    >>> sorted(t.G), t.left_out
    (['Claim:0', 'Claim:4', 'Source:4'], {'Claim': 3, 'Source': 4})
    """
    if view.number_of_nodes() <= keep:
        return Trimmed(G=view, left_out={})
    data = view.nodes
    ranked = sorted(
        view,
        key=lambda k: (
            k not in must,
            data[k].get("label") != schema.OUTLET,
            -int(data[k].get("citations") or 0),
            k,
        ),
    )
    sub = view.subgraph(ranked[:keep]).copy()
    # A node whose every link was cut would float alone: leave it out too.
    sub.remove_nodes_from([k for k in list(sub) if k not in must and not sub.degree(k)])
    left = Counter(str(data[k].get("label", "")) for k in view if k not in sub)
    return Trimmed(G=sub, left_out=dict(sorted(left.items())))


def complete_chains(G: nx.MultiDiGraph, part: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``part`` (a neighbourhood of ``G``) with every chain it touches made whole.

    A neighbourhood a few hops deep cuts chains: an attribution's article is there
    but not the article's outlet, or the origin but not the intermediaries
    (:func:`graph.chains.chain_nodes` brings them back).
    """
    keep = set(part) | chain_nodes(G, (k for k in part if k in G))
    if keep == set(part):
        return part
    return nx.MultiDiGraph(G.subgraph(keep))
