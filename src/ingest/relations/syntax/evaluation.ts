// Criticism and threats carried by what a speaker says of someone rather than by their verb: "said Moscow was mocking
// peace efforts" (criticism), "said Russia would face additional sanctions" (a threat) — aimed at whom the clause is about.

import type { Mention } from '../../types.js';
import { actorModifiers } from './args.js';
import { actorsOf } from './entities.js';
import type { SyntaxLexicons } from './lexicons.js';
import { casesOf, coreDeps, kids, relOf } from './tree.js';
import type { ParseCandidate, SentenceContext } from './types.js';

/** Whether a sentence holds a word of harsh judgement or of consequences at all (the parse stage parses such
 * sentences too). */
export function mayHoldEvaluation(
  lex: SyntaxLexicons,
  lang: 'de' | 'en',
  tokens: ReadonlyArray<{ kind: string; norm: string }>,
): boolean {
  const re = lex.negativeEvaluations[lang];
  return tokens.some(
    (t) =>
      t.kind === 'word' &&
      (re.test(t.norm) ||
        lex.consequenceNouns.has(t.norm) ||
        lex.paybackHeads.has(t.norm) ||
        lex.cessationVerbs.has(t.norm)),
  );
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

/** The subjects of speech verb v's complement clauses that `says` accepts and that are not negated. */
function reportedSubjects(ctx: SentenceContext, v: number, says: (c: number) => boolean): number[] {
  if (!ctx.lex.speechHeads.has(ctx.norms[v]!)) return [];
  return kids(ctx, v)
    .filter((c) => ['ccomp', 'parataxis'].includes(relOf(ctx.words[c]!.deprel)) && says(c) && !negated(ctx, c))
    .flatMap((c) => kids(ctx, c, 'nsubj'));
}

/** A clause saying its subject will face consequences ("face sanctions", "mit Konsequenzen rechnen") or pay for
 * what it did ("Iran will pay for this", "Der Iran wird dafür bezahlen"). */
const facing = (ctx: SentenceContext, c: number) =>
  (ctx.lex.consequenceHeads.has(ctx.norms[c]!) &&
    [...kids(ctx, c, 'obj'), ...kids(ctx, c, 'obl')].some((o) => ctx.lex.consequenceNouns.has(ctx.norms[o]!))) ||
  (ctx.lex.paybackHeads.has(ctx.norms[c]!) && kids(ctx, c).some((k) => ctx.lex.paybackMarks.has(ctx.norms[k]!)));

/** "urged Russia to withdraw its troops", "called on Moscow to end the war", "forderte Russland auf, die Angriffe
 * einzustellen", "demanded that Belarus stop the flights": whom a demand to stop or withdraw is addressed to. */
function cessationTargets(ctx: SentenceContext, v: number): number[] {
  if (!ctx.lex.demandHeads.has(ctx.norms[v]!)) return [];
  const clauses = kids(ctx, v).filter(
    (c) =>
      ['xcomp', 'ccomp', 'advcl'].includes(relOf(ctx.words[c]!.deprel)) &&
      ctx.lex.cessationVerbs.has(ctx.norms[c]!) &&
      !negated(ctx, c),
  );
  if (!clauses.length) return [];
  const addressed = [
    ...coreDeps(ctx, v)
      .filter((d) => d.rel === 'obj' || d.rel === 'iobj')
      .map((d) => d.word),
    ...kids(ctx, v, 'obl').filter((o) => casesOf(ctx, o).some((c) => ctx.lex.addresseeCases.has(c))),
  ];
  return addressed.length ? addressed : clauses.flatMap((c) => kids(ctx, c, 'nsubj'));
}

/** "Moskau sprach von einer Provokation der Nato", "Moscow spoke of a provocation by NATO": the judging nouns a
 * verb of speaking of something names (syntax-cues speaking_of). */
function namedJudgements(ctx: SentenceContext, v: number): number[] {
  return kids(ctx, v, 'obl').filter(
    (o) =>
      casesOf(ctx, o).some((c) => ctx.lex.speakingOf.get(c)?.has(ctx.norms[v]!)) && judging(ctx, o) && !negated(ctx, o),
  );
}

/** Speaker CRITICIZES judged (or THREATENS who will face consequences) for every speech verb of the sentence with
 * such a clause (naming verbs, "called the strikes illegal", are triggers in triggers.json). */
export function evaluationCandidates(ctx: SentenceContext): ParseCandidate[] {
  const out: ParseCandidate[] = [];
  ctx.words.forEach((w, v) => {
    if (w.upos !== 'VERB') return;
    const judgedWords = [...reportedSubjects(ctx, v, (c) => judging(ctx, c)), ...namedJudgements(ctx, v)];
    const facingWords = judgedWords.length ? [] : reportedSubjects(ctx, v, (c) => facing(ctx, c));
    const stopWords = judgedWords.length || facingWords.length ? [] : cessationTargets(ctx, v);
    const target = judgedWords.length ? judgedWords : facingWords.length ? facingWords : stopWords;
    if (!target.length) return;
    const predicate = facingWords.length ? 'THREATENS' : 'CRITICIZES';
    const rule = judgedWords.length ? 'parse:evaluation' : facingWords.length ? 'parse:consequence' : 'parse:demand';
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
            predicate,
            object: o.entity,
            modality: 'asserted',
            confidence: 0.7,
            sentence: ctx.sentence,
            rule,
            triggerWord: v,
            polarity: 'asserted',
          });
  });
  return out;
}
