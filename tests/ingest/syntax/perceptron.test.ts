// The averaged perceptron learns a linearly separable toy problem, and its Int16 quantisation keeps the decisions.
// A broken update, average or score would leave training examples misclassified.

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/ingest/syntax/hash.js';
import { argmax, Perceptron, quantise, scoreInto } from '../../../src/ingest/syntax/perceptron.js';

/** Three classes; each example has 4 noise features and one feature that names its class. */
function toyData(count: number) {
  const random = seededRandom(7);
  return Array.from({ length: count }, () => {
    const label = Math.floor(random() * 3);
    const slots = Int32Array.from([
      label * 100 + Math.floor(random() * 5),
      ...Array.from({ length: 4 }, () => 500 + Math.floor(random() * 50)),
    ]);
    return { label, slots };
  });
}

describe('Perceptron', () => {
  it('learns a separable problem and its averaged weights classify every example', () => {
    const data = toyData(300);
    const p = new Perceptron(10, 3);
    const scores = new Float64Array(3);
    for (let epoch = 0; epoch < 5; epoch++)
      for (const ex of data) {
        p.score(ex.slots, ex.slots.length, scores);
        p.update(ex.slots, ex.slots.length, ex.label, argmax(scores, 3));
        p.tick();
      }
    const avg = p.averaged();
    const q = quantise(avg).data;
    for (const w of [avg, q]) {
      const wrong = data.filter((ex) => {
        scoreInto(w, 3, ex.slots, ex.slots.length, scores);
        return argmax(scores, 3) !== ex.label;
      });
      expect(wrong).toHaveLength(0);
    }
  });

  it('leaves weights untouched when the guess is right', () => {
    const p = new Perceptron(4, 2);
    p.update(Int32Array.from([1, 2]), 2, 1, 1);
    expect(p.averaged().every((x) => x === 0)).toBe(true);
  });

  it('respects the mask of allowed classes in argmax', () => {
    const s = Float64Array.from([5, 1, 3]);
    expect(argmax(s, 3)).toBe(0);
    expect(argmax(s, 3, Uint8Array.from([0, 1, 1]))).toBe(2);
  });
});
