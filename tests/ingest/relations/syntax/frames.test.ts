// The valency frame file is data with a contract: it validates, covers every interaction type in both languages,
// and a broken file fails loudly with the frame and field named.

import { describe, expect, it } from 'vitest';
import { INTERACTION_PREDICATES } from '../../../../src/model.js';
import { compileFrames, FrameFileError, loadFrames } from '../../../../src/ingest/relations/syntax/index.js';
import { framesFor } from '../../../../src/ingest/relations/syntax/frames.js';

describe('frames.json', () => {
  const frames = loadFrames();

  it('has a verb and a noun frame for every interaction type in German and English', () => {
    for (const p of INTERACTION_PREDICATES)
      for (const lang of ['de', 'en'] as const)
        for (const pos of ['verb', 'noun'] as const)
          expect(
            frames.some((f) => f.predicate === p && f.lang === lang && f.pos === pos),
            `${p} ${lang} ${pos}`,
          ).toBe(true);
  });

  it('tries a matching specific frame before the default one', () => {
    const got = framesFor(frames, 'de', 'verb', 'SUPPLIES', 'beliefert').map((f) => f.id);
    expect(got[0]).toBe('de-beliefern');
    expect(got).toContain('de-verb-supplies');
    expect(framesFor(frames, 'de', 'verb', 'CRITICIZES', 'vorwirft')[0]!.id).toBe('de-vorwerfen');
    expect(framesFor(frames, 'de', 'verb', 'SUPPLIES', 'lieferte')[0]!.id).toBe('de-verb-supplies');
  });

  it('rejects an unknown slot, a bad regex, a duplicate id and a missing note', () => {
    const ok = {
      id: 'x',
      lang: 'en',
      pos: 'verb',
      predicate: 'ATTACKS',
      subject: [{ dep: 'nsubj' }],
      object: [{ dep: 'obj' }],
      examples: ['A attacked B.'],
    };
    const about = 'valency frames for a test, with their sources';
    expect(compileFrames({ _about: about, frames: [ok] })).toHaveLength(1);
    expect(() => compileFrames({ _about: about, frames: [{ ...ok, subject: [{ dep: 'subject' }] }] })).toThrow(
      /frames\.0\.subject\.0\.dep/,
    );
    expect(() => compileFrames({ _about: about, frames: [{ ...ok, match: '(' }] })).toThrow(FrameFileError);
    expect(() => compileFrames({ _about: about, frames: [ok, ok] })).toThrow(/duplicate frame id "x"/);
    expect(() => compileFrames({ frames: [ok] })).toThrow(/_about/);
  });
});
