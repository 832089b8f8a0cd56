// Which parsed words are relation triggers: the shared trigger lexicon (triggers.json) on the word's form, with its
// conditions (items, particles, modifiers) checked on the parse where it can tell, on the tokens where it cannot.

import type { TriggerEntry } from '../../lexicon.js';
import { typeOf } from './entities.js';
import { framesFor } from './frames.js';
import { casesOf, coreDeps, kids, nounLike, particleOf, relOf } from './tree.js';
import type { SentenceContext } from './types.js';

function particleOk(ctx: SentenceContext, w: number, e: TriggerEntry, particle: string): boolean {
  if (particleOf(ctx, w) === particle) return true;
  // "work with", "spoke with", "kämpft gegen": the particle is the adposition of an oblique.
  if (kids(ctx, w).some((k) => casesOf(ctx, k).includes(particle))) return true;
  // "an der Seite der russischen Armee gekämpft": the particle is the oblique itself, before a verb-final verb.
  if (kids(ctx, w).some((k) => ctx.norms[k] === particle && relOf(ctx.words[k]!.deprel) === 'obl')) return true;
  const toks = ctx.doc.sentences[ctx.sentence]!.tokens;
  const after = ctx.words[w]!.tokEnd;
  const later = toks.slice(after, e.lang === 'en' ? after + 3 : toks.length);
  return later.some((x) => x.norm === particle);
}

/** "India and Pakistan fought three wars", "Indian and Pakistani troops clashed": a verb with a reciprocal frame
 * needs no "against"/"with" when its subject is coordinated (each side is the other's target). */
function reciprocalUse(ctx: SentenceContext, w: number, e: TriggerEntry): boolean {
  const key = ctx.norms[w]!;
  if (!framesFor(ctx.frames, ctx.lang, e.pos, e.p, key).some((f) => f.reciprocal && f.re?.test(key))) return false;
  return coreDeps(ctx, w).some(
    (d) =>
      d.rel === 'nsubj' &&
      (kids(ctx, d.word, 'conj').length > 0 || kids(ctx, d.word, 'amod').some((a) => kids(ctx, a, 'conj').length > 0)),
  );
}

function entryOk(
  ctx: SentenceContext,
  w: number,
  norm: string,
  e: TriggerEntry,
  lower: string,
  hasItem: boolean,
): boolean {
  if (e.needsItem && !hasItem) return false;
  if (e.needsItemIf && e.needsItemIf.test(norm) && !hasItem) return false;
  if (e.needs && !e.needs.test(lower)) return false;
  if (e.notReflexive && kids(ctx, w).some((k) => ctx.lex.reflexives.has(ctx.norms[k]!))) return false;
  if (e.intransitive && kids(ctx, w, 'obj').length) return false;
  const before = ctx.doc.sentences[ctx.sentence]!.tokens[ctx.words[w]!.tokStart - 1];
  if (e.notAfter && before && e.notAfter.test(before.norm)) return false;
  if (e.needsIf) for (const [pre, re] of e.needsIf) if (norm.startsWith(pre) && !re.test(lower)) return false;
  if (e.particleIf && !reciprocalUse(ctx, w, e))
    for (const [pre, particle] of e.particleIf)
      if (norm.startsWith(pre) && !particleOk(ctx, w, e, particle)) return false;
  if (e.needsMod) {
    const mods = kids(ctx, w).map((k) => ctx.norms[k]!);
    if (!mods.some((m) => e.needsMod!.test(m)) && !/(allzeithoch|all-time high)/u.test(lower)) return false;
  }
  return true;
}

const cache = new Map<string, TriggerEntry[]>();

function entriesFor(triggers: readonly TriggerEntry[], lang: string, norm: string): TriggerEntry[] {
  const k = `${lang}\u0000${norm}`;
  let hit = cache.get(k);
  if (!hit) {
    hit = triggers.filter((t) => (t.lang === '*' || t.lang === lang) && t.re.test(norm));
    if (cache.size > 100_000) cache.clear();
    cache.set(k, hit);
  }
  return hit;
}

/** The form under which the trigger lexicon lists a word: a German zu-infinitive of a separable verb without its
 * infix ("anzugreifen" → "angreifen", "einzumarschieren" → "einmarschieren") when the word itself is no form. */
export function triggerForm(
  triggers: readonly TriggerEntry[],
  lang: 'de' | 'en',
  norm: string,
  particles: readonly string[],
): string {
  if (lang !== 'de' || entriesFor(triggers, lang, norm).length) return norm;
  return zuInfinitiveBase(norm, particles) ?? norm;
}

/** The infinitive of a German zu-infinitive of a separable verb ("anzugreifen" → "angreifen", "beizutreten" →
 * "beitreten"), else undefined. */
export function zuInfinitiveBase(norm: string, particles: readonly string[]): string | undefined {
  for (const p of particles)
    if (norm.startsWith(`${p}zu`)) {
      const rest = norm.slice(p.length + 2);
      if (rest.length >= 4 && /e[lr]?n$/u.test(rest)) return p + rest;
    }
  return undefined;
}

/** Trigger entries of word w whose conditions hold, the part of speech checked against the parse's UPOS. */
export function triggersAt(ctx: SentenceContext, w: number, lower: string): TriggerEntry[] {
  const word = ctx.words[w]!;
  if (word.upos === 'PROPN' || word.upos === 'PUNCT' || word.upos === 'ADP' || word.upos === 'DET') return [];
  const norm = triggerForm(ctx.lex.triggers, ctx.lang, ctx.norms[w]!, ctx.lex.separableParticles);
  const inActor = ctx.mentions.some(
    (m) => m.tokStart <= word.tokStart && word.tokEnd <= m.tokEnd && typeOf(ctx, m.entity) !== 'Item',
  );
  if (inActor) return [];
  const hasItem = ctx.mentions.some((m) => typeOf(ctx, m.entity) === 'Item');
  const isVerb = word.upos === 'VERB' || word.upos === 'AUX';
  return entriesFor(ctx.lex.triggers, ctx.lang, norm).filter(
    (e) =>
      e.voice !== 'transfer' &&
      // The parse decides between "Angriff" (noun) and "greift an" (verb) when the lexicon lists both.
      (e.pos === 'verb' ? isVerb || word.upos === 'ADJ' : e.pos === 'noun' ? nounLike(ctx, w) : true) &&
      entryOk(ctx, w, norm, e, lower, hasItem),
  );
}

/** Whether any word of a sentence is a form of the trigger lexicon (before any parse, conditions unchecked): the
 * parse stage parses only such sentences, since every parse rule starts from a trigger. */
export function mayHoldTrigger(
  triggers: readonly TriggerEntry[],
  lang: 'de' | 'en',
  tokens: ReadonlyArray<{ kind: string; norm: string }>,
  particles: readonly string[],
): boolean {
  return tokens.some(
    (t) => t.kind === 'word' && entriesFor(triggers, lang, triggerForm(triggers, lang, t.norm, particles)).length > 0,
  );
}
