// Reading inputs: files and folders (recursive), encoding detection (UTF-8, UTF-16 with BOM, Latin-1), corpus files
// of one article per record (./corpus.ts), binary/empty/oversized refusal. One bad file or record never stops a run.

import { readdir, stat, open } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CORPUS_EXTENSIONS, isCorpusPath, readCorpus, type CorpusOptions, type OnBytes } from './corpus.js';
import type { InputItem, RawDocument } from './types.js';

/** Files above this size are refused (override with GEOKG_MAX_INPUT_MB or the CLI's --max-size). */
export const DEFAULT_MAX_INPUT_MB = 20;

// Folders are walked for articles and corpora only; READMEs and other .md files are skipped (pass them explicitly).
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', ...CORPUS_EXTENSIONS]);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

export interface ReadOptions {
  maxBytes?: number;
  /** Column names and CSV dialect for corpus files (.csv .tsv .jsonl .ndjson). */
  corpus?: CorpusOptions;
  /** Hears of the file bytes read so far, a corpus file as its records stream: progress by bytes (./corpus.ts). */
  onBytes?: OnBytes;
}

function maxBytesFrom(opts?: ReadOptions): number {
  if (opts?.maxBytes) return opts.maxBytes;
  const env = Number(process.env.GEOKG_MAX_INPUT_MB);
  return (Number.isFinite(env) && env > 0 ? env : DEFAULT_MAX_INPUT_MB) * 1024 * 1024;
}

/**
 * UTF-16 without a BOM, from its zero bytes: text in Latin script has a NUL in every other byte, on the odd
 * positions for little-endian and the even ones for big-endian, and (almost) none on the other side.
 */
export function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 8192) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** True for a PDF (its `%PDF-` header, even when the rest happens to be ASCII): refused with its own message. */
export function isPdf(buf: Uint8Array): boolean {
  return buf.length >= 5 && Buffer.from(buf.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Decodes bytes: BOM first, then strict UTF-8, then Windows-1252/Latin-1 (which never fails). */
export function decodeBytes(buf: Uint8Array): { text: string; encoding: string } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(buf);
  if (utf16) return { text: new TextDecoder(utf16).decode(buf), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(buf), encoding: 'latin-1' };
  }
}

/** True when the bytes look like a binary file (NUL bytes or many control characters), BOM-encoded UTF-16 excepted. */
export function looksBinary(buf: Uint8Array): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return false;
  if (sniffUtf16(buf)) return false;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decides text or HTML from the extension, then from the first bytes. */
export function sniffFormat(path: string, text: string): 'text' | 'html' {
  if (HTML_EXTENSIONS.has(extname(path).toLowerCase())) return 'html';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(head)) return 'html';
  if (/<(body|p|div|article)[\s>]/.test(head) && /<\/(p|div|body|article)>/.test(text.slice(0, 20000).toLowerCase()))
    return 'html';
  return 'text';
}

/** Reads one file into a RawDocument, or says in one line why it cannot. */
export async function readOne(path: string, opts?: ReadOptions): Promise<InputItem> {
  const maxBytes = maxBytesFrom(opts);
  try {
    const st = await stat(path);
    if (!st.isFile()) return { ok: false, source: path, error: 'not a regular file' };
    // Counted once it is known, read or refused: the bar's total is the sum of the sizes of all inputs.
    opts?.onBytes?.(st.size);
    if (st.size === 0) return { ok: false, source: path, error: 'empty file' };
    if (st.size > maxBytes)
      return {
        ok: false,
        source: path,
        error: `file too large (${(st.size / 1048576).toFixed(1)} MB, limit ${(maxBytes / 1048576).toFixed(0)} MB; raise it with --max-size MB)`,
      };
    const fh = await open(path, 'r');
    let buf: Buffer;
    try {
      buf = await fh.readFile();
    } finally {
      await fh.close();
    }
    if (isPdf(buf)) return { ok: false, source: path, error: 'PDF is not supported: convert it to text or HTML first' };
    if (looksBinary(buf)) return { ok: false, source: path, error: 'binary file, not text or HTML' };
    const { text } = decodeBytes(buf);
    if (!text.trim()) return { ok: false, source: path, error: 'empty file (whitespace only)' };
    const doc: RawDocument = { source: path, text, format: sniffFormat(path, text) };
    return { ok: true, doc };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const msg =
      code === 'ENOENT'
        ? 'no such file or directory'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : (err as Error).message;
    return { ok: false, source: path, error: msg };
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && (TEXT_EXTENSIONS.has(extname(e.name).toLowerCase()) || isCorpusPath(e.name))) yield p;
  }
}

/** Lists the files a run will read: files as given, folders recursively (text and HTML extensions only). */
export async function listInputs(paths: string[]): Promise<Array<{ path: string; error?: string }>> {
  const out: Array<{ path: string; error?: string }> = [];
  for (const p of paths) {
    try {
      const st = await stat(p);
      if (st.isDirectory()) {
        const before = out.length;
        for await (const f of walk(p)) out.push({ path: f });
        if (out.length === before) out.push({ path: p, error: 'folder holds no .txt/.html/.csv/.jsonl files' });
      } else out.push({ path: p });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.push({ path: p, error: code === 'ENOENT' ? 'no such file or directory' : (err as Error).message });
    }
  }
  return out;
}

/** The documents of one file: the file itself, or each record of a corpus file (streamed, never read whole). */
export async function* readItems(path: string, opts?: ReadOptions): AsyncGenerator<InputItem> {
  if (isCorpusPath(path)) yield* readCorpus(path, { maxChars: maxBytesFrom(opts), ...opts?.corpus }, opts?.onBytes);
  else yield await readOne(path, opts);
}

/** Yields every readable document; never throws for one bad file (it yields `{ok:false}` instead). */
export async function* readInputs(paths: string[], opts?: ReadOptions): AsyncGenerator<InputItem> {
  for (const item of await listInputs(paths)) {
    if (item.error) yield { ok: false, source: item.path, error: item.error };
    else yield* readItems(item.path, opts);
  }
}
