// Louvain communities of the rendered graph (graphology-communities-louvain), for colouring nodes by cluster:
// seeded, so the same graph gets the same communities and colours on every load.

import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import type { MultiDirectedGraph } from 'graphology';
import { cjs } from './cjs.js';

const louvain = cjs(louvainModule);

/** Mulberry32: a tiny deterministic PRNG for Louvain's node order. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Node → community rank, 0 for the largest community. Parallel and reciprocal relations between a pair are one
 * weighted undirected edge (Louvain wants a simple graph); isolated nodes are communities of their own.
 */
export function communities(graph: MultiDirectedGraph): Map<string, number> {
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachNode((n) => simple.addNode(n));
  graph.forEachEdge((_e, _a, s, t) => {
    if (s === t) return;
    if (simple.hasEdge(s, t)) simple.updateEdgeAttribute(s, t, 'weight', (w) => (w ?? 0) + 1);
    else simple.addEdge(s, t, { weight: 1 });
  });
  const raw: Record<string, number> =
    simple.size > 0 ? louvain(simple, { getEdgeWeight: 'weight', rng: seeded(7) }) : {};
  const sizes = new Map<number, number>();
  let next = -1;
  const assigned = new Map<string, number>();
  simple.forEachNode((n) => {
    const c = raw[n] ?? next--; // isolated: a community of its own
    assigned.set(n, c);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  });
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  return new Map([...assigned].map(([n, c]) => [n, rank.get(c)!]));
}
