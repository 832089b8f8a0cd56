// Runs one researcher Cypher query bounded in time, rows and bytes: read-only ones only after the EXPLAIN guard.
// Each query gets its own short-lived driver so the bytes arriving on its sockets can be counted and cut off.
// The server and the CLI run this in a worker thread (src/store/cypher-worker.ts), so decoding a large result
// never stalls their event loop; the result leaves it as plain JSON values (runBoundedCypherPlain).

import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Driver,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import { QueryTimeoutError, ResultTooLargeError } from '../errors.js';
import { assertPlainRead, type ExplainSummaryLike } from './cypher-guard.js';

export interface BoundedQueryOptions {
  write: boolean;
  timeoutMs: number;
  maxRows: number;
  /** Cap on the bytes received for the result while it streams; over it the query fails with ResultTooLargeError. */
  maxBytes: number;
}

export interface BoundedConnection {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  connectTimeoutMs?: number;
}

export interface RawCypherResult {
  columns: string[];
  records: unknown[][];
  truncated: boolean;
}

export interface CypherNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface CypherRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface CypherResult {
  columns: string[];
  /** Plain JSON: nodes as {id,labels,properties}, relationships as {id,type,start,end,properties}, ints as numbers. */
  rows: unknown[][];
  nodes: CypherNode[];
  relationships: CypherRelationship[];
  truncated: boolean;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Records per PULL: small, so the driver never buffers far past the row cap or the byte cap. */
const FETCH_SIZE = 100;
/** Extra time for reading the result after the server-side transaction timeout, before the sockets are cut. */
export const CLIENT_GRACE_MS = 2_000;

interface Budget {
  bytes: number;
  maxBytes: number;
  exceeded: boolean;
  timedOut: boolean;
  sockets: Set<Socket>;
}

const context = new AsyncLocalStorage<Budget>();
let subscribed = false;

/** Counts every byte the query's own sockets receive and cuts them when the budget is spent. */
function watchSockets(): void {
  if (subscribed) return;
  subscribed = true;
  diagnostics.subscribe('net.client.socket', (message) => {
    const budget = context.getStore();
    if (!budget) return;
    const socket = (message as { socket: Socket }).socket;
    budget.sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      budget.bytes += chunk.length;
      if (budget.bytes > budget.maxBytes && !budget.exceeded) {
        budget.exceeded = true;
        // With an error: the driver only fails pending work on 'error'; a bare close would leave it waiting.
        socket.destroy(new Error('result byte cap reached'));
      }
    });
    socket.once('close', () => budget.sockets.delete(socket));
  });
}

async function stream(
  session: Session,
  cypher: string,
  params: Record<string, unknown>,
  opts: BoundedQueryOptions,
): Promise<RawCypherResult> {
  const records: unknown[][] = [];
  let columns: string[] = [];
  let truncated = false;
  const consume = async (result: AsyncIterable<Neo4jRecord> & { keys(): Promise<string[]> }) => {
    columns = (await result.keys()) as string[];
    for await (const record of result) {
      // One record past the cap proves there is more; breaking out cancels the rest on the server (DISCARD).
      if (records.length >= opts.maxRows) {
        truncated = true;
        break;
      }
      records.push(columns.map((k) => record.get(k)));
    }
  };
  if (opts.write) {
    // An implicit transaction: the only kind in which CALL { … } IN TRANSACTIONS may run. The driver never retries it.
    await consume(session.run(cypher, params, { timeout: opts.timeoutMs }));
    return { columns, records, truncated };
  }
  const tx = await session.beginTransaction({ timeout: opts.timeoutMs });
  try {
    // Same transaction, same text and parameters: the plan judged is the plan that runs.
    const explained = await tx.run(`EXPLAIN ${cypher}`, params);
    assertPlainRead(explained.summary as unknown as ExplainSummaryLike);
    await consume(tx.run(cypher, params));
  } finally {
    await tx.rollback().catch(() => undefined);
  }
  return { columns, records, truncated };
}

/**
 * Runs `cypher` on a driver of its own. Errors from Neo4j are passed through for the caller to classify, except
 * the two bounds enforced here: ResultTooLargeError and QueryTimeoutError (the client-side deadline).
 */
export async function runBoundedCypher(
  conn: BoundedConnection,
  cypher: string,
  params: Record<string, unknown>,
  opts: BoundedQueryOptions,
): Promise<RawCypherResult> {
  return bounded(conn, opts, (session) => stream(session, cypher, params, opts));
}

/**
 * runBoundedCypher, then the result as plain JSON values (toPlain), relationship endpoints resolved to entity ids
 * on the same driver and within the same bounds. This is what the Cypher worker runs for Neo4jStore.query.
 */
export async function runBoundedCypherPlain(
  conn: BoundedConnection,
  cypher: string,
  params: Record<string, unknown>,
  opts: BoundedQueryOptions,
): Promise<CypherResult> {
  return bounded(conn, opts, async (session, driver, budget) => {
    const raw = await stream(session, cypher, params, opts);
    if (budget.exceeded) throw new ResultTooLargeError(opts.maxBytes);
    return plainResult(raw, driver, conn.database, opts.timeoutMs);
  });
}

async function bounded<T>(
  conn: BoundedConnection,
  opts: BoundedQueryOptions,
  work: (session: Session, driver: Driver, budget: Budget) => Promise<T>,
): Promise<T> {
  watchSockets();
  const budget: Budget = { bytes: 0, maxBytes: opts.maxBytes, exceeded: false, timedOut: false, sockets: new Set() };
  const connectTimeout = conn.connectTimeoutMs ?? 10_000;
  const driver: Driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user ?? 'neo4j', conn.password ?? ''), {
    fetchSize: FETCH_SIZE,
    connectionTimeout: connectTimeout,
    connectionAcquisitionTimeout: connectTimeout + 5_000,
    maxConnectionPoolSize: 2,
    userAgent: 'geokg-query',
  });
  // The server's transaction timeout does not cover decoding in this process; this deadline does.
  const deadline = setTimeout(() => {
    budget.timedOut = true;
    for (const s of budget.sockets) s.destroy(new Error('client deadline reached'));
  }, opts.timeoutMs + CLIENT_GRACE_MS);
  deadline.unref();
  const session = driver.session({
    database: conn.database || undefined,
    defaultAccessMode: opts.write ? neo4j.session.WRITE : neo4j.session.READ,
  });
  try {
    const result = await context.run(budget, () => work(session, driver, budget));
    if (budget.exceeded) throw new ResultTooLargeError(opts.maxBytes);
    return result;
  } catch (err) {
    if (budget.exceeded) throw new ResultTooLargeError(opts.maxBytes, { cause: err });
    if (budget.timedOut) throw new QueryTimeoutError(opts.timeoutMs, { cause: err });
    throw err;
  } finally {
    clearTimeout(deadline);
    for (const s of budget.sockets) if (budget.exceeded || budget.timedOut) s.destroy(new Error('query stopped'));
    await session.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
  }
}

/** Resolves relationship endpoints to entity ids, even for nodes the query did not return itself. */
async function plainResult(
  raw: RawCypherResult,
  driver: Driver,
  database: string | undefined,
  timeout: number,
): Promise<CypherResult> {
  const ids = new Map<string, string>();
  const nodes = new Map<string, unknown>();
  const rels = new Map<string, unknown>();
  const endpoints = new Set<string>();
  for (const row of raw.records)
    walkGraph(row, {
      node: (n) => {
        const node = n as { elementId: string; properties: Record<string, unknown> };
        const id = node.properties.id;
        ids.set(node.elementId, typeof id === 'string' ? id : node.elementId);
        nodes.set(node.elementId, n);
      },
      rel: (r) => {
        const rel = r as { elementId: string; startNodeElementId: string; endNodeElementId: string };
        rels.set(rel.elementId, r);
        endpoints.add(rel.startNodeElementId);
        endpoints.add(rel.endNodeElementId);
      },
    });
  const missing = [...endpoints].filter((e) => !ids.has(e));
  if (missing.length > 0) {
    const session = driver.session({ database: database || undefined, defaultAccessMode: neo4j.session.READ });
    try {
      const r = await session.executeRead(
        (tx) => tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS e, n.id AS id', { ids: missing }),
        { timeout },
      );
      for (const rec of r.records) {
        const id = rec.get('id');
        ids.set(rec.get('e') as string, typeof id === 'string' ? id : (rec.get('e') as string));
      }
    } catch {
      // Endpoint resolution is a convenience; element ids remain valid identifiers.
    } finally {
      await session.close().catch(() => undefined);
    }
  }
  return {
    columns: raw.columns,
    rows: raw.records.map((row) => row.map((v) => toPlain(v, ids))),
    nodes: [...nodes.values()].map((n) => toPlain(n, ids) as CypherNode),
    relationships: [...rels.values()].map((r) => toPlain(r, ids) as CypherRelationship),
    truncated: raw.truncated,
  };
}

/** Converts driver values to plain JSON: integers to numbers, temporals to ISO strings, graph types to objects. */
export function toPlain(v: unknown, ids?: Map<string, string>): unknown {
  if (v === null || v === undefined) return null;
  if (isInt(v)) {
    return v.inSafeRange() ? v.toNumber() : v.toString();
  }
  if (typeof v === 'bigint') return Number(v);
  if (isNode(v)) {
    const props = plainProps(v.properties, ids);
    return { id: typeof props.id === 'string' ? props.id : v.elementId, labels: [...v.labels], properties: props };
  }
  if (isRelationship(v)) {
    return {
      id: v.elementId,
      type: v.type,
      start: ids?.get(v.startNodeElementId) ?? v.startNodeElementId,
      end: ids?.get(v.endNodeElementId) ?? v.endNodeElementId,
      properties: plainProps(v.properties, ids),
    };
  }
  if (isPath(v)) {
    return {
      nodes: [v.start, ...v.segments.map((s) => s.end)].map((n) => toPlain(n, ids)),
      relationships: v.segments.map((s) => toPlain(s.relationship, ids)),
    };
  }
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v) || isDuration(v)) {
    return (v as { toString(): string }).toString();
  }
  if (isPoint(v)) {
    const p = v as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (Array.isArray(v)) return v.map((x) => toPlain(x, ids));
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (typeof v === 'object') return plainProps(v as Record<string, unknown>, ids);
  return v;
}

function plainProps(o: Record<string, unknown>, ids?: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = toPlain(x, ids);
  return out;
}

/** Finds every node and relationship inside a value (rows may nest them in lists, maps and paths). */
function walkGraph(v: unknown, visit: { node(n: unknown): void; rel(r: unknown): void }): void {
  if (v === null || typeof v !== 'object' || isInt(v)) return;
  if (isNode(v)) return visit.node(v);
  if (isRelationship(v)) return visit.rel(v);
  if (isPath(v)) {
    visit.node(v.start);
    for (const s of v.segments) {
      visit.rel(s.relationship);
      visit.node(s.end);
    }
    return;
  }
  if (Array.isArray(v)) for (const x of v) walkGraph(x, visit);
  else if (Object.getPrototypeOf(v) === Object.prototype) for (const x of Object.values(v)) walkGraph(x, visit);
}

/**
 * Parameters from JSON (the HTTP endpoint) carry integers as JS numbers, which the driver would send as floats —
 * and `LIMIT $n` refuses a float. Whole numbers become Cypher integers; Cypher compares 5 = 5.0 as equal anyway.
 */
export function cypherParams(v: unknown): unknown {
  return mapParams(v, (x) => (typeof x === 'number' && Number.isSafeInteger(x) ? neo4j.int(x) : undefined));
}

/** Query parameters (arrays and plain objects, nested) with each value `swap` returns something for replaced. */
export function mapParams(v: unknown, swap: (x: unknown) => unknown): unknown {
  const swapped = swap(v);
  if (swapped !== undefined) return swapped;
  if (Array.isArray(v)) return v.map((x) => mapParams(x, swap));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = mapParams(x, swap);
    return out;
  }
  return v;
}
