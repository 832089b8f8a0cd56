// The Cypher worker thread against the real Neo4j of the run: queries run (and results decode) off the calling
// thread, errors come back as their own classes, and a worker that dies fails its query and is replaced.

import diagnostics from 'node:diagnostics_channel';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError, QueryRefusedError, QueryTimeoutError, ResultTooLargeError, StoreError } from '../../src/errors.js';
import { classifyCypherError } from '../../src/server/app.js';
import { CypherWorkerClient } from '../../src/store/cypher-worker-client.js';
import { CypherWorkerError, errorFromWire, errorToWire } from '../../src/store/cypher-worker-protocol.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { neo4jConfig } from '../helpers/neo4j.js';
import { sampleDoc } from './fixtures.js';

const LIMITS = { write: false, timeoutMs: 5000, maxRows: 1000, maxBytes: 4 * 1024 * 1024 };

let store: Neo4jStore;

beforeAll(async () => {
  store = new Neo4jStore(neo4jConfig());
  await store.reset();
  await store.ingest(sampleDoc());
});

afterAll(async () => {
  await store?.close();
});

describe('Neo4jStore.query in the Cypher worker', () => {
  it('opens no Bolt socket in the calling thread: the query and its decoding run in the worker', async () => {
    await store.query('RETURN 1 AS one', {}); // started and connected
    let sockets = 0;
    const count = () => sockets++;
    diagnostics.subscribe('net.client.socket', count);
    try {
      const a = store.query('UNWIND range(1, 20) AS x RETURN x, range(1, 50000) AS big', {}, { maxBytes: 64 << 20 });
      const b = store.query('RETURN range(1, 20000000) AS big', {}, { maxBytes: 1 << 20 }).catch((e: unknown) => e);
      expect((await a).rows).toHaveLength(20);
      expect(await b).toBeInstanceOf(ResultTooLargeError);
    } finally {
      diagnostics.unsubscribe('net.client.socket', count);
    }
    expect(sockets).toBe(0);
  });

  it('returns plain values: integers, graph objects with endpoints resolved to entity ids, row cap', async () => {
    const r = await store.query('MATCH (a:Entity {id: "IRN"})-[r:SUPPLIES]->(b) RETURN a, r, b.id AS b LIMIT 1', {});
    const [a, rel, b] = r.rows[0] as [{ id: string; labels: string[] }, { start: string; end: string }, string];
    expect(a.id).toBe('IRN');
    expect(a.labels).toContain('Country');
    expect(rel).toMatchObject({ start: 'IRN', end: b });
    expect(r.nodes.map((n) => n.id)).toEqual(['IRN']);
    expect(r.relationships[0]).toMatchObject({ type: 'SUPPLIES', start: 'IRN' });
    // Only the relationship returned: its endpoints are looked up in the same worker, on the same driver.
    const onlyRel = await store.query('MATCH (:Entity {id: "IRN"})-[r:SUPPLIES]->() RETURN r LIMIT 1', {});
    expect(onlyRel.relationships[0]).toMatchObject({ start: 'IRN', end: b });
    const capped = await store.query('UNWIND range(1, 100) AS i RETURN i', {}, { maxRows: 10 });
    expect(capped.rows).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1]));
    expect(capped.truncated).toBe(true);
  });

  it('passes driver integers and JSON numbers as Cypher integers', async () => {
    const r = await store.query('UNWIND range(1, 10) AS i WITH i LIMIT $n RETURN collect(i) AS l, $big AS big', {
      n: 3,
      big: neo4j.int('9007199254740993'),
    });
    expect(r.rows).toEqual([[[1, 2, 3], '9007199254740993']]);
    const nested = await store.query('RETURN $m.k + 1 AS x', { m: { k: neo4j.int(41) } });
    expect(nested.rows).toEqual([[42]]);
  });

  it('brings errors back as their classes, with Neo4j codes kept', async () => {
    const refused = await store.query("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", {}).catch((e) => e);
    expect(refused).toBeInstanceOf(QueryRefusedError);
    expect((refused as Error).message).toMatch(/^query: refused: .*LOAD CSV/);
    const big = await store.query('RETURN range(1, 20000000) AS big', {}, { maxBytes: 1 << 20 }).catch((e) => e);
    expect(big).toBeInstanceOf(ResultTooLargeError);
    expect((big as ResultTooLargeError).maxBytes).toBe(1 << 20);
    const syntax = await store.query('MATC (n) RETURN n', {}).catch((e) => e);
    expect(syntax).toBeInstanceOf(QueryError);
    expect((syntax as { cause?: { code?: string } }).cause?.code).toBe('Neo.ClientError.Statement.SyntaxError');
    const burner = 'UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)';
    const slow = store.query(burner, {}, { timeoutMs: 500 });
    await expect(slow).rejects.toBeInstanceOf(QueryError);
    await expect(slow).rejects.toThrow(/longer than 500 ms/);
  });

  it('round-trips the typed errors through their wire form', () => {
    const cause = Object.assign(new Error('server said no'), { code: 'Neo.ClientError.Statement.SyntaxError' });
    const cases: Array<[Error, new (...args: never[]) => Error]> = [
      [new ResultTooLargeError(123, { cause }), ResultTooLargeError],
      [new QueryTimeoutError(456), QueryTimeoutError],
      [new QueryRefusedError('refused: LOAD CSV'), QueryRefusedError],
      [new QueryError('bad', { cause }), QueryError],
      [new StoreError('down'), StoreError],
      [new CypherWorkerError('gone'), CypherWorkerError],
    ];
    for (const [err, cls] of cases) {
      const back = errorFromWire(structuredClone(errorToWire(err)));
      expect(back).toBeInstanceOf(cls);
      expect(back.message).toBe(err.message);
      expect(back.name).toBe(err.name);
    }
    const tooLarge = errorFromWire(errorToWire(new ResultTooLargeError(123, { cause }))) as ResultTooLargeError;
    expect(tooLarge.maxBytes).toBe(123);
    expect((tooLarge.cause as { code?: string }).code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect((errorFromWire(errorToWire(new QueryTimeoutError(456))) as QueryTimeoutError).timeoutMs).toBe(456);
  });
});

describe('a Cypher worker that dies', () => {
  it('fails the query it held with a clear error and starts a fresh worker for the next', async () => {
    const client = new CypherWorkerClient(neo4jConfig());
    try {
      expect((await client.run('RETURN 1 AS one', {}, LIMITS)).rows).toEqual([[1]]);
      const held = client.run('UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)', {}, LIMITS);
      await new Promise((r) => setTimeout(r, 300));
      // A crash as the thread sees it: it stops (here: terminated from outside) with a query in flight.
      void (client as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      const err = await held.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CypherWorkerError);
      expect((err as Error).message).toMatch(/Cypher worker stopped while the query ran .* restarted/);
      expect(classifyCypherError(err, 5000).status).toBe(503);
      expect((await client.run('RETURN 2 AS two', {}, LIMITS)).rows).toEqual([[2]]);
      expect(client.started).toBe(2);
    } finally {
      await client.close();
    }
  });

  it('turns running out of its heap on a result into an error for that query (413 over HTTP), not a dead process', async () => {
    const client = new CypherWorkerClient(neo4jConfig(), { maxHeapMb: 24 });
    try {
      const err = await client
        .run('RETURN range(1, 4000000) AS big', {}, { ...LIMITS, maxBytes: 512 << 20 })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CypherWorkerError);
      expect((err as CypherWorkerError).outOfMemory).toBe(true);
      expect((err as Error).message).toMatch(/ran out of memory/);
      expect(classifyCypherError(err, 5000).status).toBe(413);
      expect((await client.run('RETURN 3 AS three', {}, LIMITS)).rows).toEqual([[3]]);
      expect(client.started).toBe(2);
    } finally {
      await client.close();
    }
  });
});
