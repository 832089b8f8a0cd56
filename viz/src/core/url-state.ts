// The shareable part of the view in the URL: selected entity, filters and the size switch.
// parse and serialise are pure and inverse to each other (tested), unknown values are dropped, not trusted.

import {
  ENTITY_TYPES,
  MODALITIES,
  PREDICATES,
  type EntityType,
  type Modality,
  type Predicate,
} from '../../../src/model.js';
import type { Filters } from './filters.js';
import type { ColorBy, SizeBy } from './settings.js';

export interface UrlState {
  entity?: string;
  filters: Filters;
  sizeBy?: SizeBy;
  colorBy?: ColorBy;
  /** Layout groups communities. */
  group?: boolean;
  /** Focus mode depth (1 is the default). */
  depth?: 1 | 2;
  /** Selected document: only what it supports is shown, and the reader is open. */
  document?: string;
  /** A preset was chosen, or filters were set: the large-graph defaults do not apply. */
  hasFilters?: boolean;
  /** Cap on the entities loaded at first (the best connected); double-click expands from there. */
  limit?: number;
  /** Bench only: load a generated graph of NODESxEDGES instead of the store. */
  bench?: { nodes: number; edges: number };
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const filters: Filters = {
    hiddenPredicates: list<Predicate>(p.get('hideRel'), PREDICATES),
    hiddenTypes: list<EntityType>(p.get('hideType'), ENTITY_TYPES),
    hiddenModalities: list<Modality>(p.get('hideMod'), MODALITIES),
  };
  const from = p.get('from');
  const to = p.get('to');
  if (from && DATE.test(from)) filters.dateFrom = from;
  if (to && DATE.test(to)) filters.dateTo = to;
  const state: UrlState = { filters };
  const entity = p.get('entity');
  if (entity && entity.length <= 300) state.entity = entity;
  const size = p.get('size');
  if (size === 'degree' || size === 'pagerank') state.sizeBy = size;
  const color = p.get('color');
  if (color === 'type' || color === 'community') state.colorBy = color;
  if (p.get('group') === '1') state.group = true;
  const depth = p.get('depth');
  if (depth === '1' || depth === '2') state.depth = Number(depth) as 1 | 2;
  const doc = p.get('doc');
  if (doc && /^[\w.:-]{1,200}$/.test(doc)) state.document = doc;
  if (['hideRel', 'hideType', 'hideMod', 'from', 'to', 'filters'].some((k) => p.has(k))) state.hasFilters = true;
  const limit = Number(p.get('limit'));
  if (Number.isInteger(limit) && limit >= 1 && limit <= 50_000) state.limit = limit;
  const bench = /^(\d{1,6})x(\d{1,7})$/.exec(p.get('bench') ?? '');
  if (bench) state.bench = { nodes: Number(bench[1]), edges: Number(bench[2]) };
  return state;
}

export function serializeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.entity) p.set('entity', state.entity);
  const f = state.filters;
  if (f.hiddenPredicates.length) p.set('hideRel', [...f.hiddenPredicates].sort().join(','));
  if (f.hiddenTypes.length) p.set('hideType', [...f.hiddenTypes].sort().join(','));
  if (f.hiddenModalities.length) p.set('hideMod', [...f.hiddenModalities].sort().join(','));
  if (f.dateFrom) p.set('from', f.dateFrom);
  if (f.dateTo) p.set('to', f.dateTo);
  if (state.sizeBy && state.sizeBy !== 'degree') p.set('size', state.sizeBy);
  if (state.colorBy && state.colorBy !== 'type') p.set('color', state.colorBy);
  if (state.group) p.set('group', '1');
  if (state.depth && state.depth !== 1) p.set('depth', String(state.depth));
  if (state.document) p.set('doc', state.document);
  // "Show everything" after the large-graph defaults must survive a reload: say that filters were chosen.
  const anyFilter = f.hiddenPredicates.length || f.hiddenTypes.length || f.hiddenModalities.length;
  if (state.hasFilters && !anyFilter && !f.dateFrom && !f.dateTo) p.set('filters', 'none');
  if (state.limit) p.set('limit', String(state.limit));
  if (state.bench) p.set('bench', `${state.bench.nodes}x${state.bench.edges}`);
  const text = p.toString();
  return text ? `?${text}` : '';
}
