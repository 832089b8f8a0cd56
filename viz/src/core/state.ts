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
}

export function activeData(state: AppState): DataGraph {
  return state.cypher ?? state.store;
}

export function toUrlState(state: AppState): UrlState {
  const url: UrlState = { filters: state.filters, sizeBy: state.settings.sizeBy };
  if (state.selected) url.entity = state.selected;
  if (state.bench) url.bench = state.bench;
  if (state.limit) url.limit = state.limit;
  return url;
}

/** Nodes to keep bright while hovering or selecting: the focus and its direct neighbours. */
export function focusSet(neighbours: (node: string) => string[], focus: string | null): Set<string> | null {
  if (!focus) return null;
  return new Set([focus, ...neighbours(focus)]);
}
