// Embedded store benchmark (`npm run bench embedded`): documents/s written at 1k and 10k stored documents, the
// journal (one appended line per document) against the old design, a whole-file rewrite per batch, in the same run.

import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareDocument, type PreparedDocument } from '../src/store/common.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { syntheticDoc } from '../tests/store/fixtures.js';

const SIZES = (process.env.BENCH_EMBEDDED_SIZES ?? '1000,10000').split(',').map(Number);
/** Documents timed at each size, in batches of BATCH (what `geokg ingest` writes per store call). */
const TIMED = Number(process.env.BENCH_EMBEDDED_TIMED ?? 200);
const BATCH = 25;
const RELATIONS = 20;
const POOL = 5_000;

const log = (s: string) => process.stdout.write(`${s}\n`);
const doc = (i: number) => syntheticDoc(i, RELATIONS, POOL);

/** What the embedded store did per batch before the journal: serialise every document, fsync, rename. */
async function rewriteWhole(file: string, documents: PreparedDocument[]): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify({ format: 'geokg-embedded-store', version: 1, documents }));
  const fd = openSync(tmp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  await rename(tmp, file);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-bench-embedded-'));
  const store = new EmbeddedStore({ home: path.join(dir, 'store') });
  // The baseline keeps its own copy of the prepared documents: the same bytes the old store rewrote each batch.
  const prepared: PreparedDocument[] = [];
  let next = 0;
  const fill = async (upTo: number) => {
    for (; next < upTo; next += 500) {
      const docs = Array.from({ length: Math.min(500, upTo - next) }, (_, k) => doc(next + k));
      await store.ingestMany(docs);
      for (const d of docs) prepared.push(prepareDocument(d));
    }
    next = upTo;
  };
  try {
    log(`documents: synthetic, ${RELATIONS} relations each over ${POOL} entities; batches of ${BATCH}`);
    const rows: string[] = [];
    for (const size of SIZES) {
      await fill(size);
      // Journal: the store's real write path.
      let t = performance.now();
      for (let i = 0; i < TIMED; i += BATCH) {
        const docs = Array.from({ length: BATCH }, (_, k) => doc(next + i + k));
        await store.ingestMany(docs);
      }
      const journalRate = TIMED / ((performance.now() - t) / 1000);
      for (let i = 0; i < TIMED; i++) prepared.push(prepareDocument(doc(next + i)));
      next += TIMED;
      // Baseline: the same in-memory work plus one whole-file rewrite per batch (the pre-journal persist).
      const baselineFile = path.join(dir, 'baseline.json');
      t = performance.now();
      for (let i = 0; i < TIMED; i += BATCH) {
        const docs = Array.from({ length: BATCH }, (_, k) => doc(next + i + k));
        await store.ingestMany(docs);
        for (const d of docs) prepared.push(prepareDocument(d));
        await rewriteWhole(baselineFile, prepared);
      }
      const baselineRate = TIMED / ((performance.now() - t) / 1000);
      next += TIMED;
      const stats = await store.stats();
      rows.push(
        `at ${size.toLocaleString('en-US')} stored documents: journal ${journalRate.toFixed(0)} documents/s, ` +
          `whole-file rewrite ${baselineRate.toFixed(0)} documents/s, ratio ${(journalRate / baselineRate).toFixed(1)}×` +
          ` (store now ${stats.documents} documents, ${stats.relations} relations)`,
      );
      log(rows.at(-1)!);
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench embedded: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
