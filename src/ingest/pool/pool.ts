// A pool of extraction worker threads: documents in, extractions out in input order, whatever the number of workers.
// Bounded: at most `window` documents are read ahead of the consumer, so a slow store or a huge corpus cannot fill memory.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { GeokgError } from '../../errors.js';
import type { DocumentExtraction } from '../../model.js';
import type { ExtractOptions, InputItem, RawDocument } from '../types.js';
import { sharedSyntaxFiles } from '../syntax/load.js';
import type { JobMessage, ReadyMessage, ReplyMessage } from './protocol.js';

const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** The pool could not start or keep its workers (not a bad document: those come back as failed results). */
export class ExtractionPoolError extends GeokgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('extract', message, options);
    this.name = 'ExtractionPoolError';
  }
}

export interface PoolOptions {
  /** Worker threads; 0 extracts in the calling thread (no overlap). Default: the number of cores. */
  workers?: number;
  /** Documents read ahead of the consumer (in flight plus finished but not yet taken). Default 8 per worker, ≥ 32. */
  window?: number;
  extract?: ExtractOptions;
  /** Results carry the extraction as JSON text (serialised in the worker) instead of an object. */
  json?: boolean;
  /** Extract as the store wants it (`loadExtractor` in src/store/ingest-files.ts), not as `geokg extract` prints it. */
  forStore?: boolean;
}

export type PoolResult =
  | { ok: true; source: string; doc?: DocumentExtraction; json?: string }
  | { ok: false; source: string; error: string; stage: 'read' | 'extract' };

/** Documents a worker holds at once: one running and one queued, so it never waits for the main thread. */
const PER_WORKER = 2;

interface Slot {
  worker: Worker;
  busy: number;
  completed: number;
  jobs: Map<number, (r: ReplyMessage) => void>;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export class ExtractionPool {
  readonly workers: number;
  private readonly window: number;
  private readonly opts: PoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ job: JobMessage; done: (r: ReplyMessage) => void }> = [];
  private fatal: ExtractionPoolError | undefined;
  private closed = false;
  private inline: ((doc: RawDocument, opts: ExtractOptions) => Promise<DocumentExtraction>) | undefined;

  constructor(opts: PoolOptions = {}) {
    const n = opts.workers ?? defaultWorkers();
    if (!Number.isInteger(n) || n < 0) throw new ExtractionPoolError(`workers must be a whole number ≥ 0, got ${n}`);
    this.workers = n;
    this.window = Math.max(opts.window ?? Math.max(32, 8 * n), 1);
    this.opts = opts;
  }

  private spawn(): Slot {
    // execArgv [] : the parent's loader flags (tsx, vitest) do not apply in a worker; the entry registers tsx itself.
    const worker = new Worker(WORKER_ENTRY, {
      execArgv: [],
      // One copy of the syntax models for all workers (SharedArrayBuffers): N workers do not hold N copies.
      workerData: { models: sharedSyntaxFiles() },
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    const slot: Slot = { worker, busy: 0, completed: 0, jobs: new Map() };
    worker.on('message', (m: ReplyMessage | ReadyMessage) => {
      if ('ready' in m) return;
      const done = slot.jobs.get(m.seq);
      if (!done) return;
      slot.jobs.delete(m.seq);
      slot.busy--;
      slot.completed++;
      done(m);
      this.drain();
    });
    const crashed = (err: Error) => this.crashed(slot, err);
    worker.on('error', crashed);
    worker.on('exit', (code) => {
      if (!this.closed) crashed(new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  /** A crashed worker fails its documents, and is replaced unless it never finished one (then the pool is broken). */
  private crashed(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    for (const [seq, done] of slot.jobs) done({ seq, ok: false, error: `extraction worker crashed: ${err.message}` });
    slot.jobs.clear();
    if (slot.completed === 0 && !this.closed) {
      this.fatal ??= new ExtractionPoolError(`extraction worker could not start: ${err.message}`, { cause: err });
      this.slots.splice(i, 1);
      for (const q of this.queue.splice(0)) q.done({ seq: q.job.seq, ok: false, error: this.fatal.message });
      return;
    }
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    this.drain();
  }

  private drain(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.busy < PER_WORKER && (!best || s.busy < best.busy)) best = s;
      // Workers start when there is work for them: a one-document run pays for one worker's start-up, not N.
      if ((!best || best.busy > 0) && this.slots.length < this.workers) this.slots.push((best = this.spawn()));
      if (!best) return;
      const { job, done } = this.queue.shift()!;
      best.busy++;
      best.jobs.set(job.seq, done);
      best.worker.postMessage(job);
    }
  }

  private async extractOne(seq: number, doc: RawDocument): Promise<ReplyMessage> {
    const json = Boolean(this.opts.json);
    const forStore = Boolean(this.opts.forStore);
    const opts = this.opts.extract ?? {};
    if (this.workers === 0) {
      if (!this.inline) {
        const extract = forStore
          ? await (await import('../../store/ingest-files.js')).loadExtractor()
          : (await import('../index.js')).extractDocument;
        this.inline = async (d: RawDocument, o: ExtractOptions) => extract(d, o);
      }
      try {
        const d = await this.inline(doc, opts);
        return json ? { seq, ok: true, json: JSON.stringify(d) } : { seq, ok: true, doc: d };
      } catch (err) {
        return { seq, ok: false, error: (err as Error).message };
      }
    }
    if (this.fatal) return { seq, ok: false, error: this.fatal.message };
    return new Promise((resolve) => {
      this.queue.push({ job: { seq, doc, opts, json, forStore }, done: resolve });
      this.drain();
    });
  }

  /**
   * Extracts every readable input and yields one result per input, in input order. Reading pauses while `window`
   * documents are ahead of the consumer; stopping the iteration early stops reading.
   */
  async *run(items: AsyncIterable<InputItem> | Iterable<InputItem>): AsyncGenerator<PoolResult> {
    const it = (Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]()) as
      AsyncIterator<InputItem> | Iterator<InputItem>;
    const ready = new Map<number, PoolResult>();
    let read = 0;
    let taken = 0;
    let finished = false;
    let failure: unknown;
    let wakeConsumer: (() => void) | undefined;
    let wakeReader: (() => void) | undefined;
    const poke = (w: (() => void) | undefined) => w?.();

    const reader = async () => {
      while (!finished) {
        while (read - taken >= this.window && !finished)
          await new Promise<void>((r) => (wakeReader = r)).finally(() => (wakeReader = undefined));
        if (finished) break;
        const next = await it.next();
        if (next.done) break;
        const seq = read++;
        const item = next.value;
        if (!item.ok) {
          ready.set(seq, { ok: false, source: item.source, error: item.error, stage: 'read' });
          poke(wakeConsumer);
          continue;
        }
        const source = item.doc.source;
        void this.extractOne(seq, item.doc).then((r) => {
          ready.set(
            seq,
            r.ok
              ? { ok: true, source, ...(r.json !== undefined ? { json: r.json } : { doc: r.doc }) }
              : { ok: false, source, error: `extraction failed: ${r.error}`, stage: 'extract' },
          );
          poke(wakeConsumer);
        });
      }
      finished = true;
      poke(wakeConsumer);
    };
    const reading = reader().catch((err: unknown) => {
      failure = err;
      finished = true;
      poke(wakeConsumer);
    });

    try {
      for (;;) {
        if (this.fatal) throw this.fatal;
        const r = ready.get(taken);
        if (r) {
          ready.delete(taken);
          taken++;
          poke(wakeReader);
          yield r;
          continue;
        }
        if (failure) throw failure;
        if (finished && taken === read) break;
        await new Promise<void>((res) => (wakeConsumer = res)).finally(() => (wakeConsumer = undefined));
      }
    } finally {
      finished = true;
      poke(wakeReader);
      await reading;
      await it.return?.();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
