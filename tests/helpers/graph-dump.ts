// The whole Neo4j graph as sorted canonical lines (labels/type, endpoints, typed properties), so two graphs can be
// compared exactly: integers and floats stay apart, ingest timestamps are left out (they differ run to run).

import neo4j, { isInt } from 'neo4j-driver';
import type { Neo4jConnection } from './neo4j.js';

const VOLATILE = new Set(['ingestedAt']);

function canon(v: unknown): unknown {
  if (isInt(v)) return { int: v.toString() };
  if (typeof v === 'number') return { float: v };
  if (Array.isArray(v)) return v.map(canon);
  return v;
}

function props(p: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(p)
      .filter((k) => !VOLATILE.has(k))
      .sort()
      .map((k) => [k, canon(p[k])]),
  );
}

export interface GraphDump {
  nodes: string[];
  relationships: string[];
  /** Property count over nodes and relationships (volatile ones included). */
  properties: number;
}

export async function dumpGraph(conn: Neo4jConnection): Promise<GraphDump> {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
  try {
    const db = { database: conn.database };
    const n = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props', {}, db);
    const r = await driver.executeQuery(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS a, coalesce(b.id, elementId(b)) AS b,
              properties(r) AS props`,
      {},
      db,
    );
    let properties = 0;
    const nodes = n.records.map((rec) => {
      const p = rec.get('props') as Record<string, unknown>;
      properties += Object.keys(p).length;
      return `${(rec.get('labels') as string[]).sort().join(':')} ${props(p)}`;
    });
    const relationships = r.records.map((rec) => {
      const p = rec.get('props') as Record<string, unknown>;
      properties += Object.keys(p).length;
      return `${rec.get('a') as string} -${rec.get('type') as string}-> ${rec.get('b') as string} ${props(p)}`;
    });
    return { nodes: nodes.sort(), relationships: relationships.sort(), properties };
  } finally {
    await driver.close();
  }
}
