"""Attributions -> graph rows -> networkx, following graph.schema."""

from __future__ import annotations

from graph import schema
from graph.build import GraphBuilder, build_graph
from graph.claims import claim_id
from graph.model import Article
from tests.graph.factory import ORG, P, attribution, harbour_articles, nested_article


def test_every_node_and_edge_follows_the_schema() -> None:
    G = build_graph([*harbour_articles(), nested_article()])
    for key, data in G.nodes(data=True):
        label, id_ = schema.split_key(key)
        assert data["label"] == label and data["id"] == id_
    for u, v, key in G.edges(keys=True):
        assert key in schema.REL_TYPES
        assert (schema.split_key(u)[0], schema.split_key(v)[0]) in {
            ("Article", "Outlet"),
            ("Article", "Attribution"),
            ("Attribution", "Outlet"),
            ("Attribution", "Source"),
            ("Attribution", "Claim"),
            ("Claim", "Claim"),
        }


def test_attribution_node_carries_its_evidence() -> None:
    article, attributions = nested_article()
    G = build_graph([(article, attributions)])
    a = attributions[0]
    node = G.nodes[f"Attribution:{a.id}"]
    assert node["article_id"] == article.id
    assert node["sentence"] == a.sentence.text
    assert (node["sentence_start"], node["sentence_end"]) == (a.sentence.start, a.sentence.end)
    assert article.text[node["cue_start"] : node["cue_end"]] == node["cue"] == "saying"
    assert article.text[node["source_start"] : node["source_end"]] == "two engineers"
    assert node["content_text"] == "the seawall was never inspected"
    assert node["kind"] == "statement" and node["hedged"] is False


def test_via_edges_record_position_and_span() -> None:
    article, attributions = nested_article()
    G = build_graph([(article, attributions)])
    edge = G.edges[f"Attribution:{attributions[0].id}", "Outlet:coastal-ledger", "VIA"]
    assert edge["position"] == 0 and edge["text"] == "The Coastal Ledger"
    assert article.text[edge["start"] : edge["end"]] == "The Coastal Ledger"


def test_article_node_keeps_text_and_publishing_outlet() -> None:
    article, attributions = nested_article()
    G = build_graph([(article, attributions)])
    node = G.nodes[f"Article:{article.id}"]
    assert node["text"] == article.text and node["content_hash"] == article.content_hash
    assert G.has_edge(f"Article:{article.id}", "Outlet:reuters", "PUBLISHED_BY")


def test_outlet_comes_from_the_url_when_the_article_names_none() -> None:
    article = Article.create(text="Nothing was said.", url="https://www.theguardian.com/x")
    G = build_graph([(article, [])])
    assert G.has_edge(f"Article:{article.id}", "Outlet:the-guardian", "PUBLISHED_BY")


def test_roles_of_one_person_are_collected_across_articles() -> None:
    texts = [
        "Mayor Lina Ostrova said the pier is safe.",
        "Lina Ostrova, the harbour chief, said so.",
    ]
    items = []
    for i, text in enumerate(texts):
        article = Article.create(text=text, url=f"https://example.org/{i}")
        role = "Mayor" if i == 0 else "harbour chief"
        items.append(
            (
                article,
                [
                    attribution(
                        article,
                        cue="said",
                        content=None,
                        source=("Lina Ostrova", P),
                        role=role,
                    )
                ],
            )
        )
    G = build_graph(items)
    assert G.nodes["Source:person-lina-ostrova"]["roles"] == ["Mayor", "harbour chief"]


def test_same_claim_in_two_articles_is_one_claim_node() -> None:
    G = build_graph(harbour_articles())
    key = f"Claim:{claim_id('the northern harbour will close for six weeks of repairs')}"
    asserting = [u for u, _, k in G.in_edges(key, keys=True) if k == "ASSERTS"]
    assert len(asserting) == 2


def test_paraphrased_claim_is_linked_with_a_score() -> None:
    G = build_graph(harbour_articles())
    links = [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == "SIMILAR_TO"]
    assert len(links) == 1
    u, v, data = links[0]
    assert 0.5 <= data["score"] <= 1.0
    assert "ferry" in G.nodes[u]["text"] and "ferry" in G.nodes[v]["text"]
    assert G.nodes[u]["group"] == G.nodes[v]["group"] == v.split(":", 1)[1]


def test_organisation_source_gets_an_org_node() -> None:
    article = Article.create(
        text="The Harbour Trust said repairs begin soon.", url="https://e.org/t"
    )
    at = attribution(
        article, cue="said", content="repairs begin soon", source=("The Harbour Trust", ORG)
    )
    G = build_graph([(article, [at])])
    assert G.nodes["Source:org-harbour-trust"]["name"] == "The Harbour Trust"


def test_builder_forgets_claims_of_a_failed_write() -> None:
    builder = GraphBuilder()
    rows = builder.rows(*harbour_articles()[0])
    assert rows.new_claims and all(c in builder.claims for c in rows.new_claims)
    builder.forget(rows)
    assert not any(c in builder.claims for c in rows.new_claims)


def test_outlets_whose_names_differ_only_in_punctuation_are_two_nodes() -> None:
    pages = [
        Article.create(text="Pilots said the fog lifted.", outlet="Harbor Ledger!"),
        Article.create(text="Divers said the wreck moved.", outlet="Harbor Ledger"),
        Article.create(text="Guards said the gate shut.", outlet="the harbor  ledger"),
    ]
    G = build_graph([(a, []) for a in pages])
    outlets = {k: d["name"] for k, d in G.nodes(data=True) if d["label"] == schema.OUTLET}
    assert len(outlets) == 2 and "Harbor Ledger!" in outlets.values(), outlets
