// Messages between Neo4jStore's Cypher worker thread (src/store/cypher-worker.ts) and its client on the main thread
// (src/store/cypher-worker-pool.ts): jobs, replies, and errors that come back across the boundary as their own classes.

import {
  GeokgError,
  type ErrorArea,
  QueryError,
  QueryRefusedError,
  QueryTimeoutError,
  ResultTooLargeError,
  StoreError,
} from '../errors.js';
import type { BoundedConnection, BoundedQueryOptions, CypherResult } from './cypher-run.js';

/** Given to the worker once, at its start (workerData): never logged, never part of a reply. */
export type WorkerConnection = BoundedConnection;

export interface CypherJob {
  seq: number;
  cypher: string;
  /** Parameters with driver integers tagged (toWire): structured cloning would strip their class. */
  params: Record<string, unknown>;
  opts: BoundedQueryOptions;
}

export type CypherReply =
  { seq: number; ok: true; result: CypherResult } | { seq: number; ok: false; error: WireError };

/** An error as data: its class by name, what the class's constructor needs, Neo4j's code, and its cause. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  area?: ErrorArea;
  maxBytes?: number;
  timeoutMs?: number;
  cause?: WireError;
}

/** The Cypher worker died (crash, out of memory) while a query ran: that query has no answer; the next gets a new one. */
export class CypherWorkerError extends StoreError {
  /** True when the worker ran out of memory, which a query's oversized result causes. */
  readonly outOfMemory: boolean;
  constructor(message: string, options?: { cause?: unknown; outOfMemory?: boolean }) {
    super(message, options);
    this.name = 'CypherWorkerError';
    this.outOfMemory = options?.outOfMemory ?? false;
  }
}

/** The key of a tagged driver integer in wire parameters: `{ [INT_TAG]: '42' }`. */
export const INT_TAG = '$geokg:int';

export function isTaggedInt(v: unknown): v is { [INT_TAG]: string } {
  if (!v || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === INT_TAG && typeof (v as Record<string, unknown>)[INT_TAG] === 'string';
}

const MAX_CAUSE_DEPTH = 4;

export function errorToWire(err: unknown, depth = 0): WireError {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const wire: WireError = {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(err),
  };
  if (typeof e.code === 'string') wire.code = e.code;
  if (err instanceof GeokgError) wire.area = err.area;
  if (err instanceof ResultTooLargeError) wire.maxBytes = err.maxBytes;
  if (err instanceof QueryTimeoutError) wire.timeoutMs = err.timeoutMs;
  if (e.cause !== undefined && depth < MAX_CAUSE_DEPTH) wire.cause = errorToWire(e.cause, depth + 1);
  return wire;
}

/** Rebuilds the error as the class it was thrown as, so `instanceof` checks on this side hold. */
export function errorFromWire(wire: WireError): Error {
  const cause = wire.cause ? errorFromWire(wire.cause) : undefined;
  const options = cause === undefined ? undefined : { cause };
  // GeokgError prefixes its area; the wire message already has it, so it is given back unchanged below.
  let err: Error;
  switch (wire.name) {
    case 'ResultTooLargeError':
      err = new ResultTooLargeError(wire.maxBytes ?? 0, options);
      break;
    case 'QueryTimeoutError':
      err = new QueryTimeoutError(wire.timeoutMs ?? 0, options);
      break;
    case 'QueryRefusedError':
      err = new QueryRefusedError(wire.message, options);
      break;
    case 'QueryError':
      err = new QueryError(wire.message, options);
      break;
    case 'StoreError':
      err = new StoreError(wire.message, options);
      break;
    case 'CypherWorkerError':
      err = new CypherWorkerError(wire.message, options);
      break;
    case 'GeokgError':
      err = new GeokgError(wire.area ?? 'store', wire.message, options);
      break;
    default:
      err = new Error(wire.message, options);
      err.name = wire.name;
  }
  err.message = wire.message;
  if (wire.code !== undefined) (err as Error & { code?: string }).code = wire.code;
  return err;
}
