"""Claim groups and the attribution view the analyses share."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import claim_groups
from graph.analysis._testing import GraphBuilder
from graph.chains import attribution_views


def test_groups_are_transitive_over_similar_links() -> None:
    b = GraphBuilder()
    x, y, z = (b.claim(t) for t in ("Ferry ends.", "The ferry ends.", "Ferry will end."))
    b.similar(y, x, 0.9)
    b.similar(z, y, 0.75)
    assert claim_groups(b.G) == [sorted((x, y, z))]
    assert claim_groups(b.G, similarity=0.8) == sorted([sorted((x, y)), [z]])


def test_links_below_the_default_threshold_do_not_join() -> None:
    b = GraphBuilder()
    x, y = b.claim("Ferry ends."), b.claim("Ferry prices rise.")
    b.similar(y, x, 0.55)
    assert len(claim_groups(b.G)) == 2
    assert len(claim_groups(b.G, similarity=0.5)) == 1


def test_empty_graph_has_no_groups_or_views() -> None:
    assert claim_groups(nx.MultiDiGraph()) == []
    assert attribution_views(nx.MultiDiGraph()) == []


def test_view_orders_via_by_position_not_insertion() -> None:
    b = GraphBuilder()
    art = b.article("a1", outlet="Valen Daily")
    key = b.attribute(art, "Rates rise.", via=[b.outlet("Meridian Wire")], origin=None)
    b.G.remove_edge(key, "Outlet:meridian-wire", key="VIA")
    b.G.add_edge(key, "Source:ana", key="VIA", position=1, text="Ana")
    b.G.add_node("Source:ana", label="Source", name="Ana", type="person")
    b.G.add_edge(key, "Outlet:meridian-wire", key="VIA", position=0, text="Meridian Wire")
    [view] = attribution_views(b.G)
    assert [h.name for h in view.via] == ["Meridian Wire", "Ana"]
    origin = view.effective_origin()
    assert origin is not None and origin.name == "Ana"


def test_publisher_falls_back_to_the_outlet_property() -> None:
    b = GraphBuilder()
    b.G.add_node("Article:x", label="Article", id="x", outlet="The Harbor Ledger")
    b.G.add_node("Attribution:x-1", label="Attribution", article_id="x", kind="statement")
    [view] = attribution_views(b.G)
    assert view.article == "Article:x"
    assert view.outlet == "Outlet:the-harbor-ledger"


@pytest.mark.parametrize(
    ("name", "type_", "outlet"),
    [
        ("Meridian Wire", "organization", "Outlet:meridian-wire"),
        ("the Meridian Wire", "organization", "Outlet:meridian-wire"),
        ("Meridian Wire", "outlet", "Outlet:meridian-wire"),
        ("Northgate Herald", "outlet", "Source:northgate-herald"),
        ("Northgate Herald", "organization", None),
        ("Meridian Wire", "person", None),
    ],
)
def test_source_named_like_a_publishing_outlet_is_that_outlet(
    name: str, type_: str, outlet: str | None
) -> None:
    b = GraphBuilder()
    b.article("w1", outlet="Meridian Wire")
    art = b.article("a1", outlet="Valen Daily")
    b.attribute(art, "Rates rise.", origin=b.source(name, type_=type_))
    [view] = [v for v in attribution_views(b.G) if v.article == art]
    assert view.origin is not None and view.origin.outlet == outlet
