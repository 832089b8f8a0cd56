// Stage 4 of the numbered pipeline: entity recognition and linking. The passes live in src/ingest/entities/
// (listed in order in its index); this file keeps the stage's place in the numbered sequence.

export { recogniseEntities } from '../entities/index.js';
export { cueAt } from '../entities/cues.js';
