// Training-data harmonisation: GSD's inconsistent tags become PUD's convention, nothing else changes.
// The rules come from data/lexicons/treebank-harmonise.json, the month names from calendar.json.

import { describe, expect, it } from 'vitest';
import { readConllu } from '../../../src/ingest/syntax/conllu.js';
import { harmonise, loadHarmoniseRules } from '../../../src/ingest/syntax/harmonise.js';
import { toTreebankSentence, type TreebankSentence } from '../../../src/ingest/syntax/treebank.js';

const row = (id: number, form: string, upos: string, xpos: string, head: number, rel: string) =>
  [id, form, '_', upos, xpos, '_', head, rel, '_', '_'].join('\t');

// "Die SPD wuchs im Oktober stärker als erwartet, um zu gewinnen, und schnell als Partei."
const GSD = [
  row(1, 'Die', 'DET', 'ART', 2, 'det'),
  row(2, 'SPD', 'PROPN', 'NN', 3, 'nsubj'),
  row(3, 'wuchs', 'VERB', 'VVFIN', 0, 'root'),
  row(4, 'Oktober', 'PROPN', 'NN', 3, 'obl'),
  row(5, 'stärker', 'ADJ', 'ADJD', 3, 'advmod'),
  row(6, 'als', 'ADP', 'KOKOM', 7, 'mark'),
  row(7, 'erwartet', 'VERB', 'VVPP', 3, 'advcl'),
  row(8, 'um', 'ADP', 'KOUI', 10, 'mark'),
  row(9, 'zu', 'PART', 'PTKZU', 10, 'mark'),
  row(10, 'gewinnen', 'VERB', 'VVINF', 3, 'advcl'),
  row(11, 'als', 'ADP', 'APPR', 12, 'case'),
  row(12, 'Partei', 'NOUN', 'NN', 3, 'obl'),
  row(13, 'schnelle', 'ADJ', 'ADJA', 12, 'amod'),
].join('\n');

const sentence = () => readConllu(GSD + '\n').map(toTreebankSentence)[0] as TreebankSentence;

describe('harmonise (German GSD → PUD convention)', () => {
  const rules = loadHarmoniseRules('de')!;

  it('rewrites comparative als, um … zu, adverbial adjectives, month names and prepositional als', () => {
    const [out] = harmonise([sentence()], rules);
    const tag = (form: string, nth = 0) => out!.upos.filter((_, i) => out!.words[i]!.form === form)[nth];
    expect(tag('als', 0)).toBe('CCONJ');
    expect(tag('als', 1)).toBe('CCONJ');
    expect(tag('um')).toBe('SCONJ');
    expect(tag('stärker')).toBe('ADV');
    expect(tag('Oktober')).toBe('NOUN');
  });

  it('keeps every other tag, the proper noun SPD and the attributive adjective included, and the input', () => {
    const s = sentence();
    const before = [...s.upos];
    const [out] = harmonise([s], rules);
    expect(s.upos).toEqual(before);
    const changed = new Set(['Oktober', 'stärker', 'als', 'um']);
    out!.upos.forEach((u, i) => {
      if (!changed.has(out!.words[i]!.form)) expect(u).toBe(before[i]);
    });
    expect(out!.heads).toEqual(s.heads);
    expect(out!.deprels).toEqual(s.deprels);
  });

  it('has no rules for English, whose treebanks are trained as they are', () => {
    expect(loadHarmoniseRules('en')).toBeUndefined();
  });
});
