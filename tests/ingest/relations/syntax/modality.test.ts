// Modality read from the verbs a relation's clause depends on: accusation and suspicion make it alleged, schedules
// and plans reach coordinated verbs that share the clause, and a coordinated clause with its own subject keeps its own.

import { describe, expect, it } from 'vitest';
import type { ParseOutput } from '../../../../src/ingest/relations/syntax/index.js';
import { fromTree } from './helpers.js';

const find = (out: ParseOutput, s: string, p: string, o: string) =>
  out.candidates.filter((c) => c.subject === s && c.predicate === p && c.object === o).map((c) => c.modality);

describe('modality from the verbs above a relation', () => {
  it('de: "wirft dem Iran vor, … zu versorgen" — the accused act is alleged', () => {
    const out = fromTree(
      'Israel wirft dem Iran vor, die Hisbollah mit Waffen zu versorgen.',
      'de',
      'Israel/PROPN/2/nsubj wirft/VERB/0/root dem/DET/4/det Iran/PROPN/2/iobj vor/ADP/2/compound:prt ,/PUNCT/12/punct die/DET/8/det Hisbollah/PROPN/12/obj mit/ADP/10/case Waffen/NOUN/12/obl zu/PART/12/mark versorgen/VERB/2/xcomp ./PUNCT/2/punct',
    );
    expect(find(out, 'IRN', 'SUPPLIES', 'group:hezbollah')).toEqual(['alleged']);
  });

  it('en: "accused Tehran of funding Hamas" — the accusation is asserted, the accused act alleged', () => {
    const out = fromTree(
      'Israeli officials accused Tehran of funding Hamas.',
      'en',
      'Israeli/ADJ/2/amod officials/NOUN/3/nsubj accused/VERB/0/root Tehran/PROPN/3/obj of/SCONJ/6/mark funding/VERB/3/advcl Hamas/PROPN/6/obj ./PUNCT/3/punct',
    );
    expect(find(out, 'IRN', 'SUPPORTS', 'group:hamas')).toEqual(['alleged']);
    expect(find(out, 'ISR', 'CRITICIZES', 'IRN')).toEqual(['asserted']);
  });

  it('en: "is believed to have supplied" — the passive subject is the supplier, and the claim alleged', () => {
    const out = fromTree(
      'Pyongyang is believed to have supplied Moscow with missiles.',
      'en',
      'Pyongyang/PROPN/3/nsubj:pass is/AUX/3/aux:pass believed/VERB/0/root to/PART/6/mark have/AUX/6/aux supplied/VERB/3/xcomp Moscow/PROPN/6/obj with/ADP/9/case missiles/NOUN/6/obl ./PUNCT/3/punct',
    );
    expect(find(out, 'PRK', 'SUPPLIES', 'RUS')).toEqual(['alleged']);
  });

  it('en: "is scheduled to arrive … and meet Putin" — the plan reaches the conjunct that shares its subject', () => {
    const out = fromTree(
      'Antonio Guterres is scheduled to arrive on Thursday and meet Putin.',
      'en',
      'Antonio/PROPN/4/nsubj:pass Guterres/PROPN/1/flat is/AUX/4/aux:pass scheduled/VERB/0/root to/PART/6/mark arrive/VERB/4/xcomp on/ADP/8/case Thursday/PROPN/6/obl and/CCONJ/10/cc meet/VERB/6/conj Putin/PROPN/10/obj ./PUNCT/4/punct',
    );
    expect(find(out, 'person:antonio-guterres', 'MEETS', 'person:vladimir-putin')).toEqual(['planned']);
  });

  it('en: "denied funding and arming Hamas" — the denial reaches the shared-subject conjunct', () => {
    const out = fromTree(
      'Iran denied funding and arming Hamas.',
      'en',
      'Iran/PROPN/2/nsubj denied/VERB/0/root funding/VERB/2/xcomp and/CCONJ/5/cc arming/VERB/3/conj Hamas/PROPN/5/obj ./PUNCT/2/punct',
    );
    const modalities = out.candidates.filter((c) => c.subject === 'IRN' && c.object === 'group:hamas');
    expect(modalities.length).toBeGreaterThan(0);
    expect(modalities.every((c) => c.modality === 'denied')).toBe(true);
  });

  it('en: a coordinated clause with its own subject keeps its own modality', () => {
    const out = fromTree(
      'Russia denied the report, and Iran supplied drones to Russia.',
      'en',
      'Russia/PROPN/2/nsubj denied/VERB/0/root the/DET/4/det report/NOUN/2/obj ,/PUNCT/8/punct and/CCONJ/8/cc Iran/PROPN/8/nsubj supplied/VERB/2/conj drones/NOUN/8/obj to/ADP/11/case Russia/PROPN/8/obl ./PUNCT/2/punct',
    );
    expect(find(out, 'IRN', 'SUPPLIES', 'RUS')).toEqual(['asserted']);
  });
});
