// Attributive participles: "die vom Iran unterstützten Huthi", "Houthis backed by Iran", "Iran-backed Houthis".
// The participle modifies its patient, and the agent is the von/by phrase or the name glued on by a hyphen.

import { prefixWords } from '../args.js';
import { casesOf, headOf, kids, relOf } from '../tree.js';
import type { RelationRule } from '../types.js';

export const participle: RelationRule = {
  name: 'participle',
  match(ctx) {
    if (ctx.pos !== 'verb' || ctx.frame.voice) return undefined;
    const rel = relOf(ctx.words[ctx.word]!.deprel);
    if (rel !== 'amod' && rel !== 'acl') return undefined;
    const head = headOf(ctx, ctx.word);
    if (head < 0) return undefined;
    const agentCases = ctx.lex.agentCases[ctx.lang];
    const agents = [
      ...prefixWords(ctx, ctx.word),
      ...kids(ctx, ctx.word).filter((k) => {
        const r = relOf(ctx.words[k]!.deprel);
        return (r === 'obl' || r === 'obl:agent') && casesOf(ctx, k).some((c) => agentCases.has(c));
      }),
    ];
    if (!agents.length) return undefined;
    return { subject: agents, object: [head], theme: [], rule: 'participle', confidence: 0.75 };
  },
};
