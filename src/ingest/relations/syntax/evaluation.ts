// Criticism carried by what a speaker says of someone rather than by a criticism verb: "said Moscow was mocking peace
// efforts", "sagte, die Sanktionen der EU seien illegal" — the speaker criticises whom the judged clause is about.

import type { Mention } from '../../types.js';
import { actorModifiers } from './args.js';
import { actorsOf } from './entities.js';
import type { SyntaxLexicons } from './lexicons.js';
import { coreDeps, kids, relOf } from './tree.js';
import type { ParseCandidate, SentenceContext } from './types.js';

/** Whether a sentence holds a word of harsh judgement at all (the parse stage parses such sentences too). */
export function mayHoldEvaluation(
  lex: SyntaxLexicons,
  lang: 'de' | 'en',
  tokens: ReadonlyArray<{ kind: string; norm: string }>,
): boolean {
  const re = lex.negativeEvaluations[lang];
  return tokens.some((t) => t.kind === 'word' && re.test(t.norm));
}

const judging = (ctx: SentenceContext, w: number) => ctx.lex.negativeEvaluations[ctx.lang].test(ctx.norms[w]!);
const negated = (ctx: SentenceContext, w: number) => kids(ctx, w).some((k) => ctx.lex.negation.has(ctx.norms[k]!));

/** The actors a judged phrase names: the words themselves, else who acts in them ("Israel's strikes"). */
function judged(ctx: SentenceContext, words: readonly number[]): Mention[] {
  const own = actorsOf(ctx, words, false);
  return own.length
    ? own
    : actorsOf(
        ctx,
        words.flatMap((w) => actorModifiers(ctx, w)),
        true,
      );
}

/** The subjects of speech verb v's complement clauses whose predicate judges harshly and is not negated. */
function judgedBy(ctx: SentenceContext, v: number): number[] {
  if (!ctx.lex.speechHeads.has(ctx.norms[v]!)) return [];
  return kids(ctx, v)
    .filter((c) => ['ccomp', 'parataxis'].includes(relOf(ctx.words[c]!.deprel)) && judging(ctx, c) && !negated(ctx, c))
    .flatMap((c) => kids(ctx, c, 'nsubj'));
}

/** Speaker CRITICIZES judged for every speech verb of the sentence with such a clause (naming verbs, "called the
 * strikes illegal", are triggers in triggers.json). */
export function evaluationCandidates(ctx: SentenceContext): ParseCandidate[] {
  const out: ParseCandidate[] = [];
  ctx.words.forEach((w, v) => {
    if (w.upos !== 'VERB') return;
    const target = judgedBy(ctx, v);
    if (!target.length) return;
    const subjects = coreDeps(ctx, v).filter((d) => d.rel === 'nsubj');
    for (const s of actorsOf(
      ctx,
      subjects.map((d) => d.word),
      false,
    ))
      for (const o of judged(ctx, target))
        if (s.entity !== o.entity)
          out.push({
            subject: s.entity,
            predicate: 'CRITICIZES',
            object: o.entity,
            modality: 'asserted',
            confidence: 0.7,
            sentence: ctx.sentence,
            rule: 'parse:evaluation',
            triggerWord: v,
            polarity: 'asserted',
          });
  });
  return out;
}
