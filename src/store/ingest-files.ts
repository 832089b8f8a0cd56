// Files and folders → extraction → store, in batches: the engine behind `geokg ingest` and `npm start`.
// A bad file is reported in the summary and never stops the run; a failing store does (it throws).

import { listInputs, readInputs } from '../ingest/read.js';
import type { ReadOptions } from '../ingest/read.js';
import type { ExtractOptions, RawDocument } from '../ingest/types.js';
import type { DocumentExtraction } from '../model.js';
import { ExtractionPool } from '../ingest/pool/pool.js';
import { BatchWriter } from './batch-writer.js';
import type { GraphStore, IngestSummary } from './types.js';

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
  /** Extraction worker threads (default: the number of cores; 0: in this thread). */
  workers?: number;
  /** Size limit and corpus fields (--max-size, --text-field …). */
  read?: ReadOptions;
}

type Extractor = (doc: RawDocument, opts?: ExtractOptions) => DocumentExtraction | Promise<DocumentExtraction>;

// Loaded lazily so opening a store does not pull in the extractor's lexicons unless files are ingested.
let extractorPromise: Promise<Extractor> | undefined;
export function loadExtractor(): Promise<Extractor> {
  // The stored document keeps its cleaned text for the viewer's reader. The extraction does not carry it, so the
  // (pure, deterministic) clean stage runs once more: about 5 % of the extraction time on the sample.
  extractorPromise ??= import('../ingest/index.js').then(
    (m) =>
      (raw: RawDocument, opts?: ExtractOptions): DocumentExtraction => {
        const { extraction, text } = m.extractWithText(raw, opts);
        return { ...extraction, text };
      },
  );
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
  const total = (await listInputs(paths)).length;
  let done = 0;
  const writer = new BatchWriter(store, {
    batchSize: opts.batchSize,
    onStored: (source) => opts.onProgress?.({ done, total, source, relations: writer.summary.relations }),
  });
  // Extraction runs in worker threads, ahead of the writer by a bounded window; results come in input order.
  const pool = new ExtractionPool({ workers: opts.workers, extract: { lang: opts.lang ?? 'auto' }, forStore: true });
  try {
    for await (const r of pool.run(readInputs(paths, opts.read))) {
      done++;
      if (!r.ok) writer.fail(r.source, r.error);
      // Progress per document read; the relation count moves when a batch is stored.
      opts.onProgress?.({ done, total, source: r.source, relations: writer.summary.relations });
      if (r.ok) await writer.add(r.source, r.doc!);
    }
    await writer.finish();
  } finally {
    await pool.close();
  }
  return { ...writer.summary, totals: await store.stats(), elapsedMs: Date.now() - started };
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
