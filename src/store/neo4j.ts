// The Neo4j adapter, the system of record: batched, parameterised, idempotent writes through executeWrite
// (one transaction per document or per batch), reads in READ mode, and a bounded read-only Cypher runner.

import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { isInt, Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { QueryError, StoreError } from '../errors.js';
import { redactSecrets, redactUri, splitUriCredentials } from '../redact.js';
import {
  ENTITY_TYPES,
  PREDICATES,
  relationKey,
  type DocumentExtraction,
  type DocumentMeta,
  type Entity,
  type EntityType,
  type Language,
  type Modality,
  type Predicate,
} from '../model.js';
import {
  aggregate,
  compareClaims,
  fold,
  mergeEntityRows,
  parseKey,
  prepareDocument,
  searchRank,
  sortedUnique,
  toEntity,
  type ClaimRow,
  type EntityRow,
  type PreparedDocument,
} from './common.js';
import { DEFAULT_MAX_BYTES, type CypherNode, type CypherRelationship, type CypherResult } from './cypher-run.js';
import { CypherWorkerClient } from './cypher-worker-client.js';
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

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher/schema.cypher');

export interface Neo4jConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

export interface Neo4jStoreOptions extends Neo4jConfig {
  /** Seconds-scale bound on reaching the server; an unreachable one fails within about this time. */
  connectTimeoutMs?: number;
  /**
   * Test hook: runs inside the write transaction after the named step, before commit. Throwing (or running a
   * failing statement on `tx`) rolls the whole transaction back — how the tests inject a mid-write failure.
   */
  onWriteStep?: (step: WriteStep, tx: ManagedTransaction) => Promise<void>;
}

export type WriteStep = 'documents' | 'entities' | 'mentions' | 'sentences' | 'claims' | 'relationships';

export interface QueryOptions {
  write?: boolean;
  timeoutMs?: number;
  maxRows?: number;
  /** Byte cap on the streamed result (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
}

// The Cypher result types and value conversion live with the runner (src/store/cypher-run.ts), in the worker.
export type { CypherNode, CypherRelationship, CypherResult };
export { cypherParams, toPlain } from './cypher-run.js';

export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ROWS = 10_000;
/** Rows per batched ingest transaction (claims count): large enough to amortise a commit, small enough for memory. */
const BATCH_CLAIMS = 5_000;

const TYPE_LABELS = ENTITY_TYPES.join(':');
const PREDICATE_SET: ReadonlySet<string> = new Set(PREDICATES);
const TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

// Labels and relationship types cannot be parameters; these builders only accept the ontology's fixed names.
function typeLabel(type: string): EntityType {
  if (!TYPE_SET.has(type)) throw new StoreError(`refusing unknown entity type ${JSON.stringify(type)}`);
  return type as EntityType;
}
function relType(predicate: string): Predicate {
  if (!PREDICATE_SET.has(predicate))
    throw new StoreError(`refusing unknown relationship type ${JSON.stringify(predicate)}`);
  return predicate as Predicate;
}

/** Splits the schema file into statements: `;` at line end separates them, `//` lines are comments. */
export function schemaStatements(file = SCHEMA_FILE): string[] {
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

// Taking the entity's write lock (SET) before reading its aliases: a concurrent ingest of the same entity waits,
// so the aliases merged in JS are never computed from a stale read.
const ENTITY_LOCK = `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
WITH e, row, e.type AS oldType
SET e.name = row.name, e.type = row.type
RETURN row.id AS id, oldType, e.aliases AS aliases, e.searchKeys AS searchKeys, e.iso2 AS iso2, e.iso3 AS iso3,
       e.wikidata AS wikidata`;

// Only for entities that changed: rewriting an unchanged entity would still churn the full-text index.
const ENTITY_PROPS = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.aliases = row.aliases, e.searchKeys = row.searchKeys, e.searchText = row.searchText, e.iso2 = row.iso2,
    e.iso3 = row.iso3, e.wikidata = row.wikidata`;

const ENTITY_SET = (label: EntityType) => `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.searchKeys = row.searchKeys,
    e.searchText = row.searchText, e.iso2 = row.iso2, e.iso3 = row.iso3, e.wikidata = row.wikidata
REMOVE e:${TYPE_LABELS}
SET e:${label}`;

// A document's own nodes and edges are CREATEd, not merged: the transaction has just checked that the document is
// not stored, and CREATE on the unique Document.id makes a concurrent second ingest of the same document fail on
// the constraint (then reported as unchanged) instead of doubling anything. MERGE would cost an expand per edge.
const DOCUMENT_WRITE = `
UNWIND $rows AS row
CREATE (d:Document {id: row.id, source: row.source, title: row.title, language: row.language,
                    published: row.published, ingestedAt: row.ingestedAt, text: row.text})`;

const MENTION_WRITE = `
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (e:Entity {id: row.id})
CREATE (d)-[:MENTIONS {name: row.name, type: row.type, aliases: row.aliases, searchKeys: row.searchKeys,
                       iso2: row.iso2, iso3: row.iso3, wikidata: row.wikidata}]->(e)`;

const CLAIM_PROPS = `{id: row.id, key: row.key, predicate: row.predicate, subject: row.subject, object: row.object,
  modality: row.modality, attributedTo: row.attributedTo, time: row.time, confidence: row.confidence,
  items: row.items, document: row.document, seen: row.seen}`;

/** A sentence with the claims it supports (the usual case): document and sentence are at hand, no lookups. */
const SENTENCE_CLAIM_WRITE = `
UNWIND $rows AS srow
MATCH (d:Document {id: srow.document})
CREATE (t:Sentence {id: srow.id, text: srow.text, start: srow.start, end: srow.end})-[:IN_DOCUMENT]->(d)
WITH d, t, srow
UNWIND srow.claims AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (c:Claim ${CLAIM_PROPS})
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:IN_DOCUMENT]->(d), (c)-[:EVIDENCED_BY]->(t)`;

/** Claims without an evidence sentence (rare). */
const CLAIM_WRITE_BARE = `
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (c:Claim ${CLAIM_PROPS})
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:IN_DOCUMENT]->(d)`;

const ATTRIBUTION_WRITE = `
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
MATCH (a:Entity {id: row.attributedTo})
CREATE (c)-[:ATTRIBUTED_TO]->(a)`;

// Setting r.key takes the relationship's write lock before its aggregates are read back (same reason as entities).
// A relationship created here comes back without aggregates, an existing one with those of its committed claims,
// which the new claims are added to. One statement per predicate: one statement with a typed MERGE per predicate in
// UNION branches was tried and was not faster (GEOKG_TRACE=1 profile of the scale bench's shards).
const RELATIONSHIP_LOCK = (type: Predicate) => `
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:${type}]->(o)
ON CREATE SET r.key = row.key
ON MATCH SET r.key = row.key
RETURN row.key AS key, elementId(r) AS rid, r.evidenceCount AS evidenceCount, r.documentCount AS documentCount,
       r.modalities AS modalities, r.items AS items, r.times AS times, r.firstSeen AS firstSeen,
       r.lastSeen AS lastSeen, r.confidence AS confidence`;

/** The locked relationships by element id (stable within the transaction): no type needed, no expand. */
const RELATIONSHIP_SET_BY_ID = `
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.rid
SET r += row.props`;

/** Every claim of the given keys: on retraction the aggregates are recomputed from the claims left. */
const CLAIMS_READ = `
UNWIND $keys AS k
MATCH (c:Claim {key: k})
RETURN k AS key, collect(c {.modality, .items, .time, .confidence, .document, .seen}) AS claims`;

const RELATIONSHIP_SET = (type: Predicate) => `
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})-[r:${type}]->(o:Entity {id: row.object})
SET r += row.props`;

const RELATIONSHIP_DROP = (type: Predicate) => `
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})-[r:${type}]->(o:Entity {id: row.object})
DELETE r`;

/** A document's own properties without its text (which can be large and is asked for only by the reader). */
const DOCUMENT_FIELDS = '.id, .source, .title, .language, .published, .ingestedAt';

const DOCUMENTS_WHERE = `WHERE $q IS NULL OR toLower(coalesce(d.title, '') + ' ' + d.source) CONTAINS $q`;

// Same order as compareDocuments (common.ts): undated last, then title (source when untitled), then id.
const DOCUMENTS_PAGE = `
MATCH (d:Document) ${DOCUMENTS_WHERE}
WITH d, CASE $sort WHEN 'title' THEN '' ELSE coalesce(d.published, '') END AS date
ORDER BY CASE WHEN $sort <> 'title' AND date = '' THEN 1 ELSE 0 END,
  CASE $sort WHEN 'oldest' THEN date ELSE '' END,
  CASE $sort WHEN 'published' THEN date ELSE '' END DESC,
  coalesce(d.title, d.source), d.id
SKIP $offset LIMIT $limit
CALL (d) {
  OPTIONAL MATCH (c:Claim)-[:IN_DOCUMENT]->(d)
  RETURN count(c) AS evidence, count(DISTINCT c.key) AS relations
}
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(:Entity)
  RETURN count(m) AS entities
}
RETURN d {${DOCUMENT_FIELDS}, evidence: evidence, relations: relations, entities: entities,
          hasText: d.text IS NOT NULL} AS d`;

const DOCUMENT_DETAIL = `
MATCH (d:Document {id: $id})
CALL (d) {
  OPTIONAL MATCH (c:Claim)-[:IN_DOCUMENT]->(d)
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(s:Sentence)
  RETURN collect(c {.key, .subject, .predicate, .object, .modality, .attributedTo, .time, .confidence, .items,
                    start: s.start, end: s.end, sentence: s.text}) AS claims,
         count(DISTINCT c.key) AS relations
}
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(:Entity)
  RETURN count(m) AS entities
}
RETURN d {${DOCUMENT_FIELDS}, evidence: size(claims), relations: relations,
          entities: entities, hasText: d.text IS NOT NULL} AS d, d.text AS text, claims`;

/** The documented provenance query (docs/store.md, same as cypher/queries/provenance.cypher): relationship → sentences → documents. */
export const PROVENANCE_QUERY = `
MATCH (a:Entity {id: $subject})-[r]-(b:Entity {id: $object})
WHERE type(r) = $predicate
  AND (startNode(r) = a OR type(r) IN ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT'])
MATCH (c:Claim {key: r.key})-[:EVIDENCED_BY]->(s:Sentence)-[:IN_DOCUMENT]->(d:Document)
RETURN c.modality AS modality, c.attributedTo AS attributedTo, c.time AS time, s.text AS sentence,
       s.start AS start, s.end AS end, d.id AS document, d.source AS source, d.title AS title
ORDER BY document, start`;

function num(v: unknown): number {
  if (isInt(v)) return v.toNumber();
  return typeof v === 'number' ? v : Number(v ?? 0);
}

function strOrUndef(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Explains a driver error in one line: never the password, always the URI for connection problems. */
export function describeNeo4jError(err: unknown, rawUri: string): string {
  const uri = redactUri(rawUri);
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  let msg = redactSecrets((e?.message ?? String(err)).split('\n')[0]!);
  const cause = /Caused by: (.*)$/.exec(msg);
  if (cause) msg = cause[1]!; // the driver's generic advice before it says nothing the cause does not
  if (code === 'ServiceUnavailable' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|connect/i.test(msg))
    return `cannot reach Neo4j at ${uri}: ${msg}`;
  if (/Unauthorized|AuthenticationRateLimit|authentication/i.test(code + msg))
    return `Neo4j at ${uri} refused the credentials (check NEO4J_USER/NEO4J_PASSWORD)`;
  if (/DatabaseNotFound/.test(code)) return `Neo4j at ${uri}: ${msg}`;
  return `Neo4j at ${uri}: ${msg}${code ? ` [${code}]` : ''}`;
}

/** Default bound on reaching the server (TCP connect); the Bolt handshake and pool wait get a little more. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** How long close() waits for the driver before it cuts the sockets that are still open. */
const CLOSE_GRACE_MS = 1_000;

// Sockets the driver opens while a store works; close() destroys those the driver leaves open (a server that
// accepted the connection but never answered the handshake keeps one alive, and with it the whole process).
const socketOwner = new AsyncLocalStorage<Set<Socket>>();
let socketsWatched = false;
function watchDriverSockets(): void {
  if (socketsWatched) return;
  socketsWatched = true;
  diagnostics.subscribe('net.client.socket', (message) => {
    const owned = socketOwner.getStore();
    if (!owned) return;
    const socket = (message as { socket: Socket }).socket;
    owned.add(socket);
    socket.once('close', () => owned.delete(socket));
  });
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly uri: string;
  readonly database: string | undefined;
  private readonly driver: Driver;
  private readonly opts: Neo4jStoreOptions;
  private readonly sockets = new Set<Socket>();
  private connected: Promise<void> | undefined;
  /** Runs researcher Cypher (query()) in a worker thread; started by the first query, stopped by close(). */
  private cypherWorker: CypherWorkerClient | undefined;
  private schemaApplied: Promise<void> | undefined;

  constructor(opts: Neo4jStoreOptions) {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(opts.uri)) {
      throw new StoreError(
        `unsupported Neo4j URI ${JSON.stringify(redactUri(opts.uri))} (expected neo4j://, bolt:// or neo4j+s://)`,
      );
    }
    // Credentials in the URI's userinfo are used (when not given otherwise) and never kept in what is shown.
    const fromUri = splitUriCredentials(opts.uri);
    const timeout = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.opts = {
      ...opts,
      uri: fromUri.uri,
      user: opts.user ?? fromUri.user ?? 'neo4j',
      password: opts.password || fromUri.password || '',
      connectTimeoutMs: timeout,
    };
    this.uri = fromUri.uri;
    this.database = opts.database || undefined;
    watchDriverSockets();
    this.driver = neo4j.driver(this.opts.uri, neo4j.auth.basic(this.opts.user!, this.opts.password!), {
      connectionTimeout: timeout,
      // The pool wait also bounds a handshake that never completes (connectionTimeout covers TCP only).
      connectionAcquisitionTimeout: timeout + 1_000,
      maxTransactionRetryTime: 15_000,
      userAgent: 'geokg',
    });
  }

  /** Runs driver work with its sockets recorded, so close() can cut any the driver fails to close. */
  private tracked<T>(work: () => Promise<T>): Promise<T> {
    return socketOwner.run(this.sockets, work);
  }

  /** Fails fast and clearly when the server is unreachable, instead of letting the retry loop spin for long. */
  private connect(): Promise<void> {
    if (!this.connected) {
      const limit = (this.opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) + 2_000;
      let timer: NodeJS.Timeout | undefined;
      this.connected = Promise.race([
        this.tracked(() => this.driver.verifyConnectivity({ database: this.database })).then(() => undefined),
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${limit / 1000} s`)), limit);
          timer.unref();
        }),
      ])
        .catch((err: unknown) => {
          this.connected = undefined;
          throw new StoreError(describeNeo4jError(err, this.uri), { cause: err });
        })
        .finally(() => clearTimeout(timer));
    }
    return this.connected;
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    await this.connect();
    const session = this.session('READ');
    try {
      return await this.tracked(() => session.executeRead(work));
    } catch (err) {
      throw this.wrap(err);
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    await this.connect();
    const session = this.session('WRITE');
    try {
      if (process.env.GEOKG_TRACE) {
        const t0 = performance.now();
        let t1 = 0;
        const out = await session.executeWrite(async (tx) => {
          const r = await work(tx);
          t1 = performance.now();
          return r;
        });
        const t2 = performance.now();
        process.stderr.write(`trace tx ${(t1 - t0).toFixed(0)} ms work, ${(t2 - t1).toFixed(0)} ms commit\n`);
        return out;
      }
      return await this.tracked(() => session.executeWrite(work));
    } catch (err) {
      throw this.wrap(err);
    } finally {
      await session.close();
    }
  }

  private wrap(err: unknown): Error {
    if (err instanceof StoreError || err instanceof QueryError) return err;
    return new StoreError(describeNeo4jError(err, this.uri), { cause: err });
  }

  async init(): Promise<void> {
    this.schemaApplied = undefined;
    await this.ensureSchema();
  }

  private ensureSchema(): Promise<void> {
    if (!this.schemaApplied) {
      this.schemaApplied = (async () => {
        await this.connect();
        const statements = schemaStatements();
        // Schema changes cannot share a transaction with data writes; each is idempotent (IF NOT EXISTS).
        for (const statement of statements) {
          try {
            await this.write((tx) => tx.run(statement));
          } catch (err) {
            // Another process created the same index or constraint a moment ago: the schema is there, as wanted.
            if (!/AlreadyExists/.test(((err as { cause?: { code?: string } }).cause?.code ?? '') as string)) throw err;
          }
        }
        const session = this.session('READ');
        try {
          await session.run('CALL db.awaitIndexes(60)');
        } catch (err) {
          throw this.wrap(err);
        } finally {
          await session.close();
        }
      })().catch((err: unknown) => {
        this.schemaApplied = undefined;
        throw err;
      });
    }
    return this.schemaApplied;
  }

  async ingest(doc: DocumentExtraction): Promise<IngestResult> {
    const prepared = prepareDocument(doc);
    await this.ensureSchema();
    try {
      const [result] = await this.write((tx) => this.writeBatch(tx, [prepared]));
      return result!;
    } catch (err) {
      // Another process stored the same document between our check and our write: it is there, unchanged.
      if (isConstraintError(err) && (await this.hasDocument(prepared.document.id)))
        return { document: prepared.document.id, written: false, entities: 0, relations: 0, evidence: 0 };
      throw err;
    }
  }

  async ingestMany(docs: DocumentExtraction[]): Promise<BatchItemResult[]> {
    const out: BatchItemResult[] = new Array(docs.length);
    const ready: Array<{ slot: number; p: PreparedDocument }> = [];
    docs.forEach((doc, slot) => {
      try {
        ready.push({ slot, p: prepareDocument(doc) });
      } catch (err) {
        out[slot] = { ok: false, document: doc?.document?.id ?? '?', error: (err as Error).message };
      }
    });
    if (ready.length > 0) await this.ensureSchema();
    // Group documents into transactions of about BATCH_CLAIMS claims; a document is never split. The batches are
    // balanced (each document goes to the batch its cumulative weight falls in), so a call does not end with a tiny
    // transaction that pays a commit for little.
    const weight = ready.reduce((n, item) => n + item.p.claims.length + 1, 0);
    const count = Math.max(1, Math.ceil(weight / BATCH_CLAIMS));
    const batches: Array<typeof ready> = Array.from({ length: count }, () => []);
    let before = 0;
    for (const item of ready) {
      batches[Math.min(count - 1, Math.floor((before * count) / weight))]!.push(item);
      before += item.p.claims.length + 1;
    }
    for (const batch of batches) {
      if (batch.length === 0) continue;
      try {
        const results = await this.write((tx) =>
          this.writeBatch(
            tx,
            batch.map((b) => b.p),
          ),
        );
        batch.forEach((b, i) => (out[b.slot] = { ok: true, result: results[i]! }));
      } catch (err) {
        if (isConnectionError(err)) {
          for (const b of batch) out[b.slot] = { ok: false, document: b.p.document.id, error: (err as Error).message };
          throw err;
        }
        // A lone document that another loader stored between our check and our write is there, unchanged.
        if (batch.length === 1 && isConstraintError(err) && (await this.hasDocument(batch[0]!.p.document.id))) {
          const id = batch[0]!.p.document.id;
          out[batch[0]!.slot] = {
            ok: true,
            result: { document: id, written: false, entities: 0, relations: 0, evidence: 0 },
          };
          continue;
        }
        if (batch.length === 1) {
          out[batch[0]!.slot] = { ok: false, document: batch[0]!.p.document.id, error: (err as Error).message };
          continue;
        }
        // Isolate the failing document: each one alone in its own transaction.
        for (const b of batch) {
          try {
            const [r] = await this.write((tx) => this.writeBatch(tx, [b.p]));
            out[b.slot] = { ok: true, result: r! };
          } catch (e) {
            if (isConnectionError(e)) throw e;
            if (isConstraintError(e) && (await this.hasDocument(b.p.document.id))) {
              const id = b.p.document.id;
              out[b.slot] = {
                ok: true,
                result: { document: id, written: false, entities: 0, relations: 0, evidence: 0 },
              };
              continue;
            }
            out[b.slot] = { ok: false, document: b.p.document.id, error: (e as Error).message };
          }
        }
      }
    }
    return out;
  }

  /**
   * Writes the new documents of a batch in one transaction; documents already stored are left alone.
   * Statements are pipelined (sent without waiting for each other) in four round trips: existence check; document +
   * entity locks; entities, mentions, sentences, claims and the relationship locks with their aggregates; aggregates.
   */
  private async writeBatch(tx: ManagedTransaction, docs: PreparedDocument[]): Promise<IngestResult[]> {
    const ids = docs.map((d) => d.document.id);
    const existing = await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id', { ids });
    const stored = new Set(existing.records.map((r) => r.get('id') as string));
    const fresh: PreparedDocument[] = [];
    for (const d of docs) {
      if (stored.has(d.document.id)) continue;
      stored.add(d.document.id); // the same id twice in one batch: the first one counts
      fresh.push(d);
    }
    const results = docs.map((d) => {
      const isNew = fresh.includes(d);
      return {
        document: d.document.id,
        written: isNew,
        entities: isNew ? d.entities.length : 0,
        relations: isNew ? d.relations.length : 0,
        evidence: isNew ? d.claims.length : 0,
      };
    });
    if (fresh.length === 0) return results;

    const hook = this.opts.onWriteStep;
    const pending: Array<Promise<unknown>> = [];
    const run = (cypher: string, params: Record<string, unknown>) => {
      const p = tx.run(cypher, params) as unknown as Promise<unknown>;
      if (process.env.GEOKG_TRACE) traceStatement(cypher, params, p);
      p.catch(() => undefined); // awaited below through `pending`; this only keeps Node from calling it unhandled
      pending.push(p);
      return p;
    };
    const step = async (name: WriteStep) => {
      if (!hook) return;
      await Promise.all(pending);
      await hook(name, tx);
    };

    run(DOCUMENT_WRITE, {
      rows: fresh.map((d) => ({
        id: d.document.id,
        source: d.document.source,
        title: d.document.title ?? null,
        language: d.document.language,
        published: d.document.published ?? null,
        ingestedAt: d.document.ingestedAt,
        text: d.text ?? null,
      })),
    });
    await step('documents');

    // One row per entity across the batch, merged in document order (later documents win for name and codes).
    const byEntity = new Map<string, EntityRow[]>();
    for (const d of fresh)
      for (const e of d.entities) {
        const list = byEntity.get(e.id);
        if (list) list.push(e);
        else byEntity.set(e.id, [e]);
      }
    const batchRows = [...byEntity.values()].map(mergeEntityRows);
    // The lock's read-back is awaited only after everything that does not depend on it has been sent: the server
    // runs the statements in order (entities exist before mentions and claims match them) while we wait once.
    const lockedP = run(ENTITY_LOCK, { rows: batchRows.map(entityParams) }) as Promise<{
      records: Array<{ get(k: string): unknown }>;
    }>;
    run(MENTION_WRITE, { rows: fresh.flatMap((d) => d.entities.map((e) => mentionRow(d.document.id, e))) });
    await step('mentions');
    // A sentence and the claims it supports are written by one statement: no per-claim lookup of the sentence
    // or the document. Claims without an evidence sentence (rare) go separately.
    // Only the claim's own properties: the sentence text travels once, with its sentence row.
    const claimRow = (c: ClaimRow) => ({
      id: c.id,
      key: c.key,
      predicate: c.predicate,
      subject: c.subject,
      object: c.object,
      modality: c.modality,
      attributedTo: c.attributedTo ?? null,
      time: c.time ?? null,
      confidence: c.confidence,
      items: c.items,
      document: c.document,
      seen: c.seen ?? null,
    });
    const sentenceRows: Array<Record<string, unknown>> = [];
    const bare: Array<ReturnType<typeof claimRow>> = [];
    const attributed: Array<{ id: string; attributedTo: string }> = [];
    for (const d of fresh) {
      const bySentence = new Map<string, Array<ReturnType<typeof claimRow>>>();
      for (const c of d.claims) {
        const row = claimRow(c);
        if (c.attributedTo) attributed.push({ id: c.id, attributedTo: c.attributedTo });
        if (!c.sentenceId) bare.push(row);
        else {
          const list = bySentence.get(c.sentenceId);
          if (list) list.push(row);
          else bySentence.set(c.sentenceId, [row]);
        }
      }
      for (const sen of d.sentences)
        sentenceRows.push({
          ...sen,
          start: neo4j.int(sen.start),
          end: neo4j.int(sen.end),
          document: d.document.id,
          claims: bySentence.get(sen.id) ?? [],
        });
    }
    run(SENTENCE_CLAIM_WRITE, { rows: sentenceRows });
    await step('sentences');
    if (bare.length > 0) run(CLAIM_WRITE_BARE, { rows: bare });
    if (attributed.length > 0) run(ATTRIBUTION_WRITE, { rows: attributed });
    await step('claims');
    const rels = new Map<string, RelRow>();
    for (const d of fresh) for (const r of d.relations) rels.set(r.key, r);
    const batchClaims = new Map<string, ClaimProps[]>();
    for (const d of fresh)
      for (const c of d.claims) {
        const props = { ...c, time: c.time ?? null, seen: c.seen ?? null };
        const list = batchClaims.get(c.key);
        if (list) list.push(props);
        else batchClaims.set(c.key, [props]);
      }
    const relList = [...rels.values()];
    const relLocked = Promise.all(
      [...groupByType(relList)].map(([type, rows]) => run(RELATIONSHIP_LOCK(type), { rows })),
    );
    // When an earlier statement fails (a concurrent ingest of the same document) this is never awaited: the error
    // reaches the caller through `pending`, and an unheeded rejection here would end the process.
    relLocked.catch(() => undefined);

    const locked = await lockedP;
    const old = new Map(locked.records.map((r) => [r.get('id') as string, r]));
    const relabel: EntityRow[] = [];
    const update: EntityRow[] = [];
    for (const row of batchRows) {
      const o = old.get(row.id);
      if (!o || !Array.isArray(o.get('aliases'))) {
        relabel.push(row);
        continue;
      }
      const prev = entityRowFrom(row.id, {
        name: row.name,
        type: row.type,
        aliases: o.get('aliases'),
        searchKeys: o.get('searchKeys'),
        iso2: o.get('iso2'),
        iso3: o.get('iso3'),
        wikidata: o.get('wikidata'),
      });
      const merged = mergeEntityRows([prev, row]);
      if (o.get('oldType') !== row.type) relabel.push(merged);
      else if (!sameEntity(prev, merged)) update.push(merged);
    }
    this.entitySets(run, relabel);
    if (update.length > 0) run(ENTITY_PROPS, { rows: update.map(entityParams) });
    await step('entities');
    await addAggregates(run, relList, batchClaims, relLocked);
    await Promise.all(pending);
    await step('relationships');
    return results;
  }

  private entitySets(run: Runner, rows: EntityRow[]): void {
    const byType = new Map<EntityType, EntityRow[]>();
    for (const r of rows) byType.set(typeLabel(r.type), [...(byType.get(r.type) ?? []), r]);
    for (const [type, list] of byType) run(ENTITY_SET(type), { rows: list.map(entityParams) });
  }

  /** Reads back every claim of the keys and sets each relationship's aggregates, or drops it when none is left. */
  private async setAggregates(run: Runner, rels: RelRow[]): Promise<void> {
    const read = (await run(CLAIMS_READ, { keys: rels.map((r) => r.key) })) as {
      records: Array<{ get(k: string): unknown }>;
    };
    const claims = new Map(read.records.map((r) => [r.get('key') as string, r.get('claims') as ClaimProps[]]));
    const keep: Array<RelRow & { props: Record<string, unknown> }> = [];
    const drop: RelRow[] = [];
    for (const rel of rels) {
      const list = claims.get(rel.key) ?? [];
      if (list.length === 0) drop.push(rel);
      else keep.push({ ...rel, props: aggregateProps(rel, list) });
    }
    for (const [type, rows] of groupByType(drop)) run(RELATIONSHIP_DROP(type), { rows });
    for (const [type, rows] of groupByType(keep)) run(RELATIONSHIP_SET(type), { rows });
  }

  async removeDocument(documentId: string): Promise<boolean> {
    await this.connect();
    return this.write(async (tx) => {
      const found = await tx.run(
        `MATCH (d:Document {id: $id})
         OPTIONAL MATCH (c:Claim {document: $id})
         WITH d, collect(DISTINCT c.key) AS keys
         OPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)
         RETURN keys, collect(DISTINCT e.id) AS entities`,
        { id: documentId },
      );
      const rec = found.records[0];
      if (!rec) return false;
      const keys = rec.get('keys') as string[];
      const entities = rec.get('entities') as string[];
      const pending: Array<Promise<unknown>> = [];
      const run: Runner = (cypher, params) => {
        const p = tx.run(cypher, params) as unknown as Promise<unknown>;
        p.catch(() => undefined);
        pending.push(p);
        return p;
      };
      run('MATCH (c:Claim {document: $id}) DETACH DELETE c', { id: documentId });
      run('MATCH (s:Sentence)-[:IN_DOCUMENT]->(:Document {id: $id}) DETACH DELETE s', { id: documentId });
      run('MATCH (d:Document {id: $id}) DETACH DELETE d', { id: documentId });
      await this.setAggregates(
        run,
        keys.map((key) => ({ key, ...parseKey(key) })),
      );
      run(
        `UNWIND $ids AS id MATCH (e:Entity {id: id})
         WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Document) }
         DETACH DELETE e`,
        { ids: entities },
      );
      // Surviving entities are re-derived from their remaining mentions, so no alias of the removed text lingers.
      const left = (await run(
        `UNWIND $ids AS id MATCH (e:Entity {id: id})<-[m:MENTIONS]-(d:Document)
         WITH id, m, d ORDER BY d.ingestedAt, d.id
         RETURN id, collect(m {.*}) AS mentions`,
        { ids: entities },
      )) as { records: Array<{ get(k: string): unknown }> };
      const rows = left.records.map((r) =>
        mergeEntityRows(
          (r.get('mentions') as Array<Record<string, unknown>>).map((m) => entityRowFrom(r.get('id'), m)),
        ),
      );
      this.entitySets(run, rows);
      await Promise.all(pending);
      return true;
    });
  }

  hasDocument(documentId: string): Promise<boolean> {
    return this.read(async (tx) => {
      const r = await tx.run('MATCH (d:Document {id: $id}) RETURN count(d) AS n', { id: documentId });
      return num(r.records[0]?.get('n')) > 0;
    });
  }

  listDocuments(): Promise<DocumentMeta[]> {
    return this.read(async (tx) => {
      const r = await tx.run(`MATCH (d:Document) RETURN d {${DOCUMENT_FIELDS}} AS d ORDER BY d.ingestedAt, d.id`);
      return r.records.map((rec) => documentFrom(rec.get('d') as Record<string, unknown>));
    });
  }

  documents(query: DocumentQuery = {}): Promise<DocumentPage> {
    return this.read(async (tx) => {
      const params = {
        q: query.q ? query.q.toLowerCase() : null,
        sort: query.sort ?? 'published',
        offset: neo4j.int(Math.max(0, Math.floor(query.offset ?? 0))),
        limit: neo4j.int(Math.min(Math.floor(query.limit ?? 1_000_000), 1_000_000)),
      };
      const [page, total] = await Promise.all([
        tx.run(DOCUMENTS_PAGE, params),
        tx.run(`MATCH (d:Document) ${DOCUMENTS_WHERE} RETURN count(d) AS n`, params),
      ]);
      return {
        documents: page.records.map((rec) => summaryFrom(rec.get('d') as Record<string, unknown>)),
        total: num(total.records[0]?.get('n')),
      };
    });
  }

  document(documentId: string): Promise<DocumentDetail | null> {
    return this.read(async (tx) => {
      const r = await tx.run(DOCUMENT_DETAIL, { id: documentId });
      const rec = r.records[0];
      if (!rec) return null;
      const claims = (rec.get('claims') as Array<Record<string, unknown>>).map((c) => {
        const out: DocumentClaim = {
          key: c.key as string,
          subject: c.subject as string,
          predicate: c.predicate as Predicate,
          object: c.object as string,
          modality: c.modality as Modality,
          confidence: num(c.confidence),
          items: (c.items as string[] | null) ?? [],
          start: c.start === null ? -1 : num(c.start),
          end: c.end === null ? -1 : num(c.end),
          sentence: (c.sentence as string | null) ?? '',
        };
        if (strOrUndef(c.attributedTo)) out.attributedTo = c.attributedTo as string;
        if (strOrUndef(c.time)) out.time = c.time as string;
        return out;
      });
      const text = rec.get('text') as string | null;
      return {
        document: summaryFrom(rec.get('d') as Record<string, unknown>),
        ...(typeof text === 'string' ? { text } : {}),
        claims: claims.sort(compareClaims),
      };
    });
  }

  stats(): Promise<StoreStats> {
    return this.read(async (tx) => {
      const [docs, ents, rels, claims] = await Promise.all([
        tx.run('MATCH (d:Document) RETURN count(d) AS n'),
        tx.run('MATCH (e:Entity) RETURN e.type AS t, count(e) AS n'),
        tx.run('MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, count(r) AS n'),
        tx.run('MATCH (c:Claim) RETURN count(c) AS n'),
      ]);
      const stats: StoreStats = {
        documents: num(docs.records[0]?.get('n')),
        entities: 0,
        relations: 0,
        evidence: num(claims.records[0]?.get('n')),
        entitiesByType: {},
        relationsByType: {},
      };
      for (const r of ents.records) {
        const n = num(r.get('n'));
        stats.entities += n;
        stats.entitiesByType[r.get('t') as EntityType] = n;
      }
      for (const r of rels.records) {
        const n = num(r.get('n'));
        stats.relations += n;
        stats.relationsByType[r.get('t') as Predicate] = n;
      }
      return stats;
    });
  }

  graph(query: GraphQuery = {}): Promise<GraphSnapshot> {
    return this.read(async (tx) => {
      const offset = Math.max(0, Math.floor(query.offset ?? 0));
      const limit = query.limit === undefined ? null : Math.max(0, Math.floor(query.limit));
      const r = await tx.run(
        `MATCH (e:Entity)
         WITH e, COUNT { (e)--(:Entity) } AS degree
         ORDER BY degree DESC, e.id
         SKIP $offset ${limit === null ? '' : 'LIMIT $limit'}
         RETURN e.id AS id`,
        { offset: neo4j.int(offset), limit: neo4j.int(limit ?? 0) },
      );
      return this.snapshot(
        tx,
        r.records.map((x) => x.get('id') as string),
        undefined,
      );
    });
  }

  neighbourhood(entityId: string, depth: number, limit = 500): Promise<GraphSnapshot> {
    return this.read(async (tx) => {
      const start = await tx.run('MATCH (e:Entity {id: $id}) RETURN e.id AS id', { id: entityId });
      if (start.records.length === 0) return this.snapshot(tx, [], false);
      const seen = [entityId];
      const seenSet = new Set(seen);
      let frontier = [entityId];
      let cut = false;
      for (let d = 0; d < depth && frontier.length > 0 && !cut; d++) {
        const r = await tx.run(
          `UNWIND $frontier AS id
           MATCH (:Entity {id: id})--(n:Entity)
           WITH DISTINCT n
           RETURN n.id AS id, COUNT { (n)--(:Entity) } AS degree
           ORDER BY degree DESC, id`,
          { frontier },
        );
        const next: string[] = [];
        for (const rec of r.records) {
          const id = rec.get('id') as string;
          if (seenSet.has(id)) continue;
          if (seenSet.size >= limit) {
            cut = true;
            break;
          }
          seenSet.add(id);
          seen.push(id);
          next.push(id);
        }
        frontier = next;
      }
      return this.snapshot(tx, seen, cut);
    });
  }

  private async snapshot(
    tx: ManagedTransaction,
    ids: string[],
    truncated: boolean | undefined,
  ): Promise<GraphSnapshot> {
    const [nodes, edges, totals] = await Promise.all([
      tx.run(
        `UNWIND range(0, size($ids) - 1) AS i
         MATCH (e:Entity {id: $ids[i]})
         RETURN e {.*} AS e, COUNT { (e)--(:Entity) } AS degree ORDER BY i`,
        { ids },
      ),
      tx.run(
        `UNWIND $ids AS id
         MATCH (a:Entity {id: id})-[r]->(b:Entity) WHERE b.id IN $ids
         RETURN a.id AS s, type(r) AS p, b.id AS o, r {.*} AS r ORDER BY r.key`,
        { ids },
      ),
      tx.run(
        `CALL () { MATCH (e:Entity) RETURN count(e) AS nodes }
         CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges }
         RETURN nodes, edges`,
      ),
    ]);
    const totalNodes = num(totals.records[0]?.get('nodes'));
    const totalEdges = num(totals.records[0]?.get('edges'));
    return {
      nodes: nodes.records.map((r) => ({
        ...toEntity(entityRowFrom(undefined, r.get('e') as Record<string, unknown>)),
        degree: num(r.get('degree')),
      })),
      edges: edges.records.map((r) =>
        relationFrom(
          r.get('s') as string,
          r.get('p') as Predicate,
          r.get('o') as string,
          r.get('r') as Record<string, unknown>,
        ),
      ),
      truncated: truncated ?? ids.length < totalNodes,
      totalNodes,
      totalEdges,
    };
  }

  entity(entityId: string): Promise<Entity | null> {
    return this.read(async (tx) => {
      const r = await tx.run('MATCH (e:Entity {id: $id}) RETURN e {.*} AS e', { id: entityId });
      const e = r.records[0]?.get('e') as Record<string, unknown> | undefined;
      return e ? toEntity(entityRowFrom(undefined, e)) : null;
    });
  }

  evidence(subject: string, predicate: Predicate, object: string): Promise<EvidenceRecord[]> {
    return this.read(async (tx) => {
      const r = await tx.run(
        `MATCH (c:Claim {key: $key})-[:IN_DOCUMENT]->(d:Document)
         OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(s:Sentence)
         RETURN c {.*} AS c, s {.*} AS s, d {${DOCUMENT_FIELDS}} AS d
         ORDER BY d.id, coalesce(s.start, -1)`,
        { key: relationKey(subject, predicate, object) },
      );
      return r.records.map((rec) => {
        const c = rec.get('c') as Record<string, unknown>;
        const s = rec.get('s') as Record<string, unknown> | null;
        const d = rec.get('d') as Record<string, unknown>;
        const out: EvidenceRecord = {
          document: d.id as string,
          sentence: (s?.text as string | undefined) ?? '',
          start: s ? num(s.start) : -1,
          end: s ? num(s.end) : -1,
          modality: c.modality as Modality,
        };
        if (strOrUndef(c.attributedTo)) out.attributedTo = c.attributedTo as string;
        if (strOrUndef(c.time)) out.time = c.time as string;
        out.documentMeta = { ...documentFrom(d), ingestedAt: d.ingestedAt as string };
        return out;
      });
    });
  }

  search(text: string, limit = 20): Promise<Entity[]> {
    const q = fold(text);
    if (!q) return Promise.resolve([]);
    return this.read(async (tx) => {
      const r = await tx.run(
        `MATCH (e:Entity) WHERE any(k IN e.searchKeys WHERE k CONTAINS $q)
         RETURN e {.*} AS e, COUNT { (e)--(:Entity) } AS degree`,
        { q },
      );
      return r.records
        .map((rec) => {
          const row = entityRowFrom(undefined, rec.get('e') as Record<string, unknown>);
          return { row, degree: num(rec.get('degree')), rank: searchRank(row.searchKeys, row.name, q) };
        })
        .sort((a, b) => a.rank - b.rank || b.degree - a.degree || (a.row.id < b.row.id ? -1 : 1))
        .slice(0, limit)
        .map((h) => toEntity(h.row));
    });
  }

  async reset(): Promise<void> {
    await this.connect();
    // In chunks, so a large graph never needs one huge transaction (Neo4j caps transaction memory), claims first so
    // that entities have few relationships left by the time they go. Only geokg's own labels are touched.
    for (const [label, chunk] of [
      ['Claim', 5000],
      ['Sentence', 10000],
      ['Document', 2000],
      ['Entity', 1000],
    ] as const) {
      for (;;) {
        const n = await this.write(async (tx) => {
          const r = await tx.run(`MATCH (n:${label}) WITH n LIMIT $chunk DETACH DELETE n RETURN count(*) AS n`, {
            chunk: neo4j.int(chunk),
          });
          return num(r.records[0]?.get('n'));
        });
        if (n === 0) break;
      }
    }
  }

  /**
   * Runs researcher Cypher. Read-only unless `write`: Neo4j's own EXPLAIN must show a plain read (src/store/cypher-guard.ts)
   * and the transaction runs in READ mode. Bounded by a timeout, a row cap (`truncated` says when it bit) and a byte
   * cap, all enforced while the result streams (src/store/cypher-run.ts).
   */
  async query(cypher: string, params: Record<string, unknown> = {}, opts: QueryOptions = {}): Promise<CypherResult> {
    // The worker runs the query, decodes its result and converts it to plain values: however large the result,
    // decoding it never stalls this thread (the server's event loop). Its errors come back as their own classes.
    if (!this.cypherWorker) {
      const { uri, user, password, database, connectTimeoutMs } = this.opts;
      this.cypherWorker = new CypherWorkerClient({ uri, user, password, database, connectTimeoutMs });
    }
    this.cypherWorker.warm();
    await this.connect();
    const timeout = opts.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    try {
      return await this.cypherWorker.run(cypher, params, {
        write: opts.write ?? false,
        timeoutMs: timeout,
        maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS,
        maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
      });
    } catch (err) {
      throw this.queryError(err, timeout);
    }
  }

  private queryError(err: unknown, timeout: number): Error {
    if (err instanceof QueryError) return err;
    const e = err as Neo4jError;
    const code = e?.code ?? '';
    const msg = (e?.message ?? String(err)).split('\n')[0]!;
    if (
      /Writing in read access mode not allowed|AccessMode|ForbiddenInReadOnly|not allowed.*read/i.test(code + ' ' + msg)
    )
      return new QueryError(
        `refused: the query writes, and queries run read-only (the server rejected it: "${msg}"); pass --write to allow writes`,
        { cause: err },
      );
    if (/TransactionTimedOut|Terminated|timed out|timeout/i.test(code + ' ' + msg))
      return new QueryError(`the query ran longer than ${timeout} ms and was stopped (raise --timeout)`, {
        cause: err,
      });
    if (/Syntax|Statement|ParameterMissing|ArgumentError|TypeError|Arithmetic|Semantic|Procedure/i.test(code))
      return new QueryError(`${msg}`, { cause: err });
    if (code.startsWith('Neo.ClientError')) return new QueryError(`${msg} [${code}]`, { cause: err });
    return this.wrap(err);
  }

  /** Closes the driver and then any socket it left open, so no exit path of a command hangs on one. */
  async close(): Promise<void> {
    await this.cypherWorker?.close();
    this.cypherWorker = undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.driver.close().catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS))),
    ]);
    clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

type Runner = (cypher: string, params: Record<string, unknown>) => Promise<unknown>;

/** GEOKG_TRACE=1: server time of each write statement on stderr (for profiling the bulk path). */
function traceStatement(cypher: string, params: Record<string, unknown>, p: Promise<unknown>): void {
  const rows = Array.isArray(params.rows) ? params.rows.length : Array.isArray(params.keys) ? params.keys.length : 0;
  const name = cypher.trim().split('\n').slice(1, 3).join(' ').slice(0, 70);
  p.then(
    (r) => {
      const s = (r as { summary: { resultAvailableAfter: unknown; resultConsumedAfter: unknown } }).summary;
      const ms = num(s.resultAvailableAfter) + num(s.resultConsumedAfter);
      process.stderr.write(`trace ${String(ms).padStart(6)} ms ${String(rows).padStart(6)} rows  ${name}\n`);
    },
    () => undefined,
  );
}
type RelRow = { key: string; subject: string; predicate: Predicate; object: string };
interface ClaimProps {
  modality: string;
  items: string[] | null;
  time: string | null;
  confidence: unknown;
  document: string;
  seen: string | null;
}

function groupByType<T extends { predicate: string }>(rows: T[]): Map<Predicate, T[]> {
  const byType = new Map<Predicate, T[]>();
  for (const r of rows) byType.set(relType(r.predicate), [...(byType.get(r.predicate as Predicate) ?? []), r]);
  return byType;
}

/** The stored properties of a direct relationship, from all of its claims. */
function aggregateProps(rel: RelRow, list: ClaimProps[]): Record<string, unknown> {
  const a = aggregate(
    rel,
    list.map((c) => ({
      modality: c.modality as Modality,
      time: c.time ?? undefined,
      confidence: num(c.confidence),
      items: c.items ?? [],
      document: c.document,
      seen: c.seen ?? undefined,
    })),
  );
  return {
    key: rel.key,
    evidenceCount: neo4j.int(a.evidenceCount),
    documentCount: neo4j.int(a.documentCount),
    modalities: a.modalities,
    items: a.items ?? [],
    times: a.time ?? [],
    firstSeen: a.firstSeen ?? null,
    lastSeen: a.lastSeen ?? null,
    confidence: a.confidence,
  };
}

/**
 * Ingest: each locked relationship gets its stored aggregates plus those of this batch's claims. The batch's documents
 * are new (checked in this transaction), so counts add up and no claim is counted twice; a retry re-runs the whole
 * transaction and reads the aggregates again. Reading every claim of a key instead grew with the key's evidence: a
 * relation that thousands of articles repeat made each new article slower.
 */
async function addAggregates(
  run: Runner,
  rels: RelRow[],
  batchClaims: Map<string, ClaimProps[]>,
  locked: Promise<unknown>,
): Promise<void> {
  const results = (await locked) as Array<{ records: Array<{ get(k: string): unknown }> }>;
  const byKey = new Map(rels.map((r) => [r.key, r]));
  const rows = results
    .flatMap((res) => res.records)
    .map((rec) => {
      const rel = byKey.get(rec.get('key') as string)!;
      const props = aggregateProps(rel, batchClaims.get(rel.key) ?? []);
      if (rec.get('evidenceCount') !== null) {
        const union = (k: string) =>
          sortedUnique([...((rec.get(k) as string[] | null) ?? []), ...(props[k] as string[])]);
        const seen = [rec.get('firstSeen'), rec.get('lastSeen'), props.firstSeen, props.lastSeen].filter(
          (x): x is string => typeof x === 'string',
        );
        Object.assign(props, {
          evidenceCount: neo4j.int(num(rec.get('evidenceCount')) + num(props.evidenceCount)),
          documentCount: neo4j.int(num(rec.get('documentCount')) + num(props.documentCount)),
          modalities: union('modalities'),
          items: union('items'),
          times: union('times'),
          firstSeen: seen.length ? seen.reduce((a, b) => (b < a ? b : a)) : null,
          lastSeen: seen.length ? seen.reduce((a, b) => (b > a ? b : a)) : null,
          confidence: Math.max(num(rec.get('confidence')), props.confidence as number),
        });
      }
      return { rid: rec.get('rid') as string, props };
    });
  if (rows.length > 0) run(RELATIONSHIP_SET_BY_ID, { rows });
}

function sameEntity(a: EntityRow, b: EntityRow): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.aliases, b.aliases) &&
    same(a.searchKeys, b.searchKeys) &&
    (a.iso2 ?? null) === (b.iso2 ?? null) &&
    (a.iso3 ?? null) === (b.iso3 ?? null) &&
    (a.wikidata ?? null) === (b.wikidata ?? null)
  );
}

function entityParams(r: EntityRow): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    aliases: r.aliases,
    searchKeys: r.searchKeys,
    searchText: r.searchKeys.join(' | '),
    iso2: r.iso2 ?? null,
    iso3: r.iso3 ?? null,
    wikidata: r.wikidata ?? null,
  };
}

function isConstraintError(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } })?.cause ?? err;
  return /ConstraintValidationFailed/.test((cause as { code?: string })?.code ?? '');
}

function isConnectionError(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } })?.cause ?? err;
  const code = (cause as { code?: string })?.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /cannot reach Neo4j/.test((err as Error)?.message ?? '')
  );
}

function mentionRow(document: string, e: EntityRow): Record<string, unknown> {
  return {
    document,
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    searchKeys: e.searchKeys,
    iso2: e.iso2 ?? null,
    iso3: e.iso3 ?? null,
    wikidata: e.wikidata ?? null,
  };
}

function entityRowFrom(id: unknown, p: Record<string, unknown>): EntityRow {
  const row: EntityRow = {
    id: (typeof id === 'string' ? id : (p.id as string)) ?? '',
    name: (p.name as string) ?? '',
    type: p.type as EntityType,
    aliases: Array.isArray(p.aliases) ? (p.aliases as string[]) : [],
    searchKeys: Array.isArray(p.searchKeys) ? (p.searchKeys as string[]) : [],
  };
  if (strOrUndef(p.iso2)) row.iso2 = p.iso2 as string;
  if (strOrUndef(p.iso3)) row.iso3 = p.iso3 as string;
  if (strOrUndef(p.wikidata)) row.wikidata = p.wikidata as string;
  return row;
}

function summaryFrom(d: Record<string, unknown>): DocumentSummary {
  const out: DocumentSummary = {
    ...documentFrom(d),
    entities: num(d.entities),
    relations: num(d.relations),
    evidence: num(d.evidence),
    hasText: d.hasText === true,
  };
  if (strOrUndef(d.ingestedAt)) out.ingestedAt = d.ingestedAt as string;
  return out;
}

function documentFrom(d: Record<string, unknown>): DocumentMeta {
  const meta: DocumentMeta = {
    id: d.id as string,
    source: (d.source as string) ?? '',
    language: ((d.language as string) ?? 'und') as Language,
  };
  if (strOrUndef(d.title)) meta.title = d.title as string;
  if (strOrUndef(d.published)) meta.published = d.published as string;
  return meta;
}

function relationFrom(
  s: string,
  p: Predicate,
  o: string,
  r: Record<string, unknown>,
): StoredRelation & { documentCount: number } {
  const out: StoredRelation & { documentCount: number } = {
    key: (r.key as string) ?? relationKey(s, p, o),
    subject: s,
    predicate: p,
    object: o,
    evidenceCount: num(r.evidenceCount),
    documentCount: num(r.documentCount),
    modalities: (r.modalities as Modality[]) ?? [],
    items: (r.items as string[]) ?? [],
    time: (r.times as string[]) ?? [],
    confidence: num(r.confidence),
  };
  if (strOrUndef(r.firstSeen)) out.firstSeen = r.firstSeen as string;
  if (strOrUndef(r.lastSeen)) out.lastSeen = r.lastSeen as string;
  return out;
}
