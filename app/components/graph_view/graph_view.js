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
  } else if (!data.physics) {
    parts.push(`${data.total} nodes: laid out once, physics off.`);
  }
  box.textContent = parts.join(" ");
  box.style.display = parts.length ? "block" : "none";
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
  state.physics = data.physics;
  state.signature = data.signature;
}

function create(parentElement, data, setTriggerValue) {
  const root = el("div", "stg-root");
  const canvas = el("div", "stg-canvas");
  canvas.style.height = (data.height || 620) + "px";
  const notice = el("div", "stg-notice");
  const legend = el("div", "stg-legend");
  root.append(notice, canvas, legend);
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
    nodes,
    edges,
    network,
    viewKey: data.view_key,
    signature: data.signature,
    physics: data.physics,
    setTriggerValue,
  };
  const ready = () => {
    root.dataset.ready = "1";
  };
  if (restore) {
    network.moveTo({ position: restore.position, scale: restore.scale });
    ready();
  } else if (data.physics) {
    network.once("stabilizationIterationsDone", () => {
      network.fit();
      ready();
      save(state);
    });
  } else {
    network.fit();
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
