// Tests of the parse stage and its renderers, run with tiny hand-built SyntaxModels (not the trained ones): model
// choice per language, chunking of run-on sentences, checks on model output, CoNLL-U/JSON output, re-annotation.

import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/ingest/stages/01-clean.js';
import { segment } from '../../../src/ingest/stages/02-segment.js';
import { readConllu, wordsOf, writeConllu } from '../../../src/ingest/syntax/conllu.js';
import { parsedToConllu, parsedToJson, reannotate } from '../../../src/ingest/syntax/render.js';
import { MAX_CHUNK_WORDS, analyseWords, chunkBounds, parse, parseLanguage } from '../../../src/ingest/syntax/stage.js';
import type { SyntaxAnalysis, SyntaxInput, SyntaxModel } from '../../../src/ingest/syntax/types.js';

/** Attaches every word to the first (the root) and records each call, so tests can see what the stage sent. */
function firstWordModel(lang: 'de' | 'en') {
  const calls: SyntaxInput[][] = [];
  const model: SyntaxModel = {
    lang,
    analyse(words): SyntaxAnalysis {
      calls.push([...words]);
      return {
        upos: words.map((w) => (/^\p{P}+$/u.test(w.form) ? 'PUNCT' : lang === 'de' ? 'X' : 'Y')),
        feats: words.map(() => '_'),
        head: words.map((_, i) => (i === 0 ? 0 : 1)),
        deprel: words.map((_, i) => (i === 0 ? 'root' : 'dep')),
      };
    },
  };
  return { model, calls };
}

const docOf = (text: string, lang?: 'de' | 'en') => segment(clean({ source: 't.txt', text, format: 'text' }, { lang }));

describe('parse', () => {
  it('parses every sentence with the model of the document language, words mapped back to the text', () => {
    const de = firstWordModel('de');
    const en = firstWordModel('en');
    const doc = docOf('Der US-Präsident lud ihn zum Gipfel ein. Russland hat das nicht bestätigt und will es nicht.');
    expect(doc.language).toBe('de');
    const p = parse(doc, { de: de.model, en: en.model });
    expect(en.calls).toHaveLength(0);
    expect(p.parses.map((x) => x.sentence)).toEqual(doc.sentences.map((s) => s.index));
    expect(p.parses.every((x) => x.lang === 'de')).toBe(true);
    const w = p.parses[0]!.words;
    expect(de.calls[0]!.map((x) => x.form)).toEqual(w.map((x) => x.form));
    expect(w.map((x) => x.form)).toContain('dem');
    expect(w.every((x) => x.upos === 'X' || x.upos === 'PUNCT')).toBe(true);
    expect(w.map((x) => x.head)).toEqual(w.map((_, i) => (i === 0 ? 0 : 1)));
    const praes = w.find((x) => x.form === 'Präsident')!;
    expect(p.text.slice(praes.start, praes.end)).toBe('Präsident');
    expect(p.sentences).toBe(doc.sentences);
  });
  it("uses the detector's leaning for an unrecognised language, and whichever model is loaded", () => {
    const en = firstWordModel('en');
    const und = { ...docOf('Ok.'), language: 'und' as const };
    expect(parseLanguage(und, { de: firstWordModel('de').model, en: en.model })).toBe('en');
    expect(parseLanguage({ language: 'und', text: 'der die das und ist' }, { de: firstWordModel('de').model })).toBe(
      'de',
    );
    expect(parseLanguage(und, { de: firstWordModel('de').model })).toBe('de');
    expect(() => parseLanguage({ language: 'de', text: '' }, { en: en.model })).toThrow(/no German syntax model/);
    expect(() => parseLanguage(und, {})).toThrow(/no syntax model/);
  });
  it('rejects a model answer of the wrong length or with heads out of range', () => {
    const bad: SyntaxModel = {
      lang: 'en',
      analyse: () => ({ upos: ['X'], feats: ['_'], head: [0], deprel: ['root'] }),
    };
    expect(() => parse(docOf('Iran supplied drones to Russia.', 'en'), { en: bad })).toThrow(/wrong length/);
    const far: SyntaxModel = {
      lang: 'en',
      analyse: (w) => ({
        upos: w.map(() => 'X'),
        feats: w.map(() => '_'),
        head: w.map(() => 99),
        deprel: w.map(() => 'dep'),
      }),
    };
    expect(() => parse(docOf('Iran supplied drones.', 'en'), { en: far })).toThrow(/head 99/);
  });
});

describe('run-on sentences', () => {
  it('cuts chunks of at most MAX_CHUNK_WORDS, preferring a comma in the second half', () => {
    const forms = Array.from({ length: 600 }, (_, i) => (i === 200 ? ',' : `w${i}`));
    const b = chunkBounds(forms);
    expect(b[0]).toEqual([0, 201]);
    expect(b.every(([s, e]) => e - s <= MAX_CHUNK_WORDS && e > s)).toBe(true);
    expect(b.map(([s]) => s).slice(1)).toEqual(b.map(([, e]) => e).slice(0, -1));
    expect(b[b.length - 1]![1]).toBe(600);
  });
  it('parses a 5,000-token list without punctuation in chunks, one root, every head inside the sentence', () => {
    const en = firstWordModel('en');
    const text = Array.from({ length: 5000 }, (_, i) => `item${i}`).join(' ');
    const doc = docOf(text, 'en');
    expect(doc.sentences).toHaveLength(1);
    const p = parse(doc, { en: en.model });
    const w = p.parses[0]!.words;
    expect(w).toHaveLength(5000);
    expect(Math.max(...en.calls.map((c) => c.length))).toBeLessThanOrEqual(MAX_CHUNK_WORDS);
    expect(en.calls.reduce((n, c) => n + c.length, 0)).toBe(5000);
    expect(w.filter((x) => x.head === 0)).toHaveLength(1);
    expect(w.every((x) => x.head >= 0 && x.head <= 5000)).toBe(true);
    const roots = w.filter((x) => x.deprel === 'parataxis');
    expect(roots.length).toBe(en.calls.length - 1);
    expect(roots.every((x) => x.head === 1)).toBe(true);
  });
  it('returns an empty analysis for no words without calling the model', () => {
    const en = firstWordModel('en');
    expect(analyseWords(en.model, [])).toEqual({ upos: [], feats: [], head: [], deprel: [] });
    expect(en.calls).toHaveLength(0);
  });
});

describe('CoNLL-U and JSON output', () => {
  const de = firstWordModel('de');
  const doc = parse(docOf('Im Streit sagte die UN-Botschafterin: „Nein.“\nZweiter Satz.'), { de: de.model });
  it('writes valid CoNLL-U: sent_id and text, multiword-token ranges, offsets and SpaceAfter in MISC', () => {
    const out = writeConllu(parsedToConllu(doc));
    const back = readConllu(out);
    expect(back).toHaveLength(doc.parses.length);
    expect(back[0]!.comments).toEqual(
      expect.arrayContaining([`sent_id = ${doc.id}-1`, `text = ${doc.sentences[0]!.text}`, `newdoc id = ${doc.id}`]),
    );
    const rows = back[0]!.rows;
    expect(rows.slice(0, 3).map((r) => [r.id, r.form])).toEqual([
      ['1-2', 'Im'],
      ['1', 'In'],
      ['2', 'dem'],
    ]);
    for (const r of rows) {
      const m = /TokenRange=(\d+):(\d+)/.exec(r.misc)!;
      const surface = doc.text.slice(Number(m[1]), Number(m[2]));
      if (r.id.includes('-') || !['In', 'dem'].includes(r.form)) expect(surface).toBe(r.form);
    }
    const un = rows.find((r) => r.form === 'UN')!;
    expect(un.misc).toMatch(/SpaceAfter=No/);
    expect(rows.find((r) => r.form === 'sagte')!.misc).not.toMatch(/SpaceAfter/);
    expect(wordsOf(back[0]!).map((w) => w.index)).toEqual(doc.parses[0]!.words.map((_, i) => i + 1));
  });
  it('gives the same words in JSON, with 1-based ids and multiword ranges', () => {
    const j = parsedToJson(doc);
    expect(j.sentences).toHaveLength(doc.parses.length);
    const w = j.sentences[0]!.words;
    expect(w[0]).toMatchObject({ id: 1, form: 'In', head: 0, deprel: 'root', mwt: [1, 2] });
    expect(w[2]).toMatchObject({ id: 3, form: 'Streit', head: 1 });
    expect(w[2]!.mwt).toBeUndefined();
  });
  it('re-annotates a CoNLL-U file: only UPOS, FEATS, HEAD and DEPREL change', () => {
    const src = [
      '# sent_id = x1',
      '# text = Im Haus.',
      '1-2\tIm\t_\t_\t_\t_\t_\t_\t_\t_',
      '1\tIn\tin\tADP\tAPPR\t_\t3\tcase\t_\t_',
      '2\tdem\tder\tDET\tART\tCase=Dat\t3\tdet\t_\t_',
      '3\tHaus\tHaus\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No',
      '3.1\tist\tsein\tAUX\t_\t_\t_\t_\t3:cop\t_',
      '4\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_',
      '',
    ].join('\n');
    const [out] = reannotate(readConllu(src), firstWordModel('de').model);
    expect(out!.comments).toEqual(['sent_id = x1', 'text = Im Haus.']);
    expect(out!.rows.map((r) => r.id)).toEqual(['1-2', '1', '2', '3', '3.1', '4']);
    expect(out!.rows.map((r) => r.form)).toEqual(['Im', 'In', 'dem', 'Haus', 'ist', '.']);
    expect(out!.rows.map((r) => r.head)).toEqual(['_', '0', '1', '1', '_', '1']);
    expect(out!.rows.map((r) => r.upos)).toEqual(['_', 'X', 'X', 'X', 'AUX', 'PUNCT']);
    expect(out!.rows[2]).toMatchObject({ lemma: 'der', xpos: 'ART', feats: '_', deprel: 'dep' });
    expect(out!.rows[3]!.misc).toBe('SpaceAfter=No');
  });
});
