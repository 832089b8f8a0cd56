// Stage 4 (pure): entity mentions → relation candidates. Role facts and appositions give structural relations;
// for each trigger the rules (rules/index.ts, in order) assign subject and object; cue words set modality.

import type { EntityType } from '../../model.js';
import { cueAt } from '../entities/cues.js';
import type { ExtractionModel } from '../extraction-model.js';
import { loadExtractionModel } from '../extraction-model.js';
import type { TriggerEntry } from '../lexicon.js';
import type { Mention, RecognisedDoc, RelationCandidate, RelationsDoc, Sentence } from '../types.js';
import { triggerContext } from './arguments.js';
import type { Args, SentenceContext } from './context.js';
import { markerOf, segmentIds } from './markers.js';
import { carryAttribution, modalityFor } from './modality.js';
import { RULES } from './rules/index.js';
import { mergeWithRuleCandidates } from './syntax/merge.js';
import { relationsFromParse } from './syntax/extract.js';
import { roleRelations, structural } from './structural.js';
import { timesIn } from './time.js';
import { checkTrigger, negated, NOT_EVENT_HEAD, triggerLookup } from './triggers.js';
import { withInferences } from './inferences.js';

const ACTOR_TYPES = new Set<EntityType>(['Country', 'Person', 'Organization', 'ArmedGroup']);

export function extractRelations(doc: RecognisedDoc, model: ExtractionModel = loadExtractionModel()): RelationsDoc {
  const out: RelationCandidate[] = [];
  const lex = model.lexicon;
  const typeOf = (id: string): EntityType | undefined => doc.entities.get(id)?.type;
  const triggersFor = triggerLookup(lex, doc.language);
  roleRelations(doc, out);
  for (const sent of doc.sentences) {
    const ms = doc.bySentence[sent.index] ?? [];
    if (!ms.length) continue;
    const s = sentenceContext(doc, model, sent, ms, typeOf, triggersFor, out);
    structural(s, out);
    const adjCountries = ms.filter(
      (m) => !m.actor && (m.kind === 'adjective' || m.kind === 'demonym') && typeOf(m.entity) === 'Country',
    ).length;
    if (s.actorMs.length < 1 || s.actorMs.length + adjCountries < 2) continue;
    // Most sentences hold no trigger at all: find that out before any argument analysis.
    const triggerAt: number[] = [];
    for (let t = 0; t < s.toks.length; t++) {
      const tok = s.toks[t]!;
      if (tok.kind !== 'word') continue;
      const inMention = s.mentionAt(t);
      if (inMention && typeOf(inMention.entity) !== 'Item') continue;
      if (triggersFor(tok.norm).length) triggerAt.push(t);
    }
    if (!triggerAt.length) continue;
    prepareArguments(s);
    for (const t of triggerAt) triggerRelations(s, t);
  }
  carryAttribution(doc, out);
  if (!doc.parses) return { ...doc, candidates: withInferences(out, typeOf) };
  // Where the sentence was parsed, the tree's arguments join the distance rules' (measured: union beats
  // parse-first on the dev set and the sample), and a negated or conditional trigger vetoes rule candidates.
  const fromParse = relationsFromParse(doc, doc.parses, model.frames, model.syntaxLexicons);
  return { ...doc, candidates: withInferences(mergeWithRuleCandidates(out, fromParse, 'union'), typeOf) };
}

/** The sentence's mention lookup and actors; markers and sources are added by prepareArguments when needed. */
function sentenceContext(
  doc: RecognisedDoc,
  model: ExtractionModel,
  sent: Sentence,
  ms: Mention[],
  typeOf: (id: string) => EntityType | undefined,
  triggersFor: (norm: string) => TriggerEntry[],
  out: RelationCandidate[],
): SentenceContext {
  const toks = sent.tokens;
  // Token → mention lookup table (mentions of one sentence never overlap, except the two of a pair phrase).
  const at: Array<Mention | undefined> = new Array(toks.length);
  for (const m of ms) for (let k = m.tokStart; k < m.tokEnd; k++) at[k] ??= m;
  return {
    doc,
    lex: model.lexicon,
    lang: doc.language,
    sent,
    toks,
    segs: segmentIds(toks),
    ms,
    mentionAt: (k: number) => (k >= 0 ? at[k] : undefined),
    typeOf,
    items: ms.filter((m) => typeOf(m.entity) === 'Item'),
    actorMs: ms.filter((m) => m.actor && ACTOR_TYPES.has(typeOf(m.entity)!)),
    roleTok: new Set(),
    candInfo: new Map(),
    sources: new Set(),
    lower: '',
    times: [],
    out,
    triggersFor,
  };
}

/** Markers of every actor, the named sources of claims, times: needed only in sentences with a trigger. */
function prepareArguments(s: SentenceContext): void {
  const { toks } = s;
  s.lower = s.sent.text.toLowerCase();
  s.times = timesIn(s.lex, toks);
  for (const [a, b] of s.doc.roleSpans[s.sent.index] ?? []) for (let k = a; k < b; k++) s.roleTok.add(k);
  for (const m of s.actorMs) s.candInfo.set(m, markerOf(s, m));
  // The named source of a claim ("laut TASS", "nach Angaben von US-Beamten", "according to X") is not an argument.
  for (let k = 0; k < toks.length; k++) {
    const len = cueAt(toks, k, s.lex.cues.sourceBefore);
    if (!len || toks[k]!.norm === 'wie') continue;
    for (let j = k + len; j < Math.min(toks.length, k + len + 4); j++) {
      const m = s.mentionAt(j);
      if (m) {
        s.sources.add(m);
        break;
      }
    }
  }
}

function triggerRelations(s: SentenceContext, t: number): void {
  const { toks, lex } = s;
  const entries = s.triggersFor(toks[t]!.norm);
  const notEvent = NOT_EVENT_HEAD.test(toks[t + 1]?.norm ?? '');
  for (const e of entries) {
    if (notEvent && e.pos === 'noun') continue;
    if (!checkTrigger(e, toks, t, s.lower, s.items.length > 0)) continue;
    if (negated(lex, toks, t)) continue;
    const c = triggerContext(s, e, t);
    if (!c) continue;
    let res: Args[] | undefined;
    for (const rule of RULES) if ((res = rule.match(c))) break;
    if (res) for (const r of res) pushCandidate(s, e, t, r);
  }
}

function pushCandidate(s: SentenceContext, e: TriggerEntry, t: number, r: Args): void {
  const { typeOf, sent, out } = s;
  let [subj, obj, , rule] = r;
  const conf = r[2];
  if (!subj || !obj || subj.entity === obj.entity) return;
  let st = typeOf(subj.entity);
  let ot = typeOf(obj.entity);
  // "The alliance admitted Sweden", "Die NATO nahm Finnland auf": the organisation is the grammatical subject.
  if (e.p === 'MEMBER_OF' && st === 'Organization' && ot === 'Country') {
    [subj, obj, st, ot] = [obj, subj, ot, st];
    rule = `${rule}-reversed`;
  }
  if (!st || !ot || !ACTOR_TYPES.has(st) || !ACTOR_TYPES.has(ot)) return;
  if (e.p === 'MEMBER_OF' && (ot !== 'Organization' || st === 'Person')) return;
  if (e.p === 'INVITES' && ot === 'Organization' && st !== 'Organization') return;
  // Only an actor reports: "…, including J-10C fighter jets, said it …" is no source named "fighter jets".
  const actorAt = (k: number) => {
    const m = s.mentionAt(k);
    const ty = m && typeOf(m.entity);
    return ty && ACTOR_TYPES.has(ty) ? m : undefined;
  };
  const { modality, attributedTo } = modalityFor(s.lex, sent, t, s.segs, actorAt, [subj.entity, obj.entity], s.lang);
  const near = s.times
    .filter((x) => Math.abs(x.at - t) <= 15)
    .sort((a, b) => Math.abs(a.at - t) - Math.abs(b.at - t))[0];
  const cand: RelationCandidate = {
    subject: subj.entity,
    predicate: e.p,
    object: obj.entity,
    modality,
    confidence: Math.round((modality === 'asserted' ? conf : conf * 0.9) * 100) / 100,
    sentence: sent.index,
    rule,
  };
  if (attributedTo && attributedTo !== subj.entity && attributedTo !== obj.entity) cand.attributedTo = attributedTo;
  if (near) cand.time = near.value;
  if (e.p === 'SUPPLIES') {
    const its = s.items.filter((m) => Math.abs(m.tokStart - t) <= 12).map((m) => m.entity);
    if (its.length) cand.items = [...new Set(its)];
  }
  if (e.p === 'COOPERATES_WITH') {
    const dom = /milit/u.test(s.lower)
      ? 'military'
      : /(wirtschaft|handel|econom|trade)/u.test(s.lower)
        ? 'economic'
        : undefined;
    if (dom) cand.domain = dom;
  }
  out.push(cand);
}
