// Vitest global setup: gives the whole run one real Neo4j. Without NEO4J_URI it starts the local embedded Neo4j on
// a free port with a fresh temporary data dir (so parallel runs never collide) and stops it in teardown.

import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { freePort, localNeo4jStatus, startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j/index.js';
import type { Neo4jTestConfig } from './neo4j-context.js';

const HOW_TO_FIX =
  'The test suite needs a real Neo4j: either let it start the local one (needs Java 17 and Maven, see README ' +
  '"Local Neo4j") or point NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD at a running server.';

const TEMP_PREFIX = 'geokg-test-neo4j-';

/** Removes data dirs of earlier runs that were killed before their teardown (their server is gone with them). */
async function removeStaleTestDirs(): Promise<void> {
  const tmp = os.tmpdir();
  const entries = await readdir(tmp).catch(() => [] as string[]);
  for (const name of entries.filter((n) => n.startsWith(TEMP_PREFIX))) {
    const dir = path.join(tmp, name);
    try {
      const status = await localNeo4jStatus(dir);
      const ageMs = Date.now() - (await stat(dir)).mtimeMs;
      // 'stopped' with no pid file may be a run still starting up; only old ones are abandoned for sure.
      if (status.state === 'stale' || (status.state === 'stopped' && ageMs > 3_600_000)) {
        await rm(dir, { recursive: true, force: true });
      }
    } catch {
      // Another run's dir vanished under us or is not ours to read: leave it.
    }
  }
}

async function startLocal(): Promise<{ server: LocalNeo4j; dir: string }> {
  await removeStaleTestDirs();
  const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  let lastError: unknown;
  // A free port can be taken between our probe and Neo4j's bind by a concurrent run; one retry covers that.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const server = await startLocalNeo4j({
        port: await freePort(),
        dataDir: dir,
        heap: '2g',
        pageCache: '256m',
        mode: 'attached',
        onStatus: (m) => process.stderr.write(`[neo4j] ${m}\n`),
      });
      return { server, dir };
    } catch (err) {
      lastError = err;
      if (!/already in use/.test((err as Error).message)) break;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`Could not start the local Neo4j for the tests: ${(lastError as Error).message}\n${HOW_TO_FIX}`, {
    cause: lastError,
  });
}

async function checkConnectivity(config: Neo4jTestConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    const result = await driver.executeQuery('RETURN 1 AS one', {}, { database: config.database });
    const one = result.records[0]?.get('one') as { toNumber(): number } | undefined;
    if (one?.toNumber() !== 1) throw new Error('RETURN 1 did not return 1');
  } catch (err) {
    throw new Error(`Neo4j at ${config.uri} is not usable: ${(err as Error).message}\n${HOW_TO_FIX}`, { cause: err });
  } finally {
    await driver.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUri = process.env.NEO4J_URI;
  let local: { server: LocalNeo4j; dir: string } | undefined;
  let config: Neo4jTestConfig;
  if (externalUri) {
    config = {
      uri: externalUri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
      source: 'external',
    };
  } else {
    local = await startLocal();
    // Auth is off on the loopback-only local server; the credentials are sent but not checked.
    config = { uri: local.server.uri, user: 'neo4j', password: 'neo4j', source: 'local' };
    process.stderr.write(
      `[neo4j] local Neo4j for this run at ${config.uri} (pid ${local.server.pid}, ` +
        `${(local.server.startMs / 1000).toFixed(1)} s)\n`,
    );
  }
  try {
    await checkConnectivity(config);
  } catch (err) {
    if (local) {
      await local.server.stop();
      await rm(local.dir, { recursive: true, force: true });
    }
    throw err;
  }
  project.provide('neo4j', config);

  return async () => {
    if (!local) return;
    await local.server.stop();
    await rm(local.dir, { recursive: true, force: true });
  };
}
