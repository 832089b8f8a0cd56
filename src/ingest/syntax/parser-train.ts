// Training of the arc-hybrid parser and its labeller with the dynamic oracle and error exploration.
// The parser learns on predicted (jackknifed) tags; the number of epochs is chosen on a development split.

import { seededRandom, shuffleInPlace } from './hash.js';
import { goldTree, projectivise, transitionCosts, type GoldTree } from './oracle.js';
import {
  ArcHybrid,
  MAX_PARSE_FEATS,
  N_TRANSITIONS,
  NO_LABEL,
  Parser,
  SHIFT,
  labelSlots,
  parseSlots,
  type ParseContext,
  type ParserTables,
} from './parser.js';
import * as perceptron from './perceptron.js';
import { Perceptron } from './perceptron.js';

const { argmax } = perceptron;

/** One training or development sentence: its parse context (predicted tags) and gold tree. */
export interface ParseExample {
  ctx: ParseContext;
  /** Gold heads, 0-based, root = n (as in the treebank, possibly non-projective). */
  heads: Int32Array;
  /** Gold label ids. */
  labels: Int32Array;
  /** Weight of the sentence: it is seen this many times per epoch (German up-weighted in joint training). */
  repeat?: number;
}

export interface ParserTrainOptions {
  epochs: number;
  bits: number;
  labelBits: number;
  seed: number;
  /** Probability of following the model's own wrong transition, from epoch `exploreFrom` on. */
  explore: number;
  exploreFrom: number;
  langCopy: boolean;
  fineTags?: boolean;
  featureSet?: number;
  dev?: ParseExample[];
  log?: (line: string) => void;
}

export interface AttachmentScores {
  uas: number;
  las: number;
}

export function attachment(parser: Parser, examples: ParseExample[]): AttachmentScores {
  let total = 0;
  let u = 0;
  let l = 0;
  for (const ex of examples) {
    const r = parser.parse(ex.ctx);
    for (let i = 0; i < ex.ctx.n; i++) {
      total++;
      if (r.heads[i] === ex.heads[i]) {
        u++;
        if (r.labels[i] === ex.labels[i]) l++;
      }
    }
  }
  return { uas: u / Math.max(1, total), las: l / Math.max(1, total) };
}

class ParserTrainer {
  private readonly slots = new Int32Array(MAX_PARSE_FEATS);
  private readonly scores: Float64Array;
  private readonly allowed = new Uint8Array(N_TRANSITIONS);
  private readonly costs = new Int32Array(N_TRANSITIONS);
  correct = 0;
  seen = 0;

  constructor(
    readonly trans: Perceptron,
    readonly labeller: Perceptron,
    readonly langCopy: boolean,
    readonly random: () => number,
    readonly featureSet: number,
  ) {
    this.scores = new Float64Array(Math.max(N_TRANSITIONS, labeller.nClasses));
  }

  /** The zero-cost (or least-cost) valid transition the model scores highest. */
  private bestGold(): number {
    let min = Infinity;
    for (let t = 0; t < N_TRANSITIONS; t++) if (this.allowed[t] && this.costs[t]! < min) min = this.costs[t]!;
    let best = -1;
    for (let t = 0; t < N_TRANSITIONS; t++)
      if (this.allowed[t] && this.costs[t] === min && (best < 0 || this.scores[t]! > this.scores[best]!)) best = t;
    return best;
  }

  sentence(ex: ParseExample, gold: GoldTree, explore: number): void {
    const { slots, scores, allowed, costs, trans, labeller } = this;
    const c = ex.ctx;
    const st = new ArcHybrid(c.n);
    while (!st.terminal()) {
      st.valid(allowed);
      const k = parseSlots(st, c, trans.mask, this.langCopy, slots, this.featureSet);
      trans.score(slots, k, scores);
      const pred = argmax(scores, N_TRANSITIONS, allowed);
      transitionCosts(st, gold, allowed, costs);
      const best = this.bestGold();
      const predOk = costs[pred] === costs[best];
      this.seen++;
      if (predOk) this.correct++;
      else trans.update(slots, k, best, pred);
      trans.tick();
      const next = predOk || (explore > 0 && this.random() < explore) ? pred : best;
      let label = NO_LABEL;
      if (next !== SHIFT) {
        const [h, d] = st.arcOf(next);
        const kl = labelSlots(st, c, h, d, labeller.mask, this.langCopy, slots);
        labeller.score(slots, kl, scores);
        label = argmax(scores, labeller.nClasses);
        if (gold.heads[d] === h) {
          labeller.update(slots, kl, ex.labels[d]!, label);
          labeller.tick();
        }
      }
      st.apply(next, label);
    }
  }
}

export function trainParser(
  train: ParseExample[],
  labels: string[],
  opts: ParserTrainOptions,
): { tables: ParserTables; epochs: number; dev?: AttachmentScores } {
  const trans = new Perceptron(opts.bits, N_TRANSITIONS);
  const labeller = new Perceptron(opts.labelBits, labels.length);
  const random = seededRandom(opts.seed);
  const trainer = new ParserTrainer(trans, labeller, opts.langCopy, random, opts.featureSet ?? 1);
  const golds = train.map((ex) => goldTree(projectivise(ex.heads).heads));
  const order: number[] = [];
  train.forEach((ex, i) => {
    for (let r = 0; r < (ex.repeat ?? 1); r++) order.push(i);
  });
  const snapshot = (): ParserTables => ({
    labels,
    bits: opts.bits,
    weights: trans.averaged(),
    labelBits: opts.labelBits,
    labelWeights: labeller.averaged(),
    langCopy: opts.langCopy,
    fineTags: opts.fineTags ?? false,
    featureSet: opts.featureSet ?? 1,
  });
  let best: { tables: ParserTables; epochs: number; dev?: AttachmentScores } | undefined;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const started = Date.now();
    trainer.correct = trainer.seen = 0;
    const explore = epoch >= opts.exploreFrom ? opts.explore : 0;
    shuffleInPlace(order, random).forEach((i, j) => {
      trainer.sentence(train[i]!, golds[i]!, explore);
      if (j > 0 && j % 5000 === 0) opts.log?.(`    … ${j}/${order.length} sentences`);
    });
    const line = `  parser epoch ${epoch}: train transitions ${(trainer.correct / trainer.seen).toFixed(4)} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
    if (!opts.dev) {
      opts.log?.(line);
      continue;
    }
    const tables = snapshot();
    const acc = attachment(new Parser(tables), opts.dev);
    opts.log?.(`${line}; dev UAS ${acc.uas.toFixed(4)} LAS ${acc.las.toFixed(4)}`);
    if (!best || acc.las > best.dev!.las) best = { tables, epochs: epoch, dev: acc };
  }
  return best ?? { tables: snapshot(), epochs: opts.epochs };
}
