// `npm run bench syntax`: tag + parse throughput (tokens/s, KB/s, one core) of each language's shipped syntax model on
// dev/fixture articles, next to the rules-only pipeline on the same articles in the same run; peak RSS with both loaded.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../src/ingest/index.js';
import { clean } from '../src/ingest/stages/01-clean.js';
import { segment } from '../src/ingest/stages/02-segment.js';
import { loadSyntaxModel } from '../src/ingest/syntax/load.js';
import { sentenceWords } from '../src/ingest/syntax/word-map.js';
import type { SyntaxInput } from '../src/ingest/syntax/types.js';
import type { RawDocument } from '../src/ingest/types.js';

const TARGET_KB = Number(process.env.BENCH_KB ?? 2048);
const TARGET_TOKENS_PER_S = 30_000;

/** Articles by the language their file name declares (NAME.de.txt / NAME.en.txt). */
function articles(lang: 'de' | 'en'): string[] {
  const dirs = ['../shared/eval/dev/articles', 'tests/fixtures/devtexts/articles', 'tests/fixtures/heldout2/articles'];
  const out: string[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith(`.${lang}.txt`)) out.push(readFileSync(join(d, f), 'utf8'));
  }
  return out;
}

/** CPU time of this process (user + system): the machine is shared, wall time would measure the neighbours. */
function cpuSeconds(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

const models = { de: loadSyntaxModel('de'), en: loadSyntaxModel('en') };
const rssLoaded = process.memoryUsage().rss / 1048576;
console.log(`both syntax models loaded: RSS ${rssLoaded.toFixed(0)} MB`);

let slowest = Infinity;
for (const lang of ['de', 'en'] as const) {
  const texts = articles(lang);
  if (!texts.length) {
    console.log(`${lang}: no articles found, skipped`);
    continue;
  }
  // The article set repeated up to the target size; sentences are mapped to UD words outside the timed part.
  const docs: RawDocument[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_KB * 1024; i++) {
    const text = texts[i % texts.length]!;
    docs.push({ source: `bench-${lang}-${i}.txt`, text, format: 'text' });
    bytes += Buffer.byteLength(text);
  }
  const sentences: SyntaxInput[][] = [];
  for (const d of docs)
    for (const s of segment(clean(d, { lang })).sentences)
      sentences.push(sentenceWords(s, lang).map((w) => ({ form: w.form })));
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  const model = models[lang];
  for (const s of sentences.slice(0, 200)) model.analyse(s); // warm-up: JIT
  const tSyntax = cpuSeconds(() => {
    for (const s of sentences) model.analyse(s);
  });
  extractDocument(docs[0]!, { parse: false });
  const tRules = cpuSeconds(() => {
    for (const d of docs) extractDocument(d, { parse: false });
  });
  const kb = bytes / 1024;
  const tps = tokens / tSyntax;
  slowest = Math.min(slowest, tps);
  console.log(
    `${lang}: ${docs.length} docs, ${kb.toFixed(0)} KB, ${sentences.length} sentences, ${tokens} tokens\n` +
      `  tag + parse        cpu ${tSyntax.toFixed(2).padStart(6)} s  ${Math.round(tps).toString().padStart(7)} tokens/s  ${(kb / tSyntax).toFixed(0).padStart(5)} KB/s\n` +
      `  rules-only extract cpu ${tRules.toFixed(2).padStart(6)} s  ${Math.round(tokens / tRules)
        .toString()
        .padStart(7)} tokens/s  ${(kb / tRules).toFixed(0).padStart(5)} KB/s`,
  );
}

const peak = process.resourceUsage().maxRSS / 1024;
console.log(`peak RSS ${peak.toFixed(0)} MB with both models loaded (issue 8 target ≤ 500 MB)`);
console.log(
  `RESULT syntax ${Math.round(slowest)} tokens/s per core, slower language (target ≥ ${TARGET_TOKENS_PER_S}): ` +
    `${slowest >= TARGET_TOKENS_PER_S && peak <= 500 ? 'OK' : 'BELOW TARGET'}`,
);
