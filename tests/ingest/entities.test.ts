// Tests of stage 04-entities: gazetteer linking with German inflection, cue-based people and organisations,
// surname and role-description coreference, "die beiden Länder", items with model names.

import { describe, expect, it } from 'vitest';
import { clean } from '../../src/ingest/stages/01-clean.js';
import { segment } from '../../src/ingest/stages/02-segment.js';
import { recogniseEntities } from '../../src/ingest/stages/04-entities.js';

const run = (text: string, lang: 'de' | 'en') =>
  recogniseEntities(segment(clean({ source: 't', text, format: 'text' }, { lang })));
const linked = (text: string, lang: 'de' | 'en') => run(text, lang).mentions.map((m) => [m.surface, m.entity]);

describe('entities', () => {
  it('links countries, metonyms and inflected German forms, with character offsets', () => {
    const d = run('Russlands Präsident reiste nach Teheran. Moskau und der Kreml schwiegen.', 'de');
    const ms = d.mentions.filter((m) => m.kind !== 'adjective');
    expect(ms.map((m) => m.entity)).toEqual(['RUS', 'IRN', 'RUS', 'RUS']);
    for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.surface);
    expect(ms[0]!.poss).toBe(true);
  });
  it('recognises unknown people from cues and resolves their surnames later', () => {
    const d = run(
      '"This is bad," said Jane Q. Holloway, a senior fellow at the Arbor Institute. Holloway added more.',
      'en',
    );
    const ids = d.mentions.map((m) => m.entity);
    expect(ids).toContain('person:jane-q-holloway');
    expect(ids).toContain('org:arbor-institute');
    expect(d.mentions.filter((m) => m.entity === 'person:jane-q-holloway')).toHaveLength(2);
    expect(d.roles).toContainEqual(
      expect.objectContaining({
        person: 'person:jane-q-holloway',
        predicate: 'AFFILIATED_WITH',
        object: 'org:arbor-institute',
      }),
    );
  });
  it('resolves a role description to the person the text named in that role', () => {
    const d = run(
      'Der iranische Präsident Masoud Pezeshkian reiste nach Moskau. Dort forderte der iranische Staatschef engere Beziehungen.',
      'de',
    );
    const coref = d.mentions.find((m) => m.kind === 'coref');
    expect(coref?.entity).toBe('person:masoud-pezeshkian');
    expect(coref?.surface).toBe('iranische Staatschef');
  });
  it('resolves "die beiden Länder" to the last two countries named', () => {
    const d = run('Russland sprach mit Iran. Die beiden Länder wollen ein Abkommen unterzeichnen.', 'de');
    const pair = d.bySentence[1]!.filter((m) => m.kind === 'coref').map((m) => m.entity);
    expect(pair.sort()).toEqual(['IRN', 'RUS']);
  });
  it('creates model-specific items and organisations introduced by a type noun', () => {
    const l = linked('Der Iran lieferte „Shahed“-Angriffsdrohnen an den Konzern Rostec Defence.', 'de');
    expect(l.find(([s]) => s === '„Shahed“-Angriffsdrohnen')?.[1]).toMatch(/^item:shahed-/);
    expect(l.some(([, id]) => id === 'org:rostec-defence' || id === 'org:rostec')).toBe(true);
  });
  it('does not read sentence-initial function words as surnames', () => {
    expect(linked('But the talks failed.', 'en')).toEqual([]);
  });
});
