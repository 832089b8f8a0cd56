// Runs one researcher Cypher query bounded in time, rows and bytes: read-only ones only after the EXPLAIN guard.
// Each query gets its own short-lived driver so the bytes arriving on its sockets can be counted and cut off.

import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import neo4j, { type Driver, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
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

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Records per PULL: small, so the driver never buffers far past the row cap or the byte cap. */
const FETCH_SIZE = 100;
/** Extra time for reading the result after the server-side transaction timeout, before the sockets are cut. */
const CLIENT_GRACE_MS = 2_000;

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
  _budget: Budget,
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
    const raw = await context.run(budget, () => stream(session, cypher, params, opts, budget));
    if (budget.exceeded) throw new ResultTooLargeError(opts.maxBytes);
    return raw;
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
