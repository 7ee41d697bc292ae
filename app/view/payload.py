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
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A view graph ready to draw: the graph, its mode, and nodes left out."""

    G: nx.DiGraph
    mode: str
    hidden: int
    total: int


def prepare(view: nx.DiGraph, *, draw_max: int = layout.DRAW_MAX) -> Prepared:
    """Pick the drawing mode for ``view`` and aggregate it when it is too large."""
    total = view.number_of_nodes()
    mode = layout.choose_mode(total, draw_max=draw_max)
    if mode == "aggregate":
        agg = graphs.aggregate(view)
        return Prepared(G=agg.G, mode=mode, hidden=agg.hidden, total=total)
    return Prepared(G=view, mode=mode, hidden=0, total=total)


def positions_for(prepared: Prepared) -> dict[str, tuple[int, int]] | None:
    """Pixel positions for a prepared view, ``None`` when the browser's physics lays it out."""
    if prepared.mode == "physics":
        return None
    # Aggregated nodes are few and big (many citations each): spread them wider.
    scale = 70.0 * prepared.G.number_of_nodes() ** 0.5 if prepared.mode == "aggregate" else None
    return layout.positions(prepared.G, scale=scale)


def _network(mode: str) -> Network:
    net = Network(directed=True, cdn_resources="in_line")
    net.force_atlas_2based(spring_length=120, damping=0.5)
    net.set_edge_smooth("continuous")
    net.toggle_physics(mode == "physics")
    return net


def build_payload(
    view: nx.DiGraph,
    *,
    selected: str | None = None,
    draw_max: int = layout.DRAW_MAX,
    positions: dict[str, tuple[int, int]] | None = None,
) -> dict[str, Any]:
    """The component payload for ``view`` (see the module docstring).

    ``positions`` (node key -> pixels) may be given to reuse a cached layout;
    otherwise views too large for physics are laid out here.
    """
    prepared = prepare(view, draw_max=draw_max)
    G = prepared.G
    mode = prepared.mode
    # Aggregated views are dense (every outlet to every top source): laid out here too.
    physics = mode == "physics"
    net = _network("physics" if physics else "positions")
    if not physics and positions is None:
        positions = positions_for(prepared)
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
        if key == selected:
            options["borderWidth"] = 4
            options["color"] = {"background": look["color"], "border": "#222222"}
        node = Node(key, look["shape"], label=style.node_label(data), **options)
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
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "mode": mode,
        "physics": physics,
        "hidden": prepared.hidden,
        "total": prepared.total,
        "selected": selected,
        "legend": style.legend({str(n["group"]) for n in nodes}),
        "signature": signature(nodes, edges),
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
