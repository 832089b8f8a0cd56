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
