// Loads the shipped syntax models (data/models/<lang>.tagger.bin + <lang>.parser.bin), cached per language and folder.
// Synchronous on purpose: the pipeline loads once at start, and a missing model must fail loudly, not later.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSharedModelFile, type ModelFile } from './model-file.js';
import { readParser, readTagger, TrainedSyntaxModel } from './model.js';
import type { SyntaxModel } from './types.js';

export { ModelFormatError } from './model-file.js';

/** data/models at the repository root, wherever the process was started from. */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../../data/models', import.meta.url));

export class ModelNotFoundError extends Error {
  constructor(
    readonly lang: string,
    readonly path: string,
  ) {
    super(`syntax model for "${lang}" not found: ${path} (rebuild it with: npm run train -- --lang ${lang})`);
    this.name = 'ModelNotFoundError';
  }
}

export function modelPaths(lang: 'de' | 'en', dir = DEFAULT_MODEL_DIR): { tagger: string; parser: string } {
  return { tagger: join(dir, `${lang}.tagger.bin`), parser: join(dir, `${lang}.parser.bin`) };
}

const cache = new Map<string, SyntaxModel>();

export function loadSyntaxModel(lang: 'de' | 'en', dir = DEFAULT_MODEL_DIR): SyntaxModel {
  if (lang !== 'de' && lang !== 'en')
    throw new TypeError(`syntax models exist for "de" and "en", not "${String(lang)}"`);
  const key = `${lang}\u0000${dir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const paths = modelPaths(lang, dir);
  for (const p of [paths.tagger, paths.parser]) if (!existsSync(p)) throw new ModelNotFoundError(lang, p);
  const tagger = readTagger(paths.tagger);
  const parser = readParser(paths.parser);
  const model = new TrainedSyntaxModel(lang, tagger.tables, parser.tables, parser.langId);
  cache.set(key, model);
  return model;
}

const shared = new Map<string, Map<string, ModelFile>>();

/** Both languages' model files in `dir` on SharedArrayBuffers, read once per process: what an extraction pool hands its
 * worker threads (model-file.ts adoptModelFiles), so that N threads hold one copy of the weights, not N. */
export function sharedSyntaxFiles(dir = DEFAULT_MODEL_DIR): Map<string, ModelFile> {
  const hit = shared.get(dir);
  if (hit) return hit;
  const files = new Map<string, ModelFile>();
  shared.set(dir, files);
  for (const lang of ['de', 'en'] as const)
    for (const p of Object.values(modelPaths(lang, dir))) {
      if (!existsSync(p)) continue;
      try {
        files.set(p, readSharedModelFile(p));
      } catch {
        // Not shared: the thread that needs it reads it itself and reports the error where the document fails.
      }
    }
  return files;
}
