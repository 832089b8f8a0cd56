// The embedded store against the shared contract, plus what only a file-backed store has to promise:
// persistence across handles, crash-safe writes, a corrupt file reported (never overwritten), one writer at a time
// across processes (a lock) and an append-only journal whose cost per document does not grow with the store.

import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError, StoreLockedError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { openStore } from '../../src/store/open.js';
import { runStoreContract } from './contract.js';
import { sampleDoc, secondDoc, syntheticDoc } from './fixtures.js';

const GEOKG = path.join(PROJECT_ROOT, 'bin', 'geokg');
let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-embedded-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

runStoreContract('embedded', {
  makeStore: async () => new EmbeddedStore({ home: path.join(home, 'contract') }),
  makeFailingStore: async () =>
    new EmbeddedStore({
      home: path.join(home, 'contract'),
      beforePersist: () => {
        throw new Error('injected failure before the file write');
      },
    }),
});

describe('embedded store file', () => {
  it('persists across handles and picks up another handle’s writes', async () => {
    const dir = path.join(home, 'persist');
    const a = new EmbeddedStore({ home: dir });
    await a.ingest(sampleDoc());
    const b = new EmbeddedStore({ home: dir });
    expect(await b.hasDocument(sampleDoc().document.id)).toBe(true);
    await b.ingest(secondDoc());
    expect((await a.stats()).documents).toBe(2);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it.each(['store.json', 'store.journal'])('reports a corrupt %s clearly and leaves it untouched', async (name) => {
    const dir = path.join(home, `corrupt-${name}`);
    const a = new EmbeddedStore({ home: dir });
    await a.ingest(sampleDoc());
    await a.ingest(secondDoc());
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8');
    // A snapshot cut short, or a journal line broken in the middle (a torn last line is a crash, not corruption).
    const garbage = name === 'store.json' ? text.slice(0, text.length - 5) : text.replace('"add"', '"add');
    await writeFile(file, garbage);
    const b = new EmbeddedStore({ home: dir });
    await expect(b.stats()).rejects.toBeInstanceOf(StoreError);
    await expect(b.ingest(syntheticDoc(1, 3))).rejects.toThrow(/corrupt.*untouched/);
    expect(await readFile(file, 'utf8')).toBe(garbage);
    await b.reset();
    expect((await b.stats()).documents).toBe(0);
  });

  it('refuses a file that is not a geokg store', async () => {
    const dir = path.join(home, 'foreign');
    await new EmbeddedStore({ home: dir }).init();
    await writeFile(path.join(dir, 'store.json'), JSON.stringify({ hello: 'world' }));
    await expect(new EmbeddedStore({ home: dir }).stats()).rejects.toThrow(/not a geokg embedded store/);
  });

  it('is what openStore gives without NEO4J_URI, under GEOKG_HOME', async () => {
    const saved = { uri: process.env.NEO4J_URI, home: process.env.GEOKG_HOME };
    delete process.env.NEO4J_URI;
    process.env.GEOKG_HOME = path.join(home, 'env-home');
    try {
      const s = await openStore();
      expect(s.kind).toBe('embedded');
      await s.ingest(secondDoc());
      expect((await readdir(path.join(home, 'env-home'))).sort()).toEqual(['store.journal', 'store.json']);
      await s.close();
    } finally {
      if (saved.uri !== undefined) process.env.NEO4J_URI = saved.uri;
      if (saved.home !== undefined) process.env.GEOKG_HOME = saved.home;
      else delete process.env.GEOKG_HOME;
    }
  });
});

describe('embedded store: concurrent writers, journal, crash leftovers', () => {
  const many = (from: number, n: number) => Array.from({ length: n }, (_, i) => syntheticDoc(from + i, 4, 50));

  it('two handles writing at once lose no document (each catches up under the lock)', async () => {
    const dir = path.join(home, 'two-writers');
    const a = new EmbeddedStore({ home: dir });
    const b = new EmbeddedStore({ home: dir });
    const write = async (s: EmbeddedStore, from: number) => {
      for (let i = 0; i < 10; i++) await s.ingestMany(many(from + i * 10, 10));
    };
    await Promise.all([write(a, 0), write(b, 1000)]);
    expect((await new EmbeddedStore({ home: dir }).stats()).documents).toBe(200);
    expect((await a.stats()).documents).toBe(200);
  });

  it('two `geokg ingest --store embedded` processes on one GEOKG_HOME keep every document', async () => {
    const dir = path.join(home, 'two-processes');
    const shards = [0, 1].map((k) => path.join(home, `shard-${k}.jsonl`));
    for (const [k, file] of shards.entries())
      await writeFile(
        file,
        many(k * 10_000, 150)
          .map((d) => `${JSON.stringify(d)}\n`)
          .join(''),
      );
    const env: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: dir };
    delete env.NEO4J_URI;
    const run = (file: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(GEOKG, ['ingest', '--store', 'embedded', '--from-extraction', file], { env });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const results = await Promise.all(shards.map(run));
    for (const r of results) expect(r.code, r.out).toBe(0);
    expect((await new EmbeddedStore({ home: dir }).stats()).documents).toBe(300);
  });

  it('a writer waits for another process’s lock, says so, and fails with StoreLockedError when it is not freed', async () => {
    const dir = path.join(home, 'locked');
    await new EmbeddedStore({ home: dir }).ingest(sampleDoc());
    const release = await lockfile.lock(dir, { lockfilePath: path.join(dir, 'store.lock'), realpath: false });
    const notices: string[] = [];
    const s = new EmbeddedStore({ home: dir, lockTimeoutMs: 1500, onLockWait: (m) => notices.push(m) });
    try {
      await expect(s.ingest(secondDoc())).rejects.toBeInstanceOf(StoreLockedError);
      expect(notices.join('\n')).toMatch(/waiting for another geokg process/);
      // Readers never wait for the lock.
      expect((await s.stats()).documents).toBe(1);
    } finally {
      await release();
    }
    await s.ingest(secondDoc());
    expect((await s.stats()).documents).toBe(2);
  });

  it('appends one journal line per document instead of rewriting the store, and compacts it later', async () => {
    const dir = path.join(home, 'journal');
    const s = new EmbeddedStore({ home: dir, compactMinBytes: 100_000 });
    const reader = new EmbeddedStore({ home: dir });
    await s.ingestMany(many(0, 5));
    const snapshotBefore = await stat(path.join(dir, 'store.json'));
    await s.ingestMany(many(5, 5));
    // No compaction yet: the snapshot was not rewritten, the journal grew by five lines.
    expect((await stat(path.join(dir, 'store.json'))).mtimeMs).toBe(snapshotBefore.mtimeMs);
    expect((await readFile(path.join(dir, 'store.journal'), 'utf8')).trim().split('\n')).toHaveLength(11);
    expect((await reader.stats()).documents).toBe(10);
    for (let i = 1; i < 20; i++) await s.ingestMany(many(i * 10, 10));
    // Compacted: the journal holds only what came after the last snapshot.
    const journal = await readFile(path.join(dir, 'store.journal'), 'utf8');
    expect(journal.trim().split('\n').length).toBeLessThan(150);
    const snapshot = JSON.parse(await readFile(path.join(dir, 'store.json'), 'utf8'));
    expect(snapshot.generation).toBeGreaterThan(0);
    expect((await reader.stats()).documents).toBe(200);
    expect((await new EmbeddedStore({ home: dir }).stats()).documents).toBe(200);
    await s.removeDocument('synthetic-3');
    expect((await reader.stats()).documents).toBe(199);
  });

  it('ignores a torn last journal line (a crash mid-append) and writes on after it', async () => {
    const dir = path.join(home, 'torn');
    const s = new EmbeddedStore({ home: dir });
    await s.ingestMany(many(0, 3));
    await appendFile(path.join(dir, 'store.journal'), '{"add":{"document":{"id":"half');
    const t = new EmbeddedStore({ home: dir });
    expect((await t.stats()).documents).toBe(3);
    await t.ingestMany(many(3, 2));
    expect((await new EmbeddedStore({ home: dir }).stats()).documents).toBe(5);
  });

  it('removes temporary files a crashed writer left behind at the next open', async () => {
    const dir = path.join(home, 'stray');
    await new EmbeddedStore({ home: dir }).ingest(sampleDoc());
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const live = process.ppid; // a running process's file is someone's write in progress: left alone
    for (const name of [`store.json.tmp-${dead}`, `store.journal.tmp-${dead}`, `store.json.tmp-${live}`])
      await writeFile(path.join(dir, name), 'partial');
    expect((await new EmbeddedStore({ home: dir }).stats()).documents).toBe(1);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([`store.json.tmp-${live}`]);
  });
});
