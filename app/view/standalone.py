"""A graph view as one self-contained HTML file (vis-network inlined, no network access).

Used for "download this view" and by ``benchmarks/bench_render.py`` to time
drawing in a browser. The payload goes in through :func:`payload_json`, so no
string from an article can close the ``<script>`` element it sits in.
"""

from __future__ import annotations

import html
from typing import Any

from app.components.graph_view import vis_assets
from app.view.payload import payload_json

_SCRIPT = """
const payload = JSON.parse(document.getElementById("payload").textContent);
const nodes = new vis.DataSet(payload.nodes);
const edges = new vis.DataSet(payload.edges);
const started = performance.now();
const network = new vis.Network(document.getElementById("graph"), {nodes, edges}, payload.options);
window.network = network;
network.once("afterDrawing", () => {
  window.firstDrawMs = performance.now() - started;
  if (!payload.physics) window.readyMs = window.firstDrawMs;
});
network.once("stabilizationIterationsDone", () => {
  window.readyMs = performance.now() - started;
});
if (payload.physics === false) network.fit();
"""


def standalone_html(payload: dict[str, Any], *, title: str = "sourcetrace graph") -> str:
    """A complete HTML document drawing ``payload`` with the vis-network shipped in pyvis.

    >>> page = standalone_html({"nodes": [{"id": "n", "label": "</script><b>"}], "edges": [],
    ...                         "options": {}, "physics": False}, title="<i>")
    >>> "</script><b>" in page, "&lt;i&gt;" in page, "http" in page.split("<body>")[1]
    (False, True, False)
    """
    js, css = vis_assets()
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        f"<style>{css}\nhtml,body{{margin:0;height:100%}}#graph{{height:100vh}}"
        "div.vis-tooltip{white-space:pre-wrap}</style>"
        f"<script>{js}</script></head><body><div id='graph'></div>"
        f"<script type='application/json' id='payload'>{payload_json(payload)}</script>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
