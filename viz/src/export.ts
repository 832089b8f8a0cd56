// Exports of the current view: PNG (sigma's layered canvases composed into one) and GEXF/GraphML of the
// current filtered graph, downloaded as files.

import { write as gexfWrite } from 'graphology-gexf/browser/index.js';
import type Sigma from 'sigma';
import { writeGraphml } from './core/graphml.js';
import type { SigmaEdgeAttributes, SigmaGraph, SigmaNodeAttributes } from './core/to-sigma-graph.js';

type ViewerSigma = Sigma<SigmaNodeAttributes, SigmaEdgeAttributes>;
const writeGexf = (graph: SigmaGraph, opts: { pretty: boolean }): string => gexfWrite(graph, opts);

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

/** Exported attributes: what an analyst needs in Gephi (type, predicate, modality), not rendering internals. */
function exportable(graph: SigmaGraph): SigmaGraph {
  const copy = graph.copy();
  copy.updateEachEdgeAttributes((_e, a) => ({
    ...a,
    modalities: a.modalities.join(';') as never,
    type: undefined as never,
  }));
  return copy;
}

export function exportGexf(graph: SigmaGraph): string {
  return writeGexf(exportable(graph), { pretty: true });
}

export function exportGraphml(graph: SigmaGraph): string {
  return writeGraphml(exportable(graph));
}

export function downloadText(name: string, mime: string, text: string): void {
  download(name, new Blob([text], { type: mime }));
}
