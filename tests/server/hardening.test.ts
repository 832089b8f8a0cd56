// Faults around Neo4j, as the audit found them: a port that accepts and never answers (CLI and API must fail in
// bounded time and exit), credentials in NEO4J_URI (never shown), a request log line, client errors stay 4xx.

import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { redactSecrets, redactUri, splitUriCredentials } from '../../src/redact.js';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';
import type { RunningServer } from '../../src/server/listen.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { neo4jConfig } from '../helpers/neo4j.js';
import { sampleDoc } from '../store/fixtures.js';
import { call, expectCleanError, postCypher, serve } from './http.js';

const GEOKG = path.join(PROJECT_ROOT, 'bin', 'geokg');
const SECRET = 'hunter2-s3cret';
let silent: Server;
let silentPort: number;
const held: Socket[] = [];

beforeAll(async () => {
  // Accepts every connection and never writes a byte: a hung or SIGSTOPped database as the client sees it.
  silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

function runGeokg(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(GEOKG, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, out, ms: Date.now() - started });
    });
  });
}

describe('redaction', () => {
  it('removes userinfo from URIs, alone or inside a message, and splits it out for the driver', () => {
    expect(redactUri(`bolt://neo4j:${SECRET}@db.example:7687`)).toBe('bolt://db.example:7687');
    expect(redactSecrets(`cannot reach neo4j+s://u:${SECRET}@h:7687/x: refused`)).toBe(
      'cannot reach neo4j+s://h:7687/x: refused',
    );
    expect(redactUri('bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
    expect(splitUriCredentials(`bolt://neo4j:p%40ss@h:1`)).toEqual({
      uri: 'bolt://h:1',
      user: 'neo4j',
      password: 'p@ss',
    });
  });
});

describe('a port that accepts and never answers', () => {
  it('the store fails with StoreError in bounded time, without the password, and close() leaves no socket', async () => {
    const store = new Neo4jStore({ uri: `bolt://neo4j:${SECRET}@127.0.0.1:${silentPort}`, connectTimeoutMs: 1000 });
    const t0 = performance.now();
    const err = await store.stats().catch((e: unknown) => e);
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(`127.0.0.1:${silentPort}`);
    expect((err as Error).message).not.toContain(SECRET);
    expect(ms).toBeLessThan(5000);
    await store.close();
    const open = (process as unknown as { _getActiveHandles(): unknown[] })
      ._getActiveHandles()
      .filter((h) => (h as Socket).remotePort === silentPort);
    expect(open).toEqual([]);
  });

  it('`geokg stats` and `geokg ingest` fail, exit, and never print the password', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_URI: `bolt://neo4j:${SECRET}@127.0.0.1:${silentPort}`,
    };
    delete env.NEO4J_PASSWORD;
    const sample = path.join(PROJECT_ROOT, 'data', 'sample', '000_72676987deda64ed.txt');
    const [stats, ingest] = await Promise.all([runGeokg(['stats'], env), runGeokg(['ingest', sample], env)]);
    for (const r of [stats, ingest]) {
      expect(r.code, r.out).not.toBe(0);
      expect(r.code, r.out).not.toBeNull(); // not killed by the test’s 60 s guard: it exited by itself
      expect(r.out).toMatch(new RegExp(`cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${silentPort}`));
      expect(r.out).not.toContain(SECRET);
      expect(r.ms).toBeLessThan(40_000);
    }
  });

  it('API requests answer 503 with a message at their deadline, without the password', async () => {
    // A long driver timeout: the request deadline, not the driver, must be what answers.
    const store = new Neo4jStore({ uri: `bolt://neo4j:${SECRET}@127.0.0.1:${silentPort}`, connectTimeoutMs: 60_000 });
    const lines: string[] = [];
    const server = await serve(store, { limits: { requestTimeoutMs: 500 }, log: (l) => lines.push(l) });
    try {
      for (const route of ['/api/stats', '/api/graph', '/api/search?q=iran', '/api/entity/IRN']) {
        const t0 = performance.now();
        const a = await call(server.url, route);
        expect(performance.now() - t0).toBeLessThan(3000);
        expect(a.status, route).toBe(503);
        expectCleanError(a);
        expect(a.json.error).toMatch(/did not answer within 500 ms/);
        expect(a.text).not.toContain(SECRET);
      }
      // After the deadline the server still answers what needs no database.
      expect((await call(server.url, '/api/config')).status).toBe(200);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('503 bodies of a store that fails by itself carry the URI without its credentials', async () => {
    const store = new Neo4jStore({ uri: `bolt://neo4j:${SECRET}@127.0.0.1:${silentPort}`, connectTimeoutMs: 300 });
    const server = await serve(store);
    try {
      for (const route of ['/api/stats', '/api/graph', '/api/search?q=iran', '/api/entity/IRN']) {
        const a = await call(server.url, route);
        expect(a.status, route).toBe(503);
        expect(a.json.error).toContain(`127.0.0.1:${silentPort}`);
        expect(a.text).not.toContain(SECRET);
      }
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('on the real Neo4j', () => {
  let store: Neo4jStore;
  let server: RunningServer;
  const lines: string[] = [];

  beforeAll(async () => {
    store = new Neo4jStore(neo4jConfig());
    await store.reset();
    await store.ingest(sampleDoc());
    server = await serve(store, { log: (l) => lines.push(l) });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it.each([
    'CALL { RETURN 1 AS x } IN TRANSACTIONS RETURN x',
    'CALL { MATCH (n) RETURN n } IN TRANSACTIONS OF -1 ROWS RETURN n',
    'UNWIND [1] AS x CALL { WITH x RETURN x AS y } IN TRANSACTIONS OF 0 ROWS RETURN y',
  ])('answers a client error of CALL {…} IN TRANSACTIONS with 4xx, not 500: %s', async (q) => {
    const a = await postCypher(server.url, q);
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expectCleanError(a);
  });

  it('a runtime error inside CALL {…} IN TRANSACTIONS of a write query is a QueryError', async () => {
    await expect(
      store.query(
        'UNWIND [1, 0] AS d CALL { WITH d RETURN 10 / d AS x } IN TRANSACTIONS OF 1 ROWS RETURN x',
        {},
        {
          write: true,
        },
      ),
    ).rejects.toThrow(/by zero/);
  });

  it('logs one line per request: method, path, status, ms — never the query string', async () => {
    lines.length = 0;
    await call(server.url, `/api/search?q=${SECRET}`);
    await call(server.url, '/api/nowhere');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/api\/search 200 \d+ ms$/);
    expect(lines[1]).toMatch(/^GET \/api\/nowhere 404 \d+ ms$/);
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
