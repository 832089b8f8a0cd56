// German adjective declension for gazetteer names: "Internationaler Strafgerichtshof" is also "Internationale" and
// "Internationalen Strafgerichtshof", after an article or in another case; the endings and stems are grammar.json's.

import { GERMAN_ADJECTIVE_ENDINGS, GERMAN_ADJECTIVE_STEM } from '../lexicon.js';

/** German adjective stem → all strong/weak/mixed inflections: russisch → russisch, russische, russischen … */
export function inflectGermanAdjective(stem: string, endings: readonly string[] = GERMAN_ADJECTIVE_ENDINGS): string[] {
  return ['', ...endings].map((e) => stem + e);
}

/** The other declined forms of a name whose leading words are adjectives with one ending ("Vereinigte Arabische
 * Emirate" → "Vereinigten Arabischen Emirate", …); none when the name does not start with an adjective. Only the
 * adjectives change: a noun's own case ending ("Strafgerichtshofs") is written in the data where it is used. */
export function declined(
  form: string,
  endings: readonly string[] = GERMAN_ADJECTIVE_ENDINGS,
  stem: RegExp = GERMAN_ADJECTIVE_STEM,
): string[] {
  const words = form.split(' ');
  if (words.length < 2) return [];
  // "Internationalen" ends in -en, not in -e followed by n.
  const longestFirst = [...endings].sort((a, b) => b.length - a.length);
  let ending: string | undefined;
  let run = 0;
  for (; run < words.length - 1; run++) {
    const w = words[run]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w)) break;
    const e = longestFirst.find((x) => w.endsWith(x) && stem.test(w.slice(0, -x.length)) && w.length - x.length >= 3);
    if (!e || (ending !== undefined && e !== ending)) break;
    ending = e;
  }
  if (!run || ending === undefined) return [];
  const stems = words.slice(0, run).map((w) => w.slice(0, -ending!.length));
  const rest = words.slice(run).join(' ');
  return endings.filter((e) => e !== ending).map((e) => `${stems.map((s) => s + e).join(' ')} ${rest}`);
}
