"""Single-source and circular reporting: ranked tables, their explanation, CSV download.

Selecting a row opens its trace.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.view import session, untrusted
from graph.analysis import ORIGIN_RULE, circular_citations, single_source
from graph.csv_out import csv_text


def ranked_table(table: pd.DataFrame, *, key: str, empty: str, csv_name: str) -> None:
    """Show ``table`` (its hidden ``claim`` column opens the trace of a selected row) and
    offer it as CSV."""
    if table.empty:
        st.info(empty)
    else:
        state = st.dataframe(
            table,
            hide_index=True,
            column_config={"claim": None},
            on_select="rerun",
            selection_mode="single-row",
            key=key,
        )
        rows = getattr(getattr(state, "selection", None), "rows", None) or []
        if rows:
            claim = str(table.iloc[rows[0]]["claim"])
            st.switch_page("app_pages/trace.py", query_params={"claim": claim})
    st.download_button(
        f"Download {csv_name} (CSV)",
        csv_text(table.to_dict("records"), [c for c in table.columns if c != "claim"]),
        file_name=csv_name.replace(" ", "-") + ".csv",
        mime="text/csv",
    )


st.title("Single-source & circular reporting")
session.seed("reports-min-outlets", max(2, min(50, int(session.param("min_outlets") or 2))))
min_outlets = st.number_input(
    "Outlets a claim must reach to count", min_value=2, max_value=50, key="reports-min-outlets"
)
session.set_params(min_outlets=None if min_outlets == 2 else str(min_outlets))

st.header("Single-source claims")
st.markdown(
    "Claims carried by several outlets that all lead back to **one** origin: the coverage "
    "looks broad, but everything rests on one source. Ranked by amplification "
    "(outlets per origin). Select a row to trace the claim."
)
with st.expander("How origins are counted"):
    st.text(ORIGIN_RULE)
single = session.analysis(
    f"single_source:{min_outlets}", lambda G: single_source(G, min_outlets=int(min_outlets))
)
single_table = pd.DataFrame(
    [
        {
            "claim": r.group,
            "Claim": r.text,
            "Outlets": len(r.outlets),
            "Origin": ", ".join(r.named_origins) or "(unidentified)",
            "Amplification": r.amplification,
            "Articles": r.articles,
            "Unidentified": r.unidentified,
            "Relayed via": ", ".join(r.relayed_outlets),
            "Outlet names": ", ".join(r.outlets),
        }
        for r in single
    ],
    columns=[
        "claim",
        "Claim",
        "Outlets",
        "Origin",
        "Amplification",
        "Articles",
        "Unidentified",
        "Relayed via",
        "Outlet names",
    ],
)
ranked_table(
    single_table,
    key="single-table",
    empty="No single-source claim in this corpus.",
    csv_name="single-source claims",
)

st.header("Circular reporting")
st.markdown(
    "Outlets that cite each other for the same claim: A cites B and B cites A (or a longer "
    "loop). **Cycle only** means nobody outside the loop stands behind the claim. "
    "Select a row to trace the claim."
)
circular = session.analysis("circular", circular_citations)
circular_table = pd.DataFrame(
    [
        {
            "claim": c.group,
            "Claim": c.text,
            "Cycle": " → ".join([*c.outlets, c.outlets[0]]),
            "Cycle only": c.cycle_only,
            "Supported by": ", ".join(c.supported_by),
            "Citations": len(c.citations),
        }
        for c in circular
    ],
    columns=["claim", "Claim", "Cycle", "Cycle only", "Supported by", "Citations"],
)
ranked_table(
    circular_table,
    key="circular-table",
    empty="No circular reporting in this corpus.",
    csv_name="circular reporting",
)
for c in circular:
    with st.expander(untrusted.label(f"Evidence: {' → '.join(c.outlets)}: {c.text[:80]}")):
        for citation in c.citations:
            st.text(f"{citation.citing} cites {citation.cited}:\n{citation.sentence}")
