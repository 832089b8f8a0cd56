// The data graph: every entity and relation the viewer has loaded (from /api/graph, expansions or Cypher),
// with the layout positions. The rendered sigma graph is derived from it; it is never drawn directly.

import type { Entity, EntityType } from '../../../src/model.js';
import type { MultiDirectedGraph } from 'graphology';
import type { GraphSnapshot, StoredRelation } from '../../../src/store/types.js';

/** Provenance nodes a Cypher answer can hold besides entities; anything else unknown is a plain 'Node'. */
export const PROVENANCE_KINDS = ['Claim', 'Sentence', 'Document', 'Node'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];
export type NodeKind = EntityType | ProvenanceKind;

export interface DataNode extends Omit<Entity, 'type'> {
  /** The entity type, or for a Cypher answer's Claim/Sentence/Document nodes their own kind. */
  type: NodeKind;
  x: number;
  y: number;
}

/** A snapshot whose nodes may be provenance nodes too (a Cypher answer); the store's snapshots are a case of it. */
export interface ViewSnapshot extends Omit<GraphSnapshot, 'nodes'> {
  nodes: Array<Omit<Entity, 'type'> & { type: NodeKind; degree?: number }>;
}

export interface DataGraph {
  nodes: Map<string, DataNode>;
  edges: Map<string, StoredRelation>;
  /** True when the server cut the graph (a node cap); totals say how big the store really is. */
  truncated: boolean;
  totalNodes: number;
  totalEdges: number;
}

export function emptyDataGraph(): DataGraph {
  return { nodes: new Map(), edges: new Map(), truncated: false, totalNodes: 0, totalEdges: 0 };
}

/** Small deterministic hash so a node gets the same start position on every load (stable screenshots). */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/**
 * Adds a snapshot's nodes and edges to the graph (a new DataGraph; existing positions are kept).
 * New nodes start around `anchor` when given (an expansion), else on a disc sized for the graph.
 */
export function mergeSnapshot(
  data: DataGraph,
  snapshot: GraphSnapshot | ViewSnapshot,
  anchor?: { x: number; y: number },
): DataGraph {
  const nodes = new Map(data.nodes);
  const edges = new Map(data.edges);
  const radius = anchor
    ? 1 + Math.sqrt(snapshot.nodes.length)
    : Math.sqrt(data.nodes.size + snapshot.nodes.length) * 10;
  for (const node of snapshot.nodes) {
    const existing = nodes.get(node.id);
    if (existing) {
      nodes.set(node.id, { ...existing, ...node, x: existing.x, y: existing.y });
      continue;
    }
    const angle = hash(node.id) * 2 * Math.PI;
    const r = radius * Math.sqrt(hash(`${node.id}#r`) + 0.05);
    const { degree: _degree, ...entity } = node;
    nodes.set(node.id, {
      ...entity,
      aliases: entity.aliases ?? [],
      x: (anchor?.x ?? 0) + r * Math.cos(angle),
      y: (anchor?.y ?? 0) + r * Math.sin(angle),
    });
  }
  for (const edge of snapshot.edges) edges.set(edge.key, edge);
  return {
    nodes,
    edges,
    truncated: data.nodes.size === 0 ? snapshot.truncated : data.truncated && snapshot.truncated,
    totalNodes: Math.max(data.totalNodes, snapshot.totalNodes, nodes.size),
    totalEdges: Math.max(data.totalEdges, snapshot.totalEdges, edges.size),
  };
}

export function snapshotToDataGraph(snapshot: GraphSnapshot | ViewSnapshot): DataGraph {
  return mergeSnapshot(emptyDataGraph(), snapshot);
}

/** What is on screen as a store snapshot: the entities and relations the rendered graph kept (for export). */
export function visibleSnapshot(data: DataGraph, rendered: MultiDirectedGraph): GraphSnapshot {
  // The exporter writes a node's type as a plain `entityType` string, so Claim/Document nodes export as they are.
  const nodes = [] as unknown as GraphSnapshot['nodes'];
  rendered.forEachNode((id) => {
    const node = data.nodes.get(id);
    if (!node) return;
    const { x: _x, y: _y, ...entity } = node;
    nodes.push({ ...(entity as Entity), degree: rendered.degree(id) });
  });
  const edges: StoredRelation[] = [];
  rendered.forEachEdge((key) => {
    const rel = data.edges.get(key);
    if (rel) edges.push(rel);
  });
  return { nodes, edges, truncated: false, totalNodes: nodes.length, totalEdges: edges.length };
}
