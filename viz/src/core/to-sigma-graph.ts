// The pure derivation data graph × filters × settings → the graph sigma renders (the Gephi Lite pattern):
// filtering, colours, sizes, arrows and fading all happen here, so views only hand the result to sigma.

import { MultiDirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { SYMMETRIC_PREDICATES, type EntityType, type Modality, type Predicate } from '../../../src/model.js';
import type { DataGraph } from './data-graph.js';
import { isUncertain, relationPasses, typePasses, type Filters } from './filters.js';
import { entityColor, predicateColor, withAlpha } from './palette.js';
import type { ViewerSettings } from './settings.js';
import { cjs } from './cjs.js';

const pagerank = cjs(pagerankModule);

export interface SigmaNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  entityType: EntityType;
  /** The centrality the size was computed from (degree or PageRank), for the legend and tests. */
  score: number;
}

export interface SigmaEdgeAttributes {
  /** The relation type, plus what is supplied for SUPPLIES (shown when the graph is small enough for edge labels). */
  label: string;
  size: number;
  color: string;
  /** Straight, or curved (sigma's @sigma/edge-curve programs) when several relations link the same pair. */
  type: 'arrow' | 'line' | 'curvedArrow' | 'curved';
  curvature?: number;
  predicate: Predicate;
  modalities: Modality[];
  uncertain: boolean;
  evidenceCount: number;
}

export type SigmaGraph = MultiDirectedGraph<SigmaNodeAttributes, SigmaEdgeAttributes>;

export function toSigmaGraph(data: DataGraph, filters: Filters, settings: ViewerSettings): SigmaGraph {
  const graph: SigmaGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const node of data.nodes.values()) {
    if (!typePasses(node.type, filters)) continue;
    graph.addNode(node.id, {
      x: node.x,
      y: node.y,
      size: settings.minNodeSize,
      color: entityColor(node.type),
      label: node.name,
      entityType: node.type,
      score: 0,
    });
  }
  for (const rel of data.edges.values()) {
    if (rel.subject === rel.object || !graph.hasNode(rel.subject) || !graph.hasNode(rel.object)) continue;
    if (!relationPasses(rel, filters)) continue;
    const uncertain = isUncertain(rel);
    const base = predicateColor(rel.predicate);
    const items = (rel.items ?? []).map((id) => data.nodes.get(id)?.name ?? id);
    graph.addDirectedEdgeWithKey(rel.key, rel.subject, rel.object, {
      label: items.length ? `${rel.predicate}: ${items.join(', ')}` : rel.predicate,
      size: Math.min(1 + Math.log2(1 + rel.evidenceCount), 5),
      color: uncertain ? withAlpha(base, settings.uncertainAlpha) : base,
      type: SYMMETRIC_PREDICATES.has(rel.predicate) ? 'line' : 'arrow',
      predicate: rel.predicate,
      modalities: rel.modalities,
      uncertain,
      evidenceCount: rel.evidenceCount,
    });
  }
  curveParallelEdges(graph);
  applySizes(graph, settings);
  return graph;
}

/**
 * Russia and Iran are linked by five relation types in the sample alone: drawn straight, they would be one line.
 * Parallel edges fan out symmetrically; the middle one (odd counts) stays straight.
 */
export function curveParallelEdges(graph: SigmaGraph): void {
  const pairs = new Map<string, string[]>();
  graph.forEachEdge((edge, _attr, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = pairs.get(pair);
    if (list) list.push(edge);
    else pairs.set(pair, [edge]);
  });
  for (const edges of pairs.values()) {
    if (edges.length < 2) continue;
    const step = Math.min(0.25, 0.9 / edges.length);
    edges.forEach((edge, i) => {
      const offset = i - (edges.length - 1) / 2;
      if (offset === 0) return;
      const [source, target] = graph.extremities(edge);
      // Curvature bends relative to the edge's own direction: flip it for edges drawn the other way round.
      const sign = source < target ? 1 : -1;
      const directed = graph.getEdgeAttribute(edge, 'type') === 'arrow';
      graph.mergeEdgeAttributes(edge, { type: directed ? 'curvedArrow' : 'curved', curvature: sign * offset * step });
    });
  }
}

function applySizes(graph: SigmaGraph, settings: ViewerSettings): void {
  if (graph.order === 0) return;
  let scores: Record<string, number> | null = null;
  if (settings.sizeBy === 'pagerank' && graph.size > 0) {
    try {
      scores = pagerank(graph, { getEdgeWeight: null });
    } catch {
      scores = null; // PageRank can fail to converge on odd graphs: degree is a sound fallback.
    }
  }
  let max = 0;
  let min = Infinity;
  graph.forEachNode((node) => {
    const score = scores ? (scores[node] ?? 0) : graph.degree(node);
    graph.setNodeAttribute(node, 'score', score);
    max = Math.max(max, score);
    min = Math.min(min, score);
  });
  const span = max - min || 1;
  graph.updateEachNodeAttributes((_node, attr) => ({
    ...attr,
    size: settings.minNodeSize + (settings.maxNodeSize - settings.minNodeSize) * Math.sqrt((attr.score - min) / span),
  }));
}
