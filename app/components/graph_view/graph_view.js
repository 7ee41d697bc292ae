// The graph view: draws a payload from app/view/payload.py with vis-network
// (prepended to this file by app/components/graph_view/__init__.py, so
// `globalThis.vis` exists) and reports clicks back to Python.
//
// Every string from the payload reaches the page as canvas text or through
// textContent/innerText: nothing here parses HTML.

const STORE = "sourcetrace.graph_view:";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function loadSaved(viewKey) {
  try {
    return JSON.parse(window.sessionStorage.getItem(STORE + viewKey) || "null");
  } catch (e) {
    return null;
  }
}

function save(state) {
  const network = state.network;
  if (!network) return;
  try {
    const saved = {
      signature: state.signature,
      scale: network.getScale(),
      position: network.getViewPosition(),
      positions: network.getPositions(),
      hidden: state.hiddenStack,
      pinned: Array.from(state.pinned),
    };
    window.sessionStorage.setItem(STORE + state.viewKey, JSON.stringify(saved));
  } catch (e) {
    // sessionStorage full or unavailable: the view simply starts fresh next time.
  }
}

function buildLegend(box, data) {
  box.replaceChildren();
  for (const item of data.legend || []) {
    const row = el("span", "stg-legend-item");
    const swatch = el("span", "stg-swatch stg-" + item.shape);
    swatch.style.background = item.color;
    row.append(swatch, el("span", "", item.name));
    box.append(row);
  }
}

function buildNotice(box, data) {
  const parts = [];
  if (data.mode === "aggregate") {
    parts.push(
      `Showing outlets and top sources: ${data.hidden} of ${data.total} nodes hidden. ` +
        "Click an outlet or source to drill down, or narrow the filters."
    );
  }
  const left = Object.entries(data.left_out || {});
  if (left.length) {
    const n = left.reduce((sum, [, k]) => sum + k, 0);
    const what = left.map(([label, k]) => `${k} ${label.toLowerCase()}${k === 1 ? "" : "s"}`);
    parts.push(
      `Showing the ${data.nodes.length} most-cited of ${data.total} nodes; ${n} left out ` +
        `(${what.join(", ")}). Narrow the filters, or double-click a node to expand it.`
    );
  }
  box.textContent = parts.join(" ");
  box.style.display = parts.length ? "block" : "none";
}

function buildSizes(box, data) {
  box.replaceChildren();
  const stops = data.sizes || [];
  if (!stops.length) return;
  box.append(el("span", "stg-sizes-title", "Size: citations"));
  for (const stop of stops) {
    const row = el("span", "stg-legend-item");
    const dot = el("span", "stg-size-dot");
    const d = Math.round(stop.size * 1.2);
    dot.style.width = d + "px";
    dot.style.height = d + "px";
    row.append(dot, el("span", "", String(stop.citations)));
    box.append(row);
  }
}

const FIT = { maxZoomLevel: 2.5, minZoomLevel: 0.02 };

function fitView(state) {
  const visible = state.nodes.getIds({ filter: (n) => !n.hidden });
  state.network.fit(Object.assign({ nodes: visible }, FIT));
  state.root.dataset.fitted = state.signature;
}

function refit(state, data) {
  // Fit once the layout has settled: after stabilisation with physics, at once without.
  if (data.physics) {
    state.network.once("stabilizationIterationsDone", () => {
      fitView(state);
      save(state);
    });
    state.network.stabilize(150);
  } else {
    fitView(state);
  }
}

function buildToolbar(state) {
  const bar = el("div", "stg-toolbar");
  const button = (text, title, action) => {
    const b = el("button", "stg-button", text);
    b.type = "button";
    b.title = title;
    b.dataset.action = title;
    b.addEventListener("click", (event) => {
      event.preventDefault();
      action();
    });
    bar.append(b);
    return b;
  };
  const zoom = (factor) => {
    const network = state.network;
    network.moveTo({ scale: network.getScale() * factor });
    save(state);
  };
  button("Fit", "fit", () => fitView(state));
  button("+", "zoom in", () => zoom(1.4));
  button("\u2212", "zoom out", () => zoom(1 / 1.4));
  button("Hide", "hide selected", () => {
    const ids = state.network.getSelectedNodes();
    if (!ids.length) return;
    state.hiddenStack.push(ids);
    state.nodes.update(ids.map((id) => ({ id, hidden: true })));
    state.network.unselectAll();
    updateStatus(state);
    save(state);
  });
  button("Undo", "undo hide", () => {
    const ids = state.hiddenStack.pop();
    if (!ids) return;
    state.nodes.update(ids.filter((id) => state.nodes.get(id)).map((id) => ({ id, hidden: false })));
    updateStatus(state);
    save(state);
  });
  button("Pin", "pin selected", () => {
    for (const id of state.network.getSelectedNodes()) {
      const pinned = !state.pinned.has(id);
      if (pinned) state.pinned.add(id);
      else state.pinned.delete(id);
      state.nodes.update({ id, fixed: pinned, shapeProperties: { borderDashes: pinned ? [4, 3] : false } });
    }
    updateStatus(state);
    save(state);
  });
  state.status = el("span", "stg-status");
  bar.append(state.status);
  return bar;
}

function updateStatus(state) {
  const hidden = state.hiddenStack.reduce((n, ids) => n + ids.length, 0);
  const parts = [];
  if (hidden) parts.push(`${hidden} hidden (Undo shows them again)`);
  if (state.pinned.size) parts.push(`${state.pinned.size} pinned`);
  state.status.textContent = parts.join(" · ");
  state.root.dataset.hidden = String(hidden);
}

function withoutPosition(node) {
  const copy = Object.assign({}, node);
  delete copy.x;
  delete copy.y;
  return copy;
}

function sync(state, data) {
  const { nodes, edges, network } = state;
  const incoming = new Map(data.nodes.map((n) => [n.id, n]));
  const stale = nodes.getIds().filter((id) => !incoming.has(id));
  if (stale.length) nodes.remove(stale);
  const add = [];
  const update = [];
  for (const node of data.nodes) {
    if (nodes.get(node.id)) {
      update.push(data.physics ? withoutPosition(node) : node);
    } else {
      add.push(node);
    }
  }
  if (update.length) nodes.update(update);
  if (add.length) nodes.add(add);
  const edgeIds = new Set(data.edges.map((e) => e.id));
  const staleEdges = edges.getIds().filter((id) => !edgeIds.has(id));
  if (staleEdges.length) edges.remove(staleEdges);
  edges.update(data.edges);
  if (state.physics !== data.physics) network.setOptions({ physics: { enabled: data.physics } });
  if (data.options && data.options.edges) network.setOptions({ edges: data.options.edges });
  state.physics = data.physics;
  const changed = state.signature !== data.signature;
  state.signature = data.signature;
  if (changed) {
    state.hiddenStack = [];
    state.pinned = new Set();
    updateStatus(state);
    refit(state, data);
  }
}

function create(parentElement, data, setTriggerValue) {
  const root = el("div", "stg-root");
  const canvas = el("div", "stg-canvas");
  canvas.style.height = (data.height || 620) + "px";
  const notice = el("div", "stg-notice");
  const legend = el("div", "stg-legend");
  const sizes = el("div", "stg-legend stg-sizes");
  root.append(notice, canvas, legend, sizes);
  parentElement.append(root);

  const vis = globalThis.vis;
  const saved = loadSaved(data.view_key);
  const restore = saved && saved.signature === data.signature ? saved : null;
  const initial = data.nodes.map((n) => {
    const p = restore && restore.positions && restore.positions[n.id];
    return p ? Object.assign({}, n, { x: p.x, y: p.y }) : n;
  });
  const nodes = new vis.DataSet(initial);
  const edges = new vis.DataSet(data.edges);
  const options = Object.assign({}, data.options);
  if (restore) {
    options.physics = Object.assign({}, options.physics, { stabilization: { enabled: false } });
  }
  const network = new vis.Network(canvas, { nodes, edges }, options);
  const state = {
    root,
    notice,
    legend,
    sizes,
    hiddenStack: (restore && restore.hidden) || [],
    pinned: new Set((restore && restore.pinned) || []),
    nodes,
    edges,
    network,
    viewKey: data.view_key,
    signature: data.signature,
    physics: data.physics,
    setTriggerValue,
  };
  root.insertBefore(buildToolbar(state), canvas);
  for (const ids of state.hiddenStack) {
    state.nodes.update(ids.filter((id) => nodes.get(id)).map((id) => ({ id, hidden: true })));
  }
  for (const id of state.pinned) {
    if (nodes.get(id)) nodes.update({ id, fixed: true, shapeProperties: { borderDashes: [4, 3] } });
  }
  updateStatus(state);
  const ready = () => {
    root.dataset.ready = "1";
  };
  if (restore) {
    network.moveTo({ position: restore.position, scale: restore.scale });
    root.dataset.fitted = data.signature;
    ready();
  } else if (data.physics) {
    network.once("stabilizationIterationsDone", () => {
      fitView(state);
      ready();
      save(state);
    });
  } else {
    fitView(state);
    ready();
  }
  let saveTimer = null;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => save(state), 250);
  };
  network.on("zoom", saveSoon);
  network.on("dragEnd", saveSoon);
  network.on("stabilized", saveSoon);
  network.on("click", (params) => {
    if (params.nodes && params.nodes.length) {
      state.setTriggerValue("click", { node: params.nodes[0], at: Date.now() });
    }
  });
  network.on("doubleClick", (params) => {
    if (params.nodes && params.nodes.length) {
      state.setTriggerValue("expand", { node: params.nodes[0], at: Date.now() });
    }
  });
  // For the browser test and for debugging from the console.
  globalThis.__sourcetraceGraph = network;
  return state;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data || !globalThis.vis) return undefined;
  let state = parentElement.__sourcetraceGraph;
  if (!state) {
    state = create(parentElement, data, setTriggerValue);
    parentElement.__sourcetraceGraph = state;
  } else {
    state.setTriggerValue = setTriggerValue;
    if (state.viewKey !== data.view_key) {
      state.viewKey = data.view_key;
    }
    sync(state, data);
  }
  buildLegend(state.legend, data);
  buildNotice(state.notice, data);
  buildSizes(state.sizes, data);
  state.root.dataset.layout = data.layout || "force";
  state.root.dataset.signature = data.signature;
  if (data.selected && state.nodes.get(data.selected)) {
    state.network.selectNodes([data.selected]);
  }
  state.root.dataset.selected = data.selected || "";
  return () => {
    save(state);
    state.network.destroy();
    state.root.remove();
    delete parentElement.__sourcetraceGraph;
  };
}
