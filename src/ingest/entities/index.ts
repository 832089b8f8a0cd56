// Stage 3 (pure): sentences → entity mentions, role facts and coreference, by the passes below in this order
// (like compromise's tagger): each pass sees what the earlier ones found and claims only free tokens.

import type { ExtractionModel } from '../extraction-model.js';
import { loadExtractionModel } from '../extraction-model.js';
import type { RecognisedDoc, SegmentedDoc } from '../types.js';
import { coreference } from './coreference.js';
import { MentionSet, type SentState } from './mention-set.js';
import { actorNouns, pairPhrases } from './passes/actors.js';
import { armedGroups } from './passes/armed-groups.js';
import { ambiguousNames, documentNames, gazetteerNames } from './passes/gazetteer.js';
import { items } from './passes/items.js';
import { headWordOrganisations, typeNounOrganisations } from './passes/organisations.js';
import { peopleAfterAdjectiveNoun, peopleAfterRoles, peopleByCues } from './passes/people.js';
import { roleNouns } from './passes/roles.js';

export interface EntityPass {
  name: string;
  run(ms: MentionSet): void;
}

/** Sentence passes run one sentence at a time, all of them on a sentence before the next sentence: a name found by
 * one sentence's cues is then known (as a document form) to the next sentence's cues. */
const eachSentence =
  (...passes: Array<(ms: MentionSet, st: SentState) => void>) =>
  (ms: MentionSet): void => {
    for (const st of ms.states) for (const pass of passes) pass(ms, st);
  };

export const ENTITY_PASSES: readonly EntityPass[] = [
  { name: 'gazetteer-names', run: gazetteerNames },
  {
    name: 'cues',
    run: eachSentence(
      roleNouns,
      typeNounOrganisations,
      headWordOrganisations,
      peopleAfterRoles,
      peopleByCues,
      peopleAfterAdjectiveNoun,
      armedGroups,
    ),
  },
  { name: 'document-names', run: documentNames },
  { name: 'ambiguous-names', run: ambiguousNames },
  { name: 'items-and-actors', run: eachSentence(items, pairPhrases, actorNouns) },
  { name: 'coreference', run: coreference },
];

export function recogniseEntities(doc: SegmentedDoc, model: ExtractionModel = loadExtractionModel()): RecognisedDoc {
  const ms = new MentionSet(doc, model);
  for (const pass of ENTITY_PASSES) pass.run(ms);
  const { bySentence, roles } = ms;
  for (const list of bySentence)
    for (const m of list) if (m.entity !== '@pair') ms.ensureEntity(m.entity, m.entity, 'Country');
  // A state the text leaves implicit ("President Erdogan": the gazetteer says of which state) is still an entity.
  for (const r of roles) if (ms.gazEntries.has(r.object)) ms.ensureEntity(r.object, r.object, 'Country');
  return {
    ...doc,
    entities: ms.entities,
    mentions: bySentence.flat(),
    bySentence,
    roles,
    roleSpans: ms.roleSpans.map((l) => l.map((r) => [r.a, r.b] as [number, number])),
  };
}

export { cueAt } from './cues.js';
export { MentionSet } from './mention-set.js';
