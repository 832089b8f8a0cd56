// Verbs through their valency frame: subject, object and theme slots read from voice-normalised dependents,
// so passives, relative clauses, shared subjects of coordinated verbs and control infinitives all come out alike.

import { readArgument, readFirst } from '../args.js';
import { actorsOf } from '../entities.js';
import { headOf, inheritedSubject, kids, relOf } from '../tree.js';
import type { RelationRule } from '../types.js';

export const verbFrame: RelationRule = {
  name: 'verb-frame',
  match(ctx) {
    if (ctx.pos !== 'verb') return undefined;
    let subject = readArgument(ctx, ctx.frame.subject);
    // "countries supplying drones to Russia": an active participle's subject is the noun it modifies.
    if (!subject.length && relOf(ctx.words[ctx.word]!.deprel) === 'acl' && /ing$/u.test(ctx.norms[ctx.word]!)) {
      const h = headOf(ctx, ctx.word);
      // "said in a statement after meeting Aoun": a participle with a subordinator on a noun that names no actor
      // is an adverbial clause the parser hung on that noun; its subject is the clause's.
      const adverbial = h >= 0 && kids(ctx, ctx.word, 'mark').length > 0 && !actorsOf(ctx, [h], false).length;
      const g = adverbial ? headOf(ctx, h) : -1;
      if (g >= 0) subject = inheritedSubject(ctx, g);
      else if (h >= 0) subject = [h];
    }
    const object = readArgument(ctx, ctx.frame.object);
    const theme = readFirst(ctx, ctx.frame.theme).words;
    if (!subject.length) return undefined;
    return { subject, object, theme, rule: 'verb-frame', confidence: 0.8 };
  },
};
