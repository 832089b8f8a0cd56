// Candidate arguments of a trigger and the lookups rules share: pronoun antecedents, state adjectives as targets,
// the organisation of a membership, the speaker of a stance adjective.

import { SYMMETRIC_PREDICATES } from '../../model.js';
import type { TriggerEntry } from '../lexicon.js';
import type { Mention, Token } from '../types.js';
import { byDist, unmarked, type Cand, type SentenceContext, type TriggerContext } from './context.js';
import { objMarkersOf } from './frames.js';
import { clauseStart } from './markers.js';

/** The trigger context: actors within 22 tokens of the trigger, with their markers; undefined when there is none. */
export function triggerContext(s: SentenceContext, e: TriggerEntry, t: number): TriggerContext | undefined {
  const cands: Cand[] = [];
  for (const m of s.actorMs) {
    if ((m.tokStart <= t && t < m.tokEnd) || s.sources.has(m)) continue;
    const side = m.tokEnd <= t ? 'L' : 'R';
    const dist = side === 'L' ? t - m.tokEnd + 1 : m.tokStart - t;
    if (dist > 22) continue;
    const info = s.candInfo.get(m)!;
    // "since Russia invaded Ukraine": a conjunction that looks like a preposition opens a clause whose subject
    // stands right before the verb.
    const clauseConj = e.pos === 'verb' && m.tokEnd === t && /^(since|after|before|until|seit)$/u.test(info.norm);
    cands.push({
      m,
      marker: clauseConj ? 'none' : info.marker,
      markerNorm: info.norm,
      side,
      dist,
      conjOf: info.conjOf,
      segment: s.segs[m.tokStart]!,
    });
  }
  if (!cands.length) return undefined;
  return {
    s,
    e,
    t,
    cands,
    L: cands.filter((c) => c.side === 'L').sort(byDist),
    R: cands.filter((c) => c.side === 'R').sort(byDist),
    seg: s.segs[t]!,
    sym: SYMMETRIC_PREDICATES.has(e.p),
    objMarkers: objMarkersOf(e),
  };
}

/** The actor a pronoun stands for: he/she/er → a person, it/es → a state or organisation, nearest before it. */
export function antecedent(s: SentenceContext, pron: Token, near: Cand[]): Cand | undefined {
  const at = s.toks.indexOf(pron);
  const wantPerson = /^(he|she|er)$/u.test(pron.norm);
  const wantThing = /^(it|es)$/u.test(pron.norm);
  // Every actor of the sentence before the pronoun, not only those near the trigger.
  const cs: Cand[] = [...near];
  for (const m of s.actorMs) {
    if (cs.some((c) => c.m === m) || s.sources.has(m)) continue;
    const info = s.candInfo.get(m)!;
    cs.push({
      m,
      marker: info.marker,
      markerNorm: info.norm,
      side: 'L',
      dist: 99,
      conjOf: info.conjOf,
      segment: s.segs[m.tokStart]!,
    });
  }
  return cs
    .filter((c) => c.m.tokEnd <= at && unmarked(c) && !c.conjOf)
    .filter((c) =>
      wantPerson ? s.typeOf(c.m.entity) === 'Person' : wantThing ? s.typeOf(c.m.entity) !== 'Person' : true,
    )
    .sort((a, b) => Number(clauseStart(s, b.m)) - Number(clauseStart(s, a.m)) || b.m.tokEnd - a.m.tokEnd)[0];
}

/** A state adjective after the trigger ("die israelischen Angriffe"), other than `not`. */
export function adjTarget(s: SentenceContext, t: number, within: number, not?: string): Mention | undefined {
  return s.ms.find(
    (m) =>
      m.tokStart > t &&
      m.tokStart - t <= within &&
      (m.kind === 'adjective' || m.kind === 'demonym') &&
      s.typeOf(m.entity) === 'Country' &&
      m.entity !== not,
  );
}

/** The organisation nearest the trigger (within 16 tokens): what a membership is of. */
export function memberObject(s: SentenceContext, t: number, subj: Cand | undefined): Cand | undefined {
  const orgs: Cand[] = [];
  for (const m of s.actorMs) {
    if (s.typeOf(m.entity) !== 'Organization' || m === subj?.m) continue;
    const dist = m.tokEnd <= t ? t - m.tokEnd + 1 : m.tokStart - t;
    if (dist > 16) continue;
    orgs.push({ m, marker: '', markerNorm: '', side: m.tokEnd <= t ? 'L' : 'R', dist, segment: 0 });
  }
  return orgs.sort((a, b) => a.dist - b.dist)[0];
}

/** The last person before the trigger: who utters a stance adjective. */
export function speakerOf(s: SentenceContext, t: number): Mention[] {
  const sp = s.actorMs
    .filter((m) => m.tokEnd <= t && s.typeOf(m.entity) === 'Person')
    .sort((a, b) => b.tokEnd - a.tokEnd)[0];
  return sp ? [sp] : [];
}
