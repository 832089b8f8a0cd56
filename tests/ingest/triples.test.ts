// Tests of stage 06-triples and mergeExtractions: one relation per key, symmetric order, evidence offsets, entity set.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relationKey, SYMMETRIC_PREDICATES, typesAllowed } from '../../src/model.js';
import { extractDocument, extractText, mergeExtractions } from '../../src/ingest/index.js';
import { clean } from '../../src/ingest/stages/01-clean.js';

const sample = {
  source: 'sample',
  text: readFileSync('data/sample/000_72676987deda64ed.txt', 'utf8'),
  format: 'text' as const,
};

describe('triples', () => {
  it('emits one relation per key, symmetric ones in id order, evidence pointing into the cleaned text', () => {
    const x = extractDocument(sample);
    const cleaned = clean(sample).text;
    const keys = x.relations.map((r) => relationKey(r.subject, r.predicate, r.object));
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of x.relations) {
      if (SYMMETRIC_PREDICATES.has(r.predicate)) expect(r.subject < r.object).toBe(true);
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const ev of r.evidence) {
        expect(ev.document).toBe(x.document.id);
        expect(cleaned.slice(ev.start, ev.end)).toBe(ev.sentence);
      }
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      const types = new Map(x.entities.map((e) => [e.id, e.type]));
      expect(typesAllowed(r.predicate, types.get(r.subject), types.get(r.object))).toBe(true);
    }
    const used = new Set(
      x.relations.flatMap((r) => [r.subject, r.object, ...((r.properties.items as string[]) ?? [])]),
    );
    for (const e of x.entities) expect(used.has(e.id) || x.relations.some((r) => r.attributedTo === e.id)).toBe(true);
    const supplies = x.relations.find((r) => r.predicate === 'SUPPLIES' && r.subject === 'IRN' && r.object === 'RUS');
    expect(
      (supplies?.properties.items as string[]).every((id) => x.entities.some((e) => e.id === id && e.type === 'Item')),
    ).toBe(true);
  });
  it('is deterministic and keys documents by the cleaned text', () => {
    const a = extractDocument(sample);
    const b = extractDocument({ ...sample, source: 'copy', text: `Menu\nShare\n\n${sample.text}\n\nRead more` });
    expect(JSON.stringify(a.relations)).toBe(JSON.stringify(extractDocument(sample).relations));
    expect(b.document.id).toBe(a.document.id);
  });
  it('merges documents: one relation per key with evidence from every document', () => {
    const a = extractText('Iran has supplied drones to Russia.', { source: 'a', lang: 'en' });
    const b = extractText('Iran lieferte Drohnen an Russland, berichten Medien.', { source: 'b', lang: 'de' });
    const m = mergeExtractions([a, b, a]);
    expect(m.documents).toHaveLength(2);
    const s = m.relations.filter((r) => r.predicate === 'SUPPLIES');
    expect(s).toHaveLength(1);
    expect(s[0]!.evidence.map((e) => e.document).sort()).toEqual([a.document.id, b.document.id].sort());
    expect(m.entities.filter((e) => e.id === 'IRN')).toHaveLength(1);
  });
});
