"""Outlet dependency: who cites whom, who originates and who relays."""

from __future__ import annotations

import networkx as nx

from graph.analysis import dependency_graph, outlet_dependency
from graph.analysis._testing import GraphBuilder


def test_empty_graph_has_no_outlets() -> None:
    dep = outlet_dependency(nx.MultiDiGraph())
    assert dep.citations == () and dep.outlets == ()


def _newsroom() -> GraphBuilder:
    b = GraphBuilder()
    wire = b.outlet("Meridian Wire")
    w = b.article("w1", outlet="Meridian Wire")
    b.attribute(w, "Rates rise.", origin=b.person("Ana Ruiz"))
    b.attribute(w, "Fog closes the port.", origin=b.anonymous("harbour staff", article=w))
    ledger = b.article("l1", outlet="The Harbor Ledger")
    b.attribute(ledger, "Rates rise.", origin=wire)
    b.attribute(ledger, "Fog closes the port.", via=[wire], origin=b.person("Ana Ruiz"))
    b.attribute(ledger, "Tolls rise.", origin=b.person("Tomas Vela"))
    courier = b.article("c1", outlet="Coastline Courier")
    b.attribute(courier, "Rates rise.", via=[b.outlet("The Harbor Ledger")], origin=wire)
    b.attribute(courier, "Snow.", origin=b.outlet("Northgate Herald"))
    return b


def test_citations_are_weighted_by_attributions() -> None:
    dep = outlet_dependency(_newsroom().G)
    got = {(c.citing_name, c.cited_name): (c.attributions, c.claims) for c in dep.citations}
    assert got == {
        ("The Harbor Ledger", "Meridian Wire"): (2, 2),
        ("Coastline Courier", "The Harbor Ledger"): (1, 1),
        ("Coastline Courier", "Meridian Wire"): (1, 1),
        ("Coastline Courier", "Northgate Herald"): (1, 1),
    }
    assert dep.citations[0].attributions == 2


def test_roles_tell_originators_from_relays() -> None:
    roles = {o.name: o for o in outlet_dependency(_newsroom().G).outlets}
    assert roles["Meridian Wire"].role == "originator"
    assert (roles["Meridian Wire"].originated, roles["Meridian Wire"].cited_by) == (2, 3)
    assert roles["The Harbor Ledger"].role == "relay"
    assert (roles["The Harbor Ledger"].originated, roles["The Harbor Ledger"].relayed) == (1, 2)
    assert roles["Coastline Courier"].role == "relay"
    assert roles["Northgate Herald"].role == "cited only"
    assert roles["Northgate Herald"].articles == 0


def test_most_cited_outlet_comes_first() -> None:
    assert outlet_dependency(_newsroom().G).outlets[0].name == "Meridian Wire"


def test_dependency_graph_is_a_weighted_digraph() -> None:
    D = dependency_graph(_newsroom().G)
    assert isinstance(D, nx.DiGraph)
    assert D.edges["Outlet:the-harbor-ledger", "Outlet:meridian-wire"]["weight"] == 2
    assert nx.is_directed_acyclic_graph(D)


def test_outlet_with_articles_but_no_attributions_is_listed() -> None:
    b = GraphBuilder()
    b.article("a1", outlet="Valen Daily")
    [role] = outlet_dependency(b.G).outlets
    assert (role.name, role.articles, role.attributions, role.role) == (
        "Valen Daily",
        1,
        0,
        "originator",
    )


def test_photo_credits_are_not_citations() -> None:
    b = GraphBuilder()
    art = b.article("a1", outlet="Valen Daily")
    b.attribute(art, "Boats at the quay.", origin=b.outlet("Meridian Wire"), kind="credit")
    dep = outlet_dependency(b.G)
    assert dep.citations == ()
    assert [(o.name, o.attributions) for o in dep.outlets] == [("Valen Daily", 0)]
