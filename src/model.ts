// The data model shared by ingest, store, server and viewer: documents, entities, relations, evidence.
// It mirrors ../shared/spec/ontology.md, which is the contract; change both together or neither.

export const ENTITY_TYPES = ['Country', 'Person', 'Organization', 'ArmedGroup', 'Location', 'Item'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const STRUCTURAL_PREDICATES = [
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'OFFICIAL_OF',
  'AFFILIATED_WITH',
  'MEMBER_OF',
  'LOCATED_IN',
  'CITIZEN_OF',
] as const;

export const INTERACTION_PREDICATES = [
  'MEETS',
  'COOPERATES_WITH',
  'ALLIED_WITH',
  'SIGNS_AGREEMENT',
  'SUPPLIES',
  'SUPPORTS',
  'INVITES',
  'CRITICIZES',
  'THREATENS',
  'SANCTIONS',
  'ATTACKS',
] as const;

export const PREDICATES = [...STRUCTURAL_PREDICATES, ...INTERACTION_PREDICATES] as const;
export type Predicate = (typeof PREDICATES)[number];

/** Symmetric types are stored once, endpoints in id order, and matched without direction. */
export const SYMMETRIC_PREDICATES: ReadonlySet<Predicate> = new Set<Predicate>([
  'MEETS',
  'COOPERATES_WITH',
  'ALLIED_WITH',
  'SIGNS_AGREEMENT',
]);

const ACTORS: EntityType[] = ['Country', 'Person', 'Organization', 'ArmedGroup'];
const SIGNATURES: Partial<Record<Predicate, [EntityType[], EntityType[]]>> = {
  HEAD_OF_STATE: [['Person'], ['Country']],
  HEAD_OF_GOVERNMENT: [['Person'], ['Country']],
  OFFICIAL_OF: [['Person'], ['Country', 'Organization', 'ArmedGroup']],
  AFFILIATED_WITH: [
    ['Person', 'ArmedGroup'],
    ['Organization', 'ArmedGroup'],
  ],
  MEMBER_OF: [['Country', 'Organization'], ['Organization']],
  LOCATED_IN: [['Location', 'Organization'], ['Country']],
  CITIZEN_OF: [['Person'], ['Country']],
  // A place can be the target of an attack without acting as a state ("the RSF attacked El Fasher").
  ATTACKS: [ACTORS, [...ACTORS, 'Location']],
};

/** True when the subject and object types are allowed for the predicate by the ontology (interactions: actor to
 * actor, except where SIGNATURES says otherwise). */
export function typesAllowed(p: Predicate, s: EntityType | undefined, o: EntityType | undefined): boolean {
  if (!s || !o) return false;
  const sig = SIGNATURES[p] ?? [ACTORS, ACTORS];
  return sig[0].includes(s) && sig[1].includes(o);
}

/** CAMEO-style polarity, for cooperation-vs-conflict balance per dyad. */
export const CONFLICT_PREDICATES: ReadonlySet<Predicate> = new Set<Predicate>([
  'ATTACKS',
  'THREATENS',
  'SANCTIONS',
  'CRITICIZES',
]);

export const MODALITIES = ['asserted', 'reported', 'alleged', 'denied', 'expected', 'planned'] as const;
export type Modality = (typeof MODALITIES)[number];

export type Language = 'de' | 'en' | 'und';

export interface DocumentMeta {
  /** Hash of the cleaned text: the same article from two files is one document. */
  id: string;
  /** Path or URL the text came from. */
  source: string;
  title?: string;
  language: Language;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) where the text gives one. */
  published?: string;
}

export interface Entity {
  id: string;
  /** Canonical English name. */
  name: string;
  type: EntityType;
  /** Every surface form seen, in every language. */
  aliases: string[];
  iso2?: string;
  iso3?: string;
  wikidata?: string;
}

export interface Evidence {
  document: string;
  sentence: string;
  /** Character offsets of the sentence in the cleaned text of the document. */
  start: number;
  end: number;
}

export interface Relation {
  subject: string;
  predicate: Predicate;
  object: string;
  modality: Modality;
  attributedTo?: string;
  time?: string;
  /** Type-specific properties: `items` (SUPPLIES: Item ids), `role`, `domain`. */
  properties: Record<string, unknown>;
  confidence: number;
  evidence: Evidence[];
}

/** What `geokg extract --format json` prints. */
export interface Extraction {
  documents: DocumentMeta[];
  entities: Entity[];
  relations: Relation[];
}

/** One document's extraction: the unit of atomic ingest into a store. */
export interface DocumentExtraction {
  document: DocumentMeta;
  entities: Entity[];
  relations: Relation[];
  /** The cleaned text every evidence offset points into; stores keep it for the viewer's reader when given. */
  text?: string;
  /** Notes about the input (lost text, unknown language) for the user; not part of the graph. */
  warnings?: string[];
}

/** Stable key of a relation: symmetric types put the endpoints in id order. */
export function relationKey(subject: string, predicate: Predicate, object: string): string {
  if (SYMMETRIC_PREDICATES.has(predicate) && subject > object) return `${object}|${predicate}|${subject}`;
  return `${subject}|${predicate}|${object}`;
}
