// The preparation both adapters share: folding for search, claim identity, symmetric ordering, aggregates.
// Pure functions, so these pin the exact ids and values the stores write.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { aggregate, fold, mergeEntityRows, parseKey, prepareDocument } from '../../src/store/common.js';
import { SHAHED_SENTENCE, sampleDoc } from './fixtures.js';

describe('fold', () => {
  it('ignores case, accents, ß and punctuation', () => {
    expect(fold('Téhéran')).toBe('teheran');
    expect(fold('Großbritannien')).toBe('grossbritannien');
    expect(fold('  Kim Jong-un ')).toBe('kim jong un');
    expect(fold('Jomhuri-ye Eslāmi-ye Irān')).toBe('jomhuri ye eslami ye iran');
  });
});

describe('prepareDocument', () => {
  const p = prepareDocument(sampleDoc(), new Date('2025-01-02T03:04:05Z'));

  it('makes one claim per (document, relation key, sentence) with stable ids', () => {
    const ids = p.claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('doc-sample-0001|IRN|SUPPLIES|RUS|1200');
    const shahed = p.claims.find((c) => c.id === 'doc-sample-0001|IRN|SUPPLIES|RUS|1200')!;
    expect(shahed).toMatchObject({ sentence: SHAHED_SENTENCE, sentenceId: 'doc-sample-0001:1200', seen: '2024-10-11' });
    expect(shahed.items).toEqual(['item:shahed']);
  });

  it('orders symmetric endpoints by id and merges both directions of one sentence', () => {
    const coop = p.claims.filter((c) => c.predicate === 'COOPERATES_WITH');
    expect(coop).toHaveLength(1);
    expect(coop[0]).toMatchObject({ subject: 'IRN', object: 'RUS', key: 'IRN|COOPERATES_WITH|RUS' });
  });

  it('leaves claims of an undated document undated, keeping the ingest time on the document only', () => {
    const doc = sampleDoc();
    delete doc.document.published;
    const p = prepareDocument(doc, new Date('2025-01-02T03:04:05Z'));
    expect(p.claims.every((c) => c.seen === undefined)).toBe(true);
    expect(p.document.ingestedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(p.document.published).toBeUndefined();
  });

  it('refuses unknown types, predicates and dangling endpoints', () => {
    const a = sampleDoc();
    (a.entities[0] as { type: string }).type = 'Planet';
    expect(() => prepareDocument(a)).toThrow(InputError);
    const b = sampleDoc();
    b.relations[0]!.object = 'ATLANTIS';
    expect(() => prepareDocument(b)).toThrow(/unknown entity ATLANTIS/);
  });
});

describe('aggregates and keys', () => {
  it('recomputes from claims: counts, sorted distinct values, first/last seen, max confidence', () => {
    const rel = { key: 'A|SUPPLIES|B', subject: 'A', predicate: 'SUPPLIES' as const, object: 'B' };
    const a = aggregate(rel, [
      { modality: 'reported', items: ['x'], document: 'd2', seen: '2024-05-01', confidence: 0.4, time: '2024' },
      { modality: 'asserted', items: ['y', 'x'], document: 'd1', seen: '2023-01-01', confidence: 0.9 },
      { modality: 'asserted', items: [], document: 'd1', seen: '2023-01-01', confidence: 0.1 },
    ]);
    expect(a).toMatchObject({
      evidenceCount: 3,
      documentCount: 2,
      modalities: ['asserted', 'reported'],
      items: ['x', 'y'],
      time: ['2024'],
      firstSeen: '2023-01-01',
      lastSeen: '2024-05-01',
      confidence: 0.9,
    });
  });

  it('parses a relation key back', () => {
    expect(parseKey('person:kim-jong-un|HEAD_OF_STATE|PRK')).toEqual({
      subject: 'person:kim-jong-un',
      predicate: 'HEAD_OF_STATE',
      object: 'PRK',
    });
  });

  it('merges entity mentions: union of aliases, newest name, codes from the newest that has them', () => {
    const base = { type: 'Country' as const, searchKeys: [] };
    const m = mergeEntityRows([
      { ...base, id: 'RUS', name: 'Russland', aliases: ['Moskau'], iso3: 'RUS' },
      { ...base, id: 'RUS', name: 'Russia', aliases: ['Moscow', 'Kremlin'] },
    ]);
    expect(m).toMatchObject({ name: 'Russia', aliases: ['Kremlin', 'Moscow', 'Moskau'], iso3: 'RUS' });
  });
});
