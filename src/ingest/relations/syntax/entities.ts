// From argument words to entity mentions: the mention a word belongs to, the name in an apposition ("Präsident
// Putin"), the state behind an actor noun ("die iranische Regierung"), and every conjunct of a coordinated phrase.

import type { EntityType } from '../../../model.js';
import type { Mention } from '../../types.js';
import {
  ancestors,
  casesOf,
  feat,
  grants,
  headOf,
  kids,
  morphCase,
  relOf,
  strandedModifiers,
  withConjuncts,
} from './tree.js';
import type { SentenceContext } from './types.js';

export const ACTOR_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  'Country',
  'Person',
  'Organization',
  'ArmedGroup',
]);
const NAME_RELS = ['appos', 'flat', 'compound'];
const OWNER_RELS = ['amod', 'nmod:poss', 'nmod', 'dep', 'det'];

export const typeOf = (ctx: SentenceContext, id: string): EntityType | undefined => ctx.doc.entities.get(id)?.type;

/** The mentions whose token span overlaps word k. */
export function mentionsAtWord(ctx: SentenceContext, k: number): Mention[] {
  const w = ctx.words[k]!;
  return ctx.mentions.filter((m) => m.tokStart < w.tokEnd && w.tokStart < m.tokEnd);
}

/** "the Madrid peace talks": a capital named in a compound before noun w says where, not who (word, entity). */
export function venueCompounds(ctx: SentenceContext, w: number): Array<{ word: number; entity: string }> {
  return kids(ctx, w, 'compound').flatMap((c) =>
    mentionsAtWord(ctx, c)
      .filter((m) => m.kind === 'metonym')
      .map((m) => ({ word: c, entity: m.entity })),
  );
}

function actorMention(ctx: SentenceContext, k: number, allowAdjective: boolean): Mention | undefined {
  return mentionsAtWord(ctx, k).find((m) => {
    const ty = typeOf(ctx, m.entity);
    return ty && ACTOR_TYPES.has(ty) && (m.actor || allowAdjective || ctx.lex.actorNouns.has(ctx.norms[k]!));
  });
}

/**
 * The actor a single word stands for. `allowAdjective`: the slot itself is a modifier ("russische Angriffe"), so a
 * bare adjective counts; elsewhere an adjective needs an actor noun ("die iranische Regierung").
 */
export function actorOfWord(ctx: SentenceContext, k: number, allowAdjective = false, depth = 0): Mention | undefined {
  const own = actorMention(ctx, k, allowAdjective);
  if (own) return own;
  if (depth > 1) return undefined;
  const speaker = speakerOfPronoun(ctx, k);
  if (speaker !== undefined) {
    const m = actorOfWord(ctx, speaker, false, depth + 1);
    return m && pronounFits(ctx, k, m) ? m : undefined;
  }
  const owner = possessorOfPronoun(ctx, k);
  if (owner) return owner;
  // "Präsident Putin", "der Sprecher, Peskow": the name apposed to a role or title noun.
  for (const rel of NAME_RELS)
    for (const c of kids(ctx, k, rel)) {
      const m = actorMention(ctx, c, false);
      const mt = m && typeOf(ctx, m.entity);
      if (m && mt === 'Person') return m;
      // "der paramilitärischen Miliz Rapid Support Forces", "the group Hamas": a common noun naming its organisation.
      if (m && rel === 'appos' && (mt === 'ArmedGroup' || mt === 'Organization') && ctx.words[k]!.upos === 'NOUN')
        return m;
    }
  // "hosted his Iranian counterpart", "mit seinem saudischen Amtskollegen": an unnamed counterpart acts for the state
  // of its adjective (a named one is resolved to the person by coreference).
  if (ctx.lex.counterparts.has(ctx.norms[k]!))
    for (const c of kids(ctx, k, 'amod')) {
      const m = actorMention(ctx, c, true);
      if (m && typeOf(ctx, m.entity) === 'Country') return m;
    }
  // "tariffs on imports from Canada", "Zölle auf Waren aus China": traded goods stand for the state they come from.
  if (ctx.lex.goodsNouns.has(ctx.norms[k]!)) {
    const origin = originOf(ctx, k);
    if (origin) return origin;
  }
  // "die iranische Regierung", "Russia's military", "the government of Iran": the noun acts for its owner.
  if (ctx.lex.actorNouns.has(ctx.norms[k]!))
    for (const rel of OWNER_RELS)
      for (const c of kids(ctx, k, rel)) {
        if (rel === 'nmod' && !ownerNmod(ctx, c) && !seatOf(ctx, k, c)) continue;
        // An adjective the parser left as bare 'dep' ("Russische Truppen" sentence-initially) is still a modifier.
        if (rel === 'dep' && ctx.words[c]!.upos !== 'ADJ') continue;
        // "seine Soldaten": of the determiners only the possessive names an owner.
        if (rel === 'det' && ctx.words[c]!.deprel !== 'det:poss') continue;
        const m = actorOfWord(ctx, c, true, depth + 1);
        if (m) return m;
      }
  if (ctx.lex.actorNouns.has(ctx.norms[k]!))
    for (const c of strandedModifiers(ctx, k)) if (seatOf(ctx, k, c)) return actorMention(ctx, c, false);
  return undefined;
}

/** The state goods noun k come from: its origin phrase ("imports from Canada"), or the one right after it that the
 * parser hung on the verb (PP attachment, "erhebt Zölle auf Waren aus China" with "aus China" as obl), or its
 * adjective ("chinesische Waren"). */
function originOf(ctx: SentenceContext, k: number): Mention | undefined {
  const phrases = kids(ctx, k, 'nmod').filter((c) => casesOf(ctx, c).some((x) => ctx.lex.originCases.has(x)));
  let j = k + 1;
  while (j < ctx.words.length && ancestors(ctx, j).some((a) => a.word === k)) j++;
  const next = ctx.words[j];
  if (next?.upos === 'ADP' && ctx.lex.originCases.has(ctx.norms[j]!) && headOf(ctx, j) > j)
    phrases.push(headOf(ctx, j));
  for (const c of phrases) {
    const m = actorMention(ctx, c, false);
    if (m && typeOf(ctx, m.entity) === 'Country') return m;
  }
  // "Zölle auf chinesische Waren", "tariffs on Canadian goods".
  for (const c of kids(ctx, k, 'amod')) {
    const m = actorMention(ctx, c, true);
    if (m && typeOf(ctx, m.entity) === 'Country') return m;
  }
  return undefined;
}

/** "The ministry said it condemned …", "Peking erklärte, es werde …", "Tehran denied that it had sent …": the
 * pronoun subject of a clause reported or denied by a verb of speech or denial is the speaker (that verb's subject
 * word), if the speaker is a third party; also in the content clause of the verb's object noun ("rejected reports
 * that it had sent …"). */
function speakerOfPronoun(ctx: SentenceContext, k: number): number | undefined {
  const w = ctx.words[k]!;
  if (w.upos !== 'PRON' || relOf(w.deprel) !== 'nsubj' || !ctx.lex.subjectPronouns.has(ctx.norms[k]!)) return undefined;
  const clause = w.head - 1;
  if (clause < 0) return undefined;
  const rel = relOf(ctx.words[clause]!.deprel);
  let verb = ctx.words[clause]!.head - 1;
  // "said it condemned …", "said as it ramped up the pressure …".
  if (!['ccomp', 'parataxis', 'advcl'].includes(rel)) {
    const content = rel === 'acl' && kids(ctx, clause, 'mark').some((m) => ctx.norms[m] === 'that');
    if (!content || verb < 0 || relOf(ctx.words[verb]!.deprel) !== 'obj') return undefined;
    verb = ctx.words[verb]!.head - 1;
  }
  const says = (v: number) => ctx.lex.speechHeads.has(ctx.norms[v]!) || ctx.lex.denialHeads.has(ctx.norms[v]!);
  if (verb < 0 || !says(verb)) return undefined;
  return kids(ctx, verb, 'nsubj').find((s) => ctx.words[s]!.upos !== 'PRON');
}

/** "Senator Van Hollen said it sent a message": "it" is no person, so it is the thing talked about. */
function pronounFits(ctx: SentenceContext, k: number, m: Mention): boolean {
  return ctx.lex.subjectPronouns.get(ctx.norms[k]!)?.has(typeOf(ctx, m.entity) ?? '') ?? false;
}

/** A reported clause's pronoun subject that cannot stand for its speaker ("Van Hollen said it sent …"): a thing. */
export function thingPronoun(ctx: SentenceContext, k: number): boolean {
  const speaker = speakerOfPronoun(ctx, k);
  const m = speaker === undefined ? undefined : actorOfWord(ctx, speaker, false, 1);
  return m !== undefined && !pronounFits(ctx, k, m);
}

/** "The EU imposed sanctions on Iran over its support for Russia", "seine Soldaten": a possessive stands for the nearest actor
 * of a fitting type named before it in the sentence (an actor mention, not an adjective). */
function possessorOfPronoun(ctx: SentenceContext, k: number): Mention | undefined {
  const w = ctx.words[k]!;
  const types = ctx.lex.possessivePronouns.get(ctx.norms[k]!);
  const possessive = (w.upos === 'PRON' && w.deprel === 'nmod:poss') || w.deprel === 'det:poss';
  if (!types || !possessive) return undefined;
  // "The EU offered Moldova its full support": in the object of a granting verb it is the giver's.
  const noun = w.head - 1;
  const verb = noun >= 0 && relOf(ctx.words[noun]!.deprel) === 'obj' ? ctx.words[noun]!.head - 1 : -1;
  if (verb >= 0 && grants(ctx, verb)) {
    const giver = kids(ctx, verb, 'nsubj')
      .map((s) => actorMention(ctx, s, false))
      .find((m) => m && types.has(typeOf(ctx, m.entity) ?? ''));
    if (giver) return giver;
  }
  let best: Mention | undefined;
  for (const m of ctx.mentions) {
    const ty = typeOf(ctx, m.entity);
    if (m.tokEnd > w.tokStart || !m.actor || !ty || !types.has(ty)) continue;
    if (!best || m.tokStart > best.tokStart) best = m;
  }
  return best;
}

/** "die Regierung in Warschau", "the junta in Bamako": a government noun's seat names the state it governs. */
function seatOf(ctx: SentenceContext, k: number, c: number): boolean {
  if (!ctx.lex.seatNouns.has(ctx.norms[k]!) || !casesOf(ctx, c).some((x) => ctx.lex.seatCases.has(x))) return false;
  const m = actorMention(ctx, c, false);
  return !!m && typeOf(ctx, m.entity) === 'Country';
}

/** "of Iran", "von Iran", "des Iran": an nmod that names the owner, not a place or a topic. */
function ownerNmod(ctx: SentenceContext, c: number): boolean {
  const cs = casesOf(ctx, c);
  if (!cs.length) return ctx.lang === 'de' && (morphCase(ctx, c) === 'Gen' || feat(ctx, c, 'Case') === 'Gen');
  return cs.some((x) => x === 'of' || x === 'von' || x === 'vom');
}

/** "countries including Britain and Germany", "Staaten wie Polen und Ungarn": the named members of a common noun
 * that names no actor itself (the inclusion word is the member's case marker or, as EWT parses "including", its
 * verb head). */
function includedMembers(ctx: SentenceContext, k: number): number[] {
  if (ctx.words[k]!.upos !== 'NOUN') return [];
  const out: number[] = [];
  for (const c of kids(ctx, k)) {
    const rel = relOf(ctx.words[c]!.deprel);
    if (rel === 'nmod' && casesOf(ctx, c).some((x) => ctx.lex.inclusionWords.has(x))) out.push(c);
    if (rel === 'acl' && ctx.lex.inclusionWords.has(ctx.norms[c]!)) out.push(...kids(ctx, c, 'obj'));
  }
  return out;
}

/** Every actor mention a slot's words stand for, conjuncts included, each entity once. */
export function actorsOf(ctx: SentenceContext, words: readonly number[], allowAdjective: boolean): Mention[] {
  const out: Mention[] = [];
  const add = (m: Mention | undefined) => {
    if (m && !out.some((x) => x.entity === m.entity)) out.push(m);
  };
  for (const w of words)
    for (const k of withConjuncts(ctx, w)) {
      // "die beiden Länder": a pair phrase is two coreferent mentions over the same words; both are arguments.
      const pair = mentionsAtWord(ctx, k).filter((x) => x.kind === 'coref' && ACTOR_TYPES.has(typeOf(ctx, x.entity)!));
      if (pair.length >= 2) {
        pair.forEach(add);
        continue;
      }
      const m = actorOfWord(ctx, k, allowAdjective);
      if (m) add(m);
      else for (const i of includedMembers(ctx, k)) for (const j of withConjuncts(ctx, i)) add(actorOfWord(ctx, j));
      // "Russian and Ukrainian delegations": coordinated adjectives of one actor noun name one actor each.
      if (m && ctx.lex.actorNouns.has(ctx.norms[k]!))
        for (const a of kids(ctx, k, 'amod')) for (const c of kids(ctx, a, 'conj')) add(actorOfWord(ctx, c, true));
    }
  return out;
}

/** The places the words and their conjuncts name ("attacked Kharkiv and Odesa", "griff El Fasher an"): an attack's
 * target may be a place that acts as no state. */
export function placesOf(ctx: SentenceContext, words: readonly number[]): Mention[] {
  const out: Mention[] = [];
  for (const w of words)
    for (const k of withConjuncts(ctx, w))
      for (const m of mentionsAtWord(ctx, k))
        if (typeOf(ctx, m.entity) === 'Location' && !out.some((x) => x.entity === m.entity)) out.push(m);
  return out;
}

/** Item mentions (supplied goods) within the subtree of the theme words, else anywhere in the sentence. */
export function itemsOf(ctx: SentenceContext, theme: readonly number[]): string[] {
  const items = ctx.mentions.filter((m) => typeOf(ctx, m.entity) === 'Item');
  if (!items.length) return [];
  const spans = theme.flatMap((w) => withConjuncts(ctx, w)).map((w) => subtreeSpan(ctx, w));
  const inTheme = items.filter((m) => spans.some(([a, b]) => m.tokStart >= a && m.tokEnd <= b));
  return [...new Set((inTheme.length ? inTheme : items).map((m) => m.entity))];
}

function subtreeSpan(ctx: SentenceContext, w: number): [number, number] {
  let a = ctx.words[w]!.tokStart;
  let b = ctx.words[w]!.tokEnd;
  const stack = [w];
  while (stack.length) {
    const k = stack.pop()!;
    a = Math.min(a, ctx.words[k]!.tokStart);
    b = Math.max(b, ctx.words[k]!.tokEnd);
    for (const c of kids(ctx, k)) if (relOf(ctx.words[c]!.deprel) !== 'acl:relcl') stack.push(c);
  }
  return [a, b];
}
