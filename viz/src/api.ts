// Typed client of the geokg HTTP API (src/server/app.ts); errors come back as ApiError with the server's message.

import type { Entity, Predicate } from '../../src/model.js';
import type {
  DocumentClaim,
  DocumentDetail,
  DocumentPage,
  DocumentSort,
  EvidenceRecord,
  DocumentSummary,
  GraphSnapshot,
  StoreStats,
  StoredRelation,
  Timeline,
} from '../../src/store/types.js';
import type { DeclaredParam } from './core/query-params.js';

export interface ServerConfig {
  store: 'neo4j' | 'embedded';
  cypher: boolean;
  limits: { graphMax: number; cypherTimeoutMs: number; cypherMaxRows: number };
}

export interface EntityDetails {
  entity: Entity;
  relations: StoredRelation[];
  neighbours: Entity[];
}

export interface CypherResult {
  columns: string[];
  rows: Array<Record<string, unknown> | unknown[]>;
  nodes: Array<{ id: string; labels: string[]; properties: Record<string, unknown> }>;
  relationships: Array<{ id: string; type: string; start: string; end: string; properties: Record<string, unknown> }>;
  truncated: boolean;
}

/** A shipped research query (GET /api/queries). */
export interface ShippedQuery {
  name: string;
  answers: string;
  returns: string;
  params: DeclaredParam[];
  text: string;
}

/** A stored document with every claim it makes (GET /api/claims), for the JSON export. */
export type DocumentWithClaims = DocumentSummary & { claims: DocumentClaim[] };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly area: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, 'network', `the server is unreachable (${(err as Error).message})`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'server', `unexpected answer from ${path} (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const e = body as { error?: string; area?: string } | null;
    throw new ApiError(res.status, e?.area ?? 'server', e?.error ?? `HTTP ${res.status}`);
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  config: () => request<ServerConfig>('/api/config'),
  stats: () => request<StoreStats>('/api/stats'),
  graph: (limit?: number) => request<GraphSnapshot>(`/api/graph${limit ? `?limit=${limit}` : ''}`),
  benchGraph: (nodes: number, edges: number) =>
    request<GraphSnapshot>(`/api/bench/graph?nodes=${nodes}&edges=${edges}`),
  entity: (id: string) => request<EntityDetails>(`/api/entity/${enc(id)}`),
  neighbourhood: (id: string, depth = 1) => request<GraphSnapshot>(`/api/neighbourhood/${enc(id)}?depth=${depth}`),
  evidence: (subject: string, predicate: Predicate, object: string) =>
    request<{ evidence: EvidenceRecord[] }>(
      `/api/evidence?subject=${enc(subject)}&predicate=${enc(predicate)}&object=${enc(object)}`,
    ).then((r) => r.evidence),
  documents: (opts: { q?: string; sort?: DocumentSort; limit?: number; offset?: number } = {}) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(opts)) if (v !== undefined && v !== '') p.set(k, String(v));
    const qs = p.toString();
    return request<DocumentPage>(`/api/documents${qs ? `?${qs}` : ''}`);
  },
  document: (id: string) => request<DocumentDetail>(`/api/documents/${enc(id)}`),
  timeline: () => request<Timeline>('/api/timeline'),
  claims: (offset = 0, limit = 100) =>
    request<{ documents: DocumentWithClaims[]; total: number }>(`/api/claims?offset=${offset}&limit=${limit}`),
  /** Every document with its claims, page by page (each page is one bounded request). */
  allClaims: async (): Promise<DocumentWithClaims[]> => {
    const out: DocumentWithClaims[] = [];
    for (;;) {
      const page = await api.claims(out.length);
      out.push(...page.documents);
      if (page.documents.length === 0 || out.length >= page.total) return out;
    }
  },
  search: (q: string) => request<{ results: Entity[] }>(`/api/search?q=${enc(q)}`).then((r) => r.results),
  queries: () => request<{ queries: ShippedQuery[] }>('/api/queries').then((r) => r.queries),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<CypherResult>('/api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, params }),
    }),
};
