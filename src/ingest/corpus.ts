// Corpus files with one article per record (CSV/TSV such as 10kGNAD's `label;'text'`, or JSONL), streamed record by
// record: each becomes its own document; a bad record is reported with its line number and never stops the others.

import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError } from 'csv-parse';
import { looksBinary } from './read.js';
import type { InputItem, RawDocument } from './types.js';

export const CORPUS_EXTENSIONS = new Set(['.csv', '.tsv', '.jsonl', '.ndjson']);

export interface CorpusOptions {
  /** Column (header name, or 1-based number) or JSON field holding the article text. */
  textColumn?: string;
  titleColumn?: string;
  dateColumn?: string;
  idColumn?: string;
  /** CSV field separator; sniffed from the first line when not given (`;`, `,`, tab or `|`). */
  delimiter?: string;
  /** CSV quote character; sniffed (`"` or `'`) when not given. */
  quote?: string;
  /** Records longer than this many characters are refused one by one. */
  maxChars?: number;
}

type Field = 'text' | 'title' | 'date' | 'id' | 'url';
const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'lexicons', 'corpus.json');
const NAMES = JSON.parse(readFileSync(FILE, 'utf8')) as Record<Field, string[]>;
const FIELDS: Field[] = ['text', 'title', 'date', 'id', 'url'];
const HEAD_BYTES = 64 * 1024;

/** `.jsonl.gz`, `.csv.gz` …: a corpus read through gunzip as it streams. */
const GZ_RE = /\.gz$/i;
const innerExt = (path: string) => extname(path.replace(GZ_RE, '')).toLowerCase();

export function isCorpusPath(path: string): boolean {
  return CORPUS_EXTENSIONS.has(innerExt(path));
}

/** Reports the file bytes a read consumed as it goes (compressed bytes for .gz): what a progress bar counts. */
export type OnBytes = (bytes: number) => void;

/** The file's bytes as they stream, gunzipped for a .gz corpus: a 2 GB file never sits in memory whole. */
function byteStream(path: string, onCompressedBytes?: OnBytes): NodeJS.ReadableStream {
  const raw = createReadStream(path);
  if (!GZ_RE.test(path)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  // pipe() reads by 'data' events already, so one more listener changes nothing in how the file flows.
  if (onCompressedBytes) raw.on('data', (chunk: Buffer | string) => onCompressedBytes(chunk.length));
  return raw.pipe(gunzip);
}

/** The first bytes of the (gunzipped) content, for sniffing encoding and dialect. */
async function headOf(path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of byteStream(path)) {
    parts.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= HEAD_BYTES) break;
  }
  return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

const fail = (source: string, error: string): InputItem => ({ ok: false, source, error });

/** Decoded text chunks of a file, in the encoding its first bytes show (BOM, else UTF-8, else Windows-1252). */
async function* decodedChunks(path: string, encoding: string, onBytes?: OnBytes): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  // A .gz is counted by its compressed bytes (in byteStream), which is what its file size says; others here.
  const plain = !GZ_RE.test(path);
  for await (const chunk of byteStream(path, onBytes)) {
    if (plain) onBytes?.((chunk as Buffer).length);
    yield decoder.decode(chunk as Buffer, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // The head may end inside a multi-byte character; its last bytes are left out of the test.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

interface Columns {
  index: Partial<Record<Field, number>>;
  header: boolean;
}

const norm = (s: unknown) =>
  String(s ?? '')
    .trim()
    .toLowerCase();

function fieldFor(name: string, opts: CorpusOptions): Field | undefined {
  const wanted: Record<Field, string | undefined> = {
    text: opts.textColumn,
    title: opts.titleColumn,
    date: opts.dateColumn,
    id: opts.idColumn,
    url: undefined,
  };
  for (const f of FIELDS) if (wanted[f] !== undefined && norm(wanted[f]) === name) return f;
  for (const f of FIELDS) if (wanted[f] === undefined && NAMES[f].includes(name)) return f;
  return undefined;
}

/** Header or not from the first record; without one the text is the numbered or else the longest column. */
function columnsFrom(first: string[], opts: CorpusOptions): Columns | string {
  const index: Partial<Record<Field, number>> = {};
  const looksHeader = first.every((c) => c.trim().length <= 40);
  if (looksHeader)
    first.forEach((cell, i) => {
      const f = fieldFor(norm(cell), opts);
      if (f && index[f] === undefined) index[f] = i;
    });
  const header = looksHeader && Object.keys(index).length > 0;
  if (!header) for (const k of FIELDS) delete index[k];
  const numbered = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v) - 1 : undefined);
  const setNumbered = (f: Field, v: string | undefined) => {
    const n = numbered(v);
    if (n !== undefined) index[f] = n;
  };
  setNumbered('text', opts.textColumn);
  setNumbered('title', opts.titleColumn);
  setNumbered('date', opts.dateColumn);
  setNumbered('id', opts.idColumn);
  if (index.text === undefined) {
    if (header || opts.textColumn)
      return `no text column (header: ${first.map((c) => c.trim()).join(', ')}; looked for ${opts.textColumn ?? NAMES.text.slice(0, 4).join(', ')}; name it with --text-column)`;
    let longest = 0;
    first.forEach((c, i) => {
      if (c.length > (first[longest]?.length ?? 0)) longest = i;
    });
    index.text = longest;
  }
  return { index, header };
}

function document(path: string, n: number, get: (f: Field) => string | undefined): RawDocument | string {
  const text = get('text');
  if (!text || !text.trim()) return 'empty text, record skipped';
  const id = get('id')?.trim();
  const url = get('url')?.trim();
  const source = id ? `${path}#${id}` : url && /^https?:\/\//i.test(url) ? url : `${path}#row-${n}`;
  const format = /^\s*<(!doctype html|html|body|p|div|article)[\s>]/i.test(text) ? 'html' : 'text';
  const doc: RawDocument = { source, text, format };
  const title = get('title')?.trim();
  const date = get('date')?.trim();
  if (title) doc.title = title;
  if (date) doc.published = date;
  return doc;
}

/** Quote first (the one that opens fields), then the separator that is most frequent outside quoted fields. */
function sniffDialect(path: string, head: string, opts: CorpusOptions): { delimiter: string; quote: string } {
  const lines = head.split('\n').slice(0, 20);
  if (lines.length > 1) lines.pop(); // the head may end inside a line
  const sample = lines.join('\n');
  let quote = opts.quote;
  if (!quote) {
    const opening = (q: string) => sample.match(new RegExp(`(^|[;,\t|])${q}`, 'gm'))?.length ?? 0;
    quote = opening("'") > opening('"') ? "'" : '"';
  }
  let delimiter = opts.delimiter;
  if (!delimiter) {
    if (innerExt(path) === '.tsv') delimiter = '\t';
    else {
      const q = quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const bare = sample.replace(new RegExp(`${q}(?:[^${q}]|${q}${q})*${q}`, 'g'), '');
      const score = (d: string) => bare.split(d).length - 1;
      delimiter = [';', ',', '\t', '|'].sort((a, b) => score(b) - score(a))[0]!;
    }
  }
  return { delimiter, quote };
}

async function* readCsv(
  path: string,
  head: string,
  encoding: string,
  opts: CorpusOptions,
  onBytes?: OnBytes,
): AsyncGenerator<InputItem> {
  const { delimiter, quote } = sniffDialect(path, head, opts);
  const skipped: InputItem[] = [];
  const parser = Readable.from(decodedChunks(path, encoding, onBytes)).pipe(
    parse({
      delimiter,
      quote,
      escape: quote,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        skipped.push(fail(path, `record skipped: ${err?.message ?? 'malformed CSV record'}`));
        return undefined;
      },
    }),
  );
  let columns: Columns | undefined;
  let n = 0;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* skipped.splice(0);
      if (!columns) {
        const c = columnsFrom(row.record, opts);
        if (typeof c === 'string') {
          yield fail(path, c);
          return;
        }
        columns = c;
        if (c.header) continue;
      }
      n++;
      const cols = columns.index;
      const doc = document(path, n, (f) => (cols[f] === undefined ? undefined : row.record[cols[f]]));
      if (typeof doc === 'string') yield fail(`${path}#row-${n}`, `line ${row.info.lines}: ${doc}`);
      else if (opts.maxChars && doc.text.length > opts.maxChars)
        yield fail(doc.source, `line ${row.info.lines}: record too large (${doc.text.length} characters)`);
      else yield { ok: true, doc };
    }
  } catch (err) {
    yield* skipped.splice(0);
    yield fail(path, `unreadable CSV: ${(err as Error).message}`);
    return;
  }
  yield* skipped.splice(0);
  if (!columns) yield fail(path, 'no records in the file');
}

async function* readJsonl(
  path: string,
  encoding: string,
  opts: CorpusOptions,
  onBytes?: OnBytes,
): AsyncGenerator<InputItem> {
  const pick = (o: Record<string, unknown>, f: Field, given: string | undefined): string | undefined => {
    const keys = given ? [given] : NAMES[f];
    for (const k of Object.keys(o)) if (keys.includes(norm(k)) && o[k] != null) return String(o[k]);
    return undefined;
  };
  let buf = '';
  let line = 0;
  let n = 0;
  let good = 0;
  const one = (raw: string): InputItem | undefined => {
    line++;
    if (!raw.trim()) return undefined;
    n++;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      return fail(`${path}#row-${n}`, `line ${line}: broken JSON line (${(err as Error).message}), record skipped`);
    }
    const o: Record<string, unknown> = typeof value === 'string' ? { text: value } : (value as Record<string, unknown>);
    if (!o || typeof o !== 'object' || Array.isArray(o))
      return fail(`${path}#row-${n}`, `line ${line}: not a JSON object or string, record skipped`);
    const get = (f: Field) =>
      pick(
        o,
        f,
        { text: opts.textColumn, title: opts.titleColumn, date: opts.dateColumn, id: opts.idColumn, url: undefined }[f],
      );
    const doc = document(path, n, get);
    if (typeof doc === 'string') return fail(`${path}#row-${n}`, `line ${line}: ${doc}`);
    if (opts.maxChars && doc.text.length > opts.maxChars)
      return fail(doc.source, `line ${line}: record too large (${doc.text.length} characters)`);
    good++;
    return { ok: true, doc };
  };
  for await (const chunk of decodedChunks(path, encoding, onBytes)) {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const item = one(buf.slice(0, nl).replace(/^\uFEFF/, ''));
      buf = buf.slice(nl + 1);
      if (item) yield item;
    }
  }
  const last = buf.trim() ? one(buf) : undefined;
  if (last) yield last;
  if (!n) yield fail(path, 'no records in the file');
  else if (!good) yield fail(path, `no readable record among ${n}`);
}

/**
 * Yields one document per record of a CSV/TSV/JSONL corpus file, or one failure per bad record; `onBytes` hears of
 * the file's bytes as the records are read (a refused file counts whole at once).
 */
export async function* readCorpus(
  path: string,
  opts: CorpusOptions = {},
  onBytes?: OnBytes,
): AsyncGenerator<InputItem> {
  let head: Buffer;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) {
      yield fail(path, 'not a regular file');
      return;
    }
    size = st.size;
    if (st.size === 0) {
      yield fail(path, 'empty file');
      return;
    }
    head = await headOf(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    {
      yield fail(path, code === 'ENOENT' ? 'no such file or directory' : (err as Error).message);
      return;
    }
  }
  if (looksBinary(head)) {
    onBytes?.(size);
    yield fail(path, 'binary file, not a CSV/TSV/JSONL corpus');
    return;
  }
  const encoding = sniffEncoding(head);
  const ext = innerExt(path);
  if (ext === '.jsonl' || ext === '.ndjson') yield* readJsonl(path, encoding, opts, onBytes);
  else yield* readCsv(path, new TextDecoder(encoding).decode(head), encoding, opts, onBytes);
}
