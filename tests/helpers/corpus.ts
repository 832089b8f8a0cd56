// A small generated corpus for the scale tests: dev and fixture articles with shuffled paragraphs, extracted the way
// `geokg ingest` extracts them. Varied documents sharing many entities, so concurrent writers really contend.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDocument } from '../../src/ingest/types.js';
import type { DocumentExtraction } from '../../src/model.js';
import { loadExtractor } from '../../src/store/ingest-files.js';

const DIRS = ['data/sample', 'tests/fixtures/devtexts/articles', '../shared/eval/dev/articles'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** `count` articles built from the dev texts (paragraphs shuffled, deterministic). */
export function generatedArticles(count: number, seed = 7): RawDocument[] {
  const texts: string[] = [];
  for (const d of DIRS)
    if (existsSync(d))
      for (const f of readdirSync(d)
        .filter((f) => f.endsWith('.txt'))
        .sort())
        texts.push(readFileSync(join(d, f), 'utf8'));
  const rand = rng(seed);
  const out: RawDocument[] = [];
  for (let i = 0; i < count; i++) {
    const paras = texts[i % texts.length]!.split(/\n\s*\n/);
    for (let k = paras.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [paras[k], paras[j]] = [paras[j]!, paras[k]!];
    }
    out.push({ source: `generated-${i}.txt`, text: paras.join('\n\n'), format: 'text' });
  }
  return out;
}

export async function extractedCorpus(count: number, seed = 7): Promise<DocumentExtraction[]> {
  const extract = await loadExtractor();
  return Promise.all(generatedArticles(count, seed).map((d) => extract(d, { lang: 'auto' })));
}
