// `geokg extract FILE|DIR...`: runs the offline extractor over files and folders and prints json, jsonl or a table.
// One bad input gives a one-line message on stderr and the run goes on; the exit code is non-zero only if nothing was read.

import { renameSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { InputError } from '../errors.js';
import type { DocumentExtraction, Extraction } from '../model.js';
import { extractDocument, listInputs, mergeExtractions, readOne } from '../ingest/index.js';

export interface ExtractCliOptions {
  format: 'json' | 'jsonl' | 'table';
  lang: 'de' | 'en' | 'auto';
  output?: string;
  maxSize?: number;
  quiet?: boolean;
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
  const files = await listInputs(paths);
  const bar =
    process.stderr.isTTY && files.length > 3 && !opts.quiet
      ? new cliProgress.SingleBar(
          { format: 'extract [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(files.length, 0);
  const docs: DocumentExtraction[] = [];
  const jsonl: string[] = [];
  let failed = 0;
  const deferred: string[] = [];
  const maxBytes = opts.maxSize ? opts.maxSize * 1024 * 1024 : undefined;
  for (const f of files) {
    const item = f.error ? { ok: false as const, source: f.path, error: f.error } : await readOne(f.path, { maxBytes });
    if (!item.ok) {
      failed++;
      if (bar) deferred.push(`${item.source}: ${item.error}`);
      else say(`${item.source}: ${item.error}`);
      bar?.increment();
      continue;
    }
    try {
      const d = extractDocument(item.doc, { lang: opts.lang });
      if (d.document.language === 'und')
        say(
          `${item.doc.source}: language not recognised as German or English; extracted with both lexicons (use --lang de|en)`,
        );
      if (!d.relations.length && !opts.quiet) say(`${item.doc.source}: no relations found`);
      docs.push(d);
      if (opts.format === 'jsonl') jsonl.push(JSON.stringify(d));
    } catch (err) {
      failed++;
      say(`${item.doc.source}: extraction failed: ${(err as Error).message}`);
    }
    bar?.increment();
  }
  bar?.stop();
  for (const m of deferred) say(m);
  if (!docs.length) {
    throw new InputError(files.length ? `nothing could be read (${failed} input(s) failed)` : 'no input files given');
  }
  let out: string;
  if (opts.format === 'jsonl') out = jsonl.join('\n') + '\n';
  else if (opts.format === 'table') out = formatTable(mergeExtractions(docs));
  else out = JSON.stringify(toContract(mergeExtractions(docs)), null, 2) + '\n';
  if (opts.output) {
    const tmp = `${opts.output}.tmp-${process.pid}`;
    writeFileSync(tmp, out);
    renameSync(tmp, opts.output);
    if (!opts.quiet) say(`wrote ${docs.length} document(s) to ${opts.output}`);
  } else process.stdout.write(out);
  return 0;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description(
      'Extract entities and evidenced relations from German/English news articles (text or HTML files, folders).',
    )
    .argument('<paths...>', 'files or folders (folders are read recursively: .txt .text .html .htm .xhtml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'table']).default('json'))
    .addOption(new Option('-l, --lang <lang>', 'document language').choices(['de', 'en', 'auto']).default('auto'))
    .option('-o, --output <file>', 'write the output to FILE instead of stdout')
    .option('--max-size <mb>', 'refuse files larger than this many MB (default 20, or GEOKG_MAX_INPUT_MB)', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new InputError(`--max-size wants a positive number of MB, got '${v}'`);
      return n;
    })
    .option('-q, --quiet', 'no progress bar or notes on stderr (errors are still printed)')
    .action(async (paths: string[], opts: ExtractCliOptions) => {
      process.exitCode = await runExtract(paths, opts);
    });
}
