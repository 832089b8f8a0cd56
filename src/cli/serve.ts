// CLI commands `geokg serve` (HTTP API + viewer over the store) and `geokg start` (what `npm start` runs:
// build the viewer if needed, ingest the bundled sample, serve, print the URL; Ctrl-C stops cleanly).

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { plural } from './text.js';
import { ensureViewerBuilt, PROJECT_ROOT, VIZ_DIST } from '../server/build-viewer.js';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer, type RunningServer } from '../server/listen.js';
import { ingestPaths } from '../store/ingest-files.js';
import { openStore, resolveStoreKind } from '../store/open.js';
import type { GraphStore, StoreKind } from '../store/types.js';

export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'data', 'sample');

/** The sample articles (text or HTML files) in data/sample; data/SAMPLE.md says where they come from. */
export function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => /\.(txt|html?)$/i.test(f))
    .sort()
    .map((f) => path.join(SAMPLE_DIR, f));
}

interface ServeFlags {
  port?: string;
  host: string;
  store?: string;
  ingest?: boolean;
  build?: boolean;
}

function parsePort(raw: string | undefined): { port: number; explicit: boolean } {
  if (raw === undefined) return { port: DEFAULT_PORT, explicit: false };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port must be 0..65535, got '${raw}'`);
  return { port, explicit: true };
}

function warnIfExposed(host: string): void {
  if (!isLoopback(host)) {
    process.stderr.write(
      `geokg: warning: serving on ${host}, not loopback: anyone who can reach this machine can read the graph` +
        ' (the API has no authentication)\n',
    );
  }
}

/** Serve until SIGINT/SIGTERM, then close the server and the store. */
async function serveUntilStopped(store: GraphStore, flags: ServeFlags): Promise<void> {
  const { port, explicit } = parsePort(flags.port);
  warnIfExposed(flags.host);
  const staticDir = existsSync(path.join(VIZ_DIST, 'index.html')) ? VIZ_DIST : undefined;
  if (!staticDir)
    process.stderr.write(
      'geokg: the viewer is not built (run `npx vite build -c viz/vite.config.ts`); serving the API only\n',
    );
  let running: RunningServer;
  try {
    running = await startServer({
      store,
      staticDir,
      host: flags.host,
      port,
      fallback: !explicit,
      onNotice: (m) => process.stderr.write(`geokg: ${m}\n`),
      // One line per request on stderr, so a 500 leaves a trace; the app never puts parameters in it.
      log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  process.stdout.write(`geokg: serving the ${store.kind} store at ${running.url}\n`);
  process.stdout.write('geokg: press Ctrl-C to stop\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write('\ngeokg: stopping…\n');
      void running
        .close()
        .then(() => store.close())
        .finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `serve` after a plain `npm install` has no viewer yet: build it rather than serve the API alone. A failed build
 * (no Vite in a production install) is a warning, and the API is still served.
 */
async function buildViewerOrWarn(): Promise<void> {
  try {
    await ensureViewerBuilt({ log: (m) => process.stderr.write(`geokg: ${m}\n`) });
  } catch (err) {
    process.stderr.write(`geokg: warning: ${(err as Error).message}\n`);
  }
}

function storeKind(flag: string | undefined): StoreKind {
  if (flag !== undefined && flag !== 'neo4j' && flag !== 'embedded') {
    throw new InputError(`--store must be 'neo4j' or 'embedded', got '${flag}'`);
  }
  return resolveStoreKind(flag);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the viewer over the store (127.0.0.1 unless --host says otherwise).')
    .option('-p, --port <n>', `port (default ${DEFAULT_PORT}, or the next free one)`)
    .option('--host <host>', 'interface to bind; anything but loopback exposes the graph', DEFAULT_HOST)
    .option('--store <kind>', 'neo4j or embedded (default: neo4j when NEO4J_URI is set)')
    .option('--no-build', 'do not build the viewer even when it is missing or older than its sources')
    .action(async (flags: ServeFlags) => {
      if (flags.build !== false) await buildViewerOrWarn();
      const store = await openStore({ kind: storeKind(flags.store) });
      await serveUntilStopped(store, flags);
    });

  program
    .command('start')
    .description(
      'Build the viewer if needed, ingest the bundled sample (or FILES) and serve it: what `npm start` runs.',
    )
    .argument('[files...]', 'files or folders to ingest instead of the bundled sample (data/sample/)')
    .option('-p, --port <n>', `port (default ${DEFAULT_PORT}, or the next free one)`)
    .option('--host <host>', 'interface to bind; anything but loopback exposes the graph', DEFAULT_HOST)
    .option('--store <kind>', 'neo4j or embedded (default: neo4j when NEO4J_URI is set)')
    .option('--no-ingest', 'serve the store as it is, without ingesting')
    .option('--no-build', 'do not rebuild the viewer even when its sources changed')
    .action(async (files: string[], flags: ServeFlags) => {
      if (flags.build !== false) await ensureViewerBuilt({ log: (m) => process.stderr.write(`geokg: ${m}\n`) });
      const store = await openStore({ kind: storeKind(flags.store) });
      try {
        if (flags.ingest !== false) {
          const paths = files.length ? files : sampleFiles();
          process.stderr.write(`geokg: ingesting ${paths.join(', ')} into the ${store.kind} store…\n`);
          await ingestPaths(store, paths, {});
          const stats = await store.stats();
          process.stderr.write(
            `geokg: store has ${plural(stats.documents, 'document')}, ${plural(stats.entities, 'entity', 'entities')}, ${plural(stats.relations, 'relation')}\n`,
          );
        }
      } catch (err) {
        await store.close();
        throw err;
      }
      await serveUntilStopped(store, flags);
    });
}
