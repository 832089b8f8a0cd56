// The verb rule: subject and object of an active or passive trigger verb from markers and word order — passive
// agents, membership verbs, pronoun subjects, infinitive clauses, German verb-final clauses, coordinated subjects.

import type { Mention } from '../../types.js';
import { adjTarget, antecedent, memberObject } from '../arguments.js';
import {
  byDist,
  isAgentMarker,
  sameSeg,
  unmarked,
  type Args,
  type Cand,
  type Rule,
  type TriggerContext,
} from '../context.js';
import { ADJ_TARGET, DIRECT_FIRST } from '../frames.js';
import { clauseStart } from '../markers.js';
import { participleLike } from '../../syntax/words.js';

export const verb: Rule = {
  name: 'verb',
  match(c) {
    return c.e.pos === 'verb' ? verbArgs(c) : undefined;
  },
};

interface Picked {
  subj?: Cand;
  obj?: Cand;
  /** Unmarked candidates left of the trigger in subject position (the verb-final rule reuses them). */
  leftUnmarked: Cand[];
  /** A complete answer found on the way (infinitive supply clause). */
  done?: Args[];
}

function verbArgs(c: TriggerContext): Args[] {
  const { toks, lex, lang, typeOf } = c.s;
  const { e, t, cands, L, R, sym, objMarkers } = c;
  const res: Args[] = [];
  const passive =
    toks.slice(Math.max(0, t - 5), t).some((x) => lex.passiveAux.has(x.norm)) ||
    lex.passiveAux.has(toks[t + 1]?.norm ?? '');
  const agent = cands.find((x) => isAgentMarker(x) && x.dist <= 8);
  let subj: Cand | undefined;
  let obj: Cand | undefined;
  if (passive && agent) {
    subj = agent;
    obj = objMarkers.length ? cands.find((x) => objMarkers.includes(x.marker) && x !== agent) : undefined;
    obj ??= L.find((x) => unmarked(x) && x !== agent) ?? R.find((x) => unmarked(x) && x !== agent);
  } else if (e.p === 'MEMBER_OF') {
    obj = memberObject(c.s, t, undefined);
    // "zur Allianz der Sahelstaaten (AES)": the name and its abbreviation are one organisation, not two actors.
    subj = L.filter(
      (x) => unmarked(x) && !x.conjOf && x.m.entity !== obj?.m.entity && typeOf(x.m.entity) !== 'Person',
    ).sort(byDist)[0];
    if (!subj && lang === 'de') subj = R.find((x) => unmarked(x) && x.m.entity !== obj?.m.entity && x.dist <= 4);
  } else {
    const p = activeSubject(c);
    if (p.done) return p.done;
    ({ subj, obj } = activeObject(c, p, res));
  }
  // "U.S. Secretary of State Marco Rubio spoke …": the person heading the noun phrase acts, not the state.
  if (subj && lang === 'en' && typeOf(subj.m.entity) !== 'Person') {
    const s0 = subj;
    const head = cands.find(
      (x) =>
        typeOf(x.m.entity) === 'Person' &&
        x.m.tokStart > s0.m.tokEnd &&
        x.m.tokEnd <= t &&
        x.m.tokStart - s0.m.tokEnd <= 6 &&
        toks
          .slice(s0.m.tokEnd, x.m.tokStart)
          .every((y) => y.cap || /^(of|s|’|'|-|for)$/u.test(y.norm) || y.text === '’' || y.text === "'"),
    );
    if (head && head !== obj) subj = head;
  }
  // A list subject ("Mali, Burkina Faso und der Niger haben …") reaches the verb through its last conjunct.
  const s1 = subj;
  if (s1 && s1.dist > 14 && !sameSeg(c, s1) && !cands.some((x) => x.conjOf === s1.m && sameSeg(c, x))) return [];
  if (s1 && obj) pushVerbArgs(c, s1, obj, res);
  else if (s1 && sym) {
    const group = [s1.m, ...cands.filter((x) => x.conjOf === s1.m).map((x) => x.m)];
    for (let a = 0; a < group.length; a++)
      for (let b = a + 1; b < group.length; b++) res.push([group[a], group[b], 0.7, 'sym-conj']);
  }
  return res;
}

function pushVerbArgs(c: TriggerContext, subj: Cand, obj: Cand, res: Args[]): void {
  const { lang, typeOf } = c.s;
  const { e, cands, R, sym } = c;
  res.push([subj.m, obj.m, subj.marker === 'none' && obj.marker !== 'none' ? 0.8 : 0.7, 'verb']);
  // Coordinated subjects share the relation: "Moskau und Teheran unterstützen …".
  if (subj.m && sym === false) {
    for (const x of cands) if (x.conjOf === subj.m) res.push([x.m, obj.m, 0.65, 'verb-conj']);
  } else if (sym) for (const x of cands) if (x.conjOf === subj.m) res.push([x.m, obj.m, 0.65, 'verb-conj']);
  // "Der SOZ gehören neben China … auch Pakistan, der Iran, Belarus … an": every state in the midfield.
  if (e.p === 'MEMBER_OF' && lang === 'de' && subj.side === 'R')
    for (const x of R)
      if (
        x !== subj &&
        x.m !== obj.m &&
        typeOf(x.m.entity) === 'Country' &&
        sameSeg(c, x) &&
        x.dist <= 20 &&
        !res.some((y) => y[0] === x.m)
      )
        res.push([x.m, obj.m, 0.6, 'member-midfield']);
}

/** The subject of an active verb (and, for an infinitive clause, its object). */
function activeSubject(c: TriggerContext): Picked {
  const { toks, lex, lang } = c.s;
  const { e, t, cands, L, R, objMarkers } = c;
  let subj: Cand | undefined;
  let obj: Cand | undefined;
  // English subjects stand at a clause start ("…, Sudan will …", "Russia launched …", "X, who …").
  const subjPos = (x: Cand) =>
    lang !== 'en' || clauseStart(c.s, x.m) || /^(who|which|that)$/u.test(toks[x.m.tokEnd]?.norm ?? '');
  // "US-made missiles hit …", "Iran-backed militias attacked …": the first part of a hyphened participle only
  // describes the noun after it; "the Saudi-led coalition" acts for its leader.
  const describes = (x: Cand) => {
    const next = toks[x.m.tokEnd];
    return lang === 'en' && !!next?.hyphen && participleLike(next.norm) && !lex.leadingParticiples.has(next.norm);
  };
  const leftUnmarked = L.filter(
    (x) => unmarked(x) && !x.conjOf && subjPos(x) && !describes(x) && (x.dist <= 14 || (lang === 'en' && x.dist <= 30)),
  );
  // A genitive inside an apposition ("Putin, Präsident Russlands, kam …") is not the subject.
  const byPoss = (a: Cand, b: Cand) =>
    Number(!!a.m.poss && lang !== 'en') - Number(!!b.m.poss && lang !== 'en') || a.dist - b.dist;
  subj = [...leftUnmarked.filter((x) => sameSeg(c, x))].sort(byPoss)[0] ?? [...leftUnmarked].sort(byPoss)[0];
  if (!subj) {
    // "The US, Russia, and Switzerland met": the nearest actor is a conjunct; its head is the subject.
    const conj = L.find((x) => unmarked(x) && x.conjOf);
    const head = conj && cands.find((x) => x.m === conj.conjOf);
    if (head && (lang !== 'en' || clauseStart(c.s, head.m))) subj = head;
  }
  // Pronoun subject ("after it joins", "he will work with") → the first unmarked actor of the sentence.
  const pronTok = toks.slice(Math.max(0, t - 4), t).find((x) => lex.pronouns.has(x.norm));
  if (pronTok && (!subj || subj.m.tokEnd <= toks.indexOf(pronTok))) {
    const ref = antecedent(c.s, pronTok, cands);
    if (ref) subj = ref;
  }
  // Infinitive clause: "Iran wies die Vorwürfe zurück, Russland mit Raketen zu beliefern" → Iran is the subject.
  if (toks[t - 1]?.norm === (lang === 'en' ? 'to' : 'zu') && !DIRECT_FIRST.has(e.p)) {
    const main = cands
      .filter((x) => unmarked(x) && x.m.tokStart < t && !x.conjOf)
      .sort((a, b) => a.m.tokStart - b.m.tokStart)[0];
    if (main && main !== subj) {
      const inner =
        lang === 'en' ? R.find((x) => unmarked(x) && x.dist <= 3) : subj && sameSeg(c, subj) ? subj : undefined;
      if (inner && inner.m.entity !== main.m.entity && !objMarkers.length) {
        subj = main;
        obj = inner;
      } else if (inner && inner.m.entity !== main.m.entity && e.p === 'SUPPLIES' && lang !== 'en') {
        return { leftUnmarked, done: [[main.m, inner.m, 0.6, 'infinitive']] };
      }
    }
  }
  // Gerund after a preposition: "accused Beijing of supporting Moscow" → Beijing supports.
  if (lang === 'en' && /ing$/u.test(toks[t]!.norm) && toks[t - 1] && lex.prepositions.has(toks[t - 1]!.norm)) {
    const near = L.find((x) => x.dist <= 4 && unmarked(x));
    if (near) subj = near;
  }
  if (!subj && lang === 'de') subj = R.find((x) => unmarked(x) && x.dist <= 4);
  return { subj, obj, leftUnmarked };
}

/** The object of an active verb: direct, marked, an event noun's agent, a state adjective, or verb-final order. */
function activeObject(c: TriggerContext, p: Picked, res: Args[]): { subj?: Cand; obj?: Cand } {
  const { lang, typeOf } = c.s;
  const { e, t, cands, R, sym, objMarkers } = c;
  let { subj, obj } = p;
  // Transitive stances and acts take the direct object first ("accused Beijing of supporting …").
  if (DIRECT_FIRST.has(e.p)) obj = R.find((x) => unmarked(x) && x !== subj && x.dist <= 3);
  if (!obj && objMarkers.length)
    obj = cands.filter((x) => objMarkers.includes(x.marker) && x !== subj && x.dist <= 14).sort(byDist)[0];
  if (!obj && e.p === 'CRITICIZES') obj = criticised(c, subj, res);
  if (!obj && ADJ_TARGET.has(e.p)) {
    // "kritisierte die israelischen Angriffe", "griff russische Ölraffinerien an": the modifier's state is the target.
    const adj = adjTarget(c.s, t, 5, subj?.m.entity);
    if (adj && subj) res.push([subj.m, adj, 0.6, 'verb-adj-object']);
  }
  const verbFinal = () => {
    const lu = p.leftUnmarked.filter((x) => sameSeg(c, x));
    if (lu.length >= 2) {
      obj = lu[0];
      subj = lu[1];
    }
  };
  if (!obj && !sym) {
    obj = R.find((x) => unmarked(x) && x !== subj && x.dist <= 6);
    if (!obj && e.p === 'ATTACKS')
      obj = R.find((x) => x.marker === 'in' && x.dist <= 8 && typeOf(x.m.entity) === 'Country' && x !== subj);
    // Verb-final clause: "dass Russland die Ukraine angegriffen hat".
    if (!obj && lang === 'de') verbFinal();
  }
  if (!obj && sym) obj = R.find((x) => unmarked(x) && x !== subj && x.dist <= 5);
  // Verb-final: "Putin hat den chinesischen Staatschef Xi Jinping in Moskau empfangen".
  if (!obj && sym && lang === 'de') verbFinal();
  return { subj, obj };
}

/** What a criticism verb targets when no actor follows it: the author of a statement ("verurteilte die Erklärung
 * aus Pjöngjang"), or the agent of the latest act an event noun names ("kritisierte die bisherigen Sanktionen"). */
function criticised(c: TriggerContext, subj: Cand | undefined, res: Args[]): Cand | undefined {
  const { toks, mentionAt, out, sent, typeOf, triggersFor } = c.s;
  const { t, R } = c;
  const obj = R.find(
    (x) =>
      x !== subj &&
      /^(aus|from|by)$/u.test(x.markerNorm) &&
      x.dist <= 5 &&
      toks.slice(t + 1, x.m.tokStart - 1).every((y) => y.kind === 'word'),
  );
  if (obj || !subj) return obj;
  for (let k = t + 1; k < Math.min(toks.length, t + 5); k++) {
    const ev = triggersFor(toks[k]!.norm).find(
      (x) => x.pos === 'noun' && (x.p === 'SANCTIONS' || x.p === 'ATTACKS' || x.p === 'THREATENS'),
    );
    if (!ev) continue;
    if (mentionAt(k + 1) || mentionAt(k + 2) || (k > 0 && mentionAt(k - 1))) break;
    const prior = [...out].reverse().find((x) => x.predicate === ev.p && x.sentence < sent.index);
    let agent = prior?.subject;
    // "called the attack a war crime" after "Defense Secretary Hegseth ordered strikes": the state acts.
    const office = agent
      ? out.find(
          (x) =>
            x.subject === agent &&
            /^(HEAD_OF_STATE|HEAD_OF_GOVERNMENT|OFFICIAL_OF)$/u.test(x.predicate) &&
            typeOf(x.object) === 'Country',
        )
      : undefined;
    if (office) agent = office.object;
    if (agent && agent !== subj.m.entity) {
      const stand: Mention = {
        ...subj.m,
        entity: agent,
        kind: 'coref',
        tokStart: k,
        tokEnd: k + 1,
        start: toks[k]!.start,
        end: toks[k]!.end,
        surface: toks[k]!.text,
      };
      res.push([subj.m, stand, 0.55, 'event-coref']);
    }
    break;
  }
  return undefined;
}
