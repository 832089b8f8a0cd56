// End-to-end tests of the analyst features in real headless Chromium, on the sample plus the 23 fixture articles
// (a 24-document corpus): document list and reader, timeline brush, edge click → evidence, presets, focus mode.

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

  // Skipped, shown as skipped in the CI summary: the 'who supplies whom' preset still shows other relation groups (issue 11 open).
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
});
