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
import { downloadText, exportFilteredGraph, exportPng, exportViewJson, renderToCanvas } from './export.js';
import { dashedEdgePrograms } from './dashed-edges.js';
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
import { labelBox, placeLabels, type LabelCandidate, type LabelSide } from './core/labels.js';
import type { StoredRelation, Timeline } from '../../src/store/types.js';
import './style.css';

interface Metrics {
  /** performance.now() when this script started, when the data arrived, and at sigma's first rendered frame. */
  scriptStart: number;
  dataLoaded?: number;
  firstFrame?: number;
  /** Frames sigma has drawn: what the main thread spends on rendering while the layout runs. */
  renders: number;
  /** Main-thread time spent placing labels (frameLabels), summed over all frames. */
  labelMs: number;
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
  /**
   * Nothing moves: no layout running, no camera animation, no frame pending. What a test waits for before
   * aiming the mouse at a node, since a node's screen position is only final then.
   */
  idle(): boolean;
  /** The camera's state (x, y, ratio), for tests that check what is in view. */
  camera(): { x: number; y: number; ratio: number } | null;
}

declare global {
  interface Window {
    __geokg: GeokgHandle;
  }
}

const metrics: Metrics = { scriptStart: performance.now(), renders: 0, labelMs: 0, layouts: [] };
const url = parseUrlState(location.search);
const state: AppState = {
  store: emptyDataGraph(),
  cypher: null,
  filters: url.filters,
  settings: resolveSettings({
    ...(url.sizeBy ? { sizeBy: url.sizeBy } : {}),
    ...(url.colorBy ? { colorBy: url.colorBy } : {}),
    ...(url.group ? { groupCommunities: true } : {}),
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
/** The relation whose card is open (clicked edge or reader highlight), drawn bold with its ends bright. */
let selectedEdge: string | null = null;
/** Edges hidden while a big graph is being laid out (see ViewerSettings.largeGraphNodes). */
let edgesHidden = false;
/** Smoothed duration of one sigma frame, in ms. */
let renderCost = 50;
/** A refresh was asked for and its frame has not been drawn yet (see GeokgHandle.idle). */
let framePending = false;

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
  camera: () => (sigma ? sigma.getCamera().getState() : null),
  idle: () => {
    if (!sigma) return false;
    // A stage resize (the panel opening) moves every node until sigma has followed it.
    const box = sigma.getContainer();
    const { width, height } = sigma.getDimensions();
    const resized = box.clientWidth !== width || box.clientHeight !== height;
    return !handle.layoutRunning && !framePending && !resized && !sigma.getCamera().isAnimated();
  },
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
  // A Cypher answer holds claims, sentences and documents too: they are nodes, not entities.
  const [nodes, links] = state.cypher ? ['nodes', 'relationships'] : ['entities', 'relations'];
  byId('status').textContent = `${source}: ${sigmaGraph.order} ${nodes}, ${sigmaGraph.size} ${links} shown${cut}`;
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

/**
 * Sigma frames the graph by its extent: a filter that drops the outer nodes would rescale the picture and leave
 * the camera on empty space. Framing by everything loaded keeps each node where it was while filters change.
 */
function frameOnData(): void {
  if (!sigma) return;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of activeData(state).nodes.values()) {
    x0 = Math.min(x0, n.x);
    x1 = Math.max(x1, n.x);
    y0 = Math.min(y0, n.y);
    y1 = Math.max(y1, n.y);
  }
  sigma.setCustomBBox(Number.isFinite(x0) && x1 > x0 && y1 > y0 ? { x: [x0, x1], y: [y0, y1] } : null);
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
  // While FA2 spreads the nodes out, sigma follows their extent; the frame is fixed again once they are placed.
  sigma?.setCustomBBox(null);
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
      frameOnData();
      if (sigma) {
        framePending = true;
        sigma.scheduleRefresh();
      }
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
    // The graph first: setSetting refreshes, and the reducers must never see the old graph with the new one's edges.
    sigma.setGraph(sigmaGraph);
    frameOnData();
    sigma.setSetting('renderEdgeLabels', sigmaGraph.size <= state.settings.edgeLabelsUpTo);
  }
  renderFilters(data, state.filters, setFilters);
  renderPresets(state.filters, setFilters);
  renderLegend(
    {
      predicates: new Set(sigmaGraph.mapEdges((_e, a) => a.predicate)),
      types: new Set(sigmaGraph.mapNodes((_n, a) => a.entityType)),
    },
    state.settings.colorBy,
  );
  if (timelineData) timeline.render(timelineData, state.filters.dateFrom, state.filters.dateTo);
  updateHighlight();
  updateStatus();
}

/** Every filter change (checkboxes, presets, the timeline brush) goes through here, so the panel follows them all. */
function setFilters(next: AppState['filters']): void {
  state.filters = next;
  state.hasFilters = true;
  rederive();
  syncUrl();
  if (!state.cypher) panel.refresh();
}

function updateHighlight(): void {
  const focus = state.hovered ?? state.selected;
  // Hovering shows direct neighbours; the selected entity shows its neighbourhood to the focus depth (focus mode).
  const depth = state.hovered ? 1 : state.settings.focusDepth;
  highlight = focus && sigmaGraph.hasNode(focus) ? focusSet((n) => sigmaGraph.neighbors(n), focus, depth) : null;
  // A selected relation stands out the same way: its two ends bright, the rest faded.
  if (!focus && selectedEdge) {
    const ends = edgeEnds(selectedEdge);
    if (ends) {
      highlight = new Set(ends);
      // The items of a supply are part of it: they stay bright with its two ends.
      const key = selectedEdge;
      sigmaGraph.forEachEdge((_e, a, source) => {
        if (a.derived && a.relation === key) highlight!.add(source);
      });
    }
  }
  sigma?.refresh({ skipIndexation: true });
}

/** The endpoints of the edge showing a stored relation, if it is drawn. */
function edgeEnds(relationKey: string): [string, string] | null {
  const edge = sigmaGraph.findEdge((_e, a) => a.relation === relationKey && !a.derived);
  return edge ? sigmaGraph.extremities(edge) : null;
}

/**
 * Display data (framed coordinates) are only current once sigma has processed the last position change: after a
 * layout they are still framed by the old extent until the pending frame, which would send the camera far off.
 */
function currentDisplay(id: string) {
  if (!sigma) return undefined;
  if (framePending) sigma.refresh();
  return sigma.getNodeDisplayData(id);
}

function centerOn(id: string): void {
  if (!sigma || !sigmaGraph.hasNode(id)) return;
  const pos = currentDisplay(id);
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
  state.cypher = snapshotToDataGraph(cypherToSnapshot(result, (id) => state.store.nodes.get(id)?.name));
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
    setFilters(next);
  },
});
const documentsView = new DocumentsView({ onSelect: (id) => void selectDocument(id) });
const detail = new DetailPanel({
  onClose: () => {
    selectedEdge = null;
    void selectDocument(null);
  },
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
  centerOnEdge(relKey);
  await detail.showRelation(rel);
}

function centerOnEdge(relationKey: string): void {
  const ends = edgeEnds(relationKey);
  if (!sigma || !ends) return;
  const [a, b] = ends.map((n) => currentDisplay(n));
  if (!a || !b) return;
  const camera = sigma.getCamera();
  void camera.animate({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: Math.min(camera.ratio, 1) }, { duration: 400 });
}

/** Labels placed for the frame being drawn (null: not computed yet this frame). */
let labelsThisFrame: Map<string, LabelSide> | null = null;
/** Nodes by label priority (the size score: degree or PageRank), cached per rendered graph. */
const priorityCache = new WeakMap<SigmaGraph, string[]>();
const textWidths = new Map<string, number>();
/** Rendered radius from which a node is an obstacle no label may cover. */
const LABEL_OBSTACLE_PX = 6;

function byPriority(graph: SigmaGraph): string[] {
  let order = priorityCache.get(graph);
  if (!order) {
    order = graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'score') - graph.getNodeAttribute(a, 'score'));
    priorityCache.set(graph, order);
  }
  return order;
}

/** Which labels this frame shows: the most central first, each only where it collides with none placed before. */
function frameLabels(
  s: Sigma<SigmaNodeAttributes, SigmaEdgeAttributes>,
  ctx: CanvasRenderingContext2D,
): Map<string, LabelSide> {
  const settings = s.getSettings();
  ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  const focus = state.hovered ?? state.selected;
  const graph = s.getGraph() as SigmaGraph;
  // What the analyst is looking at comes first: the focus, then the bright neighbourhood, then the rest.
  const all = byPriority(graph);
  const bright = highlight;
  const order = bright
    ? [...(focus && graph.hasNode(focus) ? [focus] : []), ...all.filter((n) => bright.has(n) && n !== focus)]
    : all;
  const candidates: LabelCandidate[] = [];
  for (const id of order) {
    const d = s.getNodeDisplayData(id);
    if (!d || d.hidden) continue;
    const p = s.framedGraphToViewport(d);
    let width = 0;
    if (d.label) {
      width = textWidths.get(d.label) ?? ctx.measureText(d.label).width;
      textWidths.set(d.label, width);
    }
    // Unlabelled nodes stay in the list: their discs still block the labels of less central nodes.
    candidates.push({ id, x: p.x, y: p.y, size: s.scaleSize(d.size), width });
  }
  const { width, height } = s.getDimensions();
  return placeLabels(candidates, {
    height: settings.labelSize,
    viewWidth: width,
    viewHeight: height,
    max: state.settings.maxLabels,
    obstacleSize: LABEL_OBSTACLE_PX,
    pinned: focus,
  });
}

function mountSigma(): void {
  const container = byId('sigma');
  sigma = new Sigma<SigmaNodeAttributes, SigmaEdgeAttributes>(sigmaGraph, container, {
    renderEdgeLabels: false,
    edgeLabelSize: 10,
    edgeLabelColor: { attribute: 'color' },
    // Sigma's label grid only thins labels per cell, and they still overlap: let every label through it and
    // place them ourselves (frameLabels), most central first, none on top of another.
    labelDensity: 100,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: 0,
    defaultDrawNodeLabel: (ctx, data, settings) => {
      if (!labelsThisFrame) {
        const t0 = performance.now();
        labelsThisFrame = sigma ? frameLabels(sigma, ctx) : new Map();
        metrics.labelMs += performance.now() - t0;
      }
      const side = labelsThisFrame.get(data.key);
      // The hovered or selected node's label is sigma's own highlighted box, drawn over this layer.
      if (!side || !data.label || data.key === (state.hovered ?? state.selected)) return;
      ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      const width = textWidths.get(data.label) ?? ctx.measureText(data.label).width;
      const box = labelBox({ id: data.key, x: data.x, y: data.y, size: data.size, width }, side, settings.labelSize);
      // fillText's y is the baseline: about a fifth of the text height above the box's bottom. A white halo
      // keeps the name readable where it crosses edges.
      const y = box.y1 - settings.labelSize * 0.2;
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.strokeText(data.label, box.x0, y);
      ctx.fillStyle = settings.labelColor.color ?? '#000';
      ctx.fillText(data.label, box.x0, y);
    },
    defaultEdgeType: 'arrow',
    // sigma's programs are typed for plain attributes; ours are a superset, so the cast is sound. Every type
    // toSigmaGraph can give an edge (SigmaEdgeAttributes['type']) has its program here.
    edgeProgramClasses: {
      arrow: EdgeArrowProgram,
      line: EdgeRectangleProgram,
      curvedArrow: EdgeCurvedArrowProgram,
      curved: EdgeCurveProgram,
      ...dashedEdgePrograms<SigmaNodeAttributes, SigmaEdgeAttributes>(),
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
      // The graph sigma is drawing, which is sigmaGraph except during a swap.
      const drawn = sigma?.getGraph() ?? sigmaGraph;
      if (!drawn.hasEdge(edge)) return attrs;
      const [s, t] = drawn.extremities(edge);
      const focus = state.hovered ?? state.selected;
      if (s === focus || t === focus) return { ...attrs, zIndex: 1, size: attrs.size + 1 };
      // Focus mode at depth 2: the edges among the bright neighbourhood stay, faded and unlabelled.
      if (highlight.has(s) && highlight.has(t)) return { ...attrs, color: '#c8c8d0', label: '' };
      return { ...attrs, hidden: true };
    },
  });
  let renderStart = 0;
  sigma.on('beforeRender', () => {
    labelsThisFrame = null;
    renderStart = performance.now();
  });
  sigma.on('afterRender', () => {
    framePending = false;
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
  sigma.on('leaveNode', ({ event }) => {
    state.hovered = null;
    updateHighlight();
    container.style.cursor = '';
    // Sigma 3 reports leaving the stage as leaving the node but keeps the node as hovered, so coming back onto it
    // (say after the panel opened under the pointer and narrowed the stage) never fires enterNode again.
    if (/^mouse(leave|out)$/.test(event.original.type))
      (sigma as unknown as { hoveredNode: string | null }).hoveredNode = null;
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
  // A tip left over from before a camera move (a click that centres on the edge, a zoom) names the wrong edge.
  sigma.getCamera().on('updated', () => {
    tip.hidden = true;
  });
  sigma.on('doubleClickNode', (e) => {
    e.preventSigmaDefault();
    void expand(e.node);
  });
  sigma.on('clickStage', () => {
    if (selectedEdge && !state.selected) {
      selectedEdge = null;
      updateHighlight();
      return;
    }
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
  const group = byId<HTMLInputElement>('group-communities');
  group.checked = state.settings.groupCommunities;
  group.addEventListener('change', () => {
    state.settings = resolveSettings({ ...state.settings, groupCommunities: group.checked });
    rederive();
    // The weights only act through the layout: run it again, from where the nodes are.
    void startLayout();
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
  byId('export-json').addEventListener('click', () => void exportJson());
  mountSearch((entity: Entity) => {
    if (state.cypher) backToStore();
    void select(entity.id);
  });
}

/** JSON of the view with its evidence: the graph as drawn at the click, the claims fetched from the server. */
async function exportJson(): Promise<void> {
  const button = byId<HTMLButtonElement>('export-json');
  // The view at the click, not whatever a filter change made of it while the claims were loading.
  const [data, shown] = [activeData(state), sigmaGraph];
  button.disabled = true;
  try {
    const documents = await api.allClaims();
    downloadText('geokg-graph.json', 'application/json', exportViewJson(data, shown, documents));
  } catch (err) {
    banner(`JSON export failed: ${(err as Error).message}`, 'error');
  } finally {
    button.disabled = false;
  }
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
    // The layout moves everything: a node selected by the link is centred again once it has settled.
    void startLayout().then((r) => {
      if (r.reason !== 'cancelled' && state.selected) centerOn(state.selected);
    });
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
