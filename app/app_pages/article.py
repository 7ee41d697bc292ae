"""Read an article: its text with sources, cues and contents marked, and its sourcing mix.

URL state: ``article`` (an Article node key).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from app.view import graphs, session, untrusted
from app.view.evidence import CSS, article_html, legend_html
from app.view.style import readable_date
from graph import schema
from graph.analysis import source_diversity


def _source_type(data: dict[str, object]) -> str:
    """A source's type; an Outlet node (an outlet as the source) has none stored."""
    if data.get("label") == schema.OUTLET:
        return "outlet"
    return str(data.get("type") or "")


def _newest_first(G: nx.MultiDiGraph) -> list[str]:
    """Article keys, newest first (undated ones, "None" included, last); once per version."""

    def newest(key: str) -> tuple[bool, str, str]:
        published = G.nodes[key].get("published")
        dated = readable_date(published, missing="") != ""
        return dated, str(published) if dated else "", session.node_name(G, key)

    keys = [k for k, d in G.nodes(data=True) if d.get("label") == schema.ARTICLE]
    return sorted(keys, key=newest, reverse=True)


st.title("Read an article")
untrusted.html(CSS)
G = session.graph()
articles = session.analysis("article-list", _newest_first)
if not articles:
    st.info("No articles yet. Add some first.")
    st.stop()

wanted = session.param("article")
session.seed("article-article", wanted if wanted in articles else articles[0])
if st.session_state["article-article"] not in articles:
    st.session_state["article-article"] = articles[0]
article = st.selectbox(
    "Article",
    articles,
    key="article-article",
    format_func=lambda k: " · ".join(
        (
            readable_date(G.nodes[k].get("published")),
            str(G.nodes[k].get("outlet") or "(no outlet)"),
            session.node_name(G, k),
        )
    ),
)
if article != wanted:
    session.set_params(article=article)

data = G.nodes[article]
untrusted.html(untrusted.heading(session.node_name(G, article), 2))
untrusted.caption(f"{data.get('outlet') or '(no outlet)'} · {readable_date(data.get('published'))}")
if data.get("url"):
    st.text(str(data["url"]))

records = graphs.attributions_of(G, article, limit=10_000)
text_column, mix_column = st.columns([3, 2])
with text_column:
    untrusted.html(legend_html())
    text = str(data.get("text") or "")
    if text:
        untrusted.html(article_html(text, records))
    else:
        st.info("This store keeps no text for the article.")

with mix_column:
    st.subheader("Sourcing")
    diversity = session.analysis("source_diversity", lambda G: source_diversity(G, top=25))
    mix = next((m for m in diversity.articles if m.key == article), None)
    if mix is not None:
        cols = st.columns(2)
        cols[0].metric("Attributions", mix.attributions)
        cols[1].metric("Distinct sources", mix.sources)
        cols[0].metric("Anonymous", f"{mix.share_anonymous:.0%}")
        cols[1].metric("Official", f"{mix.share_official:.0%}")
        st.metric("Refusals to comment", f"{mix.share_refusals:.0%}")
    rows = []
    for r in records:
        origin = r.get("origin")
        rows.append(
            {
                "Source": session.node_name(G, origin) if origin else "(unspecified)",
                "Type": _source_type(G.nodes[origin]) if origin in G else "",
                "Via": " → ".join(session.node_name(G, v["node"]) for v in r["via"]),
                "Cue": r.get("cue") or "",
                "Kind": r.get("kind") or "",
                "Content": r.get("content_text") or "",
            }
        )
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True)
        kinds = pd.Series([row["Type"] or "unspecified" for row in rows]).value_counts()
        st.bar_chart(kinds, horizontal=True)
    else:
        st.write("No attributions found in this article.")
    untrusted.html(f"<small>Article id: <code>{untrusted.escape(article)}</code></small>")
