// Exports of the current view: PNG (sigma's layered canvases composed into one), and GEXF/GraphML/JSON of the
// current filtered graph through the store's own exporter (src/store/export.ts), so both tools write the same files.

import type Sigma from 'sigma';
import { snapshotToGraph, toGexf, toGraphml, type ExportGraph } from '../../src/store/export.js';
import type { DocumentClaim, DocumentSummary } from '../../src/store/types.js';
import { visibleSnapshot, type DataGraph } from './core/data-graph.js';
import type { SigmaEdgeAttributes, SigmaGraph, SigmaNodeAttributes } from './core/to-sigma-graph.js';

type ViewerSigma = Sigma<SigmaNodeAttributes, SigmaEdgeAttributes>;

/** Composes every sigma layer (WebGL and 2D) in DOM order onto one white canvas. */
export function renderToCanvas(sigma: ViewerSigma): HTMLCanvasElement {
  // Render now, in this task: WebGL buffers are only readable until the browser composites the frame.
  sigma.refresh();
  const container = sigma.getContainer();
  const layers = Array.from(container.querySelectorAll('canvas'));
  const first = layers[0];
  const out = document.createElement('canvas');
  out.width = first?.width ?? container.clientWidth;
  out.height = first?.height ?? container.clientHeight;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('export: no 2D canvas context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of layers) ctx.drawImage(layer, 0, 0, out.width, out.height);
  return out;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportPng(sigma: ViewerSigma): void {
  renderToCanvas(sigma).toBlob((blob) => blob && download('geokg-view.png', blob), 'image/png');
}

/** '#rrggbb' stays; sigma's 'rgba(r,g,b,a)' (faded claims) becomes '#rrggbb', which every reader understands. */
function hexColor(color: string): string {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!m) return color;
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The graph on screen as the store's export graph, with the positions, sizes and colours it is drawn with. */
function renderedExportGraph(data: DataGraph, rendered: SigmaGraph): ExportGraph {
  const graph = snapshotToGraph(visibleSnapshot(data, rendered));
  graph.forEachNode((id) => {
    if (!rendered.hasNode(id)) return;
    const a = rendered.getNodeAttributes(id);
    graph.mergeNodeAttributes(id, { x: a.x, y: a.y, size: a.size, color: hexColor(a.color) });
  });
  graph.forEachEdge((key) => {
    if (rendered.hasEdge(key))
      graph.mergeEdgeAttributes(key, { color: hexColor(rendered.getEdgeAttribute(key, 'color')) });
  });
  return graph;
}

/**
 * The graph on screen, with the layout's positions, the sizes and the colours it is drawn with: opened in Gephi
 * (GEXF viz namespace) or yEd/Cytoscape (GraphML x, y, size, color attributes), it looks as it did here.
 */
export function exportFilteredGraph(data: DataGraph, rendered: SigmaGraph, format: 'gexf' | 'graphml'): string {
  const graph = renderedExportGraph(data, rendered);
  return format === 'gexf' ? toGexf(graph) : toGraphml(graph);
}

/**
 * The view as JSON with its provenance, the shape `geokg export -f json` writes: graphology's serialisation
 * (`graph.import()` reads it back) with positions and colours, plus `documents`: each document that supports a
 * relation on screen, with only those claims (relation, modality, confidence, sentence, offsets). A document
 * none of whose claims is on screen is left out, so a filtered view exports the evidence of what it shows.
 */
export function exportViewJson(
  data: DataGraph,
  rendered: SigmaGraph,
  documents: ReadonlyArray<DocumentSummary & { claims: DocumentClaim[] }>,
): string {
  const graph = renderedExportGraph(data, rendered);
  const shown = new Set(graph.edges());
  const kept = documents.flatMap((d) => {
    const claims = d.claims.filter((c) => shown.has(c.key));
    return claims.length ? [{ ...d, claims }] : [];
  });
  return `${JSON.stringify({ ...graph.export(), documents: kept }, null, 2)}\n`;
}

export function downloadText(name: string, mime: string, text: string): void {
  download(name, new Blob([text], { type: mime }));
}
