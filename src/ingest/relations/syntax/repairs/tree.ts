// The tree the repairs edit: a sentence's words with 1-based heads, and the shape helpers every repair reads.
// A repair changes heads and labels in place on a copy; the stored parse stays the parser's.

export interface RepairWord {
  form: string;
  head: number;
  deprel: string;
  upos: string;
  feats?: string;
}

export const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
export const NAME_PARTS = new Set(['flat', 'flat:name', 'compound']);

export function isNominal(w: RepairWord): boolean {
  return w.upos === 'PROPN' || w.upos === 'NOUN' || w.upos === 'PRON';
}

/** Head indices (0-based, −1 root) and children lists of the current words. */
export function shape(out: readonly RepairWord[]): { head: number[]; children: number[][] } {
  const head = out.map((w) => w.head - 1);
  const children: number[][] = out.map(() => []);
  head.forEach((h, i) => {
    if (h >= 0 && h < out.length) children[h]!.push(i);
  });
  return { head, children };
}

export function dominates(head: readonly number[], top: number, k: number): boolean {
  for (let x = k, n = 0; x >= 0 && n <= head.length; x = head[x]!, n++) if (x === top) return true;
  return false;
}

/** Leftmost word of k's phrase, punctuation left out (the closing comma of a relative clause often hangs on the
 * next verb). */
export function leftEdge(out: readonly RepairWord[], children: readonly number[][], k: number): number {
  let min = k;
  const stack = [k];
  while (stack.length) {
    const x = stack.pop()!;
    if (x < min) min = x;
    for (const c of children[x]!) if (out[c]!.deprel !== 'punct') stack.push(c);
  }
  return min;
}

/** The noun phrase head above a name part ("Philip Zelikow": the relative clause may hang on either word). */
export function phraseHead(out: readonly RepairWord[], head: readonly number[], k: number, limit: number): number {
  let x = k;
  for (let n = 0; n < 6 && NAME_PARTS.has(out[x]!.deprel) && head[x]! >= 0 && head[x]! < limit; n++) x = head[x]!;
  return x;
}
