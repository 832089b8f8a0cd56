// The inferences after the relation rules: what one found relation implies (signatories meet). Unit tests of the
// pure functions and one pipeline sentence per language. Sentences written for geokg.

import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/ingest/index.js';
import { withInferences } from '../../../src/ingest/relations/inferences.js';
import type { RelationCandidate } from '../../../src/ingest/types.js';

const cand = (predicate: RelationCandidate['predicate'], modality: RelationCandidate['modality']) =>
  ({ subject: 'ARM', predicate, object: 'AZE', modality, confidence: 0.8, sentence: 2, rule: 'verb' }) as const;

describe('inferences', () => {
  it("lets the parties to a signing meet, with the signing's modality and sentence", () => {
    const out = withInferences([cand('SIGNS_AGREEMENT', 'planned')], () => 'Country');
    expect(out).toHaveLength(2);
    expect(out[1]).toMatchObject({
      subject: 'ARM',
      predicate: 'MEETS',
      object: 'AZE',
      modality: 'planned',
      sentence: 2,
    });
    expect(out[1]!.confidence).toBeLessThan(0.8);
  });
  it("infers nothing from a denied signing, an organisation's signing or other relations", () => {
    expect(
      withInferences([cand('SIGNS_AGREEMENT', 'denied'), cand('COOPERATES_WITH', 'asserted')], () => 'Country'),
    ).toHaveLength(2);
    // An organisation signs as an institution: no visit.
    const types = (id: string) => (id === 'AZE' ? 'Organization' : 'Country');
    expect(withInferences([cand('SIGNS_AGREEMENT', 'asserted')], types)).toHaveLength(1);
  });
  it('adds the meeting in the pipeline, in both languages', () => {
    const meets = (text: string, lang: 'de' | 'en') =>
      extractText(text, { lang })
        .relations.filter((r) => r.predicate === 'MEETS')
        .map((r) => `${r.subject} ${r.object} ${r.modality}`);
    expect(meets('Armenien und Aserbaidschan unterzeichneten ein Friedensabkommen.', 'de')).toEqual([
      'ARM AZE asserted',
    ]);
    expect(meets('Armenia and Azerbaijan will sign the peace deal.', 'en')).toEqual(['ARM AZE expected']);
    expect(meets('Armenia and Azerbaijan did not sign the deal.', 'en')).toEqual([]);
  });
});
