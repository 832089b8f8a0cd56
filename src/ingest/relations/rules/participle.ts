// Attributive participle: "die vom Iran unterstützten Huthi", "Iran-backed Houthis" — the agent right before the
// participle, the patient right after it.

import { isAgentMarker, type Rule } from '../context.js';

export const participle: Rule = {
  name: 'participle',
  match(c) {
    if (c.e.pos !== 'verb') return undefined;
    const { toks, lex } = c.s;
    const t = c.t;
    const agent = c.L.find((x) => x.dist <= 1 && (isAgentMarker(x) || toks[t]!.hyphen));
    const patient = c.R.find((x) => x.dist <= 2);
    if (
      agent &&
      patient &&
      !lex.passiveAux.has(toks[t + 1]?.norm ?? '') &&
      (toks[t]!.hyphen || /(t|te|ten|ed)$/u.test(toks[t]!.norm)) &&
      !(c.e.p === 'SUPPLIES' && c.e.voice)
    )
      return [[agent.m, patient.m, 0.75, 'participle']];
    return undefined;
  },
};
