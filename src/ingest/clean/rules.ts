// Page-chrome rules (data/lexicons/chrome-rules.json) applied to one paragraph: drop it, strip a credit or link
// marker from its edge, or keep it. Prose is never dropped for a match; what each rule removed is counted by name.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MONTH_ALT } from './dates.js';

interface RuleSpec {
  name: string;
  action: 'drop' | 'strip';
  pattern: string;
  date?: boolean;
}

export interface ChromeRule {
  name: string;
  action: 'drop' | 'strip';
  re: RegExp;
  date: boolean;
}

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'lexicons', 'chrome-rules.json');
const spec = JSON.parse(readFileSync(FILE, 'utf8')) as { agencies: string[]; rules: RuleSpec[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const AGENCY_ALT = [...spec.agencies]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const DATE_SRC =
  `(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+(?:${MONTH_ALT})\\.?\\s+\\d{4}` +
  `|(?:${MONTH_ALT})\\.?\\s+\\d{1,2},?\\s+\\d{4})`;
const TIME_SRC = '(?:\\d{1,2}[:.]\\d{2}(?:\\s*(?:uhr|am|pm|a\\.m\\.|p\\.m\\.))?(?:\\s+[a-z]{2,4}t\\b)?)';

function expand(pattern: string): string {
  return pattern
    .replaceAll('{AGENCY}', AGENCY_ALT)
    .replaceAll('{MONTH}', MONTH_ALT)
    .replaceAll('{DATE}', DATE_SRC)
    .replaceAll('{TIME}', TIME_SRC);
}

export const CHROME_RULES: ChromeRule[] = spec.rules.map((r) => ({
  name: r.name,
  action: r.action,
  re: new RegExp(expand(r.pattern), 'iu'),
  date: r.date === true,
}));

const TERMINAL_RE = /[.!?…:;][\s"'”“»«›‹)\]’]*$/u;
// A word of running text: letters with inner hyphens or apostrophes, optionally followed by punctuation.
const PROSE_WORD_RE = /^[„“"‘'«»(]*\p{L}[\p{L}\p{M}'’-]*[\p{L}\p{M}][.,;:!?…"”“'’»«)]*$/u;

/** Running text rather than a menu item, teaser, caption stub or credit: enough real words, ending like a sentence. */
export function isProse(text: string): boolean {
  let words = 0;
  for (const w of text.split(/\s+/)) if (PROSE_WORD_RE.test(w)) words++;
  return words >= 30 || (words >= 12 && TERMINAL_RE.test(text));
}

export interface ChromeResult {
  /** What is left of the paragraph; empty when it was dropped. */
  text: string;
  /** The rule that dropped the paragraph. */
  droppedBy?: string;
  /** Characters removed, by rule name (a dropped paragraph counts whole). */
  removed: Map<string, number>;
  /** Matched texts of date-carrying rules, in order: datelines and credits to read the publication date from. */
  datelines: string[];
  /** When a strip left too little prose to keep: that rest, for inputs that are nothing but one short sentence. */
  remainder?: string;
}

/** Applies the rules in order; after a strip the remainder is checked again from the first rule. */
export function applyChrome(paragraph: string, rules: ChromeRule[] = CHROME_RULES): ChromeResult {
  const removed = new Map<string, number>();
  const datelines: string[] = [];
  const count = (name: string, n: number) => removed.set(name, (removed.get(name) ?? 0) + n);
  let text = paragraph;
  const skip = new Set<ChromeRule>();
  for (let pass = 0; pass < 8 && text; pass++) {
    let changed = false;
    const prose = isProse(text);
    for (const rule of rules) {
      if (skip.has(rule)) continue;
      const m = rule.re.exec(text);
      if (!m) continue;
      if (rule.action === 'drop') {
        if (prose) {
          // A prose paragraph is never dropped for a pattern inside it; later strip rules may still apply.
          skip.add(rule);
          continue;
        }
        if (rule.date) datelines.push(text);
        count(rule.name, text.length);
        return { text: '', droppedBy: rule.name, removed, datelines };
      }
      const atStart = m.index === 0;
      const atEnd = m.index + m[0].length === text.length;
      if (!atStart && !atEnd) {
        skip.add(rule);
        continue;
      }
      if (rule.date) datelines.push(m[0]);
      const rest = (atStart ? text.slice(m[0].length) : text.slice(0, m.index)).trim();
      if (!isProse(rest)) {
        count(rule.name, text.length);
        return { text: '', droppedBy: rule.name, removed, datelines, remainder: rest };
      }
      count(rule.name, text.length - rest.length);
      text = rest;
      changed = true;
      break;
    }
    if (!changed) break;
  }
  return { text, removed, datelines };
}
