// Nouns that name the agent of the relation: "Chile ist Perus engster Verbündeter", "Chile is Peru's main arms
// supplier", "Sweden, a member of NATO": the copular subject or the apposed noun acts on the noun's owner.

import { readArgument } from '../args.js';
import type { RelationRule } from '../types.js';

export const actorNoun: RelationRule = {
  name: 'actor-noun',
  match(ctx) {
    if (!ctx.frame.actorNoun) return undefined;
    const subject = readArgument(ctx, ctx.frame.subject);
    const object = readArgument(ctx, ctx.frame.object);
    if (!subject.length || !object.length) return undefined;
    return { subject, object, theme: [], rule: 'actor-noun', confidence: 0.75 };
  },
};
