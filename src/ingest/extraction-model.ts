// The extraction model: everything the stages know besides the document (lexicons, gazetteer, the matcher built
// from both, the syntax models, valency frames), loaded once and passed to each stage, so stages stay pure and testable.

import { getGazetteer, type Gazetteer } from './gaz.js';
import { buildMatcher, type Matcher } from './entities/matcher.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';
import { loadFrames, type Frame } from './relations/syntax/frames.js';
import { loadSyntaxLexicons, type SyntaxLexicons } from './relations/syntax/lexicons.js';
import { loadSyntaxModel } from './syntax/load.js';
import type { SyntaxModels } from './syntax/stage.js';

export interface ExtractionModel {
  readonly lexicon: Lexicon;
  readonly gazetteer: Gazetteer;
  /** The gazetteer's surface forms (plus the lexicon's collective actors) in a token trie. */
  readonly matcher: Matcher;
  /** Tagger + parser per language; the shipped ones are read from disk when a language is first asked for. */
  readonly syntax: SyntaxModels;
  /** Valency frames of the trigger words (data/lexicons/frames.json). */
  readonly frames: readonly Frame[];
  /** The word lists the parse rules read (data/lexicons/syntax-cues.json + the trigger lexicon). */
  readonly syntaxLexicons: SyntaxLexicons;
}

/** The shipped syntax models, each loaded on first use: a German corpus never reads the English model. */
export function shippedSyntaxModels(): SyntaxModels {
  return {
    get de() {
      return loadSyntaxModel('de');
    },
    get en() {
      return loadSyntaxModel('en');
    },
  };
}

/** A model from given parts (tests, user gazetteers); the missing parts are the shipped ones. */
export function buildExtractionModel(
  parts: { lexicon?: Lexicon; gazetteer?: Gazetteer; syntax?: SyntaxModels } = {},
): ExtractionModel {
  const lexicon = parts.lexicon ?? defaultLexicon();
  const gazetteer = parts.gazetteer ?? getGazetteer();
  return {
    lexicon,
    gazetteer,
    matcher: buildMatcher(gazetteer, lexicon),
    syntax: parts.syntax ?? shippedSyntaxModels(),
    frames: loadFrames(),
    syntaxLexicons: loadSyntaxLexicons(),
  };
}

let loaded: ExtractionModel | undefined;
/** The shipped model: the data files are read and compiled once per process, on first use. */
export function loadExtractionModel(): ExtractionModel {
  loaded ??= buildExtractionModel();
  return loaded;
}
