// Presets of the filter panel (the questions analysts ask first) and the default filters of a large graph,
// where offices, affiliations and locations would otherwise fill the picture.

import { INTERACTION_PREDICATES, PREDICATES, type EntityType, type Predicate } from '../../../src/model.js';
import type { Filters } from './filters.js';

export interface Preset {
  id: 'all' | 'states' | 'supplies' | 'offices';
  label: string;
  /** What stays visible; everything else is hidden. */
  predicates: readonly Predicate[];
  types: readonly EntityType[] | 'all';
}

const OFFICE_PREDICATES: readonly Predicate[] = [
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'OFFICIAL_OF',
  'AFFILIATED_WITH',
  'MEMBER_OF',
  'CITIZEN_OF',
];

export const PRESETS: readonly Preset[] = [
  { id: 'all', label: 'Everything', predicates: PREDICATES, types: 'all' },
  {
    id: 'states',
    label: 'Interactions between states',
    predicates: INTERACTION_PREDICATES,
    types: ['Country', 'Organization', 'ArmedGroup'],
  },
  { id: 'supplies', label: 'Who supplies whom', predicates: ['SUPPLIES', 'SUPPORTS'], types: 'all' },
  { id: 'offices', label: 'Offices and affiliations', predicates: OFFICE_PREDICATES, types: 'all' },
];

/** Structural relations hidden by default once a graph is large: the least informative at a glance. */
export const NOISY_STRUCTURAL: readonly Predicate[] = ['OFFICIAL_OF', 'AFFILIATED_WITH', 'LOCATED_IN', 'CITIZEN_OF'];

const ALL_TYPES: readonly EntityType[] = ['Country', 'Person', 'Organization', 'ArmedGroup', 'Location', 'Item'];

/** The filters of a preset; the date range and the selected document are kept, they answer another question. */
export function applyPreset(preset: Preset, current: Filters): Filters {
  const next: Filters = {
    ...current,
    hiddenPredicates: PREDICATES.filter((p) => !preset.predicates.includes(p)),
    hiddenTypes: preset.types === 'all' ? [] : ALL_TYPES.filter((t) => !(preset.types as EntityType[]).includes(t)),
    hiddenModalities: [],
  };
  return next;
}

/** The preset the filters amount to, if any (to show it as chosen). */
export function activePreset(filters: Filters): Preset['id'] | null {
  for (const p of PRESETS) {
    const f = applyPreset(p, filters);
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    if (
      same(f.hiddenPredicates, filters.hiddenPredicates) &&
      same(f.hiddenTypes, filters.hiddenTypes) &&
      filters.hiddenModalities.length === 0
    )
      return p.id;
  }
  return null;
}

/**
 * The filters a first load starts with: what the URL says when it says anything, else — for a graph of more
 * than `largeEdges` relations — the noisy structural relations hidden.
 */
export function initialFilters(
  urlFilters: Filters,
  urlHasFilters: boolean,
  edges: number,
  largeEdges: number,
): Filters {
  if (urlHasFilters || edges <= largeEdges) return urlFilters;
  return { ...urlFilters, hiddenPredicates: [...new Set([...urlFilters.hiddenPredicates, ...NOISY_STRUCTURAL])] };
}
