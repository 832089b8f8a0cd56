// Stage 2 (pure): cleaned text → sentences with word tokens, every span a character offset into the cleaned text.
// A single Unicode regex tokenizer (no Intl.Segmenter word mode, which is ~40x slower) plus abbreviation rules.

import type { CleanedDoc, SegmentedDoc, Sentence, Token } from '../types.js';
import { ABBREVIATIONS } from '../lexicon.js';

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}\u00AD]+|[^\s\p{L}\p{M}\p{N}\u00AD]/gu;
const UPPER_RE = /^\p{Lu}/u;
const NUM_RE = /^\p{N}+$/u;
const WORDCHAR_RE = /[\p{L}\p{N}]/u;
const OPENERS = new Set(['„', '“', '"', '«', '»', '‚', "'", '(', '[', '‹', '›', '—', '–', '-']);
const CLOSERS = new Set(['“', '”', '"', '»', '«', "'", '’', ')', ']', '‘', '›', '‹']);
const TERMINALS = new Set(['.', '!', '?', '…']);
const ORDINAL_BEFORE = /^(als|zum|zur|am|im|vom|beim|der|die|das|dem|den|des|seinem|seinen|ihrem|ihren|einem|einer)$/u;
const MONTHS = new Set([
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
  'jan',
  'feb',
  'mär',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez',
]);

/** Tokens of a text span; intra-word hyphens are folded into the `hyphen` flag of the following token. */
const isUpper = (c: number, s: string) => (c >= 65 && c <= 90) || (c > 127 && UPPER_RE.test(s));
const isWordStart = (c: number, s: string) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORDCHAR_RE.test(s));

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const re = TOKEN_RE;
  re.lastIndex = offset;
  let m: RegExpExecArray | null;
  let pendingHyphen = false;
  let prevEnd = -1;
  while ((m = re.exec(text)) && m.index < end) {
    const s = m[0];
    const start = m.index;
    const stop = start + s.length;
    if ((s === '-' || s === '‑') && start === prevEnd && stop < text.length && !/\s/.test(text[stop]!)) {
      pendingHyphen = true;
      prevEnd = stop;
      continue;
    }
    const c0 = s.charCodeAt(0);
    const word = isWordStart(c0, s) || (s.length > 1 && WORDCHAR_RE.test(s));
    const lower = word ? s.toLowerCase() : s;
    const norm = word && lower.includes('\u00AD') ? lower.replace(/\u00AD/g, '') : lower;
    out.push({
      text: s,
      norm,
      start,
      end: stop,
      kind: word ? (c0 >= 48 && c0 <= 57 && NUM_RE.test(s) ? 'num' : 'word') : 'punct',
      cap: isUpper(c0, s),
      hyphen: pendingHyphen,
      glued: start === prevEnd,
    });
    pendingHyphen = false;
    prevEnd = stop;
  }
  return out;
}

function isBoundary(tokens: Token[], i: number): number {
  // Returns the index of the last token of the sentence when tokens[i] ends one, else -1.
  const t = tokens[i]!;
  if (!TERMINALS.has(t.text)) return -1;
  let j = i;
  while (
    j + 1 < tokens.length &&
    (TERMINALS.has(tokens[j + 1]!.text) || CLOSERS.has(tokens[j + 1]!.text)) &&
    tokens[j + 1]!.glued
  )
    j++;
  const next = tokens[j + 1];
  if (!next) return j;
  if (next.glued) return -1;
  if (t.text === '.') {
    const prev = tokens[i - 1];
    if (prev && t.glued) {
      if (prev.kind === 'word' && ABBREVIATIONS.has(prev.norm)) return -1;
      if (prev.kind === 'word' && prev.text.length === 1 && prev.cap) return -1;
      if (prev.kind === 'num' && (MONTHS.has(next.norm) || !next.cap)) return -1;
      // "als 31. Mitglied", "zum 3. Mal", "am 24. Jahrestag": a short number after an ordinal-taking word.
      const before = tokens[i - 2];
      if (prev.kind === 'num' && prev.text.length <= 3 && before && ORDINAL_BEFORE.test(before.norm)) return -1;
    }
  }
  if (next.cap || next.kind === 'num' || OPENERS.has(next.text)) return j;
  return -1;
}

/** Sentences of the cleaned text; line breaks always end a sentence (the cleaner joined wrapped lines). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const tokens = tokenize(text, lineStart, lineEnd);
    let first = 0;
    for (let i = 0; i < tokens.length; i++) {
      const last = isBoundary(tokens, i);
      if (last < 0 && i < tokens.length - 1) continue;
      const end = last < 0 ? tokens.length - 1 : last;
      const toks = tokens.slice(first, end + 1);
      if (toks.length) {
        const start = toks[0]!.start;
        const stop = toks[toks.length - 1]!.end;
        sentences.push({ index: sentences.length, start, end: stop, text: text.slice(start, stop), tokens: toks });
      }
      first = end + 1;
      i = end;
    }
    lineStart = lineEnd + 1;
  }
  return sentences;
}

export function segment(doc: CleanedDoc): SegmentedDoc {
  return { ...doc, sentences: splitSentences(doc.text) };
}
