// `geokg parse FILE...`: prints the sentences of cleaned articles with their UD tags and dependencies (CoNLL-U or
// JSON), or re-annotates the words of a CoNLL-U file (`--input conllu`), which is how parsing accuracy is measured.

import { renameSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { GeokgError, InputError } from '../errors.js';
import { listInputs, readOne } from '../ingest/read.js';
import { clean, detectLanguage } from '../ingest/stages/01-clean.js';
import { segment } from '../ingest/stages/02-segment.js';
import { tagHints } from '../ingest/stages/03-parse.js';
import { loadExtractionModel, type ExtractionModel } from '../ingest/extraction-model.js';
import { ConlluFormatError, readConllu, writeConllu } from '../ingest/syntax/conllu.js';
import { DEFAULT_MODEL_DIR, loadSyntaxModel } from '../ingest/syntax/load.js';
import { parsedToConllu, parsedToJson, reannotate } from '../ingest/syntax/render.js';
import { leaningLanguage, parse } from '../ingest/syntax/stage.js';
import type { SyntaxModel } from '../ingest/syntax/types.js';

export interface ParseCliOptions {
  format: 'conllu' | 'json';
  input: 'text' | 'conllu';
  lang: 'de' | 'en' | 'auto';
  models?: string;
  output?: string;
  maxSize?: number;
  quiet?: boolean;
  /** The models' own tags, without the tags the extractor knows before tagging. */
  raw?: boolean;
}

/** Loads each language's model once, on first use: a German-only run never pays for the English model. */
function modelCache(dir: string) {
  const cache = new Map<'de' | 'en', SyntaxModel>();
  return (lang: 'de' | 'en'): SyntaxModel => {
    let m = cache.get(lang);
    if (!m) {
      try {
        m = loadSyntaxModel(lang, dir);
      } catch (err) {
        throw new GeokgError('config', `cannot load the ${lang} syntax model from ${dir}: ${(err as Error).message}`, {
          cause: err,
        });
      }
      cache.set(lang, m);
    }
    return m;
  };
}

let extraction: ExtractionModel | undefined;
/** The extractor's lexicons and gazetteer, loaded on first use (CoNLL-U input and --raw never need them). */
const extractionModel = (): ExtractionModel => (extraction ??= loadExtractionModel());

/** The language of a CoNLL-U file's words: --lang, else detected from the forms; never guessed. */
function conlluLanguage(text: string, lang: ParseCliOptions['lang'], source: string): 'de' | 'en' {
  if (lang !== 'auto') return lang;
  const forms = text
    .split('\n')
    .filter((l) => /^[0-9]+\t/.test(l))
    .map((l) => l.split('\t')[1])
    .join(' ');
  const det = detectLanguage(forms).language;
  if (det === 'und') throw new InputError(`${source}: cannot tell whether the words are German or English; use --lang`);
  return det;
}

/** One input's output text, or a thrown error naming the input. */
function parseOne(
  raw: { source: string; text: string; format: 'text' | 'html' },
  opts: ParseCliOptions,
  model: (lang: 'de' | 'en') => SyntaxModel,
  say: (msg: string) => void,
): { conllu: string; json?: unknown } {
  if (opts.input === 'conllu') {
    let sentences;
    try {
      sentences = readConllu(raw.text);
    } catch (err) {
      if (err instanceof ConlluFormatError) throw new InputError(`${raw.source}: ${err.message}`);
      throw err;
    }
    if (!sentences.length) throw new InputError(`${raw.source}: no CoNLL-U sentences found`);
    return { conllu: writeConllu(reannotate(sentences, model(conlluLanguage(raw.text, opts.lang, raw.source)))) };
  }
  const doc = segment(clean(raw, { lang: opts.lang }));
  const lang = leaningLanguage(doc);
  if (doc.language === 'und' && !opts.quiet)
    say(`${raw.source}: language not recognised as German or English; parsed as ${lang} (use --lang de|en)`);
  // The parse the relation rules read: names and trigger forms tagged as the extractor tags them (--raw: without).
  const parsed = parse(
    doc,
    { [lang]: model(lang) },
    undefined,
    opts.raw ? undefined : tagHints(extractionModel(), lang),
  );
  if (!parsed.parses.length && !opts.quiet) say(`${raw.source}: no sentences after cleaning`);
  return { conllu: writeConllu(parsedToConllu(parsed)), json: parsedToJson(parsed) };
}

export async function runParse(paths: string[], opts: ParseCliOptions): Promise<number> {
  const say = (msg: string) => process.stderr.write(`geokg: parse: ${msg}\n`);
  if (opts.input === 'conllu' && opts.format !== 'conllu')
    throw new InputError('--input conllu writes CoNLL-U only (use --format conllu)');
  const model = modelCache(opts.models ?? DEFAULT_MODEL_DIR);
  const files = await listInputs(paths);
  const bar =
    process.stderr.isTTY && files.length > 3 && !opts.quiet
      ? new cliProgress.SingleBar(
          { format: 'parse [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(files.length, 0);
  const maxBytes = opts.maxSize ? opts.maxSize * 1024 * 1024 : undefined;
  const conllu: string[] = [];
  const json: unknown[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  for (const f of files) {
    const item = f.error ? { ok: false as const, source: f.path, error: f.error } : await readOne(f.path, { maxBytes });
    bar?.increment();
    if (!item.ok) {
      errors.push(`${item.source}: ${item.error}`);
      continue;
    }
    try {
      const out = parseOne(item.doc, opts, model, bar ? (m) => notes.push(m) : say);
      conllu.push(out.conllu);
      if (out.json) json.push(out.json);
    } catch (err) {
      // A model that cannot be loaded fails every file alike: stop at once instead of repeating it per file.
      if (err instanceof GeokgError && err.area === 'config') throw err;
      errors.push(
        err instanceof InputError ? err.message.replace(/^input: /, '') : `${item.doc.source}: ${String(err)}`,
      );
    }
  }
  bar?.stop();
  for (const m of [...notes, ...errors]) say(m);
  if (!conllu.length)
    throw new InputError(
      files.length ? `nothing could be parsed (${errors.length} input(s) failed)` : 'no input files',
    );
  const out = opts.format === 'json' ? JSON.stringify({ documents: json }, null, 2) + '\n' : conllu.join('');
  if (opts.output) {
    const tmp = `${opts.output}.tmp-${process.pid}`;
    writeFileSync(tmp, out);
    renameSync(tmp, opts.output);
  } else process.stdout.write(out);
  // Output was written for the inputs that worked; a failed input still fails the run so scripts notice.
  return errors.length ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('parse')
    .description(
      'Print the sentences of articles with UD part-of-speech tags and dependencies, or re-annotate a CoNLL-U file.',
    )
    .argument('<paths...>', 'files or folders (text/HTML articles, or CoNLL-U files with --input conllu)')
    .addOption(
      new Option('-f, --format <format>', 'output format (json: one object with documents → sentences → words)')
        .choices(['conllu', 'json'])
        .default('conllu'),
    )
    .addOption(
      new Option('-i, --input <kind>', 'text: articles (cleaned and segmented like extract); conllu: re-annotate words')
        .choices(['text', 'conllu'])
        .default('text'),
    )
    .addOption(
      new Option('-l, --lang <lang>', 'language (auto: detected per article; CoNLL-U: from the words)')
        .choices(['de', 'en', 'auto'])
        .default('auto'),
    )
    .option('--models <dir>', 'folder with the trained syntax models (default: data/models of this geokg)')
    .option('-o, --output <file>', 'write the output to FILE instead of stdout')
    .option('--max-size <mb>', 'refuse files larger than this many MB (default 20, or GEOKG_MAX_INPUT_MB)', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new InputError(`--max-size wants a positive number of MB, got '${v}'`);
      return n;
    })
    .option('-q, --quiet', 'no progress bar or notes on stderr (errors are still printed)')
    .option(
      '--raw',
      "the models' own tags: without the tags the extractor gives known names (PROPN) and trigger forms before tagging",
    )
    .addHelpText(
      'after',
      `
CoNLL-U output: one sentence block per segmented sentence with "# sent_id = DOC-N" and "# text = …"; MISC holds
TokenRange=START:END (character offsets into the cleaned text) and Tokens=A:B (geokg's token range in the sentence).
German contractions ("zum" = zu + dem) and English clitics ("don't" = do + n't) are multiword tokens.
Articles are parsed as the extractor parses them: gazetteer names and trigger word forms get their tags before
tagging (--raw leaves that out). --input conllu keeps IDs, FORMs, comments, sentence boundaries and multiword-token
lines, and rewrites only UPOS, FEATS, HEAD and DEPREL. Exit status 1 when any input could not be read or parsed
(the others are still printed).

Examples:
  geokg parse article.txt
  geokg parse --format json --lang de artikel.html
  geokg parse --input conllu --lang en en_ewt-ud-test.conllu > predicted.conllu`,
    )
    .action(async (paths: string[], opts: ParseCliOptions) => {
      process.exitCode = await runParse(paths, opts);
    });
}
