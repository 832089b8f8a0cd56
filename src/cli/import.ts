// `geokg import`: the bulk path for big first loads into an empty local Neo4j (CSV + neo4j-admin import + schema).
// Also writes the CSV files alone (--csv-only) for Docker users to import with the image's own neo4j-admin.

import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { readInputs, type ReadOptions } from '../ingest/read.js';
import { ExtractionPool } from '../ingest/pool/pool.js';
import { workersOption } from '../ingest/pool/options.js';
import { defaultDataDir } from '../neo4j/local.js';
import { bulkLoad, type BulkItem } from '../store/bulk/load.js';
import { readShards } from '../store/from-extraction.js';

interface ImportCliOptions {
  fromExtraction?: boolean;
  data?: string;
  csvDir?: string;
  csvOnly?: boolean;
  heap: string;
  lang: 'de' | 'en' | 'auto';
  workers: number;
  keepRunning?: boolean;
  /** Size limit and corpus fields, as `geokg ingest` reads them (--max-size, --text-field …). */
  read?: ReadOptions;
}

const err = (line: string) => process.stderr.write(`${line}\n`);

async function* fromFiles(paths: string[], opts: ImportCliOptions, pool: ExtractionPool): AsyncGenerator<BulkItem> {
  for await (const r of pool.run(readInputs(paths, opts.read))) {
    if (r.ok) yield { source: r.source, doc: r.doc! };
    else yield { source: r.source, error: r.error };
  }
}

export async function runImport(paths: string[], opts: ImportCliOptions): Promise<number> {
  if (opts.csvOnly && !opts.csvDir) throw new InputError('--csv-only needs --csv-dir DIR (where to leave the files)');
  const started = Date.now();
  const pool = opts.fromExtraction
    ? undefined
    : new ExtractionPool({ workers: opts.workers, extract: { lang: opts.lang }, forStore: true });
  let last = 0;
  try {
    const summary = await bulkLoad(pool ? fromFiles(paths, opts, pool) : readShards(paths), {
      dataDir: opts.data ?? defaultDataDir(),
      csvDir: opts.csvDir,
      csvOnly: opts.csvOnly,
      heap: opts.heap,
      keepRunning: opts.keepRunning,
      onStatus: (m) => err(`import: ${m}`),
      onDocument: (done) => {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        err(`import: ${done} documents read (${(done / ((Date.now() - started) / 1000)).toFixed(1)}/s)`);
      },
    });
    const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const c = summary.csv;
    process.stdout.write(
      `documents: ${c.documents} imported, ${c.duplicates} duplicate, ${summary.failures.length} failed\n` +
        `csv:       ${c.nodes} nodes, ${c.relationships} relationships in ${c.dir} (${secs(summary.csvMs)})\n`,
    );
    if (summary.imported && summary.totals) {
      const t = summary.totals;
      process.stdout.write(
        `import:    ${summary.imported.nodes} nodes, ${summary.imported.relationships} relationships, ` +
          `${summary.imported.properties} properties (${secs(summary.importMs)}); schema ${secs(summary.schemaMs)}\n` +
          `store:     ${t.documents} documents, ${t.entities} entities, ${t.relations} relations, ${t.evidence} evidence` +
          `${summary.uri ? ` (running at ${summary.uri})` : ' (server stopped: `geokg neo4j start` to use it)'}\n`,
      );
    }
    for (const f of summary.failures.slice(0, 20)) err(`failed: ${f.source}: ${f.error}`);
    if (summary.failures.length > 20) err(`… and ${summary.failures.length - 20} more failures`);
    if (c.documents === 0) {
      err('geokg: input: no document could be read');
      return 1;
    }
    return summary.failures.length > 0 ? 2 : 0;
  } finally {
    await pool?.close();
  }
}

export function register(program: Command): void {
  program
    .command('import')
    .description(
      'Bulk-load a big first corpus into an EMPTY local Neo4j: CSV files + `neo4j-admin database import full` + schema.',
    )
    .argument(
      '<paths...>',
      'files or folders to extract, or with --from-extraction `geokg extract --format jsonl` shards',
    )
    .option('--from-extraction', 'the paths are extraction shards (.jsonl / .jsonl.gz): no re-extraction')
    .option('--data <dir>', 'the local Neo4j home (as `geokg neo4j start --data`; default $GEOKG_HOME/neo4j)')
    .option('--csv-dir <dir>', 'keep the CSV files here (default: a temporary folder, removed afterwards)')
    .option('--csv-only', 'only write the CSV files (with --csv-dir), e.g. to import them with Docker (docs/scale.md)')
    .option('--heap <size>', 'heap of the import tool', '1g')
    .option('--keep-running', 'leave the local Neo4j running afterwards (default: as it was before)')
    .addOption(new Option('--lang <lang>', 'language of the texts').choices(['de', 'en', 'auto']).default('auto'))
    .addOption(workersOption())
    .addHelpText(
      'after',
      '\nThe database must be empty (or not created yet); a running local server is stopped for the import and\n' +
        'started again. The import runs on a staging copy: if it fails or is interrupted, nothing is loaded.\n' +
        'Gives the same graph as `geokg ingest`; use `geokg ingest` to add to an existing graph.',
    )
    .action(async (paths: string[], opts: ImportCliOptions) => {
      process.exitCode = await runImport(paths, opts);
    });
}
