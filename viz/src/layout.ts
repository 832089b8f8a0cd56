// Layout of the rendered graph: ForceAtlas2 in its web worker (the FA2Layout supervisor) until it settles or its
// budget runs out, then noverlap so discs do not overlap. Reports iterations and timings for the bench.
// FA2 runs on a private copy of the graph: the rendered graph only receives positions a few times a second,
// so sigma's re-indexing never sits between two worker iterations (the main thread was the bottleneck).

import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import { cjs } from './core/cjs.js';
import type { SigmaGraph } from './core/to-sigma-graph.js';
import type { ViewerSettings } from './core/settings.js';

const FA2Layout = cjs(FA2LayoutModule);
const forceAtlas2 = cjs(forceAtlas2Module);
const noverlap = cjs(noverlapModule);

export interface LayoutReport {
  iterations: number;
  ms: number;
  iterationsPerSecond: number;
  /** 'settled' when the mean move fell under the threshold, else which budget stopped it. */
  reason: 'settled' | 'iterations' | 'time' | 'cancelled' | 'empty';
  noverlapMs: number;
}

export interface RunningLayout {
  done: Promise<LayoutReport>;
  cancel(): void;
}

function copyPositions(from: SigmaGraph, to: SigmaGraph): void {
  to.updateEachNodeAttributes(
    (node, attr) => {
      if (!from.hasNode(node)) return attr;
      const { x, y } = from.getNodeAttributes(node);
      return { ...attr, x, y };
    },
    { attributes: ['x', 'y'] },
  );
}

export interface LayoutOptions {
  maxIterations?: number;
  /** Milliseconds between two position syncs to the rendered graph, asked before each one (adapts to render cost). */
  syncInterval?: () => number;
}

export function runLayout(graph: SigmaGraph, settings: ViewerSettings, options: LayoutOptions = {}): RunningLayout {
  const maxIterations = options.maxIterations ?? settings.layoutMaxIterations;
  if (graph.order < 2) {
    return {
      done: Promise.resolve({ iterations: 0, ms: 0, iterationsPerSecond: 0, reason: 'empty', noverlapMs: 0 }),
      cancel: () => {},
    };
  }
  const work = graph.copy();
  const inferred = forceAtlas2.inferSettings(work);
  const layout = new FA2Layout(work, {
    settings: { ...inferred, barnesHutOptimize: work.order > 1000, adjustSizes: false },
  });
  const started = performance.now();
  // Small graphs animate; big ones are drawn once placed: each frame of 10k nodes costs seconds in software WebGL,
  // and every frame the main thread spends drawing is an iteration the worker waits for.
  const large = work.order >= settings.largeGraphNodes;
  let iterations = 0;
  let previous: Float64Array | null = null;
  let finish: (reason: LayoutReport['reason']) => void = () => {};

  let sync: ReturnType<typeof setTimeout> | undefined;
  const scheduleSync = () => {
    sync = setTimeout(() => {
      copyPositions(work, graph);
      scheduleSync();
    }, options.syncInterval?.() ?? 300);
  };
  if (!large) scheduleSync();
  const done = new Promise<LayoutReport>((resolve) => {
    let finished = false;
    finish = (reason) => {
      if (finished) return;
      finished = true;
      clearTimeout(sync);
      work.off('eachNodeAttributesUpdated', onIteration);
      // We may be inside the supervisor's message handler: stop now, kill once it has returned.
      layout.stop();
      const ms = performance.now() - started;
      setTimeout(() => {
        layout.kill();
        const t0 = performance.now();
        if (reason !== 'cancelled') {
          noverlap.assign(work, { maxIterations: large ? 2 : 60, settings: { margin: 2, ratio: 1.1 } });
        }
        const noverlapMs = performance.now() - t0;
        // Positions only: sigma draws them on its next frame (for big graphs, with their edges, which takes a while).
        if (reason !== 'cancelled') copyPositions(work, graph);
        resolve({ iterations, ms, iterationsPerSecond: ms > 0 ? (iterations * 1000) / ms : 0, reason, noverlapMs });
      }, 0);
    };
  });

  // The supervisor rewrites every position once per worker iteration, which is our iteration clock.
  function onIteration(): void {
    iterations++;
    if (iterations % 10 === 0) {
      const positions = new Float64Array(work.order * 2);
      let i = 0;
      let minX = Infinity;
      let maxX = -Infinity;
      work.forEachNode((_n, a) => {
        positions[i++] = a.x;
        positions[i++] = a.y;
        if (a.x < minX) minX = a.x;
        if (a.x > maxX) maxX = a.x;
      });
      if (previous && previous.length === positions.length) {
        let move = 0;
        for (let j = 0; j < positions.length; j++) move += Math.abs((positions[j] ?? 0) - (previous[j] ?? 0));
        const meanMove = move / work.order / 10;
        if (meanMove < settings.layoutSettledRatio * (maxX - minX || 1)) return finish('settled');
      }
      previous = positions;
    }
    if (iterations >= maxIterations) return finish('iterations');
    if (performance.now() - started >= settings.layoutMaxMs) return finish('time');
  }

  work.on('eachNodeAttributesUpdated', onIteration);
  // A worker that never answers (blocked, crashed) must not leave the layout "running" forever.
  const watchdog = setTimeout(() => finish('time'), settings.layoutMaxMs + 2000);
  void done.then(() => clearTimeout(watchdog));
  layout.start();
  return { done, cancel: () => finish('cancelled') };
}
