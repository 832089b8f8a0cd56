// Quality bars, measured with the shared scorer on `bin/geokg extract` output: the sample article, the dev set,
// the devtexts (tuning set since round 2) and heldout2 (never read per document); the dev and heldout2 floors are
// issue 9's targets, the others sit just under the measured scores.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCORER = '../shared/eval/score.mjs';

function extract(file: string): string {
  const r = spawnSync(process.execPath, ['bin/geokg', 'extract', file, '--format', 'json', '--quiet'], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

interface Summary {
  precision: number;
  recall: number;
  f1: number;
  modality: [number, number];
  evidence: [number, number];
  chrome: number;
}

function score(args: string[]): Summary {
  const r = spawnSync(process.execPath, [SCORER, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const last = r.stdout.trim().split('\n').pop()!;
  const m =
    /precision ([\d.]+) recall ([\d.]+) f1 ([\d.]+) modality (\d+)\/(\d+) evidence (\d+)\/(\d+) page-chrome (\d+)/.exec(
      last,
    );
  expect(m, last).not.toBeNull();
  return {
    precision: +m![1]!,
    recall: +m![2]!,
    f1: +m![3]!,
    modality: [+m![4]!, +m![5]!],
    evidence: [+m![6]!, +m![7]!],
    chrome: +m![8]!,
  };
}

/** One `extract --format jsonl` run over the whole folder (the models load once), one JSON file per article. */
function scoreDir(articles: string, gold: string): Summary {
  const out = mkdtempSync(join(tmpdir(), 'geokg-score-'));
  const files = readdirSync(articles)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(articles, f));
  const r = spawnSync(process.execPath, ['bin/geokg', 'extract', ...files, '--format', 'jsonl', '--quiet'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(files.length);
  for (const line of lines) {
    const d = JSON.parse(line) as { document: { source: string } };
    writeFileSync(join(out, `${basename(d.document.source, '.txt')}.json`), line);
  }
  return score(['--dir', gold, out, articles]);
}

describe('extraction quality (shared scorer)', () => {
  it('sample article: f1 ≥ 0.93, every checked modality right, all evidence valid, no page chrome', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'geokg-score-')), 'sample.json');
    writeFileSync(out, extract('data/sample/000_72676987deda64ed.txt'));
    const s = score([
      '../shared/eval/gold/000_72676987deda64ed.json',
      out,
      '../shared/corpus/000_72676987deda64ed.txt',
    ]);
    expect(s.f1).toBeGreaterThanOrEqual(0.93);
    expect(s.modality[0]).toBe(s.modality[1]);
    expect(s.modality[1]).toBeGreaterThan(0);
    expect(s.evidence[0]).toBe(s.evidence[1]);
    expect(s.chrome).toBe(0);
  });
  it('development set: micro f1 ≥ 0.80 (issue 9 target), all evidence valid, no page chrome', () => {
    const s = scoreDir('../shared/eval/dev/articles', '../shared/eval/dev/gold');
    expect(s.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.evidence[0]).toBe(s.evidence[1]);
    expect(s.chrome).toBe(0);
  });
  it('devtexts (German and English, other dyads; now the tuning set): micro f1 ≥ 0.78, precision ≥ 0.93', () => {
    const s = scoreDir('tests/fixtures/devtexts/articles', 'tests/fixtures/devtexts/gold');
    expect(s.f1).toBeGreaterThanOrEqual(0.78);
    expect(s.precision).toBeGreaterThanOrEqual(0.93);
    expect(s.evidence[0]).toBe(s.evidence[1]);
    expect(s.chrome).toBe(0);
  });
  it('heldout2 (never read per document): micro f1 ≥ 0.75 (issue 9 target), all evidence valid', () => {
    const s = scoreDir('tests/fixtures/heldout2/articles', 'tests/fixtures/heldout2/gold');
    expect(s.f1).toBeGreaterThanOrEqual(0.75);
    expect(s.evidence[0]).toBe(s.evidence[1]);
    expect(s.chrome).toBe(0);
  });
});
