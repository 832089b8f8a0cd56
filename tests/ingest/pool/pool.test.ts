// The extraction pool: same output whatever the number of workers (byte-identical CLI output for 1 and 2), input
// order kept, bounded read-ahead (backpressure), read failures passed through in place, early stop stops reading.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionPool } from '../../../src/ingest/pool/pool.js';
import { extractDocument } from '../../../src/ingest/index.js';
import type { InputItem } from '../../../src/ingest/types.js';
import { generatedArticles } from '../../helpers/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'geokg-pool-'));
const articles = generatedArticles(12);
const files = articles.map((a, i) => {
  const f = join(dir, `${String(i).padStart(2, '0')}.txt`);
  writeFileSync(f, a.text);
  return f;
});
const geokg = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/geokg', 'extract', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

const pools: ExtractionPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('geokg extract --workers', () => {
  it('prints byte-identical jsonl and json with 1 and 2 workers, in input order', () => {
    const one = geokg(dir, '--format', 'jsonl', '--workers', '1', '--quiet');
    const two = geokg(dir, '--format', 'jsonl', '--workers', '2', '--quiet');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const sources = one.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { document: { source: string } }).document.source);
    expect(sources).toEqual(files);
    const json1 = geokg(dir, '--format', 'json', '-w', '1', '-q');
    const json2 = geokg(dir, '--format', 'json', '-w', '2', '-q');
    expect(json2.stdout).toBe(json1.stdout);
    expect(JSON.parse(json1.stdout).relations.length).toBeGreaterThan(10);
  });
  it('writes gzip jsonl with -o FILE.gz, the same lines as stdout', () => {
    const out = join(dir, 'shard.jsonl.gz');
    const r = geokg(files[0]!, files[1]!, '--format', 'jsonl', '-o', out, '-w', '2');
    expect(r.status).toBe(0);
    const gz = readFileSync(out);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const plain = geokg(files[0]!, files[1]!, '--format', 'jsonl', '-q');
    expect(spawnSync('gzip', ['-dc', out], { encoding: 'utf8' }).stdout).toBe(plain.stdout);
  });
  it('refuses a --workers value that is not a whole number', () => {
    const r = geokg(files[0]!, '--workers', 'two');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--workers must be a whole number/);
  });
});

describe('ExtractionPool', () => {
  it('gives what the extractor gives, in input order, with read failures in their place', async () => {
    const pool = new ExtractionPool({ workers: 2 });
    pools.push(pool);
    const items: InputItem[] = articles.slice(0, 6).map((doc) => ({ ok: true, doc }));
    items.splice(2, 0, { ok: false, source: 'broken.txt', error: 'binary file' });
    const got = [];
    for await (const r of pool.run(items)) got.push(r);
    expect(got.map((r) => r.source)).toEqual(items.map((i) => (i.ok ? i.doc.source : i.source)));
    expect(got[2]).toEqual({ ok: false, source: 'broken.txt', error: 'binary file', stage: 'read' });
    const first = got[0]!;
    expect(first.ok && first.doc).toEqual(extractDocument(articles[0]!));
  });
  it('reads at most `window` documents ahead of a slow consumer and stops reading when the consumer stops', async () => {
    const pool = new ExtractionPool({ workers: 1, window: 3 });
    pools.push(pool);
    let pulled = 0;
    async function* inputs(): AsyncGenerator<InputItem> {
      for (let i = 0; i < 40; i++) {
        pulled++;
        yield { ok: true, doc: { source: `s${i}`, text: 'Iran supplied drones to Russia.', format: 'text' } };
      }
    }
    let taken = 0;
    let maxAhead = 0;
    for await (const r of pool.run(inputs())) {
      expect(r.ok).toBe(true);
      taken++;
      await new Promise((res) => setTimeout(res, 20)); // a slow store
      maxAhead = Math.max(maxAhead, pulled - taken);
      if (taken === 10) break;
    }
    expect(maxAhead).toBeLessThanOrEqual(3);
    expect(pulled).toBeLessThanOrEqual(13);
  });
  it('reports an extractor failure as that document failing, and extracts in the calling thread with 0 workers', async () => {
    const pool = new ExtractionPool({ workers: 0 });
    pools.push(pool);
    const bad = { source: 'bad', text: null as unknown as string, format: 'text' as const };
    const got = [];
    for await (const r of pool.run([
      { ok: true, doc: bad },
      { ok: true, doc: articles[0]! },
    ]))
      got.push(r);
    expect(got[0]).toMatchObject({ ok: false, source: 'bad', stage: 'extract' });
    expect(got[1]).toMatchObject({ ok: true, source: articles[0]!.source });
  });
});
