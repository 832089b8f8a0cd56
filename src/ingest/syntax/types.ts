// The syntax stage's contract: what a trained tagger + dependency parser takes and returns.
// Model building (conllu, perceptron, tagger, parser, training) and pipeline integration both code against it.

/** One syntactic word as the parser sees it (a UD "word" line, not a multiword-token range). */
export interface SyntaxInput {
  form: string;
  /** Optional knowledge from the gazetteer, allowed as a tagger/parser feature ("Country", "Person", …). */
  gazType?: string;
  /** A UPOS known before tagging (a gazetteer name is PROPN): kept as it is, and the words around it see it. */
  upos?: string;
}

/** The analysis of one sentence; arrays are parallel to the input words. */
export interface SyntaxAnalysis {
  /** UD UPOS tags. */
  upos: string[];
  /** UD FEATS strings ("Case=Dat|Number=Sing"), "_" when empty; German models predict Case and Number. */
  feats: string[];
  /** Head of each word, 1-based as in CoNLL-U; 0 is the root. */
  head: number[];
  /** UD relation of each word to its head (with subtypes such as "acl:relcl", "nsubj:pass"). */
  deprel: string[];
}

/** A loaded model pair for one language: pure and deterministic, same input → same output. */
export interface SyntaxModel {
  readonly lang: 'de' | 'en';
  analyse(words: readonly SyntaxInput[]): SyntaxAnalysis;
}
