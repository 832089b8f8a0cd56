// The arc-hybrid dynamic oracle (Goldberg & Nivre 2013): the cost of each transition in any configuration,
// and projectivisation by lifting, because the oracle's costs are exact only for projective gold trees.

import { ArcHybrid, LEFT, RIGHT, SHIFT } from './parser.js';

/** Gold tree in parser coordinates: heads 0-based, the root's head is n; children lists for cost counting. */
export interface GoldTree {
  heads: Int32Array;
  children: Int32Array[];
}

export function goldTree(heads: Int32Array): GoldTree {
  const n = heads.length;
  const lists: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let d = 0; d < n; d++) lists[heads[d]!]!.push(d);
  return { heads, children: lists.map((l) => Int32Array.from(l)) };
}

/** Does head h dominate k in the tree (following heads upwards from k)? */
function dominates(heads: Int32Array, h: number, k: number): boolean {
  const n = heads.length;
  for (let x = k, steps = 0; x !== n && steps <= n; steps++) {
    if (x === h) return true;
    x = heads[x]!;
  }
  return h === n;
}

function isNonProjective(heads: Int32Array, d: number): boolean {
  const h = heads[d]!;
  const [a, b] = d < h ? [d, h] : [h, d];
  for (let k = a + 1; k < b; k++) if (!dominates(heads, h, k)) return true;
  return false;
}

/** Depth of every word below the root (the root's own children have depth 1). */
function depths(heads: Int32Array): Int32Array {
  const n = heads.length;
  const out = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    let k = 0;
    for (let x = d; x !== n && k <= n; x = heads[x]!) k++;
    out[d] = k;
  }
  return out;
}

/** Lifts non-projective arcs to the grandparent until none is left (heads 0-based, root = n). The deepest
 * dependent goes first (shortest arc among equals): once its subtree is projective it covers an interval, and
 * lifting it then cannot make a projective arc non-projective, so only arcs that were non-projective change. */
export function projectivise(heads: Int32Array): { heads: Int32Array; lifted: number } {
  const out = Int32Array.from(heads);
  const n = out.length;
  let lifted = 0;
  for (let guard = 0; guard < n * n; guard++) {
    const depth = depths(out);
    let pick = -1;
    for (let d = 0; d < n; d++) {
      if (out[d] === n || !isNonProjective(out, d)) continue;
      const better =
        pick < 0 ||
        depth[d]! > depth[pick]! ||
        (depth[d] === depth[pick] && Math.abs(out[d]! - d) < Math.abs(out[pick]! - pick));
      if (better) pick = d;
    }
    if (pick < 0) break;
    out[pick] = out[out[pick]!]!;
    lifted++;
  }
  return { heads: out, lifted };
}

export function isProjective(heads: Int32Array): boolean {
  for (let d = 0; d < heads.length; d++) if (heads[d] !== heads.length && isNonProjective(heads, d)) return false;
  return true;
}

/** Gold arcs lost by each transition (only for valid transitions; others are left untouched). */
export function transitionCosts(st: ArcHybrid, gold: GoldTree, valid: Uint8Array, out: Int32Array): void {
  const sp = st.sp;
  const b0 = st.b0;
  const n = st.n;
  const s0 = sp > 0 ? st.stack[sp - 1]! : -1;
  const s1 = sp > 1 ? st.stack[sp - 2]! : -1;
  if (valid[SHIFT]) {
    // b0 goes onto the stack: it can no longer take dependents from the stack, nor a head deeper than s0.
    let c = 0;
    const h = gold.heads[b0]!;
    if (h !== s0 && h < b0 && onStack(st, h)) c++;
    for (const d of gold.children[b0]!) if (d < b0 && onStack(st, d)) c++;
    out[SHIFT] = c;
  }
  if (valid[LEFT] || valid[RIGHT]) {
    // s0 leaves: its dependents still in the buffer are lost either way.
    let deps = 0;
    for (const d of gold.children[s0]!) if (d >= b0) deps++;
    const h = gold.heads[s0]!;
    if (valid[LEFT]) out[LEFT] = deps + (h === s1 || h > b0 ? 1 : 0);
    if (valid[RIGHT]) out[RIGHT] = deps + (h >= b0 && h <= n ? 1 : 0);
  }
}

function onStack(st: ArcHybrid, x: number): boolean {
  // Stack items are in increasing order, and words below b0 are either on the stack or already attached.
  return x >= 0 && x < st.b0 && st.heads[x] === -1;
}
