// `geokg ingest --from-extraction`: shards of `geokg extract --format jsonl` output (plain or gzip) load without
// re-extracting, and two loaders writing overlapping shards into one real Neo4j at once lose and duplicate nothing.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '../../src/model.js';
import { ingestExtractions } from '../../src/store/from-extraction.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { extractedCorpus } from '../helpers/corpus.js';
import { dumpGraph, type GraphDump } from '../helpers/graph-dump.js';
import { neo4jConfig, neo4jEnv } from '../helpers/neo4j.js';

const dir = mkdtempSync(join(tmpdir(), 'geokg-shards-'));
const lines = (docs: DocumentExtraction[]) => docs.map((d) => JSON.stringify(d) + '\n').join('');
let corpus: DocumentExtraction[];
let shardA: string;
let shardB: string;
let reference: GraphDump;
const stores: Neo4jStore[] = [];
const open = () => {
  const s = new Neo4jStore(neo4jConfig());
  stores.push(s);
  return s;
};

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/geokg', ...args], { env: { ...process.env, ...neo4jEnv() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const counts = (stdout: string) => {
  const m = /documents: (\d+) read, (\d+) new, (\d+) unchanged, (\d+) failed/.exec(stdout);
  if (!m) throw new Error(`no summary in: ${stdout}`);
  return { read: +m[1]!, new: +m[2]!, unchanged: +m[3]!, failed: +m[4]! };
};

beforeAll(async () => {
  corpus = await extractedCorpus(40);
  expect(new Set(corpus.map((d) => d.document.id)).size).toBe(40);
  // Two shards overlapping on 16 documents; one gzip, one plain.
  shardA = join(dir, 'a.jsonl.gz');
  shardB = join(dir, 'b.jsonl');
  writeFileSync(shardA, gzipSync(lines(corpus.slice(0, 28))));
  writeFileSync(shardB, lines(corpus.slice(12)));
  const store = open();
  await store.reset();
  const summary = await ingestExtractions(store, [shardA, shardB]);
  expect(summary).toMatchObject({ documentsRead: 56, documentsNew: 40, documentsUnchanged: 16, documentsFailed: 0 });
  reference = await dumpGraph(neo4jConfig());
}, 240_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

describe('ingest --from-extraction', () => {
  it('stores what the extraction holds: every document, claim and relation of the shards', async () => {
    const claims = reference.nodes.filter((n) => n.startsWith('Claim ')).length;
    const docs = reference.nodes.filter((n) => n.startsWith('Document ')).length;
    expect(docs).toBe(40);
    expect(claims).toBeGreaterThan(100);
    expect(reference.relationships.some((r) => / -SUPPLIES-> /.test(r))).toBe(true);
  });

  it('two loaders writing overlapping shards at once give the graph of one loader: nothing lost or doubled', async () => {
    const a = open();
    const b = open();
    await a.reset();
    // Small batches: many interleaved transactions contending for the same entities and relationships.
    const [ra, rb] = await Promise.all([
      ingestExtractions(a, [shardA], { batchSize: 3 }),
      ingestExtractions(b, [shardB], { batchSize: 3 }),
    ]);
    expect([...ra.failures, ...rb.failures]).toEqual([]);
    expect(ra.documentsNew + rb.documentsNew).toBe(40);
    expect(ra.documentsUnchanged + rb.documentsUnchanged).toBe(16);
    const got = await dumpGraph(neo4jConfig());
    expect(got.nodes).toEqual(reference.nodes);
    expect(got.relationships).toEqual(reference.relationships);
  });

  it('two `geokg ingest --from-extraction` processes at once give the same graph', async () => {
    await open().reset();
    const [x, y] = await Promise.all([
      runCli(['ingest', '--from-extraction', shardA, '--store', 'neo4j']),
      runCli(['ingest', '--from-extraction', shardB, '--store', 'neo4j']),
    ]);
    expect(x.stderr + y.stderr).not.toMatch(/failed:/);
    expect([x.code, y.code]).toEqual([0, 0]);
    const cx = counts(x.stdout);
    const cy = counts(y.stdout);
    expect(cx.new + cy.new).toBe(40);
    expect(cx.unchanged + cy.unchanged).toBe(16);
    const got = await dumpGraph(neo4jConfig());
    expect(got.nodes).toEqual(reference.nodes);
    expect(got.relationships).toEqual(reference.relationships);
  }, 120_000);

  it('reports a malformed line as FILE:LINE and an unreadable shard by name, and stores the rest', async () => {
    const store = open();
    await store.reset();
    const mixed = join(dir, 'mixed.jsonl');
    writeFileSync(mixed, `${JSON.stringify(corpus[0])}\n{"document": 3\n\n${JSON.stringify(corpus[1])}\n[1]\n`);
    const s = await ingestExtractions(store, [mixed, join(dir, 'missing.jsonl')]);
    expect(s.documentsNew).toBe(2);
    expect(s.failures.map((f) => f.source)).toEqual([`${mixed}:2`, `${mixed}:5`, join(dir, 'missing.jsonl')]);
    expect(s.failures[2]!.error).toMatch(/no such file/);
    expect(s.totals.documents).toBe(2);
  });
});
