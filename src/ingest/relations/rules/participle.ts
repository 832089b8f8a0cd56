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
    // The patient is the noun the participle modifies: no clause between ("Iran-backed militias attacked US bases").
    const patient = c.R.find(
      (x) => x.dist <= 2 && toks.slice(t + 1, x.m.tokStart).every((w) => !(c.s.lang === 'en' && /ed$/u.test(w.norm))),
    );
    if (
      agent &&
      patient &&
      !lex.passiveAux.has(toks[t + 1]?.norm ?? '') &&
      (toks[t]!.hyphen || /(t|te|ten|ed)$/u.test(toks[t]!.norm)) &&
      !(c.e.p === 'SUPPLIES' && c.e.voice)
    )
      return [[agent.m, patient.m, 0.75, 'participle']];
    // "Iran-backed militias": a hyphened participle is attributive; with no named noun after it, it backs nobody
    // named (the verb rule would take the next clause's object).
    if (agent && toks[t]!.hyphen && /(t|te|ten|ed)$/u.test(toks[t]!.norm)) return [];
    return undefined;
  },
};
