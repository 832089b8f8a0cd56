// The pure derivation data graph × filters × settings → the graph sigma renders (the Gephi Lite pattern):
// filtering, colours, sizes, arrows and fading all happen here, so views only hand the result to sigma.

import { MultiDirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { SYMMETRIC_PREDICATES, type Modality, type Predicate } from '../../../src/model.js';
import type { DataGraph, NodeKind } from './data-graph.js';
import { isUncertain, relationPasses, typePasses, type Filters } from './filters.js';
import { communities } from './communities.js';
import { communityColor, entityColor, PREDICATE_FAMILIES, predicateColor, withAlpha } from './palette.js';
import type { ViewerSettings } from './settings.js';
import { cjs } from './cjs.js';

const pagerank = cjs(pagerankModule);

export interface SigmaNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** Entity type, or Claim/Sentence/Document for a Cypher answer's provenance nodes. */
  entityType: NodeKind;
  /** The centrality the size was computed from (degree or PageRank), for the legend and tests. */
  score: number;
  /** Louvain community rank (0 = largest) when colouring by community. */
  community?: number;
}

export interface SigmaEdgeAttributes {
  /** The relation type, plus what is supplied for SUPPLIES (shown when the graph is small enough for edge labels). */
  label: string;
  size: number;
  color: string;
  /**
   * Straight, or curved (@sigma/edge-curve) when several relations link the same pair; dashed for conflict either
   * way (viz/src/dashed-edges.ts).
   */
  type: 'arrow' | 'line' | 'dashedArrow' | 'dashed' | 'curvedArrow' | 'curved' | 'dashedCurvedArrow' | 'dashedCurved';
  curvature?: number;
  predicate: Predicate;
  modalities: Modality[];
  uncertain: boolean;
  /** How sure the claims are, for styling: only denied, only alleged (or alleged and denied), else asserted. */
  certainty: 'asserted' | 'alleged' | 'denied';
  evidenceCount: number;
  /** The stored relation this edge shows; for an item → recipient edge, the SUPPLIES relation it comes from. */
  relation: string;
  /** True for the item → recipient edges the view adds (not stored relations). */
  derived?: boolean;
  /** ForceAtlas2's attraction weight (its default attribute): set when the layout groups communities. */
  weight?: number;
}

/** What narrows the view beyond the filters: a selected document's relations. */
export interface ViewScope {
  onlyKeys?: ReadonlySet<string>;
}

export type SigmaGraph = MultiDirectedGraph<SigmaNodeAttributes, SigmaEdgeAttributes>;

export function toSigmaGraph(
  data: DataGraph,
  filters: Filters,
  settings: ViewerSettings,
  scope: ViewScope = {},
): SigmaGraph {
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
    if (scope.onlyKeys && !scope.onlyKeys.has(rel.key)) continue;
    const uncertain = isUncertain(rel);
    const certainty = certaintyOf(rel.modalities);
    const base = predicateColor(rel.predicate);
    const items = (rel.items ?? []).map((id) => data.nodes.get(id)?.name ?? id);
    const alpha = certainty === 'denied' ? settings.uncertainAlpha / 2 : settings.uncertainAlpha;
    const label = items.length ? `${rel.predicate}: ${items.join(', ')}` : rel.predicate;
    graph.addDirectedEdgeWithKey(rel.key, rel.subject, rel.object, {
      label: certainty === 'asserted' ? label : `${label} (${certainty})`,
      size: Math.min(1 + Math.log2(1 + rel.evidenceCount), 5) * (certainty === 'denied' ? 0.6 : 1),
      color: uncertain ? withAlpha(base, alpha) : base,
      type: edgeType(rel.predicate),
      predicate: rel.predicate,
      modalities: rel.modalities,
      uncertain,
      certainty,
      evidenceCount: rel.evidenceCount,
      relation: rel.key,
    });
  }
  connectItems(graph, data, settings);
  // A graph with no relation at all (a Cypher answer of bare nodes) keeps its nodes: they are the answer.
  if (settings.hideOrphans && data.edges.size > 0) dropOrphans(graph);
  curveParallelEdges(graph);
  applySizes(graph, settings);
  if (settings.colorBy === 'community' || settings.groupCommunities) {
    const ranks = communities(graph);
    if (settings.colorBy === 'community') colourCommunities(graph, ranks);
    if (settings.groupCommunities) weighCommunities(graph, ranks, settings.communityPull);
  }
  return graph;
}

/** Arrows for directed types, plain lines for symmetric ones; conflict dashed, so it reads apart without colour. */
export function edgeType(predicate: Predicate): SigmaEdgeAttributes['type'] {
  const conflict = PREDICATE_FAMILIES[predicate] === 'conflict';
  if (SYMMETRIC_PREDICATES.has(predicate)) return conflict ? 'dashed' : 'line';
  return conflict ? 'dashedArrow' : 'arrow';
}

export function certaintyOf(modalities: readonly Modality[]): SigmaEdgeAttributes['certainty'] {
  if (modalities.length === 0 || !modalities.every((m) => m === 'alleged' || m === 'denied')) return 'asserted';
  return modalities.every((m) => m === 'denied') ? 'denied' : 'alleged';
}

/**
 * An Item supplied in a SUPPLIES relation gets an edge to the recipient, labelled by the supplier: the item node
 * no longer floats apart from the supply it is part of ("Shahed drone → Russia, from Iran").
 */
function connectItems(graph: SigmaGraph, data: DataGraph, settings: ViewerSettings): void {
  const supplies = graph.filterEdges((_e, a) => a.predicate === 'SUPPLIES' && !a.derived);
  for (const key of supplies) {
    const rel = data.edges.get(key);
    if (!rel?.items?.length) continue;
    const attrs = graph.getEdgeAttributes(key);
    const supplier = data.nodes.get(rel.subject)?.name ?? rel.subject;
    for (const item of rel.items) {
      if (!graph.hasNode(item) || item === rel.object) continue;
      const edgeKey = `${key}>${item}`;
      if (graph.hasEdge(edgeKey)) continue;
      graph.addDirectedEdgeWithKey(edgeKey, item, rel.object, {
        ...attrs,
        label: `supplied by ${supplier}`,
        size: 1,
        color: withAlpha(predicateColor('SUPPLIES'), attrs.uncertain ? settings.uncertainAlpha / 2 : 0.55),
        type: 'arrow',
        derived: true,
      });
    }
  }
}

/**
 * Nodes left without any edge are hidden: by a filter, by the selected document, or because the store holds no
 * relation for them (a source only named in an attribution). Floating nodes are noise at every scale.
 */
function dropOrphans(graph: SigmaGraph): void {
  for (const node of graph.nodes()) if (graph.degree(node) === 0) graph.dropNode(node);
}

function colourCommunities(graph: SigmaGraph, ranks: Map<string, number>): void {
  graph.updateEachNodeAttributes((node, attr) => {
    const community = ranks.get(node) ?? 0;
    return { ...attr, community, color: communityColor(community) };
  });
}

/**
 * Grouping by community is a layout matter: ForceAtlas2 reads each edge's `weight` as its attraction, so edges
 * inside a community pulling harder than the ones between draw each community as a cluster of its own.
 */
function weighCommunities(graph: SigmaGraph, ranks: Map<string, number>, pull: number): void {
  graph.updateEachEdgeAttributes((_edge, attr, source, target) => ({
    ...attr,
    weight: ranks.get(source) === ranks.get(target) ? pull : 1,
  }));
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, community: ranks.get(node) ?? 0 }));
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
      graph.mergeEdgeAttributes(edge, {
        type: curvedType(graph.getEdgeAttribute(edge, 'type')),
        curvature: sign * offset * step,
      });
    });
  }
}

/** The curved program of a straight edge type: arrowed stays arrowed, dashed (conflict) stays dashed. */
export function curvedType(type: SigmaEdgeAttributes['type']): SigmaEdgeAttributes['type'] {
  const directed = type === 'arrow' || type.endsWith('Arrow');
  const dashed = type.startsWith('dashed');
  if (dashed) return directed ? 'dashedCurvedArrow' : 'dashedCurved';
  return directed ? 'curvedArrow' : 'curved';
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
