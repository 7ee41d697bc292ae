"""How a graph is laid out: browser physics when small, networkx positions when not.

vis-network's physics is pleasant up to a couple of hundred nodes and stalls
the browser beyond; larger views get positions computed here, once, and are
drawn with physics off. Views too large to draw at all are aggregated
(:func:`app.view.graphs.aggregate`).

>>> choose_mode(50), choose_mode(800), choose_mode(5000)
('physics', 'positions', 'aggregate')
"""

from __future__ import annotations

from typing import Final

import networkx as nx
import numpy as np

PHYSICS_MAX: Final = 200  # nodes drawn with browser physics
DRAW_MAX: Final = 1500  # nodes drawn at all; above this the view is aggregated
NX_DENSE_MAX: Final = 499  # networkx's spring_layout needs scipy from 500 nodes on


def choose_mode(n_nodes: int, *, physics_max: int = PHYSICS_MAX, draw_max: int = DRAW_MAX) -> str:
    """``"physics"``, ``"positions"`` or ``"aggregate"`` for a view of ``n_nodes``."""
    if n_nodes > draw_max:
        return "aggregate"
    return "physics" if n_nodes < physics_max else "positions"


def positions(
    G: nx.Graph, *, seed: int = 7, scale: float | None = None
) -> dict[str, tuple[int, int]]:
    """Pixel positions for every node of ``G`` (deterministic for a given graph).

    >>> pos = positions(nx.path_graph(["a", "b", "c"]))
    >>> sorted(pos) == ["a", "b", "c"] and all(isinstance(v, int) for p in pos.values() for v in p)
    True
    """
    n = G.number_of_nodes()
    if n == 0:
        return {}
    scale = scale or max(200.0, 28.0 * np.sqrt(n))
    U = nx.Graph(G.to_undirected(as_view=True))
    if n <= NX_DENSE_MAX:
        raw = nx.spring_layout(U, seed=seed, iterations=40)
        coords = np.array([raw[k] for k in U], dtype=float)
    else:
        coords = fruchterman_reingold(U, seed=seed, iterations=25)
    coords -= coords.mean(axis=0)
    extent = float(np.abs(coords).max()) or 1.0
    coords *= scale / extent
    return {k: (int(x), int(y)) for k, (x, y) in zip(U, coords, strict=True)}


def fruchterman_reingold(G: nx.Graph, *, seed: int = 7, iterations: int = 25) -> np.ndarray:
    """A dense numpy Fruchterman-Reingold layout (no scipy needed), ``n x 2`` array.

    Memory is O(n^2), fine for the few thousand nodes the view ever lays out.
    """
    nodes = list(G)
    n = len(nodes)
    index = {k: i for i, k in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    edges = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.intp)
    k = np.float32(1.0 / np.sqrt(n))
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist2 = np.einsum("ijk,ijk->ij", delta, delta)
        np.maximum(dist2, 1e-4, out=dist2)
        np.divide(k * k, dist2, out=dist2)
        disp = np.einsum("ijk,ij->ik", delta, dist2)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = d * (np.sqrt((d**2).sum(axis=1)) / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.sqrt((disp**2).sum(axis=1))
        np.maximum(length, 0.01, out=length)
        pos += disp * (t / length)[:, None]
        t -= dt
    return pos.astype(float)


CHAIN_COLUMN: Final = 300  # pixels between two levels of the chain layout
CHAIN_ROW: Final = 46  # pixels between two nodes of one column
CHAIN_ROWS: Final = 24  # nodes per sub-column before a level wraps into another


def chain_levels(G: nx.DiGraph) -> dict[str, int]:
    """The column of every node in the left-to-right chain layout.

    Publishing outlets are column 0 and articles column 1; each intermediary and
    origin is one column right of whatever cites it (the longest chain wins,
    capped at 8 hops); claims are the last column.

    >>> G = nx.DiGraph()
    >>> G.add_edge("Article:a", "Outlet:o", rel="PUBLISHED_BY")
    >>> G.add_edge("Article:a", "Outlet:w", rel="CITES")
    >>> G.add_edge("Outlet:w", "Source:s", rel="VIA")
    >>> G.add_edge("Source:s", "Claim:c", rel="ASSERTS")
    >>> for k in ("Outlet:o", "Article:a", "Outlet:w", "Source:s", "Claim:c"):
    ...     G.nodes[k]["label"] = k.split(":")[0]
    >>> chain_levels(G)
    {'Article:a': 1, 'Outlet:o': 0, 'Outlet:w': 2, 'Source:s': 3, 'Claim:c': 4}
    """
    label = {k: str(d.get("label", "")) for k, d in G.nodes(data=True)}
    level: dict[str, int] = {}
    for k, lab in label.items():
        if lab == "Article":
            level[k] = 1
        elif lab == "Outlet" and any(r == "PUBLISHED_BY" for _, _, r in G.in_edges(k, data="rel")):
            level[k] = 0
    chain_edges = [
        (u, v)
        for u, v, r in G.edges(data="rel")
        if r in ("CITES", "VIA") and label.get(v) not in ("Claim", "Article")
    ]
    for _ in range(8):  # longest path by relaxation; cycles stop at the cap
        changed = False
        for u, v in chain_edges:
            if v in level and level[v] in (0, 1):
                continue  # a publisher or an article keeps its column
            want = level.get(u, 1) + 1
            if want > level.get(v, 0):
                level[v] = want
                changed = True
        if not changed:
            break
    for k, lab in label.items():
        if lab not in ("Claim",) and k not in level:
            level[k] = 2
    last = max(level.values(), default=1) + 1
    for k, lab in label.items():
        if lab == "Claim":
            level[k] = last
    return level


def chain_positions(G: nx.DiGraph) -> dict[str, tuple[int, int]]:
    """Pixel positions for the chain layout: columns from :func:`chain_levels`, left to right.

    Within a column nodes are ordered by the mean row of the nodes pointing at them
    (one left-to-right sweep), so chains run roughly straight; a long column wraps
    into sub-columns of :data:`CHAIN_ROWS` nodes.

    >>> G = nx.DiGraph([("Article:a", "Source:s")])
    >>> nx.set_node_attributes(G, {"Article:a": "Article", "Source:s": "Source"}, "label")
    >>> pos = chain_positions(G)
    >>> pos["Article:a"][0] < pos["Source:s"][0]
    True
    """
    if not G.number_of_nodes():
        return {}
    level = chain_levels(G)
    columns: dict[int, list[str]] = {}
    for k in G:
        columns.setdefault(level[k], []).append(k)
    row: dict[str, float] = {}
    out: dict[str, tuple[int, int]] = {}
    x = 0
    for col in sorted(columns):
        members = columns[col]

        def order(k: str) -> tuple[float, float, str]:
            ys = [row[u] for u in G.predecessors(k) if u in row]
            ys += [row[v] for v in G.successors(k) if v in row]
            mean = sum(ys) / len(ys) if ys else float("inf")
            return (mean, -float(G.nodes[k].get("citations") or 0), k)

        members.sort(key=order)
        per = min(len(members), CHAIN_ROWS)
        for i, k in enumerate(members):
            sub, r = divmod(i, per)
            y = (r - (per - 1) / 2) * CHAIN_ROW
            row[k] = r
            out[k] = (int(x + sub * CHAIN_ROW * 2), int(y))
        x += CHAIN_COLUMN + ((len(members) - 1) // per) * CHAIN_ROW * 2
    return out
