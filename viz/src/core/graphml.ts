// GraphML writer for the current (filtered) graph: keys declared per attribute, values escaped; GEXF comes
// from graphology-gexf, GraphML has no browser-ready graphology writer.

import type { MultiDirectedGraph } from 'graphology';
import type { Attributes } from 'graphology-types';

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function typeOf(value: unknown): 'boolean' | 'double' | 'string' {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  return 'string';
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.join(';') : String(value);
}

export function writeGraphml<N extends Attributes, E extends Attributes>(graph: MultiDirectedGraph<N, E>): string {
  const nodeKeys = new Map<string, string>();
  const edgeKeys = new Map<string, string>();
  graph.forEachNode((_n, a) => Object.entries(a).forEach(([k, v]) => nodeKeys.has(k) || nodeKeys.set(k, typeOf(v))));
  graph.forEachEdge((_e, a) => Object.entries(a).forEach(([k, v]) => edgeKeys.has(k) || edgeKeys.set(k, typeOf(v))));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [k, t] of nodeKeys)
    out.push(`  <key id="n_${esc(k)}" for="node" attr.name="${esc(k)}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys)
    out.push(`  <key id="e_${esc(k)}" for="edge" attr.name="${esc(k)}" attr.type="${t}"/>`);
  out.push('  <graph edgedefault="directed">');
  graph.forEachNode((n, a) => {
    out.push(`    <node id="${esc(n)}">`);
    for (const [k, v] of Object.entries(a))
      if (v !== undefined) out.push(`      <data key="n_${esc(k)}">${esc(text(v))}</data>`);
    out.push('    </node>');
  });
  graph.forEachEdge((e, a, s, t) => {
    out.push(`    <edge id="${esc(e)}" source="${esc(s)}" target="${esc(t)}">`);
    for (const [k, v] of Object.entries(a))
      if (v !== undefined) out.push(`      <data key="e_${esc(k)}">${esc(text(v))}</data>`);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
