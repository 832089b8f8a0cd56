// The extraction model: everything the stages know besides the document (lexicons, gazetteer, the matcher built
// from both; later a parser), loaded once and passed to each stage as an argument, so stages stay pure and testable.

import { getGazetteer, type Gazetteer } from './gaz.js';
import { buildMatcher, type Matcher } from './entities/matcher.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';

export interface ExtractionModel {
  readonly lexicon: Lexicon;
  readonly gazetteer: Gazetteer;
  /** The gazetteer's surface forms (plus the lexicon's collective actors) in a token trie. */
  readonly matcher: Matcher;
}

/** A model from given parts (tests, user gazetteers); the missing parts are the shipped ones. */
export function buildExtractionModel(parts: { lexicon?: Lexicon; gazetteer?: Gazetteer } = {}): ExtractionModel {
  const lexicon = parts.lexicon ?? defaultLexicon();
  const gazetteer = parts.gazetteer ?? getGazetteer();
  return { lexicon, gazetteer, matcher: buildMatcher(gazetteer, lexicon) };
}

let loaded: ExtractionModel | undefined;
/** The shipped model: the data files are read and compiled once per process, on first use. */
export function loadExtractionModel(): ExtractionModel {
  loaded ??= buildExtractionModel();
  return loaded;
}
