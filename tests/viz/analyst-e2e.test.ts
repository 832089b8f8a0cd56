// End-to-end tests of the analyst features in real headless Chromium, on the sample plus the 23 fixture articles
// (a 24-document corpus): document list and reader, timeline brush, edge click → evidence, presets, focus mode,
// dashed curves, the JSON export with its evidence, communities grouped by the layout.

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuilt, PROJECT_ROOT } from '../../src/server/build-viewer.js';
import { launchChromium, startGeokg, type StartedServer } from './browser.js';

const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'viz');
const CORPUS = ['tests/fixtures/devtexts/articles', 'tests/fixtures/heldout2/articles'];

let browser: Browser;
let server: StartedServer;
let home: string;

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: home };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete e[k];
  return e;
}

async function open(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${query}`);
  await page
    .waitForFunction(() => window.__geokg?.ready || window.__geokg?.error, null, { timeout: 30_000 })
    .catch((err: Error) => {
      throw new Error(`viewer did not become ready: ${err.message}; page errors: ${errors.join(' | ')}`);
    });
  expect(await page.evaluate(() => window.__geokg.error)).toBeNull();
  await page.waitForFunction(() => !window.__geokg.layoutRunning, null, { timeout: 60_000 });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const edges = (page: Page) =>
  page.evaluate(() => {
    const g = window.__geokg.graph();
    return g.mapEdges((e, a) => ({ key: e, relation: a.relation as string, predicate: a.predicate as string }));
  });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureViewerBuilt();
  browser = await launchChromium();
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-analyst-e2e-'));
  const ingest = spawnSync(path.join(PROJECT_ROOT, 'bin', 'geokg'), ['ingest', ...CORPUS], {
    cwd: PROJECT_ROOT,
    env: env(),
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(ingest.status, ingest.stderr).toBe(0);
  server = await startGeokg(['--no-build'], env());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('analyst views on a 24-document corpus', () => {
  it('opens large: structural noise off, no floating nodes, one compact legend, a timeline', async () => {
    const page = await open();
    const state = await page.evaluate(() => ({
      hidden: window.__geokg.state().filters.hiddenPredicates,
      orphans: window.__geokg.graph().filterNodes((n) => window.__geokg.graph().degree(n) === 0).length,
    }));
    expect(state.hidden).toEqual(expect.arrayContaining(['OFFICIAL_OF', 'AFFILIATED_WITH']));
    expect(state.orphans).toBe(0);
    await expect(page.getByTestId('timeline-chart').count()).resolves.toBe(1);
    await expect(page.getByTestId('timeline-undated').textContent()).resolves.toMatch(/undated: \d+ claims/);
    await expect(page.getByTestId('legend-certainty').count()).resolves.toBe(1);
    // The Shahed drone is tied to the supply it belongs to.
    const item = (await edges(page)).find((e) => e.key.startsWith('IRN|SUPPLIES|RUS>'));
    expect(item?.relation).toBe('IRN|SUPPLIES|RUS');
    await shot(page, '10-corpus-after');
    // Before: everything on, as the viewer used to open.
    await page.getByTestId('preset-all').click();
    await shot(page, '10-corpus-everything');
    expect(new URL(page.url()).searchParams.get('filters')).toBe('none');
    await page.close();
  });

  it('lists documents newest first; selecting one shows only what it supports and its reader; a highlight opens its relation', async () => {
    const page = await open();
    const items = page.getByTestId('document-item');
    await items.first().waitFor({ timeout: 10_000 });
    const total = (await (await fetch(`${server.url}api/documents`)).json()) as { total: number };
    expect(total.total).toBeGreaterThan(20);
    expect(await items.count()).toBe(total.total);
    const metas = await page.locator('[data-testid=document-item] .doc-meta').allTextContents();
    const dates = metas.map((m) => m.split(' · ')[0]!).filter((d) => d !== 'undated');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(metas.some((m) => m.startsWith('undated'))).toBe(true);
    await page.getByTestId('document-search').fill('Putin lobt');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-item]').length === 1);
    await items.first().click();
    await page.getByTestId('reader-text').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('reader-meta').textContent()).resolves.toMatch(/^undated · de/);
    const keys = await page.evaluate(() => [...(window.__geokg.state().documentKeys ?? [])]);
    expect(keys).toContain('IRN|SUPPLIES|RUS');
    const shown = (await edges(page)).map((e) => e.relation);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every((k) => keys.includes(k))).toBe(true);
    expect(new URL(page.url()).searchParams.get('doc')).toBeTruthy();
    const mark = page.getByTestId('evidence-mark').filter({ hasText: 'Shahed' }).first();
    await expect(mark.getAttribute('data-keys')).resolves.toContain('IRN|SUPPLIES|RUS');
    await shot(page, '11-reader');
    await mark.click();
    await page.getByTestId('relation-title').waitFor({ timeout: 10_000 });
    await page.getByTestId('evidence').first().waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('evidence').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Shahed')]),
    );
    await shot(page, '12-reader-to-relation');
    await page.close();
  });

  it('brushing the timeline filters the graph to those months', async () => {
    const page = await open();
    const before = await page.evaluate(() => window.__geokg.graph().size);
    const chart = page.getByTestId('timeline-chart');
    const box = (await chart.boundingBox())!;
    const bars = await page.locator('[data-testid=timeline-chart] rect.bar').count();
    const bw = box.width / bars;
    // Drag across the last few months.
    await page.mouse.move(box.x + box.width - bw * 4.5, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - bw * 0.5, box.y + 20, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => Boolean(window.__geokg.state().filters.dateFrom));
    const f = await page.evaluate(() => window.__geokg.state().filters);
    expect(f.dateFrom).toMatch(/^\d{4}-\d{2}$/);
    expect(f.dateTo! >= f.dateFrom!).toBe(true);
    const after = await page.evaluate(() => window.__geokg.graph().size);
    expect(after).toBeLessThan(before);
    expect(new URL(page.url()).searchParams.get('from')).toBe(f.dateFrom);
    await shot(page, '13-timeline-brushed');
    await page.getByTestId('timeline-clear').click();
    await page.waitForFunction(() => !window.__geokg.state().filters.dateFrom);
    // Playing through time: the range starts at the first month and grows month by month, until paused.
    const sizes: number[] = [];
    await page.getByTestId('timeline-play').click();
    const firstTo = await page
      .waitForFunction(() => window.__geokg.state().filters.dateTo ?? false)
      .then((h) => h.jsonValue() as Promise<string>);
    sizes.push(await page.evaluate(() => window.__geokg.graph().size));
    await page.waitForFunction((m) => (window.__geokg.state().filters.dateTo ?? '') > m, firstTo, { timeout: 10_000 });
    sizes.push(await page.evaluate(() => window.__geokg.graph().size));
    expect(sizes[1]).toBeGreaterThanOrEqual(sizes[0]!);
    await page.getByTestId('timeline-play').click();
    const paused = await page.evaluate(() => window.__geokg.state().filters.dateTo);
    await expect(page.getByTestId('timeline-play').textContent()).resolves.toMatch(/play/);
    expect(await page.evaluate(() => window.__geokg.state().filters.dateTo)).toBe(paused);
    await page.close();
  });

  it('clicking an edge shows relation, modality, confidence, items and evidence; denied/alleged look different', async () => {
    const page = await open();
    await page.evaluate(() => window.__geokg.clickEdge('IRN|SUPPLIES|RUS'));
    await page.getByTestId('relation-title').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('relation-title').textContent()).resolves.toBe('Iran SUPPLIES → Russia');
    const card = await page.getByTestId('relation-card').textContent();
    expect(card).toMatch(/confidence \d\.\d\d/);
    expect(card).toMatch(/items: .*Shahed/i);
    await page.getByTestId('evidence').first().waitFor({ timeout: 10_000 });
    await shot(page, '14-edge-evidence');
    const styles = await page.evaluate(() => {
      const g = window.__geokg.graph();
      return g.mapEdges((_e, a) => ({ c: a.certainty as string, color: a.color as string, size: a.size as number }));
    });
    const denied = styles.find((s) => s.c === 'denied');
    const asserted = styles.find((s) => s.c === 'asserted');
    if (denied) expect(denied.color).not.toBe(asserted!.color);
    await page.close();
  });

  it('a preset, focus mode and the panel following the filters', async () => {
    const page = await open('?entity=IRN');
    await page.getByTestId('panel-title').waitFor({ timeout: 10_000 });
    await page.getByTestId('preset-supplies').click();
    const preds = new Set((await edges(page)).map((e) => e.predicate));
    expect([...preds].every((p) => p === 'SUPPLIES' || p === 'SUPPORTS')).toBe(true);
    const groups = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid=relation-group]')].map((g) => g.dataset.predicate),
      );
    await expect.poll(groups, { timeout: 15_000 }).toEqual(expect.arrayContaining(['SUPPLIES']));
    expect((await groups()).every((p) => p === 'SUPPLIES' || p === 'SUPPORTS')).toBe(true);
    await expect(page.getByTestId('panel-hidden').textContent()).resolves.toMatch(/\d+ relations hidden/);
    // The filtered graph stays in view: filtering must not reframe the picture away from the selected entity.
    const inView = () =>
      page.evaluate(() => {
        const p = window.__geokg.nodePosition('IRN');
        const box = document.querySelector('#sigma')!.getBoundingClientRect();
        return !!p && p.x > box.left && p.x < box.right && p.y > box.top && p.y < box.bottom;
      });
    await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 30_000 });
    expect(await inView()).toBe(true);
    await shot(page, '15-preset-supplies');
    await page.getByTestId('preset-states').click();
    await page.getByTestId('focus-depth').selectOption('2');
    const bright = await page.evaluate(() => {
      const g = window.__geokg.graph();
      const one = new Set(['IRN', ...g.neighbors('IRN')]);
      const two = new Set([...one].flatMap((n) => [n, ...g.neighbors(n)]));
      return { one: one.size, two: two.size };
    });
    expect(bright.two).toBeGreaterThanOrEqual(bright.one);
    expect(new URL(page.url()).searchParams.get('depth')).toBe('2');
    await page.getByTestId('color-by').selectOption('community');
    const colours = await page.evaluate(() => {
      const g = window.__geokg.graph();
      return new Set(g.mapNodes((_n, a) => a.color as string)).size;
    });
    expect(colours).toBeGreaterThan(1);
    await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 30_000 });
    expect(await inView()).toBe(true);
    await shot(page, '16-focus-communities');
    await page.close();
  });

  it('keeps conflict relations dashed when they fan out as curves beside others', async () => {
    const page = await open('?filters=none');
    const pick = (type: string) =>
      page.evaluate((t) => {
        const g = window.__geokg.graph();
        return g.findEdge((_e, a) => a.type === t && a.certainty === 'asserted' && !a.derived) ?? null;
      }, type);
    const dashedCurve = await pick('dashedCurvedArrow');
    const solidCurve = await pick('curvedArrow');
    expect(dashedCurve, 'a conflict relation sharing its pair with others').toBeTruthy();
    expect(solidCurve, 'a cooperation relation sharing its pair with others').toBeTruthy();
    /** Ink runs along the selected edge's curve, on the composed canvas (how often the stroke breaks). */
    const breaks = async (edge: string): Promise<{ runs: number; inked: number; samples: number; px: number }> => {
      await page.evaluate((e) => window.__geokg.clickEdge(e), edge);
      await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 30_000 });
      // Zoom in at the edge's middle until it is long enough on screen to hold a dozen dashes.
      for (let attempt = 0; attempt < 8; attempt++) {
        const ends = await page.evaluate((e) => {
          const g = window.__geokg.graph();
          const [s, t] = g.extremities(e);
          return [window.__geokg.nodePosition(s)!, window.__geokg.nodePosition(t)!];
        }, edge);
        const [a, b] = ends as [{ x: number; y: number }, { x: number; y: number }];
        if (Math.hypot(b.x - a.x, b.y - a.y) >= 260) break;
        await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
        await page.mouse.wheel(0, -300);
        await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 30_000 });
      }
      return page.evaluate((e) => {
        const g = window.__geokg.graph();
        const [s, t] = g.extremities(e);
        const box = document.querySelector('#sigma')!.getBoundingClientRect();
        const canvas = window.__geokg.renderToCanvas();
        const scale = canvas.width / box.width;
        const ctx = canvas.getContext('2d')!;
        const at = (id: string) => {
          const p = window.__geokg.nodePosition(id)!;
          return { x: (p.x - box.left) * scale, y: (p.y - box.top) * scale };
        };
        const [p0, p2] = [at(s), at(t)];
        // @sigma/edge-curve's control point, in y-down screen coordinates: the middle, pushed sideways by
        // curvature × the chord.
        const c = g.getEdgeAttribute(e, 'curvature') as number;
        const [dx, dy] = [p2.x - p0.x, p2.y - p0.y];
        const p1 = { x: (p0.x + p2.x) / 2 + c * dy, y: (p0.y + p2.y) / 2 - c * dx };
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        // The edge's own hue: conflict and cooperation colours are saturated, faded nodes and siblings grey.
        const coloured = (x: number, y: number) => {
          const i = (Math.round(y) * canvas.width + Math.round(x)) * 4;
          const [r, gr, b] = [image[i]!, image[i + 1]!, image[i + 2]!];
          return Math.max(r, gr, b) - Math.min(r, gr, b) > 40;
        };
        let runs = 0;
        let inked = 0;
        let samples = 0;
        let last = false;
        const steps = 400;
        for (let k = 0; k <= steps; k++) {
          const u = 0.2 + (0.6 * k) / steps;
          const x = (1 - u) ** 2 * p0.x + 2 * (1 - u) * u * p1.x + u * u * p2.x;
          const y = (1 - u) ** 2 * p0.y + 2 * (1 - u) * u * p1.y + u * u * p2.y;
          // A long edge may run off the canvas: only what is drawn can be inked.
          if (x < 2 || y < 2 || x > canvas.width - 3 || y > canvas.height - 3) continue;
          samples++;
          // A pixel either side of the curve: rounding must not miss a 4 px stroke.
          const ink = [-1, 0, 1].some((o) => coloured(x + o, y) || coloured(x, y + o));
          if (ink) inked++;
          if (ink && !last) runs++;
          last = ink;
        }
        return { runs, inked, samples, px: Math.hypot(dx, dy) };
      }, edge);
    };
    const dashed = await breaks(dashedCurve!);
    await shot(page, '17-dashed-curve');
    const solid = await breaks(solidCurve!);
    await shot(page, '17-solid-curve');
    // The curve was found (most of its on-canvas samples inked), and a dash period is 10 px: a 260 px chord's middle
    // 60 % holds ~15.
    for (const m of [solid, dashed]) expect(m.samples, JSON.stringify(m)).toBeGreaterThan(200);
    expect(solid.inked, JSON.stringify(solid)).toBeGreaterThan(0.75 * solid.samples);
    expect(solid.runs, JSON.stringify(solid)).toBeLessThanOrEqual(3);
    expect(dashed.inked, JSON.stringify(dashed)).toBeGreaterThan(0.3 * dashed.samples);
    expect(dashed.runs, JSON.stringify(dashed)).toBeGreaterThanOrEqual(8);
    await page.close();
  });

  it('exports the view as JSON with the documents and evidence sentences behind what is shown', async () => {
    const page = await open();
    await page.getByTestId('preset-supplies').click();
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await file.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
      return { name: file.suggestedFilename(), body: JSON.parse(Buffer.concat(chunks).toString()) as ViewJson };
    };
    type ViewJson = {
      nodes: Array<{ key: string; attributes: { x: number; y: number; color: string; label: string } }>;
      edges: Array<{ key: string; attributes: { predicate: string } }>;
      documents: Array<{ id: string; published?: string; claims: Array<{ key: string; sentence: string }> }>;
    };
    const { name, body } = await download();
    expect(name).toBe('geokg-graph.json');
    const shown = await page.evaluate(() => window.__geokg.graph().filterEdges((_e, a) => !a.derived));
    expect(body.edges.map((e) => e.key).sort()).toEqual([...shown].sort());
    expect(body.edges.every((e) => ['SUPPLIES', 'SUPPORTS'].includes(e.attributes.predicate))).toBe(true);
    // Positions and colours as drawn.
    const iran = body.nodes.find((n) => n.key === 'IRN')!;
    const drawn = await page.evaluate(() => window.__geokg.graph().getNodeAttributes('IRN'));
    expect(iran.attributes).toMatchObject({ x: drawn.x, y: drawn.y, color: drawn.color });
    // Only the documents behind what is shown, with only those claims; the Shahed sentence among them.
    const keys = new Set(body.edges.map((e) => e.key));
    expect(body.documents.length).toBeGreaterThan(0);
    expect(body.documents.every((d) => d.claims.length > 0 && d.claims.every((c) => keys.has(c.key)))).toBe(true);
    const supply = body.documents.flatMap((d) => d.claims).filter((c) => c.key === 'IRN|SUPPLIES|RUS');
    expect(supply.some((c) => c.sentence.includes('Shahed'))).toBe(true);
    // The claims endpoint behind it pages through every document, and refuses oversized pages.
    const all = (await (await fetch(`${server.url}api/documents`)).json()) as { total: number };
    const page1 = (await (await fetch(`${server.url}api/claims?limit=5`)).json()) as ViewJson & { total: number };
    expect(page1.total).toBe(all.total);
    expect(page1.documents).toHaveLength(5);
    expect((await fetch(`${server.url}api/claims?limit=5000`)).status).toBe(400);
    await shot(page, '18-export-json');
    await page.close();
  });

  it('groups Louvain communities in the layout on request', async () => {
    const page = await open('?color=community');
    // How far apart members of one community lie, against members of different ones (lower: more grouped).
    const spread = () =>
      page.evaluate(() => {
        const g = window.__geokg.graph();
        const nodes = g.mapNodes((n, a) => ({ n, x: a.x, y: a.y, c: a.community as number }));
        let [inside, nInside, across, nAcross] = [0, 0, 0, 0];
        for (let i = 0; i < nodes.length; i++)
          for (let j = i + 1; j < nodes.length; j++) {
            const [a, b] = [nodes[i]!, nodes[j]!];
            const d = Math.hypot(a.x - b.x, a.y - b.y);
            if (a.c === b.c) [inside, nInside] = [inside + d, nInside + 1];
            else [across, nAcross] = [across + d, nAcross + 1];
          }
        return inside / nInside / (across / nAcross);
      });
    const before = await spread();
    await shot(page, '19-communities-coloured');
    const layouts = await page.evaluate(() => window.__geokg.metrics.layouts.length);
    await page.getByTestId('group-communities').check();
    expect(new URL(page.url()).searchParams.get('group')).toBe('1');
    // Grouping acts through the layout, which runs again: wait for that run to have ended.
    await page.waitForFunction((n) => window.__geokg.metrics.layouts.length > n, layouts, { timeout: 60_000 });
    await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 30_000 });
    const weights = await page.evaluate(() => new Set(window.__geokg.graph().mapEdges((_e, a) => a.weight)).size);
    expect(weights).toBe(2);
    const grouped = await spread();
    expect(grouped, `spread ${before.toFixed(3)} → ${grouped.toFixed(3)}`).toBeLessThan(before * 0.9);
    await shot(page, '19-communities-grouped');
    // A shared link keeps the grouping.
    const shared = await open(`?${new URL(page.url()).searchParams.toString()}`);
    await expect(shared.getByTestId('group-communities').isChecked()).resolves.toBe(true);
    expect(await shared.evaluate(() => window.__geokg.state().settings.groupCommunities)).toBe(true);
    await shared.close();
    await page.close();
  });
});
