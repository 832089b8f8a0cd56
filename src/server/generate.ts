// Deterministic synthetic graph snapshots for the viewer benchmark ("open a small/large project"):
// scale-free-ish degree distribution, realistic types and predicates, no store needed.

import { ENTITY_TYPES, MODALITIES, PREDICATES, relationKey, type Modality } from '../model.js';
import type { GraphSnapshot, StoredRelation } from '../store/types.js';

/** mulberry32: tiny seeded PRNG, so every run measures the same graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSnapshot(nodeCount: number, edgeCount: number, seed = 42): GraphSnapshot {
  const rand = rng(seed);
  const nodes: GraphSnapshot['nodes'] = [];
  for (let i = 0; i < nodeCount; i++) {
    const type = ENTITY_TYPES[i % 7 === 0 ? 0 : Math.floor(rand() * ENTITY_TYPES.length)] ?? 'Country';
    nodes.push({ id: `g${i}`, name: `${type} ${i}`, type, aliases: [] });
  }
  const edges: StoredRelation[] = [];
  const seen = new Set<string>();
  // Preferential attachment by squaring a uniform draw: low ids become hubs, like Russia in the sample.
  const pick = (): number => Math.floor(rand() * rand() * nodeCount);
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 20) {
    const s = pick();
    const o = Math.floor(rand() * nodeCount);
    if (s === o) continue;
    const predicate = PREDICATES[Math.floor(rand() * PREDICATES.length)] ?? 'SUPPORTS';
    const key = relationKey(`g${s}`, predicate, `g${o}`);
    if (seen.has(key)) continue;
    seen.add(key);
    const [subject, , object] = key.split('|') as [string, string, string];
    const modality: Modality =
      rand() < 0.85 ? 'asserted' : (MODALITIES[Math.floor(rand() * MODALITIES.length)] ?? 'alleged');
    edges.push({
      key,
      subject,
      predicate,
      object,
      evidenceCount: 1 + Math.floor(rand() * 3),
      modalities: [modality],
      firstSeen: `20${10 + Math.floor(rand() * 15)}-01-01`,
      confidence: 0.5 + rand() / 2,
    });
  }
  return { nodes, edges, truncated: false, totalNodes: nodes.length, totalEdges: edges.length };
}
