// The Cypher panel's pure parts without a browser: provenance nodes (Claim, Sentence, Document) as their own kinds
// with captions, the menu of shipped queries (GET /api/queries) and its fields read as the declared types, and
// exports of the view that keep positions and colours (and, in JSON, the evidence behind what is shown).

import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import type { CypherResult } from '../../viz/src/api.js';
import { cypherToSnapshot } from '../../viz/src/core/cypher-graph.js';
import { snapshotToDataGraph } from '../../viz/src/core/data-graph.js';
import { EMPTY_FILTERS } from '../../viz/src/core/filters.js';
import { entityColor } from '../../viz/src/core/palette.js';
import { convertParam, convertParams, fieldText, type DeclaredParam } from '../../viz/src/core/query-params.js';
import { DEFAULT_SETTINGS } from '../../viz/src/core/settings.js';
import { toSigmaGraph } from '../../viz/src/core/to-sigma-graph.js';
import { exportFilteredGraph, exportViewJson } from '../../viz/src/export.js';
import { MultiGraph } from 'graphology';
import type { DocumentClaim, DocumentSummary } from '../../src/store/types.js';
import { shippedQueries } from '../../src/server/queries-api.js';

const PROVENANCE: CypherResult = {
  columns: ['a', 'b', 'c', 'cs', 'co', 's', 'e', 'd', 'i'],
  rows: [],
  nodes: [
    { id: 'n1', labels: ['Entity', 'Country'], properties: { id: 'IRN', name: 'Iran' } },
    { id: 'n2', labels: ['Entity', 'Country'], properties: { id: 'RUS', name: 'Russia' } },
    {
      id: 'n3',
      labels: ['Claim'],
      properties: {
        id: 'c1',
        key: 'IRN|SUPPLIES|RUS',
        subject: 'IRN',
        predicate: 'SUPPLIES',
        object: 'RUS',
        modality: 'alleged',
      },
    },
    {
      id: 'n4',
      labels: ['Sentence'],
      properties: {
        id: 's1',
        text: 'Der Iran hat Tausende von „Shahed“-Angriffsdrohnen an Russland geliefert, heißt es.',
      },
    },
    {
      id: 'n5',
      labels: ['Document'],
      properties: { id: 'd1', title: 'Putin lobt Beziehungen', published: '2024-10-18' },
    },
    { id: 'n6', labels: ['Document'], properties: { id: 'd2', source: '/data/x/article.txt' } },
  ],
  relationships: [
    { id: 'r1', type: 'SUBJECT', start: 'n3', end: 'n1', properties: {} },
    { id: 'r2', type: 'OBJECT', start: 'n3', end: 'n2', properties: {} },
    { id: 'r3', type: 'EVIDENCED_BY', start: 'n3', end: 'n4', properties: {} },
    { id: 'r4', type: 'IN_DOCUMENT', start: 'n4', end: 'n5', properties: {} },
  ],
  truncated: false,
};

describe('Cypher answers with provenance nodes', () => {
  it('draws Claim, Sentence and Document as their own kinds with readable captions, never as Location', () => {
    const snap = cypherToSnapshot(PROVENANCE);
    const byId = new Map(snap.nodes.map((n) => [n.id, n]));
    expect(byId.get('claim:c1')).toMatchObject({ type: 'Claim', name: 'Iran SUPPLIES Russia (alleged)' });
    const sentence = byId.get('sentence:s1')!;
    expect(sentence.type).toBe('Sentence');
    expect(sentence.name).toMatch(/^“Der Iran hat Tausende von „Shahed“.*…”$/);
    expect(sentence.name.length).toBeLessThanOrEqual(52);
    expect(byId.get('document:d1')).toMatchObject({ type: 'Document', name: 'Putin lobt Beziehungen (2024-10-18)' });
    expect(byId.get('document:d2')).toMatchObject({ name: 'article.txt (undated)' });
    expect(snap.nodes.filter((n) => n.type === 'Location')).toEqual([]);
    // Provenance links keep their Neo4j type and connect the namespaced ids.
    expect(snap.edges.map((e) => [e.subject, e.predicate, e.object])).toContainEqual([
      'claim:c1',
      'EVIDENCED_BY',
      'sentence:s1',
    ]);
    const g = toSigmaGraph(snapshotToDataGraph(snap), { ...EMPTY_FILTERS }, DEFAULT_SETTINGS);
    expect(g.getNodeAttribute('claim:c1', 'entityType')).toBe('Claim');
    const colours = new Set(
      ['claim:c1', 'sentence:s1', 'document:d1', 'IRN'].map((n) => g.getNodeAttribute(n, 'color')),
    );
    expect(colours.size).toBe(4);
    expect(g.getNodeAttribute('document:d1', 'color')).toBe(entityColor('Document'));
  });

  it('names claim endpoints from the viewer when the answer did not return the entities', () => {
    const claimOnly: CypherResult = { ...PROVENANCE, nodes: [PROVENANCE.nodes[2]!], relationships: [] };
    const names: Record<string, string> = { IRN: 'Iran', RUS: 'Russia' };
    expect(cypherToSnapshot(claimOnly, (id) => names[id]).nodes[0]!.name).toBe('Iran SUPPLIES Russia (alleged)');
    expect(cypherToSnapshot(claimOnly).nodes[0]!.name).toBe('IRN SUPPLIES RUS (alleged)');
  });
});

describe('shipped query menu', () => {
  it('lists every query in cypher/queries with its question, typed parameters and Cypher, no header, no paths', () => {
    const list = shippedQueries();
    const provenance = list.find((q) => q.name === 'provenance-graph')!;
    expect(provenance.params.map((p) => [p.name, p.type])).toEqual([
      ['subject', 'string'],
      ['predicate', 'string'],
      ['object', 'string'],
    ]);
    expect(provenance.text).toMatch(/^MATCH/);
    expect(provenance.text).not.toContain('// name:');
    const dateRange = list.find((q) => q.name === 'date-range')!;
    expect(dateRange.params.find((p) => p.name === 'types')).toMatchObject({ type: 'list|null', hasDefault: true });
    expect(JSON.stringify(list)).not.toContain('/cypher/queries/');
  });

  it('reads each field as the declared type: from=2025 stays a string, integers and lists are typed', () => {
    const p = (name: string, type: string, extra: Partial<DeclaredParam> = {}): DeclaredParam => ({
      name,
      type,
      example: null,
      hasDefault: false,
      description: '',
      ...extra,
    });
    expect(convertParam(p('from', 'string'), '2025')).toEqual({ ok: true, value: '2025' });
    expect(convertParam(p('limit', 'integer'), ' 10 ')).toEqual({ ok: true, value: 10 });
    expect(convertParam(p('limit', 'integer'), '1.5')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/\$limit must be an integer/),
    });
    expect(convertParam(p('min', 'float'), '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(convertParam(p('all', 'boolean'), 'yes')).toMatchObject({ ok: false });
    expect(convertParam(p('types', 'list|null'), 'SUPPLIES, ATTACKS')).toEqual({
      ok: true,
      value: ['SUPPLIES', 'ATTACKS'],
    });
    expect(convertParam(p('types', 'list|null'), '["MEETS"]')).toEqual({ ok: true, value: ['MEETS'] });
    expect(convertParam(p('types', 'list|null'), '')).toEqual({ ok: true, value: null });
    expect(convertParam(p('limit', 'integer', { hasDefault: true, default: 7 }), '')).toEqual({ ok: true, value: 7 });
    expect(convertParam(p('actor', 'string'), '')).toMatchObject({ ok: false, error: '$actor is required (string)' });
    expect(fieldText(p('types', 'list|null', { example: ['A', 'B'], hasDefault: true, default: null }))).toBe('');
    expect(fieldText(p('types', 'list', { example: ['A', 'B'] }))).toBe('A, B');
    const all = convertParams([p('from', 'string'), p('to', 'string')], { from: '2024-10', to: '2025' });
    expect(all).toEqual({ ok: true, params: { from: '2024-10', to: '2025' } });
  });
});

describe('export of the view', () => {
  const data = snapshotToDataGraph(cypherToSnapshot(PROVENANCE));
  const shown = toSigmaGraph(data, { ...EMPTY_FILTERS }, DEFAULT_SETTINGS);

  it('GEXF carries positions, sizes and colours in the viz namespace', () => {
    const gexf = exportFilteredGraph(data, shown, 'gexf');
    const doc = new DOMParser().parseFromString(gexf, 'text/xml');
    const node = [...Array.from(doc.getElementsByTagName('node'))].find((n) => n.getAttribute('id') === 'IRN')!;
    const pos = node.getElementsByTagName('viz:position')[0]!;
    expect(Number(pos.getAttribute('x'))).toBeCloseTo(shown.getNodeAttribute('IRN', 'x'), 3);
    expect(Number(pos.getAttribute('y'))).toBeCloseTo(shown.getNodeAttribute('IRN', 'y'), 3);
    const color = node.getElementsByTagName('viz:color')[0]!;
    const hex = shown.getNodeAttribute('IRN', 'color');
    expect(Number(color.getAttribute('r'))).toBe(parseInt(hex.slice(1, 3), 16));
    expect(node.getElementsByTagName('viz:size')).toHaveLength(1);
    expect(doc.getElementsByTagName('edge')[0]!.getElementsByTagName('viz:color')).toHaveLength(1);
  });

  it('GraphML carries x, y, size and color keys', () => {
    const graphml = exportFilteredGraph(data, shown, 'graphml');
    for (const k of ['x', 'y', 'size', 'color']) expect(graphml).toContain(`attr.name="${k}"`);
    expect(graphml).toContain(shown.getNodeAttribute('claim:c1', 'color'));
  });

  it('JSON carries the view with positions and colours, and only the documents and claims behind it', () => {
    const store = snapshotToDataGraph({
      nodes: [
        { id: 'IRN', name: 'Iran', type: 'Country', aliases: [] },
        { id: 'RUS', name: 'Russia', type: 'Country', aliases: [] },
        { id: 'org:brics', name: 'BRICS', type: 'Organization', aliases: [] },
      ],
      edges: [
        {
          key: 'IRN|SUPPLIES|RUS',
          subject: 'IRN',
          predicate: 'SUPPLIES',
          object: 'RUS',
          evidenceCount: 1,
          modalities: ['asserted'],
          confidence: 0.9,
        },
        {
          key: 'IRN|MEMBER_OF|org:brics',
          subject: 'IRN',
          predicate: 'MEMBER_OF',
          object: 'org:brics',
          evidenceCount: 2,
          modalities: ['asserted'],
          confidence: 0.8,
        },
      ],
      truncated: false,
      totalNodes: 3,
      totalEdges: 2,
    });
    const view = toSigmaGraph(store, { ...EMPTY_FILTERS, hiddenPredicates: ['MEMBER_OF'] }, DEFAULT_SETTINGS);
    const claim = (key: string, sentence: string): DocumentClaim => {
      const [subject, predicate, object] = key.split('|') as [string, DocumentClaim['predicate'], string];
      return {
        key,
        subject,
        predicate,
        object,
        modality: 'asserted',
        confidence: 0.9,
        items: [],
        start: 0,
        end: sentence.length,
        sentence,
      };
    };
    const doc = (id: string, claims: DocumentClaim[]): DocumentSummary & { claims: DocumentClaim[] } => ({
      id,
      source: `${id}.txt`,
      language: 'en',
      entities: 2,
      relations: claims.length,
      evidence: claims.length,
      hasText: true,
      claims,
    });
    const json = JSON.parse(
      exportViewJson(store, view, [
        doc('d1', [claim('IRN|SUPPLIES|RUS', 'Iran sent Shahed drones.'), claim('IRN|MEMBER_OF|org:brics', 'x')]),
        doc('d2', [claim('IRN|MEMBER_OF|org:brics', 'Iran joined BRICS.')]),
      ]),
    ) as { documents: Array<{ id: string; claims: DocumentClaim[] }> };
    expect(json.documents.map((d) => d.id)).toEqual(['d1']);
    expect(json.documents[0]!.claims.map((c) => c.sentence)).toEqual(['Iran sent Shahed drones.']);
    // Still graphology's serialisation: it reads back, with the drawn positions and colours.
    const back = new MultiGraph();
    back.import(json as never);
    expect(back.edges()).toEqual(['IRN|SUPPLIES|RUS']);
    expect(back.order).toBe(2);
    expect(back.getNodeAttributes('IRN')).toMatchObject({
      x: view.getNodeAttribute('IRN', 'x'),
      y: view.getNodeAttribute('IRN', 'y'),
      color: view.getNodeAttribute('IRN', 'color'),
    });
  });
});
