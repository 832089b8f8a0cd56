// End-to-end tests of the viewer in real headless Chromium after `geokg start` on the bundled sample (real
// extractor, real stores): graph drawn, search → panel with evidence, filters, URL state, and Cypher on Neo4j.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuilt, PROJECT_ROOT } from '../../src/server/build-viewer.js';
import { openStore } from '../../src/store/open.js';
import { neo4jConfig, neo4jEnv } from '../helpers/neo4j.js';
import { launchChromium, startGeokg, type StartedServer } from './browser.js';

const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'viz');

let browser: Browser;
let embedded: StartedServer;
let onNeo4j: StartedServer;
let home: string;

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[k];
  return env;
}

async function openViewer(base: string, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${query}`);
  await page
    .waitForFunction(() => window.__geokg?.ready || window.__geokg?.error, null, { timeout: 30_000 })
    .catch((err: Error) => {
      throw new Error(`viewer did not become ready: ${err.message}; page errors: ${errors.join(' | ')}`);
    });
  const error = await page.evaluate(() => window.__geokg.error);
  if (error) throw new Error(`viewer reported: ${error}`);
  await page.waitForFunction(() => !window.__geokg.layoutRunning, null, { timeout: 30_000 });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Edges of the rendered sigma graph, with their endpoints' labels. */
function renderedEdges(page: Page): Promise<Array<{ predicate: string; source: string; target: string }>> {
  return page.evaluate(() => {
    const g = window.__geokg.graph();
    return g.mapEdges((_e, a, s, t) => ({
      predicate: a.predicate as string,
      source: g.getNodeAttribute(s, 'label') as string,
      target: g.getNodeAttribute(t, 'label') as string,
    }));
  });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureViewerBuilt();
  browser = await launchChromium();
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-e2e-'));
  embedded = await startGeokg(['--no-build'], { ...baseEnv(), GEOKG_HOME: home });
  // Neo4j is shared by the whole test run: start from an empty database so the sample is all there is.
  const store = await openStore({ kind: 'neo4j', neo4j: neo4jConfig() });
  await store.reset();
  await store.close();
  onNeo4j = await startGeokg(['--no-build', '--store', 'neo4j'], { ...baseEnv(), GEOKG_HOME: home, ...neo4jEnv() });
});

afterAll(async () => {
  await browser?.close();
  await embedded?.stop();
  await onNeo4j?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('viewer on the embedded store (npm start)', () => {
  it('draws the sample graph on the canvas', async () => {
    const page = await openViewer(embedded.url);
    const { order, size } = await page.evaluate(() => ({
      order: window.__geokg.graph().order,
      size: window.__geokg.graph().size,
    }));
    expect(order).toBeGreaterThan(5);
    expect(size).toBeGreaterThan(5);
    // Pixels of sigma's layers composed into one canvas: a blank (white) stage would count ~0.
    const inked = await page.evaluate(() => {
      const canvas = window.__geokg.renderToCanvas();
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(2000);
    await expect(page.getByTestId('legend-type-Country').count()).resolves.toBe(1);
    await expect(page.getByTestId('cypher-toggle').isHidden()).resolves.toBe(true);
    await shot(page, '01-graph');
    await page.close();
  });

  it('search "Iran" → panel lists SUPPLIES → Russia with the Shahed sentence', async () => {
    const page = await openViewer(embedded.url);
    await page.getByTestId('search-input').fill('Iran');
    const result = page.getByTestId('search-result').filter({ hasText: /^Iran/ }).first();
    await result.waitFor({ timeout: 10_000 });
    await result.click();
    const panel = page.getByTestId('entity-panel');
    await expect(panel.getByTestId('panel-title').textContent()).resolves.toBe('Iran');
    const supplies = panel.getByTestId('relation').filter({ hasText: 'SUPPLIES → Russia' });
    await supplies.waitFor({ timeout: 10_000 });
    await supplies.getByTestId('evidence').filter({ hasText: 'Shahed' }).first().waitFor({ timeout: 10_000 });
    const evidence = await supplies.getByTestId('evidence').allTextContents();
    expect(evidence.some((t) => t.includes('Shahed'))).toBe(true);
    await expect(supplies.getByTestId('evidence-document').first().textContent()).resolves.toMatch(/\S/);
    expect(new URL(page.url()).searchParams.get('entity')).toBeTruthy();
    await shot(page, '02-iran-panel');
    await page.close();
  });

  it('filtering out SUPPLIES hides those edges, and the URL keeps the filter', async () => {
    const page = await openViewer(embedded.url);
    const before = await renderedEdges(page);
    expect(before.some((e) => e.predicate === 'SUPPLIES' && e.source === 'Iran' && e.target === 'Russia')).toBe(true);
    await page.getByTestId('filter-predicate-SUPPLIES').uncheck();
    const after = await renderedEdges(page);
    expect(after.filter((e) => e.predicate === 'SUPPLIES')).toEqual([]);
    expect(after.length).toBe(before.filter((e) => e.predicate !== 'SUPPLIES').length);
    expect(new URL(page.url()).searchParams.get('hideRel')).toBe('SUPPLIES');
    await shot(page, '03-filtered-supplies');
    // Exports carry the filtered graph: no SUPPLIES edge in GEXF or GraphML; the PNG is a real image.
    const download = async (testid: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await file.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
      return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
    };
    const gexf = await download('export-gexf');
    expect(gexf.name).toMatch(/\.gexf$/);
    expect(gexf.body.toString()).toContain('<gexf');
    expect(gexf.body.toString()).toContain('Iran');
    expect(gexf.body.toString()).not.toContain('SUPPLIES');
    const graphml = await download('export-graphml');
    expect(graphml.body.toString()).toContain('<graphml');
    expect(graphml.body.toString()).toContain('MEMBER_OF');
    expect(graphml.body.toString()).not.toContain('SUPPLIES');
    const png = await download('export-png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    expect(png.body.length).toBeGreaterThan(10_000);
    // A shared link restores the filter and the selection.
    const shared = await openViewer(embedded.url, `?hideRel=SUPPLIES&entity=${encodeURIComponent('IRN')}`);
    expect((await renderedEdges(shared)).some((e) => e.predicate === 'SUPPLIES')).toBe(false);
    await expect(shared.getByTestId('filter-predicate-SUPPLIES').isChecked()).resolves.toBe(false);
    await shared.getByTestId('panel-title').waitFor({ timeout: 10_000 });
    await expect(shared.getByTestId('panel-title').textContent()).resolves.toBe('Iran');
    await page.getByTestId('filter-predicate-SUPPLIES').check();
    expect((await renderedEdges(page)).some((e) => e.predicate === 'SUPPLIES')).toBe(true);
    await shared.close();
    await page.close();
  });
});

describe('viewer interaction with a capped first load', () => {
  it('hover highlights a node, double-click expands its neighbourhood from the server', async () => {
    const page = await openViewer(embedded.url, '?limit=2');
    const first = await page.evaluate(() => ({
      order: window.__geokg.graph().order,
      nodes: window.__geokg.graph().nodes(),
    }));
    expect(first.order).toBeLessThanOrEqual(2);
    await expect(page.getByTestId('status').textContent()).resolves.toMatch(/capped/);
    const id = first.nodes[0]!;
    // A node's screen position is final only once nothing moves: the layout's last frame is drawn and the camera
    // is still. The first click of a double-click selects the node and centres the camera on it, so select it
    // first, wait for the camera to stop there, and aim the double-click at where the node then is.
    const aim = async () => {
      await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 30_000 });
      const pos = await page.evaluate((n) => window.__geokg.nodePosition(n), id);
      expect(pos).toBeTruthy();
      return pos!;
    };
    // The mouse is over the node only if the node has not moved since it was aimed at (the panel opening or a
    // late camera step moves it); an aim the hover did not confirm is made again, from a point beside the node so
    // the browser sends a fresh mousemove.
    const hover = async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const pos = await aim();
        await page.mouse.move(pos.x + 40, pos.y + 40);
        await page.mouse.move(pos.x, pos.y, { steps: 4 });
        const ok = await page
          .waitForFunction((n) => window.__geokg.state().hovered === n, id, { timeout: 5000 })
          .then(() => true)
          .catch(() => false);
        if (ok) return pos;
      }
      throw new Error(`node ${id} never showed as hovered after three aims`);
    };
    let pos = await hover();
    await page.mouse.click(pos.x, pos.y);
    await page.waitForFunction((n) => window.__geokg.state().selected === n, id, { timeout: 5000 });
    // The panel opening narrows the stage, which moves the node again.
    await page.getByTestId('panel-title').waitFor({ timeout: 15_000 });
    // Sigma tells a double-click from two clicks by their interval; on a loaded CI machine the browser can handle
    // the two clicks too far apart, so an attempt that did not register is aimed and made again (at most three).
    let expanded = false;
    for (let attempt = 0; attempt < 3 && !expanded; attempt++) {
      pos = await hover();
      await page.mouse.dblclick(pos.x, pos.y);
      expanded = await page
        .waitForFunction((n) => window.__geokg.graph().order > n, first.order, { timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
    }
    expect(expanded).toBe(true);
    const after = await page.evaluate((n) => window.__geokg.graph().neighbors(n).length, id);
    expect(after).toBeGreaterThan(1);
    await page.waitForFunction(() => !window.__geokg.layoutRunning, null, { timeout: 30_000 });
    await shot(page, '04-expanded');
    await page.close();
  });
});

describe('viewer on Neo4j: the Cypher panel', () => {
  it('draws Iran → BRICS from MATCH (a)-[r:MEMBER_OF]->(b) RETURN a,r,b', async () => {
    const page = await openViewer(onNeo4j.url);
    await page.getByTestId('cypher-toggle').click();
    await page.getByTestId('cypher-input').fill('MATCH (a)-[r:MEMBER_OF]->(b) RETURN a,r,b');
    await page.getByTestId('cypher-run').click();
    await page.getByTestId('cypher-summary').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !window.__geokg.layoutRunning, null, { timeout: 30_000 });
    const edges = await renderedEdges(page);
    expect(edges).toContainEqual({ predicate: 'MEMBER_OF', source: 'Iran', target: 'BRICS' });
    expect(edges.every((e) => e.predicate === 'MEMBER_OF')).toBe(true);
    const rows = await page.getByTestId('cypher-row').allTextContents();
    expect(rows.some((r) => r.includes('Iran') && r.includes('BRICS'))).toBe(true);
    await shot(page, '05-cypher-member-of');
    await page.close();
  });

  it('runs the shipped provenance-graph query from the menu: Claim, Sentence and Document drawn with captions', async () => {
    const page = await openViewer(onNeo4j.url);
    await page.getByTestId('cypher-toggle').click();
    const menu = page.getByTestId('cypher-query-menu');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cypher-query-menu] option').length > 10);
    await menu.selectOption('provenance-graph');
    // Fields for the parameters, prefilled with the header's example; the editor holds the query without its header.
    await expect(page.getByTestId('cypher-param-subject').inputValue()).resolves.toBe('IRN');
    await expect(page.getByTestId('cypher-param-predicate').inputValue()).resolves.toBe('SUPPLIES');
    await expect(page.getByTestId('cypher-input').inputValue()).resolves.toMatch(/^MATCH \(a:Entity/);
    await expect(page.getByTestId('cypher-answers').textContent()).resolves.toMatch(
      /Where does this relation come from/,
    );
    await page.getByTestId('cypher-run').click();
    await page.getByTestId('cypher-summary').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => window.__geokg.state().cypher !== null);
    await page.waitForFunction(() => !window.__geokg.layoutRunning, null, { timeout: 30_000 });
    const nodes = await page.evaluate(() =>
      window.__geokg.graph().mapNodes((_n, a) => ({ kind: a.entityType as string, label: a.label as string })),
    );
    const of = (kind: string) => nodes.filter((n) => n.kind === kind).map((n) => n.label);
    expect(of('Claim').length).toBeGreaterThan(0);
    expect(of('Claim').every((l) => /^Iran SUPPLIES Russia/.test(l))).toBe(true);
    expect(of('Sentence').some((l) => l.includes('Shahed'))).toBe(true);
    expect(of('Document').length).toBeGreaterThan(0);
    expect(of('Document').every((l) => /\((\d{4}(-\d\d){0,2}|undated)\)$/.test(l))).toBe(true);
    expect(of('Location')).toEqual([]);
    expect(nodes.some((n) => n.label.includes('|'))).toBe(false);
    await expect(page.getByTestId('legend-type-Claim').count()).resolves.toBe(1);
    await expect(page.getByTestId('legend-type-Document').count()).resolves.toBe(1);
    await shot(page, '07-cypher-provenance-graph');
    // A field that cannot be its declared type is refused before the server is asked.
    await page.getByTestId('cypher-param-subject').fill('');
    await page.getByTestId('cypher-run').click();
    await expect(page.getByTestId('cypher-error').textContent()).resolves.toMatch(/\$subject is required/);
    await page.close();
  });

  it('refuses a write query in the Cypher panel with a message, and the page stays usable', async () => {
    const page = await openViewer(onNeo4j.url);
    const order = await page.evaluate(() => window.__geokg.graph().order);
    await page.getByTestId('cypher-toggle').click();
    await page.getByTestId('cypher-input').fill("CREATE (n:Hacked {by: 'e2e'}) RETURN n");
    await page.getByTestId('cypher-run').click();
    const error = page.getByTestId('cypher-error');
    await error.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(error.textContent()).resolves.toMatch(/read-only/);
    expect(await page.evaluate(() => window.__geokg.graph().order)).toBe(order);
    await shot(page, '06-cypher-write-refused');
    // Nothing was written: ask the same server.
    await page.getByTestId('cypher-input').fill('MATCH (n:Hacked) RETURN count(n) AS hacked');
    await page.getByTestId('cypher-run').click();
    await page.getByTestId('cypher-summary').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('cypher-row').first().textContent()).resolves.toBe('0');
    await page.close();
  });
});
