// Pair rules for symmetric relations: "zwischen X und Y", "die beiden Länder" (a coreferent pair), and two state
// adjectives before a noun ("russisch-iranische Beziehungen", "U.S.-Israeli relations").

import type { Rule } from '../context.js';

export const between: Rule = {
  name: 'between',
  match(c) {
    if (!c.sym) return undefined;
    const b = c.cands.filter((x) => x.marker === 'between' && x.dist <= 8);
    return b.length >= 2 ? [[b[0]!.m, b[1]!.m, 0.75, 'between']] : undefined;
  },
};

export const pairPhrase: Rule = {
  name: 'pair',
  match(c) {
    if (!c.sym) return undefined;
    const pairSpan = c.cands.filter(
      (x) => x.m.kind === 'coref' && c.cands.some((d) => d !== x && d.m.start === x.m.start),
    );
    return pairSpan.length >= 2 && pairSpan[0]!.dist <= 12
      ? [[pairSpan[0]!.m, pairSpan[1]!.m, 0.7, 'pair']]
      : undefined;
  },
};

export const adjectivePair: Rule = {
  name: 'adj-pair',
  match(c) {
    if (!c.sym || c.e.pos !== 'noun') return undefined;
    const { ms, typeOf } = c.s;
    const t = c.t;
    const adjs = ms.filter(
      (m) =>
        (m.kind === 'adjective' || m.kind === 'demonym' || typeOf(m.entity) === 'Country') &&
        m.tokEnd <= t &&
        t - m.tokEnd <= 2,
    );
    if (adjs.length < 2) return undefined;
    const [a, b] = adjs.slice(-2);
    if (a!.entity !== b!.entity && typeOf(a!.entity) === 'Country' && typeOf(b!.entity) === 'Country')
      return [[a, b, 0.7, 'adj-pair']];
    return undefined;
  },
};
