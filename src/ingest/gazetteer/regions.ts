// Places named by a German compass compound of a state's name ("im Nordirak", "der Ostukraine"): the parts of a
// state German news names most, built from each state's one-word names rather than listed one by one.

import type { CompassRegion } from '../lexicon.js';
import { slugify } from '../../slugify.js';

export interface RegionState {
  id: string;
  /** Canonical English name ("Iraq"). */
  name: string;
  /** The state's English and German names from countries.tsv (German compounds take either: "Nordisrael"). */
  en: readonly string[];
  de: readonly string[];
}

export interface RegionPlace {
  id: string;
  name: string;
  state: string;
  forms: Array<{ form: string; lang: 'de' }>;
}

const ONE_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

/** The compass places of each state: "Nordirak", "Nord-Irak" and the genitive "Nordiraks" from its one-word name.
 * Forms in `exceptions` name something else (Nordamerika, Westindien) and are left out. English "northern Iraq" is
 * left to the state's own name: the English rules read an act "in" a state as aimed at it ("Russia's offensive in
 * eastern Ukraine"), and as a place of its own it lost such relations on the development texts. */
export function compassPlaces(
  states: readonly RegionState[],
  regions: readonly CompassRegion[],
  exceptions: ReadonlySet<string>,
): RegionPlace[] {
  const out: RegionPlace[] = [];
  for (const s of states) {
    // One base per state: its German name where that is one word ("Irak"), else its English name ("Israel").
    const n = [...s.de, s.name].find((x) => ONE_WORD.test(x));
    if (!n) continue;
    for (const r of regions) {
      const forms: RegionPlace['forms'] = [];
      for (const p of r.de) {
        const compound = `${p}${n.toLowerCase()}`;
        if (exceptions.has(compound)) continue;
        forms.push({ form: compound, lang: 'de' });
        // "Nord-Irak" is written for the four main directions only ("Nordostsyrien" is one word).
        if (p.length <= 4) forms.push({ form: `${p}-${n}`, lang: 'de' });
        // "des Nordiraks"; feminine names ("der Ostukraine") and sibilants take no -s.
        if (!/[esßxz]$/u.test(compound)) forms.push({ form: `${compound}s`, lang: 'de' });
      }
      const name = `${r.name} ${s.name}`;
      const kept = forms.filter((f) => !exceptions.has(f.form));
      if (kept.length) out.push({ id: `loc:${slugify(name)}`, name, state: s.id, forms: kept });
    }
  }
  return out;
}
