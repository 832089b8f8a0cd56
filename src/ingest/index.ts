// Public API of the extractor: read inputs, extract one document (pure, sync), merge many extractions.
// The store, the viewer, the bench and `geokg extract` all go through these functions.

import type { DocumentExtraction, Entity, Extraction, Relation } from '../model.js';
import { relationKey } from '../model.js';
import { STAGES, runPipeline, runPipelineFrom } from './pipeline.js';
import type { ExtractOptions, RawDocument } from './types.js';

export type { RawDocument, InputItem, ExtractOptions } from './types.js';
export { readInputs, readItems, readOne, listInputs, decodeBytes, looksBinary, DEFAULT_MAX_INPUT_MB } from './read.js';
export type { CorpusOptions } from './corpus.js';
export { STAGES, runPipeline };
export { documentIdOf } from './clean/identity.js';
export { gazetteerSource } from './gaz.js';

/** Extracts one document: pure and synchronous; the same cleaned text always gives the same output. */
export function extractDocument(raw: RawDocument, opts?: ExtractOptions): DocumentExtraction {
  return runPipeline(raw, opts ?? {});
}

/** The extraction and the cleaned text its offsets point into (the store keeps the text for the reader view). */
export function extractWithText(
  raw: RawDocument,
  opts?: ExtractOptions,
): { extraction: DocumentExtraction; text: string } {
  const cleaned = STAGES[0].run(raw, opts ?? {});
  return { extraction: runPipelineFrom(cleaned, opts ?? {}), text: cleaned.text };
}

export function extractText(
  text: string,
  opts?: { source?: string; format?: 'text' | 'html'; lang?: 'de' | 'en' | 'auto' },
): DocumentExtraction {
  return extractDocument(
    { source: opts?.source ?? '<text>', text, format: opts?.format ?? 'text' },
    { lang: opts?.lang },
  );
}

/** One entity per id (aliases united), one relation per (s,p,o) across documents with all evidence concatenated. */
export function mergeExtractions(docs: DocumentExtraction[]): Extraction {
  const documents = new Map<string, DocumentExtraction['document']>();
  const entities = new Map<string, Entity>();
  const relations = new Map<string, Relation>();
  for (const d of docs) {
    if (!documents.has(d.document.id)) documents.set(d.document.id, d.document);
    for (const e of d.entities) {
      const have = entities.get(e.id);
      if (!have) entities.set(e.id, { ...e, aliases: [...e.aliases] });
      else for (const a of e.aliases) if (!have.aliases.includes(a)) have.aliases.push(a);
    }
    for (const r of d.relations) {
      const k = relationKey(r.subject, r.predicate, r.object);
      const have = relations.get(k);
      if (!have) {
        relations.set(k, { ...r, properties: { ...r.properties }, evidence: [...r.evidence] });
        continue;
      }
      for (const ev of r.evidence)
        if (!have.evidence.some((x) => x.document === ev.document && x.start === ev.start)) have.evidence.push(ev);
      if (have.modality !== 'asserted' && r.modality === 'asserted') {
        have.modality = 'asserted';
        delete have.attributedTo;
      }
      have.confidence = Math.max(have.confidence, r.confidence);
      have.time ??= r.time;
      const items = [
        ...new Set([...((have.properties.items as string[]) ?? []), ...((r.properties.items as string[]) ?? [])]),
      ];
      if (items.length) have.properties.items = items;
    }
  }
  return { documents: [...documents.values()], entities: [...entities.values()], relations: [...relations.values()] };
}
