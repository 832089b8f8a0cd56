// Graph export, pure and browser-safe (no node: imports; the viewer may bundle it): a store snapshot becomes a
// graphology graph, then GEXF (graphology-gexf's writer), GraphML (written here: graphology has none), JSON or CSV.

import { MultiGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { Attributes } from 'graphology-types';
import type { write as GexfWrite } from 'graphology-gexf/browser/index.js';
// @ts-expect-error -- the environment-neutral writer ships without its own .d.ts; typed through GexfWrite below.
// The package's node entry pulls in an XML DOM and its browser entry needs a global DOMParser at load time.
import gexfWriter from 'graphology-gexf/common/writer.js';
import { InputError } from '../errors.js';
import { SYMMETRIC_PREDICATES, type Predicate } from '../model.js';
import type { DocumentDetail, GraphSnapshot } from './types.js';

const writeGexf = gexfWriter as typeof GexfWrite;

export type ExportFormat = 'graphml' | 'gexf' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['graphml', 'gexf', 'json', 'csv'];

/**
 * Node attributes. `label` is the name (what Gephi and sigma show); the entity type is `entityType`, never `type`,
 * because sigma reads a node's `type` as the name of its rendering program.
 */
export interface ExportNodeAttributes extends Attributes {
  label: string;
  entityType: string;
  aliases: string[];
  iso2?: string;
  iso3?: string;
  wikidata?: string;
  degree?: number;
}

/** Edge attributes; the relation type is `predicate` (sigma reads an edge's `type` as its rendering program). */
export interface ExportEdgeAttributes extends Attributes {
  predicate: string;
  key: string;
  evidenceCount: number;
  modalities: string[];
  firstSeen?: string;
  lastSeen?: string;
  items: string[];
  time: string[];
  confidence: number;
  /** MEETS, COOPERATES_WITH, ALLIED_WITH, SIGNS_AGREEMENT: undirected here, stored in id order. */
  symmetric: boolean;
}

export interface ExportGraphAttributes extends Attributes {
  name: string;
  truncated: boolean;
  totalNodes: number;
  totalEdges: number;
  /** Edges of the snapshot whose endpoints were not in it (a cut graph): left out. */
  droppedEdges: number;
}

export type ExportGraph = MultiGraph<ExportNodeAttributes, ExportEdgeAttributes, ExportGraphAttributes>;

/**
 * The snapshot as a mixed multigraph: one node per entity, one edge per stored relation keyed by its relation key;
 * symmetric types (MEETS, COOPERATES_WITH, ALLIED_WITH, SIGNS_AGREEMENT) are undirected edges.
 */
export function snapshotToGraph(snapshot: GraphSnapshot): ExportGraph {
  const graph: ExportGraph = new MultiGraph({ allowSelfLoops: true });
  let dropped = 0;
  for (const n of snapshot.nodes) {
    if (graph.hasNode(n.id)) continue;
    const attrs: ExportNodeAttributes = { label: n.name, entityType: n.type, aliases: [...(n.aliases ?? [])] };
    if (n.iso2) attrs.iso2 = n.iso2;
    if (n.iso3) attrs.iso3 = n.iso3;
    if (n.wikidata) attrs.wikidata = n.wikidata;
    if (typeof n.degree === 'number') attrs.degree = n.degree;
    graph.addNode(n.id, attrs);
  }
  for (const e of snapshot.edges) {
    if (graph.hasEdge(e.key)) continue;
    if (!graph.hasNode(e.subject) || !graph.hasNode(e.object)) {
      dropped++;
      continue;
    }
    const attrs: ExportEdgeAttributes = {
      predicate: e.predicate,
      key: e.key,
      evidenceCount: e.evidenceCount,
      modalities: [...(e.modalities ?? [])],
      items: [...(e.items ?? [])],
      time: [...(e.time ?? [])],
      confidence: e.confidence,
      symmetric: SYMMETRIC_PREDICATES.has(e.predicate as Predicate),
    };
    if (e.firstSeen) attrs.firstSeen = e.firstSeen;
    if (e.lastSeen) attrs.lastSeen = e.lastSeen;
    if (attrs.symmetric) graph.addUndirectedEdgeWithKey(e.key, e.subject, e.object, attrs);
    else graph.addDirectedEdgeWithKey(e.key, e.subject, e.object, attrs);
  }
  graph.replaceAttributes({
    name: 'geokg',
    truncated: snapshot.truncated,
    totalNodes: snapshot.totalNodes,
    totalEdges: snapshot.totalEdges,
    droppedEdges: dropped,
  });
  return graph;
}

/** Lists travel as `a|b|c` in GEXF 1.2 (its liststring convention), GraphML and CSV; empty lists are left out. */
const LIST_SEPARATOR = '|';

function flatAttributes(attrs: Attributes): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) out[k] = v;
    } else out[k] = v;
  }
  return out;
}

/**
 * Positions, sizes and colours (the viewer's export sets them) go into GEXF's viz namespace, where Gephi reads
 * them, instead of plain attributes; a store export has none and writes no viz element.
 */
function vizOf(v: Attributes): { viz?: Attributes } {
  const viz: Attributes = {};
  for (const k of ['x', 'y', 'size'] as const) if (typeof v[k] === 'number' && Number.isFinite(v[k])) viz[k] = v[k];
  if (typeof v.color === 'string' && v.color) viz.color = v.color;
  return Object.keys(viz).length ? { viz } : {};
}

/** GEXF 1.2 through graphology-gexf's writer; list attributes become liststring (`a|b`), read back as arrays. */
export function toGexf(graph: AbstractGraph): string {
  return writeGexf(graph, {
    version: '1.2',
    pretty: true,
    formatNode: (_key, attrs) => {
      const { label, x, y, size, color, ...rest } = attrs;
      return {
        label: typeof label === 'string' ? label : String(label ?? ''),
        attributes: flatAttributes(rest),
        ...vizOf({ x, y, size, color }),
      };
    },
    // Label and weight are what Gephi shows and lays out by: the relation type and its evidence count.
    formatEdge: (_key, attrs) => {
      const { color, ...rest } = attrs;
      return {
        label: String(attrs.predicate ?? ''),
        weight: typeof attrs.evidenceCount === 'number' ? attrs.evidenceCount : 1,
        attributes: flatAttributes(rest),
        ...vizOf({ color }),
      };
    },
  });
}

// XML 1.0 cannot carry these at all, not even escaped: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value.replace(XML_INVALID, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        // Tab, LF and CR as character references so attribute values keep them (parsers normalise raw ones).
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';

function graphmlType(v: unknown): GraphmlType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double';
    return Math.abs(v) <= 0x7fffffff ? 'int' : 'long';
  }
  return 'string';
}

const WIDER: Record<GraphmlType, number> = { boolean: 0, int: 1, long: 2, double: 3, string: 4 };

function widen(a: GraphmlType | undefined, b: GraphmlType): GraphmlType {
  if (!a) return b;
  if (a === b) return a;
  const numeric = (t: GraphmlType) => t === 'int' || t === 'long' || t === 'double';
  if (numeric(a) && numeric(b)) return WIDER[a] > WIDER[b] ? a : b;
  return 'string';
}

function graphmlValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(LIST_SEPARATOR);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * GraphML with a typed <key> per attribute (inferred over all nodes or edges). Every edge is written directed
 * (undirected ones source→target as stored, flagged by their `symmetric` attribute): widely used readers refuse
 * mixed GraphML (networkx) or ignore `directed="false"` (graphology-graphml). Lists are `a|b`: GraphML has none.
 */
export function toGraphml(graph: AbstractGraph): string {
  const keys = new Map<string, { id: string; for: 'graph' | 'node' | 'edge'; name: string; type: GraphmlType }>();
  const declare = (scope: 'graph' | 'node' | 'edge', name: string, v: unknown) => {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return;
    const id = `${scope[0]}_${name}`;
    const t = Array.isArray(v) || typeof v === 'object' ? 'string' : graphmlType(v);
    const k = keys.get(id);
    keys.set(id, { id, for: scope, name, type: widen(k?.type, t) });
  };
  const ga = graph.getAttributes();
  for (const [k, v] of Object.entries(ga)) declare('graph', k, v);
  graph.forEachNode((_n, a) => {
    for (const [k, v] of Object.entries(a)) declare('node', k, v);
  });
  graph.forEachEdge((_e, a) => {
    for (const [k, v] of Object.entries(a)) declare('edge', k, v);
  });

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of keys.values())
    lines.push(
      `  <key id="${escapeXml(k.id)}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
    );
  const data = (scope: 'graph' | 'node' | 'edge', attrs: Attributes, indent: string) => {
    for (const [name, v] of Object.entries(attrs)) {
      const id = `${scope[0]}_${name}`;
      if (!keys.has(id) || v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
      lines.push(`${indent}<data key="${escapeXml(id)}">${escapeXml(graphmlValue(v))}</data>`);
    }
  };
  lines.push('  <graph id="G" edgedefault="directed">');
  data('graph', ga, '    ');
  graph.forEachNode((node, attrs) => {
    lines.push(`    <node id="${escapeXml(node)}">`);
    data('node', attrs, '      ');
    lines.push('    </node>');
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    lines.push(`    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">`);
    data('edge', attrs, '      ');
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? v.map(String).join(LIST_SEPARATOR) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const EDGE_CSV_COLUMNS = [
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
] as const;

/**
 * Edges as RFC 4180 CSV (CRLF, header row): one row per stored relation; lists as `a|b`. The relation type is
 * `predicate`, not `type`: Gephi's spreadsheet import reads a `type` column as Directed/Undirected.
 */
export function edgesCsv(snapshot: GraphSnapshot): string {
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.name]));
  const rows = snapshot.edges.map((e) => [
    e.subject,
    e.object,
    e.predicate,
    !SYMMETRIC_PREDICATES.has(e.predicate as Predicate),
    e.evidenceCount,
    e.modalities,
    e.firstSeen,
    e.lastSeen,
    e.items,
    e.time,
    e.confidence,
    e.key,
    names.get(e.subject),
    names.get(e.object),
  ]);
  return csv([...EDGE_CSV_COLUMNS], rows);
}

export const NODE_CSV_COLUMNS = ['id', 'name', 'type', 'aliases', 'iso2', 'iso3', 'wikidata', 'degree'] as const;

/** Entities as RFC 4180 CSV: the companion of edgesCsv (Gephi's "nodes table" import takes `id`). */
export function nodesCsv(snapshot: GraphSnapshot): string {
  const rows = snapshot.nodes.map((n) => [n.id, n.name, n.type, n.aliases, n.iso2, n.iso3, n.wikidata, n.degree]);
  return csv([...NODE_CSV_COLUMNS], rows);
}

/**
 * The JSON export with provenance: graphology's serialisation (still read back by `graph.import()`, which ignores
 * the extra key) plus `documents`, each with its metadata and the claims it makes (relation, modality, sentence,
 * offsets). The documents' full texts stay out: they are in the store, and would dwarf the graph.
 */
export function exportJsonWithDocuments(snapshot: GraphSnapshot, documents: DocumentDetail[]): string {
  const body = {
    ...snapshotToGraph(snapshot).export(),
    documents: documents.map((d) => ({ ...d.document, claims: d.claims })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * The snapshot in one format. `csv` is the edges table (see nodesCsv for the entities); `json` is graphology's
 * serialisation (`graph.import()` reads it back), with lists kept as arrays.
 */
export function exportGraph(snapshot: GraphSnapshot, format: ExportFormat): string {
  switch (format) {
    case 'gexf':
      return toGexf(snapshotToGraph(snapshot));
    case 'graphml':
      return toGraphml(snapshotToGraph(snapshot));
    case 'json':
      return `${JSON.stringify(snapshotToGraph(snapshot).export(), null, 2)}\n`;
    case 'csv':
      return edgesCsv(snapshot);
    default:
      throw new InputError(`unknown export format ${JSON.stringify(format)} (expected ${EXPORT_FORMATS.join(', ')})`);
  }
}
