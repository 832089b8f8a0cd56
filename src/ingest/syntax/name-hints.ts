// Lexicon knowledge for the tagger: a known proper name ("Xi", "Peru", "Russlands") is PROPN before tagging, a class
// of goods ("Drohnen") or an English noun-only trigger form ("sale") NOUN, so the taggers cannot mislead the parse.

import type { Matcher } from '../entities/matcher.js';
import type { TriggerEntry } from '../lexicon.js';
import type { Sentence, SyntaxWord } from '../types.js';

/** Gazetteer form kinds that are names of their own, not adjectives or demonyms. Capitals and seats used as
 * metonyms ("Beijing", "Kreml", "Pentagon") are names too: the English tagger read "Beijing lodged …" as AUX. */
const NAME_KINDS = new Set(['name', 'alias', 'abbrev', 'surname', 'metonym']);
/** German inflection a name may carry ("Russlands", "des Irans"); the entity matcher tolerates the same. */
const DE_NAME_ENDINGS = ['s', 'es', 'ns'];

function isName(matcher: Matcher, norm: string): boolean {
  const node = matcher.index.root.next.get(norm);
  return (
    !!node &&
    node.forms.some(
      (fe) =>
        NAME_KINDS.has(fe.kind) &&
        !fe.amb &&
        fe.norms.length === 1 &&
        (matcher.entries.get(fe.id)?.type ?? 'Item') !== 'Item',
    )
  );
}

/** A form of a generic class of goods ("Drohnen", "Raketen"; not a named system such as "Taurus"): a common noun.
 * After a name the German tagger read "Russland Drohnen" as one name (PROPN + flat). */
function isGoodsNoun(matcher: Matcher, norm: string): boolean {
  const node = matcher.index.root.next.get(norm);
  return (
    !!node &&
    node.forms.length > 0 &&
    node.forms.every((fe) => {
      const e = matcher.entries.get(fe.id);
      return fe.norms.length === 1 && e?.type === 'Item' && !e.broader;
    })
  );
}

/** Is a lower-case English word a form only noun triggers have ("sale", "invasion"; not "attack", "talks", which
 * verb triggers have too)? The English tagger read "the US arms sale to Taiwan" with "sale" as a verb. */
export function nounTriggerForms(triggers: readonly TriggerEntry[], lang: 'de' | 'en'): (norm: string) => boolean {
  const cached = FORM_TESTS.get(triggers)?.get(lang);
  if (cached) return cached;
  const mine = triggers.filter((t) => t.lang === lang || t.lang === '*');
  const memo = new Map<string, boolean>();
  const test = (norm: string) => {
    let hit = memo.get(norm);
    if (hit === undefined) {
      const forms = mine.filter((t) => t.re.test(norm));
      hit = forms.length > 0 && forms.every((t) => t.pos === 'noun');
      if (memo.size < 50_000) memo.set(norm, hit);
    }
    return hit;
  };
  if (!FORM_TESTS.has(triggers)) FORM_TESTS.set(triggers, new Map());
  FORM_TESTS.get(triggers)!.set(lang, test);
  return test;
}
const FORM_TESTS = new WeakMap<readonly TriggerEntry[], Map<string, (norm: string) => boolean>>();

/** 'PROPN' for each word that is a whole capitalised token naming a gazetteer actor, 'NOUN' for one naming a
 * generic class of goods or (English, lower case) a form only noun triggers have, else undefined. */
export function nameTags(
  sentence: Sentence,
  words: readonly SyntaxWord[],
  matcher: Matcher,
  lang: 'de' | 'en',
  nounForm?: (norm: string) => boolean,
) {
  return words.map((w) => {
    // One token, or the first part of a clitic split ("Peru" of "Peru's"), written exactly as the word.
    if (w.tokEnd !== w.tokStart + 1 && !w.mwt) return undefined;
    const tok = sentence.tokens[w.tokStart]!;
    if (tok.kind === 'word' && !tok.cap && lang === 'en' && tok.text === w.form && nounForm?.(tok.norm)) return 'NOUN';
    if (tok.kind !== 'word' || !tok.cap || tok.text !== w.form) return undefined;
    if (isName(matcher, tok.norm)) return 'PROPN';
    if (isGoodsNoun(matcher, tok.norm)) return 'NOUN';
    if (lang === 'de')
      for (const e of DE_NAME_ENDINGS)
        if (tok.norm.length > e.length + 2 && tok.norm.endsWith(e) && isName(matcher, tok.norm.slice(0, -e.length)))
          return 'PROPN';
    return undefined;
  });
}
