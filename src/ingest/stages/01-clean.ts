// Stage 1 (pure): raw text or HTML → cleaned article text, title, publication date, language and document id.
// Page chrome (navigation, share/credit lines, teasers, repeated headlines) is removed by line rules from data/lexicons.

import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import type { Language } from '../../model.js';
import type { CleanedDoc, ExtractOptions, RawDocument } from '../types.js';
import { CHROME_PATTERNS, STOPWORDS } from '../lexicon.js';

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'svg',
  'template',
  'iframe',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'option',
  'head',
  'figcaption',
  'menu',
  'object',
  'canvas',
]);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'blockquote',
  'figure',
  'main',
  'dl',
  'dt',
  'dd',
  'pre',
  'hr',
  'address',
  'body',
  'html',
]);

export interface HtmlText {
  text: string;
  title?: string;
  published?: string;
}

/** Visible text of an HTML page, one block element per paragraph; never throws on malformed markup. */
export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let skip = 0;
  let inTitle = false;
  let title = '';
  let h1 = '';
  let inH1 = false;
  let published: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (!published && /(published_time|datepublished|^date$|pubdate|dc\.date)/.test(key) && attrs.content)
            published = attrs.content;
        }
        if (name === 'time' && !published && attrs.datetime) published = attrs.datetime;
        if (SKIP_TAGS.has(name)) {
          skip++;
          return;
        }
        if (name === 'h1') inH1 = true;
        if (name === 'br') parts.push('\n');
        else if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skip > 0) return;
        if (inH1) h1 += data;
        parts.push(data);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (SKIP_TAGS.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = parts
    .join('')
    .replace(/[ \t\f\v\r]*\n[ \t\f\v\r]*/g, '\n')
    .replace(/[ \t]+/g, ' ');
  const t = (h1 || title).replace(/\s+/g, ' ').trim();
  return { text, title: t || undefined, published: published ? normaliseIsoDate(published) : undefined };
}

function normaliseIsoDate(s: string): string | undefined {
  const m = /(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (!m) return parseDate(s);
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  jänner: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mar: 3,
  mär: 3,
  märz: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  okt: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  dez: 12,
  dezember: 12,
  december: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** A full calendar date in a dateline ("07.11.2023", "04.05.20 14:50", "JAN. 13, 2017", "3. Mai 2020"). */
export function parseDate(line: string): string | undefined {
  let m = /\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/.exec(line);
  if (m) {
    const d = +m[1]!,
      mo = +m[2]!;
    let y = +m[3]!;
    if (y < 100) y += 2000;
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /\b([A-Za-zäÄ]{3,9})\.? (\d{1,2}),? (\d{4})\b/.exec(line);
  if (m && MONTHS[m[1]!.toLowerCase()]) return `${m[3]}-${pad(MONTHS[m[1]!.toLowerCase()]!)}-${pad(+m[2]!)}`;
  m = /\b(\d{1,2})\.? ([A-Za-zäÄ]{3,9})\.? (\d{4})\b/.exec(line);
  if (m && MONTHS[m[2]!.toLowerCase()]) return `${m[3]}-${pad(MONTHS[m[2]!.toLowerCase()]!)}-${pad(+m[1]!)}`;
  return undefined;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const TERMINAL_RE = /[.!?…:;][\s"'”“»«›‹)\]’]*$/u;

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

// One alternation instead of ~25 separate scans per line, split in two: when every alternative starts with '^' the
// regex engine tries position 0 only, so just the few unanchored patterns scan the whole line. A boolean test of an
// alternation equals the OR of its alternatives, so the split does not change any result.
const joinPatterns = (rs: RegExp[]) => new RegExp(rs.map((r) => `(?:${r.source})`).join('|') || '(?!)', 'iu');
const CHROME_ANCHORED_RE = joinPatterns(CHROME_PATTERNS.filter((r) => r.source.startsWith('^')));
const CHROME_FLOATING_RE = joinPatterns(CHROME_PATTERNS.filter((r) => !r.source.startsWith('^')));

export function isChrome(line: string): boolean {
  return CHROME_ANCHORED_RE.test(line) || CHROME_FLOATING_RE.test(line);
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

interface Unit {
  text: string;
  words: number;
  chrome: boolean;
  key: string;
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
    for (const p of pieces) {
      const t = p.includes('  ') || p.includes('\t') ? p.replace(/[ \t]+/g, ' ') : p;
      out.push({ text: t, words: wordCount(t), chrome: isChrome(t), key: t.toLowerCase() });
    }
  }
  return out;
}

function isContent(u: Unit): boolean {
  if (u.chrome) return false;
  if (u.words >= 5 && TERMINAL_RE.test(u.text)) return true;
  return u.words >= 30;
}

export function clean(raw: RawDocument, opts: ExtractOptions = {}): CleanedDoc {
  const warnings: string[] = [];
  let body = raw.text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replaceAll(String.fromCharCode(0), '');
  let title: string | undefined;
  let published: string | undefined;
  if (raw.format === 'html') {
    const h = htmlToText(body);
    body = h.text;
    title = h.title;
    published = h.published;
  }
  const us = units(body);
  const counts = new Map<string, number>();
  for (const u of us) if (u.key) counts.set(u.key, (counts.get(u.key) ?? 0) + 1);
  const kept: string[] = [];
  const seen = new Set<string>();
  const headlineLike = (u: Unit) => !u.chrome && u.words >= 4 && u.words <= 30 && !/[.!]["”“»]*$/.test(u.text);
  if (!title) {
    const repeatedHeads = us.filter((u) => (counts.get(u.key) ?? 0) > 1 && headlineLike(u));
    title = repeatedHeads.sort((a, b) => b.words - a.words)[0]?.text;
  }
  for (const u of us) {
    const repeated = (counts.get(u.key) ?? 0) > 1;
    if (!published && u.words <= 12) published = parseDate(u.text);
    if (repeated && u.words < 40 && !TERMINAL_RE.test(u.text)) continue;
    if (!isContent(u) || seen.has(u.key)) continue;
    seen.add(u.key);
    kept.push(u.text);
  }
  if (!kept.length) {
    // Short inputs (one headline, one short sentence) have no prose block: keep every non-chrome line.
    for (const u of us)
      if (!u.chrome && u.words >= 2 && !seen.has(u.key)) {
        seen.add(u.key);
        kept.push(u.text);
      }
  }
  if (!title) title = us.find((u) => headlineLike(u) && !isContent(u))?.text;
  const text = kept.join('\n\n');
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  let language: Language;
  if (opts.lang && opts.lang !== 'auto') language = opts.lang;
  else {
    const det = detectLanguage(text || body);
    language = det.language;
    if (language === 'und')
      warnings.push('language not recognised as German or English (use --lang de|en to force one)');
  }
  if (!text) warnings.push('no article text left after removing page chrome');
  return { source: raw.source, format: raw.format, text, id, title, published, language, warnings };
}
