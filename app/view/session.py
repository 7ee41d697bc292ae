"""What every page shares: the open store, cached graphs and analyses, URL state.

The store comes from the environment, as :func:`graph.store.open_store`
reads it (``SOURCETRACE_STORE``, or ``NEO4J_URI`` for Neo4j); ``sourcetrace
app`` sets those for the Streamlit process. Only the
:class:`~graph.store.base.GraphStore` interface is used, so every store works.

Page state that makes a view worth sharing (focused node, claim, filters)
lives in the URL query string, read and written with :func:`param`,
:func:`params` and :func:`set_params`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any, TypeVar

import networkx as nx
import streamlit as st

from app.view.style import publication_day
from graph.errors import SourcetraceError
from graph.store import STORE_ENV, GraphStore, open_store

T = TypeVar("T")


def settings() -> tuple[str | None, str | None]:
    """What names the store: ``($SOURCETRACE_STORE, $NEO4J_URI)``; part of every cache key."""
    return os.environ.get(STORE_ENV), os.environ.get("NEO4J_URI")


@st.cache_resource(show_spinner=False)
def _store(settings: tuple[str | None, str | None]) -> GraphStore:
    return open_store()


def store() -> GraphStore:
    """The app's store; stops the page with a readable error when it cannot be opened."""
    try:
        return _store(settings())
    except SourcetraceError as e:
        from app.view import untrusted

        untrusted.alert("error", f"Cannot open the graph store: {e}")
        st.stop()
        raise  # unreachable: st.stop() raises


def version() -> str:
    """Changes on every write to the store (:meth:`GraphStore.version`); part of every cache
    key, so graphs and analyses are computed once per store version, not per rerun."""
    return store().version()


@st.cache_resource(show_spinner="Reading the graph…", max_entries=2)
def _graph(settings: tuple[str | None, str | None], version: str) -> nx.MultiDiGraph:
    return store().to_networkx()


def graph() -> nx.MultiDiGraph:
    """The whole graph, read once per store version. Treat it as read-only."""
    return _graph(settings(), version())


@st.cache_resource(show_spinner="Analysing…", max_entries=32)
def _analysis(
    name: str,
    settings: tuple[str | None, str | None],
    version: str,
    _fn: Callable[[nx.MultiDiGraph], Any],
) -> Any:
    return _fn(graph())


def analysis(name: str, fn: Callable[[nx.MultiDiGraph], T]) -> T:
    """``fn(graph())``, computed once per store, store version and ``name``."""
    result: T = _analysis(name, settings(), version(), fn)
    return result


def forget_graph() -> None:
    """Drop cached graphs and analyses (after articles were added)."""
    _graph.clear()
    _analysis.clear()


def param(name: str, default: str | None = None) -> str | None:
    """The query parameter ``name`` (its last value) or ``default``."""
    values = st.query_params.get_all(name)
    return values[-1] if values else default


def params(name: str) -> list[str]:
    """Every value of the query parameter ``name``."""
    return list(st.query_params.get_all(name))


def seed(key: str, value: Any) -> None:
    """Give the widget ``key`` its first value (from the URL), unless it already has one."""
    if key not in st.session_state:
        st.session_state[key] = value


def set_params(**values: str | list[str] | None) -> None:
    """Set query parameters; ``None`` or an empty list removes one."""
    for name, value in values.items():
        if value is None or value == [] or value == "":
            if name in st.query_params:
                del st.query_params[name]
        else:
            st.query_params[name] = value


def node_name(G: nx.MultiDiGraph, key: str) -> str:
    """A node's display name, or its key when it is not in ``G``."""
    from app.view.style import node_name as name_of

    return name_of(G.nodes[key]) if key in G else key


def date_range(container: Any, key: str, days: list[dt.date]) -> tuple[str | None, str | None]:
    """A "Published between" filter over the sorted ``days`` in ``container`` (kept in the
    URL as ``from`` / ``to``); ISO bounds, None where the range is not narrowed."""
    date_from = date_to = None
    if days:
        first = max(days[0], min(days[-1], publication_day(param("from")) or days[0]))
        last = max(first, min(days[-1], publication_day(param("to")) or days[-1]))
        seed(key, (first, last))
        chosen = container.date_input(
            "Published between", min_value=days[0], max_value=days[-1], key=key
        )
        if isinstance(chosen, tuple) and len(chosen) == 2:
            date_from = chosen[0].isoformat() if chosen[0] > days[0] else None
            date_to = chosen[1].isoformat() if chosen[1] < days[-1] else None
        set_params(**{"from": date_from, "to": date_to})
    return date_from, date_to
