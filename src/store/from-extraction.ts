// `geokg ingest --from-extraction SHARD.jsonl[.gz]...`: stores `geokg extract --format jsonl` output without
// re-extracting — the interchange that lets extraction fan out over many machines while loaders write to one Neo4j.

import type { DocumentExtraction } from '../model.js';
import { InputError } from '../errors.js';
import { readJsonl } from '../ingest/pool/jsonl.js';
import { BatchWriter } from './batch-writer.js';
import type { IngestProgress } from './ingest-files.js';
import type { GraphStore, IngestSummary } from './types.js';

export interface IngestExtractionsOptions {
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
}

/** Parses one shard line; the store's own validation (prepareDocument) checks the rest before anything is written. */
export function parseExtractionLine(text: string): DocumentExtraction {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`);
  }
  const d = v as Partial<DocumentExtraction> | null;
  if (!d || typeof d !== 'object' || Array.isArray(d))
    throw new InputError('not an extraction object (expected one `geokg extract --format jsonl` line)');
  if (!d.document || typeof d.document.id !== 'string')
    throw new InputError('extraction without document.id (expected `geokg extract --format jsonl` output)');
  if (!Array.isArray(d.entities) || !Array.isArray(d.relations))
    throw new InputError('extraction without entities/relations arrays');
  return d as DocumentExtraction;
}

/** One shard line, parsed, or why it cannot be used. */
export type ShardItem = { source: string; doc: DocumentExtraction } | { source: string; error: string };

/** Every line of the shards in order (`FILE:LINE` as its source); an unreadable shard yields one error item. */
export async function* readShards(files: string[]): AsyncGenerator<ShardItem> {
  for (const file of files) {
    try {
      for await (const { line, text } of readJsonl(file)) {
        const source = `${file}:${line}`;
        try {
          yield { source, doc: parseExtractionLine(text) };
        } catch (err) {
          yield { source, error: (err as Error).message.replace(/^input: /, '') };
        }
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      yield { source: file, error: err.message.replace(/^input: /, '') };
    }
  }
}

/**
 * Loads shards in the order given, line by line (one line in memory at a time besides the write batches). A bad line
 * or an unreadable shard is reported and skipped; a failing store stops the run.
 */
export async function ingestExtractions(
  store: GraphStore,
  files: string[],
  opts: IngestExtractionsOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  await store.init();
  let done = 0;
  const writer = new BatchWriter(store, {
    batchSize: opts.batchSize,
    onStored: (source) => opts.onProgress?.({ done, source, relations: writer.summary.relations }),
  });
  for await (const item of readShards(files)) {
    done++;
    if ('error' in item) writer.fail(item.source, item.error);
    else await writer.add(item.source, item.doc);
    opts.onProgress?.({ done, source: item.source, relations: writer.summary.relations });
  }
  await writer.finish();
  return { ...writer.summary, totals: await store.stats(), elapsedMs: Date.now() - started };
}
