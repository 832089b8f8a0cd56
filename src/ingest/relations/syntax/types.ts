// Shared types of the parse-based relation rules: a sentence's dependency parse aligned to project tokens,
// the per-trigger context every rule reads, and what the rules hand back (argument words, not yet entities).

import type { Modality, Predicate } from '../../../model.js';
import type { Mention, RecognisedDoc, RelationCandidate } from '../../types.js';
import type { EventObject } from './event-anaphora.js';
import type { Frame } from './frames.js';
import type { SyntaxLexicons } from './lexicons.js';

/** One UD word of a parsed sentence, with the project tokens [tokStart, tokEnd) it covers. */
export interface ParsedWord {
  form: string;
  upos: string;
  /** UD FEATS ("Case=Dat|Number=Sing") or "_". */
  feats: string;
  /** 1-based head, 0 = root (CoNLL-U convention, as in SyntaxAnalysis). */
  head: number;
  deprel: string;
  tokStart: number;
  tokEnd: number;
}

export interface SentenceParse {
  words: ParsedWord[];
}

/** Parses indexed by sentence index (undefined: the sentence was not parsed, the rules skip it). */
export type DocParses = ReadonlyArray<SentenceParse | undefined>;

/** A trigger word the lexicon recognised in a parse. */
export interface TriggerSite {
  sentence: number;
  /** 0-based word index in the sentence parse. */
  word: number;
  predicate: Predicate;
  pos: 'verb' | 'noun' | 'adj';
  frame: Frame;
  /** The frame found a subject and an object that map to entities. */
  resolved: boolean;
  /** Negated, denied or hypothetical (conditional): the rule stage must not assert this predicate here. */
  polarity: 'asserted' | 'denied' | 'hypothetical';
  /** Under a condition, asked for, or no particular act ("any attack"): no relation in any modality. */
  conditional?: boolean;
  /** The subject slot holds a noun that names no actor ("the chemical that blew up Beirut"). */
  thingSubject?: boolean;
  /** Entities named only as the place of the object ("opposed the Madrid talks"): no target of the trigger. */
  venues?: string[];
  /** An unresolved meeting noun inside a reason phrase ("protested over the visit"): whose meeting is not said. */
  circumstance?: boolean;
  /** Entities of an unresolved passive verb's subject with no agent named ("Iran is accused of arming the Houthis"):
   * they undergo the act, so none of them is its agent. */
  patients?: string[];
  /** Entities of the subject of the verb an unresolved event noun hangs on, where that verb lends no agent
   * ("discussed the war", "condemned the attacks"): they do not do what the noun names. */
  foreignAgents?: string[];
  /** An unresolved criticism of a definite act told before ("condemned the attack"): resolved against earlier
   * sentences' candidates (event-anaphora.ts). */
  eventObject?: EventObject;
  /** An unresolved asserted act's one actor subject ("The United States struck a boat"): the doer a later criticism
   * of "the strike" points back to. */
  doer?: string;
}

/** What the parse rules return: the candidates and every trigger site they looked at (for the merge). */
export interface ParseOutput {
  candidates: ParseCandidate[];
  sites: TriggerSite[];
  /** Per parsed sentence, the actors reporting a clause in it (modality.ts clauseSpeakers). */
  speakers: Array<{ sentence: number; entities: string[] }>;
}

export interface ParseCandidate extends RelationCandidate {
  /** Word index of the trigger in its sentence parse. */
  triggerWord: number;
  /** The polarity of the trigger's clause (an irrealis candidate is 'expected' and 'hypothetical'). */
  polarity: 'asserted' | 'denied' | 'hypothetical';
}

/** Read-only view of one parsed sentence with its mentions. */
export interface SentenceContext {
  doc: RecognisedDoc;
  lang: 'de' | 'en';
  sentence: number;
  words: ParsedWord[];
  /** children[i] = 0-based indices of the dependents of word i. */
  children: number[][];
  /** Lower-cased, soft-hyphen-free form of each word (project token norms joined). */
  norms: string[];
  mentions: Mention[];
  lex: SyntaxLexicons;
  frames: readonly Frame[];
}

/** One trigger under examination by the rules. */
export interface TriggerContext extends SentenceContext {
  word: number;
  predicate: Predicate;
  pos: 'verb' | 'noun' | 'adj';
  frame: Frame;
  /** Particle-prefixed key the frames match against ("griff … an" → "angriff"). */
  key: string;
}

/** Argument words a rule found; entities are read from them afterwards, conjuncts included. */
export interface ArgumentFind {
  subject: number[];
  object: number[];
  theme: number[];
  rule: string;
  confidence: number;
  /** A symmetric pair taken from one coordinated phrase ("zwischen Chile und Peru"). */
  pair?: boolean;
}

export interface RelationRule {
  name: string;
  match(ctx: TriggerContext): ArgumentFind | undefined;
}

export interface ModalityFind {
  polarity: 'asserted' | 'denied' | 'hypothetical';
  modality: Modality;
  attributedTo?: string;
  /** Inside a conditional clause ("wenn/if …"): not even an expectation, only a veto on the rule candidates. */
  conditional?: boolean;
  /** The act is what a threat verb governs ("threatened to strike Kyiv"): its pair is a THREATENS instead. */
  threatened?: boolean;
  /** An attack in words ("griff Israel scharf an"): its pair is a CRITICIZES instead, with this modality. */
  verbal?: boolean;
}
