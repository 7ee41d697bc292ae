"""Export the attribution graph: GraphML, GEXF (Gephi), node-link JSON, or CSV.

GraphML and GEXF hold scalar attributes only: list properties (``roles``,
``aliases``) are joined with ``"; "`` and missing values are left out. Every
edge carries its relationship type as ``relationship`` and a unique id. GEXF
is shaped for Gephi: the node ``label`` is the readable name (title, name or
claim text) and the schema label moves to ``node_type``; span offsets on VIA
edges are ``span_start``/``span_end`` (GEXF reserves ``start``/``end`` for
time). JSON is networkx node-link data with every property as stored. CSV has
one row per attribution with its evidence (:data:`CSV_COLUMNS`), written by
:mod:`graph.csv_out` (cells that would start a spreadsheet formula get a ``'``).

>>> from graph.analysis._testing import GraphBuilder
>>> b = GraphBuilder()
>>> art = b.article("a1", outlet="The Harbor Ledger", published="2031-05-02")
>>> _ = b.attribute(art, "The ferry stops.", origin=b.person("Lena Ortiz", roles=("mayor",)))
>>> print(export_graph(b.G, "csv").decode().splitlines()[1][:60])
Attribution:a1-1,a1,,The Harbor Ledger,2031-05-02,statement,
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.chains import AttributionView, attribution_views, display_name
from graph.csv_out import csv_text
from graph.errors import SourcetraceError

FORMATS = ("graphml", "gexf", "json", "csv")

CSV_COLUMNS = (
    "attribution",
    "article_id",
    "article_url",
    "outlet",
    "published",
    "kind",
    "hedged",
    "confidence",
    "source",
    "source_type",
    "source_roles",
    "source_text",
    "source_start",
    "source_end",
    "via",
    "cue",
    "cue_start",
    "cue_end",
    "claim_id",
    "claim",
    "content_start",
    "content_end",
    "sentence",
    "sentence_start",
    "sentence_end",
)


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def scalar_graph(G: nx.MultiDiGraph, *, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy of ``G`` with scalar attributes only, ready for GraphML or GEXF.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("Source:x", label="Source", name="Ana", roles=["mayor", "doctor"], x=None)
    >>> scalar_graph(G).nodes["Source:x"]
    {'label': 'Source', 'name': 'Ana', 'roles': 'mayor; doctor'}
    """
    H = nx.MultiDiGraph()
    for key, data in G.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if v is not None}
        if gexf:
            attrs["node_type"] = attrs.pop("label", "")
            if "id" in attrs:
                attrs["node_id"] = attrs.pop("id")
            attrs["label"] = display_name(G, key)
        H.add_node(key, **attrs)
    for n, (u, v, rel, data) in enumerate(G.edges(keys=True, data=True)):
        attrs = {k: _scalar(v) for k, v in data.items() if v is not None}
        attrs["relationship"] = rel
        if gexf:
            for k in ("start", "end", "type", "label", "id"):
                if k in attrs:
                    attrs[f"span_{k}" if k in ("start", "end") else f"edge_{k}"] = attrs.pop(k)
            attrs["label"] = rel
        H.add_edge(u, v, key=f"e{n}", **attrs)
    return H


def _rows(G: nx.MultiDiGraph, views: Iterable[AttributionView]) -> Iterable[dict[str, Any]]:
    for view in views:
        node = G.nodes[view.key]
        article = G.nodes[view.article] if view.article else {}
        origin = view.origin
        claims = list(view.claims)
        yield {
            "attribution": view.key,
            "article_id": article.get("id") or (view.article or "").partition(":")[2],
            "article_url": article.get("url"),
            "outlet": display_name(G, view.outlet) if view.outlet and view.outlet in G else None,
            "published": view.published,
            "kind": view.kind,
            "hedged": node.get("hedged"),
            "confidence": node.get("confidence"),
            "source": origin.name if origin else None,
            "source_type": origin.type if origin else None,
            "source_roles": "; ".join(origin.roles) if origin else None,
            "source_text": node.get("source_text"),
            "source_start": node.get("source_start"),
            "source_end": node.get("source_end"),
            "via": " > ".join(h.name for h in view.via),
            "cue": view.cue,
            "cue_start": node.get("cue_start"),
            "cue_end": node.get("cue_end"),
            "claim_id": "; ".join(c.partition(":")[2] for c in claims),
            "claim": node.get("content_text") or "; ".join(display_name(G, c) for c in claims),
            "content_start": node.get("content_start"),
            "content_end": node.get("content_end"),
            "sentence": view.sentence,
            "sentence_start": view.sentence_start,
            "sentence_end": view.sentence_end,
        }


def attribution_table(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row (:data:`CSV_COLUMNS`) per attribution, by publication date then position."""
    views = sorted(
        attribution_views(G),
        key=lambda v: (
            v.published is None,
            str(v.published or ""),
            str(v.article),
            v.sentence_start if v.sentence_start is not None else -1,
            v.key,
        ),
    )
    return list(_rows(G, views))


def export_graph(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """``G`` in format ``fmt`` (one of :data:`FORMATS`), as UTF-8 bytes."""
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(scalar_graph(G))).encode("utf-8")
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(scalar_graph(G, gexf=True))).encode("utf-8")
    if fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n").encode()
    if fmt == "csv":
        return csv_text(attribution_table(G), CSV_COLUMNS).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_export(G: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write ``G`` in format ``fmt`` to ``path`` and return the path."""
    path = Path(path)
    data = export_graph(G, fmt)
    try:
        path.write_bytes(data)
    except OSError as e:
        raise SourcetraceError(f"{path}: cannot write the {fmt} export: {e}") from e
    return path


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "attribution_table",
    "export_graph",
    "scalar_graph",
    "write_export",
]
