"""Source diversity per article and outlet, and the most-cited sources."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import is_official, source_diversity
from graph.analysis._testing import GraphBuilder
from graph.chains import Hop


def test_empty_graph_has_empty_diversity() -> None:
    d = source_diversity(nx.MultiDiGraph())
    assert d.articles == () and d.outlets == () and d.top_sources == ()


def test_article_without_attributions_has_zero_shares() -> None:
    b = GraphBuilder()
    b.article("a1", outlet="Valen Daily")
    [m] = source_diversity(b.G).articles
    assert (m.attributions, m.sources, m.share_anonymous) == (0, 0, 0.0)


def _two_articles() -> GraphBuilder:
    b = GraphBuilder()
    ortiz = b.person("Lena Ortiz", roles=("mayor",))
    a1 = b.article("a1", outlet="The Harbor Ledger")
    b.attribute(a1, "Port shut.", origin=ortiz)
    b.attribute(a1, "Ships wait.", origin=b.anonymous("two port officials", article=a1))
    b.attribute(a1, "Declined.", origin=b.organization("Salt Company"), kind="refusal")
    b.attribute(a1, "Fish prices climb.", origin=b.person("Mara Quill", roles=("fishmonger",)))
    a2 = b.article("a2", outlet="The Harbor Ledger")
    b.attribute(a2, "Port shut.", origin=ortiz)
    b.attribute(a2, "Quiet streets.", origin=None)
    return b


def test_article_shares_are_over_attributions() -> None:
    by_id = {m.key: m for m in source_diversity(_two_articles().G).articles}
    m = by_id["Article:a1"]
    assert (m.attributions, m.sources, m.anonymous, m.official, m.refusals) == (4, 4, 1, 2, 1)
    assert (m.share_anonymous, m.share_official, m.share_refusals) == (0.25, 0.5, 0.25)
    assert by_id["Article:a2"].sources == 1


def test_outlet_mix_counts_a_repeated_source_once() -> None:
    [m] = source_diversity(_two_articles().G).outlets
    assert (m.name, m.attributions, m.sources) == ("The Harbor Ledger", 6, 4)


def test_top_sources_rank_by_citations_and_skip_anonymous() -> None:
    top = source_diversity(_two_articles().G, top=2).top_sources
    assert [s.name for s in top] == ["Lena Ortiz", "Mara Quill"]
    assert (top[0].attributions, top[0].articles, top[0].outlets) == (2, 2, 1)
    assert top[0].roles == ("mayor",) and top[0].official


@pytest.mark.parametrize(
    ("name", "type_", "roles", "official"),
    [
        ("Lena Ortiz", "person", ("mayor of Port Verity",), True),
        ("Ministry of Ports", "organization", (), True),
        ("two senior officials", "anonymous", (), True),
        ("a police spokeswoman", "anonymous", (), True),
        ("Mara Quill", "person", ("fishmonger",), False),
        ("a dock worker", "anonymous", (), False),
        ("Salt Company", "organization", (), False),
        ("Meridian Wire", "outlet", (), False),
    ],
)
def test_official_sources_are_read_from_roles_and_descriptors(
    name: str, type_: str, roles: tuple[str, ...], official: bool
) -> None:
    hop = Hop(key=f"Source:{name}", label="Source", name=name, type=type_, roles=roles)
    assert is_official(hop) is official
