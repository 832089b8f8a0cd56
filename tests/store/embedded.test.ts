// The embedded store against the shared contract, plus what only a file-backed store has to promise:
// persistence across handles, crash-safe writes, and a corrupt file reported (never overwritten).

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { openStore } from '../../src/store/open.js';
import { runStoreContract } from './contract.js';
import { sampleDoc, secondDoc } from './fixtures.js';

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

  it('reports a corrupt file clearly and leaves it untouched', async () => {
    const dir = path.join(home, 'corrupt');
    const a = new EmbeddedStore({ home: dir });
    await a.ingest(sampleDoc());
    const file = path.join(dir, 'store.json');
    const garbage = (await readFile(file, 'utf8')).slice(0, 500);
    await writeFile(file, garbage);
    const b = new EmbeddedStore({ home: dir });
    await expect(b.stats()).rejects.toBeInstanceOf(StoreError);
    await expect(b.ingest(secondDoc())).rejects.toThrow(/corrupt.*untouched/);
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
      expect(await readdir(path.join(home, 'env-home'))).toEqual(['store.json']);
      await s.close();
    } finally {
      if (saved.uri !== undefined) process.env.NEO4J_URI = saved.uri;
      if (saved.home !== undefined) process.env.GEOKG_HOME = saved.home;
      else delete process.env.GEOKG_HOME;
    }
  });
});
