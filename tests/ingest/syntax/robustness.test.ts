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
  for (let i = 0; i < n; i++) {
    expect(a.head[i]).toBeGreaterThanOrEqual(0);
    expect(a.head[i]).toBeLessThanOrEqual(n);
    expect(a.head[i]).not.toBe(i + 1);
    let x = i + 1;
    for (let steps = 0; x !== 0; steps++) {
      expect(steps).toBeLessThanOrEqual(n);
      x = a.head[x - 1]!;
    }
  }
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
