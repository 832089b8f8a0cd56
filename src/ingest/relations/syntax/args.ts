// Frame slots read off the tree: which words of a parsed sentence fill a trigger's subject, object or theme slot.
// Words only; entities.ts turns them into mentions, so one slot reader serves verbs, event nouns and actor nouns.

import { actorsOf, mentionsAtWord, placesOf, typeOf, venueCompounds } from './entities.js';
import type { Frame, Slot } from './frames.js';
import {
  casesOf,
  coreDeps,
  feat,
  verbIn,
  hasCase,
  headOf,
  inheritedSubject,
  inSubtree,
  isPassive,
  kids,
  morphCase,
  relOf,
  relativeAntecedent,
} from './tree.js';
import { NON_AGENT_GOVERNORS } from '../triggers.js';
import { triggersAt } from './triggers.js';
import type { SentenceContext, TriggerContext } from './types.js';

const CORE = new Set(['nsubj', 'obj', 'iobj']);
const CONFLICT = new Set(['ATTACKS', 'SANCTIONS', 'CRITICIZES', 'THREATENS']);
/** Relations by which a noun can be apposed to or modify the word it describes ("Chile, Perus Verbündeter"). */
const HEAD_RELS = new Set(['appos', 'amod', 'acl', 'compound', 'flat', 'nmod', 'conj']);

/** A German genitive: an nmod without adposition, marked by its article's case or an -s genitive name. */
function isGenitive(ctx: SentenceContext, k: number): boolean {
  if (casesOf(ctx, k).length) return false;
  if (morphCase(ctx, k) === 'Gen') return true;
  return ctx.mentions.some((m) => m.poss && m.tokStart < ctx.words[k]!.tokEnd && ctx.words[k]!.tokStart < m.tokEnd);
}

/** Words glued to the trigger by a hyphen before it ("US-Sanktionen", "Iran-backed"): the project tokens say so. */
export function prefixWords(ctx: SentenceContext, t: number): number[] {
  const toks = ctx.doc.sentences[ctx.sentence]!.tokens;
  const first = ctx.words[t]!.tokStart;
  const out: number[] = [];
  for (let tok = first; tok > 0 && toks[tok]!.hyphen; tok--) {
    const w = ctx.words.findIndex((x, i) => i !== t && x.tokStart <= tok - 1 && tok - 1 < x.tokEnd && x.form !== '-');
    if (w >= 0 && !out.includes(w)) out.push(w);
  }
  return out;
}

function triggerCaseOk(ctx: TriggerContext, slot: Slot): boolean {
  if (!slot.ifTriggerCase) return true;
  const cs = casesOf(ctx, ctx.word);
  return slot.ifTriggerCase.length === 0 ? cs.length === 0 : cs.some((c) => slot.ifTriggerCase!.includes(c));
}

/** Dependents of word w with relation `dep` (core relations voice-normalised; a missing subject inherited). */
function depsOf(ctx: SentenceContext, w: number, dep: string, isVerb: boolean): number[] {
  if (dep === 'gen') return kids(ctx, w, 'nmod').filter((k) => ctx.lang === 'de' && isGenitive(ctx, k));
  if (CORE.has(dep) || dep === 'nsubj:pass') {
    const core = coreDeps(ctx, w)
      .filter((d) => d.rel === dep)
      .map((d) => d.word);
    if (!core.length && dep === 'nsubj' && isVerb) return inheritedSubject(ctx, w);
    if (!core.length && dep === 'nsubj' && !isVerb) return linkedSubject(ctx, w);
    return core;
  }
  return kids(ctx, w, dep);
}

/** "Washington remains Israel's main backer", "Russland bleibt Serbiens wichtigster Partner": the parser reads
 * the noun as the object of a linking verb (copulas), whose subject is then the noun's. */
function linkedSubject(ctx: SentenceContext, n: number): number[] {
  const h = headOf(ctx, n);
  const via = relOf(ctx.words[n]!.deprel);
  if (h < 0 || (via !== 'obj' && via !== 'xcomp') || !ctx.lex.copulas.has(ctx.norms[h]!)) return [];
  return coreDeps(ctx, h)
    .filter((d) => d.rel === 'nsubj' && d.word !== n)
    .map((d) => d.word);
}

/** The noun an event noun stands in for: the bundle noun it names the content of ("an aid package for Ukraine",
 * syntax-cues bundle_heads), else itself. */
export function eventPhrase(ctx: TriggerContext): number {
  const t = ctx.word;
  if (ctx.pos !== 'noun' || relOf(ctx.words[t]!.deprel) !== 'compound') return t;
  const h = headOf(ctx, t);
  return h > t && ctx.lex.bundleHeads.has(ctx.norms[h]!) ? h : t;
}

export function readSlot(ctx: TriggerContext, slot: Slot): number[] {
  if (!triggerCaseOk(ctx, slot)) return [];
  const t = eventPhrase(ctx);
  const isVerb = ctx.pos === 'verb';
  if (slot.noObject && isVerb && depsOf(ctx, t, 'obj', true).length) return [];
  let words: number[];
  if (slot.dep === 'prefix') words = prefixWords(ctx, t);
  else if (slot.dep === 'head') {
    const h = headOf(ctx, t);
    words = h >= 0 && HEAD_RELS.has(relOf(ctx.words[t]!.deprel)) ? [h] : [];
  } else if (slot.dep.startsWith('governor:')) {
    const g = governorOf(ctx, t, slot);
    const dep = slot.dep.slice('governor:'.length);
    // "hat wegen der Lieferung von Raketen an Russland Sanktionen verhängt": the EU delivers nothing; "Frankreich
    // verurteilte die Angriffe Israels": the critic attacked no one. A light verb lends its subject ("verhängte
    // Sanktionen", "launched strikes"), a verb of NON_AGENT_GOVERNORS does not.
    // A slot naming the adposition of its construction ("zur Unterstützung X", "in support of X": the sender's
    // purpose) says itself that the governor's subject takes part.
    // A slot that names its governors ("received support": the receiver) reads no agent and needs no such check.
    const foreign =
      dep === 'nsubj' &&
      !slot.ifTriggerCase?.length &&
      !slot.governors &&
      (casesOf(ctx, t).some((c) => ctx.lex.circumstanceCases.has(c)) ||
        lendsNoAgent(ctx, g, ctx.predicate) ||
        causes(ctx, g, t));
    words =
      g < 0 || foreign || (slot.governors && !verbIn(ctx, g, governorVerbs(ctx, slot.governors)))
        ? []
        : depsOf(ctx, g, dep, ctx.words[g]!.upos === 'VERB' || ctx.words[g]!.upos === 'AUX').filter((k) => k !== t);
  } else if (slot.dep.includes('/')) {
    const [a, b] = slot.dep.split('/') as [string, string];
    words = depsOf(ctx, t, a, isVerb)
      .filter((k) => !slot.via || slot.via.includes(ctx.norms[k]!))
      .flatMap((k) => depsOf(ctx, k, b, false));
  } else words = depsOf(ctx, t, slot.dep, isVerb);
  // An adposition's relative pronoun stands for the clause's antecedent ("gegen den die USA Sanktionen verhängt").
  const found = words.filter((k) => hasCase(ctx, k, slot.case)).map((k) => relativeAntecedent(ctx, k) ?? k);
  if (found.length || !slot.case?.length) return found;
  // PP attachment is the parser's commonest ambiguity ("den größten Teil seiner Rüstungsgüter aus Israel bezogen"
  // hangs "aus Israel" on the object, "der Besuch Putins in Peking" on the genitive): the frame's own preposition
  // says the phrase is the trigger's.
  const moved = slot.dep === 'obl' && isVerb ? objectModifiers(ctx, t) : slot.dep === 'nmod' ? ofModifiers(ctx, t) : [];
  return moved.filter((k) => casesOf(ctx, k).length > 0 && hasCase(ctx, k, slot.case));
}

/** The word an event noun hangs on. A phrase under the frame's own adposition that the parser hung on the verb's
 * object belongs to the verb ("added Russia's central bank to its sanctions list", "setzte die Zentralbank auf
 * die Sanktionsliste": the list is where the bank is put, not a part of the bank). */
function governorOf(ctx: TriggerContext, t: number, slot: Slot): number {
  const g = headOf(ctx, t);
  if (!slot.ifTriggerCase?.length || g < 0 || relOf(ctx.words[t]!.deprel) !== 'nmod') return g;
  // "dozens of Chinese companies": the object is the of-phrase's head.
  let o = g;
  while (relOf(ctx.words[o]!.deprel) === 'nmod' && casesOf(ctx, o).includes('of') && headOf(ctx, o) >= 0)
    o = headOf(ctx, o);
  if (relOf(ctx.words[o]!.deprel) !== 'obj') return g;
  const v = headOf(ctx, o);
  return v >= 0 && ctx.words[v]!.upos === 'VERB' ? v : g;
}

/** The nmod phrases of an event noun's genitive or of-phrase ("Besuch Putins in Peking", "the invasion of Ukraine
 * by Russia"). */
function ofModifiers(ctx: SentenceContext, n: number): number[] {
  const out: number[] = [];
  for (const g of kids(ctx, n, 'nmod')) {
    const cs = casesOf(ctx, g);
    if (cs.length === 0 || cs.includes('of')) out.push(...kids(ctx, g, 'nmod'));
  }
  return out;
}

function governorVerbs(ctx: TriggerContext, kind: NonNullable<Slot['governors']>) {
  const lists = {
    granting: ctx.lex.grantingVerbs,
    accepting: ctx.lex.acceptingVerbs,
    thanking: ctx.lex.thankingVerbs,
    joining: ctx.lex.joiningVerbs,
    imposing: ctx.lex.imposingVerbs,
  } as const;
  return lists[kind];
}

/** "sparked condemnation", "leading to condemnation around the world": g causes the event noun t, it does not act. */
function causes(ctx: TriggerContext, g: number, t: number): boolean {
  if (g < 0) return false;
  const norm = ctx.norms[g]!;
  return ctx.lex.causalHeads.has(norm) || (relOf(ctx.words[t]!.deprel) === 'obl' && ctx.lex.causalOblHeads.has(norm));
}

/** Is word g the verb of another relation that lends no agent to the event noun p below it ("verurteilte" above
 * "Angriffe")? */
export function lendsNoAgent(ctx: TriggerContext, g: number, p: string): boolean {
  if (g < 0) return false;
  const lower = ctx.doc.sentences[ctx.sentence]!.text.toLowerCase();
  return triggersAt(ctx, g, lower).some((e) => e.p !== p && NON_AGENT_GOVERNORS.has(e.p));
}

/** The nmod phrases of a verb's objects, two levels down ("Teil seiner Rüstungsgüter aus Israel"), and of its
 * obliques ("spoke by phone with X", the with-phrase hung on "phone"). */
function objectModifiers(ctx: SentenceContext, v: number): number[] {
  const out: number[] = [];
  for (const o of [...depsOf(ctx, v, 'obj', true), ...kids(ctx, v, 'obl')])
    for (const n of kids(ctx, o, 'nmod')) out.push(n, ...kids(ctx, n, 'nmod'));
  return out;
}

/** The first slot of a list that yields any word (slots are listed in order of preference): for themes. */
export function readFirst(ctx: TriggerContext, slots: readonly Slot[] | undefined): { words: number[]; slot?: Slot } {
  for (const s of slots ?? []) {
    const words = readSlot(ctx, s);
    if (words.length) return { words, slot: s };
  }
  return { words: [] };
}

/**
 * The first slot whose words stand for an actor of the slot's types: "verhängte neue Sanktionen" must not stop at
 * the adjective "neue", "sanctioned the bank" falls through to the next slot. For conflict predicates the target may
 * be named by a modifier ("griff russische Ölraffinerien an").
 */
export function readArgument(ctx: TriggerContext, slots: readonly Slot[] | undefined): number[] {
  const adj = ctx.pos !== 'verb';
  for (const s of slots ?? []) {
    const words = readSlot(ctx, s).map((w) => counted(ctx, w));
    if (!words.length) continue;
    const ms = actorsOf(ctx, words, adj).filter((m) => !s.types || s.types.includes(typeOf(ctx, m.entity)!));
    if (ms.length) return words;
    if (CONFLICT.has(ctx.predicate) && s.dep !== 'nsubj' && slots === ctx.frame.object) {
      // German writes the owner of an attacked thing as a hyphenated prefix ("auf einen US-Zerstörer",
      // "Hisbollah-Stellungen"); for criticism such a prefix is more often the topic ("die Ukraine-Hilfe").
      const owners = (w: number) => (ctx.lang === 'de' && ctx.predicate === 'ATTACKS' ? prefixWords(ctx, w) : []);
      const mods = words.flatMap((w) => [...actingModifiers(ctx, w), ...owners(w)]);
      if (actorsOf(ctx, mods, true).length) return mods;
      const places = ctx.predicate === 'ATTACKS' ? words.flatMap((w) => statesWhere(ctx, w)) : [];
      if (places.length) return places;
    }
    if (ctx.predicate === 'ATTACKS' && slots === ctx.frame.object && placesOf(ctx, words).length) return words;
    // "Ukrainian drones hit a refinery", "russische Raketen trafen Kiew": the weapon's owner attacks.
    if (ctx.predicate === 'ATTACKS' && slots === ctx.frame.subject) {
      const owners = words.filter((w) => isItem(ctx, w)).flatMap((w) => actorModifiers(ctx, w));
      if (actorsOf(ctx, owners, true).length) return owners;
    }
  }
  return slots === ctx.frame.subject ? makersOfGoods(ctx) : [];
}

/** "North Korean shells were delivered to Russia", "Nordkoreanische Granaten wurden nach Russland geliefert": a
 * passive supply that names no supplier comes from the state its goods are named by. */
function makersOfGoods(ctx: TriggerContext): number[] {
  if (ctx.predicate !== 'SUPPLIES' || ctx.pos !== 'verb' || !isPassive(ctx, ctx.word)) return [];
  // An agent phrase the parser hung elsewhere still names the supplier ("delivered to Ukraine by Poland").
  const agentCases = ctx.lex.agentCases[ctx.lang];
  const agent = ctx.words.some(
    (_, k) => casesOf(ctx, k).some((c) => agentCases.has(c)) && actorsOf(ctx, [k], false).length > 0,
  );
  if (agent) return [];
  const goods = coreDeps(ctx, ctx.word).filter((d) => d.rel === 'obj' && isItem(ctx, d.word));
  const makers = goods.flatMap((d) => kids(ctx, d.word, 'amod'));
  return actorsOf(ctx, makers, true).length ? makers : [];
}

/** What a quantity noun counts ("a wave of Russian drones", "einer Welle russischer Drohnen", "hundreds of
 * missiles"): its of/von phrase or German genitive; any other word stands for itself. */
function counted(ctx: SentenceContext, w: number): number {
  if (!ctx.lex.quantityNouns.has(ctx.norms[w]!)) return w;
  const inner = kids(ctx, w, 'nmod').find((n) => {
    const cs = casesOf(ctx, n);
    return cs.length === 0 ? ctx.lang === 'de' : cs.includes('of') || cs.includes('von');
  });
  return inner ?? w;
}

export function requiresHold(ctx: TriggerContext, frame: Frame): boolean {
  return (frame.requires ?? []).every((s) => readSlot({ ...ctx, frame }, s).length > 0);
}

function isItem(ctx: SentenceContext, w: number): boolean {
  return mentionsAtWord(ctx, w).some((m) => typeOf(ctx, m.entity) === 'Item');
}

/** "struck targets in southern Lebanon", "hit a refinery in Russia's Krasnodar region", "Ziele im Libanon": what
 * is attacked lies in a place or state, and the attack is on that (a Location, or a Country as the place itself or
 * its possessor). */
function statesWhere(ctx: TriggerContext, w: number): number[] {
  const out: number[] = [];
  // A place phrase right after the object is the object's even where the parser hung it on the verb ("traf ein
  // Krankenhaus in Charkiw" with "in Charkiw" an obl).
  let end = w;
  while (end + 1 < ctx.words.length && inSubtree(ctx, w, end + 1)) end++;
  const after =
    ctx.pos === 'verb'
      ? kids(ctx, ctx.word, 'obl').filter((n) => n > w && Math.min(n, ...kids(ctx, n)) === end + 1)
      : [];
  for (const n of [...kids(ctx, w, 'nmod'), ...after]) {
    if (!casesOf(ctx, n).some((c) => ctx.lex.locativeCases.has(c))) continue;
    if (placesOf(ctx, [n]).length) out.push(n);
    else
      // The possessor may hang on a name before the place noun ("Russia's Krasnodar region").
      for (const k of [n, ...kids(ctx, n, 'compound'), ...kids(ctx, n, 'amod')].flatMap((x) => [
        x,
        ...kids(ctx, x, 'nmod:poss'),
      ])) {
        const m = actorsOf(ctx, [k], true)[0];
        if (m && typeOf(ctx, m.entity) === 'Country') out.push(k);
      }
  }
  return out;
}

/** Who did what a conflict verb's object names: "russische Ölraffinerien", "Israel's strikes", "the US strike",
 * "the excessive use of force by the United States", "die Angriffe Israels" — the criticised act's actor is the
 * target. */
function actingModifiers(ctx: TriggerContext, w: number): number[] {
  const agentCases = ctx.lex.agentCases[ctx.lang];
  const out = actorModifiers(ctx, w);
  // "condemned the use of force by the United States" with "by …" hung on the active verb: an active verb has no
  // agent phrase of its own, so one after its object is the act's.
  const t = ctx.word;
  if (ctx.pos === 'verb' && w > t && !isPassive(ctx, t))
    for (const c of kids(ctx, t, 'obl')) if (c > w && casesOf(ctx, c).some((x) => agentCases.has(x))) out.push(c);
  return out;
}

/** The modifiers of an act's noun that name who acts: adjective, possessor, (English) name compound, agent or
 * genitive phrase ("Israel's strikes", "die Angriffe Israels", "the use of force by the United States"). */
export function actorModifiers(ctx: SentenceContext, w: number): number[] {
  const agentCases = ctx.lex.agentCases[ctx.lang];
  const out = [...kids(ctx, w, 'amod'), ...kids(ctx, w, 'nmod:poss')];
  // "US strikes" yes, "the Madrid peace talks" no: a capital's name before a noun says where, not who.
  if (ctx.lang === 'en') {
    const venues = new Set(venueCompounds(ctx, w).map((v) => v.word));
    out.push(...kids(ctx, w, 'compound').filter((c) => !venues.has(c)));
  }
  for (const n of kids(ctx, w, 'nmod')) {
    const cs = casesOf(ctx, n);
    if (cs.some((c) => agentCases.has(c))) out.push(n);
    else if (!cs.length && ctx.lang === 'de' && (morphCase(ctx, n) === 'Gen' || feat(ctx, n, 'Case') === 'Gen'))
      out.push(n);
    // "the use of force by the United States": the agent hangs on the act's own complement.
    else if (cs.includes('of'))
      for (const m of kids(ctx, n, 'nmod')) if (casesOf(ctx, m).some((c) => agentCases.has(c))) out.push(m);
  }
  return out;
}
