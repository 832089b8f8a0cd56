// Scores a SyntaxModel on CoNLL-U with gold tokens: UPOS, UAS, LAS (punctuation included, as the CoNLL 2018 scorer),
// and Case / Number accuracy. Run directly: tsx src/ingest/syntax/evaluate.ts --lang de FILE_OR_DIR...
/* eslint-disable @typescript-eslint/no-unused-expressions -- hot loops use `c ? a++ : b++` on typed arrays on purpose */

import { fileURLToPath } from 'node:url';
import { wordsOf, type ConlluSentence } from './conllu.js';
import { loadSyntaxModel, DEFAULT_MODEL_DIR } from './load.js';
import { readConlluPath } from './treebank.js';
import type { SyntaxModel } from './types.js';

export interface SyntaxScores {
  sentences: number;
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** Case value (or its absence) right, over all words; and over the words whose gold FEATS have a Case. */
  caseAll: number;
  caseCased: number;
  numberAll: number;
  numberMarked: number;
  /** Words per second of analyse() alone (tagging + parsing). */
  wordsPerSecond: number;
}

function feature(feats: string, name: string): string {
  for (const f of feats.split('|')) if (f.startsWith(name + '=')) return f.slice(name.length + 1);
  return '';
}

/** Deprel comparison as the CoNLL 2018 scorer's LAS: universal part and subtype both count. */
export function evaluateModel(model: SyntaxModel, sentences: readonly ConlluSentence[]): SyntaxScores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  const c = { all: 0, cased: 0, casedN: 0, num: 0, numMarked: 0, numN: 0 };
  let elapsed = 0;
  for (const s of sentences) {
    const gold = wordsOf(s);
    const t0 = performance.now();
    const r = model.analyse(gold.map((w) => ({ form: w.form })));
    elapsed += performance.now() - t0;
    gold.forEach((g, i) => {
      words++;
      if (r.upos[i] === g.upos) upos++;
      if (r.head[i] === g.headIndex) {
        uas++;
        if (r.deprel[i] === g.deprel) las++;
      }
      const gc = feature(g.feats, 'Case');
      const pc = feature(r.feats[i] ?? '_', 'Case');
      if (gc === pc) c.all++;
      if (gc) ((c.casedN += 1), (c.cased += gc === pc ? 1 : 0));
      const gn = feature(g.feats, 'Number');
      const pn = feature(r.feats[i] ?? '_', 'Number');
      if (gn === pn) c.num++;
      if (gn) ((c.numN += 1), (c.numMarked += gn === pn ? 1 : 0));
    });
  }
  const w = Math.max(1, words);
  return {
    sentences: sentences.length,
    words,
    upos: upos / w,
    uas: uas / w,
    las: las / w,
    caseAll: c.all / w,
    caseCased: c.cased / Math.max(1, c.casedN),
    numberAll: c.num / w,
    numberMarked: c.numMarked / Math.max(1, c.numN),
    wordsPerSecond: elapsed > 0 ? words / (elapsed / 1000) : 0,
  };
}

export function formatScores(s: SyntaxScores, withMorph: boolean): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  let line = `${s.words} words: UPOS ${pct(s.upos)}  UAS ${pct(s.uas)}  LAS ${pct(s.las)}`;
  if (withMorph) line += `  Case ${pct(s.caseAll)} (cased words ${pct(s.caseCased)})  Number ${pct(s.numberAll)}`;
  return `${line}  (${Math.round(s.wordsPerSecond)} words/s)`;
}

function main(argv: string[]): number {
  const langAt = argv.indexOf('--lang');
  const lang = langAt >= 0 ? argv[langAt + 1] : undefined;
  const dirAt = argv.indexOf('--models');
  const dir = dirAt >= 0 ? argv[dirAt + 1]! : DEFAULT_MODEL_DIR;
  const files = argv.filter((a, i) => !a.startsWith('--') && i !== langAt + 1 && i !== dirAt + 1);
  if ((lang !== 'de' && lang !== 'en') || files.length === 0 || argv.includes('--help')) {
    console.error('usage: tsx src/ingest/syntax/evaluate.ts --lang de|en [--models DIR] FILE_OR_DIR...');
    return argv.includes('--help') ? 0 : 2;
  }
  const model = loadSyntaxModel(lang, dir);
  for (const f of files) console.log(`${f}: ${formatScores(evaluateModel(model, readConlluPath(f)), lang === 'de')}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
