"""Explore: the interactive graph, with search, filters, node details and evidence.

URL state: ``focus`` (centre of a neighbourhood view), ``node`` (selected),
``expand`` (nodes whose neighbours were added), ``depth``, ``types``,
``outlet``, ``from``, ``to``, ``kind``, ``attr`` (show attribution nodes), ``q`` (the
search) and ``layout`` (``chain`` for the left-to-right chain layout).
"""

from __future__ import annotations

import datetime as dt
import os

import networkx as nx
import streamlit as st

from app.components.graph_view import graph_view
from app.components.search_box import search_box
from app.view import graphs, layout, session, style, untrusted
from app.view.evidence import CSS, evidence_html, legend_html
from app.view.payload import FORCE, LAYOUTS, Prepared, build_payload, prepare
from app.view.standalone import standalone_html
from app.view.style import STYLES, node_name
from graph import schema
from graph.model import AttributionKind
from graph.search import Hit

DEFAULT_TYPES = (schema.ARTICLE, schema.OUTLET, schema.SOURCE, schema.CLAIM)
# Nodes drawn at most before the view is aggregated (raise it on a fast machine).
DRAW_MAX = int(os.environ.get("SOURCETRACE_DRAW_MAX") or layout.DRAW_MAX)
SEARCH_MAX = 25  # hits listed (and highlighted) for a search


def _facets(G: nx.MultiDiGraph) -> tuple[list[str], list[dt.date]]:
    """The outlets (by name) and publication days the filters offer: read once per version."""
    outlets = sorted(
        (k for k, d in G.nodes(data=True) if d.get("label") == schema.OUTLET),
        key=lambda k: session.node_name(G, k).lower(),
    )
    days = sorted(
        d
        for _, data in G.nodes(data=True)
        if data.get("label") == schema.ARTICLE
        and (d := style.publication_day(data.get("published")))
    )
    return outlets, days


@st.cache_resource(max_entries=16, show_spinner="Laying out the graph…")
def _view(
    settings: tuple[str | None, str | None],
    version: str,
    focus: str | None,
    expand: tuple[str, ...],
    depth: int,
    spec: graphs.GraphFilter,
    with_attributions: bool,
    draw_max: int,
    chosen_layout: str,
    must: frozenset[str],
) -> Prepared:
    store = session.store()
    if focus:
        G = store.neighbourhood(focus, depth=depth, limit=layout.DRAW_MAX)
        for key in expand:
            G = nx.compose(G, store.neighbourhood(key, depth=2, limit=300))
        G = graphs.complete_chains(session.graph(), G)
    else:
        G = session.graph()
    G = graphs.filter_graph(G, spec)
    if with_attributions:
        view = graphs.raw_view(G, labels=spec.labels)
    else:
        view = graphs.collapse_attributions(G, labels=spec.labels)
    return prepare(view, draw_max=draw_max, chosen_layout=chosen_layout, must=must)


@st.cache_resource(max_entries=64, show_spinner=False)
def _search(settings: tuple[str | None, str | None], version: str, query: str) -> list[Hit]:
    return session.store().search_hits(query, limit=SEARCH_MAX)


st.title("Explore")
untrusted.html(CSS)
G_all = session.graph()
if G_all.number_of_nodes() == 0:
    st.info("The store is empty. Add articles first.")
    st.stop()

focus = session.param("focus")
selected = session.param("node")
expand = tuple(session.params("expand"))

# Widgets have keys and take their first value from the URL (session.seed), so that
# writing the URL back never recreates them; changes made from code go through
# PENDING and are applied before the widgets exist on the next run.
PENDING = "explore-pending"
for widget_key, value in st.session_state.pop(PENDING, {}).items():
    st.session_state[widget_key] = value

# --- search -----------------------------------------------------------------
with st.sidebar:
    st.header("Find")
    query = search_box(
        key="explore-search",
        value=session.param("q") or "",
        placeholder="Search people, outlets, claims, articles…",
    ).strip()
    session.set_params(q=query or None)
    # Only nodes of the graph as read (people resolved across articles, graph.identity):
    # a stored node that reading merged into another is not offered twice.
    hits = [h for h in _search(session.settings(), session.version(), query) if h.key in G_all]
    if query and not hits:
        st.caption("No node matches.")
    elif hits:
        st.caption(
            f"{len(hits)} best match(es): whole name, then start of the name or of a word, "
            "then anywhere; people and outlets first, then by citations. "
            "Select one to centre the graph on it; all are outlined in the graph."
        )
        by_key = {h.key: h for h in hits}
        choice = st.selectbox(
            "Matches, best first",
            list(by_key),
            index=None,
            format_func=lambda k: (
                f"{style.shorten(by_key[k].name, 48)} "
                f"({by_key[k].type or by_key[k].label.lower()}) · {by_key[k].cited} cited"
            ),
            placeholder=f"{len(hits)} match(es): pick one to centre on",
            key=f"explore-hits-{query}",
        )
        if choice and choice != focus:
            session.set_params(focus=choice, node=choice, expand=None)
            st.rerun()
    depth = 2
    if focus:
        st.text(f"Centred on: {session.node_name(G_all, focus)}")
        session.seed("explore-depth", int(session.param("depth") or 2))
        depth = st.slider("Hops around it", 1, 4, key="explore-depth")
        session.set_params(depth=None if depth == 2 else str(depth))
        if st.button("Show the whole graph"):
            session.set_params(focus=None, expand=None, depth=None)
            st.rerun()

    # --- filters --------------------------------------------------------------
    st.header("Filter")
    type_names = {k: STYLES[k]["name"] for k in schema.LABELS}
    wanted_types = [t for t in session.params("types") if t in schema.LABELS]
    session.seed("explore-types", wanted_types or list(DEFAULT_TYPES))
    types = st.multiselect(
        "Node types", list(schema.LABELS), key="explore-types", format_func=type_names.__getitem__
    )
    session.set_params(types=None if set(types) == set(DEFAULT_TYPES) else types)
    outlet_keys, days = session.analysis("explore-facets", _facets)
    session.seed("explore-outlets", [o for o in session.params("outlet") if o in outlet_keys])
    outlets = st.multiselect(
        "Outlets",
        outlet_keys,
        key="explore-outlets",
        format_func=lambda k: session.node_name(G_all, k),
    )
    session.set_params(outlet=outlets)
    date_from, date_to = session.date_range(st, "explore-dates", days)
    kind_names = [str(k) for k in AttributionKind]
    session.seed("explore-kinds", [k for k in session.params("kind") if k in kind_names])
    kinds = st.multiselect("Attribution kinds", kind_names, key="explore-kinds")
    session.set_params(kind=kinds)
    st.header("Layout")
    wanted_layout = session.param("layout") or FORCE
    session.seed("explore-layout", wanted_layout if wanted_layout in LAYOUTS else FORCE)
    chosen_layout = st.radio(
        "Layout", list(LAYOUTS), key="explore-layout", format_func=LAYOUTS.__getitem__
    )
    session.set_params(layout=None if chosen_layout == FORCE else chosen_layout)
    session.seed("explore-attr", session.param("attr") == "1")
    with_attributions = st.toggle("Show attribution nodes", key="explore-attr")
    session.set_params(attr="1" if with_attributions else None)

if with_attributions and types:
    types = [*types, schema.ATTRIBUTION] if schema.ATTRIBUTION not in types else types
spec = graphs.GraphFilter(
    labels=frozenset(types),
    outlets=frozenset(outlets),
    date_from=date_from,
    date_to=date_to,
    kinds=frozenset(kinds),
)
if focus and not session.store().node(focus):
    untrusted.alert("warning", f"No node {focus!r} in the store; showing the whole graph.")
    session.set_params(focus=None, expand=None)
    focus = None
highlight = frozenset(h.key for h in hits)
must = highlight | {k for k in (focus, *expand) if k}
prepared = _view(
    session.settings(),
    session.version(),
    focus,
    expand,
    depth,
    spec,
    with_attributions,
    DRAW_MAX,
    chosen_layout,
    frozenset(must),
)
payload = build_payload(prepared, selected=selected, highlight=highlight)

graph_column, detail_column = st.columns([3, 2])
with graph_column:
    st.caption(
        f"{len(payload['nodes'])} nodes shown. Click a node for its details and evidence, "
        "double-click to add its neighbours. Fit, zoom, hide (and undo) and pin are above "
        "the graph; only the most-cited nodes are labelled, hover for the others."
    )
    event = graph_view(payload, key="explore")
    st.download_button(
        "Download this view (HTML, works offline)",
        lambda: standalone_html(payload, title="sourcetrace: explore"),
        file_name="sourcetrace-graph.html",
        mime="text/html",
        on_click="ignore",
    )
    if event is not None:
        if payload["mode"] == "aggregate":
            if event.node.startswith(schema.OUTLET + ":"):
                st.session_state[PENDING] = {"explore-outlets": [event.node]}
                session.set_params(outlet=[event.node], node=event.node)
            else:
                session.set_params(focus=event.node, node=event.node, expand=None)
        elif event.action == "expand":
            if not focus:
                session.set_params(focus=event.node, node=event.node)
            elif event.node not in expand and event.node != focus:
                session.set_params(expand=[*expand, event.node], node=event.node)
        else:
            session.set_params(node=event.node)
        st.rerun()

with detail_column:
    if not selected or selected not in G_all:
        st.info("Click a node to see its details and the sentences it comes from.")
    else:
        data = G_all.nodes[selected]
        label = str(data.get("label", ""))
        untrusted.html(untrusted.heading(node_name(data)))
        untrusted.caption(f"{STYLES.get(label, {}).get('name', label)} · {selected}")
        facts = {
            k: v
            for k, v in data.items()
            if k not in ("label", "text", "id", "sentence") and v not in (None, "", [], ())
        }
        if facts:
            st.dataframe(
                {"property": list(facts), "value": [str(v) for v in facts.values()]},
                hide_index=True,
            )
        buttons = st.columns(3)
        if buttons[0].button("Centre here", disabled=selected == focus):
            session.set_params(focus=selected, expand=None)
            st.rerun()
        if label == schema.CLAIM:
            buttons[1].page_link(
                "app_pages/trace.py", label="Trace", query_params={"claim": selected}
            )
        if label == schema.ARTICLE:
            buttons[1].page_link(
                "app_pages/article.py", label="Read", query_params={"article": selected}
            )
        records = graphs.attributions_of(G_all, selected, limit=30)
        if records:
            untrusted.html(f"<b>Evidence</b> ({len(records)}) &nbsp; {legend_html()}")
        for record in records:
            article = record.get("article")
            where = []
            if record.get("outlet"):
                where.append(session.node_name(G_all, record["outlet"]))
            if article:
                where.append(session.node_name(G_all, article))
            kind = str(record.get("kind") or "statement")
            meta = untrusted.escape(" · ".join([*where, kind]))
            untrusted.html(
                f'<div class="st-evidence-row"><small>{meta}</small><br>'
                f"{evidence_html(record)}</div>"
            )
