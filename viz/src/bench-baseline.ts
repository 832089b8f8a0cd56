// Bench baseline (viz/bench.html): the same generated graph drawn by raw sigma + graphology + the FA2 worker,
// without the app, so bench/viz.bench.ts can report the app's cost as a ratio measured in the same run.

import { MultiGraph } from 'graphology';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjs } from './core/cjs.js';

const FA2Layout = cjs(FA2LayoutModule);
const forceAtlas2 = cjs(forceAtlas2Module);
import Sigma from 'sigma';
import type { GraphSnapshot } from '../../src/store/types.js';

interface BaselineMetrics {
  scriptStart: number;
  dataLoaded?: number;
  firstFrame?: number;
  iterations: number;
  layoutStart?: number;
}

const metrics: BaselineMetrics = { scriptStart: performance.now(), iterations: 0 };
(window as unknown as { __baseline: BaselineMetrics }).__baseline = metrics;

async function run(): Promise<void> {
  const p = new URLSearchParams(location.search);
  const res = await fetch(`/api/bench/graph?nodes=${Number(p.get('nodes'))}&edges=${Number(p.get('edges'))}`);
  const snapshot = (await res.json()) as GraphSnapshot;
  metrics.dataLoaded = performance.now();
  const graph = new MultiGraph();
  for (const n of snapshot.nodes)
    graph.addNode(n.id, { x: Math.random() * 100, y: Math.random() * 100, size: 3, label: n.name });
  for (const e of snapshot.edges)
    if (e.subject !== e.object) graph.addEdgeWithKey(e.key, e.subject, e.object, { size: 1 });
  const sigma = new Sigma(graph, document.getElementById('sigma') as HTMLElement);
  sigma.once('afterRender', () => {
    metrics.firstFrame = performance.now();
  });
  graph.on('eachNodeAttributesUpdated', () => metrics.iterations++);
  const fa2 = new FA2Layout(graph, {
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 },
  });
  metrics.layoutStart = performance.now();
  fa2.start();
}

void run();
