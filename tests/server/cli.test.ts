// `geokg serve` and `geokg start` as a user runs them: the printed URL answers, a re-ingest is a no-op, a busy
// port is reported clearly, a non-loopback host is warned about, and SIGINT/SIGTERM stop the server cleanly.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuilt, PROJECT_ROOT } from '../../src/server/build-viewer.js';
import { isLoopback } from '../../src/server/listen.js';
import { startGeokg } from '../viz/browser.js';

let home: string;
const GEOKG = path.join(PROJECT_ROOT, 'bin', 'geokg');

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: home };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete e[k];
  return e;
}

beforeAll(async () => {
  await ensureViewerBuilt();
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-serve-'));
});

afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

describe('geokg start / serve', () => {
  it('start ingests the sample once, serves it, and stops cleanly on SIGINT', async () => {
    const first = await startGeokg(['--no-build'], env());
    const stats = await (await fetch(new URL('/api/stats', first.url))).json();
    expect(stats.documents).toBe(1);
    expect(stats.relations).toBeGreaterThan(5);
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)));
    first.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(first.output()).toMatch(/stopping/);

    // Same home again: the sample is already stored, nothing is duplicated.
    const second = await startGeokg(['--no-build'], env());
    try {
      const again = await (await fetch(new URL('/api/stats', second.url))).json();
      expect(again).toEqual(stats);
    } finally {
      await second.stop();
    }
  });

  it('serve uses the store as it is and answers the API', async () => {
    const server = await startGeokg([], env(), 60_000, 'serve');
    try {
      const stats = await (await fetch(new URL('/api/stats', server.url))).json();
      expect(stats.documents).toBe(1);
      const page = await fetch(server.url);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      await server.stop();
    }
    const help = spawnSync(GEOKG, ['serve', '--help'], { env: env(), encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--port[\s\S]*--host[\s\S]*--store/);
  });

  it('knows which hosts are loopback (anything else gets a warning)', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) expect(isLoopback(h), h).toBe(false);
  });

  it('reports a busy port instead of failing obscurely', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const r = spawnSync(GEOKG, ['serve', '--port', String(port)], { env: env(), encoding: 'utf8', timeout: 60_000 });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`port ${port} .*already in use`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad port or store flag with a clear message', () => {
    const port = spawnSync(GEOKG, ['serve', '--port', 'eighty'], { env: env(), encoding: 'utf8' });
    expect(port.status).not.toBe(0);
    expect(port.stderr).toMatch(/--port/);
    const store = spawnSync(GEOKG, ['serve', '--store', 'mysql'], { env: env(), encoding: 'utf8' });
    expect(store.status).not.toBe(0);
    expect(store.stderr).toMatch(/--store|neo4j or embedded/);
  });
});
