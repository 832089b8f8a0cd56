// The embedded default store: graphology in memory, persisted under $GEOKG_HOME as prepared documents
// (a snapshot plus an append-only journal, ./embedded-files.ts); the graph is derived from them.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { StoreError } from '../errors.js';
import { relationKey, type DocumentExtraction, type DocumentMeta, type Entity, type Predicate } from '../model.js';
import {
  aggregate,
  compareClaims,
  compareDocuments,
  documentMatches,
  fold,
  mergeEntityRows,
  prepareDocument,
  searchRank,
  toEntity,
  type ClaimRow,
  type EntityRow,
  type PreparedDocument,
} from './common.js';
import { EMBEDDED_FILE, StoreFiles, type JournalOp } from './embedded-files.js';
import type {
  BatchItemResult,
  DocumentClaim,
  DocumentDetail,
  DocumentPage,
  DocumentQuery,
  DocumentSummary,
  EvidenceRecord,
  GraphQuery,
  GraphSnapshot,
  GraphStore,
  IngestResult,
  StoreStats,
  StoredRelation,
} from './types.js';

export { EMBEDDED_FILE, JOURNAL_FILE } from './embedded-files.js';

type NodeAttrs = EntityRow;
type EdgeAttrs = StoredRelation & { documentCount: number };

/** A promise chain that runs operations one at a time, so a flush never interleaves with a half-applied change. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export interface EmbeddedStoreOptions {
  /** Directory holding store.json and store.journal; created on first write. */
  home: string;
  /** Test hook: called after a document is applied in memory and before the file is written. */
  beforePersist?: (documentIds: string[]) => void | Promise<void>;
  /** How long a writer waits for another process's lock before StoreLockedError (default 2 min). */
  lockTimeoutMs?: number;
  /** Told when a write waits for another process's lock (the CLI prints it). */
  onLockWait?: (message: string) => void;
  /** Journal size from which it is folded into the snapshot (default 8 MiB, or the snapshot's size if larger). */
  compactMinBytes?: number;
}

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly file: string;
  private readonly opts: EmbeddedStoreOptions;
  private readonly serial = new Serial();
  private readonly files: StoreFiles;
  /** Documents in ingest order: the journal that is persisted. */
  private docs = new Map<string, PreparedDocument>();
  private claimsByKey = new Map<string, Map<string, ClaimRow>>();
  /** Entity id → ids of documents mentioning it, in ingest order. */
  private mentions = new Map<string, string[]>();
  /** Entity id → latest ingestedAt among the documents mentioning it. */
  private newestMention = new Map<string, string>();
  private g = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });

  constructor(opts: EmbeddedStoreOptions) {
    this.opts = opts;
    this.file = path.join(path.resolve(opts.home), EMBEDDED_FILE);
    this.files = new StoreFiles(opts.home, {
      lockTimeoutMs: opts.lockTimeoutMs,
      onLockWait: opts.onLockWait,
      compactMinBytes: opts.compactMinBytes,
    });
  }

  async init(): Promise<void> {
    await this.serial.run(async () => {
      await this.fresh();
      await mkdir(path.dirname(this.file), { recursive: true }).catch((err: unknown) => {
        throw this.storeError('cannot create', err);
      });
    });
  }

  ingest(doc: DocumentExtraction): Promise<IngestResult> {
    return this.serial.run(async () => {
      const prepared = prepareDocument(doc);
      return this.files.withLock(async () => {
        await this.fresh();
        if (this.docs.has(prepared.document.id)) return this.unchanged(prepared);
        this.apply(prepared);
        await this.commit([prepared]);
        return this.written(prepared);
      });
    });
  }

  ingestMany(docs: DocumentExtraction[]): Promise<BatchItemResult[]> {
    return this.serial.run(() =>
      // Under the writer lock and caught up with the files: another process's documents are seen, never overwritten.
      this.files.withLock(async () => {
        await this.fresh();
        const out: BatchItemResult[] = [];
        const applied: PreparedDocument[] = [];
        for (const doc of docs) {
          let prepared: PreparedDocument;
          try {
            prepared = prepareDocument(doc);
          } catch (err) {
            out.push({ ok: false, document: doc?.document?.id ?? '?', error: (err as Error).message });
            continue;
          }
          if (this.docs.has(prepared.document.id)) {
            out.push({ ok: true, result: this.unchanged(prepared) });
            continue;
          }
          this.apply(prepared);
          applied.push(prepared);
          out.push({ ok: true, result: this.written(prepared) });
        }
        await this.commit(applied);
        return out;
      }),
    );
  }

  removeDocument(documentId: string): Promise<boolean> {
    return this.serial.run(() =>
      this.files.withLock(async () => {
        await this.fresh();
        const prepared = this.docs.get(documentId);
        if (!prepared) return false;
        this.unapply(documentId);
        try {
          await this.files.append([{ remove: documentId }]);
        } catch (err) {
          this.apply(prepared); // entity merge order follows ingestedAt, so the re-added slot does not matter
          throw err;
        }
        await this.maybeCompact();
        return true;
      }),
    );
  }

  hasDocument(documentId: string): Promise<boolean> {
    return this.read(() => this.docs.has(documentId));
  }

  listDocuments(): Promise<DocumentMeta[]> {
    return this.read(() => [...this.docs.values()].map((d) => ({ ...d.document })));
  }

  documents(query: DocumentQuery = {}): Promise<DocumentPage> {
    return this.read(() => {
      const all = [...this.docs.values()]
        .filter((d) => documentMatches(d.document, query.q))
        .map(documentSummary)
        .sort(compareDocuments(query.sort));
      const offset = Math.max(0, query.offset ?? 0);
      return { documents: all.slice(offset, offset + (query.limit ?? Infinity)), total: all.length };
    });
  }

  document(documentId: string): Promise<DocumentDetail | null> {
    return this.read(() => {
      const p = this.docs.get(documentId);
      if (!p) return null;
      const claims = p.claims.map((c) => {
        const out: DocumentClaim = {
          key: c.key,
          subject: c.subject,
          predicate: c.predicate,
          object: c.object,
          modality: c.modality,
          confidence: c.confidence,
          items: [...c.items],
          start: c.start ?? -1,
          end: c.end ?? -1,
          sentence: c.sentence ?? '',
        };
        if (c.attributedTo) out.attributedTo = c.attributedTo;
        if (c.time) out.time = c.time;
        return out;
      });
      return {
        document: documentSummary(p),
        ...(p.text !== undefined ? { text: p.text } : {}),
        claims: claims.sort(compareClaims),
      };
    });
  }

  stats(): Promise<StoreStats> {
    return this.read(() => {
      const stats: StoreStats = {
        documents: this.docs.size,
        entities: this.g.order,
        relations: this.g.size,
        evidence: 0,
        entitiesByType: {},
        relationsByType: {},
      };
      for (const claims of this.claimsByKey.values()) stats.evidence += claims.size;
      this.g.forEachNode((_id, a) => {
        stats.entitiesByType[a.type] = (stats.entitiesByType[a.type] ?? 0) + 1;
      });
      this.g.forEachEdge((_id, a) => {
        stats.relationsByType[a.predicate] = (stats.relationsByType[a.predicate] ?? 0) + 1;
      });
      return stats;
    });
  }

  private topByDegree(query: GraphQuery = {}): GraphSnapshot {
    const ranked = this.g
      .nodes()
      .map((id) => ({ id, degree: this.g.degree(id) }))
      .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const offset = Math.max(0, query.offset ?? 0);
    const limit = query.limit ?? Infinity;
    const picked = ranked.slice(offset, offset + limit).map((n) => n.id);
    return this.snapshot(picked, picked.length < this.g.order);
  }

  graph(query?: GraphQuery): Promise<GraphSnapshot> {
    return this.read(() => this.topByDegree(query));
  }

  neighbourhood(entityId: string, depth: number, limit = 500): Promise<GraphSnapshot> {
    return this.read(() => {
      if (!this.g.hasNode(entityId)) return this.snapshot([], false);
      const seen = new Set<string>([entityId]);
      let frontier = [entityId];
      let cut = false;
      for (let d = 0; d < depth && frontier.length > 0 && !cut; d++) {
        const next: string[] = [];
        const candidates = new Set<string>();
        for (const id of frontier) for (const n of this.g.neighbors(id)) if (!seen.has(n)) candidates.add(n);
        // Highest degree first, so a cap keeps the most connected neighbours.
        const ordered = [...candidates].sort((a, b) => this.g.degree(b) - this.g.degree(a) || (a < b ? -1 : 1));
        for (const n of ordered) {
          if (seen.size >= limit) {
            cut = true;
            break;
          }
          seen.add(n);
          next.push(n);
        }
        frontier = next;
      }
      return this.snapshot([...seen], cut);
    });
  }

  entity(entityId: string): Promise<Entity | null> {
    return this.read(() => (this.g.hasNode(entityId) ? toEntity(this.g.getNodeAttributes(entityId)) : null));
  }

  evidence(subject: string, predicate: Predicate, object: string): Promise<EvidenceRecord[]> {
    return this.read(() => {
      const claims = this.claimsByKey.get(relationKey(subject, predicate, object));
      if (!claims) return [];
      return [...claims.values()]
        .map((c) => {
          const meta = this.docs.get(c.document)?.document;
          const rec: EvidenceRecord = {
            document: c.document,
            sentence: c.sentence ?? '',
            start: c.start ?? -1,
            end: c.end ?? -1,
            modality: c.modality,
          };
          if (c.attributedTo) rec.attributedTo = c.attributedTo;
          if (c.time) rec.time = c.time;
          if (meta) rec.documentMeta = { ...meta };
          return rec;
        })
        .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start));
    });
  }

  search(text: string, limit = 20): Promise<Entity[]> {
    return this.read(() => {
      const q = fold(text);
      if (!q) return [];
      const hits: Array<{ rank: number; degree: number; row: EntityRow }> = [];
      this.g.forEachNode((id, row) => {
        if (!row.searchKeys.some((k) => k.includes(q))) return;
        hits.push({ rank: searchRank(row.searchKeys, row.name, q), degree: this.g.degree(id), row });
      });
      hits.sort((a, b) => a.rank - b.rank || b.degree - a.degree || (a.row.id < b.row.id ? -1 : 1));
      return hits.slice(0, limit).map((h) => toEntity(h.row));
    });
  }

  reset(): Promise<void> {
    // No catching up first: a corrupt file must be replaceable by an empty store.
    return this.serial.run(() =>
      this.files.withLock(async () => {
        this.clear();
        await this.files.reset();
      }),
    );
  }

  async close(): Promise<void> {
    await this.serial.run(async () => undefined);
  }

  // ---- internals ----

  private read<T>(fn: () => T): Promise<T> {
    return this.serial.run(async () => {
      await this.fresh();
      return fn();
    });
  }

  private unchanged(p: PreparedDocument): IngestResult {
    return { document: p.document.id, written: false, entities: 0, relations: 0, evidence: 0 };
  }

  private written(p: PreparedDocument): IngestResult {
    return {
      document: p.document.id,
      written: true,
      entities: p.entities.length,
      relations: p.relations.length,
      evidence: p.claims.length,
    };
  }

  private clear(): void {
    this.docs.clear();
    this.claimsByKey.clear();
    this.mentions.clear();
    this.newestMention.clear();
    this.g.clear();
  }

  /** Catches up with the files: everything on first use, then what other processes appended or compacted. */
  private async fresh(): Promise<void> {
    const change = await this.files.changes();
    if (change.kind === 'same') return;
    if (change.kind === 'full') {
      this.clear();
      for (const d of change.documents) this.apply(undateUnpublished(d));
    }
    for (const op of change.ops) this.replay(op);
  }

  private replay(op: JournalOp): void {
    if ('add' in op) {
      if (!this.docs.has(op.add.document.id)) this.apply(undateUnpublished(op.add));
    } else this.unapply(op.remove);
  }

  private storeError(what: string, err: unknown): StoreError {
    return new StoreError(`${what} embedded store ${this.file}: ${(err as Error).message}`, { cause: err });
  }

  /** Appends the applied documents to the journal, or takes them back out of memory when that fails. */
  private async commit(applied: PreparedDocument[]): Promise<void> {
    if (applied.length === 0) return;
    const ids = applied.map((p) => p.document.id);
    try {
      await this.opts.beforePersist?.(ids);
      await this.files.append(applied.map((add) => ({ add })));
    } catch (err) {
      for (const id of [...ids].reverse()) this.unapply(id);
      throw err instanceof StoreError ? err : this.storeError('cannot write', err);
    }
    await this.maybeCompact();
  }

  /** Folds the journal into a snapshot once it outgrows it; a failure here loses nothing (the journal has it all). */
  private async maybeCompact(): Promise<void> {
    if (!this.files.shouldCompact()) return;
    await this.files.compact([...this.docs.values()]).catch(() => undefined);
  }

  /** Adds a prepared document to the in-memory indexes and re-derives the entities and relationships it touches. */
  private apply(p: PreparedDocument): void {
    this.docs.set(p.document.id, p);
    const at = p.document.ingestedAt;
    for (const e of p.entities) {
      const list = this.mentions.get(e.id) ?? [];
      list.push(p.document.id);
      this.mentions.set(e.id, list);
      // The usual case, a document newer than every other mention: merging into the stored row gives what a
      // re-merge of all mentions would, at a cost that does not grow with the number of documents.
      const newest = this.newestMention.get(e.id);
      if (newest !== undefined && at >= newest && this.g.hasNode(e.id)) {
        this.g.replaceNodeAttributes(e.id, mergeEntityRows([this.g.getNodeAttributes(e.id), e]));
        this.newestMention.set(e.id, at);
      } else this.refreshEntity(e.id);
    }
    for (const c of p.claims) {
      let m = this.claimsByKey.get(c.key);
      if (!m) this.claimsByKey.set(c.key, (m = new Map()));
      m.set(c.id, c);
    }
    for (const r of p.relations) this.refreshRelation(r);
  }

  private unapply(documentId: string): void {
    const p = this.docs.get(documentId);
    if (!p) return;
    this.docs.delete(documentId);
    for (const c of p.claims) {
      const m = this.claimsByKey.get(c.key);
      m?.delete(c.id);
      if (m && m.size === 0) this.claimsByKey.delete(c.key);
    }
    for (const r of p.relations) this.refreshRelation(r);
    for (const e of p.entities) {
      const list = (this.mentions.get(e.id) ?? []).filter((d) => d !== documentId);
      if (list.length === 0) this.mentions.delete(e.id);
      else this.mentions.set(e.id, list);
      this.refreshEntity(e.id);
    }
  }

  private refreshEntity(id: string): void {
    const docIds = this.mentions.get(id);
    if (!docIds || docIds.length === 0) {
      this.newestMention.delete(id);
      if (this.g.hasNode(id)) this.g.dropNode(id);
      return;
    }
    const docs = docIds
      .map((d) => this.docs.get(d)!)
      .sort((a, b) =>
        a.document.ingestedAt < b.document.ingestedAt ? -1 : a.document.ingestedAt > b.document.ingestedAt ? 1 : 0,
      );
    this.newestMention.set(id, docs[docs.length - 1]!.document.ingestedAt);
    const rows = docs.map((d) => d.entities.find((e) => e.id === id)!);
    this.g.mergeNode(id, mergeEntityRows(rows));
  }

  private refreshRelation(r: PreparedDocument['relations'][number]): void {
    const claims = this.claimsByKey.get(r.key);
    if (!claims || claims.size === 0) {
      if (this.g.hasEdge(r.key)) this.g.dropEdge(r.key);
      return;
    }
    const attrs = aggregate(r, claims.values());
    if (this.g.hasEdge(r.key)) this.g.replaceEdgeAttributes(r.key, attrs);
    else this.g.addDirectedEdgeWithKey(r.key, r.subject, r.object, attrs);
  }

  private snapshot(ids: string[], truncated: boolean): GraphSnapshot {
    const picked = new Set(ids);
    const nodes = ids.map((id) => ({ ...toEntity(this.g.getNodeAttributes(id)), degree: this.g.degree(id) }));
    const edges: StoredRelation[] = [];
    this.g.forEachEdge((_k, a, s, t) => {
      if (picked.has(s) && picked.has(t)) edges.push(publicRelation(a));
    });
    edges.sort((a, b) => (a.key < b.key ? -1 : 1));
    return { nodes, edges, truncated, totalNodes: this.g.order, totalEdges: this.g.size };
  }
}

function documentSummary(p: PreparedDocument): DocumentSummary {
  return {
    ...p.document,
    entities: p.entities.length,
    relations: p.relations.length,
    evidence: p.claims.length,
    hasText: p.text !== undefined,
  };
}

/** Files written before claims were dated only by publication carry the ingest day as `seen`: drop it on load. */
function undateUnpublished(p: PreparedDocument): PreparedDocument {
  if (p.document.published || !p.claims.some((c) => c.seen)) return p;
  return { ...p, claims: p.claims.map(({ seen: _seen, ...c }) => c) };
}

function publicRelation(a: EdgeAttrs): StoredRelation & { documentCount: number } {
  return { ...a, modalities: [...a.modalities], items: [...(a.items ?? [])], time: [...(a.time ?? [])] };
}
