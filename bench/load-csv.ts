// The scale bench's server-side baseline: the bulk path's CSV files loaded by Neo4j itself with LOAD CSV
// (bench/load-csv-cypher/<file>.cypher, a baseline, not a shipped query), over loopback HTTP: file URLs are refused.

import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/server/build-viewer.js';
import { ARRAY_DELIMITER, NODE_FILES, RELATIONSHIP_FILES } from '../src/store/bulk/csv.js';
import { loadQuery } from '../src/store/queries.js';

const LOAD_CSV_DIR = path.join(PROJECT_ROOT, 'bench', 'load-csv-cypher');

/** Serves the CSV files of one folder (by base name only: nothing else on this machine is reachable). */
async function serveFolder(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const file = path.join(dir, path.basename(decodeURIComponent(req.url ?? '')));
    if (!file.endsWith('.csv') || !existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Loads every CSV file (nodes first, the schema already applied); milliseconds per file. */
export async function loadCsvBaseline(uri: string, csvDir: string): Promise<Record<string, number>> {
  const http = await serveFolder(csvDir);
  const port = (http.address() as AddressInfo).port;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  const ms: Record<string, number> = {};
  try {
    for (const file of [...NODE_FILES, ...RELATIONSHIP_FILES]) {
      const { text } = loadQuery(file, LOAD_CSV_DIR);
      const session = driver.session();
      const t0 = performance.now();
      try {
        // CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run), not executeWrite.
        await session.run(text, { url: `http://127.0.0.1:${port}/${file}.csv`, delim: ARRAY_DELIMITER });
      } finally {
        await session.close();
      }
      ms[file] = performance.now() - t0;
    }
  } finally {
    await driver.close();
    http.close();
  }
  return ms;
}
