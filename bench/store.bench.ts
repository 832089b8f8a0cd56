// Store benchmark (`npm run bench store`): relations/s into real Neo4j, batched (the store's own path) against
// one statement per triple (naive baseline, same run), and documents/s end to end (read → extract → store).

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/index.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { ingestPaths } from '../src/store/ingest-files.js';
import { Neo4jStore } from '../src/store/neo4j.js';
import { syntheticDoc } from '../tests/store/fixtures.js';
import type { DocumentExtraction } from '../src/model.js';

const RELATIONS = Number(process.env.BENCH_RELATIONS ?? 100_000);
const PER_DOC = Number(process.env.BENCH_RELATIONS_PER_DOC ?? 50);
const NAIVE = Number(process.env.BENCH_NAIVE_RELATIONS ?? 3_000);
/** Relations written (then reset) before timing, so the batched and the naive path are both measured warm. */
const WARMUP = Number(process.env.BENCH_WARMUP_RELATIONS ?? 10_000);
const POOL = 5_000;
/** Documents per ingestMany call; the store groups them into balanced transactions of about 5,000 claims. */
const CHUNK = 1_000;

const log = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
/** Peak resident memory of a process in MiB (Linux procfs), undefined elsewhere. */
function peakMiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  let local: LocalNeo4j | undefined;
  let dir: string | undefined;
  let config = {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || undefined,
  };
  if (!config.uri) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-bench-neo4j-'));
    local = await startLocalNeo4j({
      port: await freePort(),
      dataDir: dir,
      mode: 'attached',
      heap: '1g',
      pageCache: '512m',
    });
    config = { uri: local.uri, user: 'neo4j', password: 'neo4j', database: undefined };
    log(`local Neo4j at ${local.uri} (${(local.startMs / 1000).toFixed(1)} s to start)`);
  } else log(`Neo4j at ${config.uri} (NEO4J_URI; it will be RESET)`);

  const store = new Neo4jStore(config);
  try {
    await store.init();
    const docCount = Math.ceil(RELATIONS / PER_DOC);
    const docs: DocumentExtraction[] = Array.from({ length: docCount }, (_, i) => syntheticDoc(i, PER_DOC, POOL));
    const total = docs.reduce((n, d) => n + d.relations.length, 0);
    log(
      `corpus: ${fmt(docCount)} synthetic documents, ${fmt(total)} relations (one evidence sentence each), ${fmt(POOL)} entities`,
    );

    log(`load average at start (1/5/15 min, ${os.cpus().length} cores): ${load()}`);

    // Batched: the store's real bulk path (ingestMany → UNWIND … CREATE/MERGE, whole documents per transaction).
    const batched = async (list: DocumentExtraction[]) => {
      const t0 = performance.now();
      for (let i = 0; i < list.length; i += CHUNK) {
        const results = await store.ingestMany(list.slice(i, i + CHUNK));
        const bad = results.find((r) => !r.ok);
        if (bad && !bad.ok) throw new Error(`batched ingest failed: ${bad.error}`);
      }
      return (performance.now() - t0) / 1000;
    };
    // Warm-up on the same kind of documents (the JVM compiles, Cypher plans are cached), then start empty again.
    if (WARMUP > 0) {
      await store.reset();
      const warm = docs.slice(0, Math.ceil(WARMUP / PER_DOC));
      const n = warm.reduce((k, d) => k + d.relations.length, 0);
      const secs = await batched(warm);
      log(`warm-up:   ${fmt(n)} relations on a cold server in ${secs.toFixed(1)} s = ${fmt(n / secs)} relations/s`);
    }
    await store.reset();
    const batchedSecs = await batched(docs);
    const batchedRate = total / batchedSecs;
    const stats = await store.stats();
    const allRels = (await store.query('MATCH ()-[r]->() RETURN count(r) AS n', {})).rows[0]![0] as number;
    const allNodes = (await store.query('MATCH (n) RETURN count(n) AS n', {})).rows[0]![0] as number;
    const neo4jRate = allRels / batchedSecs;
    log(
      `batched:   ${fmt(total)} relations in ${batchedSecs.toFixed(1)} s = ${fmt(batchedRate)} relations/s, ` +
        `${fmt(docCount / batchedSecs)} documents/s\n` +
        `           (${fmt(stats.relations)} distinct typed relationships, ${fmt(stats.evidence)} claims; in all ` +
        `${fmt(allRels)} Neo4j relationships and ${fmt(allNodes)} nodes = ${fmt(neo4jRate)} Neo4j relationships/s)`,
    );
    log(`load average after batched: ${load()}`);

    // Per document (one transaction per document): the default path of `ingest(doc)`.
    await store.reset();
    const perDocSlice = docs.slice(0, Math.min(docs.length, 200));
    const perDocTotal = perDocSlice.reduce((n, d) => n + d.relations.length, 0);
    let t = performance.now();
    for (const d of perDocSlice) await store.ingest(d);
    const perDocRate = perDocTotal / ((performance.now() - t) / 1000);
    log(`per-document transactions: ${fmt(perDocTotal)} relations = ${fmt(perDocRate)} relations/s`);

    // Naive: one statement (and one auto-committed transaction) per triple, a slice, rate extrapolated.
    await store.reset();
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    const session = driver.session({ database: config.database });
    const triples = docs.flatMap((d) => d.relations.map((r) => ({ d: d.document.id, r }))).slice(0, NAIVE);
    t = performance.now();
    try {
      for (const { d, r } of triples) {
        const ev = r.evidence[0]!;
        await session.run(
          `MERGE (s:Entity {id: $s}) MERGE (o:Entity {id: $o})
           MERGE (s)-[r:${r.predicate}]->(o)
           MERGE (c:Claim {id: $cid}) SET c.key = $key, c.document = $doc, c.modality = $modality
           MERGE (doc:Document {id: $doc})
           MERGE (sen:Sentence {id: $sid}) SET sen.text = $text
           MERGE (c)-[:EVIDENCED_BY]->(sen) MERGE (sen)-[:IN_DOCUMENT]->(doc)
           SET r.evidenceCount = coalesce(r.evidenceCount, 0) + 1`,
          {
            s: r.subject,
            o: r.object,
            cid: `${d}|${r.subject}|${r.predicate}|${r.object}|${ev.start}`,
            key: `${r.subject}|${r.predicate}|${r.object}`,
            doc: d,
            modality: r.modality,
            sid: `${d}:${ev.start}`,
            text: ev.sentence,
          },
        );
      }
    } finally {
      await session.close();
      await driver.close();
    }
    const naiveRate = triples.length / ((performance.now() - t) / 1000);
    log(`naive:     ${fmt(triples.length)} relations, one statement per triple = ${fmt(naiveRate)} relations/s`);
    const ratio = batchedRate / naiveRate;
    log(`ratio batched/naive (relations/s): ${ratio.toFixed(1)}×`);
    log(
      `targets: ≥ 20,000 relationships/s batched → ${fmt(neo4jRate)} Neo4j relationships/s ` +
        `${neo4jRate >= 20_000 ? 'met' : 'MISSED'}, ${fmt(batchedRate)} ontology relations/s ` +
        `${batchedRate >= 20_000 ? 'met' : 'MISSED'}; ≥ 10× naive → ${ratio >= 10 ? 'met' : 'MISSED'}`,
    );

    // End to end on the bundled sample and the dev texts: read → extract → store.
    const inputs = ['data/sample/000_72676987deda64ed.txt', 'tests/fixtures/devtexts/articles'];
    for (const [label, open] of [
      ['neo4j', async () => store] as const,
      [
        'embedded',
        async () => new EmbeddedStore({ home: await mkdtemp(path.join(os.tmpdir(), 'geokg-bench-emb-')) }),
      ] as const,
    ]) {
      const s = await open();
      let docsDone = 0;
      let secs = 0;
      for (let round = 0; round < 3; round++) {
        await s.reset();
        const summary = await ingestPaths(s, inputs);
        if (summary.documentsRead === 0) throw new Error('end to end: no document read');
        docsDone += summary.documentsRead;
        secs += summary.elapsedMs / 1000;
      }
      log(
        `end to end (${label}): ${docsDone} documents in ${secs.toFixed(2)} s = ${(docsDone / secs).toFixed(1)} documents/s`,
      );
      if (s !== store) {
        await rm(path.dirname((s as EmbeddedStore).file), { recursive: true, force: true });
        await s.close();
      }
    }
    await store.reset();
    const mem = [`bench process ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`];
    const neo = local ? peakMiB(local.pid) : undefined;
    if (neo !== undefined) mem.push(`local Neo4j ${fmt(neo)} MiB (heap cap 1g, page cache 512m)`);
    log(`peak memory (resident): ${mem.join(', ')}`);
    log(`load average at end: ${load()}`);
  } finally {
    await store.close();
    if (local) await local.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench store: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
