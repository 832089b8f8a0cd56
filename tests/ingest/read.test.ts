// Tests of src/ingest/read.ts: encodings, binary/empty/oversized refusal, folders, one bad file never stops a run.

import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, extractDocument, looksBinary, readInputs, readOne } from '../../src/ingest/index.js';
import { sniffFormat } from '../../src/ingest/read.js';

const dir = mkdtempSync(join(tmpdir(), 'geokg-read-'));

describe('decodeBytes', () => {
  it('decodes UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM and Latin-1', () => {
    const s = 'Präsident Wladimir Putin traf Peseschkian in Aschgabat.';
    expect(decodeBytes(Buffer.from(s, 'utf8')).text).toBe(s);
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])).text).toBe(s);
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))).toEqual({
      text: s,
      encoding: 'utf-16le',
    });
    const be = Buffer.from(s, 'utf16le').swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(s);
    const latin1 = decodeBytes(Buffer.from(s, 'latin1'));
    expect(latin1).toEqual({ text: s, encoding: 'latin-1' });
  });
  it('flags binary content but not UTF-16 text', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toBe(true);
    expect(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Iran', 'utf16le')]))).toBe(false);
    expect(looksBinary(Buffer.from('plain text\n', 'utf8'))).toBe(false);
  });
  it('sniffs HTML by extension and by content', () => {
    expect(sniffFormat('a.html', 'x')).toBe('html');
    expect(sniffFormat('a.txt', '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(sniffFormat('a.txt', 'Russia and Iran <3')).toBe('text');
  });
});

describe('readInputs', () => {
  it('reads folders recursively and reports each bad file without stopping', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), 'Russland und Iran unterzeichnen ein Abkommen.');
    writeFileSync(join(root, 'sub', 'b.html'), '<html><body><p>Iran joined BRICS.</p></body></html>');
    writeFileSync(join(root, 'sub', 'empty.txt'), '');
    writeFileSync(join(root, 'sub', 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(join(root, 'ignored.png'), Buffer.from([0, 1]));
    const items = [];
    for await (const it of readInputs([root, join(dir, 'missing.txt')])) items.push(it);
    const ok = items.filter((i) => i.ok);
    const bad = items.filter((i) => !i.ok) as Array<{ source: string; error: string }>;
    expect(ok.map((i) => (i.ok ? i.doc.format : ''))).toEqual(['text', 'html']);
    expect(bad.map((b) => b.error)).toEqual([
      'binary file, not text or HTML',
      'empty file',
      'no such file or directory',
    ]);
  });
  it('refuses files above the size limit with a clear message', async () => {
    const p = join(dir, 'big.txt');
    writeFileSync(p, 'a'.repeat(2 * 1024 * 1024));
    const r = await readOne(p, { maxBytes: 1024 * 1024 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/file too large \(2\.0 MB, limit 1 MB/);
  });
});

describe('encoding and HTML fixtures (tests/fixtures/html)', () => {
  const fx = 'tests/fixtures/html';
  it('reads a UTF-16LE copy as the same document as the UTF-8 original', async () => {
    const a = await readOne(`${fx}/02_nordkorea-russland-kursk.de.utf16le.txt`);
    const b = await readOne('tests/fixtures/devtexts/articles/02_nordkorea-russland-kursk.de.txt');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.doc.text).toBe(b.doc.text);
    expect(extractDocument(a.doc).document.id).toBe(extractDocument(b.doc).document.id);
  });
  it('decodes a Latin-1 file exactly', async () => {
    const l = await readOne(`${fx}/03_eu-sanktionen-iran-russland.de.latin1.txt`);
    expect(l.ok && l.doc.text).toBe(
      readFileSync(`${fx}/expected/03_eu-sanktionen-iran-russland.de.latin1.txt`, 'utf8'),
    );
  });
  it('extracts a real HTML page: German, titled, with relations', async () => {
    const h = await readOne(`${fx}/04_nato-schweden-beitritt.de.html`);
    expect(h.ok && h.doc.format).toBe('html');
    if (!h.ok) return;
    const x = extractDocument(h.doc);
    expect(x.document.language).toBe('de');
    expect(x.document.title).toMatch(/Schweden/);
    expect(x.relations.some((r) => r.subject === 'SWE' && r.predicate === 'MEMBER_OF' && r.object === 'org:nato')).toBe(
      true,
    );
  });
});
