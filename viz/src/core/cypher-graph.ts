// Turns a Cypher answer (nodes and relationships of any shape) into a graph snapshot the viewer can draw:
// store entities keep their ids, types and names; anything else gets its labels and a best-effort caption.

import {
  ENTITY_TYPES,
  PREDICATES,
  relationKey,
  type EntityType,
  type Modality,
  type Predicate,
} from '../../../src/model.js';
import type { GraphSnapshot, StoredRelation } from '../../../src/store/types.js';
import type { CypherResult } from '../api.js';

const CAPTION_KEYS = ['name', 'title', 'id', 'sentence'];

export function cypherToSnapshot(result: CypherResult): GraphSnapshot {
  const idOf = new Map<string, string>();
  const nodes: GraphSnapshot['nodes'] = [];
  for (const n of result.nodes) {
    const props = n.properties ?? {};
    const id = typeof props.id === 'string' ? props.id : `cypher:${n.id}`;
    idOf.set(n.id, id);
    const type = (n.labels.find((l) => (ENTITY_TYPES as readonly string[]).includes(l)) ?? 'Location') as EntityType;
    const captionKey = CAPTION_KEYS.find((k) => typeof props[k] === 'string');
    const name = captionKey ? String(props[captionKey]).slice(0, 80) : `${n.labels.join(':') || 'node'} ${n.id}`;
    nodes.push({ id, name, type, aliases: Array.isArray(props.aliases) ? (props.aliases as string[]) : [] });
  }
  const edges: StoredRelation[] = [];
  for (const r of result.relationships) {
    const subject = idOf.get(r.start);
    const object = idOf.get(r.end);
    if (!subject || !object) continue;
    const predicate = ((PREDICATES as readonly string[]).includes(r.type) ? r.type : r.type) as Predicate;
    const p = r.properties ?? {};
    edges.push({
      key: (PREDICATES as readonly string[]).includes(r.type)
        ? relationKey(subject, predicate, object)
        : `cypher:${r.id}`,
      subject,
      predicate,
      object,
      evidenceCount: typeof p.evidenceCount === 'number' ? p.evidenceCount : 1,
      modalities: Array.isArray(p.modalities) ? (p.modalities as Modality[]) : [],
      confidence: typeof p.confidence === 'number' ? p.confidence : 1,
    });
  }
  return { nodes, edges, truncated: result.truncated, totalNodes: nodes.length, totalEdges: edges.length };
}
