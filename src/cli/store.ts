// CLI commands of the store: init, ingest, query, remove, stats, export, reset (each with --help).
// Each opens the store chosen by --store (else Neo4j when NEO4J_URI is set, else embedded) and always closes it.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { InputError, QueryError } from '../errors.js';
import { exportGraph, exportJsonWithDocuments } from '../store/export.js';
import { extractPaths, ingestPaths, type IngestProgress } from '../store/ingest-files.js';
import { ingestExtractions } from '../store/from-extraction.js';
import { runImport } from './import.js';
import { workersOption } from '../ingest/pool/options.js';
import { addCorpusOptions, corpusOptions, type CorpusFlags } from './extract.js';
import { Neo4jStore, DEFAULT_MAX_ROWS, DEFAULT_QUERY_TIMEOUT_MS, type CypherResult } from '../store/neo4j.js';
import { openStore, resolveStoreKind } from '../store/open.js';
import { bindParams, listQueries, loadQuery, parseParams } from '../store/queries.js';
import { listInputs } from '../ingest/read.js';
import { RunProgress, sizeOf } from './progress.js';
import { INPUT_PATHS_HELP, plural } from './text.js';
import type {
  DocumentDetail,
  DocumentPage,
  DocumentSort,
  GraphStore,
  IngestSummary,
  StoreStats,
} from '../store/types.js';

const storeOption = () =>
  new Option('--store <kind>', 'store to use (default: neo4j when NEO4J_URI is set, else embedded)').choices([
    'neo4j',
    'embedded',
  ]);

async function withStore<T>(flag: string | undefined, fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore({ kind: resolveStoreKind(flag) });
  try {
    return await fn(store);
  } finally {
    await store.close().catch(() => undefined);
  }
}

function where(store: GraphStore): string {
  if (store instanceof Neo4jStore)
    return `Neo4j at ${store.uri}${store.database ? ` (database ${store.database})` : ''}`;
  return `embedded store in ${(store as { file?: string }).file ?? '.geokg'}`;
}

/** How often a piped ingest (a log, CI) prints its progress line. */
const PIPED_PROGRESS_MS = 5000;

const err = (line: string) => process.stderr.write(`${line}\n`);
const out = (line: string) => process.stdout.write(`${line}\n`);

function positiveInt(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) <= 0) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return Number(v);
  };
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const o = v as { labels?: string[]; type?: string; properties?: Record<string, unknown>; id?: string };
  if (Array.isArray(o.labels) && o.properties) return `(${o.labels.map((l) => `:${l}`).join('')} ${o.id ?? ''})`;
  if (typeof o.type === 'string' && o.properties && 'start' in o) return `[:${o.type}]`;
  return JSON.stringify(v);
}

export function formatTable(result: Pick<CypherResult, 'columns' | 'rows'>): string {
  const cells = result.rows.map((r) => r.map((v) => cell(v).replace(/\s*\n\s*/g, ' ')));
  const widths = result.columns.map((c, i) => Math.min(80, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const line = (vals: string[]) =>
    vals.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join(' │ ');
  return [line(result.columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}

export function formatCsv(result: Pick<CypherResult, 'columns' | 'rows'>): string {
  const esc = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [result.columns.map(esc).join(','), ...result.rows.map((r) => r.map((v) => esc(cell(v))).join(','))].join(
    '\n',
  );
}

function printSummary(s: IngestSummary, store: GraphStore): void {
  const secs = s.elapsedMs / 1000;
  // A rate over nothing read, or over a few milliseconds, is noise ("500.0 documents/s" for a missing path).
  const rate = s.documentsRead > 0 && secs >= 0.05 ? `, ${(s.documentsRead / secs).toFixed(1)} documents/s` : '';
  out(
    `documents: ${s.documentsRead} read, ${s.documentsNew} new, ${s.documentsUnchanged} unchanged, ${s.documentsFailed} failed` +
      ` (${secs.toFixed(1)} s${rate})`,
  );
  out(`written:   ${plural(s.entities, 'entity mention')}, ${plural(s.relations, 'relation')}, ${s.evidence} evidence`);
  out(
    `store:     ${plural(s.totals.documents, 'document')}, ${plural(s.totals.entities, 'entity', 'entities')}, ` +
      `${plural(s.totals.relations, 'relation')}, ${s.totals.evidence} evidence (${where(store)})`,
  );
  for (const f of s.failures.slice(0, 20)) err(`failed: ${f.source}: ${f.error}`);
  if (s.failures.length > 20) err(`… and ${s.failures.length - 20} more failures`);
}

/** The documents table: undated documents say so, never showing the day they were ingested as their date. */
export function formatDocuments(page: DocumentPage, offset = 0): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (page.total === 0) return 'no documents stored';
  const rows = page.documents.map((d) => ({
    date: d.published ?? 'undated',
    lang: d.language,
    supports: `${plural(d.relations, 'relation')}, ${d.evidence} evidence`,
    title: d.title ?? d.source,
    id: d.id,
  }));
  const table = formatTable({
    columns: ['published', 'lang', 'supports', 'title', 'id'],
    rows: rows.map((r) => [r.date, r.lang, r.supports, r.title, r.id]),
  });
  const shown = `${page.documents.length ? offset + 1 : 0}–${offset + page.documents.length}`;
  return `${table}\n(${shown} of ${plural(page.total, 'document')})`;
}

function printStats(stats: StoreStats, store: GraphStore): void {
  out(`${where(store)}`);
  out(`documents  ${stats.documents}`);
  out(`entities   ${stats.entities}`);
  for (const [t, n] of Object.entries(stats.entitiesByType).sort((a, b) => b[1] - a[1])) out(`  ${t.padEnd(20)} ${n}`);
  out(`relations  ${stats.relations}`);
  for (const [t, n] of Object.entries(stats.relationsByType).sort((a, b) => b[1] - a[1])) out(`  ${t.padEnd(20)} ${n}`);
  out(`evidence   ${stats.evidence}`);
}

export function register(program: Command): void {
  // `geokg query … | head` closes stdout early; that is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  program
    .command('init')
    .description('Create the store and apply the schema (constraints, indexes, full-text index); safe to repeat.')
    .addOption(storeOption())
    .action(async (opts: { store?: string }) => {
      await withStore(opts.store, async (store) => {
        await store.init();
        out(`ready: ${where(store)}`);
      });
    });

  // The corpus options and --max-size are the ones `geokg extract` takes (src/cli/extract.ts).
  addCorpusOptions(
    program
      .command('ingest')
      .description('Extract relations from text/HTML files and folders and store them with their evidence.')
      .argument('<paths...>', INPUT_PATHS_HELP),
  )
    .addOption(new Option('--lang <lang>', 'language of the texts').choices(['de', 'en', 'auto']).default('auto'))
    .addOption(storeOption())
    .addOption(workersOption())
    .option(
      '--from-extraction',
      'the paths are `geokg extract --format jsonl` shards (.jsonl or .jsonl.gz): store them without re-extracting',
    )
    .option('--bulk', 'first load into an EMPTY local Neo4j through CSV files and the import tool (as `geokg import`)')
    .option('--data <dir>', 'with --bulk: the local Neo4j home (as `geokg neo4j start --data`)')
    .option('--csv-dir <dir>', 'with --bulk: keep the CSV files here')
    .addHelpText(
      'after',
      '\nRe-ingesting a stored document is a no-op; each document is stored all or nothing.\n' +
        'Several loaders may write overlapping shards into one Neo4j at once (docs/scale.md).\n' +
        'For a big first load into an empty local Neo4j, --bulk (the same as `geokg import`) skips transactions:\n' +
        'CSV files and the import tool; it refuses a database that is not empty. Adding to a graph stays transactional.\n' +
        'Exit status is non-zero when no input could be read or the store failed.',
    )
    .action(
      async (
        paths: string[],
        opts: CorpusFlags & {
          lang: 'de' | 'en' | 'auto';
          store?: string;
          workers: number;
          fromExtraction?: boolean;
          maxSize?: number;
          bulk?: boolean;
          data?: string;
          csvDir?: string;
        },
      ) => {
        const read = { ...(opts.maxSize ? { maxBytes: opts.maxSize * 1024 * 1024 } : {}), corpus: corpusOptions(opts) };
        if (opts.bulk) {
          if (opts.store === 'embedded')
            throw new InputError('--bulk loads a local Neo4j; the embedded store takes `geokg ingest` without --bulk');
          process.exitCode = await runImport(paths, { ...opts, heap: '1g', read });
          return;
        }
        if (opts.data || opts.csvDir) throw new InputError('--data and --csv-dir go with --bulk');
        await withStore(opts.store, async (store) => {
          // Piped (a log, CI): a line at most every few seconds, and the summary at the end.
          const bar = new RunProgress({
            label: 'ingest',
            // Shards are read by the loader itself, which reports documents only: no byte total to count against.
            totalBytes: opts.fromExtraction ? 0 : await sizeOf(await listInputs(paths)),
            stream: process.stderr,
            pipedEveryMs: PIPED_PROGRESS_MS,
            relations: true,
          });
          try {
            const onProgress = (p: IngestProgress) => bar.setRecords(p.done, p.relations);
            const summary = opts.fromExtraction
              ? await ingestExtractions(store, paths, { onProgress })
              : await ingestPaths(store, paths, {
                  lang: opts.lang,
                  workers: opts.workers,
                  onProgress,
                  read: {
                    ...(opts.maxSize ? { maxBytes: opts.maxSize * 1024 * 1024 } : {}),
                    corpus: corpusOptions(opts),
                    onBytes: bar.onBytes,
                  },
                });
            bar.stop();
            printSummary(summary, store);
            if (summary.documentsRead === 0) {
              err('geokg: input: no document could be read');
              process.exitCode = 1;
            } else if (summary.documentsFailed > 0) process.exitCode = 2;
          } finally {
            bar.stop();
          }
        });
      },
    );

  program
    .command('query')
    .description(
      'Run Cypher against Neo4j: read-only by default (the server refuses writes), bounded in time and rows.',
    )
    .argument('[cypher]', 'the Cypher statement (or use --file)')
    .option(
      '-p, --param <k=v>',
      'query parameter, repeatable; with --file read as the type the query declares, else integers, JSON literals, strings',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    // -f is --format in every command (extract, parse, query); --file has no short form.
    .option('--file <name>', 'a research query by name (cypher/queries/NAME.cypher) or a .cypher file path')
    .option('--list', 'list the research queries in cypher/queries/ with what they answer')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--write', 'allow the query to write (runs in a write transaction)', false)
    .option('--timeout <ms>', 'transaction timeout in milliseconds', positiveInt('--timeout'), DEFAULT_QUERY_TIMEOUT_MS)
    .option('--max-rows <n>', 'stop after this many rows', positiveInt('--max-rows'), DEFAULT_MAX_ROWS)
    .addOption(storeOption())
    .action(
      async (
        cypherArg: string | undefined,
        opts: {
          param: string[];
          file?: string;
          list?: boolean;
          format: 'table' | 'json' | 'csv';
          write: boolean;
          timeout: number;
          maxRows: number;
          store?: string;
        },
      ) => {
        if (opts.list) {
          for (const q of listQueries()) {
            const params = q.params.map((p) => `${p.name}=${JSON.stringify(p.example)}`).join(' ');
            out(`${q.name.padEnd(24)} ${q.answers}${params ? `\n${' '.repeat(25)}params: ${params}` : ''}`);
          }
          return;
        }
        if (cypherArg && opts.file) throw new InputError('give either a Cypher statement or --file, not both');
        let params: Record<string, unknown>;
        let cypher = cypherArg;
        if (opts.file) {
          const loaded = loadQuery(opts.file);
          cypher = loaded.text;
          // Read each value as the type the query's header declares (`from=2025` is a string date there).
          params = bindParams(loaded, parseParams(opts.param, loaded.info?.params));
        } else params = parseParams(opts.param);
        if (!cypher || !cypher.trim()) throw new InputError('no Cypher given (pass a statement or --file NAME)');
        if (resolveStoreKind(opts.store) !== 'neo4j')
          throw new QueryError('Cypher queries need Neo4j: set NEO4J_URI (or pass --store neo4j with NEO4J_URI set)');
        await withStore('neo4j', async (store) => {
          const result = await (store as Neo4jStore).query(cypher!, params, {
            write: opts.write,
            timeoutMs: opts.timeout,
            maxRows: opts.maxRows,
          });
          if (opts.format === 'json') {
            const rows = result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
            out(JSON.stringify(rows, null, 2));
          } else if (opts.format === 'csv') out(formatCsv(result));
          else {
            out(formatTable(result));
            err(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`);
          }
          if (result.truncated) err(`geokg: query: output cut at ${opts.maxRows} rows (raise --max-rows)`);
        });
      },
    );

  program
    .command('remove')
    .description('Retract documents: their evidence goes, relations left without evidence go, orphan entities go.')
    .argument('<documents...>', 'document ids, or files (read and extracted to find their document id)')
    .option('--lang <lang>', 'language of the files, when files are given', 'auto')
    .addOption(storeOption())
    .action(async (args: string[], opts: { lang: 'de' | 'en' | 'auto'; store?: string }) => {
      await withStore(opts.store, async (store) => {
        let failed = 0;
        for (const arg of args) {
          let ids: Array<{ id: string; label: string }>;
          if (existsSync(arg)) {
            ids = [];
            for (const x of await extractPaths([arg], opts.lang)) {
              if (x.doc) ids.push({ id: x.doc.document.id, label: `${x.source} (${x.doc.document.id})` });
              else {
                err(`cannot read ${x.source}: ${x.error}`);
                failed++;
              }
            }
          } else ids = [{ id: arg, label: arg }];
          for (const { id, label } of ids) {
            if (await store.removeDocument(id)) out(`removed ${label}`);
            else {
              err(`not stored: ${label}`);
              failed++;
            }
          }
        }
        if (failed > 0) process.exitCode = 1;
      });
    });

  program
    .command('stats')
    .description('Count documents, entities (by type), relations (by type) and evidence in the store.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(storeOption())
    .action(async (opts: { format: 'text' | 'json'; store?: string }) => {
      await withStore(opts.store, async (store) => {
        const stats = await store.stats();
        if (opts.format === 'json') out(JSON.stringify(stats, null, 2));
        else printStats(stats, store);
      });
    });

  program
    .command('documents')
    .description('List the stored documents: date, language, what each supports, title and id (newest first).')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'at most this many documents', positiveInt('--limit'), 50)
    .option(
      '--offset <n>',
      'skip this many first',
      (v: string) => {
        if (!/^\d+$/.test(v)) throw new InvalidArgumentError('--offset must be an integer ≥ 0');
        return Number(v);
      },
      0,
    )
    .option('--search <text>', 'only documents whose title or source contains this (case-insensitive)')
    .addOption(
      new Option('--sort <order>', 'newest first, oldest first, or by title (undated last)')
        .choices(['published', 'oldest', 'title'])
        .default('published'),
    )
    .addOption(storeOption())
    .action(
      async (opts: {
        format: 'text' | 'json';
        limit: number;
        offset: number;
        search?: string;
        sort: DocumentSort;
        store?: string;
      }) => {
        await withStore(opts.store, async (store) => {
          const page = await store.documents({
            limit: opts.limit,
            offset: opts.offset,
            q: opts.search,
            sort: opts.sort,
          });
          if (opts.format === 'json') return out(JSON.stringify(page, null, 2));
          out(formatDocuments(page, opts.offset));
        });
      },
    );

  program
    .command('export')
    .description(
      'Export the graph (entities and relations with their aggregates) as GraphML, GEXF, JSON or CSV; JSON adds ' +
        'the documents with the claims and evidence sentences each makes.',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['graphml', 'gexf', 'json', 'csv'])
        .makeOptionMandatory(),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addOption(storeOption())
    .action(async (opts: { format: 'graphml' | 'gexf' | 'json' | 'csv'; output?: string; store?: string }) => {
      await withStore(opts.store, async (store) => {
        const snapshot = await store.graph();
        let text: string;
        if (opts.format === 'json') {
          // JSON carries provenance too: every document with the claims (evidence sentences) it makes.
          const details: DocumentDetail[] = [];
          for (const d of (await store.documents()).documents) {
            const detail = await store.document(d.id);
            if (detail) details.push(detail);
          }
          text = exportJsonWithDocuments(snapshot, details);
        } else text = exportGraph(snapshot, opts.format);
        if (opts.output) {
          await writeFile(opts.output, text);
          err(`wrote ${opts.output}`);
        } else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      });
    });

  program
    .command('reset')
    .description('Delete everything in the store (documents, entities, relations, evidence). Needs --yes.')
    .option('--yes', 'really delete everything', false)
    .addOption(storeOption())
    .action(async (opts: { yes: boolean; store?: string }) => {
      if (!opts.yes) throw new InputError('refusing to delete the store without --yes');
      await withStore(opts.store, async (store) => {
        await store.reset();
        out(`reset: ${where(store)} is empty`);
      });
    });
}
