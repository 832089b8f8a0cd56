// Training of the UPOS and Case|Number taggers: seeded shuffles, greedy decoding with predicted history, averaging.
// The epoch count is chosen on a development split when one is given (the best averaged snapshot is kept).
/* eslint-disable @typescript-eslint/no-unused-expressions -- hot loops use `c ? a++ : b++` on typed arrays on purpose */

import { seededRandom, shuffleInPlace } from './hash.js';
import * as perceptron from './perceptron.js';
import { Perceptron } from './perceptron.js';
import {
  caseContext,
  morphSlots,
  pass2Slots,
  staticFeatures,
  tagSlots,
  Tagger,
  TAG_MAX_FEATS,
  TAG_START,
  type TaggerTables,
} from './tagger.js';
import type { SyntaxInput } from './types.js';
import { canonical, wordInfo, type WordInfo } from './words.js';

const { argmax } = perceptron;

export interface TaggedSentence {
  words: SyntaxInput[];
  upos: string[];
  /** "Case=…|Number=…" (only those two features) or "_". */
  morph: string[];
}

export interface TaggerTrainOptions {
  epochs: number;
  bits: number;
  morphBits?: number;
  /** Adds the second, right-context pass. */
  twoPass?: boolean;
  /** Static feature set (tagger.ts staticWidth); default 1. */
  featureSet?: number;
  seed: number;
  dev?: TaggedSentence[];
  log?: (line: string) => void;
}

interface Prepared {
  info: WordInfo;
  stat: Int32Array;
  upos: Int32Array;
  morph: Int32Array;
}

/** Forms seen ≥ 20 times with one UPOS in ≥ 99 % of them. */
function buildTagDict(train: TaggedSentence[], names: string[]): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of train)
    s.words.forEach((w, i) => {
      const form = canonical(w.form);
      let m = counts.get(form);
      if (!m) counts.set(form, (m = new Map()));
      m.set(s.upos[i]!, (m.get(s.upos[i]!) ?? 0) + 1);
    });
  const dict = new Map<string, number>();
  for (const form of [...counts.keys()].sort()) {
    const m = counts.get(form)!;
    let total = 0;
    let best = '';
    let bestN = 0;
    for (const [tag, c] of [...m.entries()].sort()) {
      total += c;
      if (c > bestN) ((best = tag), (bestN = c));
    }
    if (total >= 20 && bestN / total >= 0.99) dict.set(form, names.indexOf(best));
  }
  return dict;
}

function prepare(s: TaggedSentence, uposNames: string[], morphNames: string[], featureSet: number): Prepared {
  const info = wordInfo(s.words);
  return {
    info,
    stat: staticFeatures(info, featureSet),
    upos: Int32Array.from(s.upos, (u) => uposNames.indexOf(u)),
    morph: Int32Array.from(s.morph, (m) => Math.max(0, morphNames.indexOf(m))),
  };
}

class TaggerTrainer {
  private readonly slots = new Int32Array(TAG_MAX_FEATS);
  private readonly scores = new Float64Array(256);
  constructor(
    readonly tag: Perceptron,
    readonly tagdict: Map<string, number>,
    readonly uposNames: string[],
    readonly morph?: Perceptron,
    readonly pass2?: Perceptron,
  ) {}

  sentence(p: Prepared): void {
    const { info, stat } = p;
    const n = info.n;
    const pred = new Int32Array(n);
    let t1 = TAG_START;
    let t2 = TAG_START;
    for (let i = 0; i < n; i++) {
      let t = this.tagdict.get(info.formText[i]!);
      if (t === undefined) {
        const k = tagSlots(info, stat, i, t1, t2, this.tag.mask, this.slots);
        this.tag.score(this.slots, k, this.scores);
        t = argmax(this.scores, this.tag.nClasses);
        this.tag.update(this.slots, k, p.upos[i]!, t);
        this.tag.tick();
      }
      pred[i] = t;
      t2 = t1;
      t1 = t;
    }
    const final = this.pass2 ? this.pass2Sentence(p, pred, this.pass2) : pred;
    if (this.morph) this.morphSentence(p, final, this.morph);
  }

  private pass2Sentence(p: Prepared, p1: Int32Array, pass2: Perceptron): Int32Array {
    const { info, stat } = p;
    const out = new Int32Array(info.n);
    let t1 = TAG_START;
    let t2 = TAG_START;
    for (let i = 0; i < info.n; i++) {
      let t = this.tagdict.get(info.formText[i]!);
      if (t === undefined) {
        const k = pass2Slots(info, stat, i, t1, t2, p1, pass2.mask, this.slots);
        pass2.score(this.slots, k, this.scores);
        t = argmax(this.scores, pass2.nClasses);
        pass2.update(this.slots, k, p.upos[i]!, t);
        pass2.tick();
      }
      out[i] = t;
      t2 = t1;
      t1 = t;
    }
    return out;
  }

  private morphSentence(p: Prepared, pred: Int32Array, morph: Perceptron): void {
    const ctx = caseContext(p.info, pred, this.uposNames);
    let m1 = TAG_START;
    let m2 = TAG_START;
    for (let i = 0; i < p.info.n; i++) {
      const k = morphSlots(p.info, p.stat, i, pred, ctx, m1, m2, morph.mask, this.slots);
      morph.score(this.slots, k, this.scores);
      const c = argmax(this.scores, morph.nClasses);
      morph.update(this.slots, k, p.morph[i]!, c);
      morph.tick();
      m2 = m1;
      m1 = c;
    }
  }
}

export function tagAccuracy(tagger: Tagger, sents: TaggedSentence[]): { upos: number; morph: number } {
  let total = 0;
  let okU = 0;
  let okM = 0;
  const mc = tagger.tables.morph?.classes;
  for (const s of sents) {
    const r = tagger.tag(wordInfo(s.words));
    s.upos.forEach((u, i) => {
      total++;
      if (tagger.tables.upos[r.upos[i]!] === u) okU++;
      if (mc && mc[r.morph[i]!] === s.morph[i]) okM++;
    });
  }
  return { upos: okU / Math.max(1, total), morph: okM / Math.max(1, total) };
}

export function trainTagger(
  train: TaggedSentence[],
  opts: TaggerTrainOptions,
): { tables: TaggerTables; epochs: number; dev?: { upos: number; morph: number } } {
  const uposNames = [...new Set(train.flatMap((s) => s.upos))].sort();
  const morphNames = opts.morphBits ? [...new Set(train.flatMap((s) => s.morph))].sort() : [];
  const tagdict = buildTagDict(train, uposNames);
  const tag = new Perceptron(opts.bits, uposNames.length);
  const morph = opts.morphBits ? new Perceptron(opts.morphBits, morphNames.length) : undefined;
  const pass2 = opts.twoPass ? new Perceptron(opts.bits, uposNames.length) : undefined;
  const trainer = new TaggerTrainer(tag, tagdict, uposNames, morph, pass2);
  const prepared = train.map((s) => prepare(s, uposNames, morphNames, opts.featureSet ?? 1));
  const random = seededRandom(opts.seed);
  const order = prepared.map((_, i) => i);
  const snapshot = (): TaggerTables => ({
    upos: uposNames,
    bits: opts.bits,
    weights: tag.averaged(),
    tagdict,
    pass2: pass2 ? { bits: opts.bits, weights: pass2.averaged() } : undefined,
    morph: morph ? { classes: morphNames, bits: opts.morphBits!, weights: morph.averaged() } : undefined,
    featureSet: opts.featureSet ?? 1,
  });
  let best: { tables: TaggerTables; epochs: number; dev?: { upos: number; morph: number } } | undefined;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (const i of shuffleInPlace(order, random)) trainer.sentence(prepared[i]!);
    if (!opts.dev) continue;
    const tables = snapshot();
    const acc = tagAccuracy(new Tagger(tables), opts.dev);
    opts.log?.(`  tagger epoch ${epoch}: dev UPOS ${acc.upos.toFixed(4)} Case|Number ${acc.morph.toFixed(4)}`);
    if (!best || acc.upos + acc.morph > best.dev!.upos + best.dev!.morph) best = { tables, epochs: epoch, dev: acc };
  }
  return best ?? { tables: snapshot(), epochs: opts.epochs };
}
