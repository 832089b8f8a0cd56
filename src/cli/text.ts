// Small wording and output helpers shared by the CLI commands: plurals, the list of readable file types, and
// writing an output file so that errors name the file the user asked for.

import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

/** `1 document`, `2 documents`: counts read as English at 1 too. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What a folder walk reads (src/ingest/read.ts): stated once so `extract --help` and `ingest --help` cannot drift
 * apart again. Other files are read only when named explicitly.
 */
export const INPUT_PATHS_HELP =
  'files or folders (read recursively: .txt .text .html .htm .xhtml; corpora of one article per record: ' +
  '.csv .tsv .jsonl .ndjson, also gzipped (.gz); other files only when named)';

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e?.code ?? String((err as Error)?.message ?? err);
  }
}

/**
 * Fails early, before minutes of extraction, when FILE cannot be written: its folder is missing or read-only, or
 * FILE is a folder. The message names FILE, never the temporary file the atomic write goes through.
 */
export function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new InputError(`cannot write ${file}: ${reason(err)}`);
  }
}

/** Writes FILE all at once (a temporary file renamed over it), so a failed run never leaves half an output. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${file}: ${reason(err)}`);
  }
}
