// One extraction worker thread: runs the extractor (whatever runPipeline does) on documents posted by the pool.
// The extractor module, its lexicons and any models load once per thread, on the first import below.

import { parentPort, workerData } from 'node:worker_threads';
import { adoptModelFiles, type ModelFile } from '../syntax/model-file.js';
import { extractDocument } from '../index.js';
import { loadExtractor } from '../../store/ingest-files.js';
import type { JobMessage, ReplyMessage } from './protocol.js';

if (!parentPort) throw new Error('src/ingest/pool/worker.ts must run in a worker thread (see pool.ts)');
const port = parentPort;
const models = (workerData as { models?: Map<string, ModelFile> } | null)?.models;
if (models) adoptModelFiles(models);

port.on('message', (job: JobMessage) => {
  void handle(job).then((reply) => port.postMessage(reply));
});

async function handle(job: JobMessage): Promise<ReplyMessage> {
  try {
    // Awaited so that an asynchronous pipeline (e.g. a model stage) works unchanged.
    const doc = job.forStore
      ? await (
          await loadExtractor()
        )(job.doc, job.opts)
      : await extractDocument(job.doc, job.opts);
    // Serialising here keeps the main thread (which also drives the store) free of that work.
    return job.json ? { seq: job.seq, ok: true, json: JSON.stringify(doc) } : { seq: job.seq, ok: true, doc };
  } catch (err) {
    return { seq: job.seq, ok: false, error: (err as Error)?.message ?? String(err) };
  }
}

port.postMessage({ ready: true });
