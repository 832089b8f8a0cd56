// Messages between the extraction pool (main thread) and its worker threads.
// Kept apart so both sides type-check against one definition.

import type { DocumentExtraction } from '../../model.js';
import type { ExtractOptions, RawDocument } from '../types.js';

export interface JobMessage {
  seq: number;
  doc: RawDocument;
  opts: ExtractOptions;
  /** Reply with the JSON text (`geokg extract --format jsonl`) instead of the object. */
  json: boolean;
  /** Extract as the store wants it (loadExtractor in src/store/ingest-files.ts: with the cleaned text). */
  forStore: boolean;
}

export type ReplyMessage =
  { seq: number; ok: true; doc?: DocumentExtraction; json?: string } | { seq: number; ok: false; error: string };

export interface ReadyMessage {
  ready: true;
}
