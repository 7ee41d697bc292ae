"""The rows behind the Reports page: evidence per claim, the filters, the CSV."""

from __future__ import annotations

import csv
import io

from app.view import reports
from graph.analysis import claim_origins
from graph.analysis._testing import GraphBuilder
from graph.analysis.opinion import is_opinion


def two_outlet_graph() -> GraphBuilder:
    b = GraphBuilder()
    ledger = b.article("a1", outlet="The Harbor Ledger", published="2031-05-02")
    wire = b.article("a2", outlet="Meridian Wire", published="2031-05-04")
    mayor = b.person("Lena Ortiz")
    b.attribute(ledger, "The ferry stops on Monday.", origin=mayor)
    b.attribute(wire, "The ferry stops on Monday.", origin=mayor)
    b.attribute(ledger, "We will rebuild the pier.", origin=mayor)
    officials = b.anonymous("port officials", article=wire)
    b.attribute(wire, "We will rebuild the pier.", origin=officials)
    return b


def test_evidence_rows_carry_urls_sentences_and_offsets() -> None:
    b = two_outlet_graph()
    origins = claim_origins(b.G)
    rows = reports.evidence_rows(b.G, origins)
    assert len(rows) == 4
    for row in rows:
        assert row["sentence"] and row["sentence_start"] is not None
        assert set(reports.EVIDENCE_COLUMNS) <= set(row)
    text = reports.csv_of(rows)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert [r["claim"] for r in parsed] == [r["claim"] for r in rows]
    assert list(parsed[0]) == list(reports.EVIDENCE_COLUMNS)


def test_filters_by_source_type_outlet_date_and_opinion() -> None:
    b = two_outlet_graph()
    origins = claim_origins(b.G)
    rows = reports.evidence_rows(b.G, origins)

    def claims(**options: object) -> set[str]:
        chosen, _ = reports.select(origins, rows, reports.ReportFilter(**options))  # type: ignore[arg-type]
        return {c.text for c in chosen}

    both = {"The ferry stops on Monday.", "We will rebuild the pier."}
    assert claims() == both
    assert claims(verdicts=frozenset({"single-source"})) == both  # officials: not an origin
    assert claims(verdicts=frozenset({"independent"})) == set()
    assert claims(source_types=frozenset({"anonymous"})) == {"We will rebuild the pier."}
    assert claims(outlets=frozenset({"Meridian Wire"})) == both
    assert claims(date_to="2031-05-03") == both
    assert claims(date_from="2031-05-03", source_types=frozenset({"person"})) == {
        "The ferry stops on Monday."
    }
    # "We will ..." speaks in the first person: an opinion, wherever it is quoted.
    assert claims(claims_only=True) == {"The ferry stops on Monday."}


def test_claim_rows_show_readable_first_dates() -> None:
    b = two_outlet_graph()
    origins = claim_origins(b.G)
    rows = reports.evidence_rows(b.G, origins)
    table = reports.claim_rows(origins, rows)
    assert {r["First seen"] for r in table} == {"2 May 2031"}


def test_opinion_rule_reads_cue_and_first_person_content() -> None:
    assert is_opinion("hopes", "the bridge reopens")
    assert is_opinion("said", "our town deserves better")
    assert not is_opinion("told reporters", "the US will send aid")
    assert not is_opinion("according to", "the bridge reopens on Monday")
