// Noun and adjective triggers (nominalisations: "Sanktionen gegen", "Iran's support for", "the alliance with"):
// the agent is a possessive, adjective, by-phrase or genitive, the target a marked phrase after the noun.

import type { Mention } from '../../types.js';
import { adjTarget, antecedent, memberObject, speakerOf } from '../arguments.js';
import { byDist, sameSeg, unmarked, type Args, type Cand, type Rule, type TriggerContext } from '../context.js';
import { ADJ_TARGET } from '../frames.js';
import { markerBeforeAdjective } from '../markers.js';
import { NON_AGENT_GOVERNORS } from '../triggers.js';

/** "Bei einem Treffen mit X … forderte Y": a symmetric noun with a with-partner takes the clause subject anywhere. */
export const nounWith: Rule = {
  name: 'noun-with',
  match(c) {
    if (!c.sym) return undefined;
    const partner = c.cands.filter((x) => x.marker === 'with' && x.side === 'R' && x.dist <= 6).sort(byDist)[0];
    if (!partner) return undefined;
    const other = [...c.L, ...c.R]
      .filter((x) => unmarked(x) && x !== partner && sameSeg(c, x) && x.m.entity !== partner.m.entity)
      .sort(byDist)[0];
    return other ? [[other.m, partner.m, 0.65, 'noun-with']] : undefined;
  },
};

/** A membership noun names its organisation nearby ("NATO members", "members of the EU"), not clauses away. */
export const nounMember: Rule = {
  name: 'noun-member',
  match(c) {
    if (c.e.p !== 'MEMBER_OF') return undefined;
    const { typeOf } = c.s;
    const o = memberObject(c.s, c.t, undefined);
    if (!o || o.dist > 10) return [];
    const pool = [...c.L, ...c.R].filter(
      (x) => x.m.entity !== o.m.entity && x.dist <= 6 && typeOf(x.m.entity) !== 'Person' && (unmarked(x) || x.m.poss),
    );
    // States are members far more often than organisations; take an organisation only when no state is near.
    const member = pool.filter((x) => typeOf(x.m.entity) === 'Country').sort(byDist)[0] ?? pool.sort(byDist)[0];
    return member ? [[member.m, o.m, 0.65, 'noun-member']] : [];
  },
};

export const noun: Rule = {
  name: 'noun',
  match(c) {
    const agents = c.e.p === 'CRITICIZES' && c.e.pos === 'adj' ? speakerOf(c.s, c.t) : agentOfNoun(c);
    if (!agents.length) return [];
    return nounTarget(c, agents);
  },
};

function nounTarget(c: TriggerContext, agents: Mention[]): Args[] {
  const { toks, lex, lang, typeOf, mentionAt } = c.s;
  const { e, t, cands, R, sym, objMarkers } = c;
  let target: Cand | undefined = cands
    .filter((x) => objMarkers.includes(x.marker) && x.side === 'R' && x.dist <= 8 && !agents.includes(x.m))
    .sort(byDist)[0];
  if (!target && (e.p === 'ATTACKS' || e.p === 'SUPPORTS' || (e.p === 'CRITICIZES' && lang === 'en')))
    target = R.find(
      (x) =>
        (unmarked(x) || x.marker === 'of') &&
        !agents.includes(x.m) &&
        (x.dist <= 4 ||
          (x.dist <= 8 &&
            toks
              .slice(t + 1, x.m.tokStart)
              .every(
                (y) =>
                  y.kind === 'word' &&
                  !lex.prepositions.has(y.norm) &&
                  (y.cap || lex.articles.has(y.norm) || !!mentionAt(toks.indexOf(y))),
              ))),
    );
  if (!target && e.p === 'ATTACKS')
    target = R.find(
      (x) => x.marker === 'in' && x.dist <= 6 && typeOf(x.m.entity) === 'Country' && !agents.includes(x.m),
    );
  if (!target && e.pos === 'adj') target = R.find((x) => x.dist <= 10 && !agents.includes(x.m));
  if (!target && ADJ_TARGET.has(e.p)) {
    // "Sanktionen gegen iranische Unternehmen", "strikes on Russian refineries".
    const adj = adjTarget(c.s, t, 4, agents[0]?.entity);
    if (adj && objMarkers.includes(markerBeforeAdjective(c.s, adj)))
      return agents.map((a): Args => [a, adj, 0.55, 'noun-adj-object']);
  }
  if (!target && sym && !e.needsPartner) return agents.length >= 2 ? [[agents[0], agents[1], 0.65, 'noun-conj']] : [];
  if (!target) return [];
  const tm = target.m;
  return agents.map((a): Args => [a, tm, 0.6, 'noun']);
}

/** The agent of an event noun: adjective or name glued before it, possessive, by-phrase, genitive, or the subject of
 * a light verb ("Moskau und Teheran haben … ein Militärbündnis"). */
function agentOfNoun(c: TriggerContext): Mention[] {
  const { toks, lex, lang, typeOf, ms } = c.s;
  const { e, t, cands, L, R } = c;
  // Adjective or name glued before the noun: "russischen Angriffskriegs", "US-Sanktionen", "American sanctions".
  const pre = ms.filter(
    (m) =>
      m.tokEnd <= t &&
      t - m.tokEnd <= 1 &&
      typeOf(m.entity) &&
      isActor(typeOf(m.entity)) &&
      (m.kind === 'adjective' ||
        m.kind === 'demonym' ||
        (toks[t]!.hyphen && m.tokEnd === t) ||
        m.poss ||
        (lang === 'en' && m.tokEnd === t)),
  );
  const agentPre = pre[pre.length - 1];
  // German "Russland-Sanktionen" names the target, "EU-Sanktionen" the imposer.
  if (
    agentPre &&
    e.p === 'SANCTIONS' &&
    toks[t]!.hyphen &&
    agentPre.tokEnd === t &&
    typeOf(agentPre.entity) === 'Country' &&
    lang !== 'en'
  )
    return [];
  if (agentPre) return [agentPre];
  // "Moscow's full-scale invasion": lowercase modifiers may stand between the possessive and the noun.
  const poss = L.find(
    (x) =>
      x.m.poss &&
      (x.dist <= 3 ||
        (x.dist <= 6 &&
          toks
            .slice(x.m.tokEnd, t)
            .every((y) => !y.cap && (y.kind === 'word' || y.text === '-' || y.text === '’' || y.text === "'")))),
  );
  if (poss) return [poss.m];
  const by = R.find((x) => (x.marker === 'by' || (x.markerNorm === 'von' && e.p === 'ATTACKS')) && x.dist <= 5);
  if (by) return [by.m];
  if (e.p !== 'ATTACKS' && e.p !== 'SUPPORTS') {
    const gen = R.find(
      (x) =>
        unmarked(x) &&
        x.dist <= 3 &&
        (toks[t + 1]?.norm === 'des' || toks[t + 1]?.norm === 'der' || x.dist === 1) &&
        lang === 'de',
    );
    if (gen) return [gen.m];
  }
  // The noun as object of a light verb: "Moskau und Teheran haben … ein Militärbündnis".
  let j = t - 1;
  let steps = 0;
  while (j >= 0 && steps < 5 && toks[j]!.kind === 'word' && !toks[j]!.cap && !lex.prepositions.has(toks[j]!.norm)) {
    j--;
    steps++;
  }
  const blocker = toks[j];
  const infinitive =
    blocker?.norm === 'to' &&
    toks[j + 1] &&
    !lex.articles.has(toks[j + 1]!.norm) &&
    !toks[j + 1]!.cap &&
    toks[j + 1]!.kind === 'word';
  const inPP =
    blocker &&
    blocker.kind === 'word' &&
    lex.prepositions.has(blocker.norm) &&
    !/^(zur|zum|and|und)$/u.test(blocker.norm) &&
    !infinitive;
  const pronTok = toks.slice(Math.max(0, t - 6), t).find((x) => lex.pronouns.has(x.norm));
  if (pronTok && !L.some((x) => unmarked(x) && x.m.tokStart > toks.indexOf(pronTok))) {
    const ref = antecedent(c.s, pronTok, cands);
    if (ref) return [ref.m];
  }
  // The clause's verb is a relation that lends no agent (NON_AGENT_GOVERNORS): no light verb.
  const segs = c.s.segs;
  const agentlessVerb = toks.some(
    (x, k) =>
      k !== t &&
      segs[k] === segs[t] &&
      x.kind === 'word' &&
      c.s.triggersFor(x.norm).some((y) => y.pos === 'verb' && y.p !== e.p && NON_AGENT_GOVERNORS.has(y.p)),
  );
  if (!inPP && !agentlessVerb) {
    const lu = L.filter((x) => unmarked(x) && sameSeg(c, x) && x.dist <= 14);
    const head = lu.find((x) => !x.conjOf);
    if (head) return [head.m, ...cands.filter((x) => x.conjOf === head.m).map((x) => x.m)];
  }
  return [];
}

const isActor = (t: string | undefined) =>
  t === 'Country' || t === 'Person' || t === 'Organization' || t === 'ArmedGroup';
