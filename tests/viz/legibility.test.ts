// Legibility at scale without a browser: labels placed without overlap in priority order (hubs first, never
// covered by a less central label), and conflict told apart from cooperation by dashes as well as hue, curved too.

import { describe, expect, it } from 'vitest';
import { PREDICATES, relationKey, type Predicate } from '../../src/model.js';
import {
  dashCurveFragment,
  dashStraightFragment,
  dashStraightVertex,
  ShaderPatchError,
} from '../../viz/src/core/dash-shaders.js';
import { snapshotToDataGraph } from '../../viz/src/core/data-graph.js';
import { EMPTY_FILTERS } from '../../viz/src/core/filters.js';
import { labelBox, placeLabels, type LabelCandidate } from '../../viz/src/core/labels.js';
import { PREDICATE_FAMILIES } from '../../viz/src/core/palette.js';
import { DEFAULT_SETTINGS } from '../../viz/src/core/settings.js';
import { curvedType, edgeType, toSigmaGraph } from '../../viz/src/core/to-sigma-graph.js';

const opts = { height: 14, viewWidth: 800, viewHeight: 600, max: 100, obstacleSize: 6 };
const c = (id: string, x: number, y: number, width = 60, size = 4): LabelCandidate => ({ id, x, y, size, width });

describe('label placement', () => {
  it('puts labels right of their node, moves a colliding one to another side, keeps both of two apart', () => {
    expect(placeLabels([c('a', 100, 100), c('b', 100, 200)], opts)).toEqual(
      new Map([
        ['a', 'right'],
        ['b', 'right'],
      ]),
    );
    // The second label would lie on the first: it goes to the left of its node instead.
    expect(placeLabels([c('hub', 100, 100), c('leaf', 110, 104)], opts).get('leaf')).toBe('left');
    // Boxed in on every side by the hub's label: the less central label is dropped, the hub's kept.
    const crowd = [c('hub', 100, 100, 300), c('x', 120, 100, 300)];
    expect([...placeLabels(crowd, { ...opts, viewWidth: 420 }).keys()]).toEqual(['hub']);
  });

  it('never lets a label cover the disc of a more central node, and avoids smaller ones when it can', () => {
    const hub = c('hub', 200, 100, 40, 20);
    const leaf = c('leaf', 150, 100, 80);
    const placed = placeLabels([hub, leaf], opts);
    expect(placed.get('hub')).toBe('right');
    const box = labelBox(leaf, placed.get('leaf')!, 14);
    expect(box.x1 <= 180 || box.x0 >= 220 || box.y1 <= 80 || box.y0 >= 120).toBe(true);
    // A small node next to the hub's label moves it to another side, but never removes it.
    expect(placeLabels([hub, c('small', 240, 100, 0, 8)], opts).get('hub')).toBe('left');
  });

  it("keeps the selected node's label right of it, where sigma draws its highlighted box", () => {
    const hub = c('hub', 200, 100, 40, 20);
    // Unpinned, a disc on its right sends the label left; pinned, it stays right and others avoid it.
    const blocker = c('blocker', 250, 100, 0, 8);
    expect(placeLabels([hub, blocker], opts).get('hub')).toBe('left');
    const pinned = placeLabels([hub, blocker, c('near', 215, 96, 40)], { ...opts, pinned: 'hub' });
    expect(pinned.get('hub')).toBe('right');
    expect(pinned.get('near')).not.toBe('right');
  });

  it('skips off-screen labels, stops at the cap, and places no two overlapping boxes in a dense cloud', () => {
    expect([...placeLabels([c('out', -500, 100), c('in', 10, 10)], opts).keys()]).toEqual(['in']);
    const cloud = Array.from({ length: 400 }, (_, i) => c(`n${i}`, (i * 37) % 780, (i * 53) % 590, 30 + (i % 5) * 10));
    const placed = placeLabels(cloud, opts);
    expect(placed.size).toBeGreaterThan(10);
    expect(placeLabels(cloud, { ...opts, max: 5 }).size).toBe(5);
    const boxes = cloud.filter((n) => placed.has(n.id)).map((n) => labelBox(n, placed.get(n.id)!, 14));
    for (const a of boxes)
      for (const b of boxes) if (a !== b) expect(a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0).toBe(false);
  });
});

describe('edge styles', () => {
  it('draws conflict dashed and everything else solid; directed types with arrows', () => {
    for (const p of PREDICATES) {
      const t = edgeType(p);
      expect(t.startsWith('dashed'), p).toBe(PREDICATE_FAMILIES[p] === 'conflict');
    }
    expect(edgeType('ATTACKS')).toBe('dashedArrow');
    expect(edgeType('MEETS')).toBe('line');
    expect(edgeType('SUPPLIES')).toBe('arrow');
  });
});

describe('curved edges keep their style', () => {
  const rel = (subject: string, predicate: Predicate, object: string) => ({
    key: relationKey(subject, predicate, object),
    subject,
    predicate,
    object,
    evidenceCount: 1,
    modalities: ['asserted' as const],
    confidence: 0.9,
  });

  it('fans out parallel and opposite relations, conflict ones as dashed curves', () => {
    const data = snapshotToDataGraph({
      nodes: [
        { id: 'IRN', name: 'Iran', type: 'Country', aliases: [] },
        { id: 'ISR', name: 'Israel', type: 'Country', aliases: [] },
        { id: 'USA', name: 'United States', type: 'Country', aliases: [] },
      ],
      edges: [
        rel('IRN', 'ATTACKS', 'ISR'),
        rel('ISR', 'ATTACKS', 'IRN'),
        rel('ISR', 'CRITICIZES', 'IRN'),
        rel('IRN', 'COOPERATES_WITH', 'USA'),
        rel('USA', 'SANCTIONS', 'IRN'),
      ],
      truncated: false,
      totalNodes: 3,
      totalEdges: 5,
    });
    const g = toSigmaGraph(data, { ...EMPTY_FILTERS }, DEFAULT_SETTINGS);
    const type = (s: string, p: Predicate, o: string) => g.getEdgeAttribute(relationKey(s, p, o), 'type');
    const types = [type('IRN', 'ATTACKS', 'ISR'), type('ISR', 'ATTACKS', 'IRN'), type('ISR', 'CRITICIZES', 'IRN')];
    // Three between Iran and Israel: two curved, the middle straight, all still dashed (conflict).
    expect(types.filter((t) => t === 'dashedCurvedArrow')).toHaveLength(2);
    expect(types.filter((t) => t === 'dashedArrow')).toHaveLength(1);
    // An opposite pair of two: both curved, the cooperation solid, the sanction dashed.
    expect(type('IRN', 'COOPERATES_WITH', 'USA')).toBe('curved');
    expect(type('USA', 'SANCTIONS', 'IRN')).toBe('dashedCurvedArrow');
  });

  it('maps every straight type to its curved program', () => {
    expect(curvedType('arrow')).toBe('curvedArrow');
    expect(curvedType('line')).toBe('curved');
    expect(curvedType('dashedArrow')).toBe('dashedCurvedArrow');
    expect(curvedType('dashed')).toBe('dashedCurved');
  });

  it('dashes the shaders sigma and @sigma/edge-curve ship, and says so when an anchor is gone', async () => {
    // The programs read WebGL constants when loaded; their shader sources need no context.
    const gl = new Proxy({}, { get: () => 1 });
    Object.assign(globalThis, { WebGLRenderingContext: gl, WebGL2RenderingContext: gl });
    const curve = await import('@sigma/edge-curve');
    const rendering = await import('sigma/rendering');
    type Def = { VERTEX_SHADER_SOURCE: string; FRAGMENT_SHADER_SOURCE: string };
    const def = (p: unknown) => (p as { prototype: { getDefinition(): Def } }).prototype.getDefinition.call({});
    for (const program of [curve.default, curve.EdgeCurvedArrowProgram]) {
      const fragment = dashCurveFragment(def(program).FRAGMENT_SHADER_SOURCE);
      expect(fragment).toContain('dashT = t;');
      expect(fragment).toMatch(/#ifndef PICKING_MODE\s+if \(thickness == v_thickness\) \{ if \(mod\(dashT/);
    }
    for (const program of [rendering.EdgeRectangleProgram, rendering.createEdgeClampedProgram()]) {
      const d = def(program);
      expect(dashStraightVertex(d.VERTEX_SHADER_SOURCE)).toContain('v_along = a_positionCoef');
      expect(dashStraightFragment(d.FRAGMENT_SHADER_SOURCE)).toContain('discard;');
    }
    expect(() => dashCurveFragment('void main(void) {}')).toThrow(ShaderPatchError);
    expect(() => dashStraightFragment('void main(void) {}')).toThrow(ShaderPatchError);
  });
});
