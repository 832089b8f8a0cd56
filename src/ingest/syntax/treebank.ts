// Reads UD treebanks (a .conllu file or a folder of them) into the training views tagger and parser need.
// Only syntactic words count (multiword ranges and empty nodes are skipped); FEATS is reduced to Case and Number.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConllu, wordsOf, type ConlluSentence } from './conllu.js';
import type { TaggedSentence } from './tagger-train.js';

export interface TreebankSentence extends TaggedSentence {
  /** CoNLL-U heads (1-based, 0 = root). */
  heads: number[];
  deprels: string[];
  /** Treebank-specific tags (PTB for English, STTS for German), the morphology channel's source for English. */
  xpos: string[];
}

/** All sentences of a file, or of every .conllu file in a folder in name order (deterministic). */
export function readConlluPath(path: string): ConlluSentence[] {
  if (!statSync(path).isDirectory()) return readConllu(readFileSync(path, 'utf8'));
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.conllu'))
    .sort();
  return files.flatMap((f) => readConllu(readFileSync(join(path, f), 'utf8')));
}

/** "Case=Dat|Gender=Masc|Number=Sing" → "Case=Dat|Number=Sing"; "_" when neither is present. */
export function caseNumber(feats: string): string {
  const keep = feats.split('|').filter((f) => f.startsWith('Case=') || f.startsWith('Number='));
  return keep.length ? keep.sort().join('|') : '_';
}

export function toTreebankSentence(s: ConlluSentence): TreebankSentence | undefined {
  const words = wordsOf(s);
  if (words.length === 0 || words.some((w) => w.headIndex < 0 || w.headIndex > words.length)) return undefined;
  return {
    words: words.map((w) => ({ form: w.form })),
    upos: words.map((w) => w.upos),
    morph: words.map((w) => caseNumber(w.feats)),
    heads: words.map((w) => w.headIndex),
    deprels: words.map((w) => w.deprel),
    xpos: words.map((w) => w.xpos),
  };
}

export function readTreebank(...paths: string[]): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  for (const p of paths)
    for (const s of readConlluPath(p)) {
      const t = toTreebankSentence(s);
      if (t) out.push(t);
    }
  return out;
}

export function tokenCount(sents: readonly { words: unknown[] }[]): number {
  return sents.reduce((n, s) => n + s.words.length, 0);
}
