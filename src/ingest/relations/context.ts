// What the relation rules see: one sentence with its mentions, argument markers and claim sources (SentenceContext),
// and one trigger in it with the candidate arguments left and right of it (TriggerContext).

import type { EntityType, Language } from '../../model.js';
import type { Lexicon, TriggerEntry } from '../lexicon.js';
import type { Mention, RecognisedDoc, RelationCandidate, Sentence, Token } from '../types.js';

/** How a mention is marked as an argument: the preposition class before it ('none' = unmarked), or the conjunct
 * it is coordinated with ("Moskau und Teheran" → Teheran's marker is Moskau's). */
export interface MarkerInfo {
  marker: string;
  norm: string;
  conjOf?: Mention;
}

export interface SentenceContext {
  doc: RecognisedDoc;
  lex: Lexicon;
  lang: Language;
  sent: Sentence;
  toks: Token[];
  /** Clause segment of each token (commas, dashes, parentheses open a new one). */
  segs: number[];
  /** Mentions of the sentence in token order. */
  ms: Mention[];
  mentionAt: (k: number) => Mention | undefined;
  typeOf: (id: string) => EntityType | undefined;
  items: Mention[];
  actorMs: Mention[];
  /** Tokens inside role nouns ("mit dem russischen Ministerpräsidenten Michail Mischustin"). */
  roleTok: Set<number>;
  candInfo: Map<Mention, MarkerInfo>;
  /** Named sources of a claim ("laut TASS"): never an argument. */
  sources: Set<Mention>;
  lower: string;
  times: Array<{ at: number; value: string }>;
  /** Candidates so far, this sentence and earlier ones (some rules look back). */
  out: RelationCandidate[];
  triggersFor: (norm: string) => TriggerEntry[];
}

/** A candidate argument of one trigger. */
export interface Cand {
  m: Mention;
  marker: string;
  markerNorm: string;
  side: 'L' | 'R';
  dist: number;
  conjOf?: Mention;
  segment: number;
}

export interface TriggerContext {
  s: SentenceContext;
  e: TriggerEntry;
  /** Token index of the trigger. */
  t: number;
  cands: Cand[];
  /** Candidates left and right of the trigger, nearest first. */
  L: Cand[];
  R: Cand[];
  seg: number;
  sym: boolean;
  /** Preposition classes that mark this trigger's object (frames.ts). */
  objMarkers: string[];
}

/** Subject, object, confidence and the name of the rule that found them. */
export type Args = [Mention | undefined, Mention | undefined, number, string];

export interface Rule {
  name: string;
  /** undefined: the rule does not apply, try the next; an array (even empty): the answer, stop. */
  match(c: TriggerContext): Args[] | undefined;
}

export const unmarked = (c: Cand) => c.marker === 'none';
export const byDist = (a: Cand, b: Cand) => a.dist - b.dist;
export const isAgentMarker = (c: Cand) => c.marker === 'by' || c.markerNorm === 'von' || c.markerNorm === 'vom';
export const sameSeg = (c: TriggerContext, x: Cand) => x.segment === c.seg;
