// Builds the viewer (viz/ → viz/dist) with Vite's JS API when the build is missing or older than its sources,
// so `npm start` works on a fresh clone without a separate build step.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeokgError } from '../errors.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VIZ_ROOT = path.join(PROJECT_ROOT, 'viz');
export const VIZ_DIST = path.join(VIZ_ROOT, 'dist');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Sources the bundle is made of: the viewer itself plus the browser-safe modules it imports from src/. */
function sourceMtime(): number {
  return Math.max(
    newestMtime(path.join(VIZ_ROOT, 'src')),
    newestMtime(path.join(VIZ_ROOT, 'index.html')),
    newestMtime(path.join(VIZ_ROOT, 'bench.html')),
    newestMtime(path.join(VIZ_ROOT, 'vite.config.ts')),
    newestMtime(path.join(PROJECT_ROOT, 'src', 'model.ts')),
    newestMtime(path.join(PROJECT_ROOT, 'src', 'store', 'export.ts')),
    newestMtime(path.join(PROJECT_ROOT, 'src', 'errors.ts')),
  );
}

export function viewerIsStale(): boolean {
  const built = path.join(VIZ_DIST, 'index.html');
  if (!existsSync(built)) return true;
  return statSync(built).mtimeMs < sourceMtime();
}

export async function ensureViewerBuilt(opts: { force?: boolean; log?: (m: string) => void } = {}): Promise<boolean> {
  if (!opts.force && !viewerIsStale()) return false;
  opts.log?.('building the viewer (vite build viz/)…');
  const started = Date.now();
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(VIZ_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } catch (err) {
    throw new GeokgError('server', `could not build the viewer: ${(err as Error).message}`, { cause: err });
  }
  opts.log?.(`viewer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
