// `geokg serve` on a fresh clone (tracked and new source files, node_modules, no viz/dist): it must build the
// viewer and show the page, not serve the API alone. Real headless Chromium against the served page.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';
import { launchChromium } from './browser.js';

const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'viz');

let clone: string;
let home: string;
let browser: Browser;

/** The files a clone would hold once the working tree is committed: tracked plus new, never ignored ones. */
function cloneFiles(): string[] {
  const list = (args: string[]) =>
    execFileSync('git', ['ls-files', '-z', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  return [...new Set([...list([]), ...list(['--others', '--exclude-standard'])])].filter((f) =>
    existsSync(path.join(PROJECT_ROOT, f)),
  );
}

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: home };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete e[k];
  return e;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  clone = await mkdtemp(path.join(os.tmpdir(), 'geokg-clone-'));
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-clone-home-'));
  for (const f of cloneFiles()) {
    await mkdir(path.dirname(path.join(clone, f)), { recursive: true });
    await cp(path.join(PROJECT_ROOT, f), path.join(clone, f));
  }
  // `npm install` done: the dependencies are there, the viewer is not built.
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  expect(existsSync(path.join(clone, 'viz', 'dist'))).toBe(false);
  const ingest = spawnSync(path.join(clone, 'bin', 'geokg'), ['ingest', '-w', '0', 'data/sample'], {
    cwd: clone,
    env: env(),
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(ingest.status, ingest.stderr).toBe(0);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of [clone, home]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('geokg serve on a fresh clone', () => {
  it('builds the missing viewer and serves the page with the graph', async () => {
    const child = spawn(path.join(clone, 'bin', 'geokg'), ['serve', '--port', '0'], {
      cwd: clone,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 240 s:\n${out}`)), 240_000);
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          const m = /serving the \w+ store at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
      });
      expect(out).toMatch(/building the viewer/);
      expect(out).not.toMatch(/serving the API only/);
      expect(existsSync(path.join(clone, 'viz', 'dist', 'index.html'))).toBe(true);
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.goto(url);
      await page.waitForFunction(() => window.__geokg?.ready || window.__geokg?.error, null, { timeout: 30_000 });
      expect(await page.evaluate(() => window.__geokg.error)).toBeNull();
      expect(await page.evaluate(() => window.__geokg.graph().order)).toBeGreaterThan(5);
      await expect(page.locator('#sigma canvas').count()).resolves.toBeGreaterThan(0);
      await page.waitForFunction(() => window.__geokg.idle(), null, { timeout: 60_000 });
      await page.screenshot({ path: path.join(SHOTS, '20-fresh-clone-serve.png') });
      await page.close();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  }, 300_000);
});
