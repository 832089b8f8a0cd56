// The bulk path (`geokg import`): CSV → `neo4j-admin database import full` → schema gives exactly the graph the
// transactional path gives on the same corpus; a non-empty database is refused; a failed import loads nothing.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '../../src/model.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j/index.js';
import { BulkImportError, CsvGraphWriter } from '../../src/store/bulk/csv.js';
import { importCsv } from '../../src/store/bulk/import.js';
import { bulkLoad, type BulkItem } from '../../src/store/bulk/load.js';
import { Neo4jStore, PROVENANCE_QUERY } from '../../src/store/neo4j.js';
import { extractedCorpus } from '../helpers/corpus.js';
import { dumpGraph, type GraphDump } from '../helpers/graph-dump.js';
import { neo4jConfig, type Neo4jConnection } from '../helpers/neo4j.js';

const dataDir = mkdtempSync(join(tmpdir(), 'geokg-bulk-'));
let corpus: DocumentExtraction[];
let transactional: GraphDump;
let bulk: GraphDump;
let server: LocalNeo4j | undefined;
let bulkConn: Neo4jConnection;

async function* items(docs: DocumentExtraction[]): AsyncGenerator<BulkItem> {
  for (const [i, doc] of docs.entries()) yield { source: `doc-${i}`, doc };
}

async function provenance(conn: Neo4jConnection, params: Record<string, string>) {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
  try {
    const r = await driver.executeQuery(PROVENANCE_QUERY, params, { database: conn.database });
    return r.records.map((rec) => rec.toObject());
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  corpus = await extractedCorpus(30);
  // The same document twice: stored once either way.
  const docs = [...corpus, corpus[3]!];
  const store = new Neo4jStore(neo4jConfig());
  try {
    await store.reset();
    await store.ingestMany(docs.slice(0, 17));
    await store.ingestMany(docs.slice(17));
  } finally {
    await store.close();
  }
  transactional = await dumpGraph(neo4jConfig());
  const summary = await bulkLoad(items(docs), { dataDir });
  expect(summary.csv.duplicates).toBe(1);
  expect(summary.failures).toEqual([]);
  server = await startLocalNeo4j({ dataDir, port: await freePort(), mode: 'attached' });
  bulkConn = { uri: server.uri, user: 'neo4j', password: '' };
  bulk = await dumpGraph(bulkConn);
}, 400_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('bulk import', () => {
  it('gives the same nodes, relationships and properties as the transactional path', () => {
    expect(bulk.nodes.length).toBe(transactional.nodes.length);
    expect(bulk.relationships.length).toBe(transactional.relationships.length);
    expect(bulk.properties).toBe(transactional.properties);
    expect(bulk.nodes).toEqual(transactional.nodes);
    expect(bulk.relationships).toEqual(transactional.relationships);
    expect(transactional.nodes.filter((n) => n.startsWith('Document ')).length).toBe(30);
  });

  it('answers the provenance query the same way', async () => {
    const rel = /^(\S+) -(SUPPLIES|SANCTIONS|ATTACKS)-> (\S+) /.exec(
      transactional.relationships.find((r) => / -(SUPPLIES|SANCTIONS|ATTACKS)-> /.test(r)) ?? '',
    );
    expect(rel).not.toBeNull();
    const params = { subject: rel![1]!, predicate: rel![2]!, object: rel![3]! };
    const want = await provenance(neo4jConfig(), params);
    expect(want.length).toBeGreaterThan(0);
    expect(await provenance(bulkConn, params)).toEqual(want);
  });

  it('has the schema: constraints and the full-text index are online', async () => {
    const store = new Neo4jStore({ uri: bulkConn.uri });
    try {
      const r = await store.query('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name');
      const names = r.rows.map((row) => row[0]);
      expect(names).toEqual(expect.arrayContaining(['entity_id', 'claim_key', 'entity_search']));
      expect(r.rows.every((row) => row[1] === 'ONLINE')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a database that is not empty, before writing anything', async () => {
    await expect(bulkLoad(items(corpus.slice(0, 2)), { dataDir })).rejects.toThrow(/not empty .* first loads/);
    expect(existsSync(join(dataDir, `.geokg-bulk-csv-${process.pid}`))).toBe(false);
  });

  it('a failing import loads nothing and says so', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'geokg-bulk-bad-'));
    try {
      const writer = new CsvGraphWriter(join(fresh, 'csv'));
      await writer.open();
      await writer.add('one', corpus[0]!);
      const csv = await writer.finish();
      // A relationship to a node that is in no file: the tool refuses the whole import.
      writeFileSync(
        csv.files.relationships[0]!,
        ':START_ID(Sentence),:END_ID(Document),:TYPE\nnope,nada,IN_DOCUMENT\n',
      );
      const err = await importCsv(csv, { dataDir: fresh }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BulkImportError);
      expect((err as Error).message).toMatch(/nothing was loaded/);
      expect(existsSync(join(fresh, 'data', 'databases', 'neo4j'))).toBe(false);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
