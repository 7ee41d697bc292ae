"""The interactive graph view: vis-network in a Streamlit v2 component.

The vis-network JavaScript and CSS come from inside the installed pyvis
package and are inlined into the component, so the browser never fetches
anything beyond the Streamlit server on 127.0.0.1. Clicks come back to
Python as trigger values: :func:`graph_view` returns the node clicked
(``click``) or double-clicked (``expand``) in the run that event caused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyvis
import streamlit as st

HERE = Path(__file__).parent
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
NAME = "sourcetrace_graph_view"


@cache
def vis_assets() -> tuple[str, str]:
    """The JavaScript and CSS of vis-network as shipped in pyvis, source-map comments removed."""
    js = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    strip = re.compile(r"^\s*(//|/\*)# sourceMappingURL=.*$", re.MULTILINE)
    return strip.sub("", js), strip.sub("", css)


@cache
def component_sources() -> tuple[str, str]:
    """The component's full JavaScript module and CSS."""
    vis_js, vis_css = vis_assets()
    own_js = (HERE / "graph_view.js").read_text(encoding="utf-8")
    own_css = (HERE / "graph_view.css").read_text(encoding="utf-8")
    return vis_js + "\n;\n" + own_js, vis_css + "\n" + own_css


@cache
def _mount() -> Any:
    js, css = component_sources()
    return st.components.v2.component(NAME, js=js, css=css, isolate_styles=True)


@dataclass(frozen=True, slots=True)
class GraphEvent:
    """What the user did in the graph view: ``action`` is "click" or "expand"."""

    action: str
    node: str


def _ignore() -> None:
    """Events are read from the return value; the callbacks only declare them."""


def graph_view(payload: dict[str, Any], *, key: str, height: int = 620) -> GraphEvent | None:
    """Draw ``payload`` (from :func:`app.view.payload.build_payload`); return this run's event.

    ``key`` also names the view in the browser's session storage, where its
    zoom and node positions are kept across reruns.
    """
    data = {**payload, "view_key": key, "height": height}
    result = _mount()(
        key=key,
        data=data,
        on_click_change=_ignore,
        on_expand_change=_ignore,
    )
    for action in ("expand", "click"):
        value = getattr(result, action, None) if result is not None else None
        if isinstance(value, dict) and isinstance(value.get("node"), str):
            return GraphEvent(action=action, node=value["node"])
    return None
