// `npm run bench scale`: the issue-12 figures in one run on ≥ 10,000 shuffled dev articles — extraction with 1 and 2
// workers, end-to-end ingest, and the same extractions into empty Neo4j transactionally, in bulk, and by LOAD CSV.

import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ExtractionPool } from '../src/ingest/pool/pool.js';
import { openJsonlSink } from '../src/ingest/pool/jsonl.js';
import { readInputs } from '../src/ingest/read.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/index.js';
import { bulkLoad } from '../src/store/bulk/load.js';
import { ingestExtractions, readShards } from '../src/store/from-extraction.js';
import { ingestPaths } from '../src/store/ingest-files.js';
import { Neo4jStore } from '../src/store/neo4j.js';
import { shuffledTexts } from './corpus.js';
import { loadCsvBaseline } from './load-csv.js';

const ARTICLES = Number(process.env.BENCH_SCALE_ARTICLES ?? 10_000);
/** Articles extracted with 1 and with 2 workers (the rest with 2 only) and ingested end to end. */
const SLICE = Math.min(ARTICLES, Number(process.env.BENCH_SCALE_SLICE ?? 1_500));
/** The issue's figure for today's end-to-end ingest into Neo4j on this machine (documents/s). */
const ISSUE_BASELINE_DOCS_PER_S = 17;
const NEO4J = { heap: '1g', pageCache: '512m' } as const;
/** A folder with w2.jsonl and rest.jsonl of an earlier run of the same corpus: skip extraction (store-side checks). */
const SHARDS = process.env.BENCH_SCALE_SHARDS;

const log = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/**
 * CPU seconds so far of this process (worker threads included), its finished children (the import tool, stopped
 * servers) and the given running processes: the machine is shared, so per-article cost is CPU time, not wall time.
 */
function cpuSeconds(running: number[] = []): number {
  const own = process.cpuUsage();
  const ticks = (pid: number | 'self', from: number, to: number) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return f.slice(from, to).reduce((n, x) => n + Number(x), 0);
    } catch {
      return 0;
    }
  };
  // Fields after the command: utime and stime are the 12th and 13th, cutime and cstime the 14th and 15th.
  let t = ticks('self', 13, 15);
  for (const pid of running) t += ticks(pid, 11, 13);
  return (own.user + own.system) / 1e6 + t / 100;
}

interface Stage {
  docs: number;
  secs: number;
  cpu: number;
}
const rate = (s: Stage) => s.docs / s.secs;

async function measure(docs: number, running: number[], fn: () => Promise<void>): Promise<Stage> {
  const c0 = cpuSeconds(running);
  const t0 = performance.now();
  await fn();
  return { docs, secs: (performance.now() - t0) / 1000, cpu: cpuSeconds(running) - c0 };
}

/** `geokg extract DIR --format jsonl -o SHARD --workers N`, without the CLI around it. */
async function extractShard(dir: string, workers: number, shard: string): Promise<number> {
  const pool = new ExtractionPool({ workers, extract: { lang: 'auto' }, json: true });
  const sink = openJsonlSink(shard);
  let n = 0;
  try {
    for await (const r of pool.run(readInputs([dir]))) {
      if (!r.ok) throw new Error(`extraction failed for ${r.source}: ${r.error}`);
      await sink.write(`${r.json!}\n`);
      n++;
    }
    await sink.finish();
  } finally {
    await pool.close();
  }
  return n;
}

/** Nodes by label set, relationships by type, properties of both: what "the same graph" is compared on. */
async function graphCounts(uri: string): Promise<Record<string, number>> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  try {
    const out: Record<string, number> = {};
    const q = async (cypher: string) => {
      for (const r of (await driver.executeQuery(cypher)).records)
        out[r.get('k') as string] = (r.get('n') as { toNumber(): number }).toNumber();
    };
    await q("MATCH (n) RETURN reduce(s = '', l IN labels(n) | s + ':' + l) AS k, count(n) AS n");
    await q('MATCH ()-[r]->() RETURN type(r) AS k, count(r) AS n');
    await q("MATCH (n) RETURN 'node properties' AS k, sum(size(keys(n))) AS n");
    await q("MATCH ()-[r]->() RETURN 'relationship properties' AS k, sum(size(keys(r))) AS n");
    return out;
  } finally {
    await driver.close();
  }
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const diff = keys.filter((k) => a[k] !== b[k]).map((k) => `${k} ${a[k] ?? 0} vs ${b[k] ?? 0}`);
  return diff.length === 0 ? 'same' : `DIFFERENT (${diff.join(', ')})`;
}

const total = (c: Record<string, number>) => {
  let nodes = 0;
  let rels = 0;
  for (const [k, n] of Object.entries(c)) if (k.startsWith(':')) nodes += n;
  for (const [k, n] of Object.entries(c)) if (/^[A-Z_]+$/.test(k)) rels += n;
  return `${fmt(nodes)} nodes, ${fmt(rels)} relationships`;
};

async function fresh(root: string, name: string): Promise<LocalNeo4j> {
  return startLocalNeo4j({ port: await freePort(), dataDir: path.join(root, name), mode: 'attached', ...NEO4J });
}

/** Extraction: 1 vs 2 workers on the slice (byte-identical output required), then 2 workers on the rest. */
async function extraction(root: string): Promise<{ w1: Stage; w2: Stage; rest: Stage; shards: string[] }> {
  const w1 = await measure(
    SLICE,
    [],
    async () => void (await extractShard(path.join(root, 'slice'), 1, path.join(root, 'w1.jsonl'))),
  );
  log(
    `extract --workers 1: ${fmt(SLICE)} articles in ${w1.secs.toFixed(1)} s = ${fmt(rate(w1), 1)} articles/s (cpu ${fmt((1000 * w1.cpu) / SLICE, 1)} ms/article); load ${load()}`,
  );
  const w2 = await measure(
    SLICE,
    [],
    async () => void (await extractShard(path.join(root, 'slice'), 2, path.join(root, 'w2.jsonl'))),
  );
  log(
    `extract --workers 2: ${fmt(SLICE)} articles in ${w2.secs.toFixed(1)} s = ${fmt(rate(w2), 1)} articles/s (cpu ${fmt((1000 * w2.cpu) / SLICE, 1)} ms/article); load ${load()}`,
  );
  const a = readFileSync(path.join(root, 'w1.jsonl'), 'utf8').split('\n');
  const b = readFileSync(path.join(root, 'w2.jsonl'), 'utf8').split('\n');
  const differ = a.filter((line, i) => line !== b[i]).length;
  // The workers load src/ingest when they start: an edit to the extractor between the two runs shows up here.
  log(
    `  output of --workers 1 and --workers 2: ${differ === 0 && a.length === b.length ? 'byte-identical' : `DIFFERENT (${differ} of ${a.length - 1} lines; was src/ingest edited during the run?)`}`,
  );
  const shards = [path.join(root, 'w2.jsonl')];
  let rest: Stage = { docs: 0, secs: 0, cpu: 0 };
  if (ARTICLES > SLICE) {
    shards.push(path.join(root, 'rest.jsonl'));
    rest = await measure(
      ARTICLES - SLICE,
      [],
      async () => void (await extractShard(path.join(root, 'rest'), 2, shards[1]!)),
    );
    log(
      `extract --workers 2: the other ${fmt(rest.docs)} articles in ${rest.secs.toFixed(1)} s = ${fmt(rate(rest), 1)} articles/s; load ${load()}`,
    );
  }
  return { w1, w2, rest, shards };
}

/** End to end (read → extract → store, `geokg ingest DIR --workers 2`) on the slice, then the shards transactionally. */
async function transactional(root: string, shards: string[]) {
  const server = await fresh(root, 'tx');
  const store = new Neo4jStore({ uri: server.uri, user: 'neo4j', password: '' });
  try {
    await store.init();
    const e2e = await measure(SLICE, [server.pid], async () => {
      const s = await ingestPaths(store, [path.join(root, 'slice')], { workers: 2 });
      if (s.documentsNew !== SLICE) throw new Error(`end to end stored ${s.documentsNew} of ${SLICE} documents`);
    });
    log(
      `ingest --workers 2 (end to end, empty Neo4j): ${fmt(SLICE)} articles in ${e2e.secs.toFixed(1)} s = ${fmt(rate(e2e), 1)} articles/s; load ${load()}`,
    );
    await store.reset();
    let stored = 0;
    const tx = await measure(ARTICLES, [server.pid], async () => {
      const s = await ingestExtractions(store, shards);
      // Two shuffles that differ only in page chrome clean to the same text, hence the same document: stored once.
      if (s.documentsFailed > 0 || s.documentsNew + s.documentsUnchanged !== ARTICLES)
        throw new Error(`transactional: ${s.documentsNew} new, ${s.documentsFailed} failed of ${ARTICLES} documents`);
      stored = s.documentsNew;
    });
    log(
      `ingest --from-extraction (transactional, empty Neo4j): ${fmt(ARTICLES)} articles in ${tx.secs.toFixed(1)} s = ${fmt(rate(tx), 1)} articles/s (cpu ${fmt((1000 * tx.cpu) / ARTICLES, 1)} ms/article, Neo4j included); load ${load()}`,
    );
    const counts = await graphCounts(server.uri);
    log(`  graph: ${fmt(stored)} distinct documents (the rest repeat one), ${total(counts)}`);
    return { e2e, tx, counts };
  } finally {
    await store.close();
    await server.stop();
  }
}

/** `geokg import --from-extraction SHARDS` into an empty local Neo4j: CSV files, the import tool, the schema. */
async function bulk(root: string, shards: string[]) {
  const dataDir = path.join(root, 'bulk');
  const csvDir = path.join(root, 'csv');
  let phases = { csvMs: 0, importMs: 0, schemaMs: 0 };
  const stage = await measure(ARTICLES, [], async () => {
    const s = await bulkLoad(readShards(shards), { dataDir, csvDir, heap: '1g' });
    if (s.failures.length > 0 || s.csv.documents + s.csv.duplicates !== ARTICLES)
      throw new Error(`bulk: ${s.csv.documents} written, ${s.failures.length} failed of ${ARTICLES} documents`);
    phases = s;
  });
  const p = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  log(
    `import --from-extraction (bulk, empty Neo4j): ${fmt(ARTICLES)} articles in ${stage.secs.toFixed(1)} s = ${fmt(rate(stage), 1)} articles/s (CSV ${p(phases.csvMs)}, import tool ${p(phases.importMs)}, server start + schema ${p(phases.schemaMs)}; cpu ${fmt((1000 * stage.cpu) / ARTICLES, 1)} ms/article); load ${load()}`,
  );
  const server = await startLocalNeo4j({ port: await freePort(), dataDir, mode: 'attached', ...NEO4J });
  try {
    return { stage, counts: await graphCounts(server.uri), csvDir };
  } finally {
    await server.stop();
  }
}

/** LOAD CSV of the same CSV files into an empty database that has the schema: the server-side baseline. */
async function loadCsv(root: string, csvDir: string) {
  const server = await fresh(root, 'loadcsv');
  try {
    let perFile: Record<string, number> = {};
    const stage = await measure(ARTICLES, [server.pid], async () => {
      const store = new Neo4jStore({ uri: server.uri, user: 'neo4j', password: '' });
      try {
        await store.init();
      } finally {
        await store.close();
      }
      perFile = await loadCsvBaseline(server.uri, csvDir);
    });
    const slowest = Object.entries(perFile)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    log(
      `LOAD CSV (server-side, empty Neo4j with schema): ${fmt(ARTICLES)} articles in ${stage.secs.toFixed(1)} s = ${fmt(rate(stage), 1)} articles/s (slowest: ${slowest}; cpu ${fmt((1000 * stage.cpu) / ARTICLES, 1)} ms/article); load ${load()}`,
    );
    return { stage, counts: await graphCounts(server.uri) };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (SLICE < 1 || ARTICLES < 1) throw new Error('BENCH_SCALE_ARTICLES and BENCH_SCALE_SLICE must be ≥ 1');
  const root = await mkdtemp(path.join(os.tmpdir(), 'geokg-bench-scale-'));
  const started = performance.now();
  try {
    const texts = shuffledTexts(ARTICLES);
    await mkdir(path.join(root, 'slice'));
    await mkdir(path.join(root, 'rest'));
    for (const [i, t] of texts.entries())
      await writeFile(path.join(root, i < SLICE ? 'slice' : 'rest', t.name), t.text);
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1048576;
    log(
      `corpus: ${fmt(ARTICLES)} distinct articles, ${mb.toFixed(1)} MB (dev texts, paragraphs shuffled); slice for --workers 1 and end to end: ${fmt(SLICE)}`,
    );
    log(`load average at start (1/5/15 min, ${os.cpus().length} cores): ${load()}`);

    const ex = SHARDS
      ? {
          w1: { docs: 0, secs: NaN, cpu: NaN },
          w2: { docs: 0, secs: NaN, cpu: NaN },
          rest: { docs: 0, secs: NaN, cpu: NaN },
          shards: ['w2.jsonl', ...(ARTICLES > SLICE ? ['rest.jsonl'] : [])].map((f) => path.join(SHARDS, f)),
        }
      : await extraction(root);
    if (SHARDS) log(`extraction: skipped, shards from BENCH_SCALE_SHARDS=${SHARDS}`);
    const tx = await transactional(root, ex.shards);
    const bk = await bulk(root, ex.shards);
    const lc = await loadCsv(root, bk.csvDir);

    const r = (a: Stage, b: Stage) => `${(rate(a) / rate(b)).toFixed(2)}×`;
    const extract10k = ex.w2.secs + ex.rest.secs;
    const bulkTotal = extract10k + bk.stage.secs;
    log('\nratios (documents/s over documents/s, same run):');
    if (!SHARDS)
      log(
        `  extraction --workers 2 / --workers 1: ${r(ex.w2, ex.w1)} (target ≥ 1.8×) → ${rate(ex.w2) / rate(ex.w1) >= 1.8 ? 'met' : 'MISSED'}`,
      );
    log(
      `  bulk / transactional: ${r(bk.stage, tx.tx)}; bulk / LOAD CSV: ${r(bk.stage, lc.stage)}; LOAD CSV / transactional: ${r(lc.stage, tx.tx)}`,
    );
    log(
      `  transactional store alone / end to end: ${r(tx.tx, tx.e2e)}` +
        (SHARDS ? '' : `; end-to-end ingest / extraction alone (--workers 2): ${r(tx.e2e, ex.w2)}`),
    );
    log(
      `  end-to-end ingest / the issue's 17 documents/s: ${(rate(tx.e2e) / ISSUE_BASELINE_DOCS_PER_S).toFixed(2)}× (target ≥ 3×) → ${rate(tx.e2e) >= 3 * ISSUE_BASELINE_DOCS_PER_S ? 'met' : 'MISSED'}`,
    );
    log(
      `same graph as the transactional path: bulk ${sameCounts(tx.counts, bk.counts)}; LOAD CSV ${sameCounts(tx.counts, lc.counts)}`,
    );
    if (!SHARDS)
      log(
        `${fmt(ARTICLES)} articles into an empty Neo4j with the bulk path: extraction (--workers 2) ${extract10k.toFixed(0)} s + load ${bk.stage.secs.toFixed(0)} s = ${bulkTotal.toFixed(0)} s (target ≤ 180 s: load alone ${bk.stage.secs <= 180 ? 'met' : 'MISSED'}, with extraction ${bulkTotal <= 180 ? 'met' : 'MISSED'})`,
      );
    log(
      `cpu per article: extraction ${fmt((1000 * ex.w1.cpu) / SLICE, 1)} ms, transactional store ${fmt((1000 * tx.tx.cpu) / ARTICLES, 1)} ms, bulk ${fmt((1000 * bk.stage.cpu) / ARTICLES, 1)} ms, LOAD CSV ${fmt((1000 * lc.stage.cpu) / ARTICLES, 1)} ms`,
    );
    log(
      `peak memory (resident): bench process ${fmt(process.resourceUsage().maxRSS / 1024)} MiB; load average at end ${load()}; bench ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench scale: ${(err as Error).stack ?? (err as Error).message}\n`);
  process.exitCode = 1;
});
