// Files and folders → extraction → store, in batches: the engine behind `geokg ingest` and `npm start`.
// A bad file is reported in the summary and never stops the run; a failing store does (it throws).

import { listInputs, readInputs } from '../ingest/read.js';
import type { ExtractOptions, RawDocument } from '../ingest/types.js';
import type { DocumentExtraction } from '../model.js';
import type { BatchItemResult, GraphStore, IngestSummary } from './types.js';

export interface IngestProgress {
  /** Inputs read and extracted (or failed) so far. */
  done: number;
  total?: number;
  source: string;
  /** Relations written by this run so far; they move when a batch is stored. */
  relations: number;
}

export interface IngestPathsOptions {
  onProgress?: (p: IngestProgress) => void;
  lang?: 'de' | 'en' | 'auto';
  /** Documents per store batch (one transaction / one file write each). */
  batchSize?: number;
}

type Extractor = (doc: RawDocument, opts?: ExtractOptions) => DocumentExtraction | Promise<DocumentExtraction>;

// Loaded lazily so opening a store does not pull in the extractor's lexicons unless files are ingested.
let extractorPromise: Promise<Extractor> | undefined;
export function loadExtractor(): Promise<Extractor> {
  extractorPromise ??= import('../ingest/index.js').then((m) => m.extractDocument);
  return extractorPromise;
}

export async function ingestPaths(
  store: GraphStore,
  paths: string[],
  opts: IngestPathsOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  // Connect and apply the schema first, so a dead store fails before any file is read.
  await store.init();
  const extract = await loadExtractor();
  const total = (await listInputs(paths)).length;
  const summary: Omit<IngestSummary, 'totals' | 'elapsedMs'> = {
    documentsRead: 0,
    documentsNew: 0,
    documentsUnchanged: 0,
    documentsFailed: 0,
    failures: [],
    entities: 0,
    relations: 0,
    evidence: 0,
  };
  const batchSize = opts.batchSize ?? 25;
  let done = 0;
  let batch: Array<{ source: string; doc: DocumentExtraction }> = [];

  const tally = (source: string, r: BatchItemResult) => {
    if (!r.ok) {
      summary.documentsFailed++;
      summary.failures.push({ source, error: r.error });
    } else if (r.result.written) {
      summary.documentsNew++;
      summary.entities += r.result.entities;
      summary.relations += r.result.relations;
      summary.evidence += r.result.evidence;
    } else summary.documentsUnchanged++;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const results = await store.ingestMany(current.map((b) => b.doc));
    results.forEach((r, i) => tally(current[i]!.source, r));
    opts.onProgress?.({ done, total, source: current[current.length - 1]!.source, relations: summary.relations });
  };

  for await (const item of readInputs(paths)) {
    if (!item.ok) {
      summary.documentsFailed++;
      summary.failures.push({ source: item.source, error: item.error });
      done++;
      opts.onProgress?.({ done, total, source: item.source, relations: summary.relations });
      continue;
    }
    let doc: DocumentExtraction;
    try {
      doc = await extract(item.doc, { lang: opts.lang ?? 'auto' });
    } catch (err) {
      summary.documentsFailed++;
      summary.failures.push({ source: item.doc.source, error: `extraction failed: ${(err as Error).message}` });
      done++;
      opts.onProgress?.({ done, total, source: item.doc.source, relations: summary.relations });
      continue;
    }
    summary.documentsRead++;
    done++;
    // Progress per document read; the relation count moves when a batch is stored.
    opts.onProgress?.({ done, total, source: item.doc.source, relations: summary.relations });
    batch.push({ source: item.doc.source, doc });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { ...summary, totals: await store.stats(), elapsedMs: Date.now() - started };
}

/** Reads and extracts files (no store): how `geokg remove FILE` finds a file's document id. */
export async function extractPaths(
  paths: string[],
  lang: 'de' | 'en' | 'auto' = 'auto',
): Promise<Array<{ source: string; doc?: DocumentExtraction; error?: string }>> {
  const extract = await loadExtractor();
  const out: Array<{ source: string; doc?: DocumentExtraction; error?: string }> = [];
  for await (const item of readInputs(paths)) {
    if (!item.ok) out.push({ source: item.source, error: item.error });
    else {
      try {
        out.push({ source: item.doc.source, doc: await extract(item.doc, { lang }) });
      } catch (err) {
        out.push({ source: item.doc.source, error: `extraction failed: ${(err as Error).message}` });
      }
    }
  }
  return out;
}
