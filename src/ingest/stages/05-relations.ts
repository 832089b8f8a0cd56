// Stage 5 of the numbered pipeline: relation candidates from entity mentions and, where a sentence was parsed, from its
// dependency tree. The rules live in src/ingest/relations/ (listed in order in its index).

export { extractRelations } from '../relations/index.js';
