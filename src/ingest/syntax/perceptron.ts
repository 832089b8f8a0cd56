// The averaged perceptron shared by tagger, morphology, parser and labeller: one hashed weight table per classifier.
// Rows (one per hash slot) hold all classes side by side so that scoring touches one cache line per feature.

/** Weights as trained (Float32) or as shipped (Int16 or Int8, quantised; argmax does not need the scale back). */
export type Weights = Float32Array | Int16Array | Int8Array;

/** Adds the rows of the given slots into out[0..nClasses). */
export function scoreInto(w: Weights, nClasses: number, slots: Int32Array, n: number, out: Float64Array): void {
  if (nClasses === 3) return score3(w, slots, n, out);
  if (!(w instanceof Float32Array) && nClasses <= ACC.length) return scoreInt(w, nClasses, slots, n, out);
  out.fill(0, 0, nClasses);
  for (let k = 0; k < n; k++) {
    const base = slots[k]! * nClasses;
    for (let c = 0; c < nClasses; c++) out[c] = out[c]! + w[base + c]!;
  }
}

/** Integer scratch for shipped (Int8/Int16) tables: sums of integers are exact in either type, and integer adds
 * are cheaper than converting every weight to a double. */
const ACC = new Int32Array(256);

function scoreInt(w: Int8Array | Int16Array, nClasses: number, slots: Int32Array, n: number, out: Float64Array): void {
  const acc = ACC;
  acc.fill(0, 0, nClasses);
  for (let k = 0; k < n; k++) {
    const base = slots[k]! * nClasses;
    for (let c = 0; c < nClasses; c++) acc[c] = acc[c]! + w[base + c]!;
  }
  for (let c = 0; c < nClasses; c++) out[c] = acc[c]!;
}

/** The parser's three transitions, unrolled: the hottest loop of tag + parse (same sums in the same order). */
function score3(w: Weights, slots: Int32Array, n: number, out: Float64Array): void {
  let a = 0;
  let b = 0;
  let c = 0;
  for (let k = 0; k < n; k++) {
    const base = slots[k]! * 3;
    a += w[base]!;
    b += w[base + 1]!;
    c += w[base + 2]!;
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
}

/** Index of the highest score among classes allowed by the mask (all when mask is undefined); ties go to the lowest. */
export function argmax(scores: Float64Array, nClasses: number, allowed?: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < nClasses; c++) {
    if (allowed && !allowed[c]) continue;
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}

/** A trainable averaged perceptron over 2^bits hash slots. */
export class Perceptron {
  readonly w: Float32Array;
  /** Sum over updates of (time × change): the average is w − acc / time, with no per-weight timestamps. */
  private readonly acc: Float64Array;
  private time = 1;
  readonly mask: number;

  constructor(
    readonly bits: number,
    readonly nClasses: number,
  ) {
    this.mask = (1 << bits) - 1;
    this.w = new Float32Array((1 << bits) * nClasses);
    this.acc = new Float64Array((1 << bits) * nClasses);
  }

  score(slots: Int32Array, n: number, out: Float64Array): void {
    scoreInto(this.w, this.nClasses, slots, n, out);
  }

  /** One mistake-driven update: the gold class up, the predicted class down. */
  update(slots: Int32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const nc = this.nClasses;
    const t = this.time;
    for (let k = 0; k < n; k++) {
      const base = slots[k]! * nc;
      const a = base + truth;
      const b = base + guess;
      this.w[a] = this.w[a]! + 1;
      this.acc[a] = this.acc[a]! + t;
      this.w[b] = this.w[b]! - 1;
      this.acc[b] = this.acc[b]! - t;
    }
  }

  /** Counts one training example (updated or not) for the average. */
  tick(): void {
    this.time++;
  }

  /** The averaged weights as a new table; training can go on afterwards. */
  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    const t = this.time;
    for (let i = 0; i < out.length; i++) {
      const a = this.acc[i]!;
      out[i] = a === 0 ? this.w[i]! : this.w[i]! - a / t;
    }
    return out;
  }
}

/** Int8 from the Int16 quantisation (one rule, so narrowing a shipped file gives the bytes a retrain would): half
 * the memory; the shipped taggers lost nothing by it (data/models/README.md). */
export function narrow(data: Int16Array): Int8Array {
  const out = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.round((data[i]! * 127) / 32767);
  return out;
}

/** Int16 quantisation for shipping: the scale is uniform, so argmax decisions survive except near ties. */
export function quantise(w: Float32Array): { data: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const data = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) data[i] = Math.round(w[i]! / scale);
  return { data, scale };
}
