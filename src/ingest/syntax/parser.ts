// Greedy arc-hybrid dependency parser: the transition system, its feature templates and run-time decoding.
// The root sits at the end of the buffer and may take one dependent only, so every parse is a single-rooted tree.
/* eslint-disable @typescript-eslint/no-unused-expressions -- hot loops use `c ? a++ : b++` on typed arrays on purpose */

import * as hash from './hash.js';
import * as perceptron from './perceptron.js';
import type { Weights } from './perceptron.js';
import type { WordInfo } from './words.js';

// Local copies of the hot imported functions: calls through module bindings cost a getter each under tsx.
const { fmix, mix, templateSeed } = hash;
const { argmax, scoreInto } = perceptron;

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_TRANSITIONS = 3;
export const NO_LABEL = 0x3fff;
export const MAX_PARSE_FEATS = 256;

const ROOT_TAG = 1000;
const NONE_TAG = 1001;
const ROOT_W = 0x52004f54;
const NONE_W = 0x4e4f4e45;
const T = Array.from({ length: 160 }, (_, t) => templateSeed(t + 1000));

export interface ParserTables {
  labels: string[];
  bits: number;
  weights: Weights;
  labelBits: number;
  labelWeights: Weights;
  /** Adds a language-salted copy of every feature (German trained together with English). */
  langCopy: boolean;
  /** The parser's POS features read the tagger's morphology channel (English XPOS, finer than UPOS). */
  fineTags?: boolean;
  /** Transition templates: 1 the first shipped set, 2 adds the look-ahead words after a comma (parseSlots). */
  featureSet?: number;
}

/** Per-position values with the root at index n and "nothing" at n + 1, so lookups need no branches. */
export interface ParseContext {
  n: number;
  w: Int32Array;
  p: Int32Array;
  m: Int32Array;
  wp: Int32Array;
  pm: Int32Array;
  suf: Int32Array;
  lang: number;
}

/** With `fineTags` the morphology channel (XPOS) is the POS feature and UPOS the secondary one. */
export function parseContext(
  info: WordInfo,
  upos: Int32Array,
  morph: Int32Array,
  lang = 0,
  fineTags = false,
): ParseContext {
  if (fineTags) [upos, morph] = [morph, upos];
  const n = info.n;
  const size = n + 2;
  const c: ParseContext = {
    n,
    w: new Int32Array(size),
    p: new Int32Array(size),
    m: new Int32Array(size),
    wp: new Int32Array(size),
    pm: new Int32Array(size),
    suf: new Int32Array(size),
    lang,
  };
  for (let i = 0; i < size; i++) {
    const word = i < n;
    c.w[i] = word ? info.lower[i]! : i === n ? ROOT_W : NONE_W;
    c.p[i] = word ? upos[i]! : i === n ? ROOT_TAG : NONE_TAG;
    c.m[i] = word ? morph[i]! : c.p[i]!;
    c.wp[i] = mix(c.w[i]!, c.p[i]!);
    c.pm[i] = mix(c.p[i]!, c.m[i]! + 77);
    c.suf[i] = word ? info.suf[2 * n + i]! : c.w[i]!;
  }
  return c;
}

/** The configuration: stack, buffer front (b0, the buffer is b0..n), partial tree and child summaries. */
export class ArcHybrid {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  b0 = 0;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  readonly nl: Int32Array;
  readonly nr: Int32Array;
  /** Label sets of left and right dependents, as bit masks over label ids (mod 32). */
  readonly lset: Int32Array;
  readonly rset: Int32Array;

  constructor(n: number) {
    this.n = n;
    const size = n + 2;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(size).fill(-1);
    this.labels = new Int32Array(size).fill(NO_LABEL);
    this.l1 = new Int32Array(size).fill(n + 1);
    this.l2 = new Int32Array(size).fill(n + 1);
    this.r1 = new Int32Array(size).fill(n + 1);
    this.r2 = new Int32Array(size).fill(n + 1);
    this.nl = new Int32Array(size);
    this.nr = new Int32Array(size);
    this.lset = new Int32Array(size);
    this.rset = new Int32Array(size);
  }

  terminal(): boolean {
    return this.sp === 0 && this.b0 === this.n;
  }

  /** Which transitions are allowed; the root (b0 = n) takes a left dependent only when it is the last stack item. */
  valid(out: Uint8Array): void {
    out[SHIFT] = this.b0 < this.n ? 1 : 0;
    out[RIGHT] = this.sp >= 2 ? 1 : 0;
    out[LEFT] = this.sp >= 1 && (this.b0 < this.n || this.sp === 1) ? 1 : 0;
  }

  /** Head and dependent of an arc transition. */
  arcOf(t: number): [head: number, dep: number] {
    const s0 = this.stack[this.sp - 1]!;
    return t === LEFT ? [this.b0, s0] : [this.stack[this.sp - 2]!, s0];
  }

  apply(t: number, label: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b0++;
      return;
    }
    const [h, d] = this.arcOf(t);
    this.sp--;
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      this.l2[h] = this.l1[h]!;
      this.l1[h] = d;
      this.nl[h]!++;
      this.lset[h]! |= 1 << (label & 31);
    } else {
      this.r2[h] = this.r1[h]!;
      this.r1[h] = d;
      this.nr[h]!++;
      this.rset[h]! |= 1 << (label & 31);
    }
  }
}

function dist(a: number, b: number): number {
  const d = b - a;
  return d <= 5 ? d : d <= 7 ? 6 : d <= 10 ? 7 : d <= 15 ? 8 : 9;
}

const h1 = (t: number, a: number) => fmix(mix(T[t]!, a));
const h2 = (t: number, a: number, b: number) => fmix(mix(mix(T[t]!, a), b));
const h3 = (t: number, a: number, b: number, c: number) => fmix(mix(mix(mix(T[t]!, a), b), c));

/** Transition features (Zhang & Nivre 2011 adapted to arc-hybrid: both s0–b0 and s1–s0 are arc candidates). */
export function parseSlots(
  st: ArcHybrid,
  c: ParseContext,
  mask: number,
  langCopy: boolean,
  out: Int32Array,
  featureSet = 1,
): number {
  const NONE = st.n + 1;
  const sp = st.sp;
  const s0 = sp > 0 ? st.stack[sp - 1]! : NONE;
  const s1 = sp > 1 ? st.stack[sp - 2]! : NONE;
  const s2 = sp > 2 ? st.stack[sp - 3]! : NONE;
  const b0 = st.b0;
  const b1 = b0 < st.n ? b0 + 1 : NONE;
  const b2 = b1 < st.n ? b1 + 1 : NONE;
  const { w, p, wp, pm } = c;
  const L = st.labels;
  const s0l = st.l1[s0]!,
    s0r = st.r1[s0]!,
    b0l = st.l1[b0]!;
  const s1l = st.l1[s1]!,
    s1r = st.r1[s1]!;
  const s0l2 = st.l2[s0]!,
    s0r2 = st.r2[s0]!,
    b0l2 = st.l2[b0]!,
    s1r2 = st.r2[s1]!;
  const d0 = s0 === NONE ? 0 : b0 === st.n ? 10 : dist(s0, b0);
  const d1 = s1 === NONE ? 0 : dist(s1, s0);
  let k = 0;
  out[k++] = T[0]!;
  ((out[k++] = h1(1, w[s0]!)), (out[k++] = h1(2, p[s0]!)), (out[k++] = h1(3, wp[s0]!)));
  ((out[k++] = h1(4, w[s1]!)), (out[k++] = h1(5, p[s1]!)), (out[k++] = h1(6, wp[s1]!)));
  ((out[k++] = h1(7, w[b0]!)), (out[k++] = h1(8, p[b0]!)), (out[k++] = h1(9, wp[b0]!)));
  ((out[k++] = h1(10, w[b1]!)), (out[k++] = h1(11, p[b1]!)), (out[k++] = h1(12, wp[b1]!)));
  ((out[k++] = h1(13, p[b2]!)), (out[k++] = h1(14, w[b2]!)), (out[k++] = h1(15, p[s2]!)));
  ((out[k++] = h2(16, wp[s0]!, wp[b0]!)), (out[k++] = h2(17, wp[s0]!, w[b0]!)), (out[k++] = h2(18, w[s0]!, wp[b0]!)));
  ((out[k++] = h2(19, wp[s0]!, p[b0]!)), (out[k++] = h2(20, p[s0]!, wp[b0]!)), (out[k++] = h2(21, w[s0]!, w[b0]!)));
  out[k++] = h2(22, p[s0]!, p[b0]!);
  ((out[k++] = h2(23, wp[s1]!, wp[s0]!)), (out[k++] = h2(24, wp[s1]!, w[s0]!)), (out[k++] = h2(25, w[s1]!, wp[s0]!)));
  ((out[k++] = h2(26, wp[s1]!, p[s0]!)), (out[k++] = h2(27, p[s1]!, wp[s0]!)), (out[k++] = h2(28, w[s1]!, w[s0]!)));
  out[k++] = h2(29, p[s1]!, p[s0]!);
  ((out[k++] = h2(30, p[b0]!, p[b1]!)),
    (out[k++] = h3(31, p[b0]!, p[b1]!, p[b2]!)),
    (out[k++] = h3(32, p[s0]!, p[b0]!, p[b1]!)));
  ((out[k++] = h3(33, p[s1]!, p[s0]!, p[b0]!)),
    (out[k++] = h3(34, p[s2]!, p[s1]!, p[s0]!)),
    (out[k++] = h2(35, p[s1]!, p[b0]!)));
  out[k++] = h2(36, p[s0]!, p[b1]!);
  ((out[k++] = h3(37, p[s0]!, p[s0l]!, p[b0]!)), (out[k++] = h3(38, p[s0]!, p[s0r]!, p[b0]!)));
  ((out[k++] = h3(39, p[s0]!, p[b0]!, p[b0l]!)), (out[k++] = h3(40, p[s1]!, p[s0]!, p[s0l]!)));
  ((out[k++] = h3(41, p[s1]!, p[s1r]!, p[s0]!)), (out[k++] = h3(42, p[s1]!, p[s0]!, p[s0r]!)));
  out[k++] = h3(43, p[s1]!, p[s1l]!, p[s0]!);
  ((out[k++] = h2(44, w[s0]!, d0)), (out[k++] = h2(45, p[s0]!, d0)), (out[k++] = h2(46, w[b0]!, d0)));
  ((out[k++] = h2(47, p[b0]!, d0)), (out[k++] = h3(48, w[s0]!, w[b0]!, d0)), (out[k++] = h3(49, p[s0]!, p[b0]!, d0)));
  ((out[k++] = h3(50, p[s1]!, p[s0]!, d1)), (out[k++] = h3(51, w[s1]!, w[s0]!, d1)), (out[k++] = h2(52, w[s1]!, d1)));
  out[k++] = h2(53, w[s0]!, d1);
  ((out[k++] = h2(54, w[s0]!, st.nr[s0]!)),
    (out[k++] = h2(55, p[s0]!, st.nr[s0]!)),
    (out[k++] = h2(56, w[s0]!, st.nl[s0]!)));
  ((out[k++] = h2(57, p[s0]!, st.nl[s0]!)),
    (out[k++] = h2(58, w[b0]!, st.nl[b0]!)),
    (out[k++] = h2(59, p[b0]!, st.nl[b0]!)));
  ((out[k++] = h2(60, w[s1]!, st.nr[s1]!)),
    (out[k++] = h2(61, p[s1]!, st.nr[s1]!)),
    (out[k++] = h2(62, p[s1]!, st.nl[s1]!)));
  ((out[k++] = h1(63, w[s0l]!)), (out[k++] = h1(64, p[s0l]!)), (out[k++] = h1(65, L[s0l]!)));
  ((out[k++] = h1(66, w[s0r]!)), (out[k++] = h1(67, p[s0r]!)), (out[k++] = h1(68, L[s0r]!)));
  ((out[k++] = h1(69, w[b0l]!)), (out[k++] = h1(70, p[b0l]!)), (out[k++] = h1(71, L[b0l]!)));
  ((out[k++] = h1(72, w[s1r]!)), (out[k++] = h1(73, p[s1r]!)), (out[k++] = h1(74, L[s1r]!)));
  ((out[k++] = h1(75, p[s1l]!)), (out[k++] = h1(76, L[s1l]!)));
  ((out[k++] = h1(77, p[s0l2]!)),
    (out[k++] = h1(78, L[s0l2]!)),
    (out[k++] = h1(79, p[s0r2]!)),
    (out[k++] = h1(80, L[s0r2]!)));
  ((out[k++] = h1(81, p[b0l2]!)), (out[k++] = h1(82, L[b0l2]!)));
  ((out[k++] = h3(83, p[s0]!, L[s0l]!, L[s0l2]!)), (out[k++] = h3(84, p[s0]!, L[s0r]!, L[s0r2]!)));
  ((out[k++] = h3(85, p[b0]!, L[b0l]!, L[b0l2]!)), (out[k++] = h3(86, p[s1]!, L[s1r]!, L[s1r2]!)));
  ((out[k++] = h2(87, w[s0]!, st.lset[s0]!)), (out[k++] = h2(88, p[s0]!, st.lset[s0]!)));
  ((out[k++] = h2(89, w[s0]!, st.rset[s0]!)), (out[k++] = h2(90, p[s0]!, st.rset[s0]!)));
  ((out[k++] = h2(91, w[b0]!, st.lset[b0]!)),
    (out[k++] = h2(92, p[b0]!, st.lset[b0]!)),
    (out[k++] = h2(93, p[s1]!, st.rset[s1]!)));
  ((out[k++] = h1(94, pm[s0]!)), (out[k++] = h1(95, pm[b0]!)), (out[k++] = h1(96, pm[s1]!)));
  ((out[k++] = h2(97, pm[s0]!, pm[b0]!)),
    (out[k++] = h2(98, pm[s1]!, pm[s0]!)),
    (out[k++] = h3(99, pm[s1]!, pm[s0]!, p[b0]!)));
  ((out[k++] = h2(100, c.suf[s0]!, p[b0]!)),
    (out[k++] = h2(101, p[s0]!, c.suf[b0]!)),
    (out[k++] = h2(102, c.suf[s1]!, p[s0]!)));
  // Set 2: the words after a comma ("…, die", "…, zu dem") and the first words of s0's subtree, which tell a
  // relative or complement clause from a new main clause before its verb is reached (German PUD: UAS +0.4).
  if (featureSet >= 2) {
    ((out[k++] = h3(103, p[s0]!, w[b0]!, w[b1]!)), (out[k++] = h3(104, w[b0]!, w[b1]!, p[b2]!)));
    ((out[k++] = h2(105, p[s0]!, w[b1]!)), (out[k++] = h3(106, p[s1]!, p[s0]!, w[b0]!)));
    ((out[k++] = h2(107, w[s0l]!, p[s0]!)), (out[k++] = h3(108, w[s0l2]!, p[s0]!, p[s1]!)));
    out[k++] = h3(109, pm[s0]!, pm[s1]!, w[s0l]!);
  }
  return finish(out, k, mask, langCopy, c.lang);
}

function finish(out: Int32Array, k: number, mask: number, langCopy: boolean, lang: number): number {
  if (langCopy) {
    const salt = Math.imul(lang + 1, 0x27d4eb2d);
    for (let j = 0; j < k; j++) out[k + j] = fmix(out[j]! ^ salt) & mask;
  }
  for (let j = 0; j < k; j++) out[j] = out[j]! & mask;
  return langCopy ? 2 * k : k;
}

/** Label features for the arc head → dep, taken before the arc is added (dep is complete by then). */
export function labelSlots(
  st: ArcHybrid,
  c: ParseContext,
  head: number,
  dep: number,
  mask: number,
  langCopy: boolean,
  out: Int32Array,
): number {
  const NONE = st.n + 1;
  const { w, p, wp, pm } = c;
  const L = st.labels;
  const dir = dep < head ? 1 : 2;
  const dd = head === st.n ? 10 : dep < head ? dist(dep, head) : dist(head, dep);
  const dl = st.l1[dep]!,
    dr = st.r1[dep]!,
    hl = st.l1[head]!,
    hr = st.r1[head]!;
  const dPrev = dep > 0 ? dep - 1 : NONE;
  const dNext = dep + 1 <= st.n ? dep + 1 : NONE;
  const other = dir === 1 ? (st.sp > 1 ? st.stack[st.sp - 2]! : NONE) : st.b0;
  let k = 0;
  out[k++] = T[110]!;
  ((out[k++] = h2(111, p[dep]!, dir)), (out[k++] = h2(112, w[dep]!, dir)), (out[k++] = h1(113, wp[dep]!)));
  ((out[k++] = h2(114, p[head]!, dir)), (out[k++] = h1(115, w[head]!)), (out[k++] = h1(116, wp[head]!)));
  ((out[k++] = h3(117, p[dep]!, p[head]!, dir)), (out[k++] = h3(118, w[dep]!, p[head]!, dir)));
  ((out[k++] = h3(119, p[dep]!, w[head]!, dir)), (out[k++] = h3(120, w[dep]!, w[head]!, dir)));
  ((out[k++] = h3(121, p[dep]!, p[head]!, dd)),
    (out[k++] = h2(122, pm[dep]!, dir)),
    (out[k++] = h3(123, pm[dep]!, p[head]!, dir)));
  out[k++] = h3(124, pm[dep]!, pm[head]!, dir);
  ((out[k++] = h2(125, p[dep]!, L[dl]!)),
    (out[k++] = h2(126, p[dep]!, L[dr]!)),
    (out[k++] = h3(127, p[dep]!, L[dl]!, L[dr]!)));
  ((out[k++] = h2(128, p[dep]!, st.lset[dep]!)), (out[k++] = h2(129, p[dep]!, st.rset[dep]!)));
  ((out[k++] = h3(130, p[head]!, L[hl]!, dir)), (out[k++] = h3(131, p[head]!, L[hr]!, dir)));
  ((out[k++] = h3(132, p[head]!, p[dep]!, st.lset[head]!)), (out[k++] = h3(133, p[head]!, p[dep]!, st.rset[head]!)));
  ((out[k++] = h3(134, p[dPrev]!, p[dep]!, p[head]!)), (out[k++] = h3(135, p[dNext]!, p[dep]!, p[head]!)));
  ((out[k++] = h3(136, c.suf[dep]!, p[head]!, dir)), (out[k++] = h3(137, p[other]!, p[dep]!, p[head]!)));
  ((out[k++] = h3(138, w[dl]!, p[dep]!, p[head]!)),
    (out[k++] = h2(139, w[dl]!, p[dep]!)),
    (out[k++] = h2(140, w[dl]!, wp[head]!)));
  ((out[k++] = h3(141, p[dep]!, dir, dd)), (out[k++] = h3(142, wp[dep]!, wp[head]!, dir)));
  ((out[k++] = h3(143, p[dl]!, p[dep]!, p[head]!)), (out[k++] = h3(144, st.nl[head]!, p[dep]!, p[head]!)));
  return finish(out, k, mask, langCopy, c.lang);
}

/** The one valid transition when there is a single one (an empty stack shifts, the finished buffer reduces), else
 * -1: decoding skips scoring there, with the same result, since argmax over one allowed class is that class. */
function onlyValid(allowed: Uint8Array): number {
  const n = allowed[SHIFT]! + allowed[LEFT]! + allowed[RIGHT]!;
  return n !== 1 ? -1 : allowed[SHIFT] ? SHIFT : allowed[LEFT] ? LEFT : RIGHT;
}

/** Run-time decoding: highest-scoring valid transition, label chosen when an arc is made. */
export class Parser {
  private readonly slots = new Int32Array(MAX_PARSE_FEATS);
  private readonly scores: Float64Array;
  private readonly allowed = new Uint8Array(N_TRANSITIONS);

  constructor(readonly tables: ParserTables) {
    this.scores = new Float64Array(Math.max(N_TRANSITIONS, tables.labels.length));
  }

  parse(c: ParseContext): { heads: Int32Array; labels: Int32Array } {
    const { tables, slots, scores, allowed } = this;
    const st = new ArcHybrid(c.n);
    const mask = (1 << tables.bits) - 1;
    const lmask = (1 << tables.labelBits) - 1;
    const nl = tables.labels.length;
    while (!st.terminal()) {
      st.valid(allowed);
      let t = onlyValid(allowed);
      if (t < 0) {
        const k = parseSlots(st, c, mask, tables.langCopy, slots, tables.featureSet);
        scoreInto(tables.weights, N_TRANSITIONS, slots, k, scores);
        t = argmax(scores, N_TRANSITIONS, allowed);
      }
      let label = NO_LABEL;
      if (t !== SHIFT) {
        const [h, d] = st.arcOf(t);
        const kl = labelSlots(st, c, h, d, lmask, tables.langCopy, slots);
        scoreInto(tables.labelWeights, nl, slots, kl, scores);
        label = argmax(scores, nl);
      }
      st.apply(t, label);
    }
    return { heads: st.heads.subarray(0, c.n), labels: st.labels.subarray(0, c.n) };
  }
}
