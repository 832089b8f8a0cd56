// Argument frames of the relation types: which preposition classes mark the object of each predicate, and which
// predicates take a direct object first or a state adjective as target.

import type { Predicate } from '../../model.js';
import type { TriggerEntry } from '../lexicon.js';

const OBJ_MARKERS: Record<Predicate, string[]> = {
  SUPPLIES: ['to'],
  SUPPORTS: ['for'],
  ATTACKS: ['against', 'on'],
  SANCTIONS: ['against', 'on'],
  CRITICIZES: ['against'],
  THREATENS: ['against'],
  INVITES: [],
  MEETS: ['with'],
  COOPERATES_WITH: ['with'],
  ALLIED_WITH: ['with'],
  SIGNS_AGREEMENT: ['with'],
  MEMBER_OF: ['to', 'in', 'of', 'at', 'with'],
  HEAD_OF_STATE: [],
  HEAD_OF_GOVERNMENT: [],
  OFFICIAL_OF: [],
  AFFILIATED_WITH: [],
  LOCATED_IN: [],
  CITIZEN_OF: [],
};

/** Transitive stances and acts: the direct object comes before any prepositional one ("accused Beijing of …"). */
export const DIRECT_FIRST = new Set<Predicate>([
  'CRITICIZES',
  'THREATENS',
  'SANCTIONS',
  'ATTACKS',
  'INVITES',
  'SUPPORTS',
]);
/** Acts whose target can be a state adjective ("kritisierte die israelischen Angriffe"). */
export const ADJ_TARGET = new Set<Predicate>(['CRITICIZES', 'ATTACKS', 'SANCTIONS', 'THREATENS']);

/** Object markers of a trigger: its predicate's plus the trigger's own (triggers.json objPreps). */
export function objMarkersOf(e: TriggerEntry): string[] {
  return e.objPreps ? [...OBJ_MARKERS[e.p], ...e.objPreps] : OBJ_MARKERS[e.p];
}
