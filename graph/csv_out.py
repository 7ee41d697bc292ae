"""The one CSV writer: every CSV that sourcetrace writes goes through :func:`csv_text`.

Cells come from articles, so a title such as ``=HYPERLINK("http://x", "click")``
would run as a formula when the file is opened in a spreadsheet. Following
OWASP's advice on CSV injection, a text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a leading ``'``, which
spreadsheets show as text. Numbers stay numbers. Rows end with CRLF (RFC 4180).

>>> csv_text([{"a": "=1+2", "b": -3, "c": "@SUM(A1)"}], ["a", "b", "c"]).splitlines()
['a,b,c', "'=1+2,-3,'@SUM(A1)"]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` made safe for a spreadsheet: text that could start a formula gets a ``'``.

    >>> safe_cell("-1"), safe_cell("\\tx"), safe_cell("a=b"), safe_cell(-1), safe_cell(None)
    ("'-1", "'\\tx", 'a=b', -1, None)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """``rows`` as CSV text with a header row of ``columns``, every cell through
    :func:`safe_cell` (missing keys are empty cells, extra keys are left out)."""
    buf = io.StringIO()
    # CRLF ends rows (RFC 4180), so a cell holding either CR or LF is quoted: with "\n"
    # alone, Python's csv module leaves a lone CR unquoted and the row breaks.
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
    return buf.getvalue()


__all__ = ["FORMULA_STARTS", "csv_text", "safe_cell"]
