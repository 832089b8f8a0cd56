// Publication dates from datelines and credits ("Stand: 07.11.2023", "(APA, 11.9.2015)", "JAN. 13, 2017",
// "WASHINGTON, Dec 12 (Reuters) -"): month names come from data/lexicons/dates.json, results are ISO strings.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'lexicons', 'dates.json');
const lexicon = JSON.parse(readFileSync(FILE, 'utf8')) as { months: Record<string, string[]> };

export const MONTHS = new Map<string, number>();
for (const [n, names] of Object.entries(lexicon.months)) for (const name of names) MONTHS.set(name, Number(n));

/** Alternation of every month name, longest first so "sept" is tried before "sep" (for building patterns). */
export const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

// Numeric dates are tried before named ones: "11.9.2015" must not be read as "9. … 2015".
const NUMERIC_DMY = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.]\d)/u;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/u;
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.? (\\d{1,2}),? (\\d{4})\\b`, 'iu');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\.? (${MONTH_ALT})\\.? (\\d{4})\\b`, 'iu');

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A full calendar date in a dateline ("07.11.2023", "04.05.20 14:50", "JAN. 13, 2017", "3. Mai 2020"). */
export function parseDate(line: string): string | undefined {
  let m = NUMERIC_DMY.exec(line);
  if (m) {
    let y = Number(m[3]);
    if (y < 100) y += 2000;
    const r = iso(y, Number(m[2]), Number(m[1]));
    if (r) return r;
  }
  m = ISO.exec(line);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY_YEAR.exec(line);
  if (m) return iso(Number(m[3]), MONTHS.get(m[1]!.toLowerCase())!, Number(m[2]));
  m = DAY_MONTH_YEAR.exec(line);
  if (m) return iso(Number(m[3]), MONTHS.get(m[2]!.toLowerCase())!, Number(m[1]));
  return undefined;
}

/** ISO date or month from a machine-readable value (HTML meta, a corpus date column), else from a dateline. */
export function normaliseIsoDate(s: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
  if (!m) return parseDate(s);
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}
