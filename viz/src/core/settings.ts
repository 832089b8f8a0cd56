// Viewer settings: an interface, DEFAULT_SETTINGS and one validate function (the sigma.js pattern), so every
// place that reads settings can trust them and a bad value is reported with its name.

export type SizeBy = 'degree' | 'pagerank';
export type ColorBy = 'type' | 'community';

export interface ViewerSettings {
  sizeBy: SizeBy;
  minNodeSize: number;
  maxNodeSize: number;
  /** Relations with only alleged/denied modalities are drawn faded by this alpha (0..1). */
  uncertainAlpha: number;
  /** Layout budget: ForceAtlas2 stops at whichever comes first, or when it has settled. */
  layoutMaxIterations: number;
  layoutMaxMs: number;
  /** Mean move per iteration, relative to the graph's extent, under which the layout counts as settled. */
  layoutSettledRatio: number;
  /** Node labels drawn at most per frame; placed without overlap, most central (degree or PageRank) first. */
  maxLabels: number;
  /** From this many nodes on, edges are not drawn while the layout runs: software WebGL spends seconds per frame on them. */
  largeGraphNodes: number;
  /** Edge labels (relation type, supplied items) are drawn up to this many edges; beyond, they are clutter. */
  edgeLabelsUpTo: number;
  /** Node colour: entity type, or Louvain community. */
  colorBy: ColorBy;
  /** Layout groups Louvain communities: edges inside a community pull `communityPull` times as hard as others. */
  groupCommunities: boolean;
  communityPull: number;
  /** Hide nodes that the filters left without any edge. */
  hideOrphans: boolean;
  /** Above this many relations, a first load without filters in the URL hides the noisy structural types. */
  structuralOffAbove: number;
  /** Focus mode: how far from the selected entity nodes stay bright (1 or 2 hops). */
  focusDepth: 1 | 2;
}

export const DEFAULT_SETTINGS: Readonly<ViewerSettings> = Object.freeze({
  sizeBy: 'degree',
  minNodeSize: 5,
  maxNodeSize: 22,
  uncertainAlpha: 0.3,
  layoutMaxIterations: 600,
  layoutMaxMs: 6000,
  layoutSettledRatio: 0.0005,
  maxLabels: 60,
  largeGraphNodes: 2000,
  edgeLabelsUpTo: 150,
  colorBy: 'type',
  groupCommunities: false,
  communityPull: 6,
  hideOrphans: true,
  structuralOffAbove: 150,
  focusDepth: 1,
});

export class SettingsError extends Error {
  constructor(message: string) {
    super(`settings: ${message}`);
    this.name = 'SettingsError';
  }
}

/** Throws SettingsError naming the first bad setting. */
export function validateSettings(settings: ViewerSettings): void {
  if (settings.sizeBy !== 'degree' && settings.sizeBy !== 'pagerank') {
    throw new SettingsError(`sizeBy must be 'degree' or 'pagerank', got '${String(settings.sizeBy)}'`);
  }
  const positive = [
    'minNodeSize',
    'maxNodeSize',
    'layoutMaxIterations',
    'layoutMaxMs',
    'maxLabels',
    'largeGraphNodes',
  ] as const;
  for (const key of positive) {
    if (!Number.isFinite(settings[key]) || settings[key] <= 0) throw new SettingsError(`${key} must be > 0`);
  }
  if (!(Number.isInteger(settings.edgeLabelsUpTo) && settings.edgeLabelsUpTo >= 0)) {
    throw new SettingsError('edgeLabelsUpTo must be an integer ≥ 0');
  }
  if (settings.colorBy !== 'type' && settings.colorBy !== 'community') {
    throw new SettingsError(`colorBy must be 'type' or 'community', got '${String(settings.colorBy)}'`);
  }
  if (typeof settings.groupCommunities !== 'boolean') throw new SettingsError('groupCommunities must be a boolean');
  if (!(Number.isFinite(settings.communityPull) && settings.communityPull >= 1)) {
    throw new SettingsError('communityPull must be ≥ 1');
  }
  if (settings.focusDepth !== 1 && settings.focusDepth !== 2) throw new SettingsError('focusDepth must be 1 or 2');
  if (!(Number.isInteger(settings.structuralOffAbove) && settings.structuralOffAbove >= 0)) {
    throw new SettingsError('structuralOffAbove must be an integer ≥ 0');
  }
  if (settings.minNodeSize > settings.maxNodeSize) throw new SettingsError('minNodeSize must be ≤ maxNodeSize');
  if (!(settings.uncertainAlpha >= 0 && settings.uncertainAlpha <= 1)) {
    throw new SettingsError('uncertainAlpha must be within 0..1');
  }
  if (!(settings.layoutSettledRatio > 0)) throw new SettingsError('layoutSettledRatio must be > 0');
}

export function resolveSettings(partial: Partial<ViewerSettings> = {}): ViewerSettings {
  const settings = { ...DEFAULT_SETTINGS, ...partial };
  validateSettings(settings);
  return settings;
}
