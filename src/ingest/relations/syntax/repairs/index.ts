// Attachment repairs on a copy of a sentence's parse before the relation rules read it: errors the trained parser
// makes systematically on news text, where its treebanks hold too few examples to learn the construction.

import type { SyntaxLexicons } from '../lexicons.js';
import {
  accordingTo,
  feelingParticiple,
  hyphenParticiple,
  ofGerund,
  progressive,
  reducedRelativeMain,
} from './english.js';
import {
  adpositionRelative,
  adverbialBeforeArticle,
  articleAsRelative,
  articleBeforeObject,
  bareArgument,
  bareNamesSubjectFirst,
  ellipticConjunct,
  futureWerden,
  genitiveName,
  nameBeforeObject,
  prenominalGenitive,
} from './german.js';
import { relativeClauseRepair } from './relative.js';
import { adjectiveDep, markedSubject, possessorOfNoun, voice } from './shared.js';
import type { RepairWord } from './tree.js';

export type { RepairWord } from './tree.js';

/** The word lists the repairs read. */
export type RepairLexicons = Pick<SyntaxLexicons, 'relativePronouns' | 'participlesOnly' | 'futureAux' | 'triggers'>;

export interface RepairPass {
  name: string;
  /** Only for this language's parses; both when absent. */
  lang?: 'de' | 'en';
  run(out: RepairWord[], lex: RepairLexicons, lang: 'de' | 'en'): void;
}

/** An English adjective trigger of the relation lexicon ("outraged", "concerned"): a feeling. */
const feeling = (lex: RepairLexicons) => (n: string) =>
  lex.triggers.some((t) => t.pos === 'adj' && t.lang !== 'de' && t.re.test(n));

/** The passes in the order they run: later ones read the trees earlier ones mended (relative clauses and voice
 * last, once the clause's own words are in place). */
export const REPAIRS: readonly RepairPass[] = [
  { name: 'adjective-dep', run: (o) => adjectiveDep(o) },
  { name: 'possessor-of-noun', run: (o) => possessorOfNoun(o) },
  { name: 'marked-subject', run: (o) => markedSubject(o) },
  { name: 'bare-argument', lang: 'de', run: (o) => bareArgument(o) },
  { name: 'genitive-name', lang: 'de', run: (o) => genitiveName(o) },
  { name: 'prenominal-genitive', lang: 'de', run: (o) => prenominalGenitive(o) },
  { name: 'name-before-object', lang: 'de', run: (o) => nameBeforeObject(o) },
  { name: 'article-before-object', lang: 'de', run: (o) => articleBeforeObject(o) },
  { name: 'adverbial-before-article', lang: 'de', run: (o) => adverbialBeforeArticle(o) },
  { name: 'article-as-relative', lang: 'de', run: (o, lex) => articleAsRelative(o, lex.relativePronouns) },
  { name: 'adposition-relative', lang: 'de', run: (o, lex) => adpositionRelative(o, lex.relativePronouns) },
  { name: 'elliptic-conjunct', lang: 'de', run: (o) => ellipticConjunct(o) },
  { name: 'bare-names-subject-first', lang: 'de', run: (o) => bareNamesSubjectFirst(o) },
  { name: 'future-werden', lang: 'de', run: (o, lex) => futureWerden(o, lex.futureAux) },
  { name: 'reduced-relative-main', lang: 'en', run: (o, lex) => reducedRelativeMain(o, lex.participlesOnly) },
  { name: 'hyphen-participle', lang: 'en', run: (o) => hyphenParticiple(o) },
  { name: 'progressive', lang: 'en', run: (o) => progressive(o) },
  { name: 'according-to', lang: 'en', run: (o) => accordingTo(o) },
  { name: 'of-gerund', lang: 'en', run: (o) => ofGerund(o) },
  { name: 'feeling-participle', lang: 'en', run: (o, lex) => feelingParticiple(o, feeling(lex)) },
  {
    name: 'relative-clause',
    run: (o, lex, lang) => relativeClauseRepair(o, lex.relativePronouns, lang === 'de' ? 'acl' : 'acl:relcl'),
  },
  { name: 'voice', run: (o) => voice(o) },
];

/** The repairs in order, on a copy of the words (the stored parse stays the parser's). */
export function repairedWords<W extends RepairWord>(words: readonly W[], lex: RepairLexicons, lang: 'de' | 'en'): W[] {
  const out = words.map((w) => ({ ...w }));
  for (const p of REPAIRS) if (!p.lang || p.lang === lang) p.run(out, lex, lang);
  return out;
}
