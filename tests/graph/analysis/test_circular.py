"""Circular reporting: outlets citing each other for the same claim."""

from __future__ import annotations

import networkx as nx

from graph.analysis import circular_citations
from graph.analysis._testing import GraphBuilder

LEDGER, WIRE, COURIER = "The Harbor Ledger", "Meridian Wire", "Coastline Courier"


def test_empty_graph_has_no_cycles() -> None:
    assert circular_citations(nx.MultiDiGraph()) == []


def test_two_outlets_citing_each_other_are_a_cycle_with_no_other_support() -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=LEDGER), "The mine is flooded.", origin=b.outlet(WIRE))
    b.attribute(b.article("a2", outlet=WIRE), "The mine is flooded.", via=[b.outlet(LEDGER)])
    [c] = circular_citations(b.G)
    assert set(c.outlets) == {LEDGER, WIRE}
    assert c.cycle_only
    assert {(x.citing, x.cited) for x in c.citations} == {(LEDGER, WIRE), (WIRE, LEDGER)}
    assert all(x.sentence for x in c.citations)


def test_three_outlet_cycle_is_found_in_citation_order() -> None:
    b = GraphBuilder()
    claim = "The canal is silting up."
    b.attribute(b.article("a1", outlet=LEDGER), claim, origin=b.outlet(WIRE))
    b.attribute(b.article("a2", outlet=WIRE), claim, origin=b.outlet(COURIER))
    b.attribute(b.article("a3", outlet=COURIER), claim, origin=b.outlet(LEDGER))
    [c] = circular_citations(b.G)
    i = c.outlets.index(LEDGER)
    assert c.outlets[i:] + c.outlets[:i] == (LEDGER, WIRE, COURIER)
    assert len(c.citations) == 3


def test_cycle_with_a_named_origin_behind_it_is_not_cycle_only() -> None:
    b = GraphBuilder()
    claim = "The canal is silting up."
    b.attribute(b.article("a1", outlet=LEDGER), claim, origin=b.outlet(WIRE))
    art = b.article("a2", outlet=WIRE)
    b.attribute(art, claim, origin=b.outlet(LEDGER))
    b.attribute(art, claim, origin=b.person("Ana Ruiz"), sentence="Ana Ruiz said it too.")
    [c] = circular_citations(b.G)
    assert not c.cycle_only
    assert c.supported_by == ("Ana Ruiz",)


def test_citing_each_other_for_different_claims_is_not_circular() -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=LEDGER), "The mine is flooded.", origin=b.outlet(WIRE))
    b.attribute(b.article("a2", outlet=WIRE), "The bridge is unsafe.", origin=b.outlet(LEDGER))
    assert circular_citations(b.G) == []


def test_one_way_relay_is_not_circular() -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=WIRE), "Rates rise.", origin=b.person("Ana Ruiz"))
    b.attribute(b.article("a2", outlet=LEDGER), "Rates rise.", origin=b.outlet(WIRE))
    assert circular_citations(b.G) == []


def test_outlet_citing_itself_is_not_circular() -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=LEDGER), "Rates rise.", origin=b.outlet(LEDGER))
    assert circular_citations(b.G) == []


def test_similar_claims_close_a_cycle() -> None:
    b = GraphBuilder()
    x, y = b.claim("The mine was flooded on Friday."), b.claim("On Friday the mine flooded.")
    b.similar(y, x, 0.8)
    b.attribute(b.article("a1", outlet=LEDGER), x, origin=b.outlet(WIRE))
    b.attribute(b.article("a2", outlet=WIRE), y, origin=b.outlet(LEDGER))
    assert len(circular_citations(b.G)) == 1
    assert circular_citations(b.G, similarity=0.9) == []
