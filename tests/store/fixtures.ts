// Hand-made, deterministic DocumentExtractions for the store contract suite (no extractor involved).
// Two overlapping articles: shared entities and a repeated relation, symmetric types written both ways round.

import type { DocumentExtraction, Entity, Relation } from '../../src/model.js';

export const SHAHED_SENTENCE =
  'Der Iran hat Tausende von „Shahed“-Angriffsdrohnen an Russland geliefert und nach Angaben von US-Beamten eine Drohnenfabrik in Russland gebaut.';

const RUS: Entity = {
  id: 'RUS',
  name: 'Russia',
  type: 'Country',
  aliases: ['Russland', 'Moskau'],
  iso2: 'RU',
  iso3: 'RUS',
};
const IRN: Entity = { id: 'IRN', name: 'Iran', type: 'Country', aliases: ['Iran', 'Teheran'], iso2: 'IR', iso3: 'IRN' };
const UKR: Entity = { id: 'UKR', name: 'Ukraine', type: 'Country', aliases: ['Ukraine'], iso2: 'UA', iso3: 'UKR' };
const PRK: Entity = {
  id: 'PRK',
  name: 'North Korea',
  type: 'Country',
  aliases: ['Nordkorea'],
  iso2: 'KP',
  iso3: 'PRK',
};
const PUTIN: Entity = {
  id: 'person:vladimir-putin',
  name: 'Vladimir Putin',
  type: 'Person',
  aliases: ['Wladimir Putin', 'Putin'],
};
const PEZESHKIAN: Entity = {
  id: 'person:masoud-pezeshkian',
  name: 'Masoud Pezeshkian',
  type: 'Person',
  aliases: ['Massud Peseschkian', 'Peseschkian'],
};
const BRICS: Entity = { id: 'org:brics', name: 'BRICS', type: 'Organization', aliases: ['BRICS'] };
const SHAHED: Entity = { id: 'item:shahed', name: 'Shahed drone', type: 'Item', aliases: ['Shahed-Angriffsdrohnen'] };
const CNN: Entity = { id: 'org:cnn', name: 'CNN', type: 'Organization', aliases: ['CNN'] };
const KIM: Entity = { id: 'person:kim-jong-un', name: 'Kim Jong Un', type: 'Person', aliases: ['Kim Jong-un', 'Kim'] };

function rel(
  subject: string,
  predicate: Relation['predicate'],
  object: string,
  doc: string,
  sentence: string,
  start: number,
  extra: Partial<Relation> = {},
): Relation {
  return {
    subject,
    predicate,
    object,
    modality: 'asserted',
    properties: {},
    confidence: 0.8,
    evidence: [{ document: doc, sentence, start, end: start + sentence.length }],
    ...extra,
  };
}

const A = 'doc-sample-0001';
const MEET = 'Putin traf Peseschkian in Aschgabat.';
const COOP = 'Russland und Iran vertiefen ihre Zusammenarbeit.';
const BRICS_S = 'Iran ist seit 2024 Mitglied der BRICS.';
const CNN_S = 'Wie CNN berichtete, hat Iran auch ballistische Raketen an Russland geliefert.';
const ATTACK_S = 'Russland setzt die Drohnen im Krieg gegen die Ukraine ein.';

/** Stands in for the sample article: IRN SUPPLIES RUS with the Shahed sentence, and more. */
export function sampleDoc(): DocumentExtraction {
  return structuredClone({
    document: {
      id: A,
      source: 'data/sample/000_72676987deda64ed.txt',
      title: 'Iran und Russland',
      language: 'de',
      published: '2024-10-11',
    },
    entities: [RUS, IRN, UKR, PUTIN, PEZESHKIAN, BRICS, SHAHED, CNN],
    relations: [
      rel('IRN', 'SUPPLIES', 'RUS', A, SHAHED_SENTENCE, 1200, {
        properties: { items: ['item:shahed'] },
        confidence: 0.9,
      }),
      rel('IRN', 'SUPPLIES', 'RUS', A, CNN_S, 1400, { modality: 'reported', attributedTo: 'org:cnn', time: '2024-09' }),
      // Symmetric, subject after object in id order: must be stored once as IRN–RUS.
      rel('RUS', 'COOPERATES_WITH', 'IRN', A, COOP, 300),
      rel('IRN', 'COOPERATES_WITH', 'RUS', A, COOP, 300), // same sentence, other direction: one claim
      rel('person:vladimir-putin', 'MEETS', 'person:masoud-pezeshkian', A, MEET, 100),
      rel('person:vladimir-putin', 'HEAD_OF_STATE', 'RUS', A, MEET, 100),
      rel('person:masoud-pezeshkian', 'HEAD_OF_STATE', 'IRN', A, MEET, 100),
      rel('IRN', 'MEMBER_OF', 'org:brics', A, BRICS_S, 600),
      rel('RUS', 'ATTACKS', 'UKR', A, ATTACK_S, 1600),
    ],
  });
}

const B = 'doc-second-0002';
const COOP_B = 'Moscow and Tehran pledged closer cooperation.';
const PRK_S = 'North Korea has sent artillery shells to Russia.';
const KIM_S = 'Kim Jong Un met Vladimir Putin in Vostochny.';

/** A second article: repeats RUS–IRN cooperation and Putin, adds North Korea. */
export function secondDoc(): DocumentExtraction {
  return structuredClone({
    document: {
      id: B,
      source: 'tests/second.txt',
      title: 'Moscow and Pyongyang',
      language: 'en',
      published: '2024-11-02',
    },
    entities: [
      { ...RUS, aliases: ['Moscow', 'Russia'] },
      { ...IRN, aliases: ['Tehran'] },
      PRK,
      KIM,
      { ...PUTIN, aliases: ['Putin', 'Vladimir Putin'] },
    ],
    relations: [
      rel('IRN', 'COOPERATES_WITH', 'RUS', B, COOP_B, 0, { modality: 'planned' }),
      rel('PRK', 'SUPPLIES', 'RUS', B, PRK_S, 100, { modality: 'alleged' }),
      rel('person:kim-jong-un', 'MEETS', 'person:vladimir-putin', B, KIM_S, 200),
      rel('person:kim-jong-un', 'HEAD_OF_STATE', 'PRK', B, KIM_S, 200),
    ],
  });
}

/** A synthetic document of n relations among a pool of countries (for bulk tests and the benchmark). */
export function syntheticDoc(index: number, relations: number, pool = 200): DocumentExtraction {
  const id = `synthetic-${index}`;
  const entities = new Map<string, Entity>();
  const rels: Relation[] = [];
  const preds: Relation['predicate'][] = ['SUPPLIES', 'ATTACKS', 'COOPERATES_WITH', 'SANCTIONS', 'CRITICIZES', 'MEETS'];
  for (let i = 0; i < relations; i++) {
    const a = (index * 7919 + i * 104729) % pool;
    const b = (a + 1 + ((i * 31 + index) % (pool - 1))) % pool;
    for (const n of [a, b])
      entities.set(`E${n}`, { id: `E${n}`, name: `Entity ${n}`, type: 'Country', aliases: [`Land ${n}`] });
    const sentence = `Sentence ${i} of document ${index}.`;
    rels.push(rel(`E${a}`, preds[i % preds.length]!, `E${b}`, id, sentence, i * 40));
  }
  return {
    document: { id, source: `synthetic/${index}.txt`, language: 'en' },
    entities: [...entities.values()],
    relations: rels,
  };
}
