"""The graph does not depend on the order or batching of ingest (real articles, real store).

The 96 giveme5w1h articles of ``../shared`` are split into two JSON Lines files, A and B.
Stores loaded A then B, B then A, both at once, and one article per batch in reverse
order, must hold the same nodes and the same edges, property for property.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.model import Article, Attribution
from graph.store.embedded import EmbeddedStore
from loaders.nlp.pipeline import Extractor
from loaders.read import read_inputs

Items = list[tuple[Article, list[Attribution]]]


@pytest.fixture(scope="module")
def halves(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Items, Items]:
    corpus = shared_dir / "corpus" / "giveme5w1h_gold_standard.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    folder = tmp_path_factory.mktemp("halves")
    a, b = folder / "a.jsonl", folder / "b.jsonl"
    a.write_text("\n".join(lines[0::2]) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    extractor = Extractor()

    def extract(path: Path) -> Items:
        articles = [x for x in read_inputs([str(path)]) if isinstance(x, Article)]
        return list(extractor.extract_many(articles))

    return extract(a), extract(b)


def _load(path: Path, batches: Sequence[Items], batch_size: int = 50) -> nx.MultiDiGraph:
    store = EmbeddedStore(path, batch_size=batch_size)
    try:
        for batch in batches:
            store.write_articles(batch)
        return store.to_networkx()
    finally:
        store.close()


# Claim similarity (SIMILAR_TO links, a claim's ``group``) is computed against the claims
# stored so far; its rewrite belongs to claim grouping (graph/claims.py) and is pinned
# separately below.
SIMILARITY = "SIMILAR_TO"


def _nodes(G: nx.MultiDiGraph) -> dict[str, str]:
    out = {}
    for k, d in G.nodes(data=True):
        props = {p: v for p, v in d.items() if not (d.get("label") == "Claim" and p == "group")}
        out[k] = json.dumps(props, sort_keys=True, default=str)
    return out


def _edges(G: nx.MultiDiGraph, *, similarity: bool = False) -> set[tuple[str, str, str, str]]:
    out = set()
    for u, v, key, data in G.edges(keys=True, data=True):
        if (key == SIMILARITY) != similarity:
            continue
        props: dict[str, Any] = dict(data)
        out.add((u, key, v, json.dumps(props, sort_keys=True, default=str)))
    return out


@pytest.fixture(scope="module")
def graphs(
    halves: tuple[Items, Items], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, nx.MultiDiGraph]:
    a, b = halves
    assert len(a) + len(b) == 96
    folder = tmp_path_factory.mktemp("stores")
    return {
        "A then B": _load(folder / "ab.sqlite", [a, b]),
        "B then A": _load(folder / "ba.sqlite", [b, a]),
        "together": _load(folder / "all.sqlite", [a + b]),
        "reversed, 5 per batch": _load(folder / "rev.sqlite", [list(reversed(b + a))], 5),
    }


def test_giveme5w1h_split_in_two_files_gives_one_graph_in_any_order(
    graphs: dict[str, nx.MultiDiGraph],
) -> None:
    first_name, first = next(iter(graphs.items()))
    for name, G in graphs.items():
        assert set(G.nodes) == set(first.nodes), (name, set(G.nodes) ^ set(first.nodes))
        assert _edges(G) == _edges(first), (name, sorted(_edges(G) ^ _edges(first))[:6])
        nodes, expected = _nodes(G), _nodes(first)
        differ = [k for k in expected if nodes[k] != expected[k]]
        assert not differ, (name, first_name, [(nodes[k], expected[k]) for k in differ[:3]])
    people = {
        first.nodes[k]["name"]: k
        for k, d in first.nodes(data=True)
        if d.get("type") == "person" and "Obama" in str(d.get("name"))
    }
    assert "Barack Obama" in people and "Michelle Obama" in people, people


@pytest.mark.xfail(
    strict=True,
    reason="a claim id is shared by wordings that differ only in punctuation; its vector "
    "comes from the first wording stored (graph/claims.py), so a few scores move with order",
)
def test_claim_similarity_links_do_not_depend_on_ingest_order(
    graphs: dict[str, nx.MultiDiGraph],
) -> None:
    [first, *others] = graphs.values()
    for G in others:
        assert _edges(G, similarity=True) == _edges(first, similarity=True)
