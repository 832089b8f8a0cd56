// Measures the parse rules on the evaluation sets: the rules-only pipeline against pipeline + parse + merge,
// in one process so both see the same working tree. Also a `geokg extract`-compatible mode for the PETRARCH scorer.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mergeExtractions } from '../../index.js';
import { STAGES } from '../../pipeline.js';
import { loadExtractionModel } from '../../extraction-model.js';
import type { DocumentExtraction } from '../../../model.js';
import { relationsFromParse } from './extract.js';
import { mergeWithRuleCandidates, type MergeMode } from './merge.js';
import { isInferred, withInferences } from '../inferences.js';

type Mode = 'rules' | MergeMode | 'parse-only';

const MODEL = loadExtractionModel();

/** The pipeline with the merge of rule and parse candidates chosen by `mode` ('union' is what runPipeline does). */
export function extractWith(text: string, source: string, mode: Mode): DocumentExtraction {
  const raw = { source, text, format: /\.html?$/u.test(source) ? ('html' as const) : ('text' as const) };
  const segmented = STAGES[1].run(STAGES[0].run(raw, {}));
  const recognised = STAGES[3].run(STAGES[2].run(segmented, MODEL, { parse: mode !== 'rules' }), MODEL);
  const { parses, ...unparsed } = recognised;
  const related = STAGES[4].run(unparsed, MODEL);
  if (!parses) return STAGES[5].run(related);
  const ruleCands = related.candidates.filter((c) => !isInferred(c));
  const out = relationsFromParse(recognised, parses, MODEL.frames, MODEL.syntaxLexicons);
  const candidates = withInferences(
    mode === 'parse-only'
      ? [...ruleCands.filter((c) => c.rule === 'role'), ...out.candidates]
      : mergeWithRuleCandidates(ruleCands, out, mode as MergeMode),
    (id) => related.entities.get(id)?.type,
  );
  return STAGES[5].run({ ...related, candidates });
}

const SETS = [
  { name: 'dev', texts: '../shared/eval/dev/articles', gold: '../shared/eval/dev/gold' },
  { name: 'heldout2', texts: 'tests/fixtures/heldout2/articles', gold: 'tests/fixtures/heldout2/gold' },
  { name: 'devtexts', texts: 'tests/fixtures/devtexts/articles', gold: 'tests/fixtures/devtexts/gold' },
  { name: 'sample', texts: 'data/sample', gold: '../shared/eval/gold' },
];

function runSets(outDir: string, modes: Mode[]): void {
  for (const set of SETS) {
    const files = readdirSync(set.texts).filter((f) => f.endsWith('.txt'));
    for (const mode of modes) {
      const dir = join(outDir, set.name, mode);
      mkdirSync(dir, { recursive: true });
      for (const f of files) {
        const ext = extractWith(readFileSync(join(set.texts, f), 'utf8'), join(set.texts, f), mode);
        writeFileSync(join(dir, basename(f, '.txt') + '.json'), JSON.stringify(mergeExtractions([ext]), null, 1));
      }
      const r = spawnSync('node', ['../shared/eval/score.mjs', '--dir', set.gold, dir, set.texts], {
        encoding: 'utf8',
      });
      const last = r.stdout.trim().split('\n').pop();
      console.log(`${set.name.padEnd(9)} ${mode.padEnd(11)} ${last}`);
    }
  }
}

function main(argv: string[]): void {
  const modeArg = argv.find((a) => a.startsWith('--mode='))?.slice(7);
  if (argv[0] === 'extract') {
    // `measure.ts extract FILE --format json`: what ../shared/eval/peer/petrarch/score.mjs --cli expects.
    const files = argv.slice(1).filter((a) => !a.startsWith('-') && a !== 'json');
    const mode = (process.env.GEOKG_SYNTAX_MODE ?? 'parse-first') as Mode;
    const exts = files.map((f) => extractWith(readFileSync(f, 'utf8'), f, mode));
    process.stdout.write(JSON.stringify(mergeExtractions(exts), null, 1) + '\n');
    return;
  }
  if (argv[0] === 'sets') {
    const out = argv[1] ?? '/tmp/geokg-syntax-measure';
    const modes = (modeArg ? modeArg.split(',') : ['rules', 'parse-first', 'union']) as Mode[];
    runSets(out, modes);
    return;
  }
  console.log(
    'usage: npx tsx src/ingest/relations/syntax/measure.ts sets [OUT_DIR] [--mode=rules,parse-first,union,parse-only]\n' +
      '       GEOKG_SYNTAX_MODE=parse-first npx tsx src/ingest/relations/syntax/measure.ts extract FILE --format json',
  );
}

main(process.argv.slice(2));
