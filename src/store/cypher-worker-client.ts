// Neo4jStore's side of the Cypher worker: one long-lived worker thread (src/store/cypher-worker.ts) that runs the
// bounded researcher queries; a crashed or wedged worker fails the queries it held and is replaced for the next one.

import { Worker } from 'node:worker_threads';
import { isInt } from 'neo4j-driver';
import { QueryError, QueryTimeoutError } from '../errors.js';
import { redactSecrets } from '../redact.js';
import { CLIENT_GRACE_MS, mapParams, type BoundedQueryOptions, type CypherResult } from './cypher-run.js';
import {
  CypherWorkerError,
  errorFromWire,
  INT_TAG,
  type CypherJob,
  type CypherReply,
  type WorkerConnection,
} from './cypher-worker-protocol.js';

// From sources (tsx, vitest) the entry registers tsx in the thread first; compiled, the worker's .js runs as is.
const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./cypher-worker-entry.mjs', import.meta.url)
  : new URL('./cypher-worker.js', import.meta.url);

/** Old-generation heap of the worker: a result that outgrows it ends the worker (a clear error), not the process. */
export const DEFAULT_WORKER_HEAP_MB = 1536;
/** How long past a query's own deadline (its timeout plus the runner's grace) a silent worker is given up on. */
const DEFAULT_WATCHDOG_MS = 5_000;

export interface CypherWorkerOptions {
  maxHeapMb?: number;
  watchdogMs?: number;
}

interface Pending {
  worker: Worker;
  timeoutMs: number;
  timer: NodeJS.Timeout;
  resolve: (r: CypherResult) => void;
  reject: (e: Error) => void;
}

/** Driver integers (from bindParams) as tagged strings: structured cloning would turn them into plain {low, high}. */
function toWire(v: unknown): unknown {
  return mapParams(v, (x) => (isInt(x) ? { [INT_TAG]: x.toString() } : undefined));
}

export class CypherWorkerClient {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closed = false;
  private readonly heapMb: number;
  private readonly watchdogMs: number;
  /** Worker threads started so far (one, plus one per crash): for tests. */
  started = 0;

  constructor(
    private readonly conn: WorkerConnection,
    options: CypherWorkerOptions = {},
  ) {
    this.heapMb = options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB;
    this.watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  }

  /** Starts the worker ahead of the first query, so that query does not wait for the thread to load. */
  warm(): void {
    if (!this.closed) this.worker ??= this.spawn();
  }

  /** Runs runBoundedCypherPlain in the worker; its errors come back as the classes they were thrown as. */
  run(cypher: string, params: Record<string, unknown>, opts: BoundedQueryOptions): Promise<CypherResult> {
    if (this.closed) return Promise.reject(new CypherWorkerError('the Cypher worker was closed with its store'));
    const worker = (this.worker ??= this.spawn());
    const seq = ++this.seq;
    return new Promise<CypherResult>((resolve, reject) => {
      let job: CypherJob;
      try {
        job = { seq, cypher, params: toWire(params) as Record<string, unknown>, opts };
        worker.postMessage(job);
      } catch (err) {
        // DataCloneError: a parameter that is not plain data (a function, a class instance with private state).
        reject(new QueryError(`a parameter cannot be passed to the query: ${(err as Error).message}`, { cause: err }));
        return;
      }
      const timer = setTimeout(() => this.wedged(worker, seq), opts.timeoutMs + CLIENT_GRACE_MS + this.watchdogMs);
      timer.unref();
      this.pending.set(seq, { worker, timeoutMs: opts.timeoutMs, timer, resolve, reject });
      // Held open only while it has work: an idle worker never keeps a finished command alive.
      worker.ref();
    });
  }

  private spawn(): Worker {
    // execArgv [] : the parent's loader flags (tsx, vitest) do not apply in a worker; the entry registers tsx itself.
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { conn: this.conn },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    this.started++;
    worker.unref();
    worker.on('message', (reply: CypherReply) => {
      const p = this.take(reply.seq);
      if (!p) return;
      if (reply.ok) p.resolve(reply.result);
      else p.reject(errorFromWire(reply.error));
    });
    worker.on('error', (err) => this.crashed(worker, err));
    worker.on('exit', (code) => this.crashed(worker, new Error(`the thread exited with code ${code}`)));
    return worker;
  }

  private take(seq: number): Pending | undefined {
    const p = this.pending.get(seq);
    if (!p) return undefined;
    this.pending.delete(seq);
    clearTimeout(p.timer);
    if (![...this.pending.values()].some((q) => q.worker === p.worker)) p.worker.unref();
    return p;
  }

  /** Fails every query the worker held and forgets it; the next query starts a fresh one. */
  private crashed(worker: Worker, err: Error): void {
    if (this.worker === worker) this.worker = undefined;
    const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    const message = oom
      ? `the Cypher worker ran out of memory (${this.heapMb} MB) on a query's result and was restarted; ` +
        'return fewer or smaller values (add LIMIT)'
      : `the Cypher worker stopped while the query ran (${redactSecrets(err.message)}) and was restarted; retry`;
    for (const [seq, p] of [...this.pending]) {
      if (p.worker !== worker) continue;
      this.take(seq);
      p.reject(new CypherWorkerError(message, { cause: err, outOfMemory: oom }));
    }
    void worker.terminate();
  }

  /** A query past its deadline and the watchdog's margin: the worker is stuck, so it is replaced. */
  private wedged(worker: Worker, seq: number): void {
    const p = this.take(seq);
    if (p) p.reject(new QueryTimeoutError(p.timeoutMs));
    this.crashed(worker, new Error('it stopped answering past the time limit'));
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    for (const [seq, p] of [...this.pending]) {
      this.take(seq);
      p.reject(new CypherWorkerError('the Cypher worker was closed with its store'));
    }
    await worker?.terminate();
  }
}
