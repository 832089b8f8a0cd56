// Verbs through their valency frame: subject, object and theme slots read from voice-normalised dependents,
// so passives, relative clauses, shared subjects of coordinated verbs and control infinitives all come out alike.

import { readArgument, readFirst } from '../args.js';
import { headOf, relOf } from '../tree.js';
import type { RelationRule } from '../types.js';

export const verbFrame: RelationRule = {
  name: 'verb-frame',
  match(ctx) {
    if (ctx.pos !== 'verb') return undefined;
    let subject = readArgument(ctx, ctx.frame.subject);
    // "countries supplying drones to Russia": an active participle's subject is the noun it modifies.
    if (!subject.length && relOf(ctx.words[ctx.word]!.deprel) === 'acl' && /ing$/u.test(ctx.norms[ctx.word]!)) {
      const h = headOf(ctx, ctx.word);
      if (h >= 0) subject = [h];
    }
    const object = readArgument(ctx, ctx.frame.object);
    const theme = readFirst(ctx, ctx.frame.theme).words;
    if (!subject.length) return undefined;
    return { subject, object, theme, rule: 'verb-frame', confidence: 0.8 };
  },
};
