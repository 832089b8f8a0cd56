// Triggers: the lexicon entries a token can fire (cached per lexicon and language), their side conditions
// (items, particles, modifiers, sentence words), and negation right before them.

import type { Lexicon, TriggerEntry } from '../lexicon.js';
import type { Token } from '../types.js';

/** Noun compounds whose head is not the event: "war crimes", "attack helicopters", "supply ships". */
export const NOT_EVENT_HEAD =
  /^(crimes?|criminals?|games?|room|zone|chest|footing|correspondent|helicopters?|planes?|aircraft|ships?|vessels?|drones?|dogs?|veterans?|memorial|museum|agenda|budget|powers?)$/u;

/**
 * Predicates whose verb never lends its subject to an event noun below it as the noun's agent: the critic, supplier
 * or supporter did not do what the noun names ("verurteilte die Angriffe Israels", "lieferte Raketen für den Krieg
 * gegen die Ukraine", "backed the strikes"). Signing a pact or threatening strikes are the subject's own acts.
 */
export const NON_AGENT_GOVERNORS: ReadonlySet<string> = new Set(['CRITICIZES', 'SUPPLIES', 'SUPPORTS', 'MEETS']);

const caches = new WeakMap<Lexicon, Map<string, Map<string, TriggerEntry[]>>>();

/** The trigger lookup for one document's language: token norm → entries it fires (memoised across documents). */
export function triggerLookup(lex: Lexicon, lang: string): (norm: string) => TriggerEntry[] {
  let byLex = caches.get(lex);
  if (!byLex) caches.set(lex, (byLex = new Map()));
  let byLang = byLex.get(lang);
  if (!byLang) byLex.set(lang, (byLang = new Map()));
  const memo = byLang;
  return (norm) => {
    let hit = memo.get(norm);
    if (!hit) {
      hit = lex.triggers.filter(
        (t) => !t.parseOnly && (t.lang === '*' || t.lang === lang || lang === 'und') && t.re.test(norm),
      );
      if (memo.size > 200_000) memo.clear();
      memo.set(norm, hit);
    }
    return hit;
  };
}

export function checkTrigger(e: TriggerEntry, toks: Token[], t: number, lower: string, hasItem: boolean): boolean {
  const norm = toks[t]!.norm;
  if (e.needsItem && !hasItem) return false;
  if (e.needsItemIf && e.needsItemIf.test(norm) && !hasItem) return false;
  if (e.needs && !e.needs.test(lower)) return false;
  if (e.notAfter && t > 0 && e.notAfter.test(toks[t - 1]!.norm)) return false;
  if (e.needsIf) for (const [pre, re] of e.needsIf) if (norm.startsWith(pre) && !re.test(lower)) return false;
  if (e.particleIf) {
    for (const [pre, particle] of e.particleIf) {
      if (!norm.startsWith(pre)) continue;
      const later = toks.slice(t + 1, e.lang === 'en' ? t + 4 : toks.length);
      if (!later.some((x) => x.norm === particle)) return false;
    }
  }
  if (e.needsMod) {
    const before = toks.slice(Math.max(0, t - 3), t);
    if (!before.some((x) => e.needsMod!.test(x.norm)) && !/(allzeithoch|all-time high)/u.test(lower)) return false;
  }
  return true;
}

/** A negation within three tokens before the trigger ("nicht", "never", "didn't"). */
export function negated(lex: Lexicon, toks: Token[], t: number): boolean {
  for (let k = Math.max(0, t - 3); k < t; k++) {
    const x = toks[k]!;
    if (lex.negations.has(x.norm)) return true;
    if (x.norm === 't' && (toks[k - 1]?.text === '’' || toks[k - 1]?.text === "'")) return true;
  }
  return false;
}
