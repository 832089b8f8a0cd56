// Maps the project's tokens (stage 02) to the syntactic words of Universal Dependencies that the parser was trained on,
// each word keeping its token range and character offsets so that a parse can always be read back onto the text.

/**
 * How geokg tokens become UD words (decided by counting in the treebanks under ../shared/treebanks):
 *
 * - German contractions ("zum", "im", "beim", …; data/lexicons/contractions.json): two words ("zu" + "dem"), one
 *   UD multiword token; both words span the whole token, since "dem" is not a substring of "zum". GSD and PUD
 *   annotate every occurrence this way.
 * - Hyphen-joined tokens (our tokenizer drops the hyphen and flags the next token): three words, "US" "-"
 *   "Präsident", the "-" word spanning the hyphen character and sharing the token range of the token after it.
 *   GSD and PUD split every hyphenated compound like this (1 of ~430 compounds kept as one word), and so do EWT
 *   and GUM ("well" "-" "known"), except after a fixed set of English prefixes ("non-binding", "co-operate",
 *   data/lexicons/hyphen-prefixes.json), which stay one word there and here.
 * - English clitics our tokenizer splits at the apostrophe ("Russia" "'" "s", "don" "'" "t", also "’"): "Russia" +
 *   "'s", "do" + "n't" (the "n" moves, as in EWT's "ca n't", "wo n't"); "cannot" → "can" + "not". EWT and GUM
 *   annotate these as multiword tokens; here every part keeps its exact substring offsets.
 * - Glued number groups ("1,5", "2.000", "11.9.2015", "10:30", "9/11") are one word, as in all four treebanks; in
 *   German a number with a glued period inside the sentence is an ordinal ("am 24. Februar") and takes the period,
 *   as GSD does ("24."). Abbreviations keep their period ("Dr.", "bzw.", "z." "B."; "U.S." is already one token),
 *   except at the end of a sentence, where the period is the sentence's punctuation. A run of periods is one word.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABBREVIATIONS } from '../lexicon.js';
import type { Sentence, SyntaxWord, Token } from '../types.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'lexicons');
const contractions = JSON.parse(readFileSync(join(DATA, 'contractions.json'), 'utf8')) as {
  de: Record<string, [string, string]>;
  en: Record<string, [string, string]>;
  en_clitics: string[];
};
const prefixes = JSON.parse(readFileSync(join(DATA, 'hyphen-prefixes.json'), 'utf8')) as { en: string[] };

const CONTRACTIONS = { de: new Map(Object.entries(contractions.de)), en: new Map(Object.entries(contractions.en)) };
const CLITICS = new Set(contractions.en_clitics);
const EN_PREFIXES = new Set(prefixes.en);
const APOSTROPHES = new Set(["'", '’']);
const NUMBER_GLUE = new Set([',', '.', ':', '/']);

type Push = (form: string, tokStart: number, tokEnd: number, start: number, end: number) => void;
type PushMwt = (parts: Array<[string, number, number]>, tokStart: number, tokEnd: number) => void;

/** The form the parser sees: soft hyphens removed (the treebanks have none), offsets still cover them. */
const formOf = (s: string) => (s.includes('\u00AD') ? s.replace(/\u00AD/g, '') : s);

/** "Zum" → "Zu" "dem": the first part keeps the token's capital, as in the treebanks. */
const capitalise = (form: string) => form.charAt(0).toUpperCase() + form.slice(1);

/** The original text of tokens [i, j) as written (they are glued, so this is their concatenation). */
const textOf = (tokens: readonly Token[], i: number, j: number) =>
  tokens
    .slice(i, j)
    .map((t) => t.text)
    .join('');

/** Index after the glued number group starting at token i ("2" "." "000" → one word), or i + 1. */
function numberGroupEnd(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  while (
    j + 1 < tokens.length &&
    NUMBER_GLUE.has(tokens[j]!.text) &&
    tokens[j]!.glued &&
    tokens[j + 1]!.kind === 'num' &&
    tokens[j + 1]!.glued &&
    !tokens[j + 1]!.hyphen
  )
    j += 2;
  return j;
}

/** True when token j is a period glued to the word before it and not the sentence's last token. */
const innerPeriod = (tokens: readonly Token[], j: number) =>
  j < tokens.length - 1 && tokens[j]!.text === '.' && tokens[j]!.glued && !tokens[j]!.hyphen;

/** Words for one sentence: in text order, every token covered by at least one word, no word without a token. */
export function sentenceWords(sentence: Sentence, lang: 'de' | 'en'): SyntaxWord[] {
  const tokens = sentence.tokens;
  const words: SyntaxWord[] = [];
  const push: Push = (form, tokStart, tokEnd, start, end) => words.push({ form, tokStart, tokEnd, start, end });
  const pushMwt: PushMwt = (parts, tokStart, tokEnd) => {
    const range: [number, number] = [words.length, words.length + parts.length - 1];
    for (const [form, start, end] of parts) words.push({ form, tokStart, tokEnd, start, end, mwt: range });
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A hyphen before the sentence's first token lies outside the sentence text: it gets no word.
    if (t.hyphen && i > 0) {
      const prev = words[words.length - 1];
      const joinable =
        lang === 'en' &&
        prev !== undefined &&
        prev.mwt === undefined &&
        prev.tokStart === i - 1 &&
        prev.tokEnd === i &&
        !tokens[i - 1]!.hyphen &&
        EN_PREFIXES.has(prev.form.toLowerCase()) &&
        t.kind === 'word';
      if (joinable) {
        prev.form = formOf(`${prev.form}-${t.text}`);
        prev.tokEnd = i + 1;
        prev.end = t.end;
        i++;
        continue;
      }
      push('-', i, i + 1, t.start - 1, t.start);
      const hyphen = words[words.length - 1]!;
      i = wordsAt(tokens, i, lang, push, pushMwt);
      // The hyphen shares the token range of the word after it, which may span several tokens ("US-2.000").
      hyphen.tokEnd = words[words.length - 1]!.tokEnd;
      continue;
    }
    i = wordsAt(tokens, i, lang, push, pushMwt);
  }
  return words;
}

/** Emits the word(s) beginning at token i (the hyphen before it already handled); returns the next token index. */
function wordsAt(tokens: readonly Token[], i: number, lang: 'de' | 'en', push: Push, pushMwt: PushMwt): number {
  const t = tokens[i]!;
  if (t.kind === 'num') {
    let j = numberGroupEnd(tokens, i);
    if (lang === 'de' && innerPeriod(tokens, j)) j++;
    push(formOf(textOf(tokens, i, j)), i, j, t.start, tokens[j - 1]!.end);
    return j;
  }
  if (t.text === '.') {
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.text === '.' && tokens[j]!.glued && !tokens[j]!.hyphen) j++;
    push('.'.repeat(j - i), i, j, t.start, tokens[j - 1]!.end);
    return j;
  }
  if (t.kind !== 'word') {
    push(t.text, i, i + 1, t.start, t.end);
    return i + 1;
  }
  const split = CONTRACTIONS[lang].get(t.norm);
  if (split && lang === 'en' && split.join('') === t.norm) {
    // "cannot" → "can" + "not": both parts are substrings, so they keep exact offsets.
    const cut = t.start + split[0].length;
    const parts: Array<[string, number, number]> = [
      [t.text.slice(0, split[0].length), t.start, cut],
      [t.text.slice(split[0].length), cut, t.end],
    ];
    pushMwt(parts, i, i + 1);
    return i + 1;
  }
  if (split) {
    pushMwt(
      split.map((f, k): [string, number, number] => [k === 0 && t.cap ? capitalise(f) : f, t.start, t.end]),
      i,
      i + 1,
    );
    return i + 1;
  }
  if (lang === 'en') {
    const next = cliticAt(tokens, i, pushMwt);
    if (next) return next;
  }
  if (innerPeriod(tokens, i + 1) && (ABBREVIATIONS.has(t.norm) || (t.text.length === 1 && t.cap))) {
    push(formOf(t.text) + '.', i, i + 2, t.start, tokens[i + 1]!.end);
    return i + 2;
  }
  push(formOf(t.text), i, i + 1, t.start, t.end);
  return i + 1;
}

/** Emits "Russia" + "'s" or "do" + "n't" when token i starts a clitic group ("Russia" "'" "s"); returns the next
 * token index, or 0 when it does not ("O'Neill", "rock'n'roll"). */
function cliticAt(tokens: readonly Token[], i: number, pushMwt: PushMwt): number {
  const t = tokens[i]!;
  const apo = tokens[i + 1];
  const cl = tokens[i + 2];
  if (!apo || !cl || !APOSTROPHES.has(apo.text) || !apo.glued || !cl.glued || cl.hyphen) return 0;
  if (cl.kind !== 'word' || !CLITICS.has(cl.norm)) return 0;
  const after = tokens[i + 3];
  if (after && after.glued && after.kind === 'word') return 0;
  if (cl.norm === 't') {
    // "don't" → "do" + "n't", "can't" → "ca" + "n't": only after a word ending in n.
    if (!t.norm.endsWith('n') || t.text.length < 2) return 0;
    const cut = t.end - 1;
    const parts: Array<[string, number, number]> = [
      [t.text.slice(0, -1), t.start, cut],
      [`${t.text.slice(-1)}${apo.text}${cl.text}`, cut, cl.end],
    ];
    pushMwt(parts, i, i + 3);
    return i + 3;
  }
  const parts: Array<[string, number, number]> = [
    [formOf(t.text), t.start, t.end],
    [`${apo.text}${cl.text}`, apo.start, cl.end],
  ];
  pushMwt(parts, i, i + 3);
  return i + 3;
}
