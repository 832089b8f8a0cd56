// npm run train [-- --lang de|en] [--cv | --cv-only]: rebuilds data/models/<lang>.{tagger,parser}.bin from UD treebanks.
// Deterministic (fixed seeds, sorted inputs); --cv adds the German all-data cross-validation over PUD (nothing shipped).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { harmonise, loadHarmoniseRules } from './harmonise.js';
import { DEFAULT_MODEL_DIR, modelPaths } from './load.js';
import { readParser, readTagger } from './model.js';
import { ModelFormatError, readModelFile, writeModelFile } from './model-file.js';
import { scorePair, trainPair, withMorphChannel, type LangConfig, type TrainedPair } from './train-pipeline.js';
import { readTreebank, tokenCount, type TreebankSentence } from './treebank.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEFAULT_TREEBANKS = join(REPO_ROOT, '..', 'shared', 'treebanks');

export const CONFIGS: Record<'de' | 'en', LangConfig> = {
  en: {
    lang: 'en',
    langId: 0,
    taggerBits: 20,
    twoPass: true,
    featureSet: 2,
    parserBits: 23,
    labelBits: 18,
    tagEpochs: 9,
    parserEpochs: 15,
    folds: 4,
    seed: 1,
    langCopy: false,
    // The transition table stays Int16: as Int8 it lost 0.2 UAS on en-ewt/test; the taggers and the labeller lost
    // next to nothing (LAS 0.8077 -> 0.8075), and the labeller's table is the one scoring spends most time in.
    int8: ['tag', 'pass2', 'morph', 'labels'],
  },
  de: {
    lang: 'de',
    langId: 1,
    taggerBits: 19,
    morphBits: 19,
    twoPass: true,
    featureSet: 2,
    parserBits: 21,
    labelBits: 17,
    tagEpochs: 12,
    parserEpochs: 20,
    folds: 4,
    seed: 2,
    langCopy: false,
    // The German parser stays Int16: as Int8 it got one hard sentence fewer fully right (5/20; tests/ingest/syntax),
    // and so did its labeller alone as Int8 (de-pud LAS 0.6911 -> 0.6910).
    int8: ['tag', 'pass2', 'morph'],
  },
};

const TAGGER_TABLES = ['tag', 'morph', 'pass2'];
const PARSER_TABLES = ['transitions', 'labels'];
const int8Of = (cfg: LangConfig, kind: 'tagger' | 'parser') =>
  (kind === 'tagger' ? TAGGER_TABLES : PARSER_TABLES).filter((t) => cfg.int8?.includes(t));

const started = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function save(pair: TrainedPair, cfg: LangConfig, out: string, meta: Record<string, unknown>): void {
  const t = pair.tagger;
  writeModelFile(
    join(out, `${cfg.lang}.tagger.bin`),
    {
      kind: 'tagger',
      lang: cfg.lang,
      upos: t.upos,
      bits: t.bits,
      tagdict: [...t.tagdict.entries()],
      morph: t.morph
        ? { classes: t.morph.classes, bits: t.morph.bits, source: cfg.morphFrom ?? 'case-number' }
        : undefined,
      pass2: t.pass2 ? { bits: t.pass2.bits } : undefined,
      featureSet: t.featureSet ?? 1,
      meta: { ...meta, epochs: pair.tagEpochs, dev: pair.devTag },
    },
    {
      tag: t.weights as Float32Array,
      ...(t.morph ? { morph: t.morph.weights as Float32Array } : {}),
      ...(t.pass2 ? { pass2: t.pass2.weights as Float32Array } : {}),
    },
    int8Of(cfg, 'tagger'),
  );
  const p = pair.parser;
  writeModelFile(
    join(out, `${cfg.lang}.parser.bin`),
    {
      kind: 'parser',
      lang: cfg.lang,
      langId: cfg.langId,
      labels: p.labels,
      bits: p.bits,
      labelBits: p.labelBits,
      langCopy: p.langCopy,
      fineTags: p.fineTags,
      featureSet: p.featureSet ?? 1,
      meta: { ...meta, epochs: pair.parserEpochs, dev: pair.devParse },
    },
    { transitions: p.weights as Float32Array, labels: p.labelWeights as Float32Array },
    int8Of(cfg, 'parser'),
  );
}

/** Rewrites the shipped model files of a language with the table types of its config, without training: narrowing
 * Int16 to Int8 is the rule a retrain applies (perceptron.ts narrow), so the bytes are the ones a retrain writes. */
function requantise(lang: 'de' | 'en', out: string): void {
  const cfg = CONFIGS[lang];
  const paths = modelPaths(lang, out);
  for (const kind of ['tagger', 'parser'] as const) {
    const { header, tables, scales } = readModelFile(paths[kind]);
    const { version: _version, arrays: _arrays, ...rest } = header;
    const want = int8Of(cfg, kind);
    const narrowed = Object.entries(tables).filter(([, data]) => data instanceof Int8Array);
    const widen = narrowed.find(([name]) => !want.includes(name));
    if (widen)
      throw new ModelFormatError(`table ${widen[0]} is Int8 and cannot be widened: run npm run train`, paths[kind]);
    if (Object.keys(tables).every((name) => want.includes(name) === tables[name] instanceof Int8Array)) {
      log(`${paths[kind]}: already as configured`);
      continue;
    }
    if (narrowed.length)
      throw new ModelFormatError(
        'some tables are Int8 and others are still to be narrowed: run npm run train',
        paths[kind],
      );
    const inputs: Record<string, { data: Int16Array; scale: number }> = {};
    for (const [name, data] of Object.entries(tables))
      inputs[name] = { data: data as Int16Array, scale: scales[name]! };
    writeModelFile(paths[kind], rest, inputs, want);
    log(`${paths[kind]}: rewritten (${int8Of(cfg, kind).join(', ') || 'no'} tables as Int8)`);
  }
}

function trainEnglish(tb: string, out: string): void {
  const cfg = CONFIGS.en;
  const train = withMorphChannel(readTreebank(join(tb, 'en-ewt/train'), join(tb, 'en-gum/train')), cfg);
  // Retrained with dev, the probe chooses its epochs on GUM's news-like dev documents too.
  const devSets = cfg.retrainWithDev ? ['en-ewt/dev', 'en-gum/dev'] : ['en-ewt/dev'];
  const dev = withMorphChannel(readTreebank(...devSets.map((d) => join(tb, d))), cfg);
  log(`en: ${train.length} training sentences (${tokenCount(train)} words), dev ${dev.length}`);
  const probe = trainPair(train, dev, cfg, log);
  if (!cfg.retrainWithDev) {
    save(probe, cfg, out, {
      trainedOn: ['en-ewt/train', 'en-gum/train'],
      words: tokenCount(train),
      devSet: 'en-ewt/dev',
    });
    log(`en: models written to ${out}`);
    return;
  }
  const all = [...train, ...dev];
  const fixed = { ...cfg, tagEpochs: probe.tagEpochs, parserEpochs: probe.parserEpochs };
  log(`en: retraining on train + dev (${all.length} sentences) with ${fixed.tagEpochs} / ${fixed.parserEpochs} epochs`);
  const pair = trainPair(all, undefined, fixed, log);
  save({ ...pair, devTag: probe.devTag, devParse: probe.devParse }, fixed, out, {
    trainedOn: ['en-ewt/train', 'en-gum/train', ...devSets],
    words: tokenCount(all),
    devSet: `${devSets.join(' + ')} (scored by the probe model trained without it, which chose the epoch counts)`,
  });
  log(`en: models written to ${out}`);
}

/** GSD, with its UPOS harmonised to PUD's convention (harmonise.ts) when the config asks; heads as they are. */
function germanTraining(tb: string, cfg: LangConfig): TreebankSentence[] {
  const gsd = readTreebank(join(tb, 'de-gsd'));
  const rules = cfg.harmoniseUpos ? loadHarmoniseRules('de') : undefined;
  return rules ? harmonise(gsd, rules) : gsd;
}

/** GSD minus every 7th sentence for choosing epochs; the shipped model is then retrained on all of GSD. */
function trainGerman(tb: string, out: string, cv: boolean): void {
  const cfg = CONFIGS.de;
  const gsd = germanTraining(tb, cfg);
  const pud = readTreebank(join(tb, 'de-pud'));
  const dev = gsd.filter((_, i) => i % 7 === 3);
  const rest = gsd.filter((_, i) => i % 7 !== 3);
  log(`de: GSD ${gsd.length} sentences (${tokenCount(gsd)} words); choosing epochs on ${dev.length} of them`);
  const probe = trainPair(rest, dev, cfg, log);
  const fixed = { ...cfg, tagEpochs: probe.tagEpochs, parserEpochs: probe.parserEpochs };
  log(`de: retraining on all of GSD with ${fixed.tagEpochs} tagger / ${fixed.parserEpochs} parser epochs`);
  const pair = trainPair(gsd, undefined, fixed, log);
  save(pair, fixed, out, {
    trainedOn: ['de-gsd (dev+test)'],
    words: tokenCount(gsd),
    devSet: 'every 7th GSD sentence',
  });
  log(`de: models written to ${out}; PUD: ${JSON.stringify(scorePair(pair, pud, cfg.langId))}`);
  if (cv) crossValidate(gsd, pud, fixed, out);
}

/** The all-data German model's figures: 5 folds over PUD, each trained on GSD + the other four folds. */
function crossValidate(gsd: TreebankSentence[], pud: TreebankSentence[], cfg: LangConfig, out: string): void {
  const folds = 5;
  const sum = { words: 0, upos: 0, morph: 0, uas: 0, las: 0 };
  for (let f = 0; f < folds; f++) {
    const test = pud.filter((_, i) => i % folds === f);
    const pair = trainPair([...gsd, ...pud.filter((_, i) => i % folds !== f)], undefined, cfg, () => {});
    const s = scorePair(pair, test, cfg.langId);
    const w = tokenCount(test);
    sum.words += w;
    for (const k of ['upos', 'morph', 'uas', 'las'] as const) sum[k] += s[k] * w;
    log(`de cv fold ${f + 1}/${folds}: ${JSON.stringify(s)}`);
  }
  const avg = Object.fromEntries((['upos', 'morph', 'uas', 'las'] as const).map((k) => [k, sum[k] / sum.words]));
  log(`de cv (GSD + 4/5 PUD → 1/5 PUD, word-weighted): ${JSON.stringify(avg)}`);
  writeFileSync(join(out, 'de.cv.json'), JSON.stringify({ folds, ...avg }, null, 2) + '\n');
}

/** The cross-validation alone, with the epoch counts of the German model already in `out` (trains nothing shipped). */
function cvOnly(tb: string, out: string): void {
  const paths = modelPaths('de', out);
  const epochsOf = (meta: unknown) => (meta as { epochs: number }).epochs;
  const cfg = {
    ...CONFIGS.de,
    tagEpochs: epochsOf(readTagger(paths.tagger).meta),
    parserEpochs: epochsOf(readParser(paths.parser).meta),
  };
  log(`de cv with ${cfg.tagEpochs} tagger / ${cfg.parserEpochs} parser epochs (from ${paths.parser})`);
  crossValidate(germanTraining(tb, cfg), readTreebank(join(tb, 'de-pud')), cfg, out);
}

function main(): number {
  const { values } = parseArgs({
    options: {
      lang: { type: 'string', default: 'all' },
      out: { type: 'string', default: DEFAULT_MODEL_DIR },
      treebanks: { type: 'string', default: DEFAULT_TREEBANKS },
      cv: { type: 'boolean', default: false },
      'cv-only': { type: 'boolean', default: false },
      requantise: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run train -- [--lang de|en|all] [--out DIR] [--treebanks DIR] [--cv | --cv-only | --requantise]',
    );
    return 0;
  }
  if (!['de', 'en', 'all'].includes(values.lang)) {
    console.error(`--lang must be de, en or all, not "${values.lang}"`);
    return 2;
  }
  mkdirSync(values.out, { recursive: true });
  if (values['cv-only']) {
    cvOnly(values.treebanks, values.out);
    return 0;
  }
  if (values.requantise) {
    for (const lang of values.lang === 'all' ? (['en', 'de'] as const) : [values.lang as 'de' | 'en'])
      requantise(lang, values.out);
    return 0;
  }
  if (values.lang !== 'de') trainEnglish(values.treebanks, values.out);
  if (values.lang !== 'en') trainGerman(values.treebanks, values.out, values.cv);
  log('done');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
