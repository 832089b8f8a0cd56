// Generated corpora for the benches: for the viewer, the fixture articles extracted once and copied with actors
// renamed and dates spread over three years; for the scale bench, distinct texts from the dev articles, shuffled.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DocumentExtraction, Entity } from '../src/model.js';
import { PROJECT_ROOT } from '../src/server/build-viewer.js';
import { extractPaths } from '../src/store/ingest-files.js';

const SOURCES = [
  'data/sample',
  'tests/fixtures/devtexts/articles',
  'tests/fixtures/heldout2/articles',
  'tests/fixtures/html',
];

/** Deterministic [0, 1) from a string and a seed (FNV-1a): the same corpus on every run. */
function unit(text: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

let base: Promise<DocumentExtraction[]> | null = null;

/** The real articles through the real extractor (once per process). */
export function baseArticles(): Promise<DocumentExtraction[]> {
  // The same article in two folders (or two encodings) is one document: keep it once, or copies would collide.
  base ??= extractPaths(SOURCES.map((s) => path.join(PROJECT_ROOT, s))).then((r) => [
    ...new Map(r.flatMap((x) => (x.doc ? [[x.doc.document.id, x.doc] as const] : []))).values(),
  ]);
  return base;
}

/**
 * `count` articles: copy k of an article keeps its countries (the shared actors a news corpus keeps returning
 * to) and about a third of its other entities, and renames the rest to copy-group variants, so the graph grows
 * the way a corpus does — a recurring core and a long tail — instead of repeating one picture.
 */
export async function generateCorpus(count: number, seed = 7): Promise<DocumentExtraction[]> {
  const articles = await baseArticles();
  const out: DocumentExtraction[] = [];
  for (let i = 0; i < count; i++) {
    const src = articles[i % articles.length]!;
    const copy = Math.floor(i / articles.length);
    const group = copy === 0 ? 0 : 1 + (copy % Math.max(1, Math.ceil(count / articles.length / 2)));
    const rename = (e: Entity): boolean => group > 0 && e.type !== 'Country' && unit(e.id, seed) > 0.35;
    const idMap = new Map<string, string>();
    const entities = src.entities.map((e) => {
      if (!rename(e)) return e;
      const id = `${e.id}~${group}`;
      idMap.set(e.id, id);
      return { ...e, id, name: `${e.name} ${group}`, aliases: e.aliases.map((a) => `${a} ${group}`) };
    });
    const map = (id: string) => idMap.get(id) ?? id;
    const docId = copy === 0 ? src.document.id : `${src.document.id}-${copy}`;
    const month = Math.floor(unit(`${docId}#m`, seed) * 36);
    const day = 1 + Math.floor(unit(`${docId}#d`, seed) * 28);
    const published = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    out.push({
      ...src,
      document: { ...src.document, id: docId, source: `${src.document.source}#${copy}`, published },
      entities,
      relations: src.relations.map((r) => ({
        ...r,
        subject: map(r.subject),
        object: map(r.object),
        ...(r.attributedTo ? { attributedTo: map(r.attributedTo) } : {}),
        properties: Array.isArray(r.properties.items)
          ? { ...r.properties, items: (r.properties.items as string[]).map(map) }
          : r.properties,
        evidence: r.evidence.map((ev) => ({ ...ev, document: docId })),
      })),
    });
  }
  return out;
}

/** The development texts (not the held-out ones): the sample, the shared dev articles, tests/fixtures/devtexts. */
const DEV_TEXTS = ['data/sample', '../shared/eval/dev/articles', 'tests/fixtures/devtexts/articles'];

/**
 * `count` distinct article texts: a dev article with its paragraphs shuffled (a fixed PRNG, so the same corpus
 * every run). Each is its own document (another cleaned text, another id) with the entities and relations of its
 * source, so the graph has a small core every document returns to: the hot-key case of a news corpus.
 */
export function shuffledTexts(count: number, seed = 42): Array<{ name: string; text: string }> {
  const sources: string[][] = [];
  for (const dir of DEV_TEXTS.map((d) => path.join(PROJECT_ROOT, d)))
    if (existsSync(dir))
      for (const f of readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort())
        sources.push(readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/));
  // Fewer than four paragraphs give too few orders to draw thousands of distinct texts from.
  const usable = sources.filter((p) => p.length >= 4);
  if (usable.length === 0) throw new Error(`no development texts with 4+ paragraphs in ${DEV_TEXTS.join(', ')}`);
  let s = seed >>> 0;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const seen = new Set<string>();
  const out: Array<{ name: string; text: string }> = [];
  while (out.length < count) {
    const paras = [...usable[Math.floor(rand() * usable.length)]!];
    for (let i = paras.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [paras[i], paras[j]] = [paras[j]!, paras[i]!];
    }
    const text = paras.join('\n\n');
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ name: `article-${String(out.length).padStart(6, '0')}.txt`, text });
  }
  return out;
}
