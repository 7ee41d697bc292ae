"""Single-source and circular reporting: filtered, ranked tables, their evidence and downloads.

URL state: ``min_outlets``, ``verdict``, ``type`` (source types), ``outlet`` (names),
``from``/``to`` (ISO dates) and ``facts`` (``1``: claims only, not opinions).
Selecting a claim opens its trace.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from app.view import reports, session, untrusted
from app.view.style import publication_day, readable_date
from graph.analysis import ORIGIN_RULE, circular_citations, claim_origins
from graph.analysis.independence import CIRCULAR, INDEPENDENT, SINGLE_OUTLET, SINGLE_SOURCE
from graph.analysis.opinion import OPINION_RULE
from graph.chains import chain_nodes
from graph.export import export_graph

VERDICTS = (SINGLE_SOURCE, INDEPENDENT, CIRCULAR, SINGLE_OUTLET)
# Pixels. Streamlit wraps cell text only in rows taller than 4rem (64 px): three lines.
ROW_HEIGHT = 84
EVIDENCE_SHOWN = 500  # evidence rows drawn on the page


def ranked_table(table: pd.DataFrame, *, key: str, empty: str) -> None:
    """Show ``table``; its hidden ``claim`` column opens the trace of a selected row."""
    if table.empty:
        st.info(empty)
        return
    state = st.dataframe(
        table,
        hide_index=True,
        column_config={
            "claim": None,
            "Claim": st.column_config.TextColumn(width="large"),
            "Outlet names": st.column_config.TextColumn(width="large"),
            "Relayed via": st.column_config.TextColumn(width="medium"),
            "Origin": st.column_config.TextColumn(width="medium"),
        },
        on_select="rerun",
        selection_mode="single-row",
        key=key,
        row_height=ROW_HEIGHT,
    )
    rows = getattr(getattr(state, "selection", None), "rows", None) or []
    if rows:
        claim = str(table.iloc[rows[0]]["claim"])
        st.switch_page("app_pages/trace.py", query_params={"claim": claim})


st.title("Single-source & circular reporting")
G = session.graph()

# --- filters ---------------------------------------------------------------------------------
session.seed("reports-min-outlets", max(2, min(50, int(session.param("min_outlets") or 2))))
min_outlets = int(
    st.number_input(
        "Outlets a claim must reach to count",
        min_value=2,
        max_value=50,
        key="reports-min-outlets",
    )
)
session.set_params(min_outlets=None if min_outlets == 2 else str(min_outlets))
origins = session.analysis(
    f"claim_origins:{min_outlets}", lambda G: claim_origins(G, min_outlets=min_outlets)
)
rows = session.analysis(f"evidence_rows:{min_outlets}", lambda G: reports.evidence_rows(G, origins))

st.header("Single-source claims")
st.markdown(
    "Claims carried by several outlets that all lead back to **one** origin: the coverage "
    "looks broad, but everything rests on one source. Ranked by amplification "
    "(outlets per origin). Select a row to trace the claim."
)
with st.expander("How origins are counted, and what counts as an opinion"):
    st.text(ORIGIN_RULE)
    st.text(OPINION_RULE)

left, middle, right = st.columns(3)
session.seed(
    "reports-verdict", [v for v in session.params("verdict") if v in VERDICTS] or [SINGLE_SOURCE]
)
verdicts = left.multiselect("Verdict", VERDICTS, key="reports-verdict")
session.set_params(verdict=None if verdicts == [SINGLE_SOURCE] else verdicts)
types = sorted({str(r["source_type"]) for r in rows})
session.seed("reports-type", [t for t in session.params("type") if t in types])
chosen_types = middle.multiselect("Source type", types, key="reports-type")
session.set_params(type=chosen_types)
outlet_names = sorted({str(r["outlet"]) for r in rows if r["outlet"]}, key=str.lower)
session.seed("reports-outlet", [o for o in session.params("outlet") if o in outlet_names])
chosen_outlets = right.multiselect("Outlet", outlet_names, key="reports-outlet")
session.set_params(outlet=chosen_outlets)
days = sorted(d for r in rows if (d := publication_day(r["published"])))
left, right = st.columns([2, 1])
date_from, date_to = session.date_range(left, "reports-dates", days)
session.seed("reports-facts", session.param("facts") == "1")
claims_only = right.toggle(
    "Claims only, not opinions",
    key="reports-facts",
    help="Leave out attributions whose cue is a verb of belief, wish or judgement, or "
    "whose content speaks in the first person (see the rule above).",
)
session.set_params(facts="1" if claims_only else None)

spec = reports.ReportFilter(
    verdicts=frozenset(verdicts),
    min_outlets=min_outlets,
    source_types=frozenset(chosen_types),
    outlets=frozenset(chosen_outlets),
    date_from=date_from,
    date_to=date_to,
    claims_only=claims_only,
)
claims, kept = reports.select(origins, rows, spec)
table = pd.DataFrame(reports.claim_rows(claims, kept))
st.caption(
    f"**{len(claims)}** of {len(origins)} claims · {len(kept)} attributions · "
    f"{len({r['outlet'] for r in kept})} outlets · {len({r['article_id'] for r in kept})} articles"
)
ranked_table(table, key="single-table", empty="No claim matches these filters.")

if kept:
    st.subheader("Evidence for these claims")
    if len(kept) > EVIDENCE_SHOWN:
        st.caption(
            f"The first {EVIDENCE_SHOWN:,} of {len(kept):,} attributions; the downloads hold all."
        )
    shown = []
    previous = None
    for row in kept[:EVIDENCE_SHOWN]:
        same_claim = previous is not None and previous["claim_group"] == row["claim_group"]
        same = same_claim and previous is not None and previous["article_id"] == row["article_id"]
        shown.append(
            {
                "Claim": ""
                if previous and previous["claim_group"] == row["claim_group"]
                else row["claim"],
                "Published": readable_date(row["published"]),
                "Outlet": row["outlet"],
                "Article": "(same article)" if same else row["article_title"],
                "Source": row["source"],
                "Type": row["source_type"],
                "Via": row["via"],
                "Sentence": row["sentence"],
                "URL": row["article_url"],
            }
        )
        previous = row
    st.dataframe(
        pd.DataFrame(shown),
        hide_index=True,
        column_config={
            "Claim": st.column_config.TextColumn(width="medium"),
            "Article": st.column_config.TextColumn(width="medium"),
            "Sentence": st.column_config.TextColumn(width="large"),
            "URL": st.column_config.LinkColumn(width="small"),
        },
        row_height=ROW_HEIGHT,
    )
    columns = st.columns(3)
    columns[0].download_button(
        "Download this selection (CSV)",
        lambda: reports.csv_of(kept),
        file_name="sourcetrace-claims.csv",
        mime="text/csv",
        on_click="ignore",
    )

    def export(fmt: str) -> Callable[[], bytes]:
        """The selection's chains as a graph file, built only when the button is clicked."""
        return lambda: export_graph(
            G.subgraph(chain_nodes(G, {r["attribution"] for r in kept})), fmt
        )

    for column, fmt, mime in (
        (columns[1], "gexf", "application/gexf+xml"),
        (columns[2], "graphml", "application/graphml+xml"),
    ):
        column.download_button(
            f"Download this selection ({fmt.upper()})",
            export(fmt),
            file_name=f"sourcetrace-claims.{fmt}",
            mime=mime,
            on_click="ignore",
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
ranked_table(circular_table, key="circular-table", empty="No circular reporting in this corpus.")
for c in circular:
    with st.expander(untrusted.label(f"Evidence: {' → '.join(c.outlets)}: {c.text[:80]}")):
        for citation in c.citations:
            st.text(f"{citation.citing} cites {citation.cited}:\n{citation.sentence}")
