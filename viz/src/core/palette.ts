// Colours of entity types and relation types, shared by the graph, the legend and exports.
// Categorical palettes chosen to stay distinguishable on white; conflict relations get warm colours.

import { ENTITY_TYPES, PREDICATES, type EntityType, type Predicate } from '../../../src/model.js';

export const ENTITY_COLORS: Record<EntityType, string> = {
  Country: '#4e79a7',
  Person: '#f28e2b',
  Organization: '#59a14f',
  ArmedGroup: '#e15759',
  Location: '#76b7b2',
  Item: '#b07aa1',
};

export const PREDICATE_COLORS: Record<Predicate, string> = {
  HEAD_OF_STATE: '#9c755f',
  HEAD_OF_GOVERNMENT: '#8c6d31',
  OFFICIAL_OF: '#bab0ac',
  AFFILIATED_WITH: '#a0a0c0',
  MEMBER_OF: '#6b6ecf',
  LOCATED_IN: '#c7c7c7',
  CITIZEN_OF: '#b5cf6b',
  MEETS: '#17becf',
  COOPERATES_WITH: '#2ca02c',
  ALLIED_WITH: '#1f77b4',
  SIGNS_AGREEMENT: '#393b79',
  SUPPLIES: '#ff7f0e',
  SUPPORTS: '#8ca252',
  INVITES: '#7fb3d5',
  CRITICIZES: '#e7969c',
  THREATENS: '#d6616b',
  SANCTIONS: '#843c39',
  ATTACKS: '#d62728',
};

export const FALLBACK_COLOR = '#999999';

export function entityColor(type: string): string {
  return (ENTITY_COLORS as Record<string, string>)[type] ?? FALLBACK_COLOR;
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
