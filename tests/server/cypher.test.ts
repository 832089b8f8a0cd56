// The read-only Cypher endpoint against the real Neo4j of the test run: reads answer nodes/relationships/rows;
// writes, slow queries and malformed requests get clear 4xx errors, nothing is written, the server keeps serving.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/listen.js';
import { ingestPaths } from '../../src/store/ingest-files.js';
import { openStore } from '../../src/store/open.js';
import type { GraphStore } from '../../src/store/types.js';
import { neo4jConfig } from '../helpers/neo4j.js';
import { call, expectCleanError, postCypher, type Loose, SAMPLE, serve } from './http.js';

let store: GraphStore;
let server: RunningServer;
let base: string;

async function stillServing(): Promise<void> {
  const a = await call(base, '/api/stats');
  expect(a.status).toBe(200);
  expect(a.json.relations).toBeGreaterThan(0);
}

async function countAll(): Promise<number> {
  const a = await postCypher(base, 'MATCH (n) RETURN count(n) AS n');
  expect(a.status).toBe(200);
  return a.json.rows[0][0] as number;
}

beforeAll(async () => {
  store = await openStore({ kind: 'neo4j', neo4j: neo4jConfig() });
  await store.reset();
  await ingestPaths(store, [SAMPLE]);
  server = await serve(store, { limits: { cypherTimeoutMs: 1500, cypherMaxRows: 1000 } });
  base = server.url;
});

afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe('Cypher endpoint on Neo4j', () => {
  it('says Cypher is available, without leaking credentials', async () => {
    const a = await call(base, '/api/config');
    expect(a.json).toMatchObject({ store: 'neo4j', cypher: true });
    const { uri, user, password } = neo4jConfig();
    expect(a.text).not.toContain(uri);
    expect(a.text).not.toMatch(/password|credential|"user"|"uri"|bolt:|neo4j:\/\//i);
    // 'neo4j' is also the store kind, so only a real (non-default) password can be searched for verbatim.
    if (password && password !== 'neo4j' && password !== user) expect(a.text).not.toContain(password);
  });

  it('answers a read query with nodes, relationships and rows', async () => {
    const a = await postCypher(base, 'MATCH (a)-[r:MEMBER_OF]->(b) RETURN a,r,b');
    expect(a.status).toBe(200);
    expect(a.json.columns).toEqual(['a', 'r', 'b']);
    const iran = a.json.nodes.find((n: Loose) => n.properties.name === 'Iran');
    const brics = a.json.nodes.find((n: Loose) => n.properties.name === 'BRICS');
    expect(iran && brics).toBeTruthy();
    expect(a.json.relationships).toContainEqual(
      expect.objectContaining({ type: 'MEMBER_OF', start: iran.id, end: brics.id }),
    );
    const p = await postCypher(base, 'MATCH (e {id: $id}) RETURN e.name AS name', { id: 'IRN' });
    expect(p.json.rows).toEqual([['Iran']]);
  });

  it('caps the rows and says so', async () => {
    const a = await postCypher(base, 'UNWIND range(1, 5000) AS x RETURN x');
    expect(a.status).toBe(200);
    expect(a.json.rows.length).toBe(1000);
    expect(a.json.truncated).toBe(true);
  });

  it('refuses writes with 403 and writes nothing', async () => {
    const before = await countAll();
    for (const q of [
      "CREATE (n:Hacked {at: 'viewer'}) RETURN n",
      'MATCH (n) DETACH DELETE n',
      "MERGE (x:Entity {id: 'evil'}) RETURN x",
      "MATCH (n {id: 'IRN'}) SET n.name = 'Hacked' RETURN n",
    ]) {
      const a = await postCypher(base, q);
      expect(a.status, q).toBe(403);
      expectCleanError(a);
      expect(a.json.error).toMatch(/read-only/);
      await stillServing();
    }
    expect(await countAll()).toBe(before);
    const hacked = await postCypher(base, "MATCH (n) WHERE n:Hacked OR n.name = 'Hacked' RETURN count(n)");
    expect(hacked.json.rows[0][0]).toBe(0);
  });

  it('refuses LOAD CSV (file and URL reads) with 403', async () => {
    const a = await postCypher(base, "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line");
    expect(a.status).toBe(403);
    expectCleanError(a);
  });

  it('stops a query over the time limit with 408, then keeps serving', async () => {
    const started = Date.now();
    const a = await postCypher(base, 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)');
    expect(a.status).toBe(408);
    expectCleanError(a);
    expect(a.json.error).toMatch(/time limit/);
    expect(Date.now() - started).toBeLessThan(20_000);
    await stillServing();
  });

  it('refuses malformed requests with 4xx', async () => {
    const post = (body: string, type = 'application/json') =>
      call(base, '/api/cypher', { method: 'POST', headers: { 'Content-Type': type }, body });
    const cases: Array<[string, Promise<Awaited<ReturnType<typeof post>>>, number]> = [
      ['broken JSON', post('{"query": '), 400],
      ['no query', post('{}'), 400],
      ['empty query', post('{"query": "   "}'), 400],
      ['query not a string', post('{"query": 42}'), 400],
      ['params not an object', post('{"query": "RETURN 1", "params": [1]}'), 400],
      ['form post', post('query=RETURN+1', 'application/x-www-form-urlencoded'), 415],
      ['too large', post(JSON.stringify({ query: `RETURN '${'x'.repeat(70_000)}'` })), 413],
      ['syntax error', post('{"query": "MATCH (n RETURN n"}'), 400],
      ['GET', call(base, '/api/cypher'), 405],
    ];
    for (const [name, pending, status] of cases) {
      const a = await pending;
      expect(a.status, name).toBe(status);
      expectCleanError(a);
    }
    await stillServing();
  });
});
