// Every valency frame's example sentences (data/lexicons/frames.json) through the whole extractor with the shipped
// tagger and parser: the rules' hand-built trees are tested elsewhere, this is what the real parses make of them.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/ingest/index.js';

interface FrameRow {
  id: string;
  lang: 'de' | 'en';
  predicate: string;
  examples?: string[];
}

const FRAMES = (
  JSON.parse(readFileSync(new URL('../../../../data/lexicons/frames.json', import.meta.url), 'utf8')) as {
    frames: FrameRow[];
  }
).frames;

/** What the shipped models reach (2026-12-03: 116 of 129; the misses are printed); a regression fails the run. */
const FLOOR = 116;

describe('frame examples through the real parse', () => {
  it(`at least ${FLOOR} example sentences yield their frame's predicate`, () => {
    const misses: string[] = [];
    let total = 0;
    for (const f of FRAMES)
      for (const text of f.examples ?? []) {
        total++;
        const d = extractDocument({ source: `${f.id}.txt`, text, format: 'text' }, { lang: f.lang });
        if (!d.relations.some((r) => r.predicate === f.predicate)) misses.push(`${f.id} ${f.predicate}: ${text}`);
      }
    console.log(
      `${total - misses.length}/${total} frame examples yield their predicate; misses:\n  ${misses.join('\n  ')}`,
    );
    expect(total).toBeGreaterThanOrEqual(120);
    expect(total - misses.length).toBeGreaterThanOrEqual(FLOOR);
  });
});
