"""Overview: what the corpus holds, which outlets lean on which, who is cited most."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from app.components.graph_view import graph_view
from app.view import session
from app.view.payload import build_payload
from graph import schema
from graph.analysis import outlet_dependency, source_diversity

st.title("Overview")
counts = session.store().counts()
nodes = counts.get("nodes", {})
if not nodes.get(schema.ARTICLE):
    st.info(
        "The store is empty. Add articles on the **Add articles** page or run `sourcetrace demo`."
    )
    st.stop()

columns = st.columns(5)
for column, (label, name) in zip(
    columns,
    [
        (schema.ARTICLE, "Articles"),
        (schema.OUTLET, "Outlets"),
        (schema.SOURCE, "Sources"),
        (schema.CLAIM, "Claims"),
        (schema.ATTRIBUTION, "Attributions"),
    ],
    strict=True,
):
    column.metric(name, f"{nodes.get(label, 0):,}")

dependency = session.analysis("outlet_dependency", outlet_dependency)
diversity = session.analysis("source_diversity", lambda G: source_diversity(G, top=25))

st.subheader("Outlet dependency")
st.caption(
    "An arrow from one outlet to another means its articles cite the other outlet; "
    "thicker arrows, more citations. Click an outlet to explore it."
)
view = nx.DiGraph()
cited_by: dict[str, int] = {}
for c in dependency.citations:
    cited_by[c.cited] = cited_by.get(c.cited, 0) + c.attributions
for role in dependency.outlets:
    view.add_node(
        role.outlet, label=schema.OUTLET, name=role.name, citations=cited_by.get(role.outlet, 0)
    )
for c in dependency.citations:
    view.add_edge(c.citing, c.cited, rel="CITES", weight=c.attributions)
if view.number_of_edges():
    event = graph_view(build_payload(view), key="overview-dependency", height=460)
    if event is not None:
        st.switch_page(
            "app_pages/explore.py", query_params={"focus": event.node, "node": event.node}
        )
else:
    st.info("No outlet cites another outlet in this corpus.")
roles = pd.DataFrame(
    [
        {
            "Outlet": r.name,
            "Role": r.role,
            "Articles": r.articles,
            "Originated": r.originated,
            "Relayed": r.relayed,
            "Cited by": r.cited_by,
        }
        for r in dependency.outlets
    ]
)
st.caption(
    "Each outlet's role: attributions it originated (the chain names no other outlet), "
    "relayed (the chain names another outlet), and how often other outlets cite it."
)
st.dataframe(
    roles,
    hide_index=True,
    column_config={
        "Outlet": st.column_config.TextColumn(width="medium"),
        **{c: st.column_config.NumberColumn(width="small") for c in roles.columns[2:]},
    },
)

left, right = st.columns(2)
with left:
    st.subheader("Most-cited sources")
    top = pd.DataFrame(
        [
            {
                "Source": s.name,
                "Type": s.type,
                "Role": ", ".join(s.roles),
                "Attributions": s.attributions,
                "Articles": s.articles,
                "Outlets": s.outlets,
            }
            for s in diversity.top_sources
        ]
    )
    st.dataframe(top, hide_index=True)
with right:
    st.subheader("Anonymous sources per outlet")
    # Percentages in both the chart and the table, so they read the same.
    shares = pd.DataFrame(
        [
            {
                "Outlet": m.name,
                "Anonymous (%)": round(100 * m.share_anonymous, 1),
                "Official (%)": round(100 * m.share_official, 1),
                "Attributions": m.attributions,
            }
            for m in diversity.outlets
        ]
    )
    if not shares.empty:
        st.bar_chart(shares, x="Outlet", y="Anonymous (%)", horizontal=True)
        percent = st.column_config.ProgressColumn(format="%.0f%%", min_value=0, max_value=100)
        st.dataframe(
            shares,
            hide_index=True,
            column_config={"Anonymous (%)": percent, "Official (%)": percent},
        )
