// Opening the configured store: `--store` flag, else Neo4j when NEO4J_URI is set, else the embedded default.
// Credentials come only from options or the environment; they are never printed.

import path from 'node:path';
import { StoreError } from '../errors.js';
import { EmbeddedStore } from './embedded.js';
import { Neo4jStore } from './neo4j.js';
import type { GraphStore, StoreKind } from './types.js';

export interface OpenStoreOptions {
  kind?: StoreKind;
  /** Embedded store directory; default $GEOKG_HOME, else ./.geokg. */
  home?: string;
  neo4j?: { uri: string; user?: string; password?: string; database?: string };
}

export function resolveStoreKind(flag?: string): StoreKind {
  if (flag !== undefined && flag !== '') {
    if (flag === 'neo4j' || flag === 'embedded') return flag;
    throw new StoreError(`unknown store ${JSON.stringify(flag)} (expected neo4j or embedded)`);
  }
  return process.env.NEO4J_URI ? 'neo4j' : 'embedded';
}

export function defaultHome(): string {
  return path.resolve(process.env.GEOKG_HOME || '.geokg');
}

export async function openStore(opts: OpenStoreOptions = {}): Promise<GraphStore> {
  const kind = opts.kind ?? resolveStoreKind();
  if (kind === 'embedded') {
    return new EmbeddedStore({
      home: opts.home ?? defaultHome(),
      // A second writer on the same home waits for the first one's batch; say so instead of pausing silently.
      onLockWait: (message) => process.stderr.write(`geokg: ${message}\n`),
    });
  }
  return openNeo4jStore(opts.neo4j);
}

/** The Neo4j store from explicit settings or NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE. */
export function openNeo4jStore(config?: OpenStoreOptions['neo4j']): Neo4jStore {
  const uri = config?.uri ?? process.env.NEO4J_URI;
  if (!uri)
    throw new StoreError('the Neo4j store needs NEO4J_URI (e.g. bolt://127.0.0.1:7687), or use --store embedded');
  return new Neo4jStore({
    uri,
    user: config?.user ?? process.env.NEO4J_USER ?? 'neo4j',
    password: config?.password ?? process.env.NEO4J_PASSWORD ?? '',
    database: config?.database ?? (process.env.NEO4J_DATABASE || undefined),
  });
}
