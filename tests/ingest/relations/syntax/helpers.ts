// Test helpers for the parse-based relation rules: recognise a written sentence with the real entity stages and
// attach a hand-built parse written compactly ("form/UPOS/head/deprel[/feats]" per word), read through readConllu.

import { loadExtractionModel } from '../../../../src/ingest/extraction-model.js';
import { STAGES } from '../../../../src/ingest/pipeline.js';
import {
  loadFrames,
  loadSyntaxLexicons,
  parseFromConllu,
  relationsFromParse,
  type ParseOutput,
  type SentenceParse,
} from '../../../../src/ingest/relations/syntax/index.js';
import type { RecognisedDoc } from '../../../../src/ingest/types.js';

export const FRAMES = loadFrames();
export const LEX = loadSyntaxLexicons();

/** "Iran/PROPN/2/nsubj lieferte/VERB/0/root …" → CoNLL-U (ids 1…n, lemma/xpos/deps/misc empty). */
export function conllu(compact: string): string {
  const rows = compact
    .trim()
    .split(/\s+/)
    .map((w, i) => {
      const [form, upos, head, deprel, feats] = w.split('/');
      if (!form || !upos || head === undefined || !deprel) throw new Error(`bad compact word "${w}"`);
      return [String(i + 1), form, '_', upos, '_', feats ?? '_', head, deprel, '_', '_'].join('\t');
    });
  return rows.join('\n') + '\n';
}

export function recognise(text: string, lang: 'de' | 'en'): RecognisedDoc {
  const cleaned = STAGES[0].run({ source: '<test>', text, format: 'text' }, { lang });
  // The hand-built parse is the one under test: the entity stage runs on the unparsed document.
  return STAGES[3].run(STAGES[1].run(cleaned), loadExtractionModel());
}

/** Runs the parse rules on a one-sentence text with its hand-built parse. */
export function fromTree(text: string, lang: 'de' | 'en', compact: string): ParseOutput {
  const doc = recognise(text, lang);
  if (doc.sentences.length !== 1) throw new Error(`expected one sentence, got ${doc.sentences.length}: ${text}`);
  const parse: SentenceParse = parseFromConllu(doc.sentences[0]!, conllu(compact));
  return relationsFromParse(doc, [parse], FRAMES, LEX);
}

export type Triple = [string, string, string];
export const triples = (out: ParseOutput) => out.candidates.map((c) => [c.subject, c.predicate, c.object] as Triple);
export const asserted = (out: ParseOutput) =>
  out.candidates.filter((c) => c.modality !== 'denied').map((c) => [c.subject, c.predicate, c.object] as Triple);
