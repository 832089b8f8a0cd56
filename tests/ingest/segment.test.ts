// Tests of stage 02-segment: sentence spans rebuild the cleaned text, abbreviations and quotes do not split sentences.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/ingest/stages/01-clean.js';
import { segment, splitSentences, tokenize } from '../../src/ingest/stages/02-segment.js';

const sentences = (t: string) => splitSentences(t).map((s) => s.text);

describe('segment', () => {
  it('round-trips: sentence spans plus whitespace gaps rebuild the cleaned text, for every bundled article', () => {
    const files = [
      'data/sample/000_72676987deda64ed.txt',
      ...readdirSync('../shared/eval/dev/articles').map((f) => join('../shared/eval/dev/articles', f)),
    ];
    for (const f of files) {
      const doc = segment(clean({ source: f, text: readFileSync(f, 'utf8'), format: 'text' }));
      let rebuilt = '';
      let pos = 0;
      for (const s of doc.sentences) {
        const gap = doc.text.slice(pos, s.start);
        expect(gap.trim()).toBe('');
        expect(doc.text.slice(s.start, s.end)).toBe(s.text);
        rebuilt += gap + s.text;
        pos = s.end;
        for (const t of s.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
      }
      rebuilt += doc.text.slice(pos);
      expect(rebuilt).toBe(doc.text);
      expect(doc.sentences.length).toBeGreaterThan(5);
    }
  });
  it('does not split after abbreviations, initials, ordinals and inside quotes', () => {
    expect(sentences('Mr. Reeves said the U.S. government erred. Robert M. Danin agreed.')).toEqual([
      'Mr. Reeves said the U.S. government erred.',
      'Robert M. Danin agreed.',
    ]);
    expect(sentences('Update vom 03. Mai 2020: Kim ist zurück. Trump ist froh.')).toHaveLength(2);
    expect(sentences('„Wir arbeiten zusammen.“ Und das wurde gut aufgenommen“, sagte sie.')).toEqual([
      '„Wir arbeiten zusammen.“',
      'Und das wurde gut aufgenommen“, sagte sie.',
    ]);
  });
  it('tokenizes hyphen compounds with a hyphen flag and keeps soft hyphens inside words', () => {
    const toks = tokenize('US-Präsident Netan\u00ADyahu und „Shahed“-Angriffsdrohnen');
    expect(toks.map((t) => t.norm)).toEqual([
      'us',
      'präsident',
      'netanyahu',
      'und',
      '„',
      'shahed',
      '“',
      'angriffsdrohnen',
    ]);
    expect(toks[1]!.hyphen).toBe(true);
    expect(toks[7]!.hyphen).toBe(true);
  });
});
