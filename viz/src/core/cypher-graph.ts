// Turns a Cypher answer (nodes and relationships of any shape) into a graph snapshot the viewer can draw:
// store entities keep their ids, types and names; Claim, Sentence and Document nodes become their own kinds with
// readable captions (a claim reads as its triple, a sentence as its opening words, a document as its title).

import { ENTITY_TYPES, PREDICATES, relationKey, type Modality, type Predicate } from '../../../src/model.js';
import type { StoredRelation } from '../../../src/store/types.js';
import type { CypherResult } from '../api.js';
import type { NodeKind, ViewSnapshot } from './data-graph.js';

const CAPTION_KEYS = ['name', 'title', 'text', 'sentence', 'id', 'key'];
const CAPTION_MAX = 60;

type CypherNode = CypherResult['nodes'][number];

function clip(text: string, max = CAPTION_MAX): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function kindOf(labels: readonly string[]): NodeKind {
  const entity = labels.find((l) => (ENTITY_TYPES as readonly string[]).includes(l));
  if (entity) return entity as NodeKind;
  for (const k of ['Claim', 'Sentence', 'Document'] as const) if (labels.includes(k)) return k;
  return 'Node';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * What a node is called on screen. `nameOf` turns entity ids into names (a claim stores only ids), from the
 * answer's own entities first, then whatever the viewer has loaded.
 */
export function captionOf(n: CypherNode, kind: NodeKind, nameOf: (id: string) => string | undefined): string {
  const p = n.properties ?? {};
  switch (kind) {
    case 'Claim': {
      const who = (id: unknown) => (typeof id === 'string' ? (nameOf(id) ?? id) : '?');
      const modality = str(p.modality) && p.modality !== 'asserted' ? ` (${String(p.modality)})` : '';
      return clip(`${who(p.subject)} ${str(p.predicate) ?? 'claim'} ${who(p.object)}${modality}`);
    }
    case 'Sentence':
      return str(p.text) ? `“${clip(String(p.text), 48)}”` : `sentence ${n.id}`;
    case 'Document': {
      const title = str(p.title) ?? str(p.source)?.split(/[\\/]/).pop() ?? str(p.id) ?? `document ${n.id}`;
      const date = str(p.published) ?? 'undated';
      return `${clip(title, 48)} (${date})`;
    }
    default: {
      const key = CAPTION_KEYS.find((k) => str(p[k]));
      return key ? clip(String(p[key])) : `${n.labels.join(':') || 'node'} ${n.id}`;
    }
  }
}

/** Ids of provenance nodes are namespaced by kind: a Document's id must never collide with an entity's. */
function viewId(n: CypherNode, kind: NodeKind): string {
  const id = typeof n.properties?.id === 'string' ? n.properties.id : undefined;
  if ((ENTITY_TYPES as readonly string[]).includes(kind)) return id ?? `cypher:${n.id}`;
  return id ? `${kind.toLowerCase()}:${id}` : `cypher:${n.id}`;
}

export function cypherToSnapshot(result: CypherResult, knownName?: (id: string) => string | undefined): ViewSnapshot {
  const names = new Map<string, string>();
  for (const n of result.nodes) {
    const p = n.properties ?? {};
    if (typeof p.id === 'string' && typeof p.name === 'string') names.set(p.id, p.name);
  }
  const nameOf = (id: string) => names.get(id) ?? knownName?.(id);
  const idOf = new Map<string, string>();
  const nodes: ViewSnapshot['nodes'] = [];
  for (const n of result.nodes) {
    const props = n.properties ?? {};
    const kind = kindOf(n.labels);
    const id = viewId(n, kind);
    idOf.set(n.id, id);
    nodes.push({
      id,
      name: captionOf(n, kind, nameOf),
      type: kind,
      aliases: Array.isArray(props.aliases) ? (props.aliases as string[]) : [],
    });
  }
  const edges: StoredRelation[] = [];
  for (const r of result.relationships) {
    const subject = idOf.get(r.start);
    const object = idOf.get(r.end);
    if (!subject || !object) continue;
    const stored = (PREDICATES as readonly string[]).includes(r.type);
    const p = r.properties ?? {};
    edges.push({
      key: stored ? relationKey(subject, r.type as Predicate, object) : `cypher:${r.id}`,
      subject,
      // Provenance links (EVIDENCED_BY, IN_DOCUMENT, SUBJECT…) keep their Neo4j type as the label.
      predicate: r.type as Predicate,
      object,
      evidenceCount: typeof p.evidenceCount === 'number' ? p.evidenceCount : 1,
      modalities: Array.isArray(p.modalities) ? (p.modalities as Modality[]) : [],
      confidence: typeof p.confidence === 'number' ? p.confidence : 1,
    });
  }
  return { nodes, edges, truncated: result.truncated, totalNodes: nodes.length, totalEdges: edges.length };
}
