// The Neo4j adapter against the shared contract (real Neo4j of the test run), plus what only Neo4j promises:
// schema, the documented provenance query, read-only Cypher refused by the server, bounds, failures, the sample.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryError, StoreError } from '../../src/errors.js';
import { readOne } from '../../src/ingest/read.js';
import { extractDocument } from '../../src/ingest/index.js';
import type { DocumentExtraction, Predicate } from '../../src/model.js';
import { aggregate, type ClaimRow } from '../../src/store/common.js';
import { Neo4jStore, PROVENANCE_QUERY } from '../../src/store/neo4j.js';
import { extractedCorpus } from '../helpers/corpus.js';
import { neo4jConfig } from '../helpers/neo4j.js';
import { fullGraph, runStoreContract } from './contract.js';
import { SHAHED_SENTENCE, sampleDoc, secondDoc } from './fixtures.js';

const make = (extra: Partial<ConstructorParameters<typeof Neo4jStore>[0]> = {}) =>
  new Neo4jStore({ ...neo4jConfig(), ...extra });

runStoreContract('neo4j', {
  makeStore: async () => make(),
  // A second transaction of the same document id would be refused by the unique constraint: the injected
  // statement violates it inside the write, after the claims went in, so the whole transaction must roll back.
  makeFailingStore: async () =>
    make({
      onWriteStep: async (step, tx) => {
        if (step === 'claims') await tx.run('CREATE (:Document {id: $id})', { id: secondDoc().document.id });
      },
    }),
});

async function sampleExtraction(): Promise<DocumentExtraction> {
  const item = await readOne('data/sample/000_72676987deda64ed.txt');
  if (!item.ok) throw new Error(item.error);
  return extractDocument(item.doc);
}

describe('Neo4j store', () => {
  let store: Neo4jStore;
  beforeAll(() => {
    store = make();
  });
  beforeEach(async () => {
    await store.reset();
  });
  afterAll(async () => {
    await store.close();
  });

  it('applies the schema: constraints on ids and the entity_search full-text index', async () => {
    await store.init();
    const c = await store.query('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {});
    expect(c.rows[0]![0]).toEqual(expect.arrayContaining(['entity_id', 'document_id', 'sentence_id', 'claim_id']));
    const i = await store.query("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS n", {});
    expect(i.rows[0]![0]).toContain('entity_search');
    await store.ingest(sampleDoc());
    const hits = await store.query(
      "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id AS id",
      { q: 'peseschkian' },
    );
    expect(hits.rows.map((r) => r[0])).toContain('person:masoud-pezeshkian');
  });

  it('answers the documented provenance query with the Shahed sentence and the document id', async () => {
    await store.ingest(sampleDoc());
    const r = await store.query(PROVENANCE_QUERY, { subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' });
    const col = (name: string) => r.columns.indexOf(name);
    const row = r.rows.find((x) => x[col('sentence')] === SHAHED_SENTENCE);
    expect(row?.[col('document')]).toBe(sampleDoc().document.id);
    expect(row?.[col('start')]).toBe(1200);
    // Direction matters for SUPPLIES; symmetric types are found either way round.
    const reversed = await store.query(PROVENANCE_QUERY, { subject: 'RUS', predicate: 'SUPPLIES', object: 'IRN' });
    expect(reversed.rows).toEqual([]);
    const coop = await store.query(PROVENANCE_QUERY, { subject: 'RUS', predicate: 'COOPERATES_WITH', object: 'IRN' });
    expect(coop.rows).toHaveLength(1);
  });

  it('matches Cypher on typed relationships and plain JSON results', async () => {
    await store.ingest(sampleDoc());
    const r = await store.query('MATCH (a:Country)-[r:SUPPLIES]->(b) RETURN a, r, b.id AS b, r.evidenceCount AS n', {});
    expect(r.rows).toHaveLength(1);
    const [a, rel, b, n] = r.rows[0]!;
    expect(a).toMatchObject({ id: 'IRN', labels: expect.arrayContaining(['Entity', 'Country']) });
    expect(rel).toMatchObject({ type: 'SUPPLIES', start: 'IRN', end: 'RUS' });
    expect(b).toBe('RUS');
    expect(n).toBe(2);
    expect(r.relationships[0]).toMatchObject({ start: 'IRN', end: 'RUS' });
    // Endpoints are resolved to entity ids even when the query returns only the relationship.
    const onlyRel = await store.query('MATCH ()-[r:SUPPLIES]->() RETURN r', {});
    expect(onlyRel.rows[0]![0]).toMatchObject({ start: 'IRN', end: 'RUS' });
  });

  it('refuses writes in read-only query mode (the server does) and writes nothing', async () => {
    const before = (await store.query('MATCH (n) RETURN count(n) AS c', {})).rows[0]![0];
    const err = await store.query('CREATE (n:Intruder) RETURN n', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as Error).message).toMatch(/read-only|Writing in read access mode/);
    expect((await store.query('MATCH (n) RETURN count(n) AS c', {})).rows[0]![0]).toBe(before);
    const w = await store.query('CREATE (n:Intruder {id: "x"}) RETURN n.id AS id', {}, { write: true });
    expect(w.rows).toEqual([['x']]);
    await store.query('MATCH (n:Intruder) DELETE n', {}, { write: true });
  });

  it('caps rows and says so, and stops a query at its timeout', async () => {
    const r = await store.query('UNWIND range(1, 100) AS i RETURN i', {}, { maxRows: 10 });
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
    expect((await store.query('UNWIND range(1, 5) AS i RETURN i', {}, { maxRows: 10 })).truncated).toBe(false);
    const started = Date.now();
    await expect(
      store.query('UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)', {}, { timeoutMs: 500 }),
    ).rejects.toThrow(/longer than 500 ms|timed out|terminated/i);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('accepts plain JSON numbers where Cypher needs integers (LIMIT)', async () => {
    const r = await store.query('UNWIND range(1, 10) AS i RETURN i LIMIT $n', { n: 3 });
    expect(r.rows).toEqual([[1], [2], [3]]);
  });

  it('reports a syntax error as a query error', async () => {
    await expect(store.query('MATC (n) RETURN n', {})).rejects.toBeInstanceOf(QueryError);
  });

  /** Terminates our own in-flight write transaction from a second session, as a server or network fault would. */
  async function terminateOwnWrite(): Promise<void> {
    const r = await store.query(
      `SHOW TRANSACTIONS YIELD transactionId, currentQuery, status
       WHERE currentQuery CONTAINS 'SHOW TRANSACTIONS' = false AND status = 'Running'
       RETURN collect(transactionId) AS ids`,
      {},
      // Administration commands are refused on the read-only path (issue 10); the test acts as an administrator.
      { write: true },
    );
    const ids = r.rows[0]![0] as string[];
    expect(ids.length).toBeGreaterThan(0);
    await store.query('TERMINATE TRANSACTIONS $ids', { ids }, { write: true });
  }

  it('a transaction killed mid-write every time leaves nothing of the document', async () => {
    await store.ingest(secondDoc());
    const before = await fullGraph(store);
    let kills = 0;
    const doomed = make({
      onWriteStep: async (step, tx) => {
        if (step !== 'sentences') return;
        kills++;
        await terminateOwnWrite();
        await tx.run('RETURN 1'); // the terminated transaction cannot go on
      },
    });
    await expect(doomed.ingest(sampleDoc())).rejects.toThrow();
    await doomed.close();
    expect(kills).toBeGreaterThan(0);
    expect(await fullGraph(store)).toEqual(before);
    expect((await store.ingest(sampleDoc())).written).toBe(true);
  });

  // A user-terminated transaction is not transient, so the driver does not retry it: the caller re-ingests.
  it('after a transaction killed mid-write, ingesting again gives exactly the clean result', async () => {
    await store.ingest(sampleDoc());
    await store.ingest(secondDoc());
    const clean = await fullGraph(store);
    await store.reset();
    let kills = 0;
    const flaky = make({
      onWriteStep: async (step, tx) => {
        if (step !== 'claims' || kills > 0) return;
        kills++;
        await terminateOwnWrite();
        await tx.run('RETURN 1');
      },
    });
    await expect(flaky.ingest(sampleDoc())).rejects.toThrow(/terminated/i);
    expect(await store.hasDocument(sampleDoc().document.id)).toBe(false);
    await flaky.ingest(sampleDoc());
    await flaky.ingest(secondDoc());
    await flaky.close();
    expect(kills).toBe(1);
    expect(await fullGraph(store)).toEqual(clean);
  });

  it('fails fast and names the URI when the server is unreachable', async () => {
    const dead = new Neo4jStore({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'do-not-print-me' });
    const started = Date.now();
    const err = await dead.ingest(sampleDoc()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain('bolt://127.0.0.1:1');
    expect((err as Error).message).not.toContain('do-not-print-me');
    expect(Date.now() - started).toBeLessThan(30_000);
    await dead.close();
  });

  it('two processes ingesting the same document at once store it once', async () => {
    const [a, b] = [make(), make()];
    const results = await Promise.all([a.ingest(sampleDoc()), b.ingest(sampleDoc())]);
    await Promise.all([a.close(), b.close()]);
    expect(results.map((r) => r.written).sort()).toEqual([false, true]);
    const alone = await fullGraph(store);
    await store.reset();
    await store.ingest(sampleDoc());
    expect(await fullGraph(store)).toEqual(alone);
  });

  it('rejects a URI that is not neo4j://, bolt:// or neo4j+s://', () => {
    expect(() => new Neo4jStore({ uri: 'http://127.0.0.1:7474' })).toThrow(StoreError);
  });

  describe('the sample article (real extractor)', () => {
    it('ingesting it twice leaves the same node and relationship counts', async () => {
      const doc = await sampleExtraction();
      await store.ingest(doc);
      const count = async () =>
        (await store.query('MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r', {})).rows[0];
      const once = await count();
      expect((await store.ingest(await sampleExtraction())).written).toBe(false);
      expect(await count()).toEqual(once);
    });

    it('IRN-[:SUPPLIES]->RUS leads to the Shahed sentence and the sample’s document id', async () => {
      const doc = await sampleExtraction();
      await store.ingest(doc);
      const r = await store.query(PROVENANCE_QUERY, { subject: 'IRN', predicate: 'SUPPLIES', object: 'RUS' });
      const sentences = r.rows.map((x) => String(x[r.columns.indexOf('sentence')]));
      expect(sentences.some((s) => s.includes('Shahed'))).toBe(true);
      expect(r.rows.every((x) => x[r.columns.indexOf('document')] === doc.document.id)).toBe(true);
    });

    it('sample + second article, then removing the sample, equals the second article alone', async () => {
      const doc = await sampleExtraction();
      await store.ingest(secondDoc());
      const alone = await fullGraph(store);
      await store.reset();
      await store.ingest(doc);
      await store.ingest(secondDoc());
      await store.removeDocument(doc.document.id);
      expect(await fullGraph(store)).toEqual(alone);
    });
  });
});

describe('Neo4j store: relationship aggregates', () => {
  it('added batch by batch, they equal the aggregates of all the claims (and so do they after a removal)', async () => {
    const store = make();
    try {
      await store.reset();
      // Paragraph-shuffled copies of the dev articles: the same relations again and again, from other documents.
      const docs = await extractedCorpus(36, 11);
      for (let i = 0, size = 1; i < docs.length; i += size, size = (size % 7) + 2)
        await store.ingestMany(docs.slice(i, i + size));
      const check = async () => {
        const r = await store.query(
          `MATCH (s:Entity)-[r]->(o:Entity) WHERE r.key IS NOT NULL
           MATCH (c:Claim {key: r.key})
           RETURN r {.*} AS rel, s.id AS s, type(r) AS p, o.id AS o,
                  collect(c {.modality, .time, .confidence, .items, .document, .seen}) AS claims`,
          {},
          { maxRows: 100_000 },
        );
        let repeated = 0;
        for (const [rel, s, p, o, claims] of r.rows as Array<
          [Record<string, unknown>, string, Predicate, string, ClaimRow[]]
        >) {
          const a = aggregate({ key: rel.key as string, subject: s, predicate: p, object: o }, claims);
          if (a.documentCount > 1) repeated++;
          expect(rel).toEqual({
            key: a.key,
            evidenceCount: a.evidenceCount,
            documentCount: a.documentCount,
            modalities: a.modalities,
            items: a.items,
            times: a.time,
            confidence: a.confidence,
            ...(a.firstSeen ? { firstSeen: a.firstSeen, lastSeen: a.lastSeen } : {}),
          });
        }
        return repeated;
      };
      expect(await check()).toBeGreaterThan(10);
      await store.removeDocument(docs[5]!.document.id);
      await check();
    } finally {
      await store.close();
    }
  }, 120_000);
});
