// `geokg import`: the whole bulk path in order — check the database is empty, write the CSV files, run the import
// tool, apply the schema. Extraction results come from files (through the worker pool) or from extraction shards.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentExtraction } from '../../model.js';
import { BulkImportError, CsvGraphWriter, type CsvSummary } from './csv.js';
import { ensureEmptyAndStopped, finishImport, importCsv, type BulkImportOptions } from './import.js';
import type { StoreStats } from '../types.js';

export type BulkItem = { source: string; doc: DocumentExtraction } | { source: string; error: string };

export interface BulkLoadOptions extends BulkImportOptions {
  /** Keep the CSV files here (default: a temporary folder in the data directory, removed afterwards). */
  csvDir?: string;
  /** Only write the CSV files (e.g. for `docker compose run … neo4j-admin database import full`). */
  csvOnly?: boolean;
  onDocument?: (done: number, source: string) => void;
}

export interface BulkLoadSummary {
  csv: CsvSummary;
  failures: Array<{ source: string; error: string }>;
  csvMs: number;
  importMs: number;
  schemaMs: number;
  imported?: { nodes: number; relationships: number; properties: number };
  totals?: StoreStats;
  uri?: string;
}

/**
 * What Ctrl-C (or SIGTERM) does while the bulk path runs: before the import tool, the CSV loop stops at the next
 * document and nothing is loaded; during the tool, runTool (import.ts) stops it, nothing loaded either; once the
 * store is swapped in, the data is all there, so the schema and the empty-array fix-ups are finished first.
 */
function interruptions(say: (m: string) => void): { phase: 'csv' | 'tool' | 'finish'; stopped: boolean; off(): void } {
  const state = { phase: 'csv' as 'csv' | 'tool' | 'finish', stopped: false, off: () => {} };
  const onSignal = () => {
    if (state.phase === 'csv') state.stopped = true;
    else if (state.phase === 'finish') say('the data is loaded; finishing the schema first (a few seconds)…');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  state.off = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return state;
}

const INTERRUPTED = 'interrupted: nothing was loaded, the database is as empty as before';

export async function bulkLoad(items: AsyncIterable<BulkItem>, opts: BulkLoadOptions): Promise<BulkLoadSummary> {
  const say = opts.onStatus ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  // Refuse a non-empty database before spending any time on extraction.
  const before = opts.csvOnly ? {} : await ensureEmptyAndStopped(dataDir, say);
  const csvDir = path.resolve(opts.csvDir ?? path.join(dataDir, `.geokg-bulk-csv-${process.pid}`));
  const t0 = Date.now();
  const writer = new CsvGraphWriter(csvDir);
  const signals = interruptions(say);
  const failures: Array<{ source: string; error: string }> = [];
  let done = 0;
  try {
    await writer.open();
    for await (const item of items) {
      if (signals.stopped) throw new BulkImportError(INTERRUPTED);
      done++;
      if ('error' in item) failures.push({ source: item.source, error: item.error });
      else await writer.add(item.source, item.doc);
      opts.onDocument?.(done, item.source);
    }
    const csv = await writer.finish();
    if (signals.stopped) throw new BulkImportError(INTERRUPTED);
    failures.push(...csv.failures);
    const csvMs = Date.now() - t0;
    if (opts.csvOnly) return { csv, failures, csvMs, importMs: 0, schemaMs: 0 };
    const t1 = Date.now();
    signals.phase = 'tool';
    const imported = await importCsv(csv, { ...opts, dataDir });
    const importMs = Date.now() - t1;
    signals.phase = 'finish';
    const { schemaMs, totals, uri } = await finishImport(csv, {
      ...opts,
      dataDir,
      keepRunning: opts.keepRunning ?? before.wasRunningOn !== undefined,
      ...(before.wasRunningOn ? { port: before.wasRunningOn } : {}),
    });
    return { csv, failures, csvMs, importMs, schemaMs, imported, totals, ...(uri ? { uri } : {}) };
  } finally {
    signals.off();
    if (!opts.csvDir) await rm(csvDir, { recursive: true, force: true });
  }
}
