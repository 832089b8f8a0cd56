// CLI tests of `geokg extract`: output formats, bad input (empty, binary, oversized, unknown language, missing path,
// malformed HTML) gives one clear stderr line each, the other files are still processed, exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'geokg-cli-extract-'));
const geokg = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/geokg', 'extract', ...args], { encoding: 'utf8' });
const good = join(dir, 'good.txt');
writeFileSync(good, 'Iran has supplied drones to Russia, US officials said on Tuesday.\n');

describe('geokg extract', () => {
  it('prints exactly one JSON object with documents, entities and relations', () => {
    const r = geokg(good, '--format', 'json');
    expect(r.status).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(Object.keys(x)).toEqual(['documents', 'entities', 'relations']);
    expect(x.documents[0]).toMatchObject({ source: good, language: 'en' });
    expect(x.relations[0]).toMatchObject({ subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' });
    expect(x.relations[0].evidence[0]).toMatchObject({ document: x.documents[0].id, start: 0 });
    expect(x.entities.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['IRN', 'RUS']));
  });
  it('prints jsonl (one DocumentExtraction per line) and an aligned table', () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'Die EU hat neue Sanktionen gegen Russland verhängt, teilte die Kommission mit.\n');
    const j = geokg(good, other, '--format', 'jsonl');
    const lines = j.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.document.language)).toEqual(['en', 'de']);
    const t = geokg(good, '--format', 'table');
    expect(t.stdout).toMatch(/SUBJECT\s+PREDICATE\s+OBJECT\s+MODALITY/);
    expect(t.stdout).toMatch(/Iran\s+SUPPLIES\s+Russia/);
  });
  it('reads arguments from the parse, and --no-parse leaves the syntax stage out', () => {
    const f = join(dir, 'parsed.txt');
    // The pronoun subject of the reported clause is the speaker; the criticised act's agent is the target.
    writeFileSync(
      f,
      'The Russian foreign ministry said it condemned the use of military force by the United States.\n',
    );
    const triple = (r: { subject: string; predicate: string; object: string }) =>
      `${r.subject} ${r.predicate} ${r.object}`;
    const parsed = JSON.parse(geokg(f, '--format', 'json', '--quiet').stdout);
    expect(parsed.relations.map(triple)).toEqual(['org:russian-foreign-ministry CRITICIZES USA']);
    const rules = geokg(f, '--format', 'json', '--quiet', '--no-parse');
    expect(rules.status).toBe(0);
    expect(JSON.parse(rules.stdout).relations.map(triple)).not.toContain('org:russian-foreign-ministry CRITICIZES USA');
  });
  it('reports each bad input on one stderr line and still processes the good file', () => {
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'binary.txt');
    const big = join(dir, 'big.txt');
    const french = join(dir, 'french.txt');
    const html = join(dir, 'broken.html');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    writeFileSync(big, 'Iran supplied drones to Russia. '.repeat(70_000));
    writeFileSync(french, 'Le président de la République a dit que les relations avec la Russie sont très bonnes.');
    writeFileSync(
      html,
      '<html><body><div><p>Russia attacked Ukraine in February 2022.<p>Unclosed <b>tags <script>x(</body>',
    );
    const r = geokg(empty, binary, big, french, html, join(dir, 'missing.txt'), good, '--max-size', '1');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trim().split('\n');
    expect(lines.find((l) => l.includes('empty.txt'))).toMatch(/empty file/);
    expect(lines.find((l) => l.includes('binary.txt'))).toMatch(/binary file/);
    expect(lines.find((l) => l.includes('big.txt'))).toMatch(/file too large .*limit 1 MB/);
    expect(lines.find((l) => l.includes('french.txt'))).toMatch(/language not recognised/);
    expect(lines.find((l) => l.includes('missing.txt'))).toMatch(/no such file/);
    const x = JSON.parse(r.stdout);
    expect(x.documents.map((d: { source: string }) => d.source)).toEqual([french, html, good]);
    expect(
      x.relations.some(
        (rel: { predicate: string; object: string }) => rel.predicate === 'ATTACKS' && rel.object === 'UKR',
      ),
    ).toBe(true);
  });
  it('exits non-zero with a clear message when nothing could be read', () => {
    const r = geokg(join(dir, 'nope.txt'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/geokg: input: nothing could be read/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it('writes to --output instead of stdout', () => {
    const out = join(dir, 'out.json');
    const r = geokg(good, '--output', out, '--quiet');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).relations.length).toBeGreaterThan(0);
  });
});
