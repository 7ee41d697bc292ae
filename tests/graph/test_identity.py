"""Who is who across articles (graph.identity), through build_graph on hand-built articles.

Fictional people; each article is built from sentences written for the test.
"""

from __future__ import annotations

import itertools

import networkx as nx

from graph.build import build_graph
from graph.model import Article, Attribution, SourceType
from tests.graph.factory import ORG, P, attribution

Item = tuple[Article, list[Attribution]]


def _article(id_: str, text: str, *specs: tuple[str, SourceType, str, str]) -> Item:
    art = Article.create(text=text, url=f"https://example.org/{id_}", outlet="Daily Quill")
    atts = [
        attribution(art, cue=cue, content=content, source=(written, kind))
        for written, kind, cue, content in specs
    ]
    return art, atts


def _source_of(G: nx.MultiDiGraph, article_url: str, written: str) -> str:
    for key, data in G.nodes(data=True):
        if data.get("label") == "Attribution" and data.get("source_text") == written:
            art = next(u for u, _, t in G.in_edges(key, keys=True) if t == "CONTAINS")
            if G.nodes[art].get("url") == article_url:
                return str(next(v for _, v, t in G.out_edges(key, keys=True) if t != "ASSERTS"))
    raise AssertionError(f"no attribution {written!r} in {article_url}")


VELLS = [
    _article(
        "a1",
        "President Peter Vell said the treaty would hold. He said talks go on.",
        ("President Peter Vell", P, "said", "the treaty would hold"),
    ),
    _article(
        "a2",
        "First lady Ana Vell said the garden would open in June.",
        ("First lady Ana Vell", P, "said", "the garden would open in June"),
    ),
    _article(
        "a3",
        "Mr. Vell said the border stays shut. Mrs. Vell said the school fund grows.",
        ("Mr. Vell", P, "said", "the border stays shut"),
        ("Mrs. Vell", P, "said", "the school fund grows"),
    ),
    _article(
        "a4",
        "President Vell said the army would stay home.",
        ("President Vell", P, "said", "the army would stay home"),
    ),
]


def test_mr_goes_to_the_man_and_mrs_to_the_woman_of_that_surname() -> None:
    G = build_graph(VELLS)
    assert _source_of(G, "https://example.org/a3", "Mr. Vell") == "Source:person-peter-vell"
    assert _source_of(G, "https://example.org/a3", "Mrs. Vell") == "Source:person-ana-vell"


def test_a_titled_surname_goes_to_the_one_holding_that_office() -> None:
    G = build_graph(VELLS)
    assert _source_of(G, "https://example.org/a4", "President Vell") == "Source:person-peter-vell"


def test_two_first_names_under_one_surname_are_never_merged() -> None:
    G = build_graph(VELLS)
    assert "Source:person-peter-vell" in G and "Source:person-ana-vell" in G


def test_a_bare_surname_with_nothing_to_decide_stays_apart() -> None:
    plain = _article(
        "a5", "Vell said the plan was sound.", ("Vell", P, "said", "the plan was sound")
    )
    G = build_graph([*VELLS[:2], plain])
    assert _source_of(G, "https://example.org/a5", "Vell") == "Source:person-vell"


def test_a_name_typed_organisation_becomes_the_person_the_collection_knows() -> None:
    person = _article(
        "b1",
        "Senator Tilda Marsh said the bill would pass. Marsh said more votes came.",
        ("Senator Tilda Marsh", P, "said", "the bill would pass"),
        ("Marsh", P, "said", "more votes came"),
    )
    org = _article(
        "b2", "Marsh said the vote was fair.", ("Marsh", ORG, "said", "the vote was fair")
    )
    G = build_graph([person, org])
    assert _source_of(G, "https://example.org/b2", "Marsh") == "Source:person-tilda-marsh"
    assert "Source:org-marsh" not in G


def test_an_organisation_that_outweighs_a_namesake_stays_an_organisation() -> None:
    person = _article(
        "c1", "Jon Acme said it rained all day.", ("Jon Acme", P, "said", "it rained all day")
    )
    org = _article(
        "c2",
        "Acme said sales rose. Acme said costs fell.",
        ("Acme", ORG, "said", "sales rose"),
        ("Acme", ORG, "said", "costs fell"),
    )
    G = build_graph([person, org])
    assert _source_of(G, "https://example.org/c2", "Acme") == "Source:org-acme"


def test_the_graph_is_the_same_in_any_order_of_articles() -> None:
    def snapshot(G: nx.MultiDiGraph) -> tuple[object, object]:
        nodes = sorted(
            (k, sorted((p, str(v)) for p, v in d.items() if p != "group"))
            for k, d in G.nodes(data=True)
        )
        edges = sorted((u, k, v) for u, v, k in G.edges(keys=True) if k != "SIMILAR_TO")
        return nodes, edges

    shots = {str(snapshot(build_graph(list(order)))) for order in itertools.permutations(VELLS)}
    assert len(shots) == 1


def test_an_organisations_roles_do_not_depend_on_article_order() -> None:
    def article(id_: str, text: str, written: str, role: str) -> Item:
        art = Article.create(text=text, url=f"https://example.org/{id_}", outlet="Daily Quill")
        att = attribution(
            art, cue="said", content="costs rose", source=(written, ORG, "Harbour Foods"), role=role
        )
        return art, [att]

    items = [
        article(
            "r1", "The bar's maker, Harbour Foods, said costs rose.", "Harbour Foods", "bar's maker"
        ),
        article("r2", "The owner, Harbour Foods, said costs rose.", "Harbour Foods", "owner"),
    ]
    roles = {
        tuple(build_graph(list(order)).nodes["Source:org-harbour-foods"]["roles"])
        for order in itertools.permutations(items)
    }
    assert roles == {("bar's maker", "owner")}
