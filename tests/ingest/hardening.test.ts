// Inputs the audit found mishandled: corpora of one article per record (CSV, JSONL, JSONL.gz) and their progress,
// document identity across whitespace and formats, unclosed page chrome, PDFs, UTF-16 without a BOM, `--max-size`.

import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithText } from '../../src/ingest/index.js';
import { htmlToText } from '../../src/ingest/clean/html.js';
import { RunProgress, sizeOf } from '../../src/cli/progress.js';
import { listInputs, readInputs, readOne } from '../../src/ingest/read.js';
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

describe('progress of a corpus by records and bytes', () => {
  it('counts every byte of the inputs as their records are read: .jsonl, .jsonl.gz (compressed), .csv, .txt', async () => {
    const lines = ARTICLES.map((t, i) => JSON.stringify({ id: i, text: t })).join('\n');
    const files = {
      jsonl: path.join(dir, 'progress.jsonl'),
      gz: path.join(dir, 'progress.jsonl.gz'),
      csv: path.join(dir, 'progress.csv'),
    };
    await writeFile(files.jsonl, lines);
    await writeFile(files.gz, gzipSync(lines));
    await writeFile(files.csv, ['id,text', ...ARTICLES.map((t, i) => `${i},"${t}"`)].join('\n'));
    const paths = [...Object.values(files), SAMPLE];
    let bytes = 0;
    const seen: number[] = [];
    for await (const item of readInputs(paths, { onBytes: (n) => (bytes += n) })) {
      expect(item.ok).toBe(true);
      seen.push(bytes);
    }
    const sizes = await Promise.all(paths.map(async (p) => (await stat(p)).size));
    expect(seen).toHaveLength(3 * 3 + 1);
    expect(bytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(await sizeOf(await listInputs(paths))).toBe(bytes);
    // Bytes arrive as the records do, never all up front: the sample (last) had not been counted at the first record.
    expect(seen[0]!).toBeLessThanOrEqual(bytes - sizes.at(-1)!);
  });

  it('draws records, bytes of the total and the rate on a terminal, and a line now and then when piped', () => {
    let drawn = '';
    const tty = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          drawn += chunk.toString();
          done();
        },
      }),
      { isTTY: true, columns: 200, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
    );
    let now = 0;
    const bar = new RunProgress({
      label: 'ingest',
      totalBytes: 4 * 1024 * 1024,
      stream: tty,
      relations: true,
      now: () => now,
    });
    now = 2000;
    bar.onBytes(1024 * 1024);
    bar.setRecords(10, 7);
    bar.stop();
    expect(drawn).toMatch(/ingest \[.*\] 25% \| 10 documents, 1\.0\/4\.0 MB, 5\.0 documents\/s, 7 relations \| ETA 6s/);

    let piped = '';
    now = 0;
    const log = new Writable({
      write(chunk: Buffer, _enc, done) {
        piped += chunk.toString();
        done();
      },
    });
    const quiet = new RunProgress({
      label: 'ingest',
      totalBytes: 2048,
      stream: log,
      pipedEveryMs: 5000,
      now: () => now,
    });
    now = 1000;
    quiet.onBytes(1024);
    expect(piped).toBe('');
    now = 6000;
    quiet.record();
    quiet.stop();
    expect(piped).toBe('ingest: 1 document, 0.0/0.0 MB (50 %), 0.2 documents/s\n');
  });
});

describe('an unclosed <nav> before the article', () => {
  const prose =
    'Russland hat in der Nacht erneut die Ukraine mit Raketen und Drohnen angegriffen, teilte die Regierung in Kiew mit.';
  const page = (body: string) => `<!doctype html><html><head><title>Zeitung</title></head><body>${body}</body></html>`;
  const menu = '<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul>';
  const paragraphs = (t: string) =>
    t
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);

  it('no longer swallows the page: the article is kept from its headline on, the menu is not', () => {
    const h = htmlToText(page(`${menu}<h1>Neue Angriffe auf Kiew</h1><p>${prose}</p><footer>© Zeitung</footer>`));
    expect(paragraphs(h.text)).toEqual(['Neue Angriffe auf Kiew', prose]);
    expect(h.title).toBe('Neue Angriffe auf Kiew');
    const x = extractWithText({ source: 'a.html', text: page(`${menu}<p>${prose}</p>`), format: 'html' }).extraction;
    expect(x.relations.map((r) => r.predicate)).toContain('ATTACKS');
  });

  it('is closed at an <article> inside it, and else at the densest block of text for a one-line article', () => {
    const inArticle = htmlToText(page(`${menu}<article><p>Kurz gemeldet.</p></article>`));
    expect(paragraphs(inArticle.text)).toEqual(['Kurz gemeldet.']);
    const short = htmlToText(page(`${menu}<p>Russland greift die Ukraine mit Raketen an.</p>`));
    expect(paragraphs(short.text)).toEqual(['Russland greift die Ukraine mit Raketen an.']);
  });

  it('still drops what chrome holds when it is closed, or when nothing in it reads as an article', () => {
    const closed = htmlToText(page(`<nav><p>${prose}</p></nav><p>Der Text.</p>`));
    expect(paragraphs(closed.text)).toEqual(['Der Text.']);
    const onlyLinks = htmlToText(page(`<p>${prose}</p><nav><a href="/a">Impressum und Datenschutz</a>`));
    expect(paragraphs(onlyLinks.text)).toEqual([prose]);
    // A caption its <figure> closes swallowed nothing: no density fallback for it.
    const caption = htmlToText(
      page(
        `<figure><img src="x.jpg"><figcaption>Wladimir Putin beim Gipfel in Kasan am Dienstag</figure><p>${prose}</p>`,
      ),
    );
    expect(paragraphs(caption.text)).toEqual([prose]);
  });
});
