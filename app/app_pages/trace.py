"""Trace a claim: every chain to it, left to right, with evidence and the independence count.

URL state: ``claim`` (a Claim node key).
"""

from __future__ import annotations

import streamlit as st

from app.cmd_claims import group_report
from app.components.graph_view import graph_view
from app.view import graphs, session, untrusted
from app.view.chains_html import CSS as CHAIN_CSS
from app.view.chains_html import chain_html, independence_html
from app.view.evidence import CSS, evidence_html, legend_html
from app.view.payload import build_payload
from app.view.style import readable_date
from graph import schema
from graph.analysis import ORIGIN_RULE, claim_origins, trace
from graph.analysis.trace import Chain
from graph.chains import chain_nodes
from graph.errors import NotFoundError


@st.cache_resource(max_entries=64, show_spinner="Tracing…")
def _trace(settings: tuple[str | None, str | None], version: str, claim: str) -> list[Chain]:
    """The chains of one claim, once per store version (kept apart from the analyses'
    cache, so browsing many claims never evicts those)."""
    return trace(session.graph(), claim)


st.title("Trace a claim")
untrusted.html(CSS + CHAIN_CSS)
G = session.graph()
origins = session.analysis("claim_origins", claim_origins)
if not origins:
    st.info("No claims yet. Add articles first.")
    st.stop()

by_claim = {c: r for r in origins for c in r.claims}
choices = [r.group for r in origins]
wanted = session.param("claim")
if wanted and wanted in by_claim:
    wanted = by_claim[wanted].group
session.seed("trace-claim", wanted if wanted in choices else choices[0])
if st.session_state["trace-claim"] not in choices:  # the store changed under the page
    st.session_state["trace-claim"] = choices[0]
claim = st.selectbox(
    "Claim",
    choices,
    key="trace-claim",
    format_func=lambda k: f"{by_claim[k].text[:110]}  ({len(by_claim[k].outlets)} outlets)",
)
if claim != session.param("claim"):
    session.set_params(claim=claim)
result = by_claim[claim]

untrusted.html(independence_html(len(result.outlets), result.origins))
untrusted.caption(
    f"Verdict: {result.verdict} · {result.articles} article(s), "
    f"{result.attributions} attribution(s) · outlets: {', '.join(result.outlets)}"
)
if result.named_origins:
    untrusted.caption("Origins: " + ", ".join(result.named_origins))
with st.expander("How origins are counted"):
    st.text(ORIGIN_RULE)
if len(result.claims) > 1:
    report = group_report(G, schema.split_key(claim)[1])
    with st.expander(f"{len(report['members'])} wordings joined as one claim, and why"):
        st.dataframe(
            [{"claim": m["id"], "wording": m["text"]} for m in report["members"]],
            hide_index=True,
        )
        st.dataframe(
            [
                {"from": k["from"], "to": k["to"], "why": k.get("reason", "")}
                for k in report["links"]
            ],
            hide_index=True,
        )
        wrong = st.selectbox(
            "A wording that does not belong here",
            [m["id"] for m in report["members"]],
            format_func=lambda c: next(m["text"][:100] for m in report["members"] if m["id"] == c),
            key="trace-split",
        )
        if st.button("Split it out of this group", key="trace-split-button"):
            session.store().split_claim(wrong)
            session.forget_graph()
            st.rerun()

try:
    chains = _trace(session.settings(), session.version(), claim)
except NotFoundError as e:
    untrusted.alert("error", e)
    st.stop()

st.subheader(f"{len(chains)} chain(s), earliest first")
untrusted.html(legend_html())
for chain in chains:
    names = [chain.outlet or "(unknown outlet)"]
    kinds = ["article"]
    for hop in chain.hops:
        names.append(hop.name)
        kinds.append("outlet" if hop.outlet else hop.type)
    if chain.origin is None:
        names.append("(unspecified source)")
        kinds.append("unspecified")
    with st.container(border=True):
        title = chain.title or chain.url or chain.article or ""
        untrusted.caption(f"{readable_date(chain.published)} · {title} · {chain.kind}")
        untrusted.html(chain_html(names, kinds))
        record = graphs.attribution_record(G, chain.attribution)
        untrusted.html(evidence_html(record))
        if chain.article:
            st.page_link(
                "app_pages/article.py",
                label="Read the article",
                query_params={"article": chain.article},
            )

sub = G.subgraph(chain_nodes(G, (c.attribution for c in chains)))
st.subheader("As a graph")
event = graph_view(build_payload(graphs.collapse_attributions(sub)), key="trace-graph", height=420)
if event is not None:
    st.switch_page("app_pages/explore.py", query_params={"focus": event.node, "node": event.node})
