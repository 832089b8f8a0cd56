// The viewer's entry point: loads the graph from the API, derives the sigma graph with toSigmaGraph, and wires
// sigma events and the views to the state. Exposes window.__geokg for the end-to-end tests and the benchmark.

import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, type EdgeProgramType } from 'sigma/rendering';
import type { Entity } from '../../src/model.js';
import { api, ApiError, type CypherResult, type ServerConfig } from './api.js';
import { cypherToSnapshot } from './core/cypher-graph.js';
import { emptyDataGraph, mergeSnapshot, snapshotToDataGraph } from './core/data-graph.js';
import { resolveSettings } from './core/settings.js';
import { activeData, focusSet, toUrlState, type AppState } from './core/state.js';
import {
  toSigmaGraph,
  type SigmaEdgeAttributes,
  type SigmaGraph,
  type SigmaNodeAttributes,
} from './core/to-sigma-graph.js';
import { parseUrlState, serializeUrlState } from './core/url-state.js';
import { downloadText, exportFilteredGraph, exportPng, renderToCanvas } from './export.js';
import { runLayout, type LayoutReport, type RunningLayout } from './layout.js';
import { mountCypher } from './views/cypher-view.js';
import { byId } from './views/dom.js';
import { renderFilters, renderLegend } from './views/filters-view.js';
import { EntityPanel } from './views/panel.js';
import { mountSearch } from './views/search.js';
import './style.css';

interface Metrics {
  /** performance.now() when this script started, when the data arrived, and at sigma's first rendered frame. */
  scriptStart: number;
  dataLoaded?: number;
  firstFrame?: number;
  /** Frames sigma has drawn: what the main thread spends on rendering while the layout runs. */
  renders: number;
  layouts: Array<LayoutReport & { endedAt: number }>;
}

interface GeokgHandle {
  ready: boolean;
  error: string | null;
  layoutRunning: boolean;
  metrics: Metrics;
  config: ServerConfig | null;
  graph(): SigmaGraph;
  state(): AppState;
  renderToCanvas(): HTMLCanvasElement;
  select(id: string): Promise<void>;
  /** Page coordinates of a rendered node (for tests that hover or click it with a real mouse). */
  nodePosition(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __geokg: GeokgHandle;
  }
}

const metrics: Metrics = { scriptStart: performance.now(), renders: 0, layouts: [] };
const url = parseUrlState(location.search);
const state: AppState = {
  store: emptyDataGraph(),
  cypher: null,
  filters: url.filters,
  settings: resolveSettings(url.sizeBy ? { sizeBy: url.sizeBy } : {}),
  selected: null,
  hovered: null,
  bench: url.bench,
  limit: url.limit,
};
let sigmaGraph: SigmaGraph = toSigmaGraph(state.store, state.filters, state.settings);
let sigma: Sigma<SigmaNodeAttributes, SigmaEdgeAttributes> | null = null;
let layout: RunningLayout | null = null;
let highlight: Set<string> | null = null;
/** Edges hidden while a big graph is being laid out (see ViewerSettings.largeGraphNodes). */
let edgesHidden = false;
/** Smoothed duration of one sigma frame, in ms. */
let renderCost = 50;

const handle: GeokgHandle = {
  ready: false,
  error: null,
  layoutRunning: false,
  metrics,
  config: null,
  graph: () => sigmaGraph,
  state: () => state,
  renderToCanvas: () => {
    if (!sigma) throw new Error('viewer: not rendered yet');
    return renderToCanvas(sigma);
  },
  select: (id) => select(id),
  nodePosition: (id) => {
    if (!sigma || !sigmaGraph.hasNode(id)) return null;
    const display = sigma.getNodeDisplayData(id);
    if (!display) return null;
    const p = sigma.framedGraphToViewport(display);
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
};
window.__geokg = handle;

const panel = new EntityPanel({
  onClose: () => {
    state.selected = null;
    panel.hide();
    updateHighlight();
    syncUrl();
  },
  onFocus: (id) => void select(id),
  nameOf: (id) => state.store.nodes.get(id)?.name,
});

function banner(message: string | null, kind: 'info' | 'error' = 'info'): void {
  const el = byId('banner');
  el.hidden = !message;
  el.className = `banner${kind === 'error' ? ' error' : ''}`;
  el.textContent = message ?? '';
}

function syncUrl(): void {
  const search = serializeUrlState(toUrlState(state));
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
}

function updateStatus(): void {
  const data = activeData(state);
  const source = state.cypher ? 'Cypher result' : state.bench ? 'generated bench graph' : 'store';
  const cut =
    !state.cypher && data.truncated
      ? ` — capped: the store has ${data.totalNodes} entities, ${data.totalEdges} relations`
      : '';
  byId('status').textContent = `${source}: ${sigmaGraph.order} entities, ${sigmaGraph.size} relations shown${cut}`;
}

/** Layout positions live in the rendered graph while FA2 runs; keep them in the data graph so re-derivation keeps them. */
function savePositions(): void {
  const data = activeData(state);
  sigmaGraph.forEachNode((id, a) => {
    const node = data.nodes.get(id);
    if (node) {
      node.x = a.x;
      node.y = a.y;
    }
  });
}

function stopLayout(): void {
  if (layout) {
    layout.cancel();
    layout = null;
    if (edgesHidden) {
      edgesHidden = false;
      sigma?.refresh({ skipIndexation: true });
    }
  }
}

function startLayout(maxIterations?: number): Promise<LayoutReport> {
  stopLayout();
  handle.layoutRunning = true;
  if (sigmaGraph.order >= state.settings.largeGraphNodes && !edgesHidden) {
    edgesHidden = true;
    sigma?.refresh({ skipIndexation: true });
  }
  // Each position sync costs a frame, and in software WebGL a frame stalls the FA2 worker far longer than its JS
  // time shows (measured: 3 it/s with syncs every 150 ms, 75–115 it/s at one per second): animate once a second.
  const running = runLayout(sigmaGraph, state.settings, {
    maxIterations,
    syncInterval: () => Math.max(1000, 4 * renderCost),
  });
  layout = running;
  return running.done.then((report) => {
    // Settled = final positions known; the frame that then draws them (all edges of a big graph) comes after.
    if (report.reason !== 'cancelled') metrics.layouts.push({ ...report, endedAt: performance.now() });
    if (layout === running) {
      layout = null;
      handle.layoutRunning = false;
      edgesHidden = false;
      savePositions();
      sigma?.scheduleRefresh();
    }
    return report;
  });
}

/** Re-derive the rendered graph from state: the only place the sigma graph is replaced. */
function rederive(): void {
  savePositions();
  stopLayout();
  handle.layoutRunning = false;
  const data = activeData(state);
  sigmaGraph = toSigmaGraph(data, state.filters, state.settings);
  if (sigma) {
    sigma.setSetting('renderEdgeLabels', sigmaGraph.size <= state.settings.edgeLabelsUpTo);
    sigma.setGraph(sigmaGraph);
  }
  renderFilters(data, state.filters, (next) => {
    state.filters = next;
    rederive();
    syncUrl();
  });
  renderLegend(data);
  updateHighlight();
  updateStatus();
}

function updateHighlight(): void {
  const focus = state.hovered ?? state.selected;
  highlight = focus && sigmaGraph.hasNode(focus) ? focusSet((n) => sigmaGraph.neighbors(n), focus) : null;
  sigma?.refresh({ skipIndexation: true });
}

function centerOn(id: string): void {
  if (!sigma || !sigmaGraph.hasNode(id)) return;
  const pos = sigma.getNodeDisplayData(id);
  // Keep the zoom the analyst chose (but never stay zoomed out past the whole graph).
  const camera = sigma.getCamera();
  if (pos) void camera.animate({ x: pos.x, y: pos.y, ratio: Math.min(camera.ratio, 1) }, { duration: 400 });
}

async function select(id: string): Promise<void> {
  if (!state.cypher && !state.store.nodes.has(id)) {
    // Not in the capped first load: bring it in with its neighbourhood before showing it.
    try {
      state.store = mergeSnapshot(state.store, await api.neighbourhood(id, 1));
      rederive();
      void startLayout(150);
    } catch (err) {
      banner(`Could not load ${id}: ${(err as Error).message}`, 'error');
      return;
    }
  }
  state.selected = id;
  updateHighlight();
  centerOn(id);
  syncUrl();
  await panel.show(id);
}

async function expand(id: string): Promise<void> {
  if (state.cypher) return;
  const anchor = state.store.nodes.get(id);
  try {
    const before = state.store.nodes.size;
    state.store = mergeSnapshot(
      state.store,
      await api.neighbourhood(id, 1),
      anchor ? { x: anchor.x, y: anchor.y } : undefined,
    );
    rederive();
    // New neighbours land around the node; once placed, show the whole grown graph.
    if (state.store.nodes.size > before) {
      void startLayout(150).then((r) => {
        if (r.reason !== 'cancelled') void sigma?.getCamera().animatedReset({ duration: 300 });
      });
    }
    banner(state.store.nodes.size > before ? null : 'No new neighbours to expand.');
    setTimeout(() => banner(null), 2000);
  } catch (err) {
    banner(`Expansion failed: ${(err as Error).message}`, 'error');
  }
}

function showCypherResult(result: CypherResult): void {
  savePositions();
  state.cypher = snapshotToDataGraph(cypherToSnapshot(result));
  state.selected = null;
  panel.hide();
  rederive();
  void startLayout();
  sigma?.getCamera().animatedReset({ duration: 300 });
}

function mountSigma(): void {
  const container = byId('sigma');
  sigma = new Sigma<SigmaNodeAttributes, SigmaEdgeAttributes>(sigmaGraph, container, {
    renderEdgeLabels: false,
    edgeLabelSize: 10,
    edgeLabelColor: { attribute: 'color' },
    labelDensity: state.settings.labelDensity,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: 4,
    defaultEdgeType: 'arrow',
    // sigma's programs are typed for plain attributes; ours are a superset, so the cast is sound.
    edgeProgramClasses: {
      arrow: EdgeArrowProgram,
      line: EdgeRectangleProgram,
      curvedArrow: EdgeCurvedArrowProgram,
      curved: EdgeCurveProgram,
    } as unknown as Record<string, EdgeProgramType<SigmaNodeAttributes, SigmaEdgeAttributes>>,
    hideEdgesOnMove: true,
    zIndex: true,
    nodeReducer: (node, attrs) => {
      if (!highlight) return node === state.selected ? { ...attrs, highlighted: true } : attrs;
      if (highlight.has(node)) return { ...attrs, zIndex: 1, highlighted: node === (state.hovered ?? state.selected) };
      return { ...attrs, color: '#e4e4e8', label: '', zIndex: 0 };
    },
    edgeReducer: (edge, attrs) => {
      if (edgesHidden) return { ...attrs, hidden: true };
      if (!highlight) return attrs;
      const [s, t] = sigmaGraph.extremities(edge);
      const focus = state.hovered ?? state.selected;
      if (s === focus || t === focus) return { ...attrs, zIndex: 1, size: attrs.size + 1 };
      return { ...attrs, hidden: true };
    },
  });
  let renderStart = 0;
  sigma.on('beforeRender', () => {
    renderStart = performance.now();
  });
  sigma.on('afterRender', () => {
    metrics.renders++;
    renderCost = 0.7 * renderCost + 0.3 * (performance.now() - renderStart);
  });
  // The panel and the Cypher drawer change the stage's size: sigma must follow, or its canvases overflow.
  new ResizeObserver(() => {
    sigma?.resize();
    sigma?.refresh({ skipIndexation: true });
  }).observe(container);
  sigma.on('enterNode', ({ node }) => {
    state.hovered = node;
    updateHighlight();
    container.style.cursor = 'pointer';
  });
  sigma.on('leaveNode', () => {
    state.hovered = null;
    updateHighlight();
    container.style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => void select(node));
  sigma.on('doubleClickNode', (e) => {
    e.preventSigmaDefault();
    void expand(e.node);
  });
  sigma.on('clickStage', () => {
    if (!state.selected) return;
    state.selected = null;
    panel.hide();
    updateHighlight();
    syncUrl();
  });
}

function mountToolbar(): void {
  const sizeBy = byId<HTMLSelectElement>('size-by');
  sizeBy.value = state.settings.sizeBy;
  sizeBy.addEventListener('change', () => {
    state.settings = resolveSettings({ ...state.settings, sizeBy: sizeBy.value as 'degree' | 'pagerank' });
    rederive();
    syncUrl();
  });
  byId('relayout').addEventListener('click', () => void startLayout());
  byId('reset-view').addEventListener('click', () => {
    state.selected = null;
    state.hovered = null;
    panel.hide();
    updateHighlight();
    syncUrl();
    void sigma?.getCamera().animatedReset({ duration: 300 });
  });
  byId('fullscreen').addEventListener('click', () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else
      void byId('app')
        .requestFullscreen?.()
        .catch(() => banner('Fullscreen is not allowed here.', 'error'));
  });
  byId('export-png').addEventListener('click', () => sigma && exportPng(sigma));
  byId('export-gexf').addEventListener('click', () =>
    downloadText(
      'geokg-graph.gexf',
      'application/gexf+xml',
      exportFilteredGraph(activeData(state), sigmaGraph, 'gexf'),
    ),
  );
  byId('export-graphml').addEventListener('click', () =>
    downloadText(
      'geokg-graph.graphml',
      'application/graphml+xml',
      exportFilteredGraph(activeData(state), sigmaGraph, 'graphml'),
    ),
  );
  mountSearch((entity: Entity) => {
    if (state.cypher) backToStore();
    void select(entity.id);
  });
}

let cypherView: ReturnType<typeof mountCypher> | null = null;

function backToStore(): void {
  state.cypher = null;
  cypherView?.setBackVisible(false);
  rederive();
  void sigma?.getCamera().animatedReset({ duration: 300 });
}

async function boot(): Promise<void> {
  mountToolbar();
  mountSigma();
  try {
    handle.config = await api.config();
    if (handle.config.cypher) {
      cypherView = mountCypher({
        onResult: (result) => {
          // Rows without nodes (counts, property values) are a table only: keep the graph the analyst was on.
          if (!result.nodes.length) return;
          showCypherResult(result);
          cypherView?.setBackVisible(true);
        },
        onBack: backToStore,
      });
      cypherView.show();
    }
    const snapshot = state.bench
      ? await api.benchGraph(state.bench.nodes, state.bench.edges)
      : await api.graph(state.limit);
    metrics.dataLoaded = performance.now();
    state.store = snapshotToDataGraph(snapshot);
    // A big graph is first shown as nodes only; its edges appear once the layout has placed them.
    edgesHidden = snapshot.nodes.length >= state.settings.largeGraphNodes;
    // The first frame that shows data, not the empty stage sigma drew while the request was in flight.
    sigma?.once('afterRender', () => {
      metrics.firstFrame = performance.now();
    });
    rederive();
    if (!sigmaGraph.order)
      banner('The store is empty: ingest articles with `geokg store ingest FILES` or run `npm start`.');
    handle.ready = true;
    void startLayout();
    if (url.entity) await select(url.entity);
  } catch (err) {
    const message = err instanceof ApiError ? `${err.area}: ${err.message}` : (err as Error).message;
    handle.error = message;
    banner(`Could not load the graph — ${message}`, 'error');
    byId('status').textContent = 'No graph loaded.';
  }
}

void boot();
