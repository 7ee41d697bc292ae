"""Exports: GraphML, GEXF, node-link JSON and CSV read back with real readers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from graph.analysis._testing import GraphBuilder
from graph.errors import SourcetraceError
from graph.export import CSV_COLUMNS, FORMATS, export_graph, write_export


@pytest.fixture
def G() -> nx.MultiDiGraph:
    b = GraphBuilder()
    wire = b.outlet("Meridian Wire")
    ortiz = b.person("Lena Ortiz", roles=("mayor", "harbour board chair"))
    late = b.article(
        "l1", outlet="The Harbor Ledger", published="2031-05-03", url="https://x.test/1"
    )
    early = b.article("w1", outlet="Meridian Wire", published="2031-05-01")
    b.attribute(
        late,
        "The ferry stops, she said.",
        via=[wire],
        origin=ortiz,
        sentence="The Meridian Wire quoted Lena Ortiz, who said the ferry stops.",
    )
    b.attribute(early, "The ferry stops, she said.", origin=ortiz)
    b.attribute(early, "No comment.", origin=b.organization("Salt Company"), kind="refusal")
    b.similar("Claim:no-comment", "Claim:the-ferry-stops-she-said", 0.5)
    return b.G


def test_graphml_round_trips_every_node_and_edge(G: nx.MultiDiGraph) -> None:
    H = nx.read_graphml(io.BytesIO(export_graph(G, "graphml")), force_multigraph=True)
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["Source:lena-ortiz"]["roles"] == "mayor; harbour board chair"
    rels = sorted(d["relationship"] for _, _, d in H.edges(data=True))
    assert rels == sorted(k for _, _, k in G.edges(keys=True))


def test_graphml_edge_ids_are_unique(G: nx.MultiDiGraph) -> None:
    text = export_graph(G, "graphml").decode()
    ids = [line.split('id="')[1].split('"')[0] for line in text.splitlines() if "<edge " in line]
    assert len(ids) == len(set(ids)) == G.number_of_edges()


def test_gexf_uses_readable_labels_and_keeps_node_keys(G: nx.MultiDiGraph) -> None:
    H = nx.read_gexf(io.BytesIO(export_graph(G, "gexf")))
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["Outlet:meridian-wire"]["label"] == "Meridian Wire"
    assert H.nodes["Outlet:meridian-wire"]["node_type"] == "Outlet"
    via = [d for _, _, d in H.edges(data=True) if d.get("relationship") == "VIA"]
    assert via and "span_start" in via[0] and "start" not in via[0]


def test_gexf_attribute_values_are_all_scalars(G: nx.MultiDiGraph) -> None:
    text = export_graph(G, "gexf").decode()
    assert "[" not in "".join(line for line in text.splitlines() if "attvalue" in line)


def test_json_is_node_link_data_that_networkx_reads_back(G: nx.MultiDiGraph) -> None:
    data = json.loads(export_graph(G, "json"))
    H = nx.node_link_graph(data, edges="edges")
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["Source:lena-ortiz"]["roles"] == ["mayor", "harbour board chair"]


def test_csv_has_one_row_per_attribution_with_evidence(G: nx.MultiDiGraph) -> None:
    rows = list(csv.DictReader(io.StringIO(export_graph(G, "csv").decode())))
    assert len(rows) == 3
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert [r["published"] for r in rows] == ["2031-05-01", "2031-05-01", "2031-05-03"]
    relayed = rows[-1]
    assert relayed["via"] == "Meridian Wire"
    assert relayed["source"] == "Lena Ortiz"
    assert relayed["outlet"] == "The Harbor Ledger"
    assert relayed["article_url"] == "https://x.test/1"
    base = int(relayed["sentence_start"])
    start, end = int(relayed["source_start"]) - base, int(relayed["source_end"]) - base
    assert relayed["sentence"][start:end] == relayed["source_text"] == "Lena Ortiz"
    assert {r["kind"] for r in rows} == {"statement", "refusal"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_graph_exports_in_every_format(fmt: str) -> None:
    assert export_graph(nx.MultiDiGraph(), fmt)


def test_csv_of_empty_graph_is_the_header_only() -> None:
    assert export_graph(nx.MultiDiGraph(), "csv").decode() == ",".join(CSV_COLUMNS) + "\r\n"


def test_unknown_format_is_refused(G: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="dot"):
        export_graph(G, "dot")


def test_write_export_writes_the_file(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = write_export(G, "gexf", tmp_path / "g.gexf")
    assert nx.read_gexf(path).number_of_nodes() == G.number_of_nodes()


def test_write_export_names_the_unwritable_path(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "g.csv"
    with pytest.raises(SourcetraceError, match="missing"):
        write_export(G, "csv", target)
