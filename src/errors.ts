// Typed errors that name their area, so the CLI and the HTTP API can print a clear message
// instead of a stack trace and pick the right exit code or status.

export type ErrorArea = 'input' | 'extract' | 'store' | 'neo4j' | 'query' | 'server' | 'config';

export class GeokgError extends Error {
  readonly area: ErrorArea;
  readonly exitCode: number;
  constructor(area: ErrorArea, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(`${area}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GeokgError';
    this.area = area;
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** A file or folder that could not be read or decoded. */
export class InputError extends GeokgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('input', message, options);
    this.name = 'InputError';
  }
}

/** The store (Neo4j or embedded) failed or is unreachable. */
export class StoreError extends GeokgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
    this.name = 'StoreError';
  }
}

/** A Cypher query was refused (write in read mode, timeout, syntax) — the caller's fault, not ours. */
export class QueryError extends GeokgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('query', message, options);
    this.name = 'QueryError';
  }
}

/** The read-only Cypher guard refused a query after asking Neo4j for its plan (LOAD CSV, procedures, admin). */
export class QueryRefusedError extends QueryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryRefusedError';
  }
}

/** A query's result grew past the byte cap while streaming; consumption stopped and the transaction was dropped. */
export class ResultTooLargeError extends QueryError {
  readonly maxBytes: number;
  constructor(maxBytes: number, options?: { cause?: unknown }) {
    super(
      `the result is larger than ${maxBytes} bytes and was stopped; add LIMIT or return fewer or smaller values`,
      options,
    );
    this.name = 'ResultTooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** A query ran over its time limit (on the server or while its result was read) and was stopped. */
export class QueryTimeoutError extends QueryError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super(`the query ran longer than ${timeoutMs} ms and was stopped (raise --timeout)`, options);
    this.name = 'QueryTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** Another process holds the embedded store's lock and did not release it in time. */
export class StoreLockedError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreLockedError';
  }
}
