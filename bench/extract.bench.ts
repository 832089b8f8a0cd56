// `npm run bench extract`: extraction MB/s, docs/s and peak memory on a ≥ 20 MB corpus of shuffled dev articles,
// against same-run baselines: the clean stage, Intl.Segmenter and the rules-only pipeline (no parse stage).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../src/ingest/index.js';
import { GAZETTEER_DIR, loadGazetteerFrom } from '../src/ingest/gazetteer/index.js';
import { clean } from '../src/ingest/stages/01-clean.js';
import type { RawDocument } from '../src/ingest/types.js';

const TARGET_MB = Number(process.env.BENCH_MB ?? 20);

function sources(): string[] {
  const dirs = ['data/sample', '../shared/eval/dev/articles', 'tests/fixtures/devtexts/articles'];
  const out: string[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((f) => f.endsWith('.txt'))) out.push(readFileSync(join(d, f), 'utf8'));
  }
  return out;
}

/** Deterministic PRNG so every run extracts the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function buildCorpus(): RawDocument[] {
  const texts = sources();
  if (!texts.length) throw new Error('no source texts found for the benchmark corpus');
  const rand = rng(42);
  const docs: RawDocument[] = [];
  let bytes = 0;
  while (bytes < TARGET_MB * 1024 * 1024) {
    const base = texts[Math.floor(rand() * texts.length)]!;
    const paras = base.split(/\n\s*\n/);
    for (let i = paras.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [paras[i], paras[j]] = [paras[j]!, paras[i]!];
    }
    const text = paras.join('\n\n');
    docs.push({ source: `bench-${docs.length}.txt`, text, format: 'text' });
    bytes += Buffer.byteLength(text);
  }
  return docs;
}

const docs = buildCorpus();
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1024 / 1024;
console.log(`corpus: ${docs.length} documents, ${mb.toFixed(1)} MB (repeated and shuffled dev/fixture articles)`);

/** Times fn by the CPU time of this process (user+system): the machine is shared, wall time would measure the neighbours. */
function time(label: string, fn: () => number): number {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const n = fn();
  const c = process.cpuUsage(c0);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const s = (c.user + c.system) / 1e6;
  console.log(
    `${label.padEnd(34)} cpu ${s.toFixed(2).padStart(6)} s  ${(mb / s).toFixed(2).padStart(6)} MB/s  ${(docs.length / s).toFixed(0).padStart(6)} docs/s  (wall ${wall.toFixed(1)} s, ${n} items)`,
  );
  return s;
}

// Baselines first (cheap): the clean stage alone, and Intl.Segmenter sentence splitting alone.
const tClean = time('baseline: 01-clean only', () => docs.reduce((n, d) => n + clean(d).text.length, 0));
const seg = new Intl.Segmenter('de', { granularity: 'sentence' });
const tSeg = time('baseline: Intl.Segmenter sentences', () =>
  docs.reduce((n, d) => n + [...seg.segment(d.text)].length, 0),
);
extractDocument(docs[0]!); // warm-up: lexicons, gazetteer, JIT
const tRules = time('geokg rules only (no parse stage)', () =>
  docs.reduce((n, d) => n + extractDocument(d, { parse: false }).relations.length, 0),
);
const tFull = time('geokg extractDocument (full, parsed)', () =>
  docs.reduce((n, d) => n + extractDocument(d).relations.length, 0),
);

const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `peak RSS ${rssMb.toFixed(0)} MB; heap used now ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
);
console.log(
  `ratio full/clean-only time ${(tFull / tClean).toFixed(1)}x; full/Intl.Segmenter time ${(tFull / tSeg).toFixed(1)}x`,
);
console.log(`ratio full/rules-only time ${(tFull / tRules).toFixed(1)}x (the syntax stage and the parse rules)`);
const mbps = mb / tFull;
console.log(
  `RESULT extract ${mbps.toFixed(2)} MB/s end to end, parsed (issue 9 target ≥ 0.5 MB/s per core): ` +
    `${mbps >= 0.5 ? 'OK' : 'BELOW TARGET'}; rules only ${(mb / tRules).toFixed(2)} MB/s`,
);

// Start-up cost a user pays once per process: loading the gazetteer, against reading its files raw.
const cpu = (fn: () => void): number => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e3;
};
const gazFiles = readdirSync(GAZETTEER_DIR).filter((f) => f.endsWith('.tsv'));
const LOADS = 5;
const msRead = cpu(() => {
  for (let k = 0; k < LOADS; k++) for (const f of gazFiles) readFileSync(join(GAZETTEER_DIR, f), 'utf8');
});
const msGaz = cpu(() => {
  for (let k = 0; k < LOADS; k++) loadGazetteerFrom(GAZETTEER_DIR);
});
console.log(
  `gazetteer load: cpu ${(msGaz / LOADS).toFixed(0)} ms per load (${LOADS} loads); ratio load/raw read of its TSVs ${(msGaz / msRead).toFixed(0)}x`,
);
