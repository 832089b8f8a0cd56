// Hardening benchmark (`npm run bench hardening`): the figures issue 10 asks for, each against a baseline measured
// in the same run — time to fail against a silent port (vs a refused one), /api/stats p99 under 200 concurrent
// requests and during hostile Cypher (vs the same requests one at a time on an idle server).

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/index.js';
import { PROJECT_ROOT } from '../src/server/build-viewer.js';
import { startServer } from '../src/server/listen.js';
import { Neo4jStore } from '../src/store/neo4j.js';
import { sampleDoc, secondDoc } from '../tests/store/fixtures.js';

const GEOKG = path.join(PROJECT_ROOT, 'bin', 'geokg');
const HOSTILE = [
  'UNWIND range(1, 1000) AS x RETURN x, range(1, 100000) AS big',
  'RETURN range(1, 20000000) AS big',
  'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)',
];
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

/** Wall time of a `geokg` run to its own exit (a 90 s guard kills one that hangs, and says so). */
function runGeokg(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(GEOKG, args, { env, stdio: 'ignore' });
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ ms: performance.now() - t0, code });
    });
  });
}

/** Silent port (accepts, never answers) against a refused one: the store's and the CLI's time to fail. */
async function silentPort(): Promise<void> {
  const held: Socket[] = [];
  const silent: Server = createServer((s) => held.push(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentAt = (silent.address() as { port: number }).port;
  const refusedAt = await freePort();
  try {
    const storeFail = async (port: number) => {
      const store = new Neo4jStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x' });
      const t0 = performance.now();
      const err = await store.stats().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      const ms = performance.now() - t0;
      await store.close();
      return { ms, name: err?.constructor.name ?? 'no error' };
    };
    const s = await storeFail(silentAt);
    const r = await storeFail(refusedAt);
    log(
      `store.stats() fails after: silent port ${s.ms.toFixed(0)} ms (${s.name}), refused port ${r.ms.toFixed(0)} ms` +
        ` (${r.name}); ratio ${(s.ms / r.ms).toFixed(1)}×`,
    );
    const env = (port: number): NodeJS.ProcessEnv => {
      const e: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}` };
      delete e.NEO4J_PASSWORD;
      return e;
    };
    for (const cmd of ['stats', 'ingest']) {
      const args = cmd === 'stats' ? ['stats'] : ['ingest', path.join(PROJECT_ROOT, 'data', 'sample')];
      const cs = await runGeokg(args, env(silentAt));
      const cr = await runGeokg(args, env(refusedAt));
      log(
        `geokg ${cmd} exits after: silent port ${(cs.ms / 1000).toFixed(1)} s (exit ${cs.code}), refused port ` +
          `${(cr.ms / 1000).toFixed(1)} s (exit ${cr.code}); ratio ${(cs.ms / cr.ms).toFixed(1)}×`,
      );
    }
  } finally {
    for (const s of held) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
}

/** /api/stats latency: one at a time (baseline), 200 at once, and while hostile queries run. */
async function latency(store: Neo4jStore): Promise<void> {
  const server = await startServer({ store, host: '127.0.0.1', port: 0, log: () => undefined });
  const stats = new URL('/api/stats', server.url).href;
  try {
    for (let i = 0; i < 20; i++) await timed(stats); // warm-up: connections, JIT
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push((await timed(stats)).ms);
    const idleP99 = percentile(idle, 99);
    log(`/api/stats one at a time (baseline): p50 ${percentile(idle, 50).toFixed(1)} ms, p99 ${idleP99.toFixed(1)} ms`);

    const t0 = performance.now();
    const burst = await Promise.all(Array.from({ length: 200 }, () => timed(stats)));
    const burstMs = burst.map((b) => b.ms);
    const ok = burst.filter((b) => b.status === 200).length;
    log(
      `/api/stats, 200 concurrent: p50 ${percentile(burstMs, 50).toFixed(0)} ms, p99 ${percentile(burstMs, 99).toFixed(0)} ms,` +
        ` all in ${(performance.now() - t0).toFixed(0)} ms, ${ok}/200 answered 200; p99 ratio to baseline ` +
        `${(percentile(burstMs, 99) / idleP99).toFixed(1)}×`,
    );

    let running = true;
    const h0 = performance.now();
    const hostile = Promise.all(
      HOSTILE.map((q) =>
        fetch(new URL('/api/cypher', server.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: q }),
        }).then((r) => r.status),
      ),
    ).finally(() => (running = false));
    const during: number[] = [];
    while (running) {
      const t = (await timed(stats)).ms;
      if (running) during.push(t);
    }
    const statuses = await hostile;
    log(
      `/api/stats during hostile queries (answered ${statuses.join(', ')} after ` +
        `${((performance.now() - h0) / 1000).toFixed(1)} s): ${during.length} requests, p50 ` +
        `${percentile(during, 50).toFixed(0)} ms, p99 ${percentile(during, 99).toFixed(0)} ms, max ` +
        `${Math.max(...during).toFixed(0)} ms; p99 ratio to baseline ${(percentile(during, 99) / idleP99).toFixed(1)}×`,
    );
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  log(`load average at start (1/5/15 min, ${os.cpus().length} cores): ${load()}`);
  await silentPort();
  let local: LocalNeo4j | undefined;
  let dir: string | undefined;
  let config = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  if (!config.uri) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-bench-neo4j-'));
    local = await startLocalNeo4j({ port: await freePort(), dataDir: dir, mode: 'attached' });
    config = { uri: local.uri, user: 'neo4j', password: 'neo4j' };
    log(`local Neo4j at ${local.uri} (${(local.startMs / 1000).toFixed(1)} s to start)`);
  } else log(`Neo4j at ${config.uri} (NEO4J_URI; it will be RESET)`);
  const store = new Neo4jStore(config);
  try {
    await store.reset();
    await store.ingest(sampleDoc());
    await store.ingest(secondDoc());
    await latency(store);
    log(`load average at end: ${load()}`);
  } finally {
    await store.close();
    if (local) await local.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench hardening: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
