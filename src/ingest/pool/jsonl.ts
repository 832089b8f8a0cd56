// JSON Lines files of extractions, plain or gzip: written by `geokg extract --format jsonl`, read back by
// `geokg ingest --from-extraction`. Written to a temporary file and renamed, so a shard is complete or absent.

import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { InputError } from '../../errors.js';

export interface JsonlSink {
  write(line: string): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** Streams lines to FILE (gzip when it ends in .gz) through FILE.tmp-PID, or to stdout without a file. */
export function openJsonlSink(file?: string): JsonlSink {
  if (!file) {
    return {
      write: async (line) => {
        if (!process.stdout.write(line)) await once(process.stdout, 'drain');
      },
      finish: async () => undefined,
      abort: async () => undefined,
    };
  }
  const tmp = `${file}.tmp-${process.pid}`;
  const raw: WriteStream = createWriteStream(tmp);
  const gz: Gzip | undefined = file.endsWith('.gz') ? createGzip() : undefined;
  if (gz) gz.pipe(raw);
  const head: Writable = gz ?? raw;
  let error: Error | undefined;
  head.on('error', (e: Error) => (error ??= e));
  raw.on('error', (e: Error) => (error ??= e));
  return {
    async write(line) {
      if (error) throw new InputError(`cannot write ${file}: ${error.message}`);
      if (!head.write(line)) await once(head, 'drain');
    },
    async finish() {
      head.end();
      await once(raw, 'close');
      if (error) {
        await rm(tmp, { force: true });
        throw new InputError(`cannot write ${file}: ${error.message}`);
      }
      await rename(tmp, file);
    },
    async abort() {
      head.destroy();
      raw.destroy();
      await rm(tmp, { force: true });
    },
  };
}

/** One line of a shard: its number (1-based) and text; blank lines are skipped. */
export interface JsonlLine {
  line: number;
  text: string;
}

/** Reads a shard line by line (gzip recognised by its magic bytes, whatever the name), holding one line at a time. */
export async function* readJsonl(file: string): AsyncGenerator<JsonlLine> {
  let gz: boolean;
  try {
    const fh = await open(file, 'r');
    try {
      const head = Buffer.alloc(2);
      const { bytesRead } = await fh.read(head, 0, 2, 0);
      gz = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : (err as Error).message, { cause: err });
  }
  const stream = createReadStream(file);
  const source = gz ? stream.pipe(createGunzip()) : stream;
  let failure: Error | undefined;
  stream.on('error', (e) => (failure ??= e));
  source.on('error', (e: Error) => (failure ??= e));
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      if (text.trim()) yield { line: n, text };
    }
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure) throw new InputError(`unreadable after line ${n}: ${failure.message}`, { cause: failure });
}
