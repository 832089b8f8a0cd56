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

/** One stored document with what it supports: a row of `geokg documents` and of GET /api/documents. */
export interface DocumentSummary extends DocumentMeta {
  ingestedAt?: string;
  /** Distinct entities it mentions, distinct relations and claims (supporting mentions) it supports. */
  entities: number;
  relations: number;
  evidence: number;
  /** Whether the cleaned text is stored (documents ingested before the reader existed have none). */
  hasText: boolean;
}

export type DocumentSort = 'published' | 'oldest' | 'title';

export interface DocumentQuery {
  limit?: number;
  offset?: number;
  /** Case-insensitive substring of the title or source. */
  q?: string;
  /** `published`: newest first (default), `oldest`: oldest first; undated documents come last either way. */
  sort?: DocumentSort;
}

export interface DocumentPage {
  documents: DocumentSummary[];
  /** Documents matching `q`, before paging. */
  total: number;
}

/** One claim a document makes, with the sentence offsets the reader highlights. */
export interface DocumentClaim {
  key: string;
  subject: string;
  predicate: Predicate;
  object: string;
  modality: Modality;
  attributedTo?: string;
  time?: string;
  confidence: number;
  items: string[];
  /** Sentence offsets in the cleaned text; -1 when the claim has no sentence. */
  start: number;
  end: number;
  sentence: string;
}

export interface DocumentDetail {
  document: DocumentSummary;
  /** The cleaned text, when stored; claims' offsets point into it. */
  text?: string;
  /** In text order. */
  claims: DocumentClaim[];
}

/** Claims per month of their document's publication date; undated claims counted apart, never given a date. */
export interface Timeline {
  months: Array<{ month: string; claims: number; documents: number }>;
  undated: { claims: number; documents: number };
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
  /** A page of documents with their counts, newest first unless `sort` says otherwise. */
  documents(query?: DocumentQuery): Promise<DocumentPage>;
  /** One document with its text (when stored) and every claim it makes; null when not stored. */
  document(documentId: string): Promise<DocumentDetail | null>;
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
