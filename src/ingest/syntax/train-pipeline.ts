// The training recipe for one language: tagger (epochs chosen on dev), jackknifed tags, parser on those tags.
// Used by the train CLI and by the German cross-validation; everything is seeded, so the same data gives the same files.

import { attachment, trainParser, type AttachmentScores, type ParseExample } from './parser-train.js';
import { parseContext, Parser, type ParserTables } from './parser.js';
import { Tagger, type TaggerTables } from './tagger.js';
import { tagAccuracy, trainTagger } from './tagger-train.js';
import type { TreebankSentence } from './treebank.js';
import { wordInfo } from './words.js';

export interface LangConfig {
  lang: 'de' | 'en';
  langId: number;
  taggerBits: number;
  morphBits?: number;
  /** What the morphology channel predicts: Case|Number from FEATS (German) or the treebank's XPOS (English). */
  morphFrom?: 'case-number' | 'xpos';
  /** The tagger's bidirectional second pass (tagger.ts pass2). */
  twoPass?: boolean;
  /** The tagger's static feature set (tagger.ts staticWidth). */
  featureSet?: number;
  parserBits: number;
  labelBits: number;
  tagEpochs: number;
  parserEpochs: number;
  folds: number;
  seed: number;
  langCopy: boolean;
  /** The parser reads the morphology channel as its POS (parser.ts parseContext). */
  fineTags?: boolean;
  /** The parser's transition templates (parser.ts parseSlots). */
  parserFeatureSet?: number;
  /** German: GSD's UPOS rewritten to PUD's convention before training (harmonise.ts). */
  harmoniseUpos?: boolean;
  /** English: choose the epoch counts on dev, then retrain on train + dev with them (as German does on GSD). */
  retrainWithDev?: boolean;
  /** The tables shipped as Int8 instead of Int16 (half the memory; perceptron.ts narrow), by name: the tagger's
   * 'tag', 'pass2', 'morph', the parser's 'transitions', 'labels'. */
  int8?: readonly string[];
}

export interface TrainedPair {
  tagger: TaggerTables;
  parser: ParserTables;
  tagEpochs: number;
  parserEpochs: number;
  devTag?: { upos: number; morph: number };
  devParse?: AttachmentScores;
}

/** Extra parser training data from another language (already tagged), used for German. */
export interface ParserExtra {
  examples: ParseExample[];
  labels: string[];
}

type Log = (line: string) => void;

function tagWith(tagger: Tagger, sents: TreebankSentence[], upos: string[], morph: string[]) {
  const um = tagger.tables.upos.map((u) => upos.indexOf(u));
  const mm = (tagger.tables.morph?.classes ?? []).map((m) => Math.max(0, morph.indexOf(m)));
  return sents.map((s) => {
    const r = tagger.tag(wordInfo(s.words));
    return { upos: r.upos.map((u) => Math.max(0, um[u]!)), morph: mm.length ? r.morph.map((m) => mm[m]!) : r.morph };
  });
}

/** Tags of each training sentence from a tagger that did not see it (k folds by sentence index). */
export function jackknife(train: TreebankSentence[], final: TaggerTables, cfg: LangConfig, log: Log) {
  const out = new Array<{ upos: Int32Array; morph: Int32Array }>(train.length);
  const morphNames = final.morph?.classes ?? [];
  for (let f = 0; f < cfg.folds; f++) {
    const rest = train.filter((_, i) => i % cfg.folds !== f);
    const held = train.map((s, i) => [s, i] as const).filter(([, i]) => i % cfg.folds === f);
    const { tables } = trainTagger(rest, {
      epochs: cfg.tagEpochs,
      bits: cfg.taggerBits,
      morphBits: cfg.morphBits,
      twoPass: cfg.twoPass,
      featureSet: cfg.featureSet,
      seed: cfg.seed + f + 1,
    });
    const tagged = tagWith(
      new Tagger(tables),
      held.map(([s]) => s),
      final.upos,
      morphNames,
    );
    held.forEach(([, i], j) => (out[i] = tagged[j]!));
    log(`  jackknife fold ${f + 1}/${cfg.folds}: tagger trained on ${rest.length} sentences`);
  }
  return out;
}

export function examples(
  sents: TreebankSentence[],
  tags: { upos: Int32Array; morph: Int32Array }[],
  labels: string[],
  langId: number,
  repeat = 1,
  fineTags = false,
): ParseExample[] {
  return sents.map((s, i) => {
    const n = s.words.length;
    return {
      ctx: parseContext(wordInfo(s.words), tags[i]!.upos, tags[i]!.morph, langId, fineTags),
      heads: Int32Array.from(s.heads, (h) => (h === 0 ? n : h - 1)),
      labels: Int32Array.from(s.deprels, (d) => labels.indexOf(d)),
      repeat,
    };
  });
}

export function labelSet(...sets: TreebankSentence[][]): string[] {
  return [...new Set(sets.flat().flatMap((s) => s.deprels))].sort();
}

/** The sentences with their morphology channel taken from where the language's config says. */
export function withMorphChannel(sents: TreebankSentence[], cfg: LangConfig): TreebankSentence[] {
  return cfg.morphFrom === 'xpos' ? sents.map((s) => ({ ...s, morph: s.xpos })) : sents;
}

/** Trains a tagger + parser pair; with dev data the epoch counts are chosen on it, else cfg's counts are used. */
export function trainPair(
  train: TreebankSentence[],
  dev: TreebankSentence[] | undefined,
  cfg: LangConfig,
  log: Log,
  extra?: ParserExtra,
): TrainedPair {
  const started = Date.now();
  const tag = trainTagger(train, {
    epochs: cfg.tagEpochs,
    bits: cfg.taggerBits,
    morphBits: cfg.morphBits,
    twoPass: cfg.twoPass,
    featureSet: cfg.featureSet,
    seed: cfg.seed,
    dev,
    log,
  });
  log(`  tagger: ${tag.epochs} epochs (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const tagEpochs = dev ? tag.epochs : cfg.tagEpochs;
  const jk = jackknife(train, tag.tables, { ...cfg, tagEpochs }, log);
  const labels = [...new Set([...labelSet(train), ...(extra?.labels ?? [])])].sort();
  const repeat = extra ? 2 : 1;
  const trainEx = [...examples(train, jk, labels, cfg.langId, repeat, cfg.fineTags), ...(extra?.examples ?? [])];
  let devEx: ParseExample[] | undefined;
  if (dev) {
    const morphNames = tag.tables.morph?.classes ?? [];
    devEx = examples(
      dev,
      tagWith(new Tagger(tag.tables), dev, tag.tables.upos, morphNames),
      labels,
      cfg.langId,
      1,
      cfg.fineTags,
    );
  }
  const parse = trainParser(trainEx, labels, {
    epochs: cfg.parserEpochs,
    bits: cfg.parserBits,
    labelBits: cfg.labelBits,
    seed: cfg.seed + 100,
    explore: 0.9,
    exploreFrom: 2,
    langCopy: cfg.langCopy,
    fineTags: cfg.fineTags,
    featureSet: cfg.parserFeatureSet,
    dev: devEx,
    log,
  });
  log(`  parser: ${parse.epochs} epochs (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  return {
    tagger: tag.tables,
    parser: parse.tables,
    tagEpochs,
    parserEpochs: parse.epochs,
    devTag: tag.dev,
    devParse: parse.dev,
  };
}

/** Tags with the pair's own tagger, then parses: how the pair does on held-out treebank text. */
export function scorePair(pair: TrainedPair, sents: TreebankSentence[], langId: number) {
  const tagger = new Tagger(pair.tagger);
  const tagged = tagWith(tagger, sents, pair.tagger.upos, pair.tagger.morph?.classes ?? []);
  const ex = examples(sents, tagged, pair.parser.labels, langId, 1, pair.parser.fineTags);
  return { ...tagAccuracy(tagger, sents), ...attachment(new Parser(pair.parser), ex) };
}
