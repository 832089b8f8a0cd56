// The tagger's decoding rules on the shipped models: a long German sentence always gets a verb (a past-tense verb in
// second position was tagged ADJ or ADV by the GSD-trained tagger). Sentences written for geokg.

import { describe, expect, it } from 'vitest';
import { readTagger } from '../../../src/ingest/syntax/model.js';
import { modelPaths } from '../../../src/ingest/syntax/load.js';
import { Tagger } from '../../../src/ingest/syntax/tagger.js';
import { wordInfo } from '../../../src/ingest/syntax/words.js';

const SENTENCES = [
  'Putin dankte Kim an dem Montag in einer Erklärung ausdrücklich für die brüderliche Hilfe .',
  'Goïta dankte Moskau für die aufrichtige Partnerschaft .',
  'Auch Indiens Premierminister Narendra Modi nahm an dem Gipfel teil .',
  'An dem Montag fuhr der indische Regierungschef gemeinsam mit Putin zu einem Gespräch .',
];

describe('German tagger: a long sentence has a verb', () => {
  const { tables } = readTagger(modelPaths('de').tagger);
  const tagsOf = (tagger: Tagger, s: string) =>
    Array.from(tagger.tag(wordInfo(s.split(' ').map((form) => ({ form })))).upos, (t) => tables.upos[t]!);
  const hasVerb = (tags: string[]) => tags.includes('VERB') || tags.includes('AUX');

  it('finds the verb where the plain decoding found none', () => {
    const plain = new Tagger(tables, false);
    const verbless = SENTENCES.filter((s) => !hasVerb(tagsOf(plain, s)));
    expect(verbless.length).toBeGreaterThan(0);
    const withVerb = new Tagger(tables, true);
    for (const s of verbless) {
      const tags = tagsOf(withVerb, s);
      expect(tags[s.split(' ').findIndex((w) => /^(dankte|nahm|fuhr)$/u.test(w))], s).toBe('VERB');
    }
  });

  it('leaves sentences that have a verb, and short fragments, as they were', () => {
    const plain = new Tagger(tables, false);
    const withVerb = new Tagger(tables, true);
    for (const s of ['Russland greift die Ukraine an .', 'Kompakt in 20 Minuten', 'Die Lage in Kiew'])
      expect(tagsOf(withVerb, s)).toEqual(tagsOf(plain, s));
  });
});
