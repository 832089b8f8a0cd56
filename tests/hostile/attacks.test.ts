// The audit's attack list against a served graph on the real Neo4j: every attack is refused or bounded, other
// requests keep being answered while hostile queries run, and the server still answers afterwards.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/listen.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { neo4jConfig } from '../helpers/neo4j.js';
import { call, expectCleanError, postCypher, serve, type Answer } from '../server/http.js';
import { ADMIN_COMMANDS, CPU_BURNER, HOSTILE_LIMITS, LOAD_CSV_SPELLINGS, RESULT_BOMBS } from './attacks.js';
import { sampleDoc, secondDoc } from '../store/fixtures.js';

let store: Neo4jStore;
let server: RunningServer;
let base: string;

async function stillServing(): Promise<void> {
  const a = await call(base, '/api/stats');
  expect(a.status).toBe(200);
  expect(a.json.documents).toBe(2);
}

/** Building a 20M list can take the server longer than the time limit on a busy machine: either bound is fine. */
function expectBounded(a: Answer): void {
  expectCleanError(a);
  if (a.status === 413) expect(a.json.error).toMatch(/larger than \d+ bytes|more memory than Neo4j allows/);
  else {
    expect(a.status).toBe(408);
    expect(a.json.error).toMatch(/time limit/);
  }
}

function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timedStats(): Promise<number> {
  const t0 = performance.now();
  const a = await call(base, '/api/stats');
  expect(a.status).toBe(200);
  return performance.now() - t0;
}

beforeAll(async () => {
  store = new Neo4jStore(neo4jConfig());
  await store.reset();
  await store.ingest(sampleDoc());
  await store.ingest(secondDoc());
  server = await serve(store, {
    limits: {
      cypherTimeoutMs: HOSTILE_LIMITS.timeoutMs,
      cypherMaxRows: HOSTILE_LIMITS.maxRows,
      cypherMaxBytes: HOSTILE_LIMITS.maxBytes,
    },
  });
  base = server.url;
});

afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe('hostile requests', () => {
  it.each([...LOAD_CSV_SPELLINGS, ...ADMIN_COMMANDS])('refuses with 403: %s', async (q) => {
    const a = await postCypher(base, q);
    expect(a.status).toBe(403);
    expectCleanError(a);
    expect(a.text).not.toMatch(/root:|PATH=|NEO4J_PASSWORD/);
  });

  it.each(RESULT_BOMBS)(
    'bounds a result bomb (413 over the byte cap, or 408 when the server is slower): %s',
    async (q) => {
      const a = await postCypher(base, q);
      expectBounded(a);
      await stillServing();
    },
  );

  it('stops 2M rows at the row cap', async () => {
    const a = await postCypher(base, 'UNWIND range(1, 2000000) AS x RETURN x');
    expect(a.status).toBe(200);
    expect(a.json.rows.length).toBe(1000);
    expect(a.json.truncated).toBe(true);
  });

  it('answers every /api/stats within 1 s and never stalls its event loop while hostile queries run', async () => {
    /** /api/stats latencies measured while `work` runs (only samples that ended before it settled). */
    async function statsWhile(work: Promise<unknown>): Promise<number[]> {
      let running = true;
      void work.finally(() => (running = false));
      const ms: number[] = [];
      while (running) {
        const t = await timedStats();
        if (running) ms.push(t);
      }
      await work;
      return ms;
    }
    // Baseline, same test, same machine: the same queries with the same limits, sent to Neo4j by another process.
    // What the database's work costs /api/stats (a JVM building a 20M list stalls every query on it; 2 shared
    // cores) is in it; what this server's own handling of hostile requests would add is not.
    const { uri, user, password } = neo4jConfig();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'load.ts')], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
    expect(await next()).toBe('ready');
    child.stdin!.write('go\n');
    const baseline = await statsWhile(next());
    // The child's stopped queries may still be encoding on the database's side: the served run starts once that
    // has passed.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    // One after another, as the server's cap (cores − 1 at once on this 2-core machine) would let them in anyway.
    const hostile = (async () => {
      const out: Answer[] = [];
      for (const q of [...RESULT_BOMBS, CPU_BURNER]) out.push(await postCypher(base, q));
      return out;
    })();
    const during = await statsWhile(hostile);
    const hostileMs = performance.now() - t0;
    loop.disable();
    const answers = await hostile;
    answers.slice(0, RESULT_BOMBS.length).forEach(expectBounded);
    expect(answers.at(-1)!.status).toBe(408);

    const worst = Math.max(...during);
    // Issue 10, defect 2: the bounded runner decodes results in a worker thread (src/store/cypher-worker.ts), so a
    // bomb's bytes no longer stall this event loop (they did for 250–570 ms per bomb); the concurrency cap keeps a
    // core of the database free; and the local Neo4j runs many Bolt event loops (src/neo4j/local.ts), because a
    // connection sharing its loop with a 20M-element record waited 0.6–1.0 s for its own answer to be written.
    console.log(
      `/api/stats during hostile queries: ${during.length} requests, p95 ${percentile(during, 95).toFixed(0)} ms, ` +
        `p99 ${percentile(during, 99).toFixed(0)} ms, ` +
        `max ${worst.toFixed(0)} ms, event-loop delay max ${(loop.max / 1e6).toFixed(0)} ms; the same queries at ` +
        `once from another process: ` +
        `${baseline.length} requests, p95 ${percentile(baseline, 95).toFixed(0)} ms, max ` +
        `${Math.max(...baseline).toFixed(0)} ms (hostile queries took ${hostileMs.toFixed(0)} ms)`,
    );
    expect(baseline.length).toBeGreaterThanOrEqual(3);
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(loop.max / 1e6, 'event-loop delay max (ms) while hostile queries ran').toBeLessThan(250);
    expect(worst, `slowest /api/stats (p99 ${percentile(during, 99).toFixed(0)} ms)`).toBeLessThan(1000);
  });

  it('answers 200 concurrent requests (stats and Cypher) and keeps serving', async () => {
    const started = performance.now();
    const stats = Array.from({ length: 180 }, () => timedStats());
    const cypher = Array.from({ length: 20 }, (_, i) => postCypher(base, 'RETURN $i AS i', { i }));
    const ms = await Promise.all(stats);
    const answers = await Promise.all(cypher);
    for (const a of answers) {
      // The concurrency cap answers the excess with 503 and a message instead of queueing it without bound.
      expect([200, 503]).toContain(a.status);
      if (a.status === 503) expect(a.json.error).toMatch(/busy/);
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    console.log(
      `200 concurrent requests: /api/stats p99 ${percentile(ms, 99).toFixed(0)} ms, ` +
        `all done in ${(performance.now() - started).toFixed(0)} ms, ` +
        `cypher ${answers.filter((a) => a.status === 200).length} answered, ` +
        `${answers.filter((a) => a.status === 503).length} busy`,
    );
    await stillServing();
  });
});
