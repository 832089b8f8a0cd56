// CLI tests of `geokg parse` with the shipped models: CoNLL-U and JSON output of articles (offsets, multiword tokens),
// re-annotation of a CoNLL-U file, and clear errors with a non-zero exit for missing, binary or malformed input.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExtractionModel } from '../../src/ingest/extraction-model.js';
import { STAGES } from '../../src/ingest/pipeline.js';
import { tagHints } from '../../src/ingest/stages/03-parse.js';
import { readConllu, wordsOf } from '../../src/ingest/syntax/conllu.js';
import { loadSyntaxModel } from '../../src/ingest/syntax/load.js';
import { parse, type TagHints } from '../../src/ingest/syntax/stage.js';

const dir = mkdtempSync(join(tmpdir(), 'geokg-cli-parse-'));
const geokg = (...args: string[]) => spawnSync(process.execPath, ['bin/geokg', 'parse', ...args], { encoding: 'utf8' });
const en = join(dir, 'en.txt');
const enText = "Iran has supplied drones to Russia, US officials said. Russia's army didn't deny it.";
writeFileSync(en, enText + '\n');
const de = join(dir, 'de.txt');
const deText = 'Der US-Präsident lud den Kanzler zum Gipfel ein. Die Drohnen wurden von Iran an Russland geliefert.';
writeFileSync(de, deText + '\n');

const CONLLU = [
  '# sent_id = t-1',
  '# text = Im Haus wohnt die Familie.',
  '1-2\tIm\t_\t_\t_\t_\t_\t_\t_\t_',
  '1\tIn\tin\tX\tAPPR\t_\t0\tdep\t_\t_',
  '2\tdem\tder\tX\tART\t_\t1\tdep\t_\t_',
  '3\tHaus\tHaus\tX\tNN\t_\t1\tdep\t_\t_',
  '4\twohnt\twohnen\tX\tVVFIN\t_\t1\tdep\t_\t_',
  '5\tdie\tder\tX\tART\t_\t1\tdep\t_\t_',
  '6\tFamilie\tFamilie\tX\tNN\t_\t1\tdep\t_\tSpaceAfter=No',
  '7\t.\t.\tX\t$.\t_\t1\tdep\t_\t_',
  '',
  '# sent_id = t-2',
  '1\tDie\tder\tX\t_\t_\t0\tdep\t_\t_',
  '2\tFamilie\tFamilie\tX\t_\t_\t1\tdep\t_\t_',
  '3\tlacht\tlachen\tX\t_\t_\t1\tdep\t_\t_',
  '',
].join('\n');

describe('geokg parse', () => {
  it('documents itself in --help', () => {
    const r = geokg('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--input <kind>/);
    expect(r.stdout).toMatch(/--format <format>/);
    expect(r.stdout).toMatch(/TokenRange=START:END/);
  });
  it('prints CoNLL-U with sent_id, text, offsets and a multiword token for a clitic', () => {
    const r = geokg(en);
    expect(r.status).toBe(0);
    const sents = readConllu(r.stdout);
    expect(sents).toHaveLength(2);
    expect(sents[0]!.comments).toEqual(expect.arrayContaining([expect.stringMatching(/^sent_id = \S+-1$/)]));
    expect(sents[1]!.comments).toContain("text = Russia's army didn't deny it.");
    const rows = sents[1]!.rows;
    expect(rows.slice(0, 3).map((x) => [x.id, x.form])).toEqual([
      ['1-2', "Russia's"],
      ['1', 'Russia'],
      ['2', "'s"],
    ]);
    for (const s of sents)
      for (const w of wordsOf(s)) {
        const m = /TokenRange=(\d+):(\d+)/.exec(w.misc)!;
        expect(enText.slice(Number(m[1]), Number(m[2]))).toBe(w.form);
        expect(w.upos).toMatch(/^[A-Z]+$/);
        expect(w.headIndex).toBeGreaterThanOrEqual(0);
        expect(w.headIndex).toBeLessThanOrEqual(s.rows.length);
      }
    expect(wordsOf(sents[0]!).filter((w) => w.headIndex === 0)).toHaveLength(1);
  });
  it('parses articles as the extractor does (its tags for names and trigger forms), the models alone with --raw', () => {
    const text = 'Bundeskanzler Merz verurteilte die Angriffe scharf. Die Ukraine schoss 40 russische Drohnen ab.';
    const file = join(dir, 'hints.de.txt');
    writeFileSync(file, text + '\n');
    const tagsOf = (out: string) =>
      readConllu(out).map((s) => wordsOf(s).map((w) => `${w.form}/${w.upos}/${w.headIndex}`));
    const doc = STAGES[1].run(STAGES[0].run({ source: file, text: text + '\n', format: 'text' }, { lang: 'de' }));
    const model = loadSyntaxModel('de');
    const viaModel = (hints?: TagHints) =>
      parse(doc, { de: model }, undefined, hints).parses.map((p) =>
        p.words.map((w) => `${w.form}/${w.upos}/${w.head}`),
      );
    const hinted = geokg('--lang', 'de', file);
    const raw = geokg('--lang', 'de', '--raw', file);
    expect(hinted.status).toBe(0);
    expect(raw.status).toBe(0);
    expect(tagsOf(hinted.stdout)).toEqual(viaModel(tagHints(loadExtractionModel(), 'de')));
    expect(tagsOf(raw.stdout)).toEqual(viaModel());
    // The hints decide something here ("scharf" is an adjective, a known name a proper noun).
    expect(tagsOf(hinted.stdout)).not.toEqual(tagsOf(raw.stdout));
  });
  it('prints JSON with the same words, German contractions as two words of one token', () => {
    const r = geokg(de, '--format', 'json', '--lang', 'de');
    expect(r.status).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(x.documents).toHaveLength(1);
    const [s1, s2] = x.documents[0].sentences;
    expect(s1.lang).toBe('de');
    const forms = s1.words.map((w: { form: string }) => w.form);
    expect(forms).toEqual(['Der', 'US', '-', 'Präsident', 'lud', 'den', 'Kanzler', 'zu', 'dem', 'Gipfel', 'ein', '.']);
    expect(s1.words[7]).toMatchObject({ mwt: [8, 9], start: deText.indexOf('zum'), end: deText.indexOf('zum') + 3 });
    expect(s2.text).toBe('Die Drohnen wurden von Iran an Russland geliefert.');
    const geliefert = s2.words.find((w: { form: string }) => w.form === 'geliefert');
    expect(geliefert.upos).toMatch(/VERB|AUX/);
    for (const s of [s1, s2])
      for (const w of s.words) {
        expect(w.head).toBeGreaterThanOrEqual(0);
        expect(w.head).toBeLessThanOrEqual(s.words.length);
      }
  });
  it('re-annotates a CoNLL-U file: IDs, FORMs, comments, ranges and LEMMA kept; UPOS/HEAD/DEPREL rewritten', () => {
    const f = join(dir, 'in.conllu');
    writeFileSync(f, CONLLU);
    const r = geokg('--input', 'conllu', '--lang', 'de', f);
    expect(r.status).toBe(0);
    const [a, b] = readConllu(r.stdout);
    expect(a!.comments).toEqual(['sent_id = t-1', 'text = Im Haus wohnt die Familie.']);
    expect(b!.comments).toEqual(['sent_id = t-2']);
    expect(a!.rows.map((x) => [x.id, x.form, x.lemma])).toEqual(
      readConllu(CONLLU)[0]!.rows.map((x) => [x.id, x.form, x.lemma]),
    );
    expect(a!.rows[6]!.misc).toBe('SpaceAfter=No');
    const words = wordsOf(a!);
    expect(words.filter((w) => w.headIndex === 0)).toHaveLength(1);
    expect(words.some((w) => w.upos !== 'X')).toBe(true);
    expect(words.find((w) => w.form === 'wohnt')!.upos).toBe('VERB');
    expect(words.find((w) => w.form === '.')!.deprel).toBe('punct');
  });
  it('detects the language of CoNLL-U words, and asks for --lang when it cannot', () => {
    const f = join(dir, 'auto.conllu');
    writeFileSync(f, CONLLU);
    expect(geokg('--input', 'conllu', f).status).toBe(0);
    const g = join(dir, 'und.conllu');
    writeFileSync(g, '1\tXyz\t_\t_\t_\t_\t0\troot\t_\t_\n\n');
    const r = geokg('--input', 'conllu', g);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/und\.conllu: cannot tell whether the words are German or English; use --lang/);
  });
  it('names the line of a malformed CoNLL-U file and exits non-zero', () => {
    const f = join(dir, 'bad.conllu');
    writeFileSync(f, '# sent_id = x\n1\tDie\t_\t_\t_\t_\t0\troot\t_\t_\n2\tFamilie\t_\t_\n\n');
    const r = geokg('--input', 'conllu', '--lang', 'de', f);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.conllu: CoNLL-U line 3: expected 10 tab-separated columns, found 4/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it('exits non-zero for missing and binary files, still printing the good one', () => {
    const bin = join(dir, 'bin.txt');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    const r = geokg(en, join(dir, 'missing.txt'), bin);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: no such file or directory/);
    expect(r.stderr).toMatch(/bin\.txt: binary file/);
    expect(readConllu(r.stdout)).toHaveLength(2);
    const none = geokg(join(dir, 'missing.txt'));
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/nothing could be parsed/);
    expect(none.stdout).toBe('');
  });
  it('refuses JSON output for CoNLL-U input and a model folder without models, with clear messages', () => {
    const f = join(dir, 'in2.conllu');
    writeFileSync(f, CONLLU);
    const j = geokg('--input', 'conllu', '--format', 'json', f);
    expect(j.status).not.toBe(0);
    expect(j.stderr).toMatch(/--input conllu writes CoNLL-U only/);
    const m = geokg('--models', dir, en);
    expect(m.status).not.toBe(0);
    expect(m.stderr).toMatch(/cannot load the en syntax model from .*not found/);
    expect(m.stderr).not.toMatch(/\n\s+at /);
  });
});
