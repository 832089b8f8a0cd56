// Time expressions of a sentence ("im Februar 2023", "3. März 2024", "since 2014"), as ISO dates or years;
// a relation takes the nearest one.

import type { Lexicon } from '../lexicon.js';
import type { Token } from '../types.js';

export function timesIn(lex: Lexicon, toks: Token[]): Array<{ at: number; value: string }> {
  const out: Array<{ at: number; value: string }> = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct') continue;
    const mo = lex.months.get(t.norm);
    if (mo && (t.cap || t.norm === 'mai')) {
      const y = toks[i + 1]?.kind === 'num' && /^(19|20)\d\d$/.test(toks[i + 1]!.text) ? toks[i + 1]!.text : undefined;
      const d =
        toks[i - 1]?.text === '.' && toks[i - 2]?.kind === 'num'
          ? toks[i - 2]!.text
          : toks[i - 1]?.kind === 'num'
            ? toks[i - 1]!.text
            : undefined;
      if (y) {
        out.push({
          at: i,
          value:
            d && +d >= 1 && +d <= 31
              ? `${y}-${String(mo).padStart(2, '0')}-${d.padStart(2, '0')}`
              : `${y}-${String(mo).padStart(2, '0')}`,
        });
        i++;
      }
      continue;
    }
    if (t.kind === 'num' && /^(19|20)\d\d$/.test(t.text)) {
      const prev = toks[i - 1]?.norm;
      if (prev && lex.yearBefore.has(prev)) out.push({ at: i, value: t.text });
    }
  }
  return out;
}
