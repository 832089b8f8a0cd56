// CLI commands of the 'neo4j' group: start, stop and inspect the local embedded Neo4j (no Docker needed).
// `start` returns once Bolt answers and prints the URI; the server keeps running until `stop`.

import { Command, InvalidArgumentError } from 'commander';
import {
  DEFAULT_BOLT_PORT,
  DEFAULT_HEAP,
  DEFAULT_PAGE_CACHE,
  defaultDataDir,
  ensureJars,
  localNeo4jStatus,
  neo4jVersion,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../neo4j/index.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new InvalidArgumentError('expected a port number 1–65535');
  }
  return port;
}

function parseSize(value: string): string {
  if (!/^\d+[kmg]?$/i.test(value)) throw new InvalidArgumentError('expected a size like 512m or 1g');
  return value;
}

/** A path as the user can paste it back into a shell. */
function shellQuote(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

const status = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

export function register(program: Command): void {
  const neo4j = program
    .command('neo4j')
    .description('Run a local Neo4j Community server (embedded, Bolt on 127.0.0.1, auth off) without Docker.')
    .addHelpText(
      'after',
      '\nThe first start resolves the Neo4j jars from Maven Central (needs Java 17 and Maven); later starts reuse them.',
    );

  neo4j
    .command('start')
    .description('Start the local Neo4j in the background; prints bolt://127.0.0.1:PORT once Bolt answers.')
    .option('-p, --port <port>', 'Bolt port on 127.0.0.1', parsePort, DEFAULT_BOLT_PORT)
    .option('-d, --data <dir>', 'data directory (default: $GEOKG_HOME/neo4j, GEOKG_HOME defaults to ./.geokg)')
    .option('--heap <size>', 'maximum JVM heap', parseSize, DEFAULT_HEAP)
    .option('--pagecache <size>', 'Neo4j page cache size', parseSize, DEFAULT_PAGE_CACHE)
    .option('--timeout <seconds>', 'give up if Bolt does not answer within this time', (v) => Number(v), 180)
    .action(async (opts: { port: number; data?: string; heap: string; pagecache: string; timeout: number }) => {
      const server = await startLocalNeo4j({
        port: opts.port,
        dataDir: opts.data ?? defaultDataDir(),
        heap: opts.heap,
        pageCache: opts.pagecache,
        mode: 'background',
        timeoutMs: opts.timeout * 1000,
        onStatus: status,
      });
      status(`Neo4j is up (pid ${server.pid}, ${(server.startMs / 1000).toFixed(1)} s); log: ${server.logFile}`);
      // The stop hint must name the data directory it was started on, or `stop` looks in the default one.
      const data = opts.data ? ` --data ${shellQuote(opts.data)}` : '';
      status(`use it with: NEO4J_URI=${server.uri} geokg …   stop it with: geokg neo4j stop${data}`);
      process.stdout.write(`${server.uri}\n`);
    });

  neo4j
    .command('stop')
    .description('Stop the local Neo4j cleanly (SIGTERM; the store is checkpointed and closed).')
    .option('-d, --data <dir>', 'data directory of the server to stop (default: $GEOKG_HOME/neo4j)')
    .action(async (opts: { data?: string }) => {
      const dir = opts.data ?? defaultDataDir();
      const stopped = await stopLocalNeo4j(dir);
      process.stdout.write(
        stopped
          ? `stopped Neo4j at ${stopped.uri} (pid ${stopped.pid})\n`
          : `no local Neo4j running for ${dir}${opts.data ? '' : ' (started with --data DIR? pass the same --data)'}\n`,
      );
    });

  neo4j
    .command('status')
    .description('Say whether the local Neo4j runs and answers on Bolt (exit 0 when it does, 3 when not).')
    .option('-d, --data <dir>', 'data directory (default: $GEOKG_HOME/neo4j)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const s = await localNeo4jStatus(opts.data ?? defaultDataDir());
      const up = s.state === 'running' && !!s.bolt;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...s, answering: up })}\n`);
      } else if (s.state === 'running' && s.record) {
        const bolt = s.bolt ? `answering (Bolt ${s.bolt})` : 'NOT answering on Bolt';
        process.stdout.write(
          `running: ${s.record.uri} pid ${s.record.pid}, Neo4j ${s.record.version}, since ${s.record.startedAt}, ${bolt}\n` +
            `data: ${s.dataDir}\nlog: ${s.logFile}\n`,
        );
      } else {
        const note = s.state === 'stale' ? ` (stale pid file for pid ${s.record?.pid} ignored)` : '';
        process.stdout.write(`stopped: no local Neo4j running for ${s.dataDir}${note}\n`);
      }
      process.exitCode = up ? 0 : 3;
    });

  neo4j
    .command('fetch')
    .description('Resolve the Neo4j jars from Maven Central now (what the first start would do), e.g. in CI.')
    .action(async () => {
      const lib = await ensureJars(status);
      process.stdout.write(`Neo4j ${neo4jVersion()} jars ready in ${lib}\n`);
    });
}
