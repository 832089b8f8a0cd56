// The syntax stage (pure): every sentence of a segmented document → UD words with tags, heads and relations,
// parsed by the model of the document's language; long run-on "sentences" are parsed in chunks so time stays linear.

import { GeokgError } from '../../errors.js';
import { detectLanguage } from '../stages/01-clean.js';
import type {
  CleanedDoc,
  ParsedDoc,
  ParsedWord,
  PartlyParsedDoc,
  SegmentedDoc,
  Sentence,
  SentenceParse,
  SyntaxWord,
} from '../types.js';
import type { SyntaxAnalysis, SyntaxInput, SyntaxModel } from './types.js';
import { sentenceWords } from './word-map.js';

export interface SyntaxModels {
  de?: SyntaxModel;
  en?: SyntaxModel;
}

/** Longest word sequence handed to a model in one call; a greedy parser is linear, but features and the
 * beam-free oracle were trained on sentences of ≤ ~100 words, and a 5,000-word list is no sentence. */
export const MAX_CHUNK_WORDS = 250;
const BREAKS = new Set([',', ';', ':', '–', '—', '-']);

/** The language a document is parsed in when a model of each is at hand: its detected language, or for 'und' the
 * language the detector leaned to (ties and no evidence: English). */
export function leaningLanguage(doc: Pick<CleanedDoc, 'language' | 'text'>): 'de' | 'en' {
  if (doc.language === 'de' || doc.language === 'en') return doc.language;
  const det = detectLanguage(doc.text);
  return det.de > det.en ? 'de' : 'en';
}

/** Which of the loaded models parses the document: see leaningLanguage; an 'und' document falls back to whichever
 * model is loaded, a German or English one needs its own. */
export function parseLanguage(doc: Pick<CleanedDoc, 'language' | 'text'>, models: SyntaxModels): 'de' | 'en' {
  const lean = leaningLanguage(doc);
  if (models[lean]) return lean;
  if (doc.language === lean)
    throw new GeokgError('extract', `no ${lean === 'de' ? 'German' : 'English'} syntax model loaded`);
  const other = lean === 'de' ? 'en' : 'de';
  if (models[other]) return other;
  throw new GeokgError('extract', 'no syntax model loaded');
}

/** Chunk boundaries [start, end) of a word sequence: ≤ max words each, cut after the last comma-like word in the
 * second half of a window, else at the window's end. */
export function chunkBounds(forms: readonly string[], max = MAX_CHUNK_WORDS): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (forms.length - start > max) {
    let cut = start + max;
    for (let k = start + max - 1; k >= start + Math.floor(max / 2); k--)
      if (BREAKS.has(forms[k]!)) {
        cut = k + 1;
        break;
      }
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, forms.length]);
  return out;
}

function checked(a: SyntaxAnalysis, n: number, lang: string): SyntaxAnalysis {
  if (a.upos.length !== n || a.feats.length !== n || a.head.length !== n || a.deprel.length !== n)
    throw new GeokgError('extract', `the ${lang} syntax model returned an analysis of the wrong length (want ${n})`);
  for (const h of a.head)
    if (!Number.isInteger(h) || h < 0 || h > n)
      throw new GeokgError('extract', `the ${lang} syntax model returned head ${h} outside 0..${n}`);
  return a;
}

/** Analyses any number of words: in chunks of ≤ MAX_CHUNK_WORDS; the root of each later chunk is attached to the
 * first chunk's root as `parataxis`, so the sentence keeps a single root as CoNLL-U requires. */
export function analyseWords(model: SyntaxModel, words: readonly SyntaxInput[]): SyntaxAnalysis {
  if (!words.length) return { upos: [], feats: [], head: [], deprel: [] };
  const bounds = chunkBounds(words.map((w) => w.form));
  if (bounds.length === 1) return checked(model.analyse(words), words.length, model.lang);
  const all: SyntaxAnalysis = { upos: [], feats: [], head: [], deprel: [] };
  let firstRoot = 0;
  for (const [s, e] of bounds) {
    const a = checked(model.analyse(words.slice(s, e)), e - s, model.lang);
    for (let k = 0; k < a.head.length; k++) {
      const h = a.head[k]!;
      let head = h === 0 ? 0 : h + s;
      let deprel = a.deprel[k]!;
      if (h === 0) {
        if (!firstRoot) firstRoot = s + k + 1;
        else {
          head = firstRoot;
          deprel = 'parataxis';
        }
      }
      all.upos.push(a.upos[k]!);
      all.feats.push(a.feats[k]!);
      all.head.push(head);
      all.deprel.push(deprel);
    }
  }
  return all;
}

/** Tags known before tagging, per word of a sentence (name-hints.ts: gazetteer names are PROPN). */
export type TagHints = (s: Sentence, words: readonly SyntaxWord[]) => ReadonlyArray<string | undefined>;

/** Parses the sentences of the document with the model of its language (see parseLanguage): every sentence, or
 * those `wanted` says are worth it (the pipeline parses only where a relation rule can read the tree). */
export function parse<D extends SegmentedDoc>(
  doc: D,
  models: SyntaxModels,
  wanted?: undefined,
  hints?: TagHints,
): Omit<D, 'parses'> & ParsedDoc;
export function parse<D extends SegmentedDoc>(
  doc: D,
  models: SyntaxModels,
  wanted: (s: Sentence) => boolean,
  hints?: TagHints,
): Omit<D, 'parses'> & PartlyParsedDoc;
export function parse<D extends SegmentedDoc>(
  doc: D,
  models: SyntaxModels,
  wanted?: (s: Sentence) => boolean,
  hints?: TagHints,
): Omit<D, 'parses'> & PartlyParsedDoc {
  const lang = parseLanguage(doc, models);
  const model = models[lang]!;
  const parses: Array<SentenceParse | undefined> = doc.sentences.map((s) => {
    if (wanted && !wanted(s)) return undefined;
    const spans = sentenceWords(s, lang);
    // No gazType: the shipped models were trained on treebank words alone, so the feature would only add noise; a
    // known tag is no feature, it takes the tagger's place for that word.
    const tags = hints?.(s, spans);
    const inputs: SyntaxInput[] = spans.map((w, k) => (tags?.[k] ? { form: w.form, upos: tags[k] } : { form: w.form }));
    const a = analyseWords(model, inputs);
    const words: ParsedWord[] = spans.map((w, k) => ({
      ...w,
      upos: a.upos[k]!,
      feats: a.feats[k]!,
      head: a.head[k]!,
      deprel: a.deprel[k]!,
    }));
    return { sentence: s.index, lang, words };
  });
  return { ...doc, parses };
}
