// Lookup tables the entity passes derive from the lexicon (stopword union, role-suffix test, item heads), built once
// per lexicon and kept beside it, so no pass rebuilds them per document.

import type { Lexicon } from '../lexicon.js';

export interface EntityTables {
  stopAll: Set<string>;
  hasRoleSuffix: (norm: string) => boolean;
  /** First words of multi-word item patterns ("cruise missiles", "fighter jets"): only these start a two-token lookup. */
  itemBigramHeads: Set<string>;
  itemCache: Map<string, { id: string; name: string } | null>;
}

const cache = new WeakMap<Lexicon, EntityTables>();

export function entityTables(lex: Lexicon): EntityTables {
  let t = cache.get(lex);
  if (!t) cache.set(lex, (t = build(lex)));
  return t;
}

function build(lex: Lexicon): EntityTables {
  const suffixes = lex.roleDeSuffixes;
  const re = new RegExp(`(?:${suffixes.map(([s]) => s).join('|')})$`, 'u');
  // The suffixes are plain words: endsWith over the list answers like the regex without trying it at every offset.
  const literal = suffixes.every(([s]) => !/[\\^$.*+?()[\]{}|]/u.test(s));
  const hasRoleSuffix = literal
    ? (norm: string) => {
        for (const [s] of suffixes) if (norm.endsWith(s)) return true;
        return false;
      }
    : (norm: string) => re.test(norm);
  return {
    stopAll: new Set([...lex.stopwords.de, ...lex.stopwords.en]),
    hasRoleSuffix,
    itemBigramHeads: new Set(
      lex.items
        .flatMap((it) => it.re.source.replace(/^\^\(\?:|\)\$$/g, '').split('|'))
        .filter((alt) => alt.includes(' '))
        .map((alt) => alt.split(' ')[0]!.replace(/[^\p{L}-]/gu, '')),
    ),
    itemCache: new Map(),
  };
}
