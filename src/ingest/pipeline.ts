// The ingest pipeline: an ordered list of pure stages, raw document → DocumentExtraction. Each stage receives the
// extraction model (lexicons, gazetteer, syntax models, frames) as an argument; runPipeline runs them in order.

import type { DocumentExtraction } from '../model.js';
import { loadExtractionModel, type ExtractionModel } from './extraction-model.js';
import { clean } from './stages/01-clean.js';
import { segment } from './stages/02-segment.js';
import { parseSentences } from './stages/03-parse.js';
import { recogniseEntities } from './stages/04-entities.js';
import { extractRelations } from './stages/05-relations.js';
import { toTriples } from './stages/06-triples.js';
import type { CleanedDoc, ExtractOptions, RawDocument } from './types.js';

export const STAGES = [
  { name: '01-clean', run: clean },
  { name: '02-segment', run: segment },
  { name: '03-parse', run: parseSentences },
  { name: '04-entities', run: recogniseEntities },
  { name: '05-relations', run: extractRelations },
  { name: '06-triples', run: toTriples },
] as const;

export function runPipeline(
  raw: RawDocument,
  opts: ExtractOptions = {},
  model: ExtractionModel = loadExtractionModel(),
): DocumentExtraction {
  return runPipelineFrom(STAGES[0].run(raw, opts), opts, model);
}

/** The stages after cleaning, for callers that keep the cleaned text (the store's reader view). */
export function runPipelineFrom(
  cleaned: CleanedDoc,
  opts: ExtractOptions = {},
  model: ExtractionModel = loadExtractionModel(),
): DocumentExtraction {
  const segmented = STAGES[1].run(cleaned);
  const parsed = STAGES[2].run(segmented, model, opts);
  const recognised = STAGES[3].run(parsed, model);
  const related = STAGES[4].run(recognised, model);
  return STAGES[5].run(related);
}
