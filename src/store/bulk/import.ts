// The bulk path for big first loads: CSV files (csv.ts) → `neo4j-admin database import full` (from the jar
// org.neo4j:neo4j-import-tool, already on the local launcher's classpath) → the schema. Empty database only.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ensureJars } from '../../neo4j/jars.js';
import { freePort, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j/index.js';
import { Neo4jStore } from '../neo4j.js';
import type { StoreStats } from '../types.js';
import { ARRAY_DELIMITER, BulkImportError, type CsvSummary, type EmptyArrays } from './csv.js';

export interface BulkImportOptions {
  /** The local Neo4j's home (as `geokg neo4j start --data`). */
  dataDir: string;
  /** Heap of the import tool's JVM. */
  heap?: string;
  /** Leave the server running afterwards (on this port) instead of stopping it; default: as it was before. */
  keepRunning?: boolean;
  onStatus?: (message: string) => void;
}

export interface BulkImportResult {
  nodes: number;
  relationships: number;
  properties: number;
  importMs: number;
  schemaMs: number;
  totals: StoreStats;
  /** Set when the server runs afterwards. */
  uri?: string;
}

const STAGING_PREFIX = '.geokg-bulk-staging-';
const DB = 'neo4j';

/** Where the default database's files live in a local Neo4j home (what the import tool writes). */
function storeDirs(home: string): { databases: string; transactions: string } {
  return {
    databases: path.join(home, 'data', 'databases', DB),
    transactions: path.join(home, 'data', 'transactions', DB),
  };
}

async function countNodes(uri: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  try {
    const r = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: DB });
    return (r.records[0]!.get('n') as { toNumber(): number }).toNumber();
  } finally {
    await driver.close();
  }
}

/**
 * Makes sure the database is empty (or not created yet) and that no server holds it. Returns the port of the
 * server that was running, so it can be started again afterwards.
 */
export async function ensureEmptyAndStopped(
  dataDir: string,
  say: (m: string) => void,
): Promise<{ wasRunningOn?: number }> {
  const status = await localNeo4jStatus(dataDir);
  const refuse = (n: number) =>
    new BulkImportError(
      `the database in ${dataDir} is not empty (${n} nodes): the bulk path is for first loads. ` +
        'Use `geokg ingest` to add to it, or `geokg reset --yes` / a fresh --data directory first',
    );
  if (status.state === 'running' && status.record) {
    const n = await countNodes(status.record.uri);
    if (n > 0) throw refuse(n);
    say(`stopping the local Neo4j at ${status.record.uri} for the import…`);
    await stopLocalNeo4j(dataDir);
    return { wasRunningOn: status.record.port };
  }
  if (existsSync(storeDirs(dataDir).databases)) {
    // A database exists but no server runs: start it briefly to look inside.
    const server = await startLocalNeo4j({ dataDir, port: await freePort(), mode: 'attached' });
    try {
      const n = await countNodes(server.uri);
      if (n > 0) throw refuse(n);
    } finally {
      await server.stop();
    }
  }
  return {};
}

function runTool(args: string[], env: NodeJS.ProcessEnv, say: (m: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // Ctrl-C or SIGTERM: the tool is stopped and the staging copy dropped; the target database was never touched.
    const onSignal = () => {
      child.kill('SIGTERM');
      say('interrupted: nothing was loaded, the database is as empty as before');
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.on('error', (e) => reject(new BulkImportError(`cannot run java: ${e.message}`, { cause: e })));
    child.on('close', (code, signal) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (code === 0) resolve(output);
      else {
        const tail = output.trim().split('\n').slice(-12).join('\n');
        reject(
          new BulkImportError(
            `the import tool failed (${signal ?? `exit ${code}`}); nothing was loaded, the database is as empty ` +
              `as before:\n${tail}`,
          ),
        );
      }
    });
  });
}

/** Runs `neo4j-admin database import full` into a staging home, then swaps its store into the data directory. */
export async function importCsv(
  csv: CsvSummary,
  opts: BulkImportOptions,
): Promise<{ nodes: number; relationships: number; properties: number }> {
  const say = opts.onStatus ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  for (const name of await readdir(dataDir))
    if (name.startsWith(STAGING_PREFIX)) await rm(path.join(dataDir, name), { recursive: true, force: true });
  const staging = path.join(dataDir, `${STAGING_PREFIX}${process.pid}`);
  await mkdir(path.join(staging, 'conf'), { recursive: true });
  await writeFile(path.join(staging, 'conf', 'neo4j.conf'), `server.directories.data=${path.join(staging, 'data')}\n`);
  const lib = await ensureJars(say);
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-cp',
    path.join(lib, '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    DB,
    ...csv.files.nodes.map((f) => `--nodes=${f}`),
    ...csv.files.relationships.map((f) => `--relationships=${f}`),
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    '--multiline-fields=true',
    '--bad-tolerance=0',
    `--report-file=${path.join(staging, 'import.report')}`,
    '--overwrite-destination=true',
  ];
  say(`importing ${csv.nodes} nodes and ${csv.relationships} relationships with neo4j-admin database import full…`);
  try {
    const output = await runTool(
      args,
      { ...process.env, NEO4J_HOME: staging, NEO4J_CONF: path.join(staging, 'conf') },
      say,
    );
    const num = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(output)?.[1] ?? NaN);
    const done = { nodes: num('nodes'), relationships: num('relationships'), properties: num('properties') };
    // The swap: the target's (empty) store goes, the staged one takes its place.
    const from = storeDirs(staging);
    const to = storeDirs(dataDir);
    await mkdir(path.dirname(to.databases), { recursive: true });
    await mkdir(path.dirname(to.transactions), { recursive: true });
    await rm(to.databases, { recursive: true, force: true });
    await rm(to.transactions, { recursive: true, force: true });
    await rename(from.databases, to.databases);
    await rename(from.transactions, to.transactions);
    return done;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Array properties the CSV could not carry as empty arrays: set to [] where the transactional path has them. */
const FIXUPS: Record<string, string> = {
  'Claim.items': 'MATCH (n:Claim) WHERE n.items IS NULL',
  'Entity.aliases': 'MATCH (n:Entity) WHERE n.aliases IS NULL',
  'Entity.searchKeys': 'MATCH (n:Entity) WHERE n.searchKeys IS NULL',
  'MENTIONS.aliases': 'MATCH (:Document)-[n:MENTIONS]->(:Entity) WHERE n.aliases IS NULL',
  'MENTIONS.searchKeys': 'MATCH (:Document)-[n:MENTIONS]->(:Entity) WHERE n.searchKeys IS NULL',
  'REL.modalities': 'MATCH (:Entity)-[n]->(:Entity) WHERE n.key IS NOT NULL AND n.modalities IS NULL',
  'REL.items': 'MATCH (:Entity)-[n]->(:Entity) WHERE n.key IS NOT NULL AND n.items IS NULL',
  'REL.times': 'MATCH (:Entity)-[n]->(:Entity) WHERE n.key IS NOT NULL AND n.times IS NULL',
};

export async function applyEmptyArrays(uri: string, empty: EmptyArrays): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  try {
    for (const pattern of Object.keys(empty)) {
      const match = FIXUPS[pattern];
      if (!match) throw new BulkImportError(`no fix-up for empty arrays of ${pattern}`);
      const prop = pattern.split('.')[1]!;
      const session = driver.session({ database: DB });
      try {
        // CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run), and keeps each one small.
        await session.run(`${match} CALL (n) { SET n.${prop} = [] } IN TRANSACTIONS OF 10000 ROWS`);
      } finally {
        await session.close();
      }
    }
  } finally {
    await driver.close();
  }
}

/** Starts the server on the imported store, applies the schema and the empty-array fix-ups, reports the totals. */
export async function finishImport(
  csv: CsvSummary,
  opts: BulkImportOptions & { port?: number },
): Promise<{ schemaMs: number; totals: StoreStats; uri?: string }> {
  const say = opts.onStatus ?? (() => {});
  const t0 = Date.now();
  const keep = Boolean(opts.keepRunning);
  const server = await startLocalNeo4j({
    dataDir: opts.dataDir,
    port: opts.port ?? (await freePort()),
    mode: keep ? 'background' : 'attached',
    onStatus: say,
  });
  try {
    const store = new Neo4jStore({ uri: server.uri });
    try {
      say('applying the schema (constraints, indexes, full-text index) and waiting for the indexes…');
      await applyEmptyArrays(server.uri, csv.emptyArrays);
      await store.init();
      const totals = await store.stats();
      return { schemaMs: Date.now() - t0, totals, ...(keep ? { uri: server.uri } : {}) };
    } finally {
      await store.close();
    }
  } finally {
    if (!keep) await server.stop();
  }
}
