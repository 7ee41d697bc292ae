"""Tracing a claim back through its chains."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import find_claims, trace
from graph.analysis._testing import GraphBuilder
from graph.errors import NotFoundError


@pytest.fixture
def relayed() -> GraphBuilder:
    b = GraphBuilder()
    wire, ortiz = b.outlet("Meridian Wire"), b.person("Lena Ortiz", roles=("mayor",))
    courier = b.article("c1", outlet="Coastline Courier", published="2031-05-04")
    ledger = b.article("l1", outlet="The Harbor Ledger", published="2031-05-03")
    original = b.article("w1", outlet="Meridian Wire", published="2031-05-01")
    undated = b.article("u1", outlet="Valen Daily")
    b.G.nodes[courier]["text"] = "Boats idled at the quay."  # the chain's sentence comes second
    b.attribute(
        courier,
        "The ferry stops in June.",
        via=[b.outlet("The Harbor Ledger"), wire],
        origin=ortiz,
        sentence="The Harbor Ledger reported the Meridian Wire as saying Lena Ortiz said so.",
    )
    b.attribute(ledger, "The ferry stops in June.", via=[wire], origin=ortiz)
    b.attribute(original, "The ferry stops in June.", origin=ortiz)
    b.attribute(undated, "The ferry stops in June.", origin=None)
    b.attribute(original, "Tolls rise.", origin=ortiz)
    return b


def test_chains_are_ordered_by_publication_with_undated_last(relayed: GraphBuilder) -> None:
    chains = trace(relayed.G, "ferry stops")
    assert [c.published for c in chains] == ["2031-05-01", "2031-05-03", "2031-05-04", None]


def test_nested_chain_keeps_every_intermediary_in_order(relayed: GraphBuilder) -> None:
    chain = trace(relayed.G, "ferry stops")[2]
    assert chain.path() == ["Coastline Courier", "The Harbor Ledger", "Meridian Wire", "Lena Ortiz"]
    assert chain.origin is not None and chain.origin.roles == ("mayor",)


def test_each_hop_points_into_the_evidence_sentence(relayed: GraphBuilder) -> None:
    chain = trace(relayed.G, "ferry stops")[2]
    assert chain.sentence_start is not None and chain.sentence_start > 0
    text = relayed.G.nodes[chain.article]["text"]
    assert text[chain.sentence_start : chain.sentence_end] == chain.sentence
    for hop in chain.hops:
        assert hop.start is not None and hop.end is not None
        assert text[hop.start : hop.end] == hop.text


def test_unspecified_origin_is_shown_as_such(relayed: GraphBuilder) -> None:
    chain = trace(relayed.G, "ferry stops")[-1]
    assert chain.origin is None
    assert chain.path() == ["Valen Daily", "(unspecified)"]


def test_trace_by_id_matches_only_that_claim(relayed: GraphBuilder) -> None:
    [key] = find_claims(relayed.G, "tolls-rise")
    assert [c.claim for c in trace(relayed.G, key)] == ["Claim:tolls-rise"]


def test_trace_follows_similar_claims_unless_told_not_to() -> None:
    b = GraphBuilder()
    x, y = b.claim("Ferry service ends in June."), b.claim("Ferry service will end in June.")
    b.similar(y, x, 0.75)
    b.attribute(b.article("a1", outlet="Meridian Wire"), x, origin=b.person("Ana Ruiz"))
    b.attribute(b.article("a2", outlet="Valen Daily"), y, origin=b.person("Ana Ruiz"))
    assert len(trace(b.G, "ends in June")) == 2
    assert len(trace(b.G, "ends in June", similar=False)) == 1


@pytest.mark.parametrize("query", ["no such claim", "", "Claim:"])
def test_unknown_claim_raises_not_found(relayed: GraphBuilder, query: str) -> None:
    with pytest.raises(NotFoundError):
        trace(relayed.G, query)


def test_empty_graph_raises_not_found() -> None:
    with pytest.raises(NotFoundError, match="ferry"):
        trace(nx.MultiDiGraph(), "ferry")
