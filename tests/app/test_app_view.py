"""The graph view's data side: filtering, collapsing, layout modes, payloads and escaping."""

from __future__ import annotations

import doctest
import html
import json
import re

import networkx as nx
import pytest

from app import cmd_app
from app.components import graph_view as component
from app.view import (
    chains_html,
    evidence,
    graphs,
    layout,
    payload,
    standalone,
    style,
    untrusted,
)
from graph import schema
from graph.analysis._testing import GraphBuilder

MARKUP = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "</script><script>alert(1)</script>",
    'Tom & Jerry\'s "quote"',
    "![x](http://127.0.0.1:9/pixel.png) [link](http://127.0.0.1:9/) *em* `code` $x$",
    "line one\r\r![cr](http://127.0.0.1:9/cr.png)\r\n\n    indented :red[red] :smile:",
]


LEDGER = GraphBuilder().outlet("The Harbor Ledger")  # the builder's key for the outlet


def ferry_graph() -> GraphBuilder:
    b = GraphBuilder()
    ledger = b.article("a1", outlet="The Harbor Ledger", published="2031-05-02")
    wire = b.article("a2", outlet="Meridian Wire", published="2031-05-03")
    ortiz = b.person("Lena Ortiz", roles=("mayor",))
    b.attribute(ledger, "The ferry stops.", origin=ortiz)
    b.attribute(wire, "The ferry stops.", via=[b.outlet("The Harbor Ledger")], origin=ortiz)
    b.attribute(wire, "No comment.", origin=b.person("Ivo Brandt"), kind="refusal")
    return b


@pytest.mark.parametrize(
    "module",
    [chains_html, cmd_app, evidence, graphs, layout, payload, standalone, style, untrusted],
    ids=lambda m: m.__name__,
)
def test_view_module_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


def test_collapse_turns_each_attribution_into_its_chain() -> None:
    view = graphs.collapse_attributions(ferry_graph().G)
    assert not any(d["label"] == schema.ATTRIBUTION for _, d in view.nodes(data=True))
    assert view.edges["Article:a2", LEDGER]["rel"] == graphs.CITES
    assert view.edges[LEDGER, "Source:lena-ortiz"]["rel"] == graphs.PASSES
    assert view.nodes["Source:lena-ortiz"]["citations"] == 2
    assert view.edges["Source:lena-ortiz", "Claim:the-ferry-stops"]["weight"] == 2


def test_label_filter_keeps_only_chosen_node_types() -> None:
    view = graphs.collapse_attributions(
        ferry_graph().G, labels=frozenset({schema.SOURCE, schema.CLAIM})
    )
    assert {d["label"] for _, d in view.nodes(data=True)} == {schema.SOURCE, schema.CLAIM}


@pytest.mark.parametrize(
    ("spec", "kept_articles", "kept_sources"),
    [
        (graphs.GraphFilter(), {"Article:a1", "Article:a2"}, {"lena-ortiz", "ivo-brandt"}),
        (
            graphs.GraphFilter(outlets=frozenset({LEDGER})),
            {"Article:a1"},
            {"lena-ortiz"},
        ),
        (graphs.GraphFilter(date_from="2031-05-03"), {"Article:a2"}, {"lena-ortiz", "ivo-brandt"}),
        (graphs.GraphFilter(date_to="2031-05-02"), {"Article:a1"}, {"lena-ortiz"}),
        (
            graphs.GraphFilter(kinds=frozenset({"refusal"})),
            {"Article:a1", "Article:a2"},
            {"ivo-brandt"},
        ),
    ],
)
def test_filters_keep_matching_articles_and_what_they_cite(
    spec: graphs.GraphFilter, kept_articles: set[str], kept_sources: set[str]
) -> None:
    G = graphs.filter_graph(ferry_graph().G, spec)
    labels = nx.get_node_attributes(G, "label")
    assert {k for k, v in labels.items() if v == schema.ARTICLE} == kept_articles
    assert {k.split(":")[1] for k, v in labels.items() if v == schema.SOURCE} == kept_sources


def test_raw_view_keeps_attribution_nodes() -> None:
    view = graphs.raw_view(ferry_graph().G)
    assert sum(1 for _, d in view.nodes(data=True) if d["label"] == schema.ATTRIBUTION) == 3


def test_attributions_of_a_source_carry_their_article_outlet_and_vias() -> None:
    records = graphs.attributions_of(ferry_graph().G, "Source:lena-ortiz")
    assert [r["article"] for r in records] == ["Article:a1", "Article:a2"]
    assert records[1]["outlet"] == "Outlet:meridian-wire"
    assert [v["text"] for v in records[1]["via"]] == ["The Harbor Ledger"]


def big_graph(n_sources: int, n_outlets: int = 8) -> nx.DiGraph:
    """A collapsed-view graph with about ``2 * n_sources`` nodes."""
    view = nx.DiGraph()
    for o in range(n_outlets):
        view.add_node(f"Outlet:o{o}", label=schema.OUTLET, name=f"Outlet {o}", citations=0)
    for i in range(n_sources):
        art, src = f"Article:a{i}", f"Source:s{i % max(1, n_sources // 2)}"
        view.add_node(art, label=schema.ARTICLE, title=f"Article {i}", citations=1)
        view.add_node(src, label=schema.SOURCE, name=f"Source {i}", citations=i % 7)
        view.add_edge(art, f"Outlet:o{i % n_outlets}", rel="PUBLISHED_BY", weight=1)
        view.add_edge(art, src, rel=graphs.CITES, weight=1)
    return view


@pytest.mark.parametrize(
    ("n_sources", "mode", "physics", "positioned"),
    [
        (40, "physics", True, False),
        (400, "positions", False, True),
        (2000, "aggregate", False, True),
    ],
)
def test_payload_mode_depends_on_size(
    n_sources: int, mode: str, physics: bool, positioned: bool
) -> None:
    p = payload.build_payload(big_graph(n_sources))
    assert p["mode"] == mode
    assert p["physics"] is physics
    assert p["options"]["physics"]["enabled"] is physics
    assert all(("x" in n) is positioned for n in p["nodes"])


def test_aggregate_view_shows_outlets_and_top_sources_and_counts_hidden() -> None:
    view = big_graph(2000)
    p = payload.build_payload(view)
    kinds = {n["kind"] for n in p["nodes"]}
    assert kinds == {schema.OUTLET, schema.SOURCE}
    assert p["total"] == view.number_of_nodes()
    assert p["hidden"] == p["total"] - len(p["nodes"])
    assert len(p["nodes"]) <= 8 + 60


def test_node_size_grows_with_citations() -> None:
    b = ferry_graph()
    p = payload.build_payload(graphs.collapse_attributions(b.G))
    size = {n["id"]: n["size"] for n in p["nodes"]}
    assert size["Source:lena-ortiz"] > size["Source:ivo-brandt"]


def test_selected_node_is_marked() -> None:
    p = payload.build_payload(
        graphs.collapse_attributions(ferry_graph().G), selected="Source:lena-ortiz"
    )
    marked = [n["id"] for n in p["nodes"] if n.get("borderWidth")]
    assert marked == ["Source:lena-ortiz"] and p["selected"] == "Source:lena-ortiz"


def test_positions_are_deterministic_and_spread_out() -> None:
    G = nx.gnm_random_graph(600, 900, seed=3)
    first, second = layout.positions(G), layout.positions(G)
    assert first == second
    assert len(set(first.values())) > 590


@pytest.mark.parametrize("markup", MARKUP)
def test_payload_keeps_markup_as_plain_text_and_json_is_safe_in_html(markup: str) -> None:
    b = GraphBuilder()
    art = b.article("a1", outlet="Ledger", title=markup)
    b.attribute(art, markup, origin=b.person(markup))
    p = payload.build_payload(graphs.collapse_attributions(b.G))
    labels = {n["label"] for n in p["nodes"]}
    assert style.shorten(markup) in labels  # canvas text, drawn verbatim
    text = payload.payload_json(p)
    assert "<" not in text and ">" not in text and "&" not in text.replace("\\u0026", "")
    assert json.loads(text) == json.loads(json.dumps(p))


@pytest.mark.parametrize("markup", MARKUP)
def test_evidence_escapes_every_article_string(markup: str) -> None:
    sentence = f"{markup} said {markup} today."
    record = {
        "sentence": sentence,
        "source_text": markup,
        "cue": "said",
        "content_text": markup,
        "via": [{"text": markup}],
    }
    out = evidence.evidence_html(record) + evidence.article_html(sentence, [record])
    out += untrusted.heading(markup) + chains_html.chain_html([markup], [markup])
    tags = set(re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", out))
    assert tags <= {"span", "mark", "div", "p", "h3", "br"}
    ours = re.compile(r'</?(span|mark|div|p|h3|br)( class="[a-z -]+")?>')
    assert "<" not in ours.sub("", out) and ">" not in ours.sub("", out)
    text = ours.sub("", out)
    assert re.sub(r"\s", "", html.unescape(text)).count(re.sub(r"\s", "", markup)) >= 4
    # no Markdown either: no ASCII punctuation but entities, and no line break at all
    assert not re.search(r"[!-%'-/:-@\[-`{-~]", re.sub(r"&#\d+;", "", text))
    assert "\n" not in out and "\r" not in out


def test_evidence_marks_source_cue_and_content_at_their_offsets() -> None:
    text = "Intro. Ann said it rained. Then Ann said nothing."
    record = {
        "sentence": "Then Ann said nothing.",
        "sentence_start": 27,
        "source_text": "Ann",
        "source_start": 32,
        "cue": "said",
        "cue_start": 36,
        "content_text": "nothing",
        "content_start": 41,
    }
    out = evidence.article_html(text, [record])
    assert (
        untrusted.escape("Ann said it rained. Then ") + '<mark class="st-source">Ann</mark>' in out
    )
    assert '<mark class="st-cue">said</mark> <mark class="st-content">nothing</mark>' in out


def test_component_inlines_vis_network_from_pyvis_and_fetches_nothing() -> None:
    js, css = component.component_sources()
    vis_js, _ = component.vis_assets()
    assert component.VIS_DIR.is_relative_to(component.Path(component.pyvis.__file__).parent)
    assert js.startswith(vis_js[:200]) and "export default function" in js
    assert "sourceMappingURL" not in js and "sourceMappingURL" not in css
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", js + css)
    assert not re.search(r"url\(\s*['\"]?https?:", css)
    assert not re.search(
        r"\bimport\s*\(|\bfetch\s*\(|XMLHttpRequest",
        component.HERE.joinpath("graph_view.js").read_text(),
    )


def test_component_script_never_parses_html() -> None:
    own = (component.HERE / "graph_view.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in own


def test_aggregate_keeps_each_sources_strongest_outlet_links_and_sizes_outlets() -> None:
    view = big_graph(3000, n_outlets=10)
    agg = graphs.aggregate(view, top_sources=20, top_links=2)
    sources = [k for k, d in agg.G.nodes(data=True) if d["label"] == schema.SOURCE]
    assert len(sources) == 20
    assert all(agg.G.in_degree(s) <= 2 for s in sources)
    assert all(d["citations"] > 0 for _, d in agg.G.nodes(data=True) if d["label"] == schema.OUTLET)


def test_chain_layout_puts_outlets_left_of_intermediaries_origins_and_claims() -> None:
    b = ferry_graph()
    coast = b.article("a3", outlet="Coastline Courier")
    b.attribute(coast, "The ferry stops.", via=[b.outlet("Bay Radio")], origin=b.person("Ann Vale"))
    p = payload.build_payload(graphs.collapse_attributions(b.G), chosen_layout=payload.CHAIN)
    x = {n["id"]: n["x"] for n in p["nodes"]}
    assert p["layout"] == "chain" and p["physics"] is False
    # Publishers first, then articles, an intermediary, the origins, and the claims last.
    assert x["Outlet:meridian-wire"] == x["Outlet:coastline-courier"] < x["Article:a3"]
    assert x["Article:a3"] < x["Outlet:bay-radio"] < x["Source:ann-vale"]
    assert x["Source:lena-ortiz"] < x["Claim:the-ferry-stops"]
    assert all(n["label"].strip() for n in p["nodes"] if n["kind"] == schema.OUTLET)


def test_a_view_larger_than_the_screen_keeps_the_most_cited_and_says_what_it_left_out() -> None:
    view = big_graph(400)
    p = payload.build_payload(view, highlight=frozenset({"Article:a7"}))
    assert len(p["nodes"]) <= payload.SCREEN_MAX
    assert sum(p["left_out"].values()) == view.number_of_nodes() - len(p["nodes"])
    ids = {n["id"] for n in p["nodes"]}
    assert "Article:a7" in ids and {f"Outlet:o{i}" for i in range(8)} <= ids
    assert p["highlight"] == ["Article:a7"]


def test_only_the_most_cited_nodes_are_labelled_and_hits_are_outlined() -> None:
    view = big_graph(100)
    p = payload.build_payload(view, highlight=frozenset({"Article:a3"}))
    labelled = [n for n in p["nodes"] if n["label"].strip()]
    assert len(labelled) <= payload.LABEL_MAX + 1
    [hit] = [n for n in p["nodes"] if n["id"] == "Article:a3"]
    assert hit["label"].strip() and hit["color"]["border"] == "#ffbf00"
    sizes = [s["citations"] for s in p["sizes"]]
    assert sizes[0] == 1 and sizes == sorted(sizes)


def test_focused_neighbourhood_keeps_whole_chains() -> None:
    G = ferry_graph().G
    part = G.subgraph([k for k in G if G.nodes[k]["label"] == schema.ATTRIBUTION][:1]).copy()
    whole = graphs.complete_chains(G, part)
    labels = {whole.nodes[k]["label"] for k in whole}
    assert {schema.ARTICLE, schema.OUTLET, schema.SOURCE, schema.CLAIM} <= labels


def test_article_highlights_link_to_their_source_and_credits_stay_unmarked() -> None:
    text = "Ann Lee said the pier is closed.\n\nPhoto: REUTERS/Bo Chan"
    said = {
        "sentence": "Ann Lee said the pier is closed.",
        "sentence_start": 0,
        "source_text": "Ann Lee",
        "cue": "said",
        "content_text": "the pier is closed",
        "origin": "Source:person-ann-lee",
        "kind": "statement",
    }
    credit = {
        "sentence": "Photo: REUTERS/Bo Chan",
        "sentence_start": 34,
        "source_text": "REUTERS",
        "cue": "Photo:",
        "content_text": "Bo Chan",
        "origin": "Outlet:reuters",
        "kind": "credit",
    }
    out = evidence.article_html(text, [said, credit])
    assert out.count("<p>") == 2  # paragraphs kept
    links = re.findall(r'<a class="st-mark-link" href="([^"]+)"', out)
    assert links and set(links) == {evidence.node_link("Source:person-ann-lee")}
    assert "<p>Photo&#58; REUTERS&#47;Bo Chan</p>" in out  # shown, as text, unmarked
    assert "reuters" not in html.unescape(out).lower().split("</p>", 1)[0]


def test_a_content_in_pieces_is_marked_piece_by_piece_not_the_cue_between() -> None:
    text = "“Part one,” she said, “part two.”"
    attribution = {
        "cue": "said",
        "cue_start": 16,
        "content_text": "“Part one,” “part two.”",
        "content_start": 0,
        "content_pieces": [0, 11, 22, 33],
    }
    marked = evidence.highlight(text, evidence.marks_for(attribution, text))
    assert marked.count('class="st-content"') == 2
    assert '<mark class="st-cue">said</mark>' in marked
    assert "she" not in re.findall(r'st-content">([^<]*)<', marked)[0]
