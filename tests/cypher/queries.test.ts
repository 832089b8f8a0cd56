// Every research query in cypher/queries/ run against the real Neo4j of the test run, on the sample article ingested
// through the real extractor and store (plus one hand-made article for conflict, denial and dates).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/store/ingest-files.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { openStore } from '../../src/store/open.js';
import { bindParams, listQueries, loadQuery, parseParams } from '../../src/store/queries.js';
import { neo4jConfig, neo4jEnv } from '../helpers/neo4j.js';
import { SECOND_ID, SECOND_PUBLISHED, secondArticle } from './second-article.js';

const SAMPLE = 'data/sample/000_72676987deda64ed.txt';

type Row = Record<string, unknown>;

let store: Neo4jStore;
let sampleId = '';

async function run(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const q = loadQuery(name);
  const result = await store.query(q.text, bindParams(q, params));
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
}

const find = (rows: Row[], match: Row): Row | undefined =>
  rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

function must(rows: Row[], match: Row): Row {
  const row = find(rows, match);
  if (!row) throw new Error(`no row ${JSON.stringify(match)} among ${JSON.stringify(rows, null, 1).slice(0, 3000)}`);
  return row;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** One expectation per query file: a query without one fails the suite, so every file is exercised. */
const EXPECTATIONS: Record<string, () => Promise<void>> = {
  supplies: async () => {
    const rows = await run('supplies');
    const irnRus = must(rows, { supplier: 'IRN', recipient: 'RUS' });
    expect(strings(irnRus.items).some((i) => /shahed|drone/i.test(i))).toBe(true);
    expect(irnRus.evidence).toBeGreaterThanOrEqual(2);
    expect(irnRus.documents).toBe(2);
    expect(strings(irnRus.attributedTo)).toContain('United States');
    // The sample's alleged arms deal with the Houthis (Russia or Bout, both right by the gold annotation).
    const houthis = rows.find((r) => r.recipient === 'group:houthis' && strings(r.modalities).includes('alleged'));
    expect(['RUS', 'person:viktor-bout']).toContain(houthis?.supplier);
    const onlyIran = await run('supplies', { supplier: 'IRN' });
    expect(onlyIran.length).toBeGreaterThan(0);
    expect(onlyIran.every((r) => r.supplier === 'IRN')).toBe(true);
    expect(await run('supplies', { supplier: 'RUS', recipient: 'IRN' })).toEqual([]);
  },

  'actor-relations': async () => {
    const rows = await run('actor-relations', { actor: 'IRN' });
    expect(rows.every((r) => r.actor === 'IRN')).toBe(true);
    const supplies = must(rows, { predicate: 'SUPPLIES', other: 'RUS', direction: 'out' });
    expect(strings(supplies.sentences).some((s) => s.includes('Shahed'))).toBe(true);
    expect(strings(supplies.documents).sort()).toEqual([sampleId, SECOND_ID].sort());
    must(rows, { predicate: 'MEMBER_OF', other: 'org:brics', direction: 'out' });
    must(rows, { predicate: 'HEAD_OF_STATE', other: 'person:masoud-pezeshkian', direction: 'in' });
    must(rows, { predicate: 'COOPERATES_WITH', other: 'RUS', direction: 'both' });
    expect(strings(must(rows, { predicate: 'SANCTIONS', other: 'USA', direction: 'in' }).documents)).toEqual([
      SECOND_ID,
    ]);
    // Only direct relationships between entities: no claims, documents or sentences leak in as counterparts.
    expect(rows.every((r) => typeof r.otherType === 'string')).toBe(true);
  },

  'dyad-timeline': async () => {
    const rows = await run('dyad-timeline', { a: 'RUS', b: 'IRN' });
    const dates = rows.map((r) => String(r.date));
    expect(dates).toEqual([...dates].sort());
    // Claims are dated by their document's publication only: an undated sample gives null (sorted last), never
    // the day it was ingested.
    const second = rows.filter((r) => r.document === SECOND_ID);
    expect(second[0]).toMatchObject({ date: SECOND_PUBLISHED, predicate: 'SUPPLIES', subject: 'IRN' });
    const sample = rows.filter((r) => r.document === sampleId);
    expect(new Set(sample.map((r) => r.date)).size).toBe(1);
    expect(sample[0]!.date).not.toBe(new Date().toISOString().slice(0, 10));
    expect(sample.some((r) => r.predicate === 'SUPPLIES' && String(r.sentence).includes('Shahed'))).toBe(true);
    expect(sample.some((r) => r.predicate === 'COOPERATES_WITH')).toBe(true);
    expect(rows.every((r) => r.kind === 'cooperation')).toBe(true);
    const conflict = await run('dyad-timeline', { a: 'USA', b: 'IRN' });
    expect(conflict.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.kind}`).sort()).toEqual([
      'IRN CRITICIZES USA conflict',
      'USA SANCTIONS IRN conflict',
    ]);
  },

  'co-mentions': async () => {
    const rows = await run('co-mentions', { actor: 'IRN' });
    expect(rows.some((r) => r.id === 'IRN')).toBe(false);
    expect(must(rows, { id: 'RUS', documents: 2, related: true }).predicates).toEqual(
      expect.arrayContaining(['COOPERATES_WITH', 'SUPPLIES']),
    );
    // Mentioned with Iran in the sample, but no relation to Iran was extracted.
    expect(must(rows, { id: 'org:tass' })).toMatchObject({ documents: 1, related: false, predicates: [] });
    const people = await run('co-mentions', { actor: 'IRN', type: 'Person', limit: 2 });
    expect(people).toHaveLength(2);
    expect(people.every((r) => r.type === 'Person')).toBe(true);
  },

  members: async () => {
    const rows = await run('members', { organisation: 'org:brics' });
    expect(must(rows, { member: 'IRN' }).memberName).toBe('Iran');
    expect(await run('members', { organisation: 'RUS' })).toEqual([]);
  },

  'shortest-paths': async () => {
    const rows = await run('shortest-paths', { from: 'person:vladimir-putin', to: 'org:brics' });
    expect(rows.length).toBeGreaterThan(0);
    const best = rows[0]!;
    const path = strings(best.path);
    expect(path[0]).toBe('person:vladimir-putin');
    expect(path[path.length - 1]).toBe('org:brics');
    expect(best.hops).toBe(path.length - 1);
    expect(best.hops).toBeLessThanOrEqual(3);
    expect(path).toContain('IRN');
    expect((best.steps as unknown[]).length).toBe(best.hops);
    expect(rows.every((r) => r.hops === best.hops)).toBe(true);
    expect(await run('shortest-paths', { from: 'IRN', to: 'IRN' })).toEqual([]);
  },

  dyads: async () => {
    const rows = await run('dyads');
    expect(rows[0]).toMatchObject({ a: 'IRN', b: 'RUS', documents: 2 });
    const counts = rows.map((r) => r.evidence as number);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const sanctions = await run('dyads', { types: ['SANCTIONS'] });
    expect(sanctions.map((r) => `${r.a}-${r.b}`)).toEqual(expect.arrayContaining(['IRN-USA', 'RUS-USA']));
    expect(sanctions.every((r) => strings(r.predicates).join() === 'SANCTIONS')).toBe(true);
    expect(await run('dyads', { limit: 1 })).toHaveLength(1);
  },

  'cooperation-conflict': async () => {
    const rows = await run('cooperation-conflict');
    const irnRus = must(rows, { a: 'IRN', b: 'RUS' });
    expect(irnRus.cooperation).toBeGreaterThanOrEqual(5);
    expect(irnRus).toMatchObject({ conflict: 0, balance: 1 });
    expect(strings(irnRus.cooperativeTypes)).toEqual(expect.arrayContaining(['SUPPLIES', 'COOPERATES_WITH']));
    const irnUsa = must(rows, { a: 'IRN', b: 'USA' });
    expect(irnUsa).toMatchObject({ cooperation: 0, balance: -1 });
    expect(irnUsa.conflict).toBeGreaterThanOrEqual(2);
    expect(strings(irnUsa.conflictTypes).sort()).toEqual(['CRITICIZES', 'SANCTIONS']);
    expect(must(rows, { a: 'RUS', b: 'UKR' })).toMatchObject({ cooperation: 0, balance: -1 });
    const usa = await run('cooperation-conflict', { actor: 'USA' });
    expect(usa.length).toBeGreaterThan(0);
    expect(usa.every((r) => r.a === 'USA' || r.b === 'USA')).toBe(true);
  },

  'alleged-denied': async () => {
    const rows = await run('alleged-denied');
    const alleged = rows.find(
      (r) => r.predicate === 'SUPPLIES' && r.object === 'group:houthis' && strings(r.modalities).includes('alleged'),
    );
    expect(['RUS', 'person:viktor-bout']).toContain(alleged?.subject);
    expect(strings(alleged!.documents)).toEqual([sampleId]);
    const denied = must(rows, { subject: 'IRN', predicate: 'SUPPLIES', object: 'group:houthis' });
    expect(strings(denied.modalities)).toEqual(['denied']);
    expect(strings(denied.attributedTo)).toEqual(['Iran']);
    expect(strings(denied.documents)).toEqual([SECOND_ID]);
    expect(rows.every((r) => strings(r.modalities).every((m) => m === 'alleged' || m === 'denied'))).toBe(true);
    expect(find(rows, { subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' })).toBeUndefined();
    const deniedOnly = await run('alleged-denied', { modalities: ['denied'] });
    expect(deniedOnly.map((r) => `${r.subject} ${r.predicate} ${r.object}`)).toContain('IRN SUPPLIES group:houthis');
    expect(deniedOnly.every((r) => strings(r.modalities).every((m) => m === 'denied'))).toBe(true);
  },

  'date-range': async () => {
    const october = await run('date-range', { from: '2024-10-01', to: '2024-10-31' });
    expect(must(october, { subject: 'USA', predicate: 'SANCTIONS', object: 'IRN' })).toMatchObject({
      bySeen: true,
      firstSeen: SECOND_PUBLISHED,
    });
    must(october, { subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' });
    // The sample has no published date: its relations are undated, never dated by the day they were ingested.
    expect(find(october, { subject: 'IRN', predicate: 'MEMBER_OF', object: 'org:brics' })).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    expect(find(await run('date-range', { from: today, to: today }), { predicate: 'MEMBER_OF' })).toBeUndefined();
    // Claim time inside the range, documents outside it; a partial date covers its whole year.
    for (const [from, to] of [
      ['2022-02-01', '2022-02-28'],
      ['2022', '2022'],
    ]) {
      const war = await run('date-range', { from, to });
      expect(war.every((r) => r.bySeen === false && r.byClaimTime === true)).toBe(true);
      const attack = must(war, { subject: 'RUS', predicate: 'ATTACKS', object: 'UKR' });
      expect(attack.claimTimes).toEqual(['2022-02']);
    }
    expect(await run('date-range', { from: '2021-01', to: '2021-12' })).toEqual([]);
    const typed = await run('date-range', { from: '2024-10', to: '2024-10', types: ['SANCTIONS'] });
    expect(typed.length).toBe(2);
    expect(typed.every((r) => r.predicate === 'SANCTIONS')).toBe(true);
  },

  provenance: async () => {
    const rows = await run('provenance', { subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' });
    const shahed = rows.find((r) => r.document === sampleId && String(r.sentence).includes('Shahed'));
    expect(shahed).toBeDefined();
    expect(shahed!.source).toBe(SAMPLE);
    expect((shahed!.end as number) - (shahed!.start as number)).toBe(String(shahed!.sentence).length);
    must(rows, { document: SECOND_ID, attributedTo: 'USA', modality: 'reported' });
    // Directed types keep their direction; symmetric ones are found either way round.
    expect(await run('provenance', { subject: 'RUS', predicate: 'SUPPLIES', object: 'IRN' })).toEqual([]);
    const coop = await run('provenance', { subject: 'RUS', predicate: 'COOPERATES_WITH', object: 'IRN' });
    expect(coop.length).toBeGreaterThan(0);
    expect(coop.every((r) => r.document === sampleId)).toBe(true);
  },

  'provenance-graph': async () => {
    const q = loadQuery('provenance-graph');
    const result = await store.query(q.text, bindParams(q, { subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' }));
    const byLabel = (l: string) => result.nodes.filter((n) => n.labels.includes(l));
    const claims = byLabel('Claim');
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.properties.subject === 'IRN' && c.properties.object === 'RUS')).toBe(true);
    expect(byLabel('Sentence').some((s) => String(s.properties.text).includes('Shahed'))).toBe(true);
    expect(byLabel('Document').map((d) => d.properties.id)).toEqual(expect.arrayContaining([sampleId, SECOND_ID]));
    const types = new Set(result.relationships.map((r) => r.type));
    for (const t of ['SUBJECT', 'OBJECT', 'EVIDENCED_BY', 'IN_DOCUMENT']) expect(types).toContain(t);
    // Direction matters for directed types, not for symmetric ones.
    const back = await store.query(q.text, bindParams(q, { subject: 'RUS', predicate: 'SUPPLIES', object: 'IRN' }));
    expect(back.nodes.filter((n) => n.labels.includes('Claim'))).toEqual([]);
    const coop = await store.query(
      q.text,
      bindParams(q, { subject: 'RUS', predicate: 'COOPERATES_WITH', object: 'IRN' }),
    );
    expect(coop.nodes.some((n) => n.labels.includes('Claim'))).toBe(true);
  },

  partners: async () => {
    const rows = await run('partners', { actor: 'IRN' });
    const supplies = must(rows, { predicate: 'SUPPLIES', direction: 'out' });
    // RUS first: most evidence; the Houthis through the second article's (denied) claim.
    expect((supplies.partners as Row[]).map((p) => p.id)).toEqual(['RUS', 'group:houthis']);
    expect((must(rows, { predicate: 'SANCTIONS', direction: 'in' }).partners as Row[]).map((p) => p.id)).toEqual([
      'USA',
    ]);
    const typed = await run('partners', { actor: 'IRN', types: ['SUPPORTS'] });
    expect(typed.map((r) => r.predicate)).toEqual(['SUPPORTS']);
    expect((typed[0]!.partners as Row[]).map((p) => p.id)).toContain('group:houthis');
  },

  'entity-search': async () => {
    // The German spelling the article uses, not the canonical English name.
    const german = await run('entity-search', { q: 'Mischustin' });
    expect(german[0]!.id).toBe('person:mikhail-mishustin');
    expect(german[0]!.relationships).toBeGreaterThan(0);
    expect((await run('entity-search', { q: 'putin' }))[0]!.id).toBe('person:vladimir-putin');
    expect(await run('entity-search', { q: 'Zyxwvutsrq' })).toEqual([]);
  },

  'top-actors': async () => {
    const rows = await run('top-actors');
    expect(['RUS', 'IRN']).toContain(rows[0]!.id);
    const partners = rows.map((r) => r.partners as number);
    expect(partners).toEqual([...partners].sort((x, y) => y - x));
    const people = await run('top-actors', { type: 'Person', limit: 3 });
    expect(people.length).toBeGreaterThan(0);
    expect(people.length).toBeLessThanOrEqual(3);
    expect(people.every((r) => r.type === 'Person')).toBe(true);
  },

  'document-relations': async () => {
    const rows = await run('document-relations', { document: sampleId });
    expect(rows.every((r) => r.document === sampleId)).toBe(true);
    const supply = rows.find(
      (r) => r.predicate === 'SUPPLIES' && r.subject === 'IRN' && String(r.sentence).includes('Shahed'),
    );
    expect(supply).toBeDefined();
    const starts = rows.map((r) => r.start as number);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(await run('document-relations', { document: 'no-such-document' })).toEqual([]);
  },

  officials: async () => {
    const rows = await run('officials', { entity: 'RUS' });
    expect(rows[0]).toMatchObject({ person: 'person:vladimir-putin', role: 'HEAD_OF_STATE' });
    must(rows, { person: 'person:mikhail-mishustin', role: 'HEAD_OF_GOVERNMENT' });
  },

  sources: async () => {
    const rows = await run('sources');
    const usa = must(rows, { source: 'USA' });
    expect(usa.relations).toEqual(
      expect.arrayContaining([expect.objectContaining({ subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' })]),
    );
    expect(strings(usa.documents)).toContain(SECOND_ID);
    const iran = await run('sources', { source: 'IRN' });
    expect(iran).toHaveLength(1);
    expect(iran[0]!.relations).toEqual([
      { subject: 'IRN', predicate: 'SUPPLIES', object: 'group:houthis', modality: 'denied' },
    ]);
  },
};

const QUERIES = listQueries();

describe('research queries on the sample in real Neo4j', () => {
  beforeAll(async () => {
    const opened = await openStore({ kind: 'neo4j', neo4j: neo4jConfig() });
    if (!(opened instanceof Neo4jStore)) throw new Error('expected the Neo4j store');
    store = opened;
    await store.reset();
    const summary = await ingestPaths(store, [SAMPLE]);
    expect(summary.documentsFailed).toBe(0);
    expect(summary.documentsNew).toBe(1);
    const docs = await store.listDocuments();
    sampleId = docs.find((d) => d.source.endsWith('000_72676987deda64ed.txt'))!.id;
    expect((await store.ingest(secondArticle())).written).toBe(true);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('has an expectation for every query file and a query file for every expectation', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(QUERIES.map((q) => q.name).sort());
  });

  for (const q of QUERIES) {
    it(`${q.name}: ${q.answers.split(/[?.]/)[0]}`, async () => {
      const expectation = EXPECTATIONS[q.name];
      if (!expectation) throw new Error(`query ${q.name} (${q.file}) has no expectation in ${import.meta.url}`);
      await expectation();
    });
  }

  it('finds rows on the demo data with the example parameters of every header', async () => {
    for (const q of QUERIES) {
      const params = Object.fromEntries(q.params.map((p) => [p.name, p.example]));
      // Document ids are content hashes: the documented example may not be the id this extractor version gives.
      if (q.name === 'document-relations') params.document = sampleId;
      expect((await run(q.name, params)).length, `${q.name} with ${JSON.stringify(params)}`).toBeGreaterThan(0);
    }
  });

  it('runs every example call of docs/cypher.md, and the docs show one for every query', async () => {
    const docs = readFileSync('docs/cypher.md', 'utf8');
    const calls = [...docs.matchAll(/bin\/geokg query --file ([\w./-]+)((?: --param \S+)*)/g)].map((m) => ({
      name: m[1]!,
      // Shell quoting as a user types it: k='["A","B"]' reaches geokg as k=["A","B"].
      pairs: [...m[2]!.matchAll(/--param (\S+)/g)].map((p) => p[1]!.replace(/'([^']*)'/g, '$1')),
    }));
    const documented = new Set(calls.map((c) => c.name));
    for (const q of QUERIES) expect(documented.has(q.name), `docs/cypher.md has no example of ${q.name}`).toBe(true);
    for (const c of calls) {
      if (c.name.endsWith('.cypher')) continue;
      const params = parseParams(c.pairs, loadQuery(c.name).info?.params);
      if (c.name === 'document-relations') params.document = sampleId;
      expect((await run(c.name, params)).length, `${c.name} ${c.pairs.join(' ')}`).toBeGreaterThan(0);
    }
  });

  it('runs through bin/geokg: the provenance query by name with typed --param values', () => {
    const args = ['query', '--file', 'provenance', '--param', 'subject=IRN', '--param', 'predicate=SUPPLIES'];
    const res = spawnSync('bin/geokg', [...args, '--param', 'object=RUS', '--format', 'json'], {
      env: { ...process.env, ...neo4jEnv() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const rows = JSON.parse(res.stdout) as Row[];
    expect(rows.some((r) => r.document === sampleId && String(r.sentence).includes('Shahed'))).toBe(true);
    const missing = spawnSync('bin/geokg', args, { env: { ...process.env, ...neo4jEnv() }, encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/needs --param object/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
