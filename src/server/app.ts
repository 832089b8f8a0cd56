// The geokg HTTP API over one GraphStore (embedded or Neo4j) plus the built viewer, on plain node:http.
// Every error is JSON `{error, area}` with a 4xx/5xx status; no stack trace or credential ever leaves the process.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { GeokgError, QueryError, QueryRefusedError, QueryTimeoutError, ResultTooLargeError } from '../errors.js';
import { PREDICATES } from '../model.js';
import { redactSecrets } from '../redact.js';
import { timelineOf } from '../store/common.js';
import { CypherWorkerError } from '../store/cypher-worker-protocol.js';
import type { DocumentClaim, DocumentSummary, GraphStore } from '../store/types.js';
import { generateSnapshot } from './generate.js';
import { shippedQueries } from './queries-api.js';
import { serveStatic } from './static.js';

/** What Neo4jStore.query returns (src/store/neo4j.ts); declared here so the server does not import the driver. */
export interface CypherResult {
  columns: string[];
  rows: unknown[];
  nodes: Array<{ id: string; labels: string[]; properties: Record<string, unknown> }>;
  relationships: Array<{ id: string; type: string; start: string; end: string; properties: Record<string, unknown> }>;
  truncated: boolean;
}

export interface CypherCapable {
  query(
    cypher: string,
    params: Record<string, unknown>,
    opts: { write?: boolean; timeoutMs?: number; maxRows?: number; maxBytes?: number },
  ): Promise<CypherResult>;
}

export interface ApiLimits {
  /** Default and maximum node cap of GET /api/graph. */
  graphDefault: number;
  graphMax: number;
  neighbourhoodMax: number;
  cypherTimeoutMs: number;
  cypherMaxRows: number;
  /** Byte cap on one Cypher result, enforced while it streams (413 over it). */
  cypherMaxBytes: number;
  /** Cypher queries running at once; more get 503. */
  cypherConcurrent: number;
  /** Largest accepted request body (POST /api/cypher). */
  bodyBytes: number;
  /** Deadline of one API request on the store (Cypher: its own time limit plus this); past it the answer is 503. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  graphDefault: 5000,
  graphMax: 50_000,
  neighbourhoodMax: 2000,
  cypherTimeoutMs: 5000,
  cypherMaxRows: 1000,
  cypherMaxBytes: 4 * 1024 * 1024,
  // One core stays free of ad-hoc Cypher: Neo4j runs each query on one thread, so on 2 cores two heavy queries held
  // both and every other request waited for the database (0.6–1.6 s for /api/stats under the hostile-query test).
  cypherConcurrent: Math.max(1, availableParallelism() - 1),
  bodyBytes: 64 * 1024,
  requestTimeoutMs: 10_000,
};

export interface AppOptions {
  store: GraphStore;
  /** Folder of the built viewer (viz/dist); without it only the API is served. */
  staticDir?: string;
  limits?: Partial<ApiLimits>;
  /** Enables GET /api/bench/graph (generated snapshots): for bench/viz.bench.ts only. */
  benchGraph?: boolean;
  /** Accept only these Host header names (DNS-rebinding guard for a loopback server); undefined accepts any. */
  allowedHostnames?: string[];
  /** One line per request (method, path, status, ms; never the query string or a credential), and server errors. */
  log?: (line: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly area: string,
    message: string,
  ) {
    super(message);
  }
}

export function cypherOf(store: GraphStore): CypherCapable | null {
  const candidate = store as unknown as Partial<CypherCapable>;
  return store.kind === 'neo4j' && typeof candidate.query === 'function' ? (store as unknown as CypherCapable) : null;
}

const graphQuery = (max: number, dflt: number) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(max).default(dflt),
    offset: z.coerce.number().int().min(0).default(0),
  });
const neighbourhoodQuery = (max: number) =>
  z.object({
    depth: z.coerce.number().int().min(1).max(3).default(1),
    limit: z.coerce.number().int().min(1).max(max).default(Math.min(500, max)),
  });
const evidenceQuery = z.object({
  subject: z.string().min(1).max(300),
  predicate: z.enum(PREDICATES),
  object: z.string().min(1).max(300),
});
const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
const cypherBody = z.object({
  query: z.string().trim().min(1, 'query is empty').max(20_000),
  params: z.record(z.string(), z.unknown()).default({}),
});
const benchQuery = z.object({
  nodes: z.coerce.number().int().min(1).max(100_000).default(1000),
  edges: z.coerce.number().int().min(0).max(500_000).default(5000),
  seed: z.coerce.number().int().default(42),
});
const entityId = z.string().min(1).max(300);
const documentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['published', 'oldest', 'title']).default('published'),
});

// Pages of documents with their claims, for the viewer's JSON export: small pages, since each document is its own
// store read and one request must stay inside the request deadline on Neo4j too.
const claimsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Documents read from the store at once while answering GET /api/claims. */
const CLAIMS_CONCURRENCY = 8;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, 'input', `${where}${issue?.message ?? 'invalid request'}`);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // A request answered 503 at its deadline may still get its late result: that one is dropped.
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new HttpError(413, 'input', `request body larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Neo4j says why it refused; we turn that into a status the browser can act on, without the driver's internals. */
export function classifyCypherError(err: unknown, timeoutMs: number): HttpError {
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code = `${String(e?.code ?? '')} ${String(e?.cause?.code ?? '')}`;
  const own = String(e?.message ?? '');
  const server = String(e?.cause?.message ?? '');
  const all = `${own} ${server}`;
  if (err instanceof QueryRefusedError) return new HttpError(403, 'query', own.replace(/^query: /, ''));
  if (err instanceof ResultTooLargeError) return new HttpError(413, 'query', own.replace(/^query: /, ''));
  if (err instanceof QueryTimeoutError) {
    return new HttpError(408, 'query', `refused: the query ran over the ${timeoutMs} ms time limit and was stopped`);
  }
  // The worker thread that runs Cypher died under this query (its message says why and names no secret).
  if (err instanceof CypherWorkerError) {
    const why = own.replace(/^store: /, '');
    return err.outOfMemory ? new HttpError(413, 'query', why) : new HttpError(503, 'store', why);
  }
  // First line only, no URI userinfo: Neo4j messages can be long and must never carry connection secrets.
  const clean = (m: string) =>
    (m.split('\n')[0] ?? '')
      .replace(/^query: /, '')
      .replace(/[a-z+]+:\/\/[^@\s/]+@/gi, '')
      .trim()
      .slice(0, 500);
  if (
    /AccessMode|ForbiddenInReadOnly|Forbidden/i.test(code) ||
    /access mode|read-only|readonly|not allowed.*read|query writes/i.test(all)
  ) {
    const why = clean(server) || clean(own);
    return new HttpError(403, 'query', `refused: the Cypher endpoint is read-only and Neo4j rejected a write (${why})`);
  }
  if (
    /TimedOut|Terminated|Timeout/i.test(code) ||
    /timed out|time limit|terminated|timeout|ran longer than/i.test(all)
  ) {
    return new HttpError(408, 'query', `refused: the query ran over the ${timeoutMs} ms time limit and was stopped`);
  }
  // Neo4j's own per-transaction memory cap (the local launcher sets 512 MiB) stopped the query before its result.
  if (/TransactionOutOfMemory|MemoryPoolOutOfMemory|MemoryLimitExceeded/i.test(code)) {
    return new HttpError(
      413,
      'query',
      'refused: the query needed more memory than Neo4j allows one transaction and was stopped; ' +
        'add LIMIT or return fewer or smaller values',
    );
  }
  if (/ServiceUnavailable|SessionExpired/i.test(code) || /unavailable|ECONNREFUSED|could not connect/i.test(all)) {
    return new HttpError(503, 'store', 'Neo4j is unreachable');
  }
  if (err instanceof QueryError || /ClientError|Syntax|Semantic|Parameter|Statement/i.test(code)) {
    return new HttpError(400, 'query', clean(own) || 'query refused');
  }
  return new HttpError(500, 'query', 'the query failed');
}

export function createApp(options: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store } = options;
  const cypher = cypherOf(store);
  const benchCache = new Map<string, string>();
  let cypherRunning = 0;

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop 'api'
    const query = Object.fromEntries(url.searchParams);
    const route = parts[0] ?? '';
    const isGet = req.method === 'GET' || req.method === 'HEAD';
    const needGet = () => {
      if (!isGet) throw new HttpError(405, 'input', `${req.method} is not allowed on /api/${route}`);
    };
    const idParam = (): string => {
      if (parts.length !== 2) throw new HttpError(404, 'input', `no such endpoint: ${url.pathname}`);
      let raw: string;
      try {
        raw = decodeURIComponent(parts[1] ?? '');
      } catch {
        throw new HttpError(400, 'input', 'malformed entity id');
      }
      return parse(entityId, raw);
    };

    switch (route) {
      case 'graph': {
        needGet();
        const q = parse(graphQuery(limits.graphMax, limits.graphDefault), query);
        return sendJson(res, 200, await store.graph({ limit: q.limit, offset: q.offset }));
      }
      case 'entity': {
        needGet();
        const id = idParam();
        const entity = await store.entity(id);
        if (!entity) throw new HttpError(404, 'input', `no entity with id '${id}'`);
        const around = await store.neighbourhood(id, 1, limits.neighbourhoodMax);
        const relations = around.edges.filter((r) => r.subject === id || r.object === id);
        const neighbours = around.nodes.filter((n) => n.id !== id);
        return sendJson(res, 200, { entity, relations, neighbours });
      }
      case 'neighbourhood': {
        needGet();
        const id = idParam();
        const q = parse(neighbourhoodQuery(limits.neighbourhoodMax), query);
        if (!(await store.entity(id))) throw new HttpError(404, 'input', `no entity with id '${id}'`);
        return sendJson(res, 200, await store.neighbourhood(id, q.depth, q.limit));
      }
      case 'evidence': {
        needGet();
        const q = parse(evidenceQuery, query);
        const evidence = await store.evidence(q.subject, q.predicate, q.object);
        return sendJson(res, 200, { ...q, evidence });
      }
      case 'documents': {
        needGet();
        if (parts.length === 1) {
          const q = parse(documentsQuery, query);
          const page = await store.documents({ ...q, q: q.q || undefined });
          return sendJson(res, 200, { ...page, limit: q.limit, offset: q.offset });
        }
        const id = idParam();
        const detail = await store.document(id);
        if (!detail) throw new HttpError(404, 'input', `no document with id '${id}'`);
        return sendJson(res, 200, detail);
      }
      case 'claims': {
        needGet();
        const q = parse(claimsQuery, query);
        const page = await store.documents({ limit: q.limit, offset: q.offset, sort: 'oldest' });
        const documents: Array<DocumentSummary & { claims: DocumentClaim[] }> = [];
        for (let i = 0; i < page.documents.length; i += CLAIMS_CONCURRENCY) {
          const batch = page.documents.slice(i, i + CLAIMS_CONCURRENCY);
          const details = await Promise.all(batch.map((d) => store.document(d.id)));
          // The texts stay out: the claims carry their sentences, and the texts would dwarf an export.
          batch.forEach((d, j) => documents.push({ ...d, claims: details[j]?.claims ?? [] }));
        }
        return sendJson(res, 200, { documents, total: page.total, limit: q.limit, offset: q.offset });
      }
      case 'timeline': {
        needGet();
        return sendJson(res, 200, timelineOf((await store.documents()).documents));
      }
      case 'search': {
        needGet();
        const q = parse(searchQuery, query);
        return sendJson(res, 200, { q: q.q, results: await store.search(q.q, q.limit) });
      }
      case 'stats': {
        needGet();
        return sendJson(res, 200, await store.stats());
      }
      case 'config': {
        needGet();
        return sendJson(res, 200, {
          store: store.kind,
          cypher: cypher !== null,
          limits: {
            graphMax: limits.graphMax,
            cypherTimeoutMs: limits.cypherTimeoutMs,
            cypherMaxRows: limits.cypherMaxRows,
          },
        });
      }
      case 'queries': {
        needGet();
        return sendJson(res, 200, { queries: shippedQueries() });
      }
      case 'cypher': {
        if (req.method !== 'POST') throw new HttpError(405, 'input', 'use POST with a JSON body {query, params}');
        if (!cypher) {
          throw new HttpError(
            501,
            'config',
            `Cypher needs the Neo4j store; this server uses the ${store.kind} store (set NEO4J_URI or --store neo4j)`,
          );
        }
        // A JSON content type keeps plain cross-site form posts out (they cannot set it without CORS).
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
          throw new HttpError(415, 'input', 'send the query as application/json');
        }
        const text = await readBody(req, limits.bodyBytes);
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'input', 'malformed JSON body');
        }
        const body = parse(cypherBody, json);
        // What a query may do (no LOAD CSV, no admin commands, few procedures) is decided by Neo4j's own EXPLAIN
        // inside query(); the cap on concurrent queries keeps a burst of heavy ones from starving the rest.
        if (cypherRunning >= limits.cypherConcurrent) {
          throw new HttpError(503, 'query', `busy: ${cypherRunning} Cypher queries are running; retry shortly`);
        }
        cypherRunning++;
        let result: CypherResult;
        try {
          result = await cypher.query(body.query, body.params, {
            write: false,
            timeoutMs: limits.cypherTimeoutMs,
            maxRows: limits.cypherMaxRows,
            maxBytes: limits.cypherMaxBytes,
          });
        } catch (err) {
          throw classifyCypherError(err, limits.cypherTimeoutMs);
        } finally {
          cypherRunning--;
        }
        return sendJson(res, 200, result);
      }
      case 'bench': {
        needGet();
        if (!options.benchGraph || parts[1] !== 'graph')
          throw new HttpError(404, 'input', `no such endpoint: ${url.pathname}`);
        const q = parse(benchQuery, query);
        const key = `${q.nodes}/${q.edges}/${q.seed}`;
        let text = benchCache.get(key);
        if (!text) {
          text = JSON.stringify(generateSnapshot(q.nodes, q.edges, q.seed));
          benchCache.set(key, text);
        }
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(text);
        return;
      }
      default:
        throw new HttpError(404, 'input', `no such endpoint: ${url.pathname}`);
    }
  }

  /** Rejects with 503 when the store has not answered in time, so a stopped database never hangs a request. */
  function deadline(req: IncomingMessage): { promise: Promise<never>; clear: () => void } {
    const isCypher = (req.url ?? '').startsWith('/api/cypher');
    const ms = isCypher ? limits.cypherTimeoutMs + limits.requestTimeoutMs : limits.requestTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new HttpError(503, 'store', `the ${store.kind} store did not answer within ${ms} ms; retry later`)),
        ms,
      );
    });
    return { promise, clear: () => clearTimeout(timer) };
  }

  return (req, res) => {
    const started = Date.now();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    let shownPath = '-';
    const handle = async (): Promise<void> => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (options.allowedHostnames && !options.allowedHostnames.includes(host)) {
        throw new HttpError(421, 'server', 'unexpected Host header');
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        throw new HttpError(400, 'input', 'malformed URL');
      }
      shownPath = url.pathname.slice(0, 300);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        const limit = deadline(req);
        const work = api(req, res, url);
        work.catch(() => undefined); // after a deadline its late failure has no one left to answer
        try {
          return await Promise.race([work, limit.promise]);
        } finally {
          limit.clear();
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'input', `${req.method} not allowed`);
      if (!options.staticDir) throw new HttpError(404, 'server', 'the viewer is not served by this server');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
          "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
      );
      if (!(await serveStatic(options.staticDir, req, res, url.pathname))) {
        throw new HttpError(404, 'server', `not found: ${url.pathname}`);
      }
    };
    handle()
      .catch((err: unknown) => {
        let status = 500;
        let area = 'server';
        let message = 'internal error';
        if (err instanceof HttpError) {
          ({ status, area, message } = err);
        } else if (err instanceof GeokgError) {
          status = err.area === 'input' || err.area === 'query' ? 400 : 503;
          area = err.area;
          message = err.message.replace(new RegExp(`^${err.area}: `), '');
        } else {
          const why = redactSecrets((err as Error)?.message ?? String(err)).split('\n')[0];
          options.log?.(`error ${req.method} ${shownPath}: ${why}`);
        }
        if (res.headersSent) {
          if (!res.writableEnded) res.destroy();
          return;
        }
        // Store messages can quote a connection URI; its userinfo never leaves the process.
        sendJson(res, status, { error: redactSecrets(message), area });
      })
      .finally(() => options.log?.(`${req.method} ${shownPath} ${res.statusCode} ${Date.now() - started} ms`));
  };
}

export function createApiServer(options: AppOptions): Server {
  const server = createServer(createApp(options));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return server;
}
