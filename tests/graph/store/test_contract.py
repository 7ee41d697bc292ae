"""The GraphStore contract, run against both stores."""

from __future__ import annotations

import dataclasses

import networkx as nx
import pytest

from graph import schema
from graph.claims import claim_id
from graph.errors import NotFoundError
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from graph.store.neo4j_store import Neo4jStore
from tests.graph.factory import A, attribution, harbour_articles, nested_article


def _load_all(store: GraphStore) -> None:
    store.write_articles([*harbour_articles(), nested_article()])


def test_write_then_read_round_trips_article_and_evidence(store: GraphStore) -> None:
    article, attributions = nested_article()
    result = store.write_article(article, attributions)
    assert (result.status, result.attributions) == ("added", 2)
    node = store.node(f"Article:{article.id}")
    assert node is not None
    assert node["label"] == "Article" and node["text"] == article.text
    assert node["outlet"] == "Reuters" and node["content_hash"] == article.content_hash
    stored = store.attributions(article_id=article.id)
    first = attributions[0]
    assert [a["id"] for a in stored] == [first.id, attributions[1].id]
    assert stored[0]["sentence"] == first.sentence.text
    assert (stored[0]["cue"], stored[0]["cue_start"]) == (first.cue.text, first.cue.start)
    assert first.content is not None
    assert stored[0]["content_text"] == first.content.text
    assert stored[0]["source_text"] == "two engineers"
    assert store.has_article(article.id)
    assert store.has_article(article.id, article.content_hash)
    assert not store.has_article(article.id, "other-hash")
    assert not store.has_article("missing")


def test_counts_report_every_label_and_type(store: GraphStore) -> None:
    _load_all(store)
    counts = store.counts()
    assert set(counts["nodes"]) == set(schema.LABELS)
    assert set(counts["relationships"]) == set(schema.REL_TYPES)
    # 3 articles; NYT, Daily Quill, Reuters, Coastal Ledger as outlets
    assert counts["nodes"]["Article"] == 3
    assert counts["nodes"]["Outlet"] == 4
    assert counts["nodes"]["Attribution"] == 7
    assert counts["relationships"]["CONTAINS"] == 7
    assert counts["relationships"]["PUBLISHED_BY"] == 3
    assert counts["relationships"]["VIA"] == 1


def test_loading_the_same_article_twice_changes_nothing(store: GraphStore) -> None:
    _load_all(store)
    before = store.counts()
    results = store.write_articles([*harbour_articles(), nested_article()])
    assert [r.status for r in results] == ["unchanged"] * 3
    assert [r.attributions for r in results] == [3, 2, 2]
    assert store.counts() == before


def test_changed_article_replaces_its_attributions(store: GraphStore) -> None:
    _load_all(store)
    article, _ = nested_article()
    text = article.text.replace("never inspected", "rarely inspected")
    changed = dataclasses.replace(article, text=text)
    new = [
        attribution(
            changed,
            cue="saying",
            content="the seawall was rarely inspected",
            source=("two engineers", A),
        )
    ]
    assert store.write_article(changed, new).status == "replaced"
    stored = store.attributions(article_id=article.id)
    assert [a["content_text"] for a in stored] == ["the seawall was rarely inspected"]
    assert store.node(f"Claim:{claim_id('the seawall was never inspected')}") is None
    assert store.node(f"Claim:{claim_id('the seawall was rarely inspected')}") is not None
    counts = store.counts()
    assert counts["nodes"]["Attribution"] == 6
    assert counts["relationships"]["VIA"] == 0
    node = store.node(f"Article:{article.id}")
    assert node is not None and node["text"] == text


def test_same_outlet_under_two_names_is_one_node(store: GraphStore) -> None:
    _load_all(store)
    nyt = store.node("Outlet:the-new-york-times")
    assert nyt is not None and nyt["name"] == "The New York Times"
    # the article published by "NYT" and the attribution to "New York Times"
    G = store.neighbourhood("Outlet:the-new-york-times", depth=1)
    assert {k for _, _, k in G.in_edges("Outlet:the-new-york-times", keys=True)} == {
        "PUBLISHED_BY",
        "ATTRIBUTED_TO",
    }


def _cited(G: nx.MultiDiGraph, key: str) -> set[str]:
    """The article ids of the attributions to ``key`` in the graph the analyses read."""
    return {
        str(G.nodes[u]["article_id"])
        for u, _, t in G.in_edges(key, keys=True)
        if t == "ATTRIBUTED_TO"
    }


def test_surname_mention_in_later_article_joins_the_full_name(store: GraphStore) -> None:
    _load_all(store)
    G = store.to_networkx()
    assert G.nodes["Source:person-lina-ostrova"]["roles"] == ["Mayor"]
    assert "Source:person-ostrova" not in G
    assert len(_cited(G, "Source:person-lina-ostrova")) == 2


def test_same_claim_from_two_outlets_is_one_claim_or_linked(store: GraphStore) -> None:
    _load_all(store)
    G = store.to_networkx(labels=["Claim"])
    harbour = claim_id("the northern harbour will close for six weeks of repairs")
    assert harbour in {k.split(":", 1)[1] for k in G}  # same words, other case: one claim
    sue = [k for k, d in G.nodes(data=True) if "ferry companies" in d["text"]]
    assert len(sue) == 2
    assert G.has_edge(sue[1], sue[0]) or G.has_edge(sue[0], sue[1])
    assert G.nodes[sue[0]]["group"] == G.nodes[sue[1]]["group"]


def test_chains_lead_from_article_through_intermediaries_to_claim(store: GraphStore) -> None:
    _load_all(store)
    article, _ = nested_article()
    cid = claim_id("the seawall was never inspected")
    chains = store.chains(cid)
    assert chains == [
        [
            f"Article:{article.id}",
            "Outlet:coastal-ledger",
            f"Source:anon-{article.id}-engineers",
            f"Claim:{cid}",
        ]
    ]
    harbour = claim_id("the northern harbour will close for six weeks of repairs")
    assert len(store.chains(harbour)) == 2
    with pytest.raises(NotFoundError):
        store.chains("no-such-claim")


def test_attributions_filter_by_article_outlet_and_source(store: GraphStore) -> None:
    _load_all(store)
    (a1, _), (a2, _) = harbour_articles()
    assert len(store.attributions()) == 7
    assert len(store.attributions(article_id=a1.id)) == 3
    assert {a["article_id"] for a in store.attributions(outlet="New York Times")} == {a1.id}
    assert len(store.attributions(outlet="the-new-york-times")) == 3
    ledger = store.attributions(source_id="Outlet:coastal-ledger")
    assert len(ledger) == 2
    assert len(store.attributions(source_id="coastal-ledger", article_id=a2.id)) == 1
    assert store.attributions(outlet="Unknown Gazette") == []


def test_neighbourhood_respects_depth_and_node_cap(store: GraphStore) -> None:
    _load_all(store)
    article, attributions = nested_article()
    key = f"Article:{article.id}"
    one = store.neighbourhood(key, depth=1)
    assert set(one) == {key, "Outlet:reuters", *(f"Attribution:{a.id}" for a in attributions)}
    assert isinstance(one, nx.MultiDiGraph)
    assert one.nodes[key]["label"] == "Article"
    two = store.neighbourhood(key, depth=2)
    assert "Outlet:coastal-ledger" in two and "Outlet:the-new-york-times" in two
    assert len(two) > len(one)
    capped = store.neighbourhood(key, depth=3, limit=4)
    assert len(capped) == 4 and key in capped
    with pytest.raises(NotFoundError):
        store.neighbourhood("Article:missing")


def test_search_finds_names_titles_and_text_case_insensitively(store: GraphStore) -> None:
    _load_all(store)
    (a1, _), _ = harbour_articles()
    assert "Source:person-lina-ostrova" in store.search("OSTROVA")
    assert store.search("harbour shuts", labels=["Article"]) == [f"Article:{a1.id}"]
    assert store.search("seawall", labels=["Source", "Outlet"]) == []
    assert len(store.search("the", limit=3)) == 3


def test_search_ranks_people_first_then_by_match_and_citations(store: GraphStore) -> None:
    _load_all(store)
    hits = store.search_hits("ostrova")
    by_key = {h.key: h for h in hits}
    full = by_key["Source:person-lina-ostrova"]
    assert (full.match, full.type, full.cited) == ("word", "person", 1)
    labels = [h.label for h in hits]
    assert labels[:2] == ["Source", "Source"] and labels.index("Article") == 2
    # The same query gives the same hits, in the same order, as the key-only search.
    assert [h.key for h in hits] == store.search("ostrova")
    assert store.search_hits("lina ostrova")[0].key == "Source:person-lina-ostrova"
    exact = store.search_hits("coastal ledger")
    assert exact[0].key == "Outlet:coastal-ledger" and exact[0].match == "exact"
    assert store.search_hits("   ") == []


def test_version_changes_on_every_write_that_changes_the_store(store: GraphStore) -> None:
    before = store.version()
    assert store.version() == before
    _load_all(store)
    loaded = store.version()
    assert loaded != before
    store.write_articles([nested_article()])  # unchanged: nothing written
    article, _ = nested_article()
    changed = dataclasses.replace(article, text=article.text.replace("never", "rarely"))
    store.write_article(changed, [])
    assert store.version() != loaded


def test_to_networkx_returns_schema_graph_filtered_by_labels(store: GraphStore) -> None:
    _load_all(store)
    G = store.to_networkx()
    counts = store.counts()
    # stored as written; read with people resolved across articles ("Ostrova" joins
    # "Lina Ostrova"), so the graph read has no more nodes than stored, and every edge
    assert G.number_of_nodes() <= sum(counts["nodes"].values())
    assert G.number_of_edges() == sum(counts["relationships"].values())
    for _, _, key in G.edges(keys=True):
        assert key in schema.REL_TYPES
    sub = store.to_networkx(labels=["Article", "Outlet"])
    assert {d["label"] for _, d in sub.nodes(data=True)} == {"Article", "Outlet"}
    assert {k for _, _, k in sub.edges(keys=True)} == {"PUBLISHED_BY"}


def test_full_name_stored_later_claims_the_surname_only_mentions(store: GraphStore) -> None:
    (a1, ats1), (a2, ats2) = harbour_articles()
    store.write_article(a2, ats2)  # only "Ostrova" here
    assert "Source:person-ostrova" in store.to_networkx()
    store.write_article(a1, ats1)  # "Mayor Lina Ostrova"
    G = store.to_networkx()
    assert "Source:person-ostrova" not in G
    assert G.nodes["Source:person-lina-ostrova"]["roles"] == ["Mayor"]
    assert _cited(G, "Source:person-lina-ostrova") == {a1.id, a2.id}
    before = store.counts()
    store.write_articles([(a2, ats2), (a1, ats1)])
    assert store.counts() == before


def test_claims_and_people_from_an_earlier_session_are_matched(
    store: GraphStore, request: pytest.FixtureRequest
) -> None:
    (a1, ats1), (a2, ats2) = harbour_articles()
    store.write_article(a1, ats1)
    # a second store object on the same data knows only what is stored
    if isinstance(store, EmbeddedStore):
        other: GraphStore = EmbeddedStore(store.path)
    else:
        server = request.getfixturevalue("bolt_server")
        other = Neo4jStore(
            server.uri, user=server.user, password=server.password, database=server.database
        )
    try:
        other.write_article(a2, ats2)
        counts = other.counts()
        assert counts["relationships"]["SIMILAR_TO"] == 1
        assert "Source:person-ostrova" not in other.to_networkx()
    finally:
        other.close()


def test_neighbourhood_is_the_induced_subgraph_of_the_nodes_reached(store: GraphStore) -> None:
    _load_all(store)
    full = store.to_networkx()
    for key in ("Outlet:coastal-ledger", "Source:person-lina-ostrova", "Outlet:reuters"):
        for depth, limit in ((1, 500), (2, 500), (3, 6)):
            G = store.neighbourhood(key, depth=depth, limit=limit)
            expected = full.subgraph(G.nodes)
            assert set(G.edges(keys=True)) == set(expected.edges(keys=True)), (key, depth)
            for node in G:
                assert nx.shortest_path_length(full.to_undirected(), key, node) <= depth
