"""The analysis subcommands end to end, in-process, over real embedded stores.

The last tests ingest the fictional demo corpus with the real extractor and
check that every planted finding of ``app/demo_corpus/expected.json`` is found
and nothing else is flagged.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from app.cli import main
from graph.analysis import ORIGIN_RULE
from graph.export import CSV_COLUMNS
from graph.model import Article, Attribution, AttributionKind, Mention, Source, SourceType, Span
from graph.outlets import ENV_VAR
from graph.store import open_store

DEMO = Path(__file__).resolve().parents[2] / "app" / "demo_corpus"

# (outlet, published, sentence, source, source type, via outlets, cue, content, kind)
SENTENCES = [
    ("The Harbor Ledger", "2031-05-02", "Mayor Lena Ortiz said the ferry will stop on Monday.",
     "Lena Ortiz", SourceType.PERSON, (), "said", "the ferry will stop on Monday",
     AttributionKind.STATEMENT),
    ("Meridian Wire", "2031-05-03",
     "The Harbor Ledger reported that Lena Ortiz said the ferry will stop on Monday.",
     "Lena Ortiz", SourceType.PERSON, ("The Harbor Ledger",), "said",
     "the ferry will stop on Monday", AttributionKind.STATEMENT),
    ("Coastline Courier", "2031-05-04",
     "Two dock workers said the crane had been broken for weeks.",
     "Two dock workers", SourceType.ANONYMOUS, (), "said", "the crane had been broken for weeks",
     AttributionKind.STATEMENT),
    ("Coastline Courier", "2031-05-05",
     "Port spokesman Ivo Brandt declined to comment on the crane.",
     "Ivo Brandt", SourceType.PERSON, (), "declined to comment", "on the crane",
     AttributionKind.REFUSAL),
    ("Valen Daily", None, "Engineer Tomas Vela said the seawall needs new concrete.",
     "Tomas Vela", SourceType.PERSON, (), "said", "the seawall needs new concrete",
     AttributionKind.STATEMENT),
]  # fmt: skip


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def _article(row: tuple[Any, ...]) -> tuple[Article, list[Attribution]]:
    outlet, published, text, source, type_, via, cue, content, kind = row
    article = Article.create(
        text=text, outlet=outlet, published=published, url=f"https://news.example/{len(text)}"
    )
    attribution = Attribution(
        article_id=article.id,
        source=Mention(span=_span(text, source), source=Source(name=source, type=type_)),
        via=tuple(
            Mention(span=_span(text, v), source=Source(name=v, type=SourceType.OUTLET)) for v in via
        ),
        cue=_span(text, cue),
        content=_span(text, content),
        sentence=Span.of(text, 0, len(text)),
        kind=kind,
    )
    return article, [attribution]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store holding :data:`SENTENCES`, one article each."""
    path = tmp_path_factory.mktemp("analysis") / "graph.sqlite"
    store = open_store(path)
    try:
        store.write_articles([_article(row) for row in SENTENCES])
    finally:
        store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_trace_prints_chains_earliest_first_with_evidence(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "trace", "ferry will stop", "--store", str(store_path))
    assert code == 0
    assert out.index("2031-05-02") < out.index("2031-05-03")
    assert "Meridian Wire → The Harbor Ledger → Lena Ortiz" in out
    assert "evidence: The Harbor Ledger reported that Lena Ortiz said" in out


def test_trace_json_lists_hops_with_offsets(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "trace", "ferry will stop", "--json", "--store", str(store_path))
    assert code == 0
    chains = json.loads(out)["chains"]
    assert [c["outlet"] for c in chains] == ["The Harbor Ledger", "Meridian Wire"]
    relayed = chains[1]
    assert [h["name"] for h in relayed["hops"]] == ["The Harbor Ledger", "Lena Ortiz"]
    assert all(h["start"] is not None for h in relayed["hops"])


def test_trace_of_unknown_claim_fails_with_a_message(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "trace", "volcano erupts", "--store", str(store_path))
    assert code == 2
    assert "volcano erupts" in err


def test_single_source_table_and_rule(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "single-source", "--store", str(store_path))
    assert code == 0
    [row] = [line for line in out.splitlines() if "single-source" in line and "ferry" in line]
    assert "Lena Ortiz" in row
    assert "--explain" in out
    code, out, _ = run(capsys, "single-source", "--explain")
    assert (code, out) == (0, ORIGIN_RULE + "\n")


def test_single_source_json_carries_the_rule(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "single-source", "--json", "--store", str(store_path))
    data = json.loads(out)
    assert code == 0 and data["rule"] == ORIGIN_RULE
    assert [c["named_origins"] for c in data["claims"]] == [["Lena Ortiz"]]
    code, out, _ = run(
        capsys, "single-source", "--json", "--min-outlets", "3", "--store", str(store_path)
    )
    assert json.loads(out)["claims"] == []


def test_circular_reports_none_on_a_store_without_cycles(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "circular", "--store", str(store_path))
    assert (code, out) == (0, "No circular citations found.\n")


def test_dependency_shows_who_cites_whom(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "dependency", "--json", "--store", str(store_path))
    dep = json.loads(out)
    assert code == 0
    assert [(c["citing_name"], c["cited_name"]) for c in dep["citations"]] == [
        ("Meridian Wire", "The Harbor Ledger")
    ]
    code, out, _ = run(capsys, "dependency", "--store", str(store_path))
    assert "CITING" in out and "Meridian Wire" in out


def test_diversity_tables_list_outlets_and_top_sources(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "diversity", "--articles", "--store", str(store_path))
    assert code == 0
    for heading in ("Per outlet", "Per article", "Most-cited sources"):
        assert heading in out
    code, out, _ = run(capsys, "diversity", "--json", "--store", str(store_path))
    data = json.loads(out)
    assert data["top_sources"][0]["name"] == "Lena Ortiz"
    courier = next(o for o in data["outlets"] if o["name"] == "Coastline Courier")
    assert (courier["refusals"], courier["anonymous"]) == (1, 1)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_writes_a_file_readers_accept(
    fmt: str, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"graph.{fmt}"
    code, _, err = run(
        capsys, "export", "--format", fmt, "-o", str(target), "--store", str(store_path)
    )
    assert code == 0 and str(target) in err
    if fmt == "graphml":
        assert nx.read_graphml(target, force_multigraph=True).number_of_nodes() > 0
    elif fmt == "gexf":
        assert nx.read_gexf(target).number_of_nodes() > 0
    elif fmt == "json":
        assert nx.node_link_graph(json.loads(target.read_text()), edges="edges").number_of_nodes()
    else:
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert len(rows) == 5 and tuple(rows[0]) == CSV_COLUMNS


def test_export_to_stdout(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "csv", "--store", str(store_path))
    assert code == 0
    assert len(list(csv.DictReader(io.StringIO(out)))) == 5


def test_analyses_of_an_empty_store_succeed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "empty.sqlite")
    for command in ("single-source", "circular", "dependency", "diversity"):
        code, out, _ = run(capsys, command, "--store", store)
        assert code == 0 and out


# -- the demo corpus: every planted finding, nothing else ---------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The demo corpus ingested with the real extractor (its outlets are in the bundled list)."""
    store = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(ENV_VAR, raising=False)
        assert main(["ingest", str(DEMO / "articles.jsonl"), "--store", str(store)]) == 0
    return store


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


def _matches(planted: list[dict[str, Any]], texts: list[str]) -> dict[str, list[str]]:
    return {p["claim"]: [t for t in texts if p["claim"].lower() in t.lower()] for p in planted}


def test_demo_single_source_claims_are_exactly_the_planted_ones(
    demo_store: Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "single-source", "--json", "--store", str(demo_store))
    found = json.loads(out)["claims"]
    assert len(found) == len(expected["single_source"])
    by_claim = {p["claim"]: p for p in expected["single_source"]}
    for claim, hits in _matches(expected["single_source"], [f["text"] for f in found]).items():
        assert len(hits) == 1, claim
        [f] = [f for f in found if f["text"] == hits[0]]
        assert sorted(f["outlets"]) == by_claim[claim]["outlets"]
        assert f["origins"] == by_claim[claim]["origins"]


def test_demo_independent_claims_are_exactly_the_planted_ones(
    demo_store: Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "single-source", "--all", "--json", "--store", str(demo_store))
    found = [c for c in json.loads(out)["claims"] if c["verdict"] == "independent"]
    assert len(found) == len(expected["independent"])
    for planted in expected["independent"]:
        [f] = [f for f in found if planted["claim"].lower() in f["text"].lower()]
        assert sorted(f["named_origins"]) == planted["origins"]
        assert sorted(f["outlets"]) == planted["outlets"]


def test_demo_circular_citation_is_exactly_the_planted_one(
    demo_store: Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "circular", "--json", "--store", str(demo_store))
    cycles = json.loads(out)["cycles"]
    assert len(cycles) == len(expected["circular"])
    for planted in expected["circular"]:
        [c] = [c for c in cycles if planted["claim"].lower() in c["text"].lower()]
        assert sorted(c["outlets"]) == planted["outlets"]
        assert c["cycle_only"] is planted["cycle_only"]


def test_demo_trace_follows_the_leak_from_the_wire_to_its_relays(
    demo_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "trace", "leaked solvent", "--json", "--store", str(demo_store))
    chains = json.loads(out)["chains"]
    assert [c["published"] for c in chains] == sorted(c["published"] for c in chains)
    assert chains[0]["outlet"] == "Meridian Wire"
    assert {c["outlet"] for c in chains[1:]} == {
        "The Harbor Ledger",
        "Coastline Courier",
        "The Estravan Observer",
    }
    assert all(c["hops"][0]["name"] == "Meridian Wire" for c in chains[1:])


def test_demo_articles_are_marked_as_fiction() -> None:
    records = [json.loads(line) for line in (DEMO / "articles.jsonl").open(encoding="utf-8")]
    assert 10 <= len(records) <= 15
    for record in records:
        assert record["fiction"].startswith("FICTION")


def test_demo_findings_hold_with_only_the_bundled_outlet_list(
    tmp_path: Path, expected: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """Outlets cited by name are recognised from the collection's own publishers."""
    store = str(tmp_path / "plain.sqlite")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(ENV_VAR, raising=False)
        assert main(["ingest", str(DEMO / "articles.jsonl"), "--store", store]) == 0
    capsys.readouterr()
    _, out, _ = run(capsys, "single-source", "--all", "--json", "--store", store)
    verdicts: dict[str, list[str]] = {}
    for claim in json.loads(out)["claims"]:
        verdicts.setdefault(claim["verdict"], []).append(claim["text"].lower())
    for section, verdict in [
        ("single_source", "single-source"),
        ("independent", "independent"),
        ("circular", "circular"),
    ]:
        planted = [p["claim"].lower() for p in expected[section]]
        found = verdicts.get(verdict, [])
        assert len(found) == len(planted)
        assert all(any(p in f for f in found) for p in planted)
