// The Node-side control of the local Neo4j (src/neo4j): Bolt probe, port checks, argument and data-dir errors,
// and the guarantee that a server started by a test run dies with that run, even when the run is SIGKILLed.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boltHandshake,
  freePort,
  isPortFree,
  isProcessAlive as alive,
  startLocalNeo4j,
} from '../../src/neo4j/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A loopback TCP server that answers each connection with `reply` (or stays silent when undefined). */
async function fakeServer(reply?: Buffer, closeAfter = false): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => {
      if (reply) socket.write(reply);
      if (closeAfter) socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe('boltHandshake', () => {
  it('reports the version a Bolt server agrees to', async () => {
    const server = await fakeServer(Buffer.from([0x00, 0x00, 0x04, 0x05]));
    try {
      expect(await boltHandshake(server.port)).toBe('5.4');
    } finally {
      server.close();
    }
  });

  it('is null for a server that rejects every version, hangs up, or never answers', async () => {
    const rejecting = await fakeServer(Buffer.from([0, 0, 0, 0]));
    const hangingUp = await fakeServer(undefined, true);
    const silent = await fakeServer();
    try {
      expect(await boltHandshake(rejecting.port)).toBeNull();
      expect(await boltHandshake(hangingUp.port)).toBeNull();
      expect(await boltHandshake(silent.port, '127.0.0.1', 300)).toBeNull();
    } finally {
      rejecting.close();
      hangingUp.close();
      silent.close();
    }
  });

  it('is null when nothing listens', async () => {
    expect(await boltHandshake(await freePort())).toBeNull();
  });
});

describe('ports', () => {
  it('freePort gives a port that isPortFree confirms, and a listener makes it busy', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('startLocalNeo4j argument and data-dir errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-neo4j-args-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects bad ports and sizes before starting anything', async () => {
    await expect(startLocalNeo4j({ port: 0, dataDir: dir })).rejects.toThrow(/invalid port/);
    await expect(startLocalNeo4j({ port: 70000, dataDir: dir })).rejects.toThrow(/invalid port/);
    await expect(startLocalNeo4j({ port: 7687, dataDir: dir, heap: 'lots' })).rejects.toThrow(/invalid heap/);
    await expect(startLocalNeo4j({ port: 7687, dataDir: dir, pageCache: '-1' })).rejects.toThrow(/invalid page cache/);
  });

  it('says so when the data directory is a file', async () => {
    const file = path.join(dir, 'not-a-dir');
    await writeFile(file, 'x');
    await expect(startLocalNeo4j({ port: await freePort(), dataDir: file })).rejects.toThrow(
      /cannot use .*not-a-dir as the data directory/,
    );
  });
});

describe('an attached local Neo4j', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-neo4j-attached-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shuts down when the process that started it is killed with SIGKILL', async () => {
    const port = await freePort();
    const script = `
      const { startLocalNeo4j } = await import(${JSON.stringify(path.join(root, 'src/neo4j/index.ts'))});
      const s = await startLocalNeo4j({ port: ${port}, dataDir: ${JSON.stringify(dir)}, mode: 'attached',
        heap: '512m', pageCache: '64m' });
      console.log('JAVA_PID ' + s.pid);
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    parent.stdout.on('data', (d: Buffer) => (out += d.toString()));
    parent.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let javaPid = 0;
    try {
      const deadline = Date.now() + 150_000;
      while (!javaPid && Date.now() < deadline && parent.exitCode === null) {
        await new Promise((r) => setTimeout(r, 200));
        javaPid = Number(/JAVA_PID (\d+)/.exec(out)?.[1] ?? 0);
      }
      expect(javaPid, out).toBeGreaterThan(0);
      expect(await boltHandshake(port)).toMatch(/^5\./);

      parent.kill('SIGKILL');
      const gone = Date.now() + 60_000;
      while (alive(javaPid) && Date.now() < gone) await new Promise((r) => setTimeout(r, 200));
      expect(alive(javaPid)).toBe(false);
      expect(await isPortFree(port)).toBe(true);
    } finally {
      if (parent.exitCode === null) parent.kill('SIGKILL');
      if (javaPid > 0 && alive(javaPid)) process.kill(javaPid, 'SIGKILL');
    }
  });
});
