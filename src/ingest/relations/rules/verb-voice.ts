// Supply verbs whose subject is not the supplier: the recipient ("Russland erhielt Drohnen aus dem Iran") and
// the items themselves ("Waffen gelangten aus X nach Y", "weapons made by firm Z went to Y").

import { byDist, unmarked, type Args, type Rule } from '../context.js';

export const verbReceive: Rule = {
  name: 'receive',
  match(c) {
    if (c.e.pos !== 'verb' || c.e.voice !== 'receive') return undefined;
    const recipient = c.L.find((x) => unmarked(x) && !x.conjOf) ?? c.R.find((x) => unmarked(x) && x.dist <= 4);
    const supplier = c.cands.filter((x) => x.marker === 'from' || x.marker === 'by').sort(byDist)[0];
    return recipient && supplier ? [[supplier.m, recipient.m, 0.7, 'receive']] : [];
  },
};

export const verbTransfer: Rule = {
  name: 'transfer',
  match(c) {
    if (c.e.pos !== 'verb' || c.e.voice !== 'transfer') return undefined;
    const { ms, typeOf, candInfo, toks } = c.s;
    const t = c.t;
    const to = c.cands.filter((x) => x.marker === 'to').sort(byDist)[0];
    const from = c.cands
      .filter((x) => (x.marker === 'from' || x.markerNorm === 'aus') && x.m !== to?.m)
      .sort(byDist)[0];
    const maker = ms.find(
      (m) =>
        m.entity &&
        typeOf(m.entity) !== 'Item' &&
        m.actor &&
        Math.abs(m.tokStart - t) <= 12 &&
        candInfo.get(m)?.marker === 'none' &&
        m !== to?.m &&
        /herstell|manufactur|firm|compan|unternehm/u.test(toks[m.tokEnd - 1]!.norm),
    );
    const r: Args[] = [];
    if (to && from) r.push([from.m, to.m, 0.65, 'transfer']);
    if (to && maker) r.push([maker, to.m, 0.6, 'transfer']);
    return r;
  },
};
