// The store commands as a user runs them: bin/geokg spawned against a temporary embedded store and the run's Neo4j.
// Exit codes, messages without stack traces, read-only queries refused by the server, a dead server named.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { neo4jEnv } from '../helpers/neo4j.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/geokg');
const SAMPLE = path.join(root, 'data/sample/000_72676987deda64ed.txt');
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

let home: string;
const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: home };
  delete env.NEO4J_URI;
  delete env.NEO4J_USER;
  delete env.NEO4J_PASSWORD;
  delete env.NEO4J_DATABASE;
  return env;
};

function geokg(args: string[], env: NodeJS.ProcessEnv = baseEnv()) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 90_000, cwd: root, env });
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'geokg-cli-store-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

const DATED = path.join(root, 'tests/fixtures/devtexts/articles/14_us-venezuela-boat-strike.en.txt');

/** `geokg documents` and the JSON export's provenance, the same on both stores. */
function documentsCommand(env: NodeJS.ProcessEnv): void {
  expect(geokg(['ingest', SAMPLE, DATED], env).status).toBe(0);
  const table = geokg(['documents'], env);
  expect(table.status, table.stderr).toBe(0);
  const lines = table.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^published\s+│ lang │ supports/);
  // Newest first; the undated sample says so instead of showing the day it was ingested.
  expect(lines[2]).toMatch(/^2025-09-06 │ en +│ \d+ relations, \d+ evidence │ Maduro mobilizes/);
  expect(lines[3]).toMatch(/^undated +│ de +│ .*│ Putin lobt/);
  expect(table.stdout).not.toContain(new Date().toISOString().slice(0, 10));
  expect(lines.at(-1)).toBe('(1–2 of 2 documents)');
  const page = JSON.parse(geokg(['documents', '--format', 'json', '--sort', 'oldest', '--limit', '1'], env).stdout);
  expect(page.total).toBe(2);
  expect(page.documents.map((d: { published?: string }) => d.published)).toEqual(['2025-09-06']);
  const found = JSON.parse(geokg(['documents', '--format', 'json', '--search', 'putin lobt'], env).stdout);
  expect(found.documents).toHaveLength(1);
  const exported = JSON.parse(geokg(['export', '--format', 'json'], env).stdout) as {
    documents: Array<{ title: string; claims: Array<{ predicate: string; subject: string; sentence: string }> }>;
  };
  expect(exported.documents).toHaveLength(2);
  const sample = exported.documents.find((d) => d.title.startsWith('Putin lobt'))!;
  expect(sample.claims.some((c) => c.predicate === 'SUPPLIES' && c.sentence.includes('Shahed'))).toBe(true);
}

describe('geokg store commands (embedded)', () => {
  beforeEach(() => {
    expect(geokg(['reset', '--yes']).status).toBe(0);
  });

  it('ingests the sample, says what it did, and a second run changes nothing', () => {
    const first = geokg(['ingest', SAMPLE]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/documents: 1 read, 1 new, 0 unchanged, 0 failed/);
    expect(first.stdout).toMatch(/\d+ relations, \d+ evidence/);
    const stats1 = JSON.parse(geokg(['stats', '--format', 'json']).stdout) as { documents: number; relations: number };
    expect(stats1.documents).toBe(1);
    expect(stats1.relations).toBeGreaterThan(5);
    const second = geokg(['ingest', SAMPLE]);
    expect(second.stdout).toMatch(/0 new, 1 unchanged/);
    expect(JSON.parse(geokg(['stats', '--format', 'json']).stdout)).toEqual(stats1);
  });

  it('removes a document given as a file, and reports one that is not stored', () => {
    geokg(['ingest', SAMPLE]);
    const r = geokg(['remove', SAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^removed /m);
    expect(JSON.parse(geokg(['stats', '--format', 'json']).stdout)).toMatchObject({ documents: 0, relations: 0 });
    const again = geokg(['remove', 'no-such-document-id']);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/not stored: no-such-document-id/);
  });

  it('exits non-zero when nothing could be read', () => {
    const r = geokg(['ingest', path.join(home, 'missing.txt')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('refuses reset without --yes and keeps the data', () => {
    geokg(['ingest', SAMPLE]);
    const r = geokg(['reset']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--yes/);
    expect(JSON.parse(geokg(['stats', '--format', 'json']).stdout).documents).toBe(1);
  });

  it('exports the stored graph as JSON to stdout and GraphML to a file', async () => {
    geokg(['ingest', SAMPLE]);
    const stats = JSON.parse(geokg(['stats', '--format', 'json']).stdout) as { entities: number; relations: number };
    const json = geokg(['export', '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const graph = JSON.parse(json.stdout) as { nodes: Array<{ key: string }>; edges: unknown[] };
    expect(graph.nodes).toHaveLength(stats.entities);
    expect(graph.edges).toHaveLength(stats.relations);
    expect(graph.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(['IRN', 'RUS']));
    const file = path.join(home, 'out.graphml');
    expect(geokg(['export', '--format', 'graphml', '--output', file]).status).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/<graphml[\s\S]*IRN/);
  });

  it('lists documents newest first, undated ones as undated, and exports them with their evidence', () => {
    documentsCommand(baseEnv());
  });

  it('refuses Cypher without Neo4j, with a clear message', () => {
    const r = geokg(['query', 'MATCH (n) RETURN n']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/need Neo4j.*NEO4J_URI/);
  });

  it('has --help on every store command', () => {
    for (const c of ['init', 'ingest', 'query', 'remove', 'stats', 'documents', 'export', 'reset']) {
      const r = geokg([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`Usage: geokg ${c}`));
    }
  });
});

describe('geokg store commands (Neo4j)', () => {
  const env = () => ({ ...baseEnv(), ...neo4jEnv() });
  const count = () => {
    const r = geokg(['query', 'MATCH (n) RETURN count(n) AS c', '--format', 'json'], env());
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as Array<{ c: number }>)[0]!.c;
  };

  beforeEach(() => {
    const r = geokg(['reset', '--yes'], env());
    expect(r.status, r.stderr).toBe(0);
  });

  it('lists documents newest first, undated ones as undated, and exports them with their evidence', () => {
    documentsCommand(env());
  });

  it('reads --param values as the type the shipped query declares (from=2025 is a date string)', () => {
    expect(geokg(['ingest', SAMPLE, DATED], env()).status).toBe(0);
    const r = geokg(
      ['query', '--file', 'date-range', '--param', 'from=2025', '--param', 'to=2025', '--format', 'json'],
      env(),
    );
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ firstSeen: string; bySeen: boolean }>;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((x) => x.bySeen && x.firstSeen === '2025-09-06')).toBe(true);
    const bad = geokg(['query', '--file', 'dyads', '--param', 'limit=many'], env());
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/limit must be an integer/);
  });

  it('refuses a write without --write (the server does), clearly, and writes nothing', () => {
    const before = count();
    const r = geokg(['query', 'CREATE (n) RETURN n'], env());
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/read-only.*--write/);
    expect(r.stderr).not.toMatch(STACK);
    expect(count()).toBe(before);
  });

  it('runs a query from a file with parameters, as table, JSON and CSV', async () => {
    expect(geokg(['ingest', SAMPLE], env()).status).toBe(0);
    const file = path.join(home, 'supplies.cypher');
    await writeFile(
      file,
      '// who supplies whom\nMATCH (a:Entity {id: $who})-[r:SUPPLIES]->(b:Entity) RETURN b.id AS recipient, r.evidenceCount AS n ORDER BY recipient LIMIT $limit\n',
    );
    const json = geokg(
      ['query', '--file', file, '--param', 'who=IRN', '--param', 'limit=5', '--format', 'json'],
      env(),
    );
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toContainEqual({ recipient: 'RUS', n: expect.any(Number) });
    const csv = geokg(['query', '--file', file, '-p', 'who=IRN', '-p', 'limit=5', '--format', 'csv'], env());
    expect(csv.stdout.split('\n')[0]).toBe('recipient,n');
    expect(csv.stdout).toMatch(/^RUS,\d+$/m);
    const table = geokg(['query', '--file', file, '-p', 'who=IRN', '-p', 'limit=5'], env());
    expect(table.stdout).toMatch(/recipient\s+│ n/);
  });

  it('with Neo4j unreachable, ingest exits non-zero within 30 s naming the URI, without a stack trace', async () => {
    const started = Date.now();
    const dead = { ...baseEnv(), NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'hunter2' };
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'ingest', SAMPLE], { cwd: root, env: dead });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain('bolt://127.0.0.1:1');
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toMatch(STACK);
  });
});
