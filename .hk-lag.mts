import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from './src/server/listen.js';
import { Neo4jStore } from './src/store/neo4j.js';
const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:17688' });
const srv = await startServer({ store, port: 0, limits: { cypherTimeoutMs: 4000 } });
const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
const post = (q: string) =>
  fetch(new URL('/api/cypher', srv.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q }),
  }).then(async (r) => [r.status, Date.now() - t0, (await r.text()).slice(0, 80)]);
await fetch(new URL('/api/stats', srv.url));
const t0 = Date.now();
const which = process.argv[2] ?? 'all';
const qs = {
  a: 'UNWIND range(1, 1000) AS x RETURN x, range(1, 100000) AS big',
  b: 'RETURN range(1, 20000000) AS big',
  c: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)',
} as Record<string, string>;
let pending = 0;
const ps = Object.entries(qs)
  .filter(([k]) => which === 'all' || which.includes(k))
  .map(([k, q]) => {
    pending++;
    return post(q).then((r) => {
      pending--;
      console.log(k, r);
    });
  });
while (pending > 0) {
  const s = performance.now();
  await fetch(new URL('/api/stats', srv.url));
  console.log('stats', (performance.now() - s).toFixed(0), 'ms at', Date.now() - t0);
}
await Promise.all(ps);
console.log('loop delay max', (h.max / 1e6).toFixed(0), 'ms p99', (h.percentile(99) / 1e6).toFixed(0));
await srv.close();
await store.close();
