// The ingest pipeline: an ordered list of pure stages, raw document → DocumentExtraction.
// Stages can be run one by one (tests, debugging) or all at once through runPipeline.

import type { DocumentExtraction } from '../model.js';
import { clean } from './stages/01-clean.js';
import { segment } from './stages/02-segment.js';
import { recogniseEntities } from './stages/03-entities.js';
import { extractRelations } from './stages/04-relations.js';
import { toTriples } from './stages/05-triples.js';
import type { ExtractOptions, RawDocument } from './types.js';

export const STAGES = [
  { name: '01-clean', run: clean },
  { name: '02-segment', run: segment },
  { name: '03-entities', run: recogniseEntities },
  { name: '04-relations', run: extractRelations },
  { name: '05-triples', run: toTriples },
] as const;

export function runPipeline(raw: RawDocument, opts: ExtractOptions = {}): DocumentExtraction {
  const cleaned = STAGES[0].run(raw, opts);
  const segmented = STAGES[1].run(cleaned);
  const recognised = STAGES[2].run(segmented);
  const related = STAGES[3].run(recognised);
  return STAGES[4].run(related);
}
