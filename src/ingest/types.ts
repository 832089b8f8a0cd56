// Internal data passed between the numbered ingest stages (clean → segment → entities → relations → triples).
// Each stage returns a new object extending its input, so every stage stays a pure function.

import type { Entity, Language, Modality, Predicate } from '../model.js';

export interface RawDocument {
  source: string;
  text: string;
  format: 'text' | 'html';
  /** Given by the input itself (a corpus record's title or date column); preferred to what cleaning finds. */
  title?: string;
  published?: string;
}

export type InputItem = { ok: true; doc: RawDocument } | { ok: false; source: string; error: string };

export interface ExtractOptions {
  lang?: 'de' | 'en' | 'auto';
  /** false: no syntax stage, relations from the distance rules alone (faster; the bench's rules-only baseline). */
  parse?: boolean;
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
  /** Set by the parse stage (03-parse), parallel to `sentences`; undefined entries are sentences it skipped. */
  parses?: ReadonlyArray<SentenceParse | undefined>;
}

/** A syntactic word (UD tokenisation) of a sentence, mapped back to the project's tokens (src/ingest/syntax/word-map.ts). */
export interface SyntaxWord {
  /** The form the parser sees: "zu"/"dem" for "zum", "do"/"n't" for "don't", "-" for a hyphen between tokens. */
  form: string;
  /** Token range [tokStart, tokEnd) within the sentence; never empty (the parts of "zum" share one token). */
  tokStart: number;
  tokEnd: number;
  /** Character offsets into the cleaned text; the parts of a contraction both span the whole token. */
  start: number;
  end: number;
  /** Word indices [first, last] (0-based, inclusive) of the UD multiword token this word belongs to ("zum" = zu + dem). */
  mwt?: [number, number];
}

export interface ParsedWord extends SyntaxWord {
  upos: string;
  feats: string;
  /** 1-based word index of the head within the sentence, 0 for the root (CoNLL-U convention). */
  head: number;
  deprel: string;
}

export interface SentenceParse {
  /** Index into SegmentedDoc.sentences. */
  sentence: number;
  /** The model that parsed it. */
  lang: 'de' | 'en';
  words: ParsedWord[];
}

export interface ParsedDoc extends SegmentedDoc {
  /** One parse per sentence, parallel to `sentences`. */
  parses: SentenceParse[];
}

/** What the pipeline's parse stage gives: parses only of the sentences a relation rule can read (see 03-parse). */
export interface PartlyParsedDoc extends SegmentedDoc {
  /** Parallel to `sentences`: the sentence's parse, or undefined where the stage skipped it. */
  parses: Array<SentenceParse | undefined>;
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
  /** From the gazetteer for the article's date, not read in the sentence (which only names the person). */
  known?: boolean;
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
