// Loading models: typed errors name the missing or damaged file; training is deterministic byte for byte.
// The determinism check trains a tiny pair twice on a handmade treebank and compares the files.

import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConllu } from '../../../src/ingest/syntax/conllu.js';
import {
  loadSyntaxModel,
  ModelFormatError,
  ModelNotFoundError,
  modelPaths,
  sharedSyntaxFiles,
} from '../../../src/ingest/syntax/load.js';
import {
  adoptModelFiles,
  readModelFile,
  readSharedModelFile,
  writeModelFile,
} from '../../../src/ingest/syntax/model-file.js';
import { narrow, quantise } from '../../../src/ingest/syntax/perceptron.js';
import { trainPair } from '../../../src/ingest/syntax/train-pipeline.js';
import { toTreebankSentence, type TreebankSentence } from '../../../src/ingest/syntax/treebank.js';

const TINY = `1	Iran	Iran	PROPN	_	Case=Nom|Number=Sing	2	nsubj	_	_
2	liefert	liefern	VERB	_	_	0	root	_	_
3	Drohnen	Drohne	NOUN	_	Case=Acc|Number=Plur	2	obj	_	_
4	an	an	ADP	_	_	5	case	_	_
5	Russland	Russland	PROPN	_	Case=Acc|Number=Sing	2	obl	_	_
6	.	.	PUNCT	_	_	2	punct	_	_

1	Russland	Russland	PROPN	_	Case=Nom|Number=Sing	2	nsubj	_	_
2	kauft	kaufen	VERB	_	_	0	root	_	_
3	die	der	DET	_	Case=Acc|Number=Plur	4	det	_	_
4	Drohnen	Drohne	NOUN	_	Case=Acc|Number=Plur	2	obj	_	_
5	.	.	PUNCT	_	_	2	punct	_	_
`;

describe('shared model files (one copy for all extraction workers)', () => {
  it('reads the tables onto SharedArrayBuffers with the same weights, and an adopting thread reads no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geokg-models-'));
    const path = join(dir, 'de.parser.bin');
    copyFileSync(modelPaths('de').parser, path);
    const own = readModelFile(path);
    const shared = readSharedModelFile(path);
    expect(Object.keys(shared.tables).sort()).toEqual(Object.keys(own.tables).sort());
    for (const [name, t] of Object.entries(shared.tables)) {
      expect(t.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(t.constructor).toBe(own.tables[name]!.constructor);
      expect(
        Buffer.from(t.buffer).equals(
          Buffer.from(own.tables[name]!.buffer, own.tables[name]!.byteOffset, own.tables[name]!.byteLength),
        ),
      ).toBe(true);
    }
    expect(shared.scales).toEqual(own.scales);
    adoptModelFiles(new Map([[path, shared]]));
    writeFileSync(path, 'gone');
    expect(readModelFile(path).tables).toBe(shared.tables);
  });

  it('leaves out a damaged file (the thread that needs it reports the error) and shares the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geokg-models-'));
    const paths = modelPaths('de', dir);
    writeFileSync(paths.tagger, 'not a model');
    copyFileSync(modelPaths('de').parser, paths.parser);
    const files = sharedSyntaxFiles(dir);
    expect([...files.keys()]).toEqual([paths.parser]);
    expect(sharedSyntaxFiles().size).toBe(4);
    expect(() => loadSyntaxModel('de', dir)).toThrow(ModelFormatError);
  });
});

describe('loadSyntaxModel', () => {
  it('throws ModelNotFoundError naming the file when a model is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geokg-models-'));
    expect(() => loadSyntaxModel('en', dir)).toThrow(ModelNotFoundError);
    expect(() => loadSyntaxModel('en', dir)).toThrow(/en\.tagger\.bin/);
  });

  it('throws ModelFormatError on a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geokg-models-'));
    const paths = modelPaths('de', dir);
    writeFileSync(paths.tagger, 'not a model');
    copyFileSync(modelPaths('de').parser, paths.parser);
    expect(() => loadSyntaxModel('de', dir)).toThrow(ModelFormatError);
    const good = readFileSync(modelPaths('de').tagger);
    writeFileSync(paths.tagger, good.subarray(0, good.length - 100));
    expect(() => loadSyntaxModel('de', dir)).toThrow(/truncated|wrong size|unexpected end/);
  });

  it('training twice on the same data writes the same bytes', () => {
    const sents = readConllu(TINY).map(toTreebankSentence) as TreebankSentence[];
    const cfg = {
      lang: 'de' as const,
      langId: 1,
      taggerBits: 10,
      morphBits: 10,
      parserBits: 10,
      labelBits: 8,
      tagEpochs: 3,
      parserEpochs: 3,
      folds: 2,
      seed: 5,
      langCopy: false,
    };
    const files = [0, 1].map(() => {
      const pair = trainPair([...sents, ...sents], undefined, cfg, () => {});
      const path = join(mkdtempSync(join(tmpdir(), 'geokg-det-')), 'p.bin');
      writeModelFile(
        path,
        { labels: pair.parser.labels },
        {
          t: pair.parser.weights as Float32Array,
          l: pair.parser.labelWeights as Float32Array,
          g: pair.tagger.weights as Float32Array,
        },
      );
      return readFileSync(path);
    });
    expect(files[0]!.equals(files[1]!)).toBe(true);
  });

  it('stores tables named for Int8 as Int8, and narrowing a shipped Int16 table writes the bytes a retrain writes', () => {
    const w = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * (i % 7) - 0.5);
    const dir = mkdtempSync(join(tmpdir(), 'geokg-i8-'));
    const fromTraining = join(dir, 'a.bin');
    writeModelFile(fromTraining, { kind: 'test' }, { a: w, b: w }, ['a']);
    const read = readModelFile(fromTraining);
    expect(read.tables.a).toBeInstanceOf(Int8Array);
    expect(read.tables.b).toBeInstanceOf(Int16Array);
    const q = quantise(w);
    expect([...read.tables.a!]).toEqual([...narrow(q.data)]);
    expect(read.tables.a!.some((v) => v === 127 || v === -127)).toBe(true);
    // Weight = stored value × scale for both types, within one Int8 step.
    const step = read.scales.a!;
    for (let i = 0; i < w.length; i += 97)
      expect(Math.abs(read.tables.a![i]! * step - w[i]!)).toBeLessThanOrEqual(step);
    // A file narrowed from its Int16 tables equals the one written from the floats.
    const int16 = join(dir, 'b.bin');
    writeModelFile(int16, { kind: 'test' }, { a: w, b: w });
    const r16 = readModelFile(int16);
    const narrowed = join(dir, 'c.bin');
    writeModelFile(
      narrowed,
      { kind: 'test' },
      {
        a: { data: r16.tables.a as Int16Array, scale: r16.scales.a! },
        b: { data: r16.tables.b as Int16Array, scale: r16.scales.b! },
      },
      ['a'],
    );
    expect(readFileSync(narrowed).equals(readFileSync(fromTraining))).toBe(true);
  });
});
