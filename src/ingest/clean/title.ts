// Picks a document's title from its paragraphs: the headline standing just before the article body, never a chrome,
// navigation-menu, teaser or date line. Pages repeat their headline (breadcrumb, heading, share text); that decides ties.

import { parseDate } from './dates.js';

export interface TitleUnit {
  text: string;
  key: string;
  words: number;
  /** Matched a chrome rule (dropped or stripped). */
  chrome: boolean;
}

const MENU_WORDS = 3;
const SCAN = 80;

function headlineLike(u: TitleUnit): boolean {
  return !u.chrome && u.words >= 4 && u.words <= 30 && !/[.!]["”“»]*$/u.test(u.text) && !isDateLine(u);
}

function isDateLine(u: TitleUnit): boolean {
  return u.words <= 8 && parseDate(u.text) !== undefined;
}

/** Inside a navigation menu: most neighbours are one- to three-word links (chrome and date lines aside). */
function inMenu(us: TitleUnit[], i: number): boolean {
  let short = 0;
  for (const j of [i - 2, i - 1, i + 1, i + 2]) {
    const n = us[j];
    if (n && !n.chrome && n.words <= MENU_WORDS && !isDateLine(n)) short++;
  }
  return short >= 3;
}

/**
 * The title among the units before `bodyStart` (the first prose paragraph): the nearest headline-like line that the
 * page repeats (exactly or inside another line, "Africa|United States to Lift Sudan Sanctions"), else the nearest one.
 */
export function pickTitle(us: TitleUnit[], bodyStart: number): string | undefined {
  const end = bodyStart < 0 ? us.length : bodyStart;
  const counts = new Map<string, number>();
  for (const u of us) counts.set(u.key, (counts.get(u.key) ?? 0) + 1);
  // Headlines repeat near the top of a page; bounded scans keep a huge one-paragraph-per-line file linear.
  const head = us.slice(0, Math.max(end, 0) + SCAN);
  const repeated = (u: TitleUnit) =>
    (counts.get(u.key) ?? 0) > 1 ||
    head.some((o) => o.key !== u.key && o.key.length < u.key.length * 3 && o.key.includes(u.key));
  let nearest: string | undefined;
  for (let i = end - 1; i >= Math.max(0, end - SCAN); i--) {
    const u = us[i]!;
    if (!headlineLike(u) || inMenu(us, i)) continue;
    nearest ??= u.text;
    if (repeated(u)) return u.text;
  }
  return nearest;
}
