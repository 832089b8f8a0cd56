// Per-word hashed properties (form, lowercase, affixes, shape, flags, gazetteer type), computed once per sentence.
// Tagger, morphology, parser and labeller all combine these numbers, so no feature string is built in the hot loops.

import * as hash from './hash.js';
import type { SyntaxInput } from './types.js';

const { hashRange, hashString } = hash;

export interface WordInfo {
  n: number;
  form: Int32Array;
  lower: Int32Array;
  /** pre[k*n+i]: prefix of length k+1 of the lowercase word (k = 0..3); suf likewise for lengths 1..5. */
  pre: Int32Array;
  suf: Int32Array;
  shape: Int32Array;
  flags: Int32Array;
  gaz: Int32Array;
  /** Lowercase strings, kept for the tag dictionary and the morphology's context words. */
  lowerText: string[];
  formText: string[];
}

export const FLAG_FIRST = 1;
const FLAG_CAP = 2;
const FLAG_ALLCAPS = 4;
const FLAG_DIGIT = 8;
const FLAG_HYPHEN = 16;
const FLAG_NOLETTER = 32;

const NO_GAZ = hashString('<no-gaz>');
const LETTER = /\p{L}/u;

function charClass(code: number, ch: string): number {
  if (code >= 48 && code <= 57) return 100;
  if (ch !== ch.toLowerCase()) return 101;
  if (ch !== ch.toUpperCase()) return 102;
  return code;
}

/** Word shape with runs collapsed ("Xx", "d.d", "xx-Xx"), capped at 8 classes so long words share shapes. */
function shapeHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  let prev = -1;
  let len = 0;
  for (let i = 0; i < s.length && len < 8; i++) {
    const c = charClass(s.charCodeAt(i), s[i]!);
    if (c === prev) continue;
    prev = c;
    len++;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return hashString('', h);
}

function flagsOf(form: string, first: boolean): number {
  let f = first ? FLAG_FIRST : 0;
  const c0 = form[0] ?? '';
  if (c0 !== c0.toLowerCase()) f |= FLAG_CAP;
  if (form.length > 1 && form === form.toUpperCase() && form !== form.toLowerCase()) f |= FLAG_ALLCAPS;
  if (/[0-9]/.test(form)) f |= FLAG_DIGIT;
  if (form.includes('-')) f |= FLAG_HYPHEN;
  if (!LETTER.test(form)) f |= FLAG_NOLETTER;
  return f;
}

/** An English form that may be a past participle by its ending ("backed", "driven", "made", "built"): the second part
 * of a hyphened compound such as "Iran-backed", "US-made" (the rules and the parse repairs read them the same way). */
export function participleLike(form: string): boolean {
  return /(ed|en|de|t)$/iu.test(form);
}

/** Typographic quotes and dashes as their ASCII forms: treebanks and news disagree on them, their syntax does not. */
export function canonical(form: string): string {
  return form
    .replace(/[„“”«»‟″]/g, '"')
    .replace(/[‚‘’‛′]/g, "'")
    .replace(/[–—‒―]/g, '-');
}

/** Lowercase canonical form with digits mapped to 0, so that "1998" and "2003" share their lexical features. */
export function normalise(form: string): string {
  return canonical(form).toLowerCase().replace(/[0-9]/g, '0');
}

export function wordInfo(words: readonly SyntaxInput[]): WordInfo {
  const n = words.length;
  const info: WordInfo = {
    n,
    form: new Int32Array(n),
    lower: new Int32Array(n),
    pre: new Int32Array(4 * n),
    suf: new Int32Array(5 * n),
    shape: new Int32Array(n),
    flags: new Int32Array(n),
    gaz: new Int32Array(n),
    lowerText: new Array<string>(n),
    formText: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const form = canonical(w.form);
    const low = form.toLowerCase().replace(/[0-9]/g, '0');
    info.formText[i] = form;
    info.lowerText[i] = low;
    info.form[i] = hashString(form);
    info.lower[i] = hashString(low);
    for (let k = 0; k < 4; k++) info.pre[k * n + i] = hashRange(low, 0, Math.min(k + 1, low.length), 7 + k);
    for (let k = 0; k < 5; k++)
      info.suf[k * n + i] = hashRange(low, Math.max(0, low.length - k - 1), low.length, 17 + k);
    info.shape[i] = shapeHash(form);
    info.flags[i] = flagsOf(form, i === 0);
    info.gaz[i] = w.gazType ? hashString(w.gazType) : NO_GAZ;
  }
  return info;
}
