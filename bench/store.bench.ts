// Store benchmark (`npm run bench store`): relations/s into real Neo4j, batched (the store's own path) against
// one statement per triple (naive baseline, same run), and documents/s end to end (read → extract → store).

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
const POOL = 5_000;

const log = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

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

    // Batched: the store's real bulk path (ingestMany → UNWIND … MERGE, several documents per transaction).
    await store.reset();
    let t = performance.now();
    const chunk = 200;
    for (let i = 0; i < docs.length; i += chunk) {
      const results = await store.ingestMany(docs.slice(i, i + chunk));
      const bad = results.find((r) => !r.ok);
      if (bad && !bad.ok) throw new Error(`batched ingest failed: ${bad.error}`);
    }
    const batchedSecs = (performance.now() - t) / 1000;
    const batchedRate = total / batchedSecs;
    const stats = await store.stats();
    const allRels = (await store.query('MATCH ()-[r]->() RETURN count(r) AS n', {})).rows[0]![0] as number;
    log(
      `batched:   ${fmt(total)} relations in ${batchedSecs.toFixed(1)} s = ${fmt(batchedRate)} relations/s ` +
        `(${fmt(stats.relations)} distinct relationships, ${fmt(stats.evidence)} claims; with the provenance ` +
        `edges ${fmt(allRels)} Neo4j relationships = ${fmt(allRels / batchedSecs)}/s)`,
    );

    // Per document (one transaction per document): the default path of `ingest(doc)`.
    await store.reset();
    const perDocSlice = docs.slice(0, Math.min(docs.length, 200));
    const perDocTotal = perDocSlice.reduce((n, d) => n + d.relations.length, 0);
    t = performance.now();
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
    log(
      `ratio batched/naive: ${(batchedRate / naiveRate).toFixed(1)}×   (targets: ≥ 20,000 relations/s batched → ` +
        `${batchedRate >= 20_000 ? 'met' : 'MISSED'}; ≥ 10× naive → ${batchedRate / naiveRate >= 10 ? 'met' : 'MISSED'})`,
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
