"""Turn a (collapsed) view graph into the payload the graph-view component draws.

The nodes, edges and options are assembled with pyvis (its ``Node``/``Edge``
option dicts and its ``Options`` for physics), then handed to the component
as JSON. Every string in the payload is plain text meant for a canvas label
or an ``innerText`` tooltip; :func:`payload_json` additionally escapes ``<``,
``>`` and ``&`` so the JSON is safe inside an HTML ``<script>`` element.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("Source:s", label="Source", name="<b>Ann</b>", citations=4)
>>> G.add_node("Claim:c", label="Claim", text="Rain is coming.", citations=1)
>>> G.add_edge("Source:s", "Claim:c", rel="ASSERTS", weight=1)
>>> p = build_payload(G)
>>> p["mode"], [n["label"] for n in p["nodes"]]
('physics', ['<b>Ann</b>', 'Rain is coming.'])
>>> "<" in payload_json(p)
False
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any, Final

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from app.view import graphs, layout, style

EDGE_COLORS = {
    graphs.CITES: "#4e79a7",
    graphs.PASSES: "#f28e2b",
    graphs.ASSERTS: "#e15759",
    "PUBLISHED_BY": "#c8c8c8",
    "SIMILAR_TO": "#b07aa1",
}


FORCE, CHAIN = "force", "chain"
LAYOUTS: Final = {FORCE: "Force", CHAIN: "Chain: outlets → intermediaries → origins"}
#: Nodes the screen shows at most; a larger view keeps the most cited and says what it left out.
SCREEN_MAX: Final = 300
#: Nodes that get a label on the canvas (the most cited); the others show theirs on hover.
LABEL_MAX: Final = 40


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A view graph ready to draw: the graph, its mode and layout, and what was left out.

    ``hidden`` counts nodes summarised away by aggregation, ``left_out`` (by label)
    the nodes cut to fit the screen; ``total`` is the size of the view before either.
    """

    G: nx.DiGraph
    mode: str
    hidden: int
    total: int
    layout: str = FORCE
    left_out: dict[str, int] = field(default_factory=dict)
    positions: dict[str, tuple[int, int]] | None = None


def prepare(
    view: nx.DiGraph,
    *,
    draw_max: int = layout.DRAW_MAX,
    screen_max: int = SCREEN_MAX,
    chosen_layout: str = FORCE,
    must: frozenset[str] = frozenset(),
) -> Prepared:
    """Aggregate ``view`` when it is too large to draw, cut it to ``screen_max`` nodes
    (keeping ``must``), pick the drawing mode and compute positions when the browser
    does not lay it out."""
    total = view.number_of_nodes()
    if layout.choose_mode(total, draw_max=draw_max) == "aggregate":
        agg = graphs.aggregate(view)
        G, hidden, mode = agg.G, agg.hidden, "aggregate"
        left_out: dict[str, int] = {}
    else:
        trimmed = graphs.trim(view, keep=screen_max, must=must)
        G, hidden, left_out = trimmed.G, 0, trimmed.left_out
        mode = layout.choose_mode(G.number_of_nodes(), draw_max=draw_max)
    if chosen_layout == CHAIN:
        return Prepared(
            G=G,
            mode="chain" if mode != "aggregate" else mode,
            hidden=hidden,
            total=total,
            layout=CHAIN,
            left_out=left_out,
            positions=layout.chain_positions(G),
        )
    positions = None
    if mode != "physics":
        # Aggregated nodes are few and big (many citations each): spread them wider.
        scale = 70.0 * G.number_of_nodes() ** 0.5 if mode == "aggregate" else None
        positions = layout.positions(G, scale=scale)
    return Prepared(
        G=G, mode=mode, hidden=hidden, total=total, left_out=left_out, positions=positions
    )


def _network(physics: bool) -> Network:
    net = Network(directed=True, cdn_resources="in_line")
    net.force_atlas_2based(spring_length=120, damping=0.5)
    net.set_edge_smooth("continuous")
    net.toggle_physics(physics)
    return net


def labelled(G: nx.DiGraph, *, always: frozenset[str], top: int = LABEL_MAX) -> set[str]:
    """The nodes that get a canvas label: ``always``, then the ``top`` most cited."""
    ranked = sorted(G, key=lambda k: (-int(G.nodes[k].get("citations") or 0), k))
    return set(ranked[:top]) | (always & set(G))


def size_legend(G: nx.DiGraph) -> list[dict[str, Any]]:
    """Sizes to show in the legend: 1 citation, the largest in view, and one between."""
    most = max((int(d.get("citations") or 0) for _, d in G.nodes(data=True)), default=0)
    stops = sorted({1, max(1, round(most**0.5)), max(1, most)})
    return [{"citations": c, "size": style.node_size(c)} for c in stops]


def build_payload(
    view: nx.DiGraph | Prepared,
    *,
    selected: str | None = None,
    draw_max: int = layout.DRAW_MAX,
    highlight: frozenset[str] = frozenset(),
    chosen_layout: str = FORCE,
) -> dict[str, Any]:
    """The component payload for ``view`` (see the module docstring).

    ``view`` may be a :class:`Prepared` (from a cache) or a view graph, which is
    prepared here. ``highlight`` (search hits) and ``selected`` are marked and
    always labelled.
    """
    must = highlight | ({selected} if selected else frozenset())
    prepared = (
        view
        if isinstance(view, Prepared)
        else prepare(view, draw_max=draw_max, chosen_layout=chosen_layout, must=must)
    )
    G = prepared.G
    physics = prepared.mode == "physics"
    positions = prepared.positions
    net = _network(physics)
    if prepared.layout == CHAIN:  # the outlets name the columns' starting points
        must = must | {k for k, d in G.nodes(data=True) if d.get("label") == "Outlet"}
    named = labelled(
        G, always=must, top=LABEL_MAX // 2 if prepared.mode == "aggregate" else LABEL_MAX
    )
    for key, data in G.nodes(data=True):
        look = style.node_style(data)
        citations = int(data.get("citations") or 0)
        options: dict[str, Any] = {
            "title": style.node_title(data),
            "color": look["color"],
            "size": style.node_size(citations),
            "group": style.style_key(data),
            "kind": str(data.get("label", "")),
            "citations": citations,
        }
        if look["shape"] == "box":
            options["font"] = {"color": "#ffffff"}
        if not physics and positions and key in positions:
            options["x"], options["y"] = positions[key]
        if key in highlight:
            options["borderWidth"] = 3
            options["color"] = {"background": look["color"], "border": "#ffbf00"}
            options["shapeProperties"] = {"borderDashes": False}
        if key == selected:
            options["borderWidth"] = 4
            options["color"] = {"background": look["color"], "border": "#222222"}
        label = style.node_label(data) if key in named else " "
        node = Node(key, look["shape"], label=label, **options)
        net.nodes.append(node.options)
        net.node_ids.append(key)
        net.node_map[key] = node.options
    for u, v, data in G.edges(data=True):
        rel = str(data.get("rel", ""))
        weight = int(data.get("weight") or 1)
        edge = Edge(
            u,
            v,
            directed=True,
            id=f"{u}->{v}",
            title=f"{rel.replace('_', ' ').lower()} ×{weight}",
            width=1 + math.log2(weight),
            color=EDGE_COLORS.get(rel, "#999999"),
            dashes=rel == "SIMILAR_TO",
        )
        net.edges.append(edge.options)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    options = json.loads(options_json)
    options["interaction"].update({"hover": True, "tooltipDelay": 150, "navigationButtons": False})
    if prepared.layout == CHAIN:
        options["edges"]["smooth"] = {"type": "cubicBezier", "forceDirection": "horizontal"}
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "mode": prepared.mode,
        "layout": prepared.layout,
        "physics": physics,
        "hidden": prepared.hidden,
        "total": prepared.total,
        "left_out": prepared.left_out,
        "selected": selected,
        "highlight": sorted(highlight & set(G)),
        "legend": style.legend({str(n["group"]) for n in nodes}),
        "sizes": size_legend(G),
        "signature": signature(nodes, edges) + prepared.layout,
    }


def signature(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    """A short hash of which nodes and edges a payload has (not of their look)."""
    h = hashlib.sha256()
    for n in nodes:
        h.update(str(n["id"]).encode("utf-8", "replace") + b"\x1f")
    h.update(b"\x1e")
    for e in edges:
        h.update(str(e["id"]).encode("utf-8", "replace") + b"\x1f")
    return h.hexdigest()[:16]


def payload_json(payload: dict[str, Any]) -> str:
    """``payload`` as JSON that can sit inside an HTML ``<script>`` element.

    >>> print(payload_json({"label": "</script><b>"}))
    {"label": "\\u003c/script\\u003e\\u003cb\\u003e"}
    """
    text = json.dumps(payload, ensure_ascii=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
