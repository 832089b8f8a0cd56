// Colours of entity types and relation types, shared by the graph, the legend and exports.
// Colour-blind-safe palettes: entity types (Okabe–Ito), relation families (conflict warm, cooperation cool).

import { ENTITY_TYPES, PREDICATES, type EntityType, type Predicate } from '../../../src/model.js';

// Okabe–Ito: distinguishable under the common colour-vision deficiencies.
export const ENTITY_COLORS: Record<EntityType, string> = {
  Country: '#0072b2',
  Person: '#e69f00',
  Organization: '#009e73',
  ArmedGroup: '#d55e00',
  Location: '#56b4e9',
  Item: '#cc79a7',
};

/** Provenance nodes of a Cypher answer, in colours no entity type uses: Okabe–Ito's yellow, greys and black. */
export const KIND_COLORS: Record<'Claim' | 'Sentence' | 'Document' | 'Node', string> = {
  Claim: '#f0e442',
  Sentence: '#9a9a9a',
  Document: '#222222',
  Node: '#cccccc',
};

export type PredicateFamily = 'conflict' | 'cooperation' | 'supply' | 'structural';

/**
 * Relation colours come in families an analyst reads at a glance: conflict warm (ColorBrewer RdBu's reds),
 * cooperation cool (its blues and teals), supply purple, structure greys. Within a family lightness tells the
 * types apart, and arrows (directed) versus plain lines (symmetric) tell them apart without colour.
 */
export const PREDICATE_COLORS: Record<Predicate, string> = {
  HEAD_OF_STATE: '#636363',
  HEAD_OF_GOVERNMENT: '#7a7a7a',
  OFFICIAL_OF: '#969696',
  AFFILIATED_WITH: '#adadad',
  MEMBER_OF: '#8c6d59',
  LOCATED_IN: '#c4c4c4',
  CITIZEN_OF: '#b8b8b8',
  MEETS: '#92c5de',
  COOPERATES_WITH: '#2166ac',
  ALLIED_WITH: '#053061',
  SIGNS_AGREEMENT: '#4393c3',
  SUPPLIES: '#762a83',
  SUPPORTS: '#35978f',
  INVITES: '#80cdc1',
  CRITICIZES: '#f4a582',
  THREATENS: '#d6604d',
  SANCTIONS: '#e08214',
  ATTACKS: '#b2182b',
};

export const PREDICATE_FAMILIES: Record<Predicate, PredicateFamily> = {
  HEAD_OF_STATE: 'structural',
  HEAD_OF_GOVERNMENT: 'structural',
  OFFICIAL_OF: 'structural',
  AFFILIATED_WITH: 'structural',
  MEMBER_OF: 'structural',
  LOCATED_IN: 'structural',
  CITIZEN_OF: 'structural',
  MEETS: 'cooperation',
  COOPERATES_WITH: 'cooperation',
  ALLIED_WITH: 'cooperation',
  SIGNS_AGREEMENT: 'cooperation',
  SUPPORTS: 'cooperation',
  INVITES: 'cooperation',
  SUPPLIES: 'supply',
  CRITICIZES: 'conflict',
  THREATENS: 'conflict',
  SANCTIONS: 'conflict',
  ATTACKS: 'conflict',
};

/** Community colours (Louvain): Okabe–Ito first, then Paul Tol's muted set; beyond, communities share grey. */
export const COMMUNITY_COLORS: readonly string[] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#d55e00',
  '#cc79a7',
  '#56b4e9',
  '#f0e442',
  '#332288',
  '#882255',
  '#44aa99',
  '#999933',
  '#aa4499',
];

export function communityColor(rank: number): string {
  return COMMUNITY_COLORS[rank] ?? '#bbbbbb';
}

export const FALLBACK_COLOR = '#999999';

export function entityColor(type: string): string {
  return (
    (ENTITY_COLORS as Record<string, string>)[type] ?? (KIND_COLORS as Record<string, string>)[type] ?? FALLBACK_COLOR
  );
}

export function predicateColor(predicate: string): string {
  return (PREDICATE_COLORS as Record<string, string>)[predicate] ?? FALLBACK_COLOR;
}

/** '#rrggbb' + alpha → 'rgba(…)', which sigma's WebGL programs understand. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

export { ENTITY_TYPES, PREDICATES };
