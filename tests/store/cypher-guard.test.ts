// The read-only Cypher guard and the bounded runner against the real Neo4j of the run: what EXPLAIN reveals is
// refused (LOAD CSV however spelled, admin commands, procedures off the allow-list), results stop at rows and bytes.

import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError, QueryRefusedError, ResultTooLargeError } from '../../src/errors.js';
import { refusalReason } from '../../src/store/cypher-guard.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { neo4jConfig } from '../helpers/neo4j.js';
import { inject } from 'vitest';
import { ADMIN_COMMANDS, LOAD_CSV_SPELLINGS } from '../hostile/attacks.js';
import { sampleDoc } from './fixtures.js';

let store: Neo4jStore;

beforeAll(async () => {
  store = new Neo4jStore(neo4jConfig());
  await store.reset();
  await store.ingest(sampleDoc());
});

afterAll(async () => {
  await store?.close();
});

describe('read-only guard (EXPLAIN)', () => {
  it.each(LOAD_CSV_SPELLINGS)('refuses LOAD CSV: %s', async (q) => {
    const err = await store.query(q, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryRefusedError);
    expect((err as Error).message).toMatch(/LOAD CSV/);
  });

  it.each(ADMIN_COMMANDS)('refuses administration commands and procedures: %s', async (q) => {
    const err = await store.query(q, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryRefusedError);
  });

  it('refuses writes and CALL IN TRANSACTIONS before running them', async () => {
    for (const q of ['CREATE (n:Intruder) RETURN n', 'MATCH (n) DETACH DELETE n']) {
      await expect(store.query(q, {})).rejects.toBeInstanceOf(QueryRefusedError);
    }
    const tx = await store.query('CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)', {}).catch((e) => e);
    expect(tx).toBeInstanceOf(QueryRefusedError);
    expect((tx as Error).message).toMatch(/IN TRANSACTIONS/);
    const intruders = await store.query('MATCH (n:Intruder) RETURN count(n)', {});
    expect(intruders.rows[0]![0]).toBe(0);
  });

  it('allows the listed read procedures and schema listings', async () => {
    expect((await store.query('CALL db.labels() YIELD label RETURN label', {})).rows.flat()).toContain('Country');
    expect((await store.query('CALL db.relationshipTypes()', {})).rows.flat()).toContain('SUPPLIES');
    await store.query('CALL db.propertyKeys()', {});
    await store.query('CALL db.schema.visualization()', {});
    await store.init();
    const hits = await store.query("CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id", {
      q: 'iran',
    });
    expect(hits.rows.flat()).toContain('IRN');
    await store.query('SHOW INDEXES YIELD name RETURN name', {});
  });

  it('judges the plan, not the text: a query that only mentions LOAD CSV in a string runs', async () => {
    const r = await store.query("RETURN 'LOAD CSV FROM file:///etc/passwd' AS s, 'CALL dbms.listConfig()' AS t", {});
    expect(r.rows[0]![0]).toBe('LOAD CSV FROM file:///etc/passwd');
  });

  it('reports a syntax error as a QueryError, not a refusal', async () => {
    const err = await store.query('MATC (n) RETURN n', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect(err).not.toBeInstanceOf(QueryRefusedError);
  });

  it('a plan without a query type or plan is refused (pure check)', () => {
    expect(refusalReason({ queryType: 'r', plan: null })).toMatch(/no plan/);
    const plan = { operatorType: 'ProduceResults@neo4j', arguments: {}, children: [] };
    expect(refusalReason({ queryType: 'rw', plan })).toMatch(/write/);
    expect(refusalReason({ queryType: 'r', plan })).toBeNull();
  });
});

describe('bounded results', () => {
  it('stops streaming at the row cap instead of reading every row', async () => {
    const started = performance.now();
    const r = await store.query('UNWIND range(1, 50000000) AS x RETURN x', {}, { maxRows: 100 });
    expect(r.rows.length).toBe(100);
    expect(r.truncated).toBe(true);
    // Reading 50M rows takes minutes; stopping at the cap is immediate. Generous bound: this is behaviour, not speed.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('fails with ResultTooLargeError when rows are big, before the process holds them', async () => {
    const err = await store
      .query('UNWIND range(1, 1000) AS x RETURN x, range(1, 100000) AS big', {}, { maxBytes: 2_000_000 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResultTooLargeError);
    expect((err as Error).message).toMatch(/larger than 2000000 bytes/);
  });

  it('cuts one huge record off on the socket', async () => {
    const err = await store
      .query('RETURN range(1, 5000000) AS big', {}, { maxBytes: 1_000_000, timeoutMs: 20_000 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResultTooLargeError);
    // The store still answers afterwards.
    expect((await store.query('RETURN 1 AS one', {})).rows).toEqual([[1]]);
  });

  it('write mode runs CALL IN TRANSACTIONS (implicit transaction) and skips the read guard', async () => {
    await store.query(
      'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Scratch {i: i}) } IN TRANSACTIONS OF 1 ROW',
      {},
      { write: true },
    );
    const n = await store.query('MATCH (s:Scratch) RETURN count(s)', {});
    expect(n.rows[0]![0]).toBe(3);
    await store.query('MATCH (s:Scratch) DELETE s', {}, { write: true });
  });
});

describe('local launcher configuration', () => {
  // An external NEO4J_URI server has its own configuration (a visible skip); the launcher's settings are ours.
  it.skipIf((inject('neo4j') as { source?: string }).source !== 'local')(
    'refuses file URLs in LOAD CSV even to a write transaction',
    async () => {
      const { uri, user, password } = neo4jConfig();
      const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
      try {
        const err = await driver
          .executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l LIMIT 1")
          .catch((e: unknown) => e);
        expect(String((err as Error).message)).toMatch(/allow_csv_import_from_file_urls/);
      } finally {
        await driver.close();
      }
    },
  );
});
