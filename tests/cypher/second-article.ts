// A second, hand-made article ingested next to the real sample so the research queries meet what the sample lacks:
// conflict types, a denial, a dated claim and a published date. Entity ids are the extractor's for the sample.

import type { DocumentExtraction, Entity, Relation } from '../../src/model.js';

export const SECOND_ID = 'cypher-test-second-article';
export const SECOND_PUBLISHED = '2024-10-22';

const RUS: Entity = {
  id: 'RUS',
  name: 'Russia',
  type: 'Country',
  aliases: ['Russia', 'Moscow'],
  iso2: 'RU',
  iso3: 'RUS',
};
const UKR: Entity = { id: 'UKR', name: 'Ukraine', type: 'Country', aliases: ['Ukraine'], iso2: 'UA', iso3: 'UKR' };
const USA: Entity = {
  id: 'USA',
  name: 'United States',
  type: 'Country',
  aliases: ['United States', 'Washington'],
  iso2: 'US',
  iso3: 'USA',
};
const IRN: Entity = { id: 'IRN', name: 'Iran', type: 'Country', aliases: ['Iran', 'Tehran'], iso2: 'IR', iso3: 'IRN' };
const HOUTHIS: Entity = { id: 'group:houthis', name: 'Houthis', type: 'ArmedGroup', aliases: ['Houthi rebels'] };
const SHAHED: Entity = { id: 'item:shahed-136', name: 'Shahed-136', type: 'Item', aliases: ['Shahed drones'] };

const SENTENCES = [
  'Russia invaded Ukraine in February 2022.',
  'Washington imposed new sanctions on Iran over its deliveries of Shahed drones to Moscow, US officials said.',
  'Tehran condemned the sanctions as economic terrorism.',
  'The United States also sanctioned Russian arms firms.',
  'Tehran denied arming the Houthi rebels.',
] as const;

function sentence(i: number): { sentence: string; start: number; end: number } {
  const start = SENTENCES.slice(0, i).reduce((n, s) => n + s.length + 1, 0);
  return { sentence: SENTENCES[i]!, start, end: start + SENTENCES[i]!.length };
}

function rel(
  subject: string,
  predicate: Relation['predicate'],
  object: string,
  i: number,
  extra: Partial<Relation> = {},
): Relation {
  return {
    subject,
    predicate,
    object,
    modality: 'asserted',
    properties: {},
    confidence: 0.8,
    evidence: [{ document: SECOND_ID, ...sentence(i) }],
    ...extra,
  };
}

export function secondArticle(): DocumentExtraction {
  return {
    document: {
      id: SECOND_ID,
      source: 'tests/cypher/second-article.ts',
      title: 'New sanctions on Iran & Russia <analysis>',
      language: 'en',
      published: SECOND_PUBLISHED,
    },
    entities: [RUS, UKR, USA, IRN, HOUTHIS, SHAHED],
    relations: [
      rel('RUS', 'ATTACKS', 'UKR', 0, { time: '2022-02' }),
      rel('USA', 'SANCTIONS', 'IRN', 1),
      rel('IRN', 'SUPPLIES', 'RUS', 1, {
        modality: 'reported',
        attributedTo: 'USA',
        properties: { items: ['item:shahed-136'] },
      }),
      rel('IRN', 'CRITICIZES', 'USA', 2),
      rel('USA', 'SANCTIONS', 'RUS', 3),
      // The sample only has Iran SUPPORTS the Houthis (alleged): this denial stays a relation of its own.
      rel('IRN', 'SUPPLIES', 'group:houthis', 4, { modality: 'denied', attributedTo: 'IRN' }),
    ],
  };
}
