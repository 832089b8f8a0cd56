// Relations read from a dependency parse (issue 9, part 2): the public entry points of the module, to be called
// by the relation stage once it receives parses, and the merge with the distance rules' candidates.

export { relationsFromParse, sentenceContext } from './extract.js';
export { mergeWithRuleCandidates, type MergeMode } from './merge.js';
export { loadFrames, compileFrames, FrameFileError, type Frame, type Slot } from './frames.js';
export { loadSyntaxLexicons, type SyntaxLexicons } from './lexicons.js';
export { parseFromConllu, ConlluAlignmentError } from './conllu-parse.js';
export { RULES } from './rules/index.js';
export type { DocParses, ParseCandidate, ParseOutput, ParsedWord, SentenceParse, TriggerSite } from './types.js';
