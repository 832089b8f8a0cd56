// Event nouns with their arguments in a possessive, genitive, adjective, by/von phrase or the light verb's subject:
// "Russia's invasion of Ukraine", "die Lieferung von Drohnen an Russland", "verhängte Sanktionen gegen Iran".

import { eventPhrase, readArgument } from '../args.js';
import { relOf } from '../tree.js';
import type { RelationRule } from '../types.js';

export const eventNoun: RelationRule = {
  name: 'event-noun',
  match(ctx) {
    if (ctx.pos === 'verb' || ctx.frame.actorNoun) return undefined;
    // "attack helicopters", "Kriegsverbrechen"-style modifiers: a noun that only modifies another noun is no event,
    // unless that noun bundles it ("an aid package for Ukraine").
    if (relOf(ctx.words[ctx.word]!.deprel) === 'compound' && eventPhrase(ctx) === ctx.word) return undefined;
    const subject = readArgument(ctx, ctx.frame.subject);
    const object = readArgument(ctx, ctx.frame.object);
    if (!subject.length && !object.length) return undefined;
    return { subject, object, theme: [], rule: 'event-noun', confidence: 0.7 };
  },
};
