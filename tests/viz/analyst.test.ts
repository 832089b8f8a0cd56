// The viewer's analyst features in its pure core, without a browser: documents and the reader, the timeline and
// its brush, presets and large-graph defaults, focus depth, communities, connected items, orphans, certainty.

import { describe, expect, it } from 'vitest';
import { relationKey, type Predicate } from '../../src/model.js';
import type { DocumentClaim, GraphSnapshot, StoredRelation } from '../../src/store/types.js';
import { communities } from '../../viz/src/core/communities.js';
import { snapshotToDataGraph } from '../../viz/src/core/data-graph.js';
import { documentKeys, readerSegments } from '../../viz/src/core/documents.js';
import { EMPTY_FILTERS, type Filters } from '../../viz/src/core/filters.js';
import { PREDICATE_FAMILIES, predicateColor } from '../../viz/src/core/palette.js';
import { activePreset, applyPreset, initialFilters, NOISY_STRUCTURAL, PRESETS } from '../../viz/src/core/presets.js';
import { DEFAULT_SETTINGS, resolveSettings } from '../../viz/src/core/settings.js';
import { focusSet } from '../../viz/src/core/state.js';
import { brushedBins, brushRange, timelineBins } from '../../viz/src/core/timeline.js';
import { toSigmaGraph } from '../../viz/src/core/to-sigma-graph.js';
import { parseUrlState, serializeUrlState } from '../../viz/src/core/url-state.js';

function rel(s: string, p: Predicate, o: string, extra: Partial<StoredRelation> = {}): StoredRelation {
  return {
    key: relationKey(s, p, o),
    subject: s,
    predicate: p,
    object: o,
    evidenceCount: 1,
    modalities: ['asserted'],
    confidence: 0.8,
    ...extra,
  };
}

const SNAPSHOT: GraphSnapshot = {
  nodes: [
    { id: 'IRN', name: 'Iran', type: 'Country', aliases: [] },
    { id: 'RUS', name: 'Russia', type: 'Country', aliases: [] },
    { id: 'UKR', name: 'Ukraine', type: 'Country', aliases: [] },
    { id: 'person:putin', name: 'Vladimir Putin', type: 'Person', aliases: [] },
    { id: 'org:brookings', name: 'Brookings', type: 'Organization', aliases: [] },
    { id: 'person:indyk', name: 'Martin Indyk', type: 'Person', aliases: [] },
    { id: 'item:shahed', name: 'Shahed drone', type: 'Item', aliases: [] },
    { id: 'group:houthis', name: 'Houthis', type: 'ArmedGroup', aliases: [] },
  ],
  edges: [
    rel('IRN', 'SUPPLIES', 'RUS', { items: ['item:shahed'], firstSeen: '2024-10-11', lastSeen: '2024-10-11' }),
    rel('RUS', 'ATTACKS', 'UKR', { firstSeen: '2025-04-24', lastSeen: '2025-04-24' }),
    rel('person:putin', 'HEAD_OF_STATE', 'RUS'),
    rel('person:indyk', 'AFFILIATED_WITH', 'org:brookings'),
    rel('IRN', 'SUPPLIES', 'group:houthis', { modalities: ['denied'] }),
    rel('RUS', 'SUPPORTS', 'group:houthis', { modalities: ['alleged', 'denied'] }),
  ],
  truncated: false,
  totalNodes: 8,
  totalEdges: 6,
};
const data = snapshotToDataGraph(SNAPSHOT);
const filters = (f: Partial<Filters> = {}): Filters => ({ ...EMPTY_FILTERS, ...f });

function claim(key: string, start: number, end: number, extra: Partial<DocumentClaim> = {}): DocumentClaim {
  const [subject, predicate, object] = key.split('|') as [string, Predicate, string];
  return {
    key,
    subject,
    predicate,
    object,
    modality: 'asserted',
    confidence: 0.9,
    items: [],
    start,
    end,
    sentence: '',
    ...extra,
  };
}

describe('reader', () => {
  const text = 'Intro. Iran supplies drones to Russia. Middle. Russia attacks Ukraine. End.';
  const s1 = text.indexOf('Iran');
  const e1 = text.indexOf(' Middle');
  const s2 = text.indexOf('Russia attacks');
  const e2 = text.indexOf(' End');

  it('splits the text into plain runs and one highlight per evidence sentence, rebuilding the text', () => {
    const claims = [
      claim('IRN|SUPPLIES|RUS', s1, e1),
      claim('IRN|COOPERATES_WITH|RUS', s1, e1),
      claim('RUS|ATTACKS|UKR', s2, e2),
      claim('X|MEETS|Y', -1, -1),
      claim('X|MEETS|Z', 10, 999), // outside the text: ignored, never drawn
    ];
    const segs = readerSegments(text, claims);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    const marked = segs.filter((s) => s.claims.length > 0);
    expect(marked.map((s) => s.text)).toEqual(['Iran supplies drones to Russia.', 'Russia attacks Ukraine.']);
    expect(marked[0]!.claims.map((c) => c.predicate)).toEqual(['SUPPLIES', 'COOPERATES_WITH']);
    expect(segs[0]).toMatchObject({ text: 'Intro. ', claims: [] });
  });

  it('merges overlapping spans instead of drawing text twice', () => {
    const segs = readerSegments(text, [claim('A|MEETS|B', s1, e1), claim('C|MEETS|D', s1 + 5, s2 + 3)]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.claims.length).map((s) => s.claims.length)).toEqual([2]);
  });

  it("collects a document's relation keys, and the graph shows only those (nothing floating)", () => {
    const keys = documentKeys({ claims: [claim('IRN|SUPPLIES|RUS', 0, 1), claim('IRN|SUPPLIES|RUS', 2, 3)] });
    expect([...keys]).toEqual(['IRN|SUPPLIES|RUS']);
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS, { onlyKeys: keys });
    expect(g.edges().filter((e) => !g.getEdgeAttribute(e, 'derived'))).toEqual(['IRN|SUPPLIES|RUS']);
    // The supplied item stays, linked to the recipient; everything the document does not touch is gone.
    expect(g.nodes().sort()).toEqual(['IRN', 'RUS', 'item:shahed']);
  });
});

describe('timeline', () => {
  const timeline = {
    months: [
      { month: '2024', claims: 2, documents: 1 },
      { month: '2024-10', claims: 30, documents: 2 },
      { month: '2025-01', claims: 5, documents: 1 },
    ],
    undated: { claims: 9, documents: 1 },
  };

  it('bins every month between the first and the last, empty months included; year-only dates apart', () => {
    const { bins, yearOnly, before } = timelineBins(timeline);
    expect(bins.map((b) => b.month)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01']);
    expect(bins.map((b) => b.claims)).toEqual([30, 0, 0, 5]);
    expect(yearOnly).toBe(2);
    expect(before).toBe(0);
    const capped = timelineBins(timeline, 2);
    expect(capped.bins.map((b) => b.month)).toEqual(['2024-12', '2025-01']);
    expect(capped.before).toBe(30);
    expect(timelineBins({ months: [], undated: { claims: 3, documents: 1 } }).bins).toEqual([]);
  });

  it('turns a brush into a month range (either direction, clamped) and a range back into bins', () => {
    const { bins } = timelineBins(timeline);
    expect(brushRange(bins, 3, 1)).toEqual({ dateFrom: '2024-11', dateTo: '2025-01' });
    expect(brushRange(bins, -4, 0.2)).toEqual({ dateFrom: '2024-10', dateTo: '2024-10' });
    expect(brushedBins(bins, '2024-11', '2025-01')).toEqual([1, 3]);
    expect(brushedBins(bins, '2025', undefined)).toEqual([3, 3]);
    expect(brushedBins(bins, undefined, '2024-10-20')).toEqual([0, 0]);
    expect(brushedBins(bins, '2026', '2027')).toBeNull();
    expect(brushedBins(bins, undefined, undefined)).toBeNull();
    // The brushed range filters the graph: relations dated outside it go, undated ones stay.
    const g = toSigmaGraph(data, filters(brushRange(bins, 0, 0)), DEFAULT_SETTINGS);
    expect(g.hasEdge('IRN|SUPPLIES|RUS')).toBe(true);
    expect(g.hasEdge('RUS|ATTACKS|UKR')).toBe(false);
    expect(g.hasEdge('person:putin|HEAD_OF_STATE|RUS')).toBe(true);
  });
});

describe('legibility', () => {
  it('presets show only what their question needs, and are recognised again', () => {
    const states = applyPreset(
      PRESETS.find((p) => p.id === 'states')!,
      filters({ dateFrom: '2024' }),
    );
    expect(states.dateFrom).toBe('2024');
    const g = toSigmaGraph(data, states, DEFAULT_SETTINGS);
    expect(
      g
        .edges()
        .filter((e) => !g.getEdgeAttribute(e, 'derived'))
        .sort(),
    ).toEqual(['IRN|SUPPLIES|RUS', 'IRN|SUPPLIES|group:houthis', 'RUS|ATTACKS|UKR', 'RUS|SUPPORTS|group:houthis']);
    expect(g.hasNode('person:putin')).toBe(false);
    expect(activePreset(states)).toBe('states');
    const offices = toSigmaGraph(
      data,
      applyPreset(
        PRESETS.find((p) => p.id === 'offices')!,
        filters(),
      ),
      DEFAULT_SETTINGS,
    );
    expect(offices.edges().sort()).toEqual([
      'person:indyk|AFFILIATED_WITH|org:brookings',
      'person:putin|HEAD_OF_STATE|RUS',
    ]);
    expect(activePreset(filters())).toBe('all');
    expect(activePreset(filters({ hiddenPredicates: ['MEETS'] }))).toBeNull();
  });

  it('hides noisy structural relations by default on a large graph, unless the URL chose filters', () => {
    const url = filters();
    expect(initialFilters(url, false, 100, 150).hiddenPredicates).toEqual([]);
    expect(initialFilters(url, false, 151, 150).hiddenPredicates).toEqual([...NOISY_STRUCTURAL]);
    expect(initialFilters(url, true, 1000, 150)).toBe(url);
    // "Show all" chosen on a large graph survives the round trip through the URL.
    const search = serializeUrlState({ filters: filters(), hasFilters: true });
    expect(search).toBe('?filters=none');
    expect(parseUrlState(search).hasFilters).toBe(true);
  });

  it('hides nodes left without edges, except in a graph that has no relation at all', () => {
    const lonely = snapshotToDataGraph({
      ...SNAPSHOT,
      nodes: [...SNAPSHOT.nodes, { id: 'CHN', name: 'China', type: 'Country', aliases: [] }],
    });
    const g = toSigmaGraph(lonely, filters({ hiddenPredicates: ['AFFILIATED_WITH'] }), DEFAULT_SETTINGS);
    expect(g.hasNode('person:indyk')).toBe(false);
    expect(g.hasNode('org:brookings')).toBe(false);
    expect(g.hasNode('CHN')).toBe(false);
    const bare = snapshotToDataGraph({ ...SNAPSHOT, edges: [] });
    expect(toSigmaGraph(bare, filters(), DEFAULT_SETTINGS).order).toBe(SNAPSHOT.nodes.length);
    const kept = toSigmaGraph(
      lonely,
      filters({ hiddenPredicates: ['AFFILIATED_WITH'] }),
      resolveSettings({ hideOrphans: false }),
    );
    expect(kept.hasNode('person:indyk')).toBe(true);
  });

  it('focus mode keeps the neighbourhood to depth 1 or 2 bright', () => {
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    const nb = (n: string) => g.neighbors(n);
    expect([...focusSet(nb, 'UKR', 1)!].sort()).toEqual(['RUS', 'UKR']);
    const two = [...focusSet(nb, 'UKR', 2)!].sort();
    expect(two).toEqual(['IRN', 'RUS', 'UKR', 'group:houthis', 'item:shahed', 'person:putin'].sort());
    expect(focusSet(nb, null, 2)).toBeNull();
  });

  it('finds communities (largest first, deterministic) and colours nodes by them on request', () => {
    const g = toSigmaGraph(data, filters(), resolveSettings({ colorBy: 'community' }));
    const ranks = communities(g);
    expect(communities(g)).toEqual(ranks);
    expect(ranks.get('person:indyk')).toBe(ranks.get('org:brookings'));
    expect(ranks.get('person:indyk')).not.toBe(ranks.get('RUS'));
    expect(Math.min(...ranks.values())).toBe(0);
    expect(g.getNodeAttribute('person:indyk', 'color')).toBe(g.getNodeAttribute('org:brookings', 'color'));
    expect(g.getNodeAttribute('person:indyk', 'color')).not.toBe(g.getNodeAttribute('RUS', 'color'));
  });

  it('groups communities on request: edges inside one pull harder in the layout, colours untouched', () => {
    const plain = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    expect(plain.someEdge((_e, a) => a.weight !== undefined)).toBe(false);
    const g = toSigmaGraph(data, filters(), resolveSettings({ groupCommunities: true, communityPull: 5 }));
    const ranks = communities(g);
    g.forEachEdge((_e, a, s, t) => expect(a.weight).toBe(ranks.get(s) === ranks.get(t) ? 5 : 1));
    expect(g.someEdge((_e, a) => a.weight === 5)).toBe(true);
    expect(g.someEdge((_e, a) => a.weight === 1)).toBe(true);
    g.forEachNode((n, a) => expect(a.color).toBe(plain.getNodeAttribute(n, 'color')));
    expect(() => resolveSettings({ communityPull: 0.5 })).toThrow(/communityPull/);
  });

  it('conflict types share a warm family and cooperation a cool one, all distinct', () => {
    const hue = (hex: string) => {
      const [r, , b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as number[] as [
        number,
        number,
        number,
      ];
      return { warm: r > b, cool: b > r };
    };
    for (const [p, family] of Object.entries(PREDICATE_FAMILIES)) {
      if (family === 'conflict') expect(hue(predicateColor(p)).warm, p).toBe(true);
      if (family === 'cooperation') expect(hue(predicateColor(p)).cool, p).toBe(true);
    }
    const colours = Object.keys(PREDICATE_FAMILIES).map(predicateColor);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('evidence styling and items', () => {
  it('tells denied from alleged from asserted in style and label', () => {
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    const denied = g.getEdgeAttributes('IRN|SUPPLIES|group:houthis');
    const alleged = g.getEdgeAttributes('RUS|SUPPORTS|group:houthis');
    const asserted = g.getEdgeAttributes('IRN|SUPPLIES|RUS');
    expect([asserted.certainty, alleged.certainty, denied.certainty]).toEqual(['asserted', 'alleged', 'denied']);
    expect(denied.label).toMatch(/\(denied\)$/);
    expect(alleged.label).toMatch(/\(alleged\)$/);
    const alpha = (c: string) => Number(/,([\d.]+)\)$/.exec(c)?.[1] ?? 1);
    expect(alpha(denied.color)).toBeLessThan(alpha(alleged.color));
    expect(alpha(alleged.color)).toBeLessThan(alpha(asserted.color));
    expect(denied.size).toBeLessThan(asserted.size);
  });

  it('links a supplied item to the recipient, labelled by the supplier, pointing back to the SUPPLIES relation', () => {
    const g = toSigmaGraph(data, filters(), DEFAULT_SETTINGS);
    const key = 'IRN|SUPPLIES|RUS>item:shahed';
    expect(g.hasEdge(key)).toBe(true);
    expect(g.extremities(key)).toEqual(['item:shahed', 'RUS']);
    expect(g.getEdgeAttributes(key)).toMatchObject({
      derived: true,
      relation: 'IRN|SUPPLIES|RUS',
      label: 'supplied by Iran',
    });
    expect(g.degree('item:shahed')).toBe(1);
    const noSupplies = toSigmaGraph(data, filters({ hiddenPredicates: ['SUPPLIES'] }), DEFAULT_SETTINGS);
    expect(noSupplies.hasNode('item:shahed')).toBe(false);
  });
});

describe('URL state of the analyst features', () => {
  it('round-trips the document, focus depth, community colouring and grouping, dropping bad values', () => {
    const search = serializeUrlState({
      filters: filters(),
      document: '619f805b42000d02',
      depth: 2,
      colorBy: 'community',
      group: true,
    });
    const back = parseUrlState(search);
    expect(back).toMatchObject({ document: '619f805b42000d02', depth: 2, colorBy: 'community', group: true });
    expect(serializeUrlState(back)).toBe(search);
    expect(parseUrlState('?doc=<script>&depth=7&color=rainbow&group=yes')).toEqual({ filters: filters() });
  });
});
