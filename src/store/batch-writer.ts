// Extractions → store in batches, one batch written while the next one fills: the write end of every ingest path
// (files, extraction shards). Tallies what `geokg ingest` reports; a failing store stops the run (it throws).

import type { DocumentExtraction } from '../model.js';
import type { BatchItemResult, GraphStore, IngestSummary } from './types.js';

export type SummaryCounts = Omit<IngestSummary, 'totals' | 'elapsedMs'>;

export function emptySummary(): SummaryCounts {
  return {
    documentsRead: 0,
    documentsNew: 0,
    documentsUnchanged: 0,
    documentsFailed: 0,
    failures: [],
    entities: 0,
    relations: 0,
    evidence: 0,
  };
}

export interface BatchWriterOptions {
  /** Documents per store call (the Neo4j adapter splits a call into transactions of ~5,000 claims). */
  batchSize?: number;
  /** After each stored batch: the last source in it. */
  onStored?: (lastSource: string) => void;
}

export class BatchWriter {
  readonly summary: SummaryCounts = emptySummary();
  private batch: Array<{ source: string; doc: DocumentExtraction }> = [];
  private writing: Promise<void> | undefined;
  private failure: unknown;
  private readonly batchSize: number;

  constructor(
    private readonly store: GraphStore,
    private readonly opts: BatchWriterOptions = {},
  ) {
    this.batchSize = Math.max(1, opts.batchSize ?? 25);
  }

  /** An input that never reached the store (unreadable, not extractable, malformed line). */
  fail(source: string, error: string): void {
    this.summary.documentsFailed++;
    this.summary.failures.push({ source, error });
  }

  /** Queues one document; when a batch is full it is written while the caller goes on producing the next one. */
  async add(source: string, doc: DocumentExtraction): Promise<void> {
    this.check();
    this.summary.documentsRead++;
    this.batch.push({ source, doc });
    if (this.batch.length >= this.batchSize) await this.startFlush();
  }

  /** Writes what is left and waits for every write; throws the store's error if one failed. */
  async finish(): Promise<SummaryCounts> {
    await this.startFlush();
    await this.writing;
    this.check();
    return this.summary;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private async startFlush(): Promise<void> {
    // One write in flight at a time: the store sees batches in input order, and memory holds at most two batches.
    await this.writing;
    this.check();
    if (this.batch.length === 0) return;
    const current = this.batch;
    this.batch = [];
    this.writing = this.store
      .ingestMany(current.map((b) => b.doc))
      .then((results) => {
        results.forEach((r, i) => this.tally(current[i]!.source, r));
        this.opts.onStored?.(current[current.length - 1]!.source);
      })
      .catch((err: unknown) => {
        this.failure ??= err;
      });
  }

  private tally(source: string, r: BatchItemResult): void {
    const s = this.summary;
    if (!r.ok) {
      s.documentsFailed++;
      s.failures.push({ source, error: r.error });
    } else if (r.result.written) {
      s.documentsNew++;
      s.entities += r.result.entities;
      s.relations += r.result.relations;
      s.evidence += r.result.evidence;
    } else s.documentsUnchanged++;
  }
}
