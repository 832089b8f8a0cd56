// Stage 3 (pure): segmented sentences → dependency parses by the trained tagger and parser (src/ingest/syntax/), for
// the sentences a relation rule can read: each starts from a trigger or a judging word, so only those are parsed.

import type { ExtractionModel } from '../extraction-model.js';
import { mayHoldEvaluation } from '../relations/syntax/evaluation.js';
import { mayHoldTrigger } from '../relations/syntax/triggers.js';
import { nameTags, triggerFormTags } from '../syntax/name-hints.js';
import { leaningLanguage, parse, type TagHints } from '../syntax/stage.js';
import type { ExtractOptions, PartlyParsedDoc, SegmentedDoc } from '../types.js';

/** The tags the pipeline knows before tagging (name-hints.ts), for the sentences of one language. */
export function tagHints(model: ExtractionModel, lang: 'de' | 'en'): TagHints {
  const lex = model.syntaxLexicons;
  const formTag = triggerFormTags(lex, lang);
  return (s, words) => nameTags(s, words, model.matcher, lang, formTag, model.lexicon.articles, lex.subjectPronouns);
}

export function parseSentences(
  doc: SegmentedDoc,
  model: ExtractionModel,
  opts: ExtractOptions = {},
): SegmentedDoc | PartlyParsedDoc {
  if (opts.parse === false || !doc.sentences.length) return doc;
  const lang = leaningLanguage(doc);
  const lex = model.syntaxLexicons;
  return parse(
    doc,
    model.syntax,
    (s) =>
      mayHoldTrigger(lex.triggers, lang, s.tokens, lex.separableParticles) || mayHoldEvaluation(lex, lang, s.tokens),
    tagHints(model, lang),
  );
}
