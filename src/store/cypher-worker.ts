// The Cypher worker thread: runs Neo4jStore's bounded researcher queries (driver, decoding, byte and row caps,
// conversion to plain JSON) so that decoding a large result stalls this thread, never the server's event loop.

import neo4j from 'neo4j-driver';
import { parentPort, workerData } from 'node:worker_threads';
import { cypherParams, mapParams, runBoundedCypherPlain } from './cypher-run.js';
import {
  errorToWire,
  INT_TAG,
  isTaggedInt,
  type CypherJob,
  type CypherReply,
  type WorkerConnection,
} from './cypher-worker-protocol.js';

if (!parentPort) throw new Error('src/store/cypher-worker.ts must run in a worker thread (see cypher-worker-pool.ts)');
const port = parentPort;
const conn = (workerData as { conn: WorkerConnection }).conn;

/** Tagged integers back to driver integers; then JSON numbers that are whole become Cypher integers too. */
function fromWire(v: unknown): unknown {
  return mapParams(v, (x) => (isTaggedInt(x) ? neo4j.int(x[INT_TAG]) : undefined));
}

async function handle(job: CypherJob): Promise<CypherReply> {
  try {
    const params = cypherParams(fromWire(job.params)) as Record<string, unknown>;
    const result = await runBoundedCypherPlain(conn, job.cypher, params, job.opts);
    return { seq: job.seq, ok: true, result };
  } catch (err) {
    return { seq: job.seq, ok: false, error: errorToWire(err) };
  }
}

port.on('message', (job: CypherJob) => {
  void handle(job).then((reply) => {
    try {
      port.postMessage(reply);
    } catch (err) {
      // A value structured cloning refuses must fail its query, not leave it waiting.
      port.postMessage({ seq: job.seq, ok: false, error: errorToWire(err) } satisfies CypherReply);
    }
  });
});
