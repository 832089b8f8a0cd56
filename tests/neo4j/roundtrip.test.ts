// Integration test of the harness itself: the run's Neo4j takes a write and gives it back.
// If this fails, every Neo4j-backed test after it would fail too; read its message first.

import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig, neo4jEnv } from '../helpers/neo4j.js';

describe('the real Neo4j of this test run', () => {
  let driver: Driver;
  const marker = `roundtrip-${randomUUID()}`;

  beforeAll(() => {
    const { uri, user, password } = neo4jConfig();
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  });

  afterAll(async () => {
    await driver.executeQuery(
      'MATCH (n:GeokgHarnessProbe {marker: $marker}) DETACH DELETE n',
      { marker },
      {
        database: neo4jConfig().database,
      },
    );
    await driver.close();
  });

  it('writes a node and reads it back in a new session', async () => {
    const { database } = neo4jConfig();
    const props = { marker, name: 'Iran–Russia', weight: 0.75, tags: ['BRICS', 'drones'] };
    await driver.executeQuery('CREATE (n:GeokgHarnessProbe $props)', { props }, { database });

    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run('MATCH (n:GeokgHarnessProbe {marker: $marker}) RETURN n', { marker });
      expect(result.records).toHaveLength(1);
      expect(result.records[0]?.get('n').properties).toEqual(props);
    } finally {
      await session.close();
    }
  });

  it('refuses writes in a read transaction (the basis of the read-only Cypher endpoint)', async () => {
    const session = driver.session({ database: neo4jConfig().database, defaultAccessMode: neo4j.session.READ });
    try {
      await expect(
        session.executeRead((tx) => tx.run('CREATE (:GeokgHarnessProbe {marker: $marker})', { marker })),
      ).rejects.toThrow(/write|read/i);
    } finally {
      await session.close();
    }
    const count = await driver.executeQuery(
      'MATCH (n:GeokgHarnessProbe {marker: $marker}) RETURN count(n) AS c',
      { marker },
      { database: neo4jConfig().database },
    );
    expect(count.records[0]?.get('c').toNumber()).toBe(1);
  });

  it('hands the same server to spawned processes through neo4jEnv()', () => {
    const env = neo4jEnv();
    expect(env.NEO4J_URI).toBe(neo4jConfig().uri);
    expect(env.NEO4J_URI).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
    expect(typeof env.NEO4J_USER).toBe('string');
  });
});
