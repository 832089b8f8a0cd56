// A hand-written or re-annotated CoNLL-U sentence as a SentenceParse aligned to the project's tokens: how the rules
// are tested on exact trees, and how parses from another tool can be fed to them.

import { readConllu, wordsOf } from '../../syntax/conllu.js';
import type { Sentence } from '../../types.js';
import type { ParsedWord, SentenceParse } from './types.js';

export class ConlluAlignmentError extends Error {
  constructor(message: string) {
    super(`conllu-parse: ${message}`);
    this.name = 'ConlluAlignmentError';
  }
}

/**
 * Aligns each CoNLL-U word to the project tokens by characters: a word covers the tokens its characters fall in
 * (so "US-Präsident" may be one word or three, "zum" one token for "zu" + "dem"). Multiword-token lines give the
 * characters of their parts.
 */
export function parseFromConllu(sentence: Sentence, conllu: string): SentenceParse {
  const [s] = readConllu(conllu);
  if (!s) throw new ConlluAlignmentError('no sentence in the CoNLL-U text');
  const words = wordsOf(s);
  const ranges = new Map<number, [number, number]>();
  for (const r of s.rows) {
    const m = /^(\d+)-(\d+)$/.exec(r.id);
    if (m) for (let k = +m[1]!; k <= +m[2]!; k++) ranges.set(k, [+m[1]!, +m[2]!]);
  }
  const text = sentence.text;
  const toks = sentence.tokens;
  let pos = 0;
  const charSpan = new Map<number, [number, number]>();
  const surface = (form: string) => {
    const at = text.indexOf(form, pos);
    if (at < 0) throw new ConlluAlignmentError(`"${form}" not found in "${text}" after offset ${pos}`);
    pos = at + form.length;
    return [sentence.start + at, sentence.start + at + form.length] as [number, number];
  };
  for (const r of s.rows) {
    const m = /^(\d+)-(\d+)$/.exec(r.id);
    if (m) {
      const span = surface(r.form);
      for (let k = +m[1]!; k <= +m[2]!; k++) charSpan.set(k, span);
    } else if (/^\d+$/.test(r.id) && !ranges.has(+r.id)) charSpan.set(+r.id, surface(r.form));
  }
  const out: ParsedWord[] = words.map((w) => {
    const [a, b] = charSpan.get(w.index)!;
    let tokStart = toks.findIndex((t) => t.end > a);
    let tokEnd = toks.findIndex((t) => t.start >= b);
    if (tokStart < 0) tokStart = toks.length - 1;
    if (tokEnd < 0) tokEnd = toks.length;
    if (tokEnd <= tokStart) tokEnd = tokStart + 1;
    return { form: w.form, upos: w.upos, feats: w.feats, head: w.headIndex, deprel: w.deprel, tokStart, tokEnd };
  });
  return { words: out };
}
