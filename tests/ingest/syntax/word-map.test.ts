// Tests of the token → UD word mapping: each tokenisation difference from the treebanks, and the round trip
// (every word keeps its token range and offsets; the words' surfaces rebuild every sentence) over the fixture articles.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/ingest/stages/01-clean.js';
import { segment, splitSentences } from '../../../src/ingest/stages/02-segment.js';
import { sentenceWords } from '../../../src/ingest/syntax/word-map.js';
import type { Sentence, SyntaxWord } from '../../../src/ingest/types.js';

const one = (text: string): Sentence => {
  const s = splitSentences(text);
  expect(s).toHaveLength(1);
  return s[0]!;
};
const forms = (text: string, lang: 'de' | 'en') => sentenceWords(one(text), lang).map((w) => w.form);

describe('sentenceWords: UD tokenisation', () => {
  it('splits German contractions into two words sharing the token (a multiword token)', () => {
    const s = one('Im Streit zum Abkommen lud er beim Gipfel ins Kanzleramt ein.');
    const w = sentenceWords(s, 'de');
    expect(w.map((x) => x.form)).toEqual(
      'In dem Streit zu dem Abkommen lud er bei dem Gipfel in das Kanzleramt ein .'.split(' '),
    );
    const [zu, dem] = [w[3]!, w[4]!];
    expect([zu.tokStart, zu.tokEnd, dem.tokStart, dem.tokEnd]).toEqual([2, 3, 2, 3]);
    expect(s.text.slice(zu.start - s.start, zu.end - s.start)).toBe('zum');
    expect(zu.mwt).toEqual([3, 4]);
    expect(dem.mwt).toEqual([3, 4]);
    expect(w[2]!.mwt).toBeUndefined();
  });
  it('keeps contractions whole in English ("am" is a verb there)', () => {
    expect(forms('I am in Berlin.', 'en')).toEqual(['I', 'am', 'in', 'Berlin', '.']);
  });
  it('splits hyphenated compounds into three words, the hyphen a word of its own', () => {
    const s = one('Der US-Präsident traf die UN-Botschafterin.');
    const w = sentenceWords(s, 'de');
    expect(w.map((x) => x.form)).toEqual([
      'Der',
      'US',
      '-',
      'Präsident',
      'traf',
      'die',
      'UN',
      '-',
      'Botschafterin',
      '.',
    ]);
    const hy = w[2]!;
    expect(s.text.slice(hy.start - s.start, hy.end - s.start)).toBe('-');
    expect([hy.tokStart, hy.tokEnd]).toEqual([w[3]!.tokStart, w[3]!.tokEnd]);
    expect(forms('The Iran-backed militia held a well-known post.', 'en')).toEqual(
      'The Iran - backed militia held a well - known post .'.split(' '),
    );
  });
  it('keeps English hyphenated prefixes as one word, as EWT does', () => {
    const w = sentenceWords(one('A non-binding co-operation by e-mail.'), 'en');
    expect(w.map((x) => x.form)).toEqual(['A', 'non-binding', 'co-operation', 'by', 'e-mail', '.']);
    expect([w[1]!.tokStart, w[1]!.tokEnd]).toEqual([1, 3]);
    expect(forms('Eine non-binding Erklärung.', 'de')).toEqual(['Eine', 'non', '-', 'binding', 'Erklärung', '.']);
  });
  it("splits English clitics: Russia + 's, do + n't, ca + n't, can + not, also with ’", () => {
    expect(forms("Russia's envoy said they don't and can't, or cannot.", 'en')).toEqual(
      "Russia 's envoy said they do n't and ca n't , or can not .".split(' '),
    );
    expect(forms('It won’t happen, he’s sure.', 'en')).toEqual('It wo n’t happen , he ’s sure .'.split(' '));
    const s = one("Russia's envoy.");
    const [a, b] = sentenceWords(s, 'en');
    expect([s.text.slice(a!.start, a!.end), s.text.slice(b!.start, b!.end)]).toEqual(['Russia', "'s"]);
    expect(a!.mwt).toEqual([0, 1]);
  });
  it("leaves names and plural possessives with apostrophes alone (O'Neill, soldiers')", () => {
    expect(forms("The soldiers' families met O'Neill.", 'en')).toEqual(
      "The soldiers ' families met O ' Neill .".split(' '),
    );
  });
  it('joins glued number groups, German ordinals and abbreviations with their period', () => {
    expect(forms('Am 11.9.2015 kamen 1,5 Mio. bzw. 2.000 Soldaten zum 3. Mal, z.B. um 10:30.', 'de')).toEqual(
      'An dem 11.9.2015 kamen 1,5 Mio. bzw. 2.000 Soldaten zu dem 3. Mal , z. B. um 10:30 .'.split(' '),
    );
    expect(forms('Dr. Smith paid $3.5 million in the U.S. on 9/11...', 'en')).toEqual(
      'Dr. Smith paid $ 3.5 million in the U.S. on 9/11 ...'.split(' '),
    );
  });
  it('leaves a sentence-final period as punctuation after an abbreviation or number', () => {
    expect(forms('Sie kamen im Jahr 2015.', 'de').slice(-2)).toEqual(['2015', '.']);
    expect(forms('He works for Acme Inc.', 'en').slice(-2)).toEqual(['Inc', '.']);
  });
  it('drops soft hyphens from the form but keeps them inside the offsets', () => {
    const s = one('Die Stra\u00ADße.');
    const w = sentenceWords(s, 'de')[1]!;
    expect(w.form).toBe('Straße');
    expect(s.text.slice(w.start - s.start, w.end - s.start)).toBe('Stra\u00ADße');
  });
});

/** Checks the invariants of one sentence's words; returns the sentence rebuilt from the word surfaces. */
function rebuild(text: string, s: Sentence, words: SyntaxWord[]): string {
  let out = '';
  let pos = s.start;
  let covered = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const prev = words[k - 1];
    expect(w.tokEnd).toBeGreaterThan(w.tokStart);
    // Words either share their predecessor's token range (contraction parts, a hyphen and its word) or continue
    // right after it: no token skipped, none used twice otherwise.
    if (!(prev && prev.tokStart === w.tokStart && prev.tokEnd === w.tokEnd)) expect(w.tokStart).toBe(covered);
    covered = w.tokEnd;
    const first = s.tokens[w.tokStart]!;
    const last = s.tokens[w.tokEnd - 1]!;
    // The word lies inside its tokens (a hyphen word starts one character before the token it shares).
    expect(w.start).toBeGreaterThanOrEqual(first.start - (w.form === '-' ? 1 : 0));
    expect(w.end).toBeLessThanOrEqual(last.end);
    const surface = text.slice(w.start, w.end).replace(/\u00AD/g, '');
    if (w.mwt) {
      const [a, b] = w.mwt;
      if (k !== a) continue;
      const parts = words.slice(a, b + 1);
      const whole = text.slice(parts[0]!.start, parts[parts.length - 1]!.end);
      expect(whole).toBe(text.slice(first.start, last.end));
      out += text.slice(pos, parts[0]!.start) + whole;
      pos = parts[parts.length - 1]!.end;
      continue;
    }
    if (w.form === '-') expect(surface).toMatch(/^[-‑]$/);
    else expect(surface).toBe(w.form);
    expect(text.slice(pos, w.start)).toMatch(/^\s*$/);
    out += text.slice(pos, w.start) + text.slice(w.start, w.end);
    pos = w.end;
  }
  expect(covered).toBe(s.tokens.length);
  return out + text.slice(pos, s.end);
}

describe('sentenceWords: round trip over the fixture articles', () => {
  const dirs = ['tests/fixtures/devtexts/articles', 'tests/fixtures/heldout2/articles'];
  const files = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
  it.each(files)('%s: words rebuild every sentence and cover every token', (file) => {
    const doc = segment(clean({ source: file, text: readFileSync(file, 'utf8'), format: 'text' }));
    expect(doc.sentences.length).toBeGreaterThan(3);
    for (const lang of ['de', 'en'] as const)
      for (const s of doc.sentences) expect(rebuild(doc.text, s, sentenceWords(s, lang))).toBe(s.text);
  });
});
