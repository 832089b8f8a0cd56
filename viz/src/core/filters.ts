// Filters of the viewer (relation type, entity type, modality, date range) and the pure predicates that
// apply them; kept apart from any view so the URL, the graph and the tests share one definition.

import type { EntityType, Modality, Predicate } from '../../../src/model.js';
import type { StoredRelation } from '../../../src/store/types.js';

export interface Filters {
  hiddenPredicates: Predicate[];
  hiddenTypes: EntityType[];
  hiddenModalities: Modality[];
  /** ISO date prefixes (YYYY, YYYY-MM or YYYY-MM-DD); undated relations always pass. */
  dateFrom?: string;
  dateTo?: string;
}

export const EMPTY_FILTERS: Readonly<Filters> = Object.freeze({
  hiddenPredicates: [],
  hiddenTypes: [],
  hiddenModalities: [],
});

export function relationPasses(rel: StoredRelation, filters: Filters): boolean {
  if (filters.hiddenPredicates.includes(rel.predicate)) return false;
  if (filters.hiddenModalities.length && rel.modalities.length) {
    if (rel.modalities.every((m) => filters.hiddenModalities.includes(m))) return false;
  }
  const first = rel.firstSeen ?? rel.time?.[0];
  const last = rel.lastSeen ?? rel.time?.[rel.time.length - 1] ?? first;
  // Compare as string prefixes so '2024' admits '2024-05-02' at both ends of the range.
  if (filters.dateFrom && last && last.slice(0, filters.dateFrom.length) < filters.dateFrom) return false;
  if (filters.dateTo && first && first.slice(0, filters.dateTo.length) > filters.dateTo) return false;
  return true;
}

/** Provenance kinds of a Cypher answer (Claim, Document…) have no filter: they always pass. */
export function typePasses(type: string, filters: Filters): boolean {
  return !(filters.hiddenTypes as readonly string[]).includes(type);
}

/** Only alleged/denied claims are drawn faded: the analyst should see them, but not mistake them for facts. */
export function isUncertain(rel: StoredRelation): boolean {
  return rel.modalities.length > 0 && rel.modalities.every((m) => m === 'alleged' || m === 'denied');
}

export function toggle<T>(list: readonly T[], value: T, hidden: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return hidden ? [...without, value] : without;
}
