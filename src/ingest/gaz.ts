// Access to the gazetteer (src/ingest/gazetteer/, owned by the gazetteer module) behind one sync getter,
// so the stages depend on one small seam and tests can see which source was used.

import { loadGazetteer, type Gazetteer } from './gazetteer/index.js';

export type { Gazetteer, GazetteerEntry, SurfaceForm, KnownRole } from './gazetteer/index.js';

let cached: Gazetteer | undefined;

/** The gazetteer, memoised (loadGazetteer is memoised too; this avoids repeated lookups in hot paths). */
export function getGazetteer(): Gazetteer {
  cached ??= loadGazetteer();
  return cached;
}

export function gazetteerSource(): 'gazetteer' {
  getGazetteer();
  return 'gazetteer';
}
