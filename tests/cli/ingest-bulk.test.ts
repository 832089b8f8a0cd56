// `geokg ingest --bulk` as a user runs it: a first load into an empty local Neo4j, refused on a loaded one, and an
// interrupted run (Ctrl-C while the CSV files are written, or while the import tool runs) that leaves it empty.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/geokg');
const ARTICLES = path.join(root, 'tests/fixtures/devtexts/articles');

let home: string;
const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: home };
  delete e.NEO4J_URI;
  return e;
};

function geokg(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 240_000, cwd: root, env: env() });
}

/** Runs geokg, sends SIGINT once stderr matches `when`, and resolves with the exit code and output. */
function interrupt(args: string[], when: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: env() });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!sent && when.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** What a data directory holds after a run that must have loaded nothing. */
function loadedNothing(dir: string): void {
  expect(existsSync(path.join(dir, 'data', 'databases', 'neo4j'))).toBe(false);
  expect(existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.geokg-bulk')) : []).toEqual([]);
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-bulk-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('geokg ingest --bulk', () => {
  it('is in --help, with what it refuses', () => {
    const r = geokg(['ingest', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--bulk\s+first load into an EMPTY local Neo4j/);
    expect(r.stdout).toMatch(/refuses a database that is not empty/);
  });

  it('loads an empty local Neo4j, then refuses it once it holds a graph', () => {
    const data = path.join(home, 'loaded');
    const r = geokg(['ingest', '--bulk', '--data', data, '--workers', '1', ARTICLES]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^documents: 14 imported, 0 duplicate, 0 failed$/m);
    expect(r.stdout).toMatch(/^store: {5}14 documents, \d+ entities, \d+ relations, \d+ evidence/m);
    const again = geokg(['ingest', '--bulk', '--data', data, ARTICLES]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty \(\d+ nodes\): the bulk path is for first loads/);
  }, 300_000);

  it('refuses the embedded store and stray bulk options', () => {
    expect(geokg(['ingest', '--bulk', '--store', 'embedded', ARTICLES]).stderr).toMatch(/--bulk loads a local Neo4j/);
    expect(geokg(['ingest', '--data', home, ARTICLES]).stderr).toMatch(/--data and --csv-dir go with --bulk/);
  });

  it('Ctrl-C while the CSV files are written: nothing loaded, and it says so', async () => {
    // Enough documents that extraction is still running when the first progress line comes.
    const corpus = path.join(home, 'many');
    await mkdir(corpus, { recursive: true });
    const text = readFileSync(path.join(ARTICLES, '10_russia-strikes-kyiv.en.txt'), 'utf8');
    for (let i = 0; i < 300; i++) await writeFile(path.join(corpus, `a${i}.txt`), `${text}\n\nCopy ${i}.`);
    const data = path.join(home, 'csv-phase');
    const r = await interrupt(['ingest', '--bulk', '--data', data, '--workers', '1', corpus], /documents read/);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/interrupted: nothing was loaded, the database is as empty as before/);
    loadedNothing(data);
  }, 120_000);

  it('Ctrl-C while the import tool runs: nothing loaded, and it says so', async () => {
    const data = path.join(home, 'tool-phase');
    const r = await interrupt(['ingest', '--bulk', '--data', data, '--workers', '1', ARTICLES], /importing \d+ nodes/);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/interrupted: nothing was loaded, the database is as empty as before/);
    loadedNothing(data);
  }, 120_000);
});
