// Criticism an actor or an act draws: "Russia drew criticism from Trump", "Der russische Angriff stieß auf Kritik der
// EU": the critic is the noun's from-, von- or genitive phrase, the target the drawing verb's subject or its act's doer.

import { actorModifiers } from '../args.js';
import { actorsOf } from '../entities.js';
import { casesOf, coreDeps, hasCase, headOf, kids, relOf } from '../tree.js';
import type { RelationRule, SentenceContext, TriggerContext } from '../types.js';

export interface Reaction {
  /** Words of whoever voices the criticism. */
  critics: number[];
  /** The drawing verb's subjects: who or what draws it. */
  drawers: number[];
}

/** The criticism noun is the object (or, for "stieß auf", the oblique) of a verb whose subject draws it. */
export function reactionOf(ctx: TriggerContext): Reaction | undefined {
  if (ctx.pos !== 'noun' || ctx.predicate !== 'CRITICIZES') return undefined;
  const n = ctx.word;
  const g = headOf(ctx, n);
  const rel = relOf(ctx.words[n]!.deprel);
  if (g < 0 || (rel !== 'obj' && rel !== 'obl')) return undefined;
  const norm = ctx.norms[g]!;
  if (!(ctx.lex.causalHeads.has(norm) || (rel === 'obl' && ctx.lex.causalOblHeads.has(norm)))) return undefined;
  const voiced = (k: number) => casesOf(ctx, k).some((c) => ctx.lex.reactionCases.has(c));
  const critics = [
    ...kids(ctx, n, 'nmod').filter((k) => voiced(k) || (ctx.lang === 'de' && hasCase(ctx, k, ['Gen']))),
    ...kids(ctx, g, 'obl').filter((k) => k !== n && voiced(k)),
  ];
  const drawers = coreDeps(ctx, g)
    .filter((d) => d.rel === 'nsubj')
    .map((d) => d.word);
  return critics.length && drawers.length ? { critics, drawers } : undefined;
}

/** The drawer itself where it names an actor, else the doers named on its event noun. */
export function doerWords(ctx: SentenceContext, k: number): number[] {
  if (actorsOf(ctx, [k], false).length) return [k];
  return actorModifiers(ctx, k).filter((c) => actorsOf(ctx, [c], true).length);
}

export const reaction: RelationRule = {
  name: 'reaction',
  match(ctx) {
    const r = reactionOf(ctx);
    if (!r) return undefined;
    const object = r.drawers.flatMap((k) => doerWords(ctx, k));
    return object.length ? { subject: r.critics, object, theme: [], rule: 'reaction', confidence: 0.65 } : undefined;
  },
};
