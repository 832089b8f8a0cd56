// relationsFromParse: every trigger of every parsed sentence through the ordered rules, the argument words
// turned into entity pairs with type checks, modality from the tree, and a site record for the merge.

import { SYMMETRIC_PREDICATES, typesAllowed, type Predicate } from '../../../model.js';
import type { Mention, RecognisedDoc } from '../../types.js';
import { lendsNoAgent, prefixWords, readFirst, requiresHold } from './args.js';
import { actorsOf, itemsOf, placesOf, thingPronoun, typeOf, venueCompounds, ACTOR_TYPES } from './entities.js';
import { evaluationCandidates } from './evaluation.js';
import { anaphoricEvent, ANAPHORIC_ACTS } from './event-anaphora.js';
import { framesFor, type Frame } from './frames.js';
import type { SyntaxLexicons } from './lexicons.js';
import { clauseSpeakers, modalityOf } from './modality.js';
import { RULES } from './rules/index.js';
import { repairedWords } from './repairs/index.js';
import { casesOf, coreDeps, headOf, isPassive, kids, nounLike, particleOf, relOf } from './tree.js';
import { triggerForm, triggersAt } from './triggers.js';
import type {
  ArgumentFind,
  DocParses,
  ParseCandidate,
  ParseOutput,
  SentenceContext,
  SentenceParse,
  TriggerContext,
  TriggerSite,
} from './types.js';

const CONFLICT_TARGET = new Set<Predicate>(['ATTACKS', 'SANCTIONS', 'CRITICIZES', 'THREATENS']);
const PAIR_CASES = new Set(['zwischen', 'between']);

export function sentenceContext(
  doc: RecognisedDoc,
  index: number,
  parse: SentenceParse,
  frames: readonly Frame[],
  lex: SyntaxLexicons,
): SentenceContext {
  const lang = doc.language === 'de' ? 'de' : 'en';
  const words = repairedWords(parse.words, lex, lang);
  const children: number[][] = words.map(() => []);
  words.forEach((w, i) => {
    if (w.head > 0 && w.head <= words.length) children[w.head - 1]!.push(i);
  });
  return {
    doc,
    lang,
    sentence: index,
    words,
    children,
    norms: words.map((w) => w.form.toLowerCase().replace(/\u00AD/g, '')),
    mentions: doc.bySentence[index] ?? [],
    lex,
    frames,
  };
}

function pairsOf(ms: Mention[], conf: number): Array<[Mention, Mention, number]> {
  const out: Array<[Mention, Mention, number]> = [];
  for (let a = 0; a < ms.length; a++) for (let b = a + 1; b < ms.length; b++) out.push([ms[a]!, ms[b]!, conf]);
  return out;
}

/** Argument words → (subject, object) mention pairs: conjuncts distribute, symmetric coordinations pair up. */
function argumentPairs(ctx: TriggerContext, find: ArgumentFind): Array<[Mention, Mention, number]> {
  const adj = ctx.pos !== 'verb';
  // An attacker may come back as the adjective of its weapon ("Ukrainian drones hit …", args.ts), a supplier of a
  // passive as that of its goods ("North Korean shells were delivered …").
  const maker = ctx.predicate === 'SUPPLIES' && find.subject.every((w) => ctx.words[w]!.upos === 'ADJ');
  // A hyphenated prefix names its actor as a name or a state adjective alike ("Iran-backed", "Iranian-backed").
  const prefix = prefixWords(ctx, ctx.word);
  const prefixed = find.subject.length > 0 && find.subject.every((w) => prefix.includes(w));
  const subs = actorsOf(ctx, find.subject, adj || ctx.predicate === 'ATTACKS' || maker || prefixed);
  // Modifier targets ("griff russische Ölraffinerien an") come back from readArgument as the modifier words.
  let objs = actorsOf(ctx, find.object, adj || CONFLICT_TARGET.has(ctx.predicate));
  if (!objs.length && ctx.predicate === 'ATTACKS') objs = placesOf(ctx, find.object);
  const sym = SYMMETRIC_PREDICATES.has(ctx.predicate);
  if (sym) {
    const between = find.object.some((w) => casesOf(ctx, w).some((c) => PAIR_CASES.has(c)));
    // "Turkey hosted talks between Russian and Ukrainian delegations": the pair is the between-phrase's; a subject
    // beside it is the host or mediator.
    if (between && objs.length >= 2) return pairsOf(objs, find.confidence - 0.05);
    if (!objs.length && subs.length >= 2) {
      // "die beiden Länder … unterzeichnen": a pair phrase pairs its own two states, not every actor around.
      const pair = subs.filter((m) => m.kind === 'coref' && subs.some((o) => o !== m && o.tokStart === m.tokStart));
      return pairsOf(pair.length === 2 ? pair : subs, find.confidence - 0.1);
    }
  }
  // "Seit April kämpfen die Armee und die RSF um die Macht": each side fights the other.
  const sideBySide = () =>
    kids(ctx, ctx.word).some(
      (k) => ctx.lex.sideBySide.has(ctx.norms[k]!) || casesOf(ctx, k).some((c) => ctx.lex.sideBySide.has(c)),
    );
  if (ctx.frame.reciprocal && !objs.length && subs.length >= 2 && !sideBySide())
    return pairsOf(subs, find.confidence - 0.1).flatMap(
      ([a, b, c]) =>
        [
          [a, b, c],
          [b, a, c],
        ] as Array<[Mention, Mention, number]>,
    );
  const out: Array<[Mention, Mention, number]> = [];
  for (const s of subs) for (const o of objs) if (s.entity !== o.entity) out.push([s, o, find.confidence]);
  return out.slice(0, 16);
}

/** Ontology signatures the rules must respect before a pair becomes a candidate. */
function typed(ctx: TriggerContext, s: Mention, o: Mention): [Mention, Mention] | undefined {
  let st = typeOf(ctx, s.entity);
  let ot = typeOf(ctx, o.entity);
  // The ontology's signature (model.ts), so an attack may end at a place: "the RSF attacked El Fasher".
  if (!st || !ot || !ACTOR_TYPES.has(st) || (!ACTOR_TYPES.has(ot) && !typesAllowed(ctx.predicate, st, ot)))
    return undefined;
  if (ctx.predicate === 'MEMBER_OF') {
    // "Die NATO nahm Schweden auf", "NATO admitted Sweden": the organisation is the grammatical subject.
    if (st === 'Organization' && ot === 'Country') [s, o, st, ot] = [o, s, ot, st];
    if (ot !== 'Organization' || st === 'Person') return undefined;
  }
  if (ctx.predicate === 'INVITES' && ot === 'Organization' && st !== 'Organization') return undefined;
  return [s, o];
}

function runRules(ctx: TriggerContext): ArgumentFind | undefined {
  let partial: ArgumentFind | undefined;
  for (const r of RULES) {
    const f = r.match(ctx);
    if (!f) continue;
    if (argumentPairs(ctx, f).length) return f;
    partial ??= f;
  }
  return partial;
}

function siteAt(ctx: SentenceContext, w: number, lower: string, out: ParseCandidate[], sites: TriggerSite[]): void {
  for (const e of triggersAt(ctx, w, lower)) {
    const prt = particleOf(ctx, w);
    const key = (prt ?? '') + triggerForm(ctx.lex.triggers, ctx.lang, ctx.norms[w]!, ctx.lex.separableParticles);
    const frames = framesFor(ctx.frames, ctx.lang, e.pos, e.p, key).filter((f) =>
      e.voice === 'receive' ? f.voice === 'receive' : !f.voice,
    );
    const base = { ...ctx, word: w, predicate: e.p, pos: e.pos, key };
    const frame = frames.find((f) => requiresHold({ ...base, frame: f }, f));
    if (!frame) continue;
    const tctx: TriggerContext = { ...base, frame };
    const find = runRules(tctx);
    const pairs = find ? argumentPairs(tctx, find) : [];
    const theme = find?.theme.length ? find.theme : readFirst(tctx, frame.theme).words;
    const ents = pairs.flatMap(([s, o]) => [s.entity, o.entity]);
    const mod = modalityOf(tctx, theme, find?.object ?? [], ents);
    let resolved = false;
    for (const [s0, o0, conf] of pairs) {
      const so = typed(tctx, s0, o0);
      if (!so) continue;
      resolved = true;
      const threat = mod.threatened && typed({ ...tctx, predicate: 'THREATENS' }, so[0], so[1]);
      const verbal = mod.verbal && typed({ ...tctx, predicate: 'CRITICIZES' }, so[0], so[1]);
      // A conditional ("wenn Iran Raketen liefert") is no relation at all; it only vetoes the rule candidates.
      if (mod.conditional && !threat && !verbal) continue;
      const c: ParseCandidate = {
        subject: so[0].entity,
        predicate: threat ? 'THREATENS' : verbal ? 'CRITICIZES' : e.p,
        object: so[1].entity,
        modality: threat ? 'asserted' : mod.modality,
        confidence: Math.round((threat || mod.modality === 'asserted' ? conf : conf * 0.9) * 100) / 100,
        sentence: ctx.sentence,
        rule: `parse:${find!.rule}:${frame.id}`,
        triggerWord: w,
        polarity: threat ? 'asserted' : mod.polarity,
      };
      if (mod.attributedTo && mod.attributedTo !== c.subject && mod.attributedTo !== c.object)
        c.attributedTo = mod.attributedTo;
      if (e.p === 'SUPPLIES' && !threat) {
        const items = itemsOf(ctx, theme);
        if (items.length) c.items = items;
      }
      out.push(c);
    }
    const site: TriggerSite = {
      sentence: ctx.sentence,
      word: w,
      predicate: e.p,
      pos: e.pos,
      frame,
      resolved,
      polarity: mod.polarity,
      ...(mod.conditional ? { conditional: true } : {}),
    };
    const eventObject = resolved || mod.conditional ? undefined : anaphoricEvent(tctx, find, lower, mod.modality);
    if (eventObject) site.eventObject = eventObject;
    // Verbs only (an event noun's first subject slot is often a modifier: "an arson attack"), and only the verb's
    // own subject: one inherited across clauses rests on more of the parse.
    const own = coreDeps(tctx, w).filter((d) => d.rel === 'nsubj');
    const doer =
      resolved || mod.conditional || e.pos === 'adj'
        ? undefined
        : soleDoer(
            tctx,
            find?.subject.length ? find.subject : e.pos === 'verb' ? own.map((d) => d.word) : [],
            mod.modality,
            mod.polarity,
          );
    if (doer) site.doer = doer;
    if (
      !resolved &&
      e.pos === 'verb' &&
      thingSubject(
        tctx,
        own.map((d) => d.word),
      )
    )
      site.thingSubject = true;
    if (
      !resolved &&
      e.p === 'MEETS' &&
      e.pos === 'noun' &&
      casesOf(tctx, w).some((c) => ctx.lex.circumstanceCases.has(c))
    )
      site.circumstance = true;
    if (!resolved && e.pos === 'verb' && isPassive(tctx, w)) {
      // The German case repair may call a nominative passive subject 'nsubj'; only an agent phrase is an agent.
      const passiveSubjects = [...kids(tctx, w, 'nsubj:pass'), ...kids(tctx, w, 'iobj')];
      const agent = coreDeps(tctx, w).some((d) => d.rel === 'nsubj' && !passiveSubjects.includes(d.word));
      const patients = agent ? [] : passiveSubjects.flatMap((k) => actorsOf(tctx, [k], false).map((m) => m.entity));
      if (patients.length) site.patients = [...new Set(patients)];
    }
    if (!resolved && e.pos === 'noun') {
      // "Lavrov and Wang discussed the war in Ukraine": the governor's subject talks about the act, it does not do it.
      // A support noun stands for its light verb's subject: "Germany voiced support for the sanctions on Iran" (not
      // a criticism noun: "wies Kritik an der Partnerschaft mit Moskau zurück" rejects it for its own partnership).
      const g = headOf(tctx, w);
      const supportNoun =
        g >= 0 &&
        relOf(tctx.words[g]!.deprel) === 'obj' &&
        triggersAt(tctx, g, lower).some((t) => t.pos === 'noun' && t.p === 'SUPPORTS');
      const light = supportNoun ? headOf(tctx, g) : g;
      const subjects =
        g < 0 || light < 0 || !lendsNoAgent(tctx, g, e.p) ? [] : coreDeps(tctx, light).filter((d) => d.rel === 'nsubj');
      const foreign = actorsOf(
        tctx,
        subjects.map((d) => d.word),
        false,
      ).map((m) => m.entity);
      if (foreign.length) site.foreignAgents = [...new Set(foreign)];
    }
    // "Washington warf Peking vor, Moskau … zu beliefern" read without its object: the accuser does not do the act
    // it accuses another of.
    const accusers = e.pos === 'verb' && !resolved ? accusersOf(tctx, w) : [];
    if (accusers.length) site.foreignAgents = [...new Set([...(site.foreignAgents ?? []), ...accusers])];
    if (!resolved && e.pos === 'verb') {
      const venues = venuesOf(
        tctx,
        coreDeps(tctx, w)
          .filter((d) => d.rel === 'obj')
          .map((d) => d.word),
      );
      if (venues.length) site.venues = venues;
    }
    sites.push(site);
  }
}

/** The one actor an asserted act with no resolved target was done by ("The United States struck a boat", "a U.S.
 * strike on a boat"): a later "condemned the strike" can point back to it (event-anaphora.ts). */
function soleDoer(
  ctx: TriggerContext,
  subjects: readonly number[],
  modality: string,
  polarity: string,
): string | undefined {
  if (!ANAPHORIC_ACTS.has(ctx.predicate) || polarity !== 'asserted') return undefined;
  if (modality !== 'asserted' && modality !== 'reported') return undefined;
  const doers = [...new Set(actorsOf(ctx, subjects, false).map((m) => m.entity))];
  return doers.length === 1 ? doers[0] : undefined;
}

/** The subject's entities of an object-control verb whose clause the trigger is, where that verb has its own
 * object or dative (the controller): "accused Beijing of supplying …", "warf Peking vor, … zu liefern". */
function accusersOf(ctx: TriggerContext, w: number): string[] {
  const h = headOf(ctx, w);
  const rel = relOf(ctx.words[w]!.deprel);
  if (h < 0 || !['xcomp', 'ccomp', 'advcl'].includes(rel) || !ctx.lex.objectControl.has(ctx.norms[h]!)) return [];
  const deps = coreDeps(ctx, h);
  if (!deps.some((d) => d.rel === 'obj' || d.rel === 'iobj')) return [];
  const subjects = deps.filter((d) => d.rel === 'nsubj').map((d) => d.word);
  return actorsOf(ctx, subjects, false).map((m) => m.entity);
}

/** Capitals named before an object noun ("opposed the Madrid peace talks"): where, not whom (entity ids). */
function venuesOf(ctx: TriggerContext, objects: readonly number[]): string[] {
  return [...new Set(objects.flatMap((o) => venueCompounds(ctx, o).map((v) => v.entity)))];
}

/** Subject words that are common nouns with no entity anywhere in their phrase ("the explosive chemical that blew
 * up Beirut"; not "Südkoreas Außenministerium", "the Houthis' political bureau"): the agent is a thing. */
function thingSubject(ctx: TriggerContext, words: readonly number[]): boolean {
  if (!words.length) return false;
  const named = (k: number) =>
    ctx.mentions.some((m) => m.tokStart < ctx.words[k]!.tokEnd && ctx.words[k]!.tokStart < m.tokEnd);
  return words.every((k) => {
    if (thingPronoun(ctx, k)) return true;
    if (!nounLike(ctx, k)) return false;
    const phrase = [k];
    for (let i = 0; i < phrase.length && phrase.length < 40; i++)
      for (const c of ctx.children[phrase[i]!]!) if (c !== ctx.word && !phrase.includes(c)) phrase.push(c);
    return !phrase.some(named);
  });
}

/**
 * Relations read from the dependency parse. Pure: the parses, frames and lexicons are passed in. Returns the
 * candidates and every trigger site looked at (resolved or not, with its polarity) for mergeWithRuleCandidates.
 */
export function relationsFromParse(
  doc: RecognisedDoc,
  parses: DocParses,
  frames: readonly Frame[],
  lexicons: SyntaxLexicons,
): ParseOutput {
  const candidates: ParseCandidate[] = [];
  const sites: TriggerSite[] = [];
  const speakers: ParseOutput['speakers'] = [];
  for (const sent of doc.sentences) {
    const parse = parses[sent.index];
    if (!parse || !parse.words.length || !(doc.bySentence[sent.index] ?? []).length) continue;
    const ctx = sentenceContext(doc, sent.index, parse, frames, lexicons);
    const lower = sent.text.toLowerCase();
    for (let w = 0; w < parse.words.length; w++) siteAt(ctx, w, lower, candidates, sites);
    candidates.push(...evaluationCandidates(ctx));
    const reporting = clauseSpeakers(ctx);
    if (reporting.length) speakers.push({ sentence: sent.index, entities: reporting });
  }
  return { candidates: dedupe(candidates), sites, speakers };
}

function dedupe(cs: ParseCandidate[]): ParseCandidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.sentence}|${c.subject}|${c.predicate}|${c.object}|${c.modality}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
