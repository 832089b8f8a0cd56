// The shipped models on awkward input: empty sentences, characters never seen in training, a 5,000-word list
// without punctuation (linear-time parsing), and the same input giving the same output every time.

import { describe, expect, it } from 'vitest';
import { loadSyntaxModel } from '../../../src/ingest/syntax/load.js';
import type { SyntaxAnalysis, SyntaxInput } from '../../../src/ingest/syntax/types.js';

const words = (text: string): SyntaxInput[] => text.split(' ').map((form) => ({ form }));

/** One root, heads in range, no cycles: what every analysis must be, whatever the input. */
function expectTree(a: SyntaxAnalysis, n: number): void {
  expect(a.upos).toHaveLength(n);
  expect(a.feats).toHaveLength(n);
  expect(a.deprel).toHaveLength(n);
  expect(a.head.filter((h) => h === 0)).toHaveLength(n === 0 ? 0 : 1);
  // Plain checks in the loops, one expect per word: a chain-shaped parse of 5,000 words has depth ~5,000, and an
  // expect per step (12.5M calls) took over a minute.
  let deepest = 0;
  for (let i = 0; i < n; i++) {
    const h = a.head[i]!;
    expect(h >= 0 && h <= n && h !== i + 1, `head of word ${i + 1}: ${h}`).toBe(true);
    let x = i + 1;
    let steps = 0;
    for (; x !== 0 && steps <= n; steps++) x = a.head[x - 1]!;
    deepest = Math.max(deepest, steps);
  }
  // Every word reaches the root within n steps: no cycle.
  expect(deepest).toBeLessThanOrEqual(n);
}

describe.each(['de', 'en'] as const)('syntax model %s on awkward input', (lang) => {
  const model = loadSyntaxModel(lang);

  it('returns empty arrays for an empty sentence', () => {
    expect(model.analyse([])).toEqual({ upos: [], feats: [], head: [], deprel: [] });
  });

  it('does not crash on characters outside the training alphabet', () => {
    const odd = ['🦜🦜', '漢字', '\u0000', '\ud800', '', ' ', '\u202e', 'ﷺ', 'x'.repeat(2000), '١٢٣', '∑∫'];
    for (const form of odd) expectTree(model.analyse([{ form }]), 1);
    const mixed = odd.map((form) => ({ form, gazType: 'Country' }));
    expectTree(model.analyse(mixed), mixed.length);
  });

  it('parses a 5,000-word list without punctuation into one tree', () => {
    const list = Array.from({ length: 5000 }, (_, i) => ({
      form: ['Iran', 'Russland', 'und', 'China', 'Drohnen'][i % 5]!,
    }));
    expectTree(model.analyse(list), list.length);
  });

  it('gives the same output for the same input, also after other sentences', () => {
    const s = words(
      lang === 'de'
        ? 'Dem Iran wirft Israel vor , Drohnen an Russland geliefert zu haben .'
        : 'Iran was accused of supplying drones to Russia .',
    );
    const first = model.analyse(s);
    model.analyse(words('Something else entirely , with other words'));
    expect(model.analyse(s)).toEqual(first);
    expect(loadSyntaxModel(lang)).toBe(model);
  });
});
