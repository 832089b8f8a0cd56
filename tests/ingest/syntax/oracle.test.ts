// The arc-hybrid dynamic oracle: zero-cost transitions from the initial state rebuild every projective gold tree,
// and on non-projective trees lose only non-projective arcs (the projectivised tree is what they build).

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/ingest/syntax/hash.js';
import { goldTree, isProjective, projectivise, transitionCosts } from '../../../src/ingest/syntax/oracle.js';
import { ArcHybrid, LEFT, N_TRANSITIONS, RIGHT, SHIFT } from '../../../src/ingest/syntax/parser.js';

/** A random projective tree over n words (heads 0-based, root = n), built by recursive splitting of spans. */
function randomProjective(n: number, random: () => number): Int32Array {
  const heads = new Int32Array(n);
  const build = (lo: number, hi: number, head: number) => {
    if (lo > hi) return;
    const h = lo + Math.floor(random() * (hi - lo + 1));
    heads[h] = head;
    build(lo, h - 1, h);
    build(h + 1, hi, h);
  };
  build(0, n - 1, n);
  return heads;
}

/** A random tree (any shape): each word after the first attaches to an earlier-chosen word, then shuffled ids. */
function randomTree(n: number, random: () => number): Int32Array {
  const order = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
  const heads = new Int32Array(n);
  heads[order[0]!] = n;
  for (let k = 1; k < n; k++) heads[order[k]!] = order[Math.floor(random() * k)]!;
  return heads;
}

/** Follows zero-cost transitions (first in the order LEFT, RIGHT, SHIFT) and returns the tree built. */
function oracleParse(heads: Int32Array): Int32Array {
  const gold = goldTree(heads);
  const st = new ArcHybrid(heads.length);
  const valid = new Uint8Array(N_TRANSITIONS);
  const costs = new Int32Array(N_TRANSITIONS);
  let steps = 0;
  while (!st.terminal()) {
    st.valid(valid);
    costs.fill(99);
    transitionCosts(st, gold, valid, costs);
    const t = [LEFT, RIGHT, SHIFT].find((x) => valid[x] && costs[x] === 0);
    if (t === undefined) throw new Error('no zero-cost transition');
    st.apply(t, 0);
    steps++;
  }
  expect(steps).toBe(2 * heads.length);
  return Int32Array.from(st.heads.subarray(0, heads.length));
}

describe('dynamic oracle', () => {
  it('rebuilds random projective trees exactly', () => {
    const random = seededRandom(11);
    for (let k = 0; k < 300; k++) {
      const heads = randomProjective(1 + Math.floor(random() * 30), random);
      expect(isProjective(heads)).toBe(true);
      expect([...oracleParse(heads)]).toEqual([...heads]);
    }
  });

  // Lifting deepest-first (oracle.ts projectivise) keeps every projective arc; shortest-first did not.
  it('on non-projective trees builds the projectivised tree, changing only non-projective arcs', () => {
    const random = seededRandom(12);
    let nonProjective = 0;
    for (let k = 0; k < 300; k++) {
      const heads = randomTree(2 + Math.floor(random() * 15), random);
      if (isProjective(heads)) continue;
      nonProjective++;
      const lifted = projectivise(heads).heads;
      expect(isProjective(lifted)).toBe(true);
      const built = oracleParse(lifted);
      expect([...built]).toEqual([...lifted]);
      for (let d = 0; d < heads.length; d++) {
        if (built[d] === heads[d]) continue;
        const h = heads[d]!;
        const [a, b] = d < h ? [d, h] : [h, d];
        const crossed = Array.from({ length: b - a - 1 }, (_, i) => a + 1 + i).some((x) => {
          for (let y = x, s = 0; s <= heads.length; s++, y = heads[y]!) if (y === h) return false;
          return h !== heads.length;
        });
        expect(crossed).toBe(true);
      }
    }
    expect(nonProjective).toBeGreaterThan(50);
  });

  it('charges a cost to a transition that loses a gold arc', () => {
    // "a b": b is the root, a depends on b. After SHIFT a, RIGHT is invalid, LEFT is correct, SHIFT loses a ← b.
    const gold = goldTree(Int32Array.from([1, 2]));
    const st = new ArcHybrid(2);
    st.apply(SHIFT, 0);
    const valid = new Uint8Array(N_TRANSITIONS);
    const costs = new Int32Array(N_TRANSITIONS);
    st.valid(valid);
    transitionCosts(st, gold, valid, costs);
    expect(costs[LEFT]).toBe(0);
    expect(costs[SHIFT]).toBe(1);
    expect(valid[RIGHT]).toBe(0);
  });
});
