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
import { DocumentsView } from './views/documents-view.js';
import { renderPresets } from './views/presets-view.js';
import { DetailPanel } from './views/reader.js';
import { TimelineView } from './views/timeline-view.js';
import { documentKeys } from './core/documents.js';
import { relationPasses, typePasses } from './core/filters.js';
import { initialFilters } from './core/presets.js';
import type { StoredRelation, Timeline } from '../../src/store/types.js';
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
  selectDocument(id: string | null): Promise<void>;
  /** Opens the relation card of an edge, as a click on it does. */
  clickEdge(key: string): Promise<void>;
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
  settings: resolveSettings({
    ...(url.sizeBy ? { sizeBy: url.sizeBy } : {}),
    ...(url.colorBy ? { colorBy: url.colorBy } : {}),
    ...(url.depth ? { focusDepth: url.depth } : {}),
  }),
  document: null,
  documentKeys: null,
  hasFilters: Boolean(url.hasFilters),
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
  selectDocument: (id) => selectDocument(id),
  clickEdge: (key) => showEdge(key),
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
  visible: (rel) => relationVisible(rel),
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
  sigmaGraph = toSigmaGraph(data, state.filters, state.settings, scope());
  if (sigma) {
    sigma.setSetting('renderEdgeLabels', sigmaGraph.size <= state.settings.edgeLabelsUpTo);
    sigma.setGraph(sigmaGraph);
  }
  const setFilters = (next: typeof state.filters) => {
    state.filters = next;
    state.hasFilters = true;
    rederive();
    syncUrl();
    if (state.selected && !state.cypher) void panel.show(state.selected);
  };
  renderFilters(data, state.filters, setFilters);
  renderPresets(state.filters, setFilters);
  renderLegend(data, state.settings.colorBy);
  if (timelineData) timeline.render(timelineData, state.filters.dateFrom, state.filters.dateTo);
  updateHighlight();
  updateStatus();
}

function updateHighlight(): void {
  const focus = state.hovered ?? state.selected;
  // Hovering shows direct neighbours; the selected entity shows its neighbourhood to the focus depth (focus mode).
  const depth = state.hovered ? 1 : state.settings.focusDepth;
  highlight = focus && sigmaGraph.hasNode(focus) ? focusSet((n) => sigmaGraph.neighbors(n), focus, depth) : null;
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
  selectedEdge = null;
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

let timelineData: Timeline | null = null;
const timeline = new TimelineView({
  onBrush: (range) => {
    const next = { ...state.filters };
    delete next.dateFrom;
    delete next.dateTo;
    if (range) Object.assign(next, range);
    state.filters = next;
    state.hasFilters = true;
    rederive();
    syncUrl();
  },
});
const documentsView = new DocumentsView({ onSelect: (id) => void selectDocument(id) });
const detail = new DetailPanel({
  onClose: () => void selectDocument(null),
  onRelation: (key) => void showEdge(key),
  onDocument: (id) => void selectDocument(id),
  nameOf: (id) => activeData(state).nodes.get(id)?.name ?? id,
});

function scope(): { onlyKeys?: ReadonlySet<string> } {
  return state.documentKeys && !state.cypher ? { onlyKeys: state.documentKeys } : {};
}

/** Whether a stored relation passes what the graph shows (the entity panel follows the filters). */
function relationVisible(rel: StoredRelation): boolean {
  const data = activeData(state);
  const types = [rel.subject, rel.object].map((id) => data.nodes.get(id)?.type);
  if (types.some((t) => t && !typePasses(t, state.filters))) return false;
  if (state.documentKeys && !state.documentKeys.has(rel.key)) return false;
  return relationPasses(rel, state.filters);
}

/** Selecting a document shows only what it supports and opens its reader; null returns to the whole graph. */
async function selectDocument(id: string | null): Promise<void> {
  state.selected = null;
  panel.hide();
  if (!id) {
    state.document = null;
    state.documentKeys = null;
    detail.invalidate();
    byId('panel').hidden = true;
    documentsView.setSelected(null);
    rederive();
    syncUrl();
    return;
  }
  state.document = id;
  documentsView.setSelected(id);
  const loaded = await detail.showDocument(id);
  if (state.document !== id) return;
  state.documentKeys = loaded ? documentKeys(loaded) : new Set();
  rederive();
  syncUrl();
  void sigma?.getCamera().animatedReset({ duration: 300 });
}

/** The relation card of an edge (or of a relation key from the reader), with the edge highlighted. */
async function showEdge(key: string): Promise<void> {
  const data = activeData(state);
  const relKey = sigmaGraph.hasEdge(key) ? sigmaGraph.getEdgeAttribute(key, 'relation') : key;
  const rel = data.edges.get(relKey);
  if (!rel) {
    banner(`That relation is not in the loaded graph (${relKey}).`, 'error');
    return;
  }
  panel.hide();
  state.selected = null;
  selectedEdge = relKey;
  updateHighlight();
  await detail.showRelation(rel);
}

let selectedEdge: string | null = null;

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
    enableEdgeEvents: true,
    zIndex: true,
    nodeReducer: (node, attrs) => {
      if (!highlight) return node === state.selected ? { ...attrs, highlighted: true } : attrs;
      if (highlight.has(node)) return { ...attrs, zIndex: 1, highlighted: node === (state.hovered ?? state.selected) };
      return { ...attrs, color: '#e4e4e8', label: '', zIndex: 0 };
    },
    edgeReducer: (edge, attrs) => {
      if (edgesHidden) return { ...attrs, hidden: true };
      if (selectedEdge && attrs.relation === selectedEdge) return { ...attrs, size: attrs.size + 3, zIndex: 2 };
      if (!highlight) return attrs;
      const [s, t] = sigmaGraph.extremities(edge);
      const focus = state.hovered ?? state.selected;
      if (s === focus || t === focus) return { ...attrs, zIndex: 1, size: attrs.size + 1 };
      // Focus mode at depth 2: the edges among the bright neighbourhood stay, faded.
      if (highlight.has(s) && highlight.has(t)) return { ...attrs, color: '#c8c8d0' };
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
  sigma.on('clickEdge', ({ edge }) => void showEdge(edge));
  const tip = document.createElement('div');
  tip.className = 'edge-tip';
  tip.dataset.testid = 'edge-tip';
  tip.hidden = true;
  container.parentElement!.append(tip);
  sigma.on('enterEdge', ({ edge, event }) => {
    const a = sigmaGraph.getEdgeAttributes(edge);
    const rel = activeData(state).edges.get(a.relation);
    const [s, t] = sigmaGraph.extremities(edge);
    const name = (id: string) => sigmaGraph.getNodeAttribute(id, 'label');
    tip.textContent =
      `${name(s)} ${a.label} → ${name(t)} · ${a.modalities.join('/') || 'asserted'}` +
      (rel ? ` · confidence ${rel.confidence.toFixed(2)} · ${rel.evidenceCount} evidence` : '') +
      ' — click for the evidence';
    tip.style.left = `${event.x + 12}px`;
    tip.style.top = `${event.y + 12}px`;
    tip.hidden = false;
    container.style.cursor = 'pointer';
  });
  sigma.on('leaveEdge', () => {
    tip.hidden = true;
    container.style.cursor = '';
  });
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
  const colorBy = byId<HTMLSelectElement>('color-by');
  colorBy.value = state.settings.colorBy;
  colorBy.addEventListener('change', () => {
    state.settings = resolveSettings({ ...state.settings, colorBy: colorBy.value as 'type' | 'community' });
    rederive();
    syncUrl();
  });
  const depth = byId<HTMLSelectElement>('focus-depth');
  depth.value = String(state.settings.focusDepth);
  depth.addEventListener('change', () => {
    state.settings = resolveSettings({ ...state.settings, focusDepth: depth.value === '2' ? 2 : 1 });
    updateHighlight();
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
    // A large graph opens without the noisy structural relations, unless the link chose its filters.
    state.filters = initialFilters(
      state.filters,
      state.hasFilters === true,
      snapshot.edges.length,
      state.settings.structuralOffAbove,
    );
    if (!state.bench) {
      documentsView.load().catch(() => undefined);
      api
        .timeline()
        .then((t) => {
          timelineData = t;
          timeline.render(t, state.filters.dateFrom, state.filters.dateTo);
        })
        .catch(() => undefined);
    }
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
    else if (url.document) await selectDocument(url.document);
  } catch (err) {
    const message = err instanceof ApiError ? `${err.area}: ${err.message}` : (err as Error).message;
    handle.error = message;
    banner(`Could not load the graph — ${message}`, 'error');
    byId('status').textContent = 'No graph loaded.';
  }
}

void boot();
