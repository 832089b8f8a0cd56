// Inputs the audit found mishandled: corpora of one article per record (CSV, JSONL, JSONL.gz), document identity
// across whitespace and formats, PDFs, UTF-16 without a BOM, and `ingest --max-size`.

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithText } from '../../src/ingest/index.js';
import { readInputs, readOne } from '../../src/ingest/read.js';
import type { InputItem } from '../../src/ingest/types.js';
import { PROJECT_ROOT } from '../../src/server/build-viewer.js';

const GEOKG = path.join(PROJECT_ROOT, 'bin', 'geokg');
const SAMPLE = path.join(PROJECT_ROOT, 'data', 'sample', '000_72676987deda64ed.txt');
const ARTICLES = [
  'Iran liefert Russland Drohnen vom Typ Shahed, berichtet die Regierung in Kiew.',
  'The United States imposed new sanctions on Iran over its drone deliveries to Russia.',
  'Russland greift die Ukraine mit Raketen an.',
];
let dir: string;

async function collect(paths: string[], corpus = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, { corpus })) out.push(item);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'geokg-inputs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('corpora of one article per record', () => {
  it('reads a CSV of one-line articles as one document per row, with titles and dates', async () => {
    const file = path.join(dir, 'news.csv');
    const rows = ARTICLES.map((t, i) => `${i + 1},Headline ${i + 1},2025-0${i + 1}-01,"${t}"`);
    await writeFile(file, ['id,headline,published,body', ...rows].join('\n'));
    const items = await collect([file]);
    expect(items.map((i) => i.ok)).toEqual([true, true, true]);
    const docs = items.map((i) => (i.ok ? i.doc : undefined)!);
    expect(docs.map((d) => d.text)).toEqual(ARTICLES);
    expect(docs[1]).toMatchObject({ title: 'Headline 2', published: '2025-02-01', source: `${file}#2` });
  });

  it('reads JSONL (escaped newlines kept) and JSONL.gz, skipping a bad line with its line number', async () => {
    const lines = [
      JSON.stringify({ content: `${ARTICLES[0]}\n\n${ARTICLES[2]}`, title: 'Zwei Sätze' }),
      '{"content": "broken',
      JSON.stringify({ content: ARTICLES[1], date: '2025-03-04' }),
    ].join('\n');
    const plain = path.join(dir, 'news.jsonl');
    const gz = path.join(dir, 'news.jsonl.gz');
    await writeFile(plain, lines);
    await writeFile(gz, gzipSync(lines));
    for (const file of [plain, gz]) {
      const items = await collect([file]);
      expect(items.map((i) => i.ok)).toEqual([true, false, true]);
      const bad = items[1]!;
      expect(!bad.ok && bad.error).toMatch(/^line 2: broken JSON line/);
      const first = items[0]!.ok ? items[0]!.doc : undefined;
      expect(first?.text).toBe(`${ARTICLES[0]}\n\n${ARTICLES[2]}`);
      // The newline survived: both sentences give their relations.
      const x = extractWithText(first!).extraction;
      expect(x.relations.map((r) => r.predicate)).toEqual(expect.arrayContaining(['SUPPLIES', 'ATTACKS']));
    }
  });

  it('takes --text-field (and its old name --text-column) for a field the defaults do not know', async () => {
    const file = path.join(dir, 'custom.jsonl');
    await writeFile(file, ARTICLES.map((t) => JSON.stringify({ nachricht: t, x: 1 })).join('\n'));
    expect((await collect([file], { textColumn: 'nachricht' })).every((i) => i.ok)).toBe(true);
    for (const flag of ['--text-field', '--text-column']) {
      const r = spawnSync(GEOKG, ['extract', file, flag, 'nachricht', '--format', 'jsonl', '--workers', '0'], {
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(3);
    }
  });
});

describe('document identity', () => {
  const idsOf = (raws: Array<{ source: string; text: string; format: 'text' | 'html' }>) =>
    raws.map((raw) => {
      const { extraction, text: cleaned } = extractWithText(raw);
      // Offsets stay on the cleaned text itself, not on the normalised form the id is computed from.
      for (const r of extraction.relations)
        for (const e of r.evidence) {
          expect(e.document).toBe(extraction.document.id);
          expect(cleaned.slice(e.start, e.end)).toBe(e.sentence);
        }
      return extraction.document.id;
    });

  it('is the same for the sample as .txt and as .html', async () => {
    const text = await readFile(SAMPLE, 'utf8');
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
    const html = `<!doctype html><html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
    const ids = idsOf([
      { source: 'a.txt', text, format: 'text' },
      { source: 'c.html', text: html, format: 'html' },
    ]);
    expect(new Set(ids).size).toBe(1);
  });

  it('is the same for an article re-wrapped at 72 columns and with non-breaking spaces', () => {
    const article = [ARTICLES.join(' '), ARTICLES.slice().reverse().join(' ')].join('\n\n');
    const wrap = (p: string) => p.replace(/(.{1,72})(\s|$)/g, '$1\n').trim();
    const rewrapped = article
      .split('\n\n')
      .map(wrap)
      .join('\n\n')
      .replace(/ (die|the) /g, '\u00a0$1\u00a0');
    expect(rewrapped).not.toBe(article);
    const ids = idsOf([
      { source: 'a.txt', text: article, format: 'text' },
      { source: 'b.txt', text: rewrapped, format: 'text' },
    ]);
    expect(new Set(ids).size).toBe(1);
  });
});

describe('file types', () => {
  it('refuses a PDF, even an ASCII-only one, saying PDF is not supported', async () => {
    const file = path.join(dir, 'report.txt');
    await writeFile(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nIran liefert Russland Drohnen.\n%%EOF\n');
    const item = await readOne(file);
    expect(item.ok).toBe(false);
    expect(!item.ok && item.error).toMatch(/PDF is not supported/);
  });

  it('reads UTF-16 without a BOM (LE and BE) instead of calling it binary', async () => {
    for (const [name, bytes] of [
      ['le.txt', Buffer.from(ARTICLES[0]!, 'utf16le')],
      ['be.txt', Buffer.from(ARTICLES[0]!, 'utf16le').swap16()],
    ] as const) {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      const item = await readOne(file);
      expect(item.ok && item.doc.text).toBe(ARTICLES[0]);
    }
  });

  it('`geokg ingest --max-size` is accepted and applied', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GEOKG_HOME: path.join(dir, 'home') };
    delete env.NEO4J_URI;
    const r = spawnSync(GEOKG, ['ingest', '--store', 'embedded', '--workers', '0', '--max-size', '0.001', SAMPLE], {
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.stderr).toMatch(/file too large/);
    expect(r.status).not.toBe(0);
  });
});
