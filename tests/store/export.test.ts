// Graph export from a snapshot: GEXF round-trips through graphology-gexf's parser, GraphML parses as XML with its
// keys declared and hostile names intact, CSV follows RFC 4180, JSON re-imports into graphology.

import { DOMParser } from '@xmldom/xmldom';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  csvField,
  edgesCsv,
  escapeXml,
  exportGraph,
  nodesCsv,
  snapshotToGraph,
  type ExportFormat,
} from '../../src/store/export.js';
import type { GraphSnapshot } from '../../src/store/types.js';

const HOSTILE = `Evil <&>"' Corp, "Ltd"\nline2`;

function snapshot(): GraphSnapshot {
  return {
    nodes: [
      { id: 'IRN', name: 'Iran', type: 'Country', aliases: ['Iran', 'Teheran'], iso2: 'IR', iso3: 'IRN', degree: 3 },
      {
        id: 'RUS',
        name: 'Russia',
        type: 'Country',
        aliases: ['Russland', 'Moskau'],
        iso2: 'RU',
        iso3: 'RUS',
        degree: 3,
      },
      { id: 'org:brics', name: 'BRICS', type: 'Organization', aliases: [], degree: 1 },
      { id: 'org:<evil>&"x"', name: HOSTILE, type: 'Organization', aliases: [`a'b`, 'c<d'], degree: 1 },
    ],
    edges: [
      {
        key: 'IRN|SUPPLIES|RUS',
        subject: 'IRN',
        predicate: 'SUPPLIES',
        object: 'RUS',
        evidenceCount: 3,
        modalities: ['reported', 'asserted'],
        firstSeen: '2024-10-11',
        lastSeen: '2024-11-02',
        items: ['item:shahed-136', 'item:srbm'],
        time: ['2024-09'],
        confidence: 0.9,
      },
      {
        // Symmetric and parallel to the SUPPLIES edge: an undirected edge of a multigraph.
        key: 'IRN|COOPERATES_WITH|RUS',
        subject: 'IRN',
        predicate: 'COOPERATES_WITH',
        object: 'RUS',
        evidenceCount: 2,
        modalities: ['asserted'],
        items: [],
        time: [],
        confidence: 0.75,
      },
      {
        key: 'IRN|MEMBER_OF|org:brics',
        subject: 'IRN',
        predicate: 'MEMBER_OF',
        object: 'org:brics',
        evidenceCount: 1,
        modalities: ['asserted'],
        firstSeen: '2024-10-11',
        lastSeen: '2024-10-11',
        confidence: 0.8,
      },
      {
        key: 'org:<evil>&"x"|CRITICIZES|RUS',
        subject: 'org:<evil>&"x"',
        predicate: 'CRITICIZES',
        object: 'RUS',
        evidenceCount: 1,
        modalities: ['alleged'],
        confidence: 0.5,
      },
      {
        // An endpoint the (cut) snapshot does not hold: left out of graph formats, counted.
        key: 'IRN|SUPPORTS|group:houthis',
        subject: 'IRN',
        predicate: 'SUPPORTS',
        object: 'group:houthis',
        evidenceCount: 1,
        modalities: ['alleged'],
        confidence: 0.6,
      },
    ],
    truncated: true,
    totalNodes: 21,
    totalEdges: 23,
  };
}

/** Strict enough for well-formedness: any xmldom warning or error fails the test. */
function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(`warning: ${m}`),
      error: (m: string) => problems.push(`error: ${m}`),
      fatalError: (m: string) => problems.push(`fatal: ${m}`),
    },
  }).parseFromString(text, 'application/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes) to check the writer independently. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('snapshotToGraph', () => {
  it('makes one node per entity and one edge per relation, symmetric types undirected, parallel edges kept', () => {
    const g = snapshotToGraph(snapshot());
    expect(g.order).toBe(4);
    expect(g.size).toBe(4);
    expect(g.isDirected('IRN|SUPPLIES|RUS')).toBe(true);
    expect(g.isUndirected('IRN|COOPERATES_WITH|RUS')).toBe(true);
    expect(g.getNodeAttributes('IRN')).toMatchObject({ label: 'Iran', entityType: 'Country', iso3: 'IRN', degree: 3 });
    expect(g.getEdgeAttributes('IRN|SUPPLIES|RUS')).toMatchObject({
      predicate: 'SUPPLIES',
      evidenceCount: 3,
      items: ['item:shahed-136', 'item:srbm'],
    });
    expect(g.getAttributes()).toMatchObject({ truncated: true, totalNodes: 21, totalEdges: 23, droppedEdges: 1 });
    // Sigma reads `type` as a rendering program: the data must not use it.
    g.forEachNode((_n, a) => expect(a).not.toHaveProperty('type'));
    g.forEachEdge((_e, a) => expect(a).not.toHaveProperty('type'));
  });
});

describe('GEXF', () => {
  it('round-trips through graphology-gexf: same nodes, edges, directions and attributes', () => {
    const original = snapshotToGraph(snapshot());
    const text = exportGraph(snapshot(), 'gexf');
    parseXml(text);
    const back = parseGexf(MultiGraph, text);
    expect(back.nodes().sort()).toEqual(original.nodes().sort());
    expect(back.edges().sort()).toEqual(original.edges().sort());
    original.forEachNode((node, attrs) => {
      const got = back.getNodeAttributes(node);
      for (const [k, v] of Object.entries(attrs)) {
        if (Array.isArray(v) && v.length === 0) expect(got[k] ?? [], `${node}.${k}`).toEqual([]);
        else expect(got[k], `${node}.${k}`).toEqual(v);
      }
    });
    original.forEachEdge((edge, attrs, source, target, _s, _t, undirected) => {
      expect(back.source(edge)).toBe(source);
      expect(back.target(edge)).toBe(target);
      expect(back.isUndirected(edge)).toBe(undirected);
      const got = back.getEdgeAttributes(edge);
      for (const [k, v] of Object.entries(attrs)) {
        if (Array.isArray(v) && v.length === 0) expect(got[k] ?? [], `${edge}.${k}`).toEqual([]);
        else expect(got[k], `${edge}.${k}`).toEqual(v);
      }
      expect(got.weight).toBe(attrs.evidenceCount);
      expect(got.label).toBe(attrs.predicate);
    });
    expect(back.getNodeAttribute('org:<evil>&"x"', 'label')).toBe(HOSTILE);
  });
});

describe('GraphML', () => {
  it('is well-formed, declares a typed key for every data element, and keeps hostile names intact', () => {
    const text = exportGraph(snapshot(), 'graphml');
    const doc = parseXml(text);
    const keys = new Map<string, Element>();
    for (const k of Array.from(doc.getElementsByTagName('key'))) keys.set(k.getAttribute('id')!, k);
    const data = Array.from(doc.getElementsByTagName('data'));
    expect(data.length).toBeGreaterThan(20);
    for (const d of data) expect(keys.has(d.getAttribute('key')!), d.getAttribute('key')!).toBe(true);
    expect(keys.get('e_evidenceCount')!.getAttribute('attr.type')).toBe('int');
    expect(keys.get('e_confidence')!.getAttribute('attr.type')).toBe('double');
    expect(keys.get('g_truncated')!.getAttribute('attr.type')).toBe('boolean');
    expect(keys.get('n_label')!.getAttribute('for')).toBe('node');

    const nodes = Array.from(doc.getElementsByTagName('node'));
    expect(nodes.map((n) => n.getAttribute('id')).sort()).toEqual(snapshotToGraph(snapshot()).nodes().sort());
    const evil = nodes.find((n) => n.getAttribute('id') === 'org:<evil>&"x"')!;
    const value = (el: Element, key: string) =>
      Array.from(el.getElementsByTagName('data')).find((d) => d.getAttribute('key') === key)?.textContent;
    expect(value(evil, 'n_label')).toBe(HOSTILE);
    expect(value(evil, 'n_aliases')).toBe(`a'b|c<d`);

    const edges = Array.from(doc.getElementsByTagName('edge'));
    expect(edges).toHaveLength(4);
    const coop = edges.find((e) => e.getAttribute('id') === 'IRN|COOPERATES_WITH|RUS')!;
    expect(value(coop, 'e_symmetric')).toBe('true');
    const supplies = edges.find((e) => e.getAttribute('id') === 'IRN|SUPPLIES|RUS')!;
    expect(value(supplies, 'e_symmetric')).toBe('false');
    expect(value(supplies, 'e_items')).toBe('item:shahed-136|item:srbm');
    expect(edges.find((e) => e.getAttribute('source') === 'org:<evil>&"x"')).toBeDefined();
  });

  it('round-trips through graphology-graphml: same nodes, edges, typed attributes, lists as a|b', () => {
    const original = snapshotToGraph(snapshot());
    const back = parseGraphml(MultiGraph, exportGraph(snapshot(), 'graphml'));
    expect(back.nodes().sort()).toEqual(original.nodes().sort());
    expect(back.edges().sort()).toEqual(original.edges().sort());
    const flat = (v: unknown) => (Array.isArray(v) ? (v.length ? v.join('|') : undefined) : v);
    original.forEachNode((node, attrs) => {
      const got = back.getNodeAttributes(node);
      for (const [k, v] of Object.entries(attrs)) expect(got[k], `${node}.${k}`).toEqual(flat(v));
    });
    original.forEachEdge((edge, attrs, source, target) => {
      expect([back.source(edge), back.target(edge)]).toEqual([source, target]);
      const got = back.getEdgeAttributes(edge);
      for (const [k, v] of Object.entries(attrs)) expect(got[k], `${edge}.${k}`).toEqual(flat(v));
    });
    expect(back.getAttributes()).toMatchObject({ truncated: true, totalNodes: 21, droppedEdges: 1 });
  });

  it('escapes markup, quotes and line breaks, and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\nb\tc')).toBe('a&#10;b&#9;c');
    expect(escapeXml('bell\u0007 \uD800x')).toBe('bell\uFFFD \uFFFDx');
    expect(escapeXml('ok \uD83D\uDE00')).toBe('ok \uD83D\uDE00');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180: commas, quotes and line breaks survive a strict reader', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField(['a', 'b'])).toBe('a|b');
    expect(csvField(undefined)).toBe('');

    const edges = readCsv(exportGraph(snapshot(), 'csv'));
    expect(edges[0]).toEqual([
      'source',
      'target',
      'predicate',
      'directed',
      'evidenceCount',
      'modalities',
      'firstSeen',
      'lastSeen',
      'items',
      'time',
      'confidence',
      'key',
      'sourceName',
      'targetName',
    ]);
    expect(edges).toHaveLength(1 + snapshot().edges.length);
    const rows = edges.slice(1).map((r) => Object.fromEntries(edges[0]!.map((c, i) => [c, r[i]])));
    expect(rows[0]).toMatchObject({
      source: 'IRN',
      target: 'RUS',
      predicate: 'SUPPLIES',
      directed: 'true',
      evidenceCount: '3',
      modalities: 'reported|asserted',
      items: 'item:shahed-136|item:srbm',
    });
    expect(rows[1]!.directed).toBe('false');
    expect(rows[3]).toMatchObject({ source: 'org:<evil>&"x"', sourceName: HOSTILE });

    const nodes = readCsv(nodesCsv(snapshot()));
    expect(nodes[0]).toEqual(['id', 'name', 'type', 'aliases', 'iso2', 'iso3', 'wikidata', 'degree']);
    expect(nodes.find((r) => r[0] === 'org:<evil>&"x"')!.slice(1, 4)).toEqual([HOSTILE, 'Organization', `a'b|c<d`]);
    expect(edgesCsv({ ...snapshot(), edges: [] })).toBe(`${edges[0]!.join(',')}\r\n`);
  });
});

describe('exportGraph', () => {
  it('writes JSON graphology reads back with graph.import', () => {
    const back = new MultiGraph();
    back.import(JSON.parse(exportGraph(snapshot(), 'json')));
    expect(back.order).toBe(4);
    expect(back.getEdgeAttribute('IRN|SUPPLIES|RUS', 'modalities')).toEqual(['reported', 'asserted']);
  });

  it('handles an empty snapshot in every format and refuses an unknown one', () => {
    const empty: GraphSnapshot = { nodes: [], edges: [], truncated: false, totalNodes: 0, totalEdges: 0 };
    for (const f of ['graphml', 'gexf', 'json', 'csv'] as ExportFormat[])
      expect(exportGraph(empty, f).length).toBeGreaterThan(0);
    parseXml(exportGraph(empty, 'graphml'));
    expect(parseGexf(MultiGraph, exportGraph(empty, 'gexf')).order).toBe(0);
    expect(() => exportGraph(empty, 'dot' as ExportFormat)).toThrow(InputError);
  });

  it('imports nothing Node-only, so the viewer can bundle it', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../src/store/export.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.filter((s) => s!.startsWith('node:') || s === 'graphology-gexf')).toEqual([]);
  });
});
