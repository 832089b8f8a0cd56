// A loaded model pair (tagger + parser) behind the SyntaxModel contract, and the conversion from model files.
// analyse() is pure: all state lives in the read-only tables, scratch buffers are per call or reset.

import { readModelFile, ModelFormatError } from './model-file.js';
import { Parser, parseContext, type ParserTables } from './parser.js';
import { Tagger, type TaggerTables } from './tagger.js';
import type { SyntaxAnalysis, SyntaxInput, SyntaxModel } from './types.js';
import { wordInfo } from './words.js';

export class TrainedSyntaxModel implements SyntaxModel {
  private readonly tagger: Tagger;
  private readonly parser: Parser;

  constructor(
    readonly lang: 'de' | 'en',
    tagger: TaggerTables,
    parser: ParserTables,
    private readonly langId: number,
  ) {
    // German declaratives put a finite verb second; a long German sentence tagged without one lost its verb.
    this.tagger = new Tagger(tagger, lang === 'de');
    this.parser = new Parser(parser);
  }

  analyse(words: readonly SyntaxInput[]): SyntaxAnalysis {
    const n = words.length;
    if (n === 0) return { upos: [], feats: [], head: [], deprel: [] };
    const info = wordInfo(words);
    const tt = this.tagger.tables;
    const fixed = words.some((w) => w.upos)
      ? Int32Array.from(words, (w) => (w.upos ? tt.upos.indexOf(w.upos) : -1))
      : undefined;
    const { upos, morph } = this.tagger.tag(info, undefined, fixed);
    const { heads, labels } = this.parser.parse(
      parseContext(info, upos, morph, this.langId, this.parser.tables.fineTags),
    );
    // An XPOS channel only feeds the parser; FEATS stay empty rather than showing PTB tags.
    const mc = tt.morph?.source === 'xpos' ? undefined : tt.morph?.classes;
    const lab = this.parser.tables.labels;
    const out: SyntaxAnalysis = { upos: new Array(n), feats: new Array(n), head: new Array(n), deprel: new Array(n) };
    for (let i = 0; i < n; i++) {
      out.upos[i] = tt.upos[upos[i]!]!;
      out.feats[i] = mc ? mc[morph[i]!]! : '_';
      out.head[i] = heads[i] === n ? 0 : heads[i]! + 1;
      out.deprel[i] = lab[labels[i]!] ?? 'dep';
    }
    return out;
  }
}

function need<T>(value: T | undefined, what: string, path: string): T {
  if (value === undefined) throw new ModelFormatError(`missing ${what}`, path);
  return value;
}

export function readTagger(path: string): { tables: TaggerTables; meta: unknown } {
  const { header, tables } = readModelFile(path);
  if (header.kind !== 'tagger') throw new ModelFormatError(`expected a tagger, found ${String(header.kind)}`, path);
  const h = header as unknown as {
    upos: string[];
    bits: number;
    tagdict: [string, number][];
    morph?: { classes: string[]; bits: number; source?: 'case-number' | 'xpos' };
    pass2?: { bits: number };
    featureSet?: number;
    meta: unknown;
  };
  return {
    tables: {
      upos: h.upos,
      bits: h.bits,
      weights: need(tables.tag, 'table tag', path),
      tagdict: new Map(h.tagdict),
      morph: h.morph ? { ...h.morph, weights: need(tables.morph, 'table morph', path) } : undefined,
      pass2: h.pass2 ? { bits: h.pass2.bits, weights: need(tables.pass2, 'table pass2', path) } : undefined,
      featureSet: h.featureSet ?? 1,
    },
    meta: h.meta,
  };
}

export function readParser(path: string): { tables: ParserTables; langId: number; meta: unknown } {
  const { header, tables } = readModelFile(path);
  if (header.kind !== 'parser') throw new ModelFormatError(`expected a parser, found ${String(header.kind)}`, path);
  const h = header as unknown as {
    labels: string[];
    bits: number;
    labelBits: number;
    langCopy: boolean;
    fineTags?: boolean;
    featureSet?: number;
    langId: number;
    meta: unknown;
  };
  return {
    tables: {
      labels: h.labels,
      bits: h.bits,
      weights: need(tables.transitions, 'table transitions', path),
      labelBits: h.labelBits,
      labelWeights: need(tables.labels, 'table labels', path),
      langCopy: h.langCopy,
      fineTags: h.fineTags ?? false,
      featureSet: h.featureSet ?? 1,
    },
    langId: h.langId,
    meta: h.meta,
  };
}
