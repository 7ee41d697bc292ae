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
