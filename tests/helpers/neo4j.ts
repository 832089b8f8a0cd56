// Test helpers for the real Neo4j of this run (started by tests/setup/global-setup.ts, or NEO4J_URI's server).
// Import these instead of reading process.env: the local server's port is chosen per run.
//
//   neo4jConfig(): { uri, user, password, database? } — for test files that open a driver or a store, e.g.
//     const { uri, user, password, database } = neo4jConfig();
//     const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));   // remember: await driver.close()
//   neo4jEnv(): { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD[, NEO4J_DATABASE] } — for spawning bin/geokg against it:
//     spawnSync('bin/geokg', ['stats'], { env: { ...process.env, ...neo4jEnv() } });
//
// The process environment of the tests is NOT changed by the global setup, so a spawned `bin/geokg` uses the
// embedded store unless you pass neo4jEnv(). Every test file shares one database: reset() what you use in
// beforeAll/beforeEach and never assume it is empty.

import { inject } from 'vitest';
import '../setup/neo4j-context.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export function neo4jConfig(): Neo4jConnection {
  const provided = inject('neo4j');
  if (!provided?.uri) {
    // Only happens when the global setup did not run (e.g. a custom vitest config): fail, never skip.
    throw new Error(
      'No Neo4j for this test run: tests/setup/global-setup.ts did not provide one (see vitest.config.ts)',
    );
  }
  const { uri, user, password, database } = provided;
  return database ? { uri, user, password, database } : { uri, user, password };
}

export function neo4jEnv(): Record<string, string> {
  const { uri, user, password, database } = neo4jConfig();
  const env: Record<string, string> = { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  if (database) env.NEO4J_DATABASE = database;
  return env;
}
