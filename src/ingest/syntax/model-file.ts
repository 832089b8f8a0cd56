// The binary model file: "GKSYNTAX" magic, a JSON header, then deflated Int16 or Int8 weight tables.
// One scale per table plus deflate keeps the files small; the reader checks every length.

import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { narrow, quantise } from './perceptron.js';

const MAGIC = 'GKSYNTAX';
export const MODEL_FORMAT_VERSION = 1;

export class ModelFormatError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`syntax model ${path}: ${message}`);
    this.name = 'ModelFormatError';
  }
}

interface ArraySpec {
  name: string;
  length: number;
  scale: number;
  bytes: number;
  /** Element type; absent in files written before Int8 tables existed, which are all Int16. */
  dtype?: 'i16' | 'i8';
}

/** A table as trained, or already quantised to Int16 (a shipped file being narrowed to Int8). */
export type TableInput = Float32Array | { data: Int16Array; scale: number };

/** Writes atomically (temporary file, then rename) so that a crash never leaves a half-written model. Tables named
 * in `int8` are stored as Int8 (narrow()), the rest as Int16. */
export function writeModelFile(
  path: string,
  header: Record<string, unknown>,
  tables: Record<string, TableInput>,
  int8: readonly string[] = [],
): void {
  const specs: ArraySpec[] = [];
  const blobs: Buffer[] = [];
  for (const name of Object.keys(tables).sort()) {
    const t = tables[name]!;
    const q = t instanceof Float32Array ? quantise(t) : t;
    const i8 = int8.includes(name);
    const data = i8 ? narrow(q.data) : q.data;
    const scale = i8 ? (q.scale * 32767) / 127 : q.scale;
    const blob = deflateRawSync(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { level: 9 });
    specs.push({ name, length: data.length, scale, bytes: blob.length, ...(i8 ? { dtype: 'i8' as const } : {}) });
    blobs.push(blob);
  }
  const json = Buffer.from(JSON.stringify({ ...header, version: MODEL_FORMAT_VERSION, arrays: specs }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, json, ...blobs]));
  renameSync(tmp, path);
}

export interface ModelFile {
  header: Record<string, unknown> & { arrays: ArraySpec[] };
  tables: Record<string, Int16Array | Int8Array>;
  /** Each table's scale (weight = stored value × scale). */
  scales: Record<string, number>;
}

/** Model files already in memory, by path: tables on SharedArrayBuffers that worker threads adopt instead of reading
 * their own copies (one copy of the weights for all threads: two workers peaked at 696 MB instead of 848 MB). */
const adopted = new Map<string, ModelFile>();

export function adoptModelFiles(files: ReadonlyMap<string, ModelFile>): void {
  for (const [path, file] of files) adopted.set(path, file);
}

/** Reads a model file into SharedArrayBuffer-backed tables (for adoptModelFiles in other threads). */
export function readSharedModelFile(path: string): ModelFile {
  const file = readModelFile(path);
  const tables: ModelFile['tables'] = {};
  for (const [name, t] of Object.entries(file.tables)) {
    const sab = new SharedArrayBuffer(t.byteLength);
    const copy = t instanceof Int8Array ? new Int8Array(sab) : new Int16Array(sab);
    copy.set(t);
    tables[name] = copy;
  }
  return { ...file, tables };
}

export function readModelFile(path: string): ModelFile {
  const hit = adopted.get(path);
  if (hit) return hit;
  const buf = readFileSync(path);
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC)
    throw new ModelFormatError('not a geokg syntax model', path);
  const len = buf.readUInt32LE(8);
  if (12 + len > buf.length) throw new ModelFormatError('truncated header', path);
  let header: ModelFile['header'];
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + len));
  } catch {
    throw new ModelFormatError('unreadable header', path);
  }
  if (header.version !== MODEL_FORMAT_VERSION)
    throw new ModelFormatError(`format version ${String(header.version)}, expected ${MODEL_FORMAT_VERSION}`, path);
  const tables: Record<string, Int16Array | Int8Array> = {};
  const scales: Record<string, number> = {};
  let at = 12 + len;
  for (const spec of header.arrays) {
    if (at + spec.bytes > buf.length) throw new ModelFormatError(`table ${spec.name} is truncated`, path);
    const dtype = spec.dtype ?? 'i16';
    if (dtype !== 'i16' && dtype !== 'i8')
      throw new ModelFormatError(`table ${spec.name} has unknown type ${String(dtype)}`, path);
    const width = dtype === 'i8' ? 1 : 2;
    const raw = inflateRawSync(buf.subarray(at, at + spec.bytes));
    if (raw.length !== spec.length * width) throw new ModelFormatError(`table ${spec.name} has the wrong size`, path);
    scales[spec.name] = spec.scale;
    if (width === 1) tables[spec.name] = new Int8Array(raw.buffer, raw.byteOffset, spec.length);
    // A view on the inflated buffer when it is aligned: a copy would double the peak memory of loading.
    else if (raw.byteOffset % 2 === 0) tables[spec.name] = new Int16Array(raw.buffer, raw.byteOffset, spec.length);
    else {
      const copy = new Int16Array(spec.length);
      new Uint8Array(copy.buffer).set(raw);
      tables[spec.name] = copy;
    }
    at += spec.bytes;
  }
  return { header, tables, scales };
}
