// Internal data passed between the numbered ingest stages (clean → segment → entities → relations → triples).
// Each stage returns a new object extending its input, so every stage stays a pure function.

import type { Entity, Language, Modality, Predicate } from '../model.js';

export interface RawDocument {
  source: string;
  text: string;
  format: 'text' | 'html';
}

export type InputItem = { ok: true; doc: RawDocument } | { ok: false; source: string; error: string };

export interface ExtractOptions {
  lang?: 'de' | 'en' | 'auto';
}

export interface CleanedDoc {
  source: string;
  format: 'text' | 'html';
  /** The cleaned text: every offset of every later stage points into this string. */
  text: string;
  id: string;
  title?: string;
  published?: string;
  language: Language;
  warnings: string[];
}

export interface Token {
  text: string;
  /** Lower-cased, soft hyphens removed: the form lexicons are matched against. */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Joined to the previous token by a hyphen with no space ("US-Präsident"). */
  hyphen: boolean;
  /** Directly attached to the previous token (no whitespace in between). */
  glued: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

export interface SegmentedDoc extends CleanedDoc {
  sentences: Sentence[];
}

export type MentionKind =
  'name' | 'alias' | 'surname' | 'metonym' | 'adjective' | 'demonym' | 'abbrev' | 'cue' | 'coref' | 'item';

export interface Mention {
  entity: string;
  sentence: number;
  /** Token range [tokStart, tokEnd) within the sentence. */
  tokStart: number;
  tokEnd: number;
  /** Character offsets into the cleaned text. */
  start: number;
  end: number;
  surface: string;
  kind: MentionKind;
  /** Can be the argument of a relation (adjectives only with an actor noun: "iranische Regierung"). */
  actor: boolean;
  /** Possessive or genitive form ("Russia's", "Russlands"). */
  poss?: boolean;
}

/** A role stated in the text: "der russische Präsident Wladimir Putin", "Martin Indyk, executive vice president of Brookings". */
export interface RoleFact {
  person: string;
  predicate: Predicate;
  object: string;
  role: string;
  sentence: number;
}

export interface RecognisedDoc extends SegmentedDoc {
  entities: Map<string, Entity>;
  mentions: Mention[];
  /** Mentions per sentence, sorted by token position. */
  bySentence: Mention[][];
  roles: RoleFact[];
  /** Token ranges [start, end) of role nouns per sentence ("Ministerpräsidenten", "press secretary"). */
  roleSpans: Array<Array<[number, number]>>;
}

export interface RelationCandidate {
  subject: string;
  predicate: Predicate;
  object: string;
  modality: Modality;
  attributedTo?: string;
  time?: string;
  items?: string[];
  role?: string;
  domain?: string;
  confidence: number;
  sentence: number;
  rule: string;
}

export interface RelationsDoc extends RecognisedDoc {
  candidates: RelationCandidate[];
}
