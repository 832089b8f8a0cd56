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
  /** performance.now() when FA2 had run `until` iterations (the app's count), then stopped. */
  untilAt?: number;
}

const metrics: BaselineMetrics = { scriptStart: performance.now(), iterations: 0 };
(window as unknown as { __baseline: BaselineMetrics }).__baseline = metrics;

async function run(): Promise<void> {
  const p = new URLSearchParams(location.search);
  // source=store: the store's own graph (a corpus bench), as the app loads it (the API's default node cap);
  // else a generated one.
  const res = await fetch(
    p.get('source') === 'store'
      ? '/api/graph'
      : `/api/bench/graph?nodes=${Number(p.get('nodes'))}&edges=${Number(p.get('edges'))}`,
  );
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
  const until = Number(p.get('until')) || Infinity;
  graph.on('eachNodeAttributesUpdated', () => {
    if (++metrics.iterations >= until && metrics.untilAt === undefined) {
      metrics.untilAt = performance.now();
      fa2.stop();
    }
  });
  const fa2 = new FA2Layout(graph, {
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 },
  });
  metrics.layoutStart = performance.now();
  fa2.start();
}

void run();
