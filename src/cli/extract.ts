// `geokg extract FILE|DIR...`: runs the offline extractor over files and folders and prints json, jsonl or a table.
// One bad input gives a one-line message on stderr and the run goes on; the exit code is non-zero only if nothing was read.

import { Command, Option } from 'commander';
import { InputError } from '../errors.js';
import type { DocumentExtraction, Extraction } from '../model.js';
import { listInputs, mergeExtractions, readItems, type CorpusOptions, type InputItem } from '../ingest/index.js';
import { ExtractionPool } from '../ingest/pool/pool.js';
import { openJsonlSink } from '../ingest/pool/jsonl.js';
import { workersOption } from '../ingest/pool/options.js';
import { isCorpusPath } from '../ingest/corpus.js';
import { RunProgress, sizeOf } from './progress.js';
import { checkWritable, INPUT_PATHS_HELP, plural, writeFileAtomic } from './text.js';

export interface ExtractCliOptions extends CorpusFlags {
  format: 'json' | 'jsonl' | 'table';
  lang: 'de' | 'en' | 'auto';
  output?: string;
  maxSize?: number;
  quiet?: boolean;
  /** Extraction worker threads (default: the number of cores). */
  workers?: number;
  /** false with --no-parse: relations from the distance rules alone, without the syntax stage. */
  parse?: boolean;
}

/** The corpus flags of extract and ingest: --text-field … (the issue's names), --text-column … kept as aliases. */
export interface CorpusFlags {
  textField?: string;
  titleField?: string;
  dateField?: string;
  idField?: string;
  textColumn?: string;
  titleColumn?: string;
  dateColumn?: string;
  idColumn?: string;
  delimiter?: string;
  quote?: string;
}

export function corpusOptions(o: CorpusFlags): CorpusOptions {
  const c: CorpusOptions = {};
  const given = {
    textColumn: o.textField ?? o.textColumn,
    titleColumn: o.titleField ?? o.titleColumn,
    dateColumn: o.dateField ?? o.dateColumn,
    idColumn: o.idField ?? o.idColumn,
    delimiter: o.delimiter,
    quote: o.quote,
  };
  for (const [k, v] of Object.entries(given) as Array<[keyof CorpusOptions & keyof typeof given, string | undefined]>)
    if (v !== undefined) c[k] = v === '\\t' ? '\t' : v;
  return c;
}

/** Adds the corpus options (and --max-size) to a command: `geokg extract` and `geokg ingest` share them. */
export function addCorpusOptions(cmd: Command): Command {
  return cmd
    .option('--max-size <mb>', 'refuse files larger than this many MB (default 20, or GEOKG_MAX_INPUT_MB)', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new InputError(`--max-size wants a positive number of MB, got '${v}'`);
      return n;
    })
    .option(
      '--text-field <name|n>',
      'corpus column or JSON field with the article text (default: text, content, body, article…)',
    )
    .option('--title-field <name|n>', 'corpus column or field with the title (default: title, headline…)')
    .option('--date-field <name|n>', 'corpus column or field with the publication date (default: date, published…)')
    .option('--id-field <name|n>', 'corpus column or field naming the record (default: id; else url, else #row-N)')
    .addOption(new Option('--text-column <name|n>', 'alias of --text-field').hideHelp())
    .addOption(new Option('--title-column <name|n>', 'alias of --title-field').hideHelp())
    .addOption(new Option('--date-column <name|n>', 'alias of --date-field').hideHelp())
    .addOption(new Option('--id-column <name|n>', 'alias of --id-field').hideHelp())
    .option('--delimiter <char>', 'CSV field separator (default: sniffed; \\t for tab)')
    .option('--quote <char>', 'CSV quote character (default: sniffed, " or \')');
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));

/** A human listing: one block per document, relations as aligned rows with entity names. */
export function formatTable(x: Extraction): string {
  const name = new Map(x.entities.map((e) => [e.id, e.name]));
  const lines: string[] = [];
  for (const d of x.documents) {
    lines.push(`${d.source}  [${d.language}${d.published ? `, ${d.published}` : ''}]  id ${d.id}`);
    if (d.title) lines.push(`  ${d.title}`);
  }
  lines.push('');
  const rows = x.relations.map((r) => [
    name.get(r.subject) ?? r.subject,
    r.predicate,
    name.get(r.object) ?? r.object,
    r.modality + (r.attributedTo ? ` (${name.get(r.attributedTo) ?? r.attributedTo})` : ''),
    r.time ?? '',
    r.confidence.toFixed(2),
    r.evidence[0]?.sentence.replace(/\s+/g, ' ') ?? '',
  ]);
  const head = ['SUBJECT', 'PREDICATE', 'OBJECT', 'MODALITY', 'TIME', 'CONF', 'EVIDENCE'];
  const widths = head.map((h, i) => Math.min(i === 6 ? 70 : 32, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  lines.push(head.map((h, i) => pad(h, widths[i]!)).join('  '));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) lines.push(r.map((c, i) => pad(c, widths[i]!)).join('  '));
  lines.push('', `${x.documents.length} document(s), ${x.entities.length} entities, ${x.relations.length} relations`);
  return lines.join('\n') + '\n';
}

function toContract(x: Extraction): Extraction {
  return {
    documents: x.documents.map((d) => ({
      id: d.id,
      source: d.source,
      ...(d.title ? { title: d.title } : {}),
      language: d.language,
      ...(d.published ? { published: d.published } : {}),
    })),
    entities: x.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      ...(e.iso2 ? { iso2: e.iso2 } : {}),
      ...(e.iso3 ? { iso3: e.iso3 } : {}),
      ...(e.wikidata ? { wikidata: e.wikidata } : {}),
    })),
    relations: x.relations,
  };
}

export async function runExtract(paths: string[], opts: ExtractCliOptions): Promise<number> {
  const say = (msg: string) => process.stderr.write(`geokg: extract: ${msg}\n`);
  // Before any extraction: an unwritable -o fails at once, naming the file.
  if (opts.output) checkWritable(opts.output);
  const files = await listInputs(paths);
  // A bar for a run of several files or for a corpus file of many records; one article needs none.
  const bar =
    process.stderr.isTTY && !opts.quiet && (files.length > 3 || files.some((f) => isCorpusPath(f.path)))
      ? new RunProgress({ label: 'extract', totalBytes: await sizeOf(files), stream: process.stderr })
      : undefined;
  const docs: DocumentExtraction[] = [];
  // jsonl streams to its destination as documents come (bounded memory on any corpus); json and table need them all.
  const sink = opts.format === 'jsonl' ? openJsonlSink(opts.output) : undefined;
  let written = 0;
  let failed = 0;
  const deferred: string[] = [];
  const maxBytes = opts.maxSize ? opts.maxSize * 1024 * 1024 : undefined;
  async function* inputs(): AsyncGenerator<InputItem> {
    // A corpus file (.csv .tsv .jsonl) yields one input per record.
    for (const f of files)
      if (f.error) yield { ok: false, source: f.path, error: f.error };
      else yield* readItems(f.path, { maxBytes, corpus: corpusOptions(opts), onBytes: bar?.onBytes });
  }
  const pool = new ExtractionPool({
    workers: opts.workers,
    extract: { lang: opts.lang, ...(opts.parse === false ? { parse: false } : {}) },
    json: Boolean(sink),
  });
  try {
    for await (const r of pool.run(inputs())) {
      bar?.record();
      if (!r.ok) {
        failed++;
        if (bar && r.stage === 'read') deferred.push(`${r.source}: ${r.error}`);
        else say(`${r.source}: ${r.error}`);
        continue;
      }
      // Notes need the document; a jsonl result carries only its text, so it is parsed for them.
      const d = r.doc ?? (JSON.parse(r.json!) as DocumentExtraction);
      for (const w of d.warnings ?? []) say(`${r.source}: ${w}`);
      if (!d.relations.length && !opts.quiet) say(`${r.source}: no relations found`);
      written++;
      if (sink) await sink.write(`${r.json!}\n`);
      else docs.push(d);
    }
  } catch (err) {
    await sink?.abort();
    throw err;
  } finally {
    await pool.close();
    bar?.stop();
  }
  for (const m of deferred) say(m);
  if (!written) {
    await sink?.abort();
    throw new InputError(files.length ? `nothing could be read (${failed} input(s) failed)` : 'no input files given');
  }
  if (sink) await sink.finish();
  else {
    const out =
      opts.format === 'table'
        ? formatTable(mergeExtractions(docs))
        : JSON.stringify(toContract(mergeExtractions(docs)), null, 2) + '\n';
    if (opts.output) writeFileAtomic(opts.output, out);
    else process.stdout.write(out);
  }
  if (opts.output && !opts.quiet) say(`wrote ${plural(written, 'document')} to ${opts.output}`);
  return 0;
}

export function register(program: Command): void {
  const cmd = program
    .command('extract')
    .description(
      'Extract entities and evidenced relations from German/English news articles (text or HTML files, folders).',
    )
    .argument('<paths...>', INPUT_PATHS_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'table']).default('json'))
    .addOption(new Option('-l, --lang <lang>', 'document language').choices(['de', 'en', 'auto']).default('auto'))
    .option('-o, --output <file>', 'write the output to FILE instead of stdout');
  addCorpusOptions(cmd)
    .option('-q, --quiet', 'no progress bar or notes on stderr (errors are still printed)')
    .addOption(workersOption())
    .option('--no-parse', 'skip the syntax stage: relations from the distance rules alone (faster, less accurate)')
    .addHelpText(
      'after',
      '\nOutput order is input order whatever --workers is. With -o FILE.gz, jsonl is gzip-compressed: the shard\n' +
        'format `geokg ingest --from-extraction` loads (docs/scale.md).',
    )
    .action(async (paths: string[], opts: ExtractCliOptions) => {
      process.exitCode = await runExtract(paths, opts);
    });
}
