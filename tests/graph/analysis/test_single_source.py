"""Independence and single-source detection on hand-built graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import ORIGIN_RULE, claim_origins, independent_claims, single_source
from graph.analysis._testing import GraphBuilder

OUTLETS = ("The Harbor Ledger", "Meridian Wire", "Coastline Courier", "Valen Daily")


def test_empty_graph_has_no_findings() -> None:
    G = nx.MultiDiGraph()
    assert claim_origins(G) == []
    assert single_source(G) == []
    assert independent_claims(G) == []


def test_claim_without_attributions_is_not_reported() -> None:
    b = GraphBuilder()
    b.claim("The lighthouse will be sold.")
    assert claim_origins(b.G) == []


def test_same_person_in_three_outlets_is_single_source() -> None:
    b = GraphBuilder()
    ortiz = b.person("Lena Ortiz", roles=("mayor",))
    for i, outlet in enumerate(OUTLETS[:3]):
        b.attribute(b.article(f"a{i}", outlet=outlet), "The ferry stops in June.", origin=ortiz)
    [r] = single_source(b.G)
    assert (r.origins, len(r.outlets), r.articles) == (1, 3, 3)
    assert r.named_origins == ("Lena Ortiz",)
    assert r.amplification == 3.0


def test_two_named_people_make_a_claim_independent() -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "The dam leaks.", origin=b.person("Ana Ruiz"))
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "The dam leaks.", origin=b.person("Tomas Vela"))
    assert single_source(b.G) == []
    [r] = independent_claims(b.G)
    assert r.origins == 2
    assert r.named_origins == ("Ana Ruiz", "Tomas Vela")


def test_anonymous_officials_in_two_outlets_count_as_one_origin() -> None:
    b = GraphBuilder()
    for i, outlet in enumerate(OUTLETS[:2]):
        art = b.article(f"a{i}", outlet=outlet)
        b.attribute(art, "The port closes.", origin=b.anonymous("two port officials", article=art))
    [r] = single_source(b.G)
    assert r.origins == 1
    assert r.unidentified == 2
    assert r.named_origins == ()
    assert r.unidentified_sources == ("two port officials",)


def test_anonymous_source_does_not_add_to_a_named_origin() -> None:
    b = GraphBuilder()
    a1, a2 = b.article("a1", outlet=OUTLETS[0]), b.article("a2", outlet=OUTLETS[1])
    b.attribute(a1, "The port closes.", origin=b.person("Lena Ortiz"))
    b.attribute(a2, "The port closes.", origin=b.anonymous("a city official", article=a2))
    [r] = claim_origins(b.G)
    assert (r.verdict, r.origins, r.unidentified) == ("single-source", 1, 1)


def test_unspecified_source_counts_as_unidentified() -> None:
    b = GraphBuilder()
    for i, outlet in enumerate(OUTLETS[:2]):
        b.attribute(b.article(f"a{i}", outlet=outlet), "Tolls were raised.", origin=None)
    [r] = single_source(b.G)
    assert (r.origins, r.unidentified, r.unidentified_sources) == (1, 2, ("(unspecified)",))


def test_outlet_relaying_a_carrier_adds_no_origin() -> None:
    b = GraphBuilder()
    wire = b.outlet("Meridian Wire")
    b.attribute(b.article("w", outlet="Meridian Wire"), "Rates rise.", origin=b.person("Ana Ruiz"))
    for i, outlet in enumerate((OUTLETS[0], OUTLETS[2], OUTLETS[3])):
        b.attribute(b.article(f"r{i}", outlet=outlet), "Rates rise.", origin=wire)
    [r] = single_source(b.G)
    assert r.origins == 1
    assert r.relayed_outlets == ("Meridian Wire",)
    assert len(r.outlets) == 4


def test_outlet_outside_the_collection_hides_its_source() -> None:
    b = GraphBuilder()
    b.attribute(
        b.article("a1", outlet=OUTLETS[0]), "Rates rise.", origin=b.outlet("Northgate Herald")
    )
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "Rates rise.", origin=b.person("Ana Ruiz"))
    [r] = single_source(b.G)
    assert (r.named_origins, r.unidentified, r.origins) == (("Ana Ruiz",), 1, 1)


def test_outlet_citing_itself_hides_its_source() -> None:
    b = GraphBuilder()
    ledger = b.outlet(OUTLETS[0])
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "The mill closes.", origin=ledger)
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "The mill closes.", origin=ledger)
    [r] = single_source(b.G)
    assert (r.named_origins, r.unidentified, r.relayed_outlets) == ((), 1, (OUTLETS[0],))


@pytest.mark.parametrize(
    ("names", "origins"),
    [
        (("Lena Ortiz", "Ortiz"), 1),
        (("Lena Ortiz", "Lena M. Ortiz"), 1),
        (("Lena Ortiz", "Ortiz", "Lena Ortiz Jr"), 1),
        (("Lena Ortiz", "Rafael Ortiz", "Ortiz"), 3),
        (("Lena Ortiz", "Tomas Vela"), 2),
    ],
)
def test_surname_and_middle_initial_name_the_same_person(
    names: tuple[str, ...], origins: int
) -> None:
    b = GraphBuilder()
    for i, name in enumerate(names):
        b.attribute(
            b.article(f"a{i}", outlet=OUTLETS[i]), "The ferry stops.", origin=b.person(name)
        )
    [r] = claim_origins(b.G)
    assert r.origins == origins


def test_outlets_citing_only_each_other_have_no_origin() -> None:
    b = GraphBuilder()
    ledger, wire = b.outlet(OUTLETS[0]), b.outlet(OUTLETS[1])
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "The mine is flooded.", origin=wire)
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "The mine is flooded.", origin=ledger)
    [r] = claim_origins(b.G)
    assert (r.verdict, r.origins) == ("circular", 0)
    assert single_source(b.G) == []


def test_one_outlet_repeating_a_claim_is_not_single_source() -> None:
    b = GraphBuilder()
    ortiz = b.person("Lena Ortiz")
    for i in range(3):
        b.attribute(b.article(f"a{i}", outlet=OUTLETS[0]), "The ferry stops.", origin=ortiz)
    [r] = claim_origins(b.G)
    assert r.verdict == "single-outlet"
    assert single_source(b.G) == []


@pytest.mark.parametrize(("min_outlets", "found"), [(2, 1), (3, 1), (4, 0)])
def test_min_outlets_filters_single_source(min_outlets: int, found: int) -> None:
    b = GraphBuilder()
    ortiz = b.person("Lena Ortiz")
    for i, outlet in enumerate(OUTLETS[:3]):
        b.attribute(b.article(f"a{i}", outlet=outlet), "The ferry stops.", origin=ortiz)
    assert len(single_source(b.G, min_outlets=min_outlets)) == found


def test_similar_claims_are_counted_together() -> None:
    b = GraphBuilder()
    x = b.claim("The ferry will stop running in June.")
    y = b.claim("In June the ferry stops running.")
    b.similar(y, x, 0.8)
    ortiz = b.person("Lena Ortiz")
    b.attribute(b.article("a1", outlet=OUTLETS[0]), x, origin=ortiz)
    b.attribute(b.article("a2", outlet=OUTLETS[1]), y, origin=b.person("Tomas Vela"))
    [r] = claim_origins(b.G)
    assert r.claims == tuple(sorted((x, y)))
    assert r.verdict == "independent"
    assert len(claim_origins(b.G, similarity=0.9)) == 2


def test_results_are_ranked_by_amplification() -> None:
    b = GraphBuilder()
    ortiz, vela = b.person("Lena Ortiz"), b.person("Tomas Vela")
    for i, outlet in enumerate(OUTLETS[:2]):
        b.attribute(b.article(f"x{i}", outlet=outlet), "Claim with two outlets.", origin=ortiz)
    for i, outlet in enumerate(OUTLETS):
        b.attribute(b.article(f"y{i}", outlet=outlet), "Claim with four outlets.", origin=vela)
    assert [r.text for r in single_source(b.G)] == [
        "Claim with four outlets.",
        "Claim with two outlets.",
    ]


def test_disconnected_components_are_analysed_separately() -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "Island A.", origin=b.person("Ana Ruiz"))
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "Island B.", origin=b.person("Tomas Vela"))
    b.G.add_node("Outlet:lonely", label="Outlet", name="Lonely Gazette")
    assert sorted(r.verdict for r in claim_origins(b.G)) == ["single-outlet", "single-outlet"]


def test_article_without_outlet_counts_as_its_own_publisher() -> None:
    b = GraphBuilder()
    ortiz = b.person("Lena Ortiz")
    b.attribute(b.article("a1"), "The ferry stops.", origin=ortiz)
    b.attribute(b.article("a2"), "The ferry stops.", origin=ortiz)
    [r] = single_source(b.G)
    assert len(r.outlets) == 2


def test_rule_text_names_every_case() -> None:
    for phrase in ("anonymous", "unspecified", "relay", "itself", "circular"):
        assert phrase in ORIGIN_RULE


@pytest.mark.parametrize("kind", ["refusal", "denial", "credit"])
def test_non_statements_lend_no_support(kind: str) -> None:
    b = GraphBuilder()
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "On the ferry plan.", origin=b.person("Ana"))
    b.attribute(
        b.article("a2", outlet=OUTLETS[1]), "On the ferry plan.", origin=b.person("Ivo"), kind=kind
    )
    [r] = claim_origins(b.G)
    assert (r.verdict, r.attributions, r.outlets) == ("single-outlet", 1, (OUTLETS[0],))


def test_origins_alike_only_through_another_wording_do_not_corroborate() -> None:
    b = GraphBuilder()
    x = b.claim("The ferry will stop running in June.")
    y = b.claim("The ferry will stop running in June, the board says.")
    z = b.claim("The board says the harbour may close its ferry pier.")
    b.similar(x, y, 0.9)
    b.similar(y, z, 0.8)  # groups z with x through y; x and z are not linked
    b.attribute(b.article("a1", outlet=OUTLETS[0]), x, origin=b.person("Lena Ortiz"))
    a2 = b.article("a2", outlet=OUTLETS[1])
    b.attribute(a2, y, origin=b.anonymous("harbour officials", article=a2))
    b.attribute(b.article("a3", outlet=OUTLETS[2]), z, origin=b.person("Tomas Vela"))
    [r] = claim_origins(b.G)
    assert r.verdict == "single-source" and r.named_origins == ("Lena Ortiz",)
    b.similar(x, z, 0.8)  # now Vela's own words are alike Ortiz's
    [r] = claim_origins(b.G)
    assert r.verdict == "independent"


@pytest.mark.parametrize(
    ("speaker", "roles", "organisation"),
    [
        ("Karim Dost", ("Harbour Front spokesman",), "Harbour Front"),
        ("Lena Ortiz", ("Port Authority Director",), "Port Authority"),
        ("ministry", (), "German foreign ministry"),
    ],
)
def test_an_organisation_and_who_speaks_for_it_are_one_origin(
    speaker: str, roles: tuple[str, ...], organisation: str
) -> None:
    b = GraphBuilder()
    who = b.person(speaker, roles=roles) if roles else b.organization(speaker)
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "The pier closes.", origin=who)
    org = b.organization(organisation)
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "The pier closes.", origin=org)
    [r] = claim_origins(b.G)
    assert r.verdict == "single-source", r


def test_a_statement_and_an_anonymous_source_are_one_origin() -> None:
    b = GraphBuilder()
    a1, a2 = b.article("a1", outlet=OUTLETS[0]), b.article("a2", outlet=OUTLETS[1])
    b.attribute(a1, "The pier closes.", origin=b.source("A statement", type_="document"))
    b.attribute(a2, "The pier closes.", origin=b.anonymous("the family", article=a2))
    [r] = claim_origins(b.G)
    assert r.origins == 1 and r.verdict == "single-source"


def test_an_acronym_and_the_name_it_stands_for_are_one_origin() -> None:
    b = GraphBuilder()
    short, full = b.organization("HPIB"), b.organization("Harbour Pier Inspection Board")
    b.attribute(b.article("a1", outlet=OUTLETS[0]), "The pier was unsafe.", origin=short)
    b.attribute(b.article("a2", outlet=OUTLETS[1]), "The pier was unsafe.", origin=full)
    [r] = claim_origins(b.G)
    assert r.verdict == "single-source", r


def test_a_second_origin_known_only_from_a_pronoun_proves_nothing() -> None:
    b = GraphBuilder()
    a1, a2 = b.article("a1", outlet=OUTLETS[0]), b.article("a2", outlet=OUTLETS[1])
    b.attribute(a1, "The pier closes.", origin=b.person("Lena Ortiz"))
    view = b.attribute(a2, "The pier closes.", origin=b.person("Tomas Vela"))
    b.G.nodes[view]["source_confidence"] = 0.9  # "he said", sure enough to name him
    [r] = claim_origins(b.G)
    assert r.verdict == "single-source", r
    b.G.nodes[view]["source_confidence"] = 1.0  # named in the sentence
    [r] = claim_origins(b.G)
    assert r.verdict == "independent"


@pytest.mark.parametrize("one_sentence", [True, False])
def test_a_joint_statement_is_one_act_of_reporting(one_sentence: bool) -> None:
    """Rule 11: "Ortiz and Vela said the pier closes" is one statement, not two origins
    confirming each other; the same two in sentences of their own are."""
    b = GraphBuilder()
    text = "The ferry pier will close for the winter."
    a1 = b.article("a1", outlet=OUTLETS[0])
    joint = "Lena Ortiz and Tomas Vela said the ferry pier will close for the winter."
    first = b.attribute(a1, text, origin=b.person("Lena Ortiz"), sentence=joint)
    second = b.attribute(a1, text, origin=b.person("Tomas Vela"), sentence=joint)
    if one_sentence:
        b.G.nodes[second]["sentence_start"] = b.G.nodes[first]["sentence_start"]
    b.attribute(b.article("a2", outlet=OUTLETS[1]), text, origin=b.person("Lena Ortiz"))
    [r] = claim_origins(b.G)
    assert r.verdict == ("single-source" if one_sentence else "independent")
