// Stage 1 (pure): raw text or HTML → cleaned article text, title, publication date, language and document id.
// Page chrome goes by the named rules of data/lexicons/chrome-rules.json; prose is never lost to them (src/ingest/clean/).

import { documentIdOf } from '../clean/identity.js';
import type { Language } from '../../model.js';
import type { CleanedDoc, ExtractOptions, RawDocument } from '../types.js';
import { STOPWORDS } from '../lexicon.js';
import { htmlToText } from '../clean/html.js';
import { normaliseIsoDate, parseDate } from '../clean/dates.js';
import { CHROME_RULES, applyChrome, isProse, type ChromeResult } from '../clean/rules.js';
import { pickTitle } from '../clean/title.js';

export { htmlToText, type HtmlText } from '../clean/html.js';
export { parseDate } from '../clean/dates.js';

const TERMINAL_RE = /[.!?…:;][\s"'”“»«›‹)\]’]*$/u;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Counts runs of letters/digits with a char-code loop (a regex scan here was a tenth of the whole pipeline). */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

const STOPWORD_MAX_LEN = Math.max(0, ...[...STOPWORDS.de, ...STOPWORDS.en].map((w) => w.length));

/** German vs English by stopword counts; 'und' when neither has enough evidence. */
export function detectLanguage(text: string): { language: Language; de: number; en: number } {
  let de = 0,
    en = 0,
    words = 0;
  const sample = text.length > 8_000 ? text.slice(0, 8_000) : text;
  // match() yields the same words as an exec() loop without one match record per word.
  for (const word of sample.match(WORD_RE) ?? []) {
    words++;
    // Lower-casing never shortens a string, so a word longer than every stopword cannot be one: skip its copy.
    if (word.length > STOPWORD_MAX_LEN) continue;
    const w = word.toLowerCase();
    if (STOPWORDS.de.has(w)) de++;
    else if (STOPWORDS.en.has(w)) en++;
  }
  const hits = de + en;
  if (hits < 2 || hits / Math.max(words, 1) < 0.08) return { language: 'und', de, en };
  return { language: de >= en ? 'de' : 'en', de, en };
}

// Two alternations as a fast negative test: most paragraphs match no rule and skip the per-rule pass entirely. The
// rules anchored at the start are kept apart (the engine then tries them at position 0 only), and a leading \s* is
// dropped from the others: it cannot change whether a pattern matches somewhere, and it made every position costly.
const anyOf = (rules: typeof CHROME_RULES, source: (r: (typeof CHROME_RULES)[number]) => string) =>
  new RegExp(rules.map((r) => `(?:${source(r)})`).join('|') || '(?!)', 'iu');
const ANCHORED_CHROME_RE = anyOf(
  CHROME_RULES.filter((r) => r.re.source.startsWith('^')),
  (r) => r.re.source,
);
const INNER_CHROME_RE = anyOf(
  CHROME_RULES.filter((r) => !r.re.source.startsWith('^')),
  (r) => r.re.source.replace(/^\\s\*/, ''),
);
const NO_CHROME: ChromeResult = { text: '', removed: new Map(), datelines: [] };

/** True when some chrome rule matches the line (whether or not it would drop it). */
export function isChrome(line: string): boolean {
  return ANCHORED_CHROME_RE.test(line) || INNER_CHROME_RE.test(line);
}

interface Unit {
  /** The paragraph after stripping credits and link markers; empty when a rule dropped it. */
  text: string;
  /** Length of the paragraph as read. */
  rawLength: number;
  words: number;
  chrome: boolean;
  dropped: boolean;
  key: string;
  result: ChromeResult;
}

function makeUnit(p: string): Unit {
  const t = p.includes('  ') || p.includes('\t') ? p.replace(/[ \t]+/g, ' ') : p;
  const matched = isChrome(t);
  const result = matched ? applyChrome(t) : NO_CHROME;
  const text = matched ? result.text : t;
  return {
    text,
    rawLength: t.length,
    words: wordCount(text),
    chrome: matched,
    dropped: matched && result.droppedBy !== undefined,
    key: text.toLowerCase(),
    result,
  };
}

/** Splits into paragraphs; hard-wrapped prose lines inside one paragraph are joined (newline → space). */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    if (!lines.length) continue;
    // Hard-wrapped prose: a long line without final punctuation continues on the next line.
    const pieces: string[] = [];
    for (const l of lines) {
      const last = pieces[pieces.length - 1];
      if (
        last !== undefined &&
        last.length >= 40 &&
        !TERMINAL_RE.test(last) &&
        !isChrome(last) &&
        !isChrome(l) &&
        /^[\p{L}\p{N}„“"‘'(\u00AD]/u.test(l)
      )
        pieces[pieces.length - 1] = `${last} ${l}`;
      else pieces.push(l);
    }
    for (const p of pieces) out.push(makeUnit(p));
  }
  return out;
}

function isContent(u: Unit): boolean {
  if (u.dropped) return false;
  if (u.words >= 5 && TERMINAL_RE.test(u.text)) return true;
  return u.words >= 30;
}

/**
 * The publication date the page states: a dateline or credit matched by a chrome rule, else a short date line above
 * the article body. A dateline without a year ("WASHINGTON, Dec 12 (Reuters) -") gives no date: any full date on the
 * page would already have won, and guessing the year is worse than none. Never the time of reading: an undated
 * document stays undated (the store keeps its ingest time apart).
 */
function findPublished(us: Unit[], bodyStart: number): string | undefined {
  for (const u of us)
    for (const d of u.result.datelines) {
      const full = parseDate(d);
      if (full) return full;
    }
  const end = bodyStart < 0 ? us.length : bodyStart;
  for (let i = 0; i < end; i++) {
    const u = us[i]!;
    const date = u.words <= 12 ? parseDate(u.text) : undefined;
    if (date) return date;
  }
  return undefined;
}

function chromeWarning(us: Unit[]): string | undefined {
  const total = us.reduce((n, u) => n + u.rawLength, 0);
  const byRule = new Map<string, number>();
  for (const u of us) for (const [rule, n] of u.result.removed) byRule.set(rule, (byRule.get(rule) ?? 0) + n);
  const removed = [...byRule.values()].reduce((a, b) => a + b, 0);
  if (!total || removed <= total / 2) return undefined;
  const top = [...byRule.entries()].sort((a, b) => b[1] - a[1]);
  const named = top
    .slice(0, 3)
    .map(([rule, n]) => `'${rule}' ${Math.round((100 * n) / total)} %`)
    .join(', ');
  return `page-chrome rules removed ${Math.round((100 * removed) / total)} % of the text (${named}); check that no article text was lost`;
}

export function clean(raw: RawDocument, opts: ExtractOptions = {}): CleanedDoc {
  const warnings: string[] = [];
  let body = raw.text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replaceAll(String.fromCharCode(0), '');
  let title = raw.title?.trim() || undefined;
  let published = raw.published ? normaliseIsoDate(raw.published) : undefined;
  if (raw.format === 'html') {
    const h = htmlToText(body);
    body = h.text;
    if (!title && h.title && !isChrome(h.title)) title = h.title;
    published ??= h.published;
  }
  const us = units(body);
  const bodyStart = us.findIndex((u) => !u.dropped && isProse(u.text));
  title ??= pickTitle(us, bodyStart);
  published ??= findPublished(us, bodyStart);
  const counts = new Map<string, number>();
  for (const u of us) if (u.key) counts.set(u.key, (counts.get(u.key) ?? 0) + 1);
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const u of us) {
    const repeated = (counts.get(u.key) ?? 0) > 1;
    if (repeated && u.words < 40 && !TERMINAL_RE.test(u.text)) continue;
    if (!isContent(u) || seen.has(u.key)) continue;
    seen.add(u.key);
    kept.push(u.text);
  }
  if (!kept.length) {
    // Short inputs (one headline, one short sentence, "Iran liefert Drohnen. (dpa)") have no prose block: keep every
    // line no rule dropped, and what a strip left of the others.
    for (const u of us) {
      const t = u.dropped ? (u.result.remainder ?? '') : u.text;
      if (wordCount(t) >= 2 && !seen.has(t.toLowerCase())) {
        seen.add(t.toLowerCase());
        kept.push(t);
      }
    }
  }
  const text = kept.join('\n\n');
  const id = documentIdOf(text);
  let language: Language;
  if (opts.lang && opts.lang !== 'auto') language = opts.lang;
  else {
    const det = detectLanguage(text || body);
    language = det.language;
    if (language === 'und')
      warnings.push(
        'language not recognised as German or English; extracted with both lexicons (use --lang de|en to force one)',
      );
  }
  const lost = chromeWarning(us);
  if (lost) warnings.push(lost);
  if (!text) warnings.push('no article text left after removing page chrome');
  return { source: raw.source, format: raw.format, text, id, title, published, language, warnings };
}
