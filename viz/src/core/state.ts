// The viewer's application state and the pure rules over it (which data graph is active, what the URL holds),
// kept out of the views so they can be tested without a browser.

import type { DataGraph } from './data-graph.js';
import type { Filters } from './filters.js';
import type { ViewerSettings } from './settings.js';
import type { UrlState } from './url-state.js';

export interface AppState {
  /** The store's graph as loaded and expanded. */
  store: DataGraph;
  /** The last Cypher answer, when the analyst is looking at it instead of the store graph. */
  cypher: DataGraph | null;
  filters: Filters;
  settings: ViewerSettings;
  selected: string | null;
  hovered: string | null;
  bench?: UrlState['bench'];
  limit?: number;
  /** Selected document and the relation keys it supports (loaded from /api/documents/:id). */
  document?: string | null;
  documentKeys?: ReadonlySet<string> | null;
  /** Filters were chosen (URL or a click): the large-graph defaults no longer apply. */
  hasFilters?: boolean;
}

export function activeData(state: AppState): DataGraph {
  return state.cypher ?? state.store;
}

export function toUrlState(state: AppState): UrlState {
  const url: UrlState = {
    filters: state.filters,
    sizeBy: state.settings.sizeBy,
    colorBy: state.settings.colorBy,
    group: state.settings.groupCommunities,
    depth: state.settings.focusDepth,
  };
  if (state.document) url.document = state.document;
  if (state.hasFilters) url.hasFilters = true;
  if (state.selected) url.entity = state.selected;
  if (state.bench) url.bench = state.bench;
  if (state.limit) url.limit = state.limit;
  return url;
}

/** Nodes to keep bright while hovering or selecting (focus mode): the focus and its neighbours up to `depth` hops. */
export function focusSet(
  neighbours: (node: string) => string[],
  focus: string | null,
  depth: 1 | 2 = 1,
): Set<string> | null {
  if (!focus) return null;
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of frontier)
      for (const m of neighbours(n))
        if (!seen.has(m)) {
          seen.add(m);
          next.push(m);
        }
    frontier = next;
  }
  return seen;
}
