// Nouns that name the agent of the relation: "Chile ist Perus engster Verbündeter", "Chile is Peru's main arms
// supplier", "Sweden, a member of NATO": the copular subject or the apposed noun acts on the noun's owner.

import { readArgument } from '../args.js';
import { actorsOf } from '../entities.js';
import { casesOf, headOf, kids, relOf } from '../tree.js';
import type { RelationRule, TriggerContext } from '../types.js';

export const actorNoun: RelationRule = {
  name: 'actor-noun',
  match(ctx) {
    if (!ctx.frame.actorNoun) return undefined;
    let subject = readArgument(ctx, ctx.frame.subject);
    if (!subject.length) subject = rankedSubject(ctx);
    let object = readArgument(ctx, ctx.frame.object);
    // "Perus engster Verbündeter": the parser may hang the genitive owner on the adjective instead of the noun.
    if (!object.length)
      object = kids(ctx, ctx.word, 'amod')
        .flatMap((a) => [...kids(ctx, a, 'nmod:poss'), ...kids(ctx, a, 'nmod')])
        .filter((k) => ctx.words[k]!.upos === 'PROPN' && actorsOf(ctx, [k], false).length > 0);
    if (!subject.length || !object.length) return undefined;
    return { subject, object, theme: [], rule: 'actor-noun', confidence: 0.75 };
  },
};

/** "Britain is one of Ukraine's strongest supporters", "Polen gehört zu den größten Unterstützern der Ukraine",
 * "Katar gilt als Unterstützer der Hamas": the subject of the word that counts the noun's subject among its kind
 * (syntax-cues ranking_heads). The German parser often leaves a bare name before the verb as object or adverb. */
function rankedSubject(ctx: TriggerContext): number[] {
  const h = headOf(ctx, ctx.word);
  const rel = relOf(ctx.words[ctx.word]!.deprel);
  if (h < 0 || (rel !== 'nmod' && rel !== 'obl' && rel !== 'xcomp')) return [];
  const ranks = casesOf(ctx, ctx.word).some((c) => ctx.lex.rankingHeads.get(c)?.has(ctx.norms[h]!));
  if (!ranks) return [];
  const own = kids(ctx, h).filter((k) => /^nsubj/u.test(ctx.words[k]!.deprel));
  if (own.length || ctx.lang !== 'de') return own;
  return kids(ctx, h).filter(
    (k) =>
      k < h &&
      /^(obj|advmod|dep)$/u.test(ctx.words[k]!.deprel) &&
      !casesOf(ctx, k).length &&
      actorsOf(ctx, [k], false).length > 0,
  );
}
