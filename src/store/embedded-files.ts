// The embedded store's files: a snapshot (store.json), an append-only journal (store.journal) and a writer lock.
// Writers append one line per change under an exclusive lock; compaction folds the journal into a new snapshot.

import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreError, StoreLockedError } from '../errors.js';
import type { PreparedDocument } from './common.js';

const FORMAT = 'geokg-embedded-store';
const JOURNAL_FORMAT = 'geokg-embedded-journal';
/** 2: snapshot + journal. Version 1 files (snapshot only) are read as generation 0 with an empty journal. */
export const VERSION = 2;
export const EMBEDDED_FILE = 'store.json';
export const JOURNAL_FILE = 'store.journal';
const LOCK_FILE = 'store.lock';
/** The journal is folded into the snapshot once it outgrows it (and this floor): amortised O(1) per document. */
const COMPACT_MIN_BYTES = 8 * 1024 * 1024;
/** A lock whose holder stopped refreshing it this long ago belongs to a dead process and is taken over. */
const LOCK_STALE_MS = 10_000;
const LOCK_POLL_MS = 100;
/** Waiting longer than this for the lock is said once, so a user sees why a second writer pauses. */
const LOCK_NOTICE_MS = 1_000;
export const DEFAULT_LOCK_TIMEOUT_MS = 120_000;

export type JournalOp = { add: PreparedDocument } | { remove: string };

interface SnapshotFile {
  format: typeof FORMAT;
  version: number;
  generation?: number;
  documents: PreparedDocument[];
}

/** What changed on disk since the last look: nothing, a whole new state, or operations appended to the journal. */
export type Change =
  | { kind: 'same' }
  | { kind: 'full'; documents: PreparedDocument[]; ops: JournalOp[] }
  | { kind: 'delta'; ops: JournalOp[] };

export interface StoreFilesOptions {
  lockTimeoutMs?: number;
  /** Journal size that triggers compaction at the least (default 8 MiB; tests set it low). */
  compactMinBytes?: number;
  /** Told once per wait when another process holds the writer lock for more than a second. */
  onLockWait?: (message: string) => void;
}

const stampOf = (st: { mtimeMs: number; size: number; ino: number }) => `${st.mtimeMs}:${st.size}:${st.ino}`;

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StoreFiles {
  readonly home: string;
  readonly snapshot: string;
  readonly journal: string;
  private generation = 0;
  private snapshotStamp = '';
  private snapshotBytes = 0;
  private journalIno = -1;
  /** Generation in the journal's header; appends go only to a journal of the snapshot's generation. */
  private journalGeneration = -1;
  /** Bytes of the journal read and applied: always the end of a complete line. */
  private journalOffset = 0;
  private cleaned = false;

  constructor(
    home: string,
    private readonly opts: StoreFilesOptions = {},
  ) {
    this.home = path.resolve(home);
    this.snapshot = path.join(this.home, EMBEDDED_FILE);
    this.journal = path.join(this.home, JOURNAL_FILE);
  }

  /** Reads what changed since the last call; the first call reads everything. */
  async changes(): Promise<Change> {
    if (!this.cleaned) {
      this.cleaned = true;
      await this.removeStrayTemporaries();
    }
    const snap = await this.statOrNull(this.snapshot);
    const snapStamp = snap ? stampOf(snap) : '';
    const jst = await this.statOrNull(this.journal);
    if (snapStamp === this.snapshotStamp && (jst?.ino ?? -1) === this.journalIno) {
      if (!jst || jst.size === this.journalOffset) return { kind: 'same' };
      if (jst.size > this.journalOffset) return { kind: 'delta', ops: await this.readJournal(false) };
    }
    const documents = snap ? await this.readSnapshot(snap.size) : [];
    this.generation = snap ? this.generation : 0;
    this.snapshotStamp = snapStamp;
    this.snapshotBytes = snap?.size ?? 0;
    this.journalIno = -1;
    this.journalGeneration = -1;
    this.journalOffset = 0;
    return { kind: 'full', documents, ops: await this.readJournal(true) };
  }

  /** Runs `fn` holding the exclusive writer lock; waits for another writer, at most lockTimeoutMs. */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await mkdir(this.home, { recursive: true }).catch((err: unknown) => {
      throw this.error('cannot create', err);
    });
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Appends changes (under the lock, after changes() caught up): one fsync'd write, whatever the store's size. */
  async append(ops: JournalOp[]): Promise<void> {
    if (ops.length === 0) return;
    try {
      if (!(await this.statOrNull(this.snapshot))) await this.writeSnapshot([], this.generation);
      let fh: FileHandle;
      const jst = await this.statOrNull(this.journal);
      if (!jst || jst.ino !== this.journalIno || this.journalGeneration !== this.generation) {
        await this.writeJournalHeader(this.generation);
        fh = await open(this.journal, 'r+');
      } else {
        fh = await open(this.journal, 'r+');
        // A writer that died mid-line left a torn tail after the last complete line: it goes before we append.
        if (jst.size !== this.journalOffset) await fh.truncate(this.journalOffset);
      }
      try {
        const text = ops.map((op) => `${JSON.stringify(op)}\n`).join('');
        const buf = Buffer.from(text);
        await fh.write(buf, 0, buf.length, this.journalOffset);
        await fh.datasync();
        this.journalOffset += buf.length;
        this.journalIno = (await fh.stat()).ino;
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw err instanceof StoreError ? err : this.error('cannot write', err);
    }
  }

  /** True when the journal has grown past the snapshot: folding it in now keeps the amortised cost constant. */
  shouldCompact(): boolean {
    return this.journalOffset > Math.max(this.opts.compactMinBytes ?? COMPACT_MIN_BYTES, this.snapshotBytes);
  }

  /** Writes all documents as the next generation's snapshot, then starts that generation's empty journal. */
  async compact(documents: PreparedDocument[]): Promise<void> {
    try {
      const next = this.generation + 1;
      // Order matters for a crash in between: a new snapshot with the old journal ignores that journal.
      await this.writeSnapshot(documents, next);
      await this.writeJournalHeader(next);
    } catch (err) {
      throw err instanceof StoreError ? err : this.error('cannot write', err);
    }
  }

  /**
   * Empties the store (under the lock) without reading it, so a corrupt file can be replaced. The new generation
   * is a timestamp: it differs from whatever generation an unreadable journal has.
   */
  async reset(): Promise<void> {
    try {
      const next = Math.max(this.generation + 1, Date.now());
      await this.writeSnapshot([], next);
      await this.writeJournalHeader(next);
    } catch (err) {
      throw err instanceof StoreError ? err : this.error('cannot write', err);
    }
  }

  private async acquire(): Promise<() => Promise<void>> {
    const limit = this.opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    const started = Date.now();
    let told = false;
    for (;;) {
      try {
        return await lockfile.lock(this.home, {
          lockfilePath: path.join(this.home, LOCK_FILE),
          realpath: false,
          stale: LOCK_STALE_MS,
          retries: 0,
          // A lost lock (the lock dir removed or taken over) must not crash the process from a timer.
          onCompromised: () => undefined,
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw this.error('cannot lock', err);
      }
      const waited = Date.now() - started;
      if (waited >= limit) {
        throw new StoreLockedError(
          `embedded store ${this.home} is locked by another geokg process (waited ${Math.round(waited / 1000)} s); ` +
            'let it finish, or stop it, and retry',
        );
      }
      if (!told && waited >= LOCK_NOTICE_MS) {
        told = true;
        this.opts.onLockWait?.(`waiting for another geokg process writing the embedded store in ${this.home}…`);
      }
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }

  private async readSnapshot(size: number): Promise<PreparedDocument[]> {
    let raw: string;
    try {
      raw = await readFile(this.snapshot, 'utf8');
    } catch (err) {
      throw this.error('cannot read', err);
    }
    let parsed: SnapshotFile;
    try {
      parsed = JSON.parse(raw) as SnapshotFile;
    } catch (err) {
      throw new StoreError(
        `embedded store ${this.snapshot} is corrupt (${(err as Error).message}); it was left untouched — ` +
          'move it away or run `geokg reset --yes` to start empty',
      );
    }
    if (parsed?.format !== FORMAT || !Array.isArray(parsed.documents)) {
      throw new StoreError(`${this.snapshot} is not a geokg embedded store; it was left untouched`);
    }
    if (parsed.version > VERSION) {
      throw new StoreError(`${this.snapshot} was written by a newer geokg (format version ${parsed.version})`);
    }
    this.generation = parsed.generation ?? 0;
    this.snapshotBytes = size;
    return parsed.documents;
  }

  /**
   * Reads the journal from the last offset (or the start) up to its last complete line. A journal of another
   * generation than the snapshot predates a compaction and is ignored; a torn last line is left for the next writer.
   */
  private async readJournal(fromStart: boolean): Promise<JournalOp[]> {
    let fh: FileHandle;
    try {
      fh = await open(this.journal, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw this.error('cannot read', err);
    }
    try {
      const st = await fh.stat();
      const start = fromStart ? 0 : this.journalOffset;
      const buf = Buffer.alloc(st.size - start);
      const { bytesRead } = await fh.read(buf, 0, buf.length, start);
      const end = buf.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
      const lines = buf.subarray(0, end).toString('utf8').split('\n');
      lines.pop();
      // State moves only after every line parsed: a corrupt journal stays corrupt for the next call too.
      let skip = 0;
      let generation = this.journalGeneration;
      if (fromStart) {
        const header = this.parseLine(lines[0], 1) as { format?: string; generation?: number } | undefined;
        if (header?.format !== JOURNAL_FORMAT) {
          if (lines.length === 0) return [];
          throw new StoreError(`${this.journal} is not a geokg journal; it was left untouched`);
        }
        generation = header.generation ?? -1;
        skip = 1;
      }
      const current = generation === this.generation;
      const ops = current ? lines.slice(skip).map((line, i) => this.parseLine(line, i + skip + 1) as JournalOp) : [];
      this.journalIno = st.ino;
      this.journalGeneration = generation;
      this.journalOffset = start + end;
      return ops;
    } finally {
      await fh.close();
    }
  }

  private parseLine(line: string | undefined, n: number): unknown {
    if (line === undefined) return undefined;
    try {
      return JSON.parse(line);
    } catch (err) {
      throw new StoreError(
        `embedded store journal ${this.journal} is corrupt at line ${n} (${(err as Error).message}); it was left ` +
          'untouched — move it away or run `geokg reset --yes` to start empty',
      );
    }
  }

  /** Write-temp-then-rename: a crash leaves the old file or the new one, never half of one. */
  private async writeSnapshot(documents: PreparedDocument[], generation: number): Promise<void> {
    const body: SnapshotFile = { format: FORMAT, version: VERSION, generation, documents };
    await this.replaceFile(this.snapshot, JSON.stringify(body));
    const st = await stat(this.snapshot);
    this.snapshotStamp = stampOf(st);
    this.snapshotBytes = st.size;
    this.generation = generation;
  }

  private async writeJournalHeader(generation: number): Promise<void> {
    const header = `${JSON.stringify({ format: JOURNAL_FORMAT, generation })}\n`;
    await this.replaceFile(this.journal, header);
    this.journalIno = (await stat(this.journal)).ino;
    this.journalOffset = Buffer.byteLength(header);
    this.journalGeneration = generation;
  }

  private async replaceFile(file: string, text: string): Promise<void> {
    const tmp = `${file}.tmp-${process.pid}`;
    try {
      await mkdir(this.home, { recursive: true });
      await writeFile(tmp, text);
      fsyncFile(tmp);
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw this.error('cannot write', err);
    }
  }

  /** Temporary files of writers that died before their rename (named by pid): removed at the next open. */
  private async removeStrayTemporaries(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.home);
    } catch {
      return;
    }
    for (const name of names) {
      const m = /^store\.(?:json|journal)\.tmp-(\d+)$/.exec(name);
      if (!m) continue;
      const pid = Number(m[1]);
      if (pid === process.pid || processAlive(pid)) continue;
      await rm(path.join(this.home, name), { force: true }).catch(() => undefined);
    }
  }

  private async statOrNull(file: string) {
    try {
      return await stat(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.error('cannot read', err);
    }
  }

  private error(what: string, err: unknown): StoreError {
    return new StoreError(`${what} embedded store in ${this.home}: ${(err as Error).message}`, { cause: err });
  }
}
