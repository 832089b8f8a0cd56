// The timeline under the graph: claims per month as histogram bins (months without claims included, so the
// axis is true to time) and the date range a brush over some bins stands for.

import type { Timeline } from '../../../src/store/types.js';

export interface TimelineBin {
  /** YYYY-MM. */
  month: string;
  claims: number;
  documents: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;

function nextMonth(month: string): string {
  const m = MONTH.exec(month)!;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * Every month from the first dated claim to the last, empty ones too. Year-only dates ("2024") cannot be placed
 * in a month: they count towards `yearOnly`, like undated claims count towards the timeline's `undated`.
 * A corpus spanning centuries is capped at `maxBins` months from the latest, the rest reported as `before`.
 */
export function timelineBins(
  timeline: Timeline,
  maxBins = 600,
): { bins: TimelineBin[]; yearOnly: number; before: number } {
  const byMonth = new Map<string, { claims: number; documents: number }>();
  let yearOnly = 0;
  for (const m of timeline.months) {
    if (MONTH.test(m.month)) byMonth.set(m.month, { claims: m.claims, documents: m.documents });
    else yearOnly += m.claims;
  }
  const months = [...byMonth.keys()].sort();
  if (months.length === 0) return { bins: [], yearOnly, before: 0 };
  const bins: TimelineBin[] = [];
  for (let m = months[0]!; m <= months[months.length - 1]!; m = nextMonth(m)) {
    const v = byMonth.get(m);
    bins.push({ month: m, claims: v?.claims ?? 0, documents: v?.documents ?? 0 });
  }
  const cut = Math.max(0, bins.length - maxBins);
  const before = bins.slice(0, cut).reduce((n, b) => n + b.claims, 0);
  return { bins: bins.slice(cut), yearOnly, before };
}

/** The filter range of a brush from bin i to bin j (either order, clamped): whole months, as YYYY-MM prefixes. */
export function brushRange(bins: readonly TimelineBin[], i: number, j: number): { dateFrom: string; dateTo: string } {
  if (bins.length === 0) throw new RangeError('timeline: no bins to brush');
  const clamp = (k: number) => Math.max(0, Math.min(bins.length - 1, Math.round(k)));
  const [a, b] = [clamp(i), clamp(j)].sort((x, y) => x - y) as [number, number];
  return { dateFrom: bins[a]!.month, dateTo: bins[b]!.month };
}

/** Which bins a date range covers (for drawing the current brush); null when the range covers none. */
export function brushedBins(
  bins: readonly TimelineBin[],
  dateFrom: string | undefined,
  dateTo: string | undefined,
): [number, number] | null {
  if (!dateFrom && !dateTo) return null;
  let first = -1;
  let last = -1;
  bins.forEach((b, k) => {
    // Compare at the range's own precision: from=2024 admits every month of 2024, to=2024-10-15 admits October.
    const afterFrom = !dateFrom || b.month.slice(0, Math.min(7, dateFrom.length)) >= dateFrom.slice(0, 7);
    const beforeTo = !dateTo || b.month.slice(0, Math.min(7, dateTo.length)) <= dateTo.slice(0, 7);
    if (afterFrom && beforeTo) {
      if (first < 0) first = k;
      last = k;
    }
  });
  return first < 0 ? null : [first, last];
}
