// `geokg neo4j start|status|stop` as a user runs them: a second local Neo4j on its own port and data dir,
// reached with neo4j-driver, refused clearly on a busy port, and gone after stop.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isProcessAlive as alive, stopLocalNeo4j } from '../../src/neo4j/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function geokg(args: string[], timeout = 200_000) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin/geokg'), ...args], {
    encoding: 'utf8',
    timeout,
    cwd: root,
  });
  return { ...r, ms: Date.now() - t0 };
}

describe('geokg neo4j start/status/stop', () => {
  let dir: string;
  let port: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-neo4j-'));
    port = await freePort();
  });

  afterAll(async () => {
    // Whatever happened above, leave no server behind.
    await stopLocalNeo4j(dir).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('starts in the background, answers RETURN 1, reports status, refuses a busy port and stops', async () => {
    const start = geokg([
      'neo4j',
      'start',
      '--port',
      String(port),
      '--data',
      dir,
      '--heap',
      '512m',
      '--pagecache',
      '64m',
    ]);
    expect(start.status, start.stderr).toBe(0);
    expect(start.stdout.trim()).toBe(`bolt://127.0.0.1:${port}`);
    // The stop hint must stop this server: with the default data directory it would find nothing running.
    expect(start.stderr).toContain(`stop it with: geokg neo4j stop --data ${dir}`);

    const driver = neo4j.driver(start.stdout.trim(), neo4j.auth.basic('neo4j', 'unchecked'));
    try {
      const r = await driver.executeQuery('RETURN 1 AS one');
      expect(r.records[0]?.get('one').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }

    const status = geokg(['neo4j', 'status', '--data', dir, '--json']);
    expect(status.status).toBe(0);
    const s = JSON.parse(status.stdout) as { state: string; answering: boolean; record: { pid: number; port: number } };
    expect(s).toMatchObject({ state: 'running', answering: true, record: { port } });
    const pid = s.record.pid;
    expect(alive(pid)).toBe(true);

    // Same port, another data dir: must fail at once with a message naming the port, not hang.
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-neo4j-busy-'));
    try {
      const busy = geokg(['neo4j', 'start', '--port', String(port), '--data', otherDir], 20_000);
      expect(busy.status).not.toBe(0);
      expect(busy.stderr).toMatch(new RegExp(`port 127\\.0\\.0\\.1:${port} is already in use`));
      expect(busy.ms).toBeLessThan(15_000); // "fast": no JVM start, no waiting for a timeout
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }

    // Same data dir again: says a server already runs there.
    const again = geokg(['neo4j', 'start', '--port', String(await freePort()), '--data', dir], 20_000);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already running/);

    const stop = geokg(['neo4j', 'stop', '--data', dir], 90_000);
    expect(stop.status, stop.stderr).toBe(0);
    expect(stop.stdout).toContain(`pid ${pid}`);
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(dir, 'geokg-neo4j.pid'))).toBe(false);

    const after = geokg(['neo4j', 'status', '--data', dir]);
    expect(after.status).toBe(3);
    expect(after.stdout).toMatch(/^stopped/);
  });

  it('refuses a port another program holds, without starting Java', async () => {
    const blocker = net.createServer();
    const blockedPort = await freePort();
    await new Promise<void>((resolve) => blocker.listen(blockedPort, '127.0.0.1', resolve));
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-neo4j-blocked-'));
    try {
      const r = geokg(['neo4j', 'start', '--port', String(blockedPort), '--data', otherDir], 20_000);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`port 127.0.0.1:${blockedPort} is already in use`);
      expect(existsSync(path.join(otherDir, 'geokg-neo4j.pid'))).toBe(false);
    } finally {
      blocker.close();
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('stop with nothing running says so and succeeds', async () => {
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-neo4j-none-'));
    try {
      const r = geokg(['neo4j', 'stop', '--data', emptyDir]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/no local Neo4j running/);
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });

  it('rejects an invalid port before doing anything', () => {
    const r = geokg(['neo4j', 'start', '--port', '70000', '--data', dir], 20_000);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/port/i);
  });
});
