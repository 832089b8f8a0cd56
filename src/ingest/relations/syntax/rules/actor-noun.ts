// Nouns that name the agent of the relation: "Chile ist Perus engster Verbündeter", "Chile is Peru's main arms
// supplier", "Sweden, a member of NATO": the copular subject or the apposed noun acts on the noun's owner.

import { readArgument } from '../args.js';
import { actorsOf } from '../entities.js';
import { kids } from '../tree.js';
import type { RelationRule } from '../types.js';

export const actorNoun: RelationRule = {
  name: 'actor-noun',
  match(ctx) {
    if (!ctx.frame.actorNoun) return undefined;
    const subject = readArgument(ctx, ctx.frame.subject);
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
