// Greedy left-to-right part-of-speech tagger (UD UPOS) and, for German, a Case|Number tagger run after it.
// Both are averaged perceptrons over hashed word features; the morphology also sees the predicted UPOS around it.
/* eslint-disable @typescript-eslint/no-unused-expressions -- hot loops use `c ? a++ : b++` on typed arrays on purpose */

import * as hash from './hash.js';
import * as perceptron from './perceptron.js';
import type { Weights } from './perceptron.js';
import type { WordInfo } from './words.js';

// Local copies of the hot imported functions: calls through module bindings cost a getter each under tsx.
const { fmix, mix, templateSeed } = hash;
const { argmax, scoreInto } = perceptron;

export interface MorphTables {
  classes: string[];
  bits: number;
  weights: Weights;
  /** What the classes are: FEATS Case|Number (German, shown as FEATS) or XPOS (English, a parser feature only). */
  source?: 'case-number' | 'xpos';
}

export interface TaggerTables {
  upos: string[];
  bits: number;
  weights: Weights;
  /** Frequent, unambiguous forms → UPOS id: skips scoring for the most common words. */
  tagdict: Map<string, number>;
  /** Second pass that also sees the first pass's tags to the right (bidirectional context). */
  pass2?: { bits: number; weights: Weights };
  morph?: MorphTables;
  /** Static feature set (see staticWidth); absent in the first shipped models, which used set 1. */
  featureSet?: number;
}

/** Number of static (tag-independent) templates per token. */
export const N_STATIC_V1 = 22;
/** Feature set 2 adds a 4-letter prefix, a 5-letter suffix, the previous shape, the two neighbours together and
 * capitalisation × suffix (German NOUN vs PROPN vs ADJ); measured +0.3 UPOS on GSD dev, +0.2 on EWT dev. */
export const N_STATIC_V2 = 28;
const MAX_FEATS = 48;
/** Fewest words of a sentence that must have a verb (shorter ones are headlines, captions, fragments). */
const MIN_CLAUSE = 5;
const START = 0x7fff0001;
const END = 0x7fff0002;
const T = Array.from({ length: 80 }, (_, t) => templateSeed(t));

/** Templates per token of a feature set (1: the first shipped models, 2: extended). */
export const staticWidth = (featureSet = 1) => (featureSet >= 2 ? N_STATIC_V2 : N_STATIC_V1);

/** Tag-independent feature hashes for every token, row-major [token][template]; unmasked, each table masks them. */
export function staticFeatures(info: WordInfo, featureSet = 1): Int32Array {
  const n = info.n;
  const N_STATIC = staticWidth(featureSet);
  const out = new Int32Array(n * N_STATIC);
  const low = (i: number) => (i < 0 ? START : i >= n ? END : info.lower[i]!);
  const suf3 = (i: number) => (i < 0 ? START : i >= n ? END : info.suf[2 * n + i]!);
  for (let i = 0; i < n; i++) {
    const o = i * N_STATIC;
    out[o] = T[0]!;
    out[o + 1] = fmix(mix(T[1]!, info.form[i]!));
    out[o + 2] = fmix(mix(T[2]!, info.lower[i]!));
    for (let k = 0; k < 4; k++) out[o + 3 + k] = fmix(mix(T[3 + k]!, info.suf[k * n + i]!));
    for (let k = 0; k < 3; k++) out[o + 7 + k] = fmix(mix(T[7 + k]!, info.pre[k * n + i]!));
    out[o + 10] = fmix(mix(T[10]!, info.shape[i]!));
    out[o + 11] = fmix(mix(T[11]!, info.flags[i]!));
    out[o + 12] = fmix(mix(T[12]!, low(i - 1)));
    out[o + 13] = fmix(mix(T[13]!, low(i + 1)));
    out[o + 14] = fmix(mix(T[14]!, low(i - 2)));
    out[o + 15] = fmix(mix(T[15]!, low(i + 2)));
    out[o + 16] = fmix(mix(T[16]!, suf3(i - 1)));
    out[o + 17] = fmix(mix(T[17]!, suf3(i + 1)));
    out[o + 18] = fmix(mix(T[18]!, i + 1 < n ? info.shape[i + 1]! : END));
    out[o + 19] = fmix(mix(T[19]!, info.gaz[i]!));
    out[o + 20] = fmix(mix(mix(T[20]!, info.lower[i]!), low(i + 1)));
    out[o + 21] = fmix(mix(mix(T[21]!, low(i - 1)), info.lower[i]!));
    if (N_STATIC === N_STATIC_V1) continue;
    out[o + 22] = fmix(mix(T[22]!, info.pre[3 * n + i]!));
    out[o + 23] = fmix(mix(T[23]!, info.suf[4 * n + i]!));
    out[o + 24] = fmix(mix(T[24]!, i > 0 ? info.shape[i - 1]! : START));
    out[o + 25] = fmix(mix(mix(T[25]!, low(i - 1)), low(i + 1)));
    out[o + 26] = fmix(mix(mix(T[26]!, info.flags[i]!), suf3(i)));
    out[o + 27] = fmix(mix(mix(T[27]!, info.flags[i]!), info.suf[n + i]!));
  }
  return out;
}

/** Slots of token i for the UPOS classifier, given the two previous predicted tags. */
export function tagSlots(
  info: WordInfo,
  stat: Int32Array,
  i: number,
  t1: number,
  t2: number,
  mask: number,
  out: Int32Array,
): number {
  const n = info.n;
  const N_STATIC = stat.length / n;
  const o = i * N_STATIC;
  let k = 0;
  for (let j = 0; j < N_STATIC; j++) out[k++] = stat[o + j]! & mask;
  const low = info.lower[i]!;
  out[k++] = fmix(mix(T[30]!, t1)) & mask;
  out[k++] = fmix(mix(mix(T[31]!, t1), t2)) & mask;
  out[k++] = fmix(mix(mix(T[32]!, t1), low)) & mask;
  out[k++] = fmix(mix(mix(T[33]!, t1), info.suf[2 * n + i]!)) & mask;
  out[k++] = fmix(mix(mix(T[34]!, t1), i + 1 < n ? info.lower[i + 1]! : END)) & mask;
  return k;
}

/** Slots of token i for the second pass: the first pass's tags at i, i+1, i+2 besides the usual features. */
export function pass2Slots(
  info: WordInfo,
  stat: Int32Array,
  i: number,
  t1: number,
  t2: number,
  p1: Int32Array,
  mask: number,
  out: Int32Array,
): number {
  const n = info.n;
  const N_STATIC = stat.length / n;
  const o = i * N_STATIC;
  let k = 0;
  for (let j = 0; j < N_STATIC; j++) out[k++] = (stat[o + j]! ^ 0x2545f491) & mask;
  const low = info.lower[i]!;
  const a = p1[i]!;
  const b = i + 1 < n ? p1[i + 1]! : END;
  const c = i + 2 < n ? p1[i + 2]! : END;
  out[k++] = fmix(mix(T[60]!, t1)) & mask;
  out[k++] = fmix(mix(mix(T[61]!, t1), t2)) & mask;
  out[k++] = fmix(mix(mix(T[62]!, t1), low)) & mask;
  out[k++] = fmix(mix(T[63]!, a)) & mask;
  out[k++] = fmix(mix(T[64]!, b)) & mask;
  out[k++] = fmix(mix(mix(T[65]!, b), c)) & mask;
  out[k++] = fmix(mix(mix(T[66]!, t1), b)) & mask;
  out[k++] = fmix(mix(mix(T[67]!, low), b)) & mask;
  out[k++] = fmix(mix(mix(T[68]!, a), b)) & mask;
  out[k++] = fmix(mix(mix(mix(T[69]!, t1), a), b)) & mask;
  out[k++] = fmix(mix(mix(T[70]!, info.suf[2 * n + i]!), b)) & mask;
  return k;
}

/** The nearest preposition and determiner before each token (within a few words): they govern German case. */
export function caseContext(info: WordInfo, upos: Int32Array, names: string[]): { adp: Int32Array; det: Int32Array } {
  const n = info.n;
  const id = (name: string) => names.indexOf(name);
  const ADP = id('ADP');
  const DET = id('DET');
  const stops = new Set([id('VERB'), id('AUX'), id('PUNCT'), id('CCONJ'), id('SCONJ')]);
  const adp = new Int32Array(n);
  const det = new Int32Array(n);
  let lastAdp = START;
  let adpAt = -10;
  let lastDet = START;
  let detAt = -10;
  for (let i = 0; i < n; i++) {
    adp[i] = i - adpAt <= 5 ? lastAdp : START;
    det[i] = i - detAt <= 3 ? lastDet : START;
    const u = upos[i]!;
    if (u === ADP) ((lastAdp = info.lower[i]!), (adpAt = i));
    else if (stops.has(u)) adpAt = -10;
    if (u === DET) ((lastDet = info.lower[i]!), (detAt = i));
  }
  return { adp, det };
}

/** Slots of token i for the Case|Number classifier: word features plus UPOS context and governing words. */
export function morphSlots(
  info: WordInfo,
  stat: Int32Array,
  i: number,
  upos: Int32Array,
  ctx: { adp: Int32Array; det: Int32Array },
  m1: number,
  m2: number,
  mask: number,
  out: Int32Array,
): number {
  const n = info.n;
  const N_STATIC = stat.length / n;
  const o = i * N_STATIC;
  let k = 0;
  for (let j = 0; j < N_STATIC; j++) out[k++] = (stat[o + j]! ^ 0x5bd1e995) & mask;
  const u = upos[i]!;
  const up = i > 0 ? upos[i - 1]! : START;
  const un = i + 1 < n ? upos[i + 1]! : END;
  const suf = (k2: number, j: number) => (j < n ? info.suf[k2 * n + j]! : END);
  out[k++] = fmix(mix(T[40]!, u)) & mask;
  out[k++] = fmix(mix(mix(T[41]!, u), suf(0, i))) & mask;
  out[k++] = fmix(mix(mix(T[42]!, u), suf(1, i))) & mask;
  out[k++] = fmix(mix(mix(T[43]!, u), suf(2, i))) & mask;
  out[k++] = fmix(mix(mix(T[44]!, u), info.lower[i]!)) & mask;
  out[k++] = fmix(mix(mix(T[45]!, up), m1)) & mask;
  out[k++] = fmix(mix(mix(T[46]!, up), u)) & mask;
  out[k++] = fmix(mix(mix(T[47]!, u), un)) & mask;
  out[k++] = fmix(mix(mix(T[48]!, m1), u)) & mask;
  out[k++] = fmix(mix(mix(T[49]!, i > 0 ? info.lower[i - 1]! : START), u)) & mask;
  out[k++] = fmix(mix(mix(T[50]!, ctx.adp[i]!), u)) & mask;
  out[k++] = fmix(mix(mix(T[51]!, m1), m2)) & mask;
  out[k++] = fmix(mix(mix(T[52]!, un), suf(1, i + 1))) & mask;
  out[k++] = fmix(mix(mix(mix(T[53]!, ctx.det[i]!), u), suf(1, i))) & mask;
  out[k++] = fmix(mix(mix(mix(T[54]!, ctx.adp[i]!), u), suf(1, i))) & mask;
  return k;
}

/** Runs the taggers over one sentence; the scratch buffers are reused between calls. */
export class Tagger {
  private readonly slots = new Int32Array(MAX_FEATS);
  private readonly scores: Float64Array;
  /** NOUN and PROPN: a name hint only corrects a non-nominal tag (treebanks differ on NOUN vs PROPN in names). */
  private readonly nominal: Set<number>;
  /** A NOUN hint (a class of goods, "Drohnen") is never part of a name: it overrules PROPN too. */
  private readonly noun: number;

  private readonly verb: number;
  private readonly aux: number;
  private readonly punct: number;

  /** `requireVerb`: see withVerb; measured for German only (de-pud UPOS +0.05, UAS +0.17; on EWT's fragments
   * and lists it cost 0.5 UPOS, so English decodes without it). */
  constructor(
    readonly tables: TaggerTables,
    private readonly requireVerb = false,
  ) {
    this.scores = new Float64Array(Math.max(tables.upos.length, tables.morph?.classes.length ?? 0));
    this.nominal = new Set(['NOUN', 'PROPN'].map((u) => tables.upos.indexOf(u)));
    this.noun = tables.upos.indexOf('NOUN');
    this.verb = tables.upos.indexOf('VERB');
    this.aux = tables.upos.indexOf('AUX');
    this.punct = tables.upos.indexOf('PUNCT');
  }

  /** The tag a hint leaves: NOUN always; PROPN only over a non-nominal tag (treebanks differ on NOUN vs PROPN in
   * names); VERB only over a nominal one (a verb form read as a noun after a plural, "jets struck"; an English
   * participle read as ADJ stays). */
  private hinted(t: number, hint: number): number {
    if (hint === this.noun) return hint;
    // German (requireVerb) VERB hints are finite forms of lexical verbs only (name-hints.ts): a verb whatever else
    // was read ("Merkel warnte/AUX Russland davor").
    if (hint === this.verb && this.requireVerb) return hint;
    if (hint === this.verb) return this.nominal.has(t) ? hint : t;
    return this.nominal.has(t) ? t : hint;
  }

  /** `fixed[i]` ≥ 0 is a tag known beforehand (name-hints.ts): both passes keep it instead of scoring word i. */
  tag(
    info: WordInfo,
    stat = staticFeatures(info, this.tables.featureSet),
    fixed?: Int32Array,
  ): { upos: Int32Array; morph: Int32Array } {
    const { tables, slots, scores } = this;
    const n = info.n;
    const upos = new Int32Array(n);
    const nc = tables.upos.length;
    const mask = (1 << tables.bits) - 1;
    let t1 = START;
    let t2 = START;
    for (let i = 0; i < n; i++) {
      let t = tables.tagdict.get(info.formText[i]!);
      if (t === undefined) {
        const k = tagSlots(info, stat, i, t1, t2, mask, slots);
        scoreInto(tables.weights, nc, slots, k, scores);
        t = argmax(scores, nc);
      }
      if (fixed && fixed[i]! >= 0) t = this.hinted(t, fixed[i]!);
      upos[i] = t;
      t2 = t1;
      t1 = t;
    }
    let final = tables.pass2 ? this.pass2(info, stat, upos, tables.pass2, fixed) : upos;
    if (this.requireVerb) final = this.withVerb(info, stat, final, fixed);
    return { upos: final, morph: this.morph(info, stat, final) };
  }

  /** A sentence of MIN_CLAUSE words or more without any verb: the word whose verb reading scored closest to its
   * tag becomes the verb, and the second pass runs again around it ("Putin dankte/ADJ Kim", "Modi nahm/ADV … teil"). */
  private withVerb(info: WordInfo, stat: Int32Array, tags: Int32Array, fixed?: Int32Array): Int32Array {
    const { verb, aux } = this;
    const p2 = this.tables.pass2;
    if (!p2 || info.n < MIN_CLAUSE || tags.some((t) => t === verb || t === aux)) return tags;
    const margins = this.verbMargins(info, stat, tags, p2, fixed);
    let best = -1;
    for (let i = 0; i < info.n; i++) if (margins[i]! < Infinity && (best < 0 || margins[i]! < margins[best]!)) best = i;
    if (best < 0) return tags;
    const seed = Int32Array.from(tags);
    seed[best] = verb;
    return this.pass2(info, stat, seed, p2, fixed, best);
  }

  /** Per word, how far its verb score lies below its best score in the second pass (Infinity: a fixed tag, a
   * dictionary word, punctuation). */
  private verbMargins(
    info: WordInfo,
    stat: Int32Array,
    p1: Int32Array,
    p2: { bits: number; weights: Weights },
    fixed?: Int32Array,
  ): Float64Array {
    const { slots, scores, verb } = this;
    const nc = this.tables.upos.length;
    const mask = (1 << p2.bits) - 1;
    const out = new Float64Array(info.n).fill(Infinity);
    let t1 = START;
    let t2 = START;
    for (let i = 0; i < info.n; i++) {
      const t = p1[i]!;
      if (this.tables.tagdict.get(info.formText[i]!) === undefined && !(fixed && fixed[i]! >= 0) && t !== this.punct) {
        const k = pass2Slots(info, stat, i, t1, t2, p1, mask, slots);
        scoreInto(p2.weights, nc, slots, k, scores);
        out[i] = scores[argmax(scores, nc)]! - scores[verb]!;
      }
      t2 = t1;
      t1 = t;
    }
    return out;
  }

  private pass2(
    info: WordInfo,
    stat: Int32Array,
    p1: Int32Array,
    p2: { bits: number; weights: Weights },
    fixed?: Int32Array,
    /** A word whose tag is VERB whatever it scores (withVerb). */
    verbAt = -1,
  ): Int32Array {
    const { slots, scores } = this;
    const nc = this.tables.upos.length;
    const mask = (1 << p2.bits) - 1;
    const out = new Int32Array(info.n);
    let t1 = START;
    let t2 = START;
    for (let i = 0; i < info.n; i++) {
      let t = this.tables.tagdict.get(info.formText[i]!);
      if (t === undefined) {
        const k = pass2Slots(info, stat, i, t1, t2, p1, mask, slots);
        scoreInto(p2.weights, nc, slots, k, scores);
        t = argmax(scores, nc);
      }
      if (fixed && fixed[i]! >= 0) t = this.hinted(t, fixed[i]!);
      if (i === verbAt) t = this.verb;
      out[i] = t;
      t2 = t1;
      t1 = t;
    }
    return out;
  }

  private morph(info: WordInfo, stat: Int32Array, upos: Int32Array): Int32Array {
    const m = this.tables.morph;
    const out = new Int32Array(info.n);
    if (!m) return out;
    const ctx = caseContext(info, upos, this.tables.upos);
    const mask = (1 << m.bits) - 1;
    const nc = m.classes.length;
    let m1 = START;
    let m2 = START;
    for (let i = 0; i < info.n; i++) {
      const k = morphSlots(info, stat, i, upos, ctx, m1, m2, mask, this.slots);
      scoreInto(m.weights, nc, this.slots, k, this.scores);
      const c = argmax(this.scores, nc);
      out[i] = c;
      m2 = m1;
      m1 = c;
    }
    return out;
  }
}

export { START as TAG_START, MAX_FEATS as TAG_MAX_FEATS };
