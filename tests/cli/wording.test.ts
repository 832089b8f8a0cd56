// The CLI's small promises found while trying it as a new user: one meaning of -f, the same file types in
// extract and ingest help, no rate over nothing read, plurals, an output error naming the user's file, the
// progress line printed once when piped, and a Neo4j stop hint that names the data directory.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';
import { INPUT_PATHS_HELP, plural } from '../../src/cli/text.js';

const GEOKG = path.join(PROJECT_ROOT, 'bin', 'geokg');
let home: string;

function geokg(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: home };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[k];
  return spawnSync(GEOKG, args, { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-wording-'));
});
afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
});

describe('CLI wording', () => {
  it('says 1 document, 2 documents', () => {
    expect(plural(1, 'document')).toBe('1 document');
    expect(plural(2, 'document')).toBe('2 documents');
    expect(plural(1, 'entity', 'entities')).toBe('1 entity');
    expect(plural(0, 'entity', 'entities')).toBe('0 entities');
  });

  it('lists the same readable file types in extract --help and ingest --help', () => {
    const squash = (t: string) => t.replace(/\s+/g, ' ');
    const extract = squash(geokg(['extract', '--help']).stdout);
    const ingest = squash(geokg(['ingest', '--help']).stdout);
    expect(extract).toContain(INPUT_PATHS_HELP);
    expect(ingest).toContain(INPUT_PATHS_HELP);
    expect(ingest).not.toMatch(/read recursively: [^)]*\.md\b/);
  });

  it('-f means --format in extract and in query; query takes its file as --file', () => {
    const query = geokg(['query', '--help']).stdout;
    expect(query).toMatch(/-f, --format <format>/);
    expect(query).toMatch(/^\s+--file <name>/m);
    expect(geokg(['extract', '--help']).stdout).toMatch(/-f, --format <format>/);
  });

  it('ingest of a missing path reports no rate, fails, and says why', () => {
    const r = geokg(['ingest', '/nonexistent-geokg-input']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^documents: 0 read, 0 new, 0 unchanged, 1 failed \(\d+\.\d s\)$/m);
    expect(r.stdout).not.toMatch(/documents\/s/);
    expect(r.stdout).toMatch(/store: +0 documents, 0 entities, 0 relations/);
    expect(r.stderr).toMatch(/no document could be read/);
  });

  it('ingest piped: no progress line printed twice, singular for one document', () => {
    const r = geokg(['ingest', '-w', '0', path.join(PROJECT_ROOT, 'data', 'sample')]);
    expect(r.status, r.stderr).toBe(0);
    const progress = r.stderr.split('\n').filter((l) => l.startsWith('ingest: '));
    expect(new Set(progress.map((l) => l.replace(/,.*/, ''))).size).toBe(progress.length);
    expect(r.stdout).toMatch(/store: +1 document, \d+ entities/);
  });

  it('extract -o to a path it cannot write fails at once, naming that path and not a temporary file', () => {
    const target = '/nonexistent-geokg-dir/out.json';
    const started = Date.now();
    const r = geokg(['extract', '-q', '-o', target, path.join(PROJECT_ROOT, 'data', 'sample')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`cannot write ${target}: its folder does not exist`);
    expect(r.stderr).not.toMatch(/\.tmp-\d+/);
    expect(Date.now() - started).toBeLessThan(30_000);
    const dir = geokg(['extract', '-q', '-f', 'jsonl', '-o', os.tmpdir(), path.join(PROJECT_ROOT, 'data', 'sample')]);
    expect(dir.stderr).toContain(`cannot write ${os.tmpdir()}: it is a folder`);
  });
});
