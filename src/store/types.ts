// The one store interface: the Neo4j adapter and the embedded (graphology) default both implement it,
// and one contract test suite (tests/store/contract.ts) runs against both.

import type { DocumentExtraction, DocumentMeta, Entity, EntityType, Evidence, Modality, Predicate } from '../model.js';

export type StoreKind = 'neo4j' | 'embedded';

/** A stored relationship with its aggregate properties (one per subject/predicate/object). */
export interface StoredRelation {
  /** relationKey(subject, predicate, object) from src/model.ts. */
  key: string;
  subject: string;
  predicate: Predicate;
  object: string;
  evidenceCount: number;
  modalities: Modality[];
  firstSeen?: string;
  lastSeen?: string;
  /** SUPPLIES: Item ids supplied. */
  items?: string[];
  time?: string[];
  confidence: number;
}

/** One supporting mention of a relation, with its document's metadata. */
export interface EvidenceRecord extends Evidence {
  modality: Modality;
  attributedTo?: string;
  time?: string;
  documentMeta?: DocumentMeta & { ingestedAt?: string };
}

export interface GraphSnapshot {
  nodes: Array<Entity & { degree?: number }>;
  edges: StoredRelation[];
  /** True when a cap cut the graph; `total*` say how big it really is. */
  truncated: boolean;
  totalNodes: number;
  totalEdges: number;
}

export interface StoreStats {
  documents: number;
  entities: number;
  relations: number;
  evidence: number;
  entitiesByType: Partial<Record<EntityType, number>>;
  relationsByType: Partial<Record<Predicate, number>>;
}

export interface IngestResult {
  document: string;
  /** False when the document was already stored: re-ingest is a no-op. */
  written: boolean;
  entities: number;
  relations: number;
  /** Claims (supporting mentions) written. */
  evidence: number;
}

export interface GraphQuery {
  /** Cap on nodes returned (highest degree first). */
  limit?: number;
  offset?: number;
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Apply schema (constraints, indexes); idempotent. Called automatically before the first ingest. */
  init(): Promise<void>;
  /** Store one document's triples atomically: all or nothing. Idempotent per document id. */
  ingest(doc: DocumentExtraction): Promise<IngestResult>;
  /** Retract a document: its evidence goes, relations without evidence go, orphan entities go. */
  removeDocument(documentId: string): Promise<boolean>;
  hasDocument(documentId: string): Promise<boolean>;
  listDocuments(): Promise<DocumentMeta[]>;
  stats(): Promise<StoreStats>;
  graph(query?: GraphQuery): Promise<GraphSnapshot>;
  neighbourhood(entityId: string, depth: number, limit?: number): Promise<GraphSnapshot>;
  entity(entityId: string): Promise<Entity | null>;
  evidence(subject: string, predicate: Predicate, object: string): Promise<EvidenceRecord[]>;
  /** Search names and aliases, both languages, case- and accent-insensitive. */
  search(text: string, limit?: number): Promise<Entity[]>;
  /**
   * Store many documents with few transactions (Neo4j) or file writes (embedded). Each document is still all or
   * nothing; a document that fails is reported in its slot and does not stop the others.
   */
  ingestMany(docs: DocumentExtraction[]): Promise<BatchItemResult[]>;
  /** Delete everything. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** One document's outcome inside a batch: its result, or why it was not stored (nothing of it was written). */
export type BatchItemResult = { ok: true; result: IngestResult } | { ok: false; document: string; error: string };

/** What `ingestPaths` (and `geokg ingest`) report at the end of a run. */
export interface IngestSummary {
  /** Inputs that were read and extracted. */
  documentsRead: number;
  /** Stored now for the first time. */
  documentsNew: number;
  /** Already stored (same document id): left as they were. */
  documentsUnchanged: number;
  /** Inputs that could not be read, extracted or stored; see `failures`. */
  documentsFailed: number;
  failures: Array<{ source: string; error: string }>;
  /** Written by this run (new documents only). */
  entities: number;
  relations: number;
  evidence: number;
  /** Store totals after the run. */
  totals: StoreStats;
  elapsedMs: number;
}
