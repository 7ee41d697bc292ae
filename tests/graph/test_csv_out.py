"""One CSV writer for every CSV sourcetrace writes: formula cells are neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from graph.analysis._testing import GraphBuilder
from graph.csv_out import FORMULA_STARTS, csv_text, safe_cell
from graph.export import export_graph

HOSTILE = [
    '=HYPERLINK("http://example.invalid/x","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=cmd|' /C calc'!A0",
    "\r=1",
]


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_cell_that_would_start_a_formula_gets_a_quote(cell: str) -> None:
    [row] = list(csv.reader(io.StringIO(csv_text([{"c": cell}], ["c"]), newline="")))[1:]
    assert row == ["'" + cell]


def test_a_lone_carriage_return_is_quoted_so_the_row_stays_whole() -> None:
    text = csv_text([{"a": "one\rtwo", "b": "x"}], ["a", "b"])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ["one\rtwo", "x"]]


def test_other_cells_and_numbers_are_written_as_they_are() -> None:
    rows = [{"a": "Mayor said = fine", "b": -3, "c": 2.5, "d": None, "e": True}]
    text = csv_text(rows, ["a", "b", "c", "d", "e"])
    assert text.split("\r\n")[1] == "Mayor said = fine,-3,2.5,,True"
    assert all(safe_cell(s) == s for s in ("", "a=b", "x@y", " =1"))
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


def test_export_csv_neutralises_formulas_from_articles() -> None:
    b = GraphBuilder()
    art = b.article("a1", outlet="@Outlet", published="2031-05-02")
    b.attribute(art, HOSTILE[0], origin=b.person("=Lena Ortiz"))
    rows = list(csv.DictReader(io.StringIO(export_graph(b.G, "csv").decode())))
    assert rows and rows[0]["claim"] == "'" + HOSTILE[0]
    assert rows[0]["outlet"] == "'@Outlet" and rows[0]["source"] == "'=Lena Ortiz"
    for row in rows:
        assert not any(v.startswith(FORMULA_STARTS) for v in row.values())
