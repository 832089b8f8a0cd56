// The viewer's pure core, without a browser: deriving the sigma graph from data × filters × settings, the URL
// state round trip, settings validation, Cypher answers as graphs, and the GraphML writer.

import { describe, expect, it } from 'vitest';
import type { GraphSnapshot, StoredRelation } from '../../src/store/types.js';
import { relationKey, type Predicate } from '../../src/model.js';
import { generateSnapshot } from '../../src/server/generate.js';
import { cypherToSnapshot } from '../../viz/src/core/cypher-graph.js';
import { mergeSnapshot, snapshotToDataGraph, visibleSnapshot } from '../../viz/src/core/data-graph.js';
import { EMPTY_FILTERS, type Filters } from '../../viz/src/core/filters.js';
import { exportGraph } from '../../src/store/export.js';
import { predicateColor } from '../../viz/src/core/palette.js';
import { DEFAULT_SETTINGS, resolveSettings, SettingsError, validateSettings } from '../../viz/src/core/settings.js';
import { toSigmaGraph } from '../../viz/src/core/to-sigma-graph.js';
import { parseUrlState, serializeUrlState } from '../../viz/src/core/url-state.js';

function rel(
  subject: string,
  predicate: Predicate,
  object: string,
  extra: Partial<StoredRelation> = {},
): StoredRelation {
  return {
    key: relationKey(subject, predicate, object),
    subject,
    predicate,
    object,
    evidenceCount: 1,
    modalities: ['asserted'],
    confidence: 0.9,
    ...extra,
  };
}

const SNAPSHOT: GraphSnapshot = {
  nodes: [
    { id: 'IRN', name: 'Iran', type: 'Country', aliases: ['Iran'] },
    { id: 'RUS', name: 'Russia', type: 'Country', aliases: ['Russland'] },
    { id: 'org:brics', name: 'BRICS', type: 'Organization', aliases: [] },
    { id: 'armed:houthis', name: 'Houthis', type: 'ArmedGroup', aliases: ['Huthi'] },
    { id: 'item:shahed', name: 'Shahed drones', type: 'Item', aliases: [] },
  ],
  edges: [
    rel('IRN', 'SUPPLIES', 'RUS', {
      evidenceCount: 3,
      modalities: ['reported'],
      firstSeen: '2023-05-01',
      lastSeen: '2024-09-10',
    }),
    rel('IRN', 'MEMBER_OF', 'org:brics', { firstSeen: '2024-01-01' }),
    rel('RUS', 'COOPERATES_WITH', 'IRN'),
    rel('RUS', 'SUPPORTS', 'armed:houthis', { modalities: ['alleged'] }),
  ],
  truncated: false,
  totalNodes: 5,
  totalEdges: 4,
};

const filters = (f: Partial<Filters> = {}): Filters => ({ ...EMPTY_FILTERS, ...f });

describe('toSigmaGraph', () => {
  const data = snapshotToDataGraph(SNAPSHOT);

  it('draws every entity and relation with type colours, arrows for directed types', () => {
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    // The Shahed item has no relation in this snapshot: a floating node, hidden.
    expect(g.order).toBe(4);
    expect(g.hasNode('item:shahed')).toBe(false);
    expect(g.size).toBe(4);
    expect(['arrow', 'curvedArrow']).toContain(g.getEdgeAttribute('IRN|SUPPLIES|RUS', 'type'));
    expect(g.getEdgeAttribute('IRN|MEMBER_OF|org:brics', 'type')).toBe('arrow');
    expect(g.getEdgeAttribute('IRN|SUPPLIES|RUS', 'color')).toBe(predicateColor('SUPPLIES'));
    // Symmetric types are stored in id order and drawn without an arrow.
    expect(['line', 'curved']).toContain(g.getEdgeAttribute('IRN|COOPERATES_WITH|RUS', 'type'));
    expect(g.getNodeAttribute('IRN', 'color')).not.toBe(g.getNodeAttribute('org:brics', 'color'));
  });

  it('fades alleged/denied claims, not reported ones', () => {
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    expect(g.getEdgeAttribute('RUS|SUPPORTS|armed:houthis', 'uncertain')).toBe(true);
    expect(g.getEdgeAttribute('RUS|SUPPORTS|armed:houthis', 'color')).toMatch(/^rgba\(.*,0\.3\)$/);
    expect(g.getEdgeAttribute('IRN|SUPPLIES|RUS', 'uncertain')).toBe(false);
  });

  it('filters by relation type, entity type, modality and date range', () => {
    const noSupplies = toSigmaGraph(data, filters({ hiddenPredicates: ['SUPPLIES'] }), DEFAULT_SETTINGS);
    expect(noSupplies.hasEdge('IRN|SUPPLIES|RUS')).toBe(false);
    expect(noSupplies.size).toBe(3);
    const noOrgs = toSigmaGraph(data, filters({ hiddenTypes: ['Organization'] }), DEFAULT_SETTINGS);
    expect(noOrgs.hasNode('org:brics')).toBe(false);
    expect(noOrgs.hasEdge('IRN|MEMBER_OF|org:brics')).toBe(false);
    const noAlleged = toSigmaGraph(data, filters({ hiddenModalities: ['alleged'] }), DEFAULT_SETTINGS);
    expect(noAlleged.hasEdge('RUS|SUPPORTS|armed:houthis')).toBe(false);
    expect(noAlleged.hasEdge('IRN|SUPPLIES|RUS')).toBe(true);
    const after2024 = toSigmaGraph(data, filters({ dateFrom: '2024-06' }), DEFAULT_SETTINGS);
    expect(after2024.hasEdge('IRN|SUPPLIES|RUS')).toBe(true); // runs until 2024-09
    expect(after2024.hasEdge('IRN|MEMBER_OF|org:brics')).toBe(false); // only seen 2024-01
    expect(after2024.hasEdge('IRN|COOPERATES_WITH|RUS')).toBe(true); // undated relations are kept
    const before2024 = toSigmaGraph(data, filters({ dateTo: '2023' }), DEFAULT_SETTINGS);
    expect(before2024.hasEdge('IRN|SUPPLIES|RUS')).toBe(true);
    expect(before2024.hasEdge('IRN|MEMBER_OF|org:brics')).toBe(false);
  });

  it('sizes by degree or by PageRank', () => {
    const byDegree = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    expect(byDegree.getNodeAttribute('IRN', 'score')).toBe(3);
    expect(byDegree.getNodeAttribute('IRN', 'size')).toBe(DEFAULT_SETTINGS.maxNodeSize);
    expect(byDegree.getNodeAttribute('org:brics', 'size')).toBe(DEFAULT_SETTINGS.minNodeSize);
    const byRank = toSigmaGraph(data, filters(), resolveSettings({ sizeBy: 'pagerank' }));
    const score = (id: string) => byRank.getNodeAttribute(id, 'score');
    const total = byRank.nodes().reduce((n, id) => n + score(id), 0);
    expect(total).toBeCloseTo(1, 5);
    expect(score('org:brics')).toBeGreaterThan(0);
    expect(score('IRN')).toBeLessThan(1);
  });

  it('is pure: the data graph is untouched and positions carry over', () => {
    const before = JSON.stringify([...data.nodes.values()]);
    const g = toSigmaGraph(data, filters({ hiddenPredicates: ['MEMBER_OF'] }), DEFAULT_SETTINGS);
    g.setNodeAttribute('IRN', 'x', 12345);
    expect(JSON.stringify([...data.nodes.values()])).toBe(before);
    expect(toSigmaGraph(data, filters(), DEFAULT_SETTINGS).getNodeAttribute('RUS', 'x')).toBe(data.nodes.get('RUS')!.x);
  });

  it('merges an expansion around its anchor, keeping known positions', () => {
    const base = snapshotToDataGraph({
      ...SNAPSHOT,
      nodes: SNAPSHOT.nodes.slice(0, 2),
      edges: SNAPSHOT.edges.slice(0, 1),
    });
    const iran = base.nodes.get('IRN')!;
    const merged = mergeSnapshot(base, SNAPSHOT, { x: iran.x, y: iran.y });
    expect(merged.nodes.size).toBe(5);
    expect(merged.nodes.get('IRN')!.x).toBe(iran.x);
    const brics = merged.nodes.get('org:brics')!;
    expect(Math.hypot(brics.x - iran.x, brics.y - iran.y)).toBeLessThan(10);
    expect(base.nodes.size).toBe(2);
  });

  it('handles a 10k/50k generated graph', () => {
    const snapshot = generateSnapshot(10_000, 50_000);
    const big = snapshotToDataGraph(snapshot);
    const g = toSigmaGraph(big, filters({ hiddenPredicates: ['MEETS'] }), DEFAULT_SETTINGS);
    // Nodes whose only relations were MEETS are left without edges, and hidden; nodes that never had a relation
    // stay, and supplied items are linked to their recipients.
    const kept = (e: StoredRelation) => e.predicate !== 'MEETS' && e.subject !== e.object;
    const touched = new Set(snapshot.edges.flatMap((e) => [e.subject, e.object, ...(e.items ?? [])]));
    const linked = new Set(snapshot.edges.filter(kept).flatMap((e) => [e.subject, e.object, ...(e.items ?? [])]));
    expect(g.order).toBe(linked.size);
    expect(touched.size).toBeGreaterThanOrEqual(linked.size);
    expect(g.order).toBeGreaterThan(9000);
    expect(g.size).toBeGreaterThan(40_000);
    expect(g.someEdge((_e, a) => a.predicate === 'MEETS')).toBe(false);
  });
});

describe('URL state', () => {
  it('round-trips selection, filters and the size switch', () => {
    const state = {
      entity: 'org:brics',
      filters: filters({
        hiddenPredicates: ['SUPPLIES', 'MEETS'],
        hiddenTypes: ['Item'],
        hiddenModalities: ['denied'],
        dateFrom: '2022',
        dateTo: '2024-06-30',
      }),
      sizeBy: 'pagerank' as const,
    };
    const search = serializeUrlState(state);
    expect(search).toContain('entity=org%3Abrics');
    const back = parseUrlState(search);
    expect(back.entity).toBe('org:brics');
    expect(back.sizeBy).toBe('pagerank');
    expect(new Set(back.filters.hiddenPredicates)).toEqual(new Set(['SUPPLIES', 'MEETS']));
    expect(back.filters).toMatchObject({
      hiddenTypes: ['Item'],
      hiddenModalities: ['denied'],
      dateFrom: '2022',
      dateTo: '2024-06-30',
    });
    expect(serializeUrlState(back)).toBe(search);
  });

  it('drops unknown or malformed values instead of trusting them', () => {
    const s = parseUrlState('?hideRel=SUPPLIES,DROP_TABLE&hideType=Alien&from=yesterday&size=huge&bench=9x');
    expect(s.filters.hiddenPredicates).toEqual(['SUPPLIES']);
    expect(s.filters.hiddenTypes).toEqual([]);
    expect(s.filters.dateFrom).toBeUndefined();
    expect(s.sizeBy).toBeUndefined();
    expect(s.bench).toBeUndefined();
    expect(serializeUrlState({ filters: filters() })).toBe('');
  });
});

describe('settings', () => {
  it('accepts the defaults and names the bad setting', () => {
    expect(() => validateSettings({ ...DEFAULT_SETTINGS })).not.toThrow();
    expect(() => resolveSettings({ sizeBy: 'betweenness' as never })).toThrow(/sizeBy/);
    expect(() => resolveSettings({ minNodeSize: 30, maxNodeSize: 10 })).toThrow(SettingsError);
    expect(() => resolveSettings({ uncertainAlpha: 2 })).toThrow(/uncertainAlpha/);
    expect(() => resolveSettings({ layoutMaxMs: 0 })).toThrow(/layoutMaxMs/);
  });
});

describe('Cypher answers as graphs', () => {
  it('keeps store ids, names and types, and links relationships by element id', () => {
    const snap = cypherToSnapshot({
      columns: ['a', 'r', 'b'],
      rows: [],
      nodes: [
        { id: '4:x:1', labels: ['Entity', 'Country'], properties: { id: 'IRN', name: 'Iran' } },
        { id: '4:x:2', labels: ['Entity', 'Organization'], properties: { id: 'org:brics', name: 'BRICS' } },
        { id: '4:x:3', labels: ['Document'], properties: { title: 'An article' } },
      ],
      relationships: [
        { id: '5:x:1', type: 'MEMBER_OF', start: '4:x:1', end: '4:x:2', properties: { evidenceCount: 2 } },
        { id: '5:x:2', type: 'MENTIONS', start: '4:x:3', end: '4:x:1', properties: {} },
        { id: '5:x:3', type: 'MEMBER_OF', start: '4:x:1', end: '4:x:404', properties: {} },
      ],
      truncated: false,
    });
    expect(snap.nodes.map((n) => [n.id, n.name, n.type])).toEqual([
      ['IRN', 'Iran', 'Country'],
      ['org:brics', 'BRICS', 'Organization'],
      ['cypher:4:x:3', 'An article (undated)', 'Document'],
    ]);
    expect(snap.edges).toHaveLength(2);
    expect(snap.edges[0]).toMatchObject({
      key: 'IRN|MEMBER_OF|org:brics',
      subject: 'IRN',
      object: 'org:brics',
      evidenceCount: 2,
    });
    const g = toSigmaGraph(snapshotToDataGraph(snap), filters(), DEFAULT_SETTINGS);
    expect(g.source('IRN|MEMBER_OF|org:brics')).toBe('IRN');
  });
});

describe('export of the current filtered graph', () => {
  it('contains exactly what is on screen, in GraphML and GEXF', () => {
    const data = snapshotToDataGraph(SNAPSHOT);
    const shown = toSigmaGraph(
      data,
      filters({ hiddenPredicates: ['SUPPLIES'], hiddenTypes: ['Item'] }),
      DEFAULT_SETTINGS,
    );
    const snap = visibleSnapshot(data, shown);
    expect(snap.nodes.map((n) => n.id).sort()).toEqual(['IRN', 'RUS', 'armed:houthis', 'org:brics']);
    expect(snap.edges.map((e) => e.predicate).sort()).toEqual(['COOPERATES_WITH', 'MEMBER_OF', 'SUPPORTS']);
    expect(snap.nodes.find((n) => n.id === 'IRN')).not.toHaveProperty('x');
    const graphml = exportGraph(snap, 'graphml');
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('MEMBER_OF');
    expect(graphml).not.toContain('SUPPLIES');
    expect(graphml).not.toContain('Shahed');
    const gexf = exportGraph(snap, 'gexf');
    expect(gexf).toContain('<gexf');
    expect(gexf.match(/<node /g)).toHaveLength(4);
  });
});

describe('parallel relations', () => {
  it('fan out as curves, the middle one straight, so none hides another', () => {
    const data = snapshotToDataGraph({
      ...SNAPSHOT,
      edges: [
        rel('IRN', 'SUPPLIES', 'RUS'),
        rel('IRN', 'COOPERATES_WITH', 'RUS'),
        rel('RUS', 'SUPPORTS', 'IRN'),
        rel('IRN', 'MEMBER_OF', 'org:brics'),
      ],
    });
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    const between = [...new Set([...g.edges('IRN', 'RUS'), ...g.edges('RUS', 'IRN')])];
    expect(between).toHaveLength(3);
    const types = between.map((e) => g.getEdgeAttribute(e, 'type')).sort();
    expect(types.filter((t) => t.startsWith('curved'))).toHaveLength(2);
    // Bends on opposite sides once each edge's direction is accounted for.
    const side = (e: string) => {
      const [s, t] = g.extremities(e);
      return Math.sign((g.getEdgeAttribute(e, 'curvature') ?? 0) * (s < t ? 1 : -1));
    };
    expect(new Set(between.map(side))).toEqual(new Set([-1, 0, 1]));
    expect(g.getEdgeAttribute('IRN|MEMBER_OF|org:brics', 'type')).toBe('arrow');
    expect(g.getEdgeAttribute('IRN|MEMBER_OF|org:brics', 'curvature')).toBeUndefined();
  });
});

describe('edge labels', () => {
  it('name the relation type and, for SUPPLIES, what is supplied', () => {
    const data = snapshotToDataGraph({
      ...SNAPSHOT,
      edges: [
        rel('IRN', 'SUPPLIES', 'RUS', { items: ['item:shahed', 'item:unknown'] }),
        rel('IRN', 'MEMBER_OF', 'org:brics'),
      ],
    });
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    expect(g.getEdgeAttribute('IRN|SUPPLIES|RUS', 'label')).toBe('SUPPLIES: Shahed drones, item:unknown');
    expect(g.getEdgeAttribute('IRN|MEMBER_OF|org:brics', 'label')).toBe('MEMBER_OF');
    expect(() => resolveSettings({ edgeLabelsUpTo: -1 })).toThrow(/edgeLabelsUpTo/);
  });
});
