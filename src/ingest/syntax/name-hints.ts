// Lexicon knowledge for the tagger: a known proper name ("Xi", "Peru", "Russlands") is PROPN before tagging, a class
// of goods ("Drohnen") or an English noun-only trigger form ("sale") NOUN, a verb-only one ("struck") VERB.

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

/** The tag a lower-case word gets from the triggers it is a form of (German manner words of syntax-cues
 * verbal_marks: ADJ). English: NOUN if only noun triggers have it
 * ("sale", "invasion"; not "attack", "talks", which verb triggers have too), VERB if only verb triggers have it and
 * it is a past form ("struck", "shook"), EITHER if both have it. German (lower case: no noun): VERB for a verb-only
 * form that is no participle ("griff"). The English tagger read "the US arms sale to Taiwan" with "sale" as a verb
 * and "Israeli jets struck targets" with "struck" as a noun; the German one "Scholz griff Merz scharf an" with
 * "griff" as ADJ. */
export function triggerFormTags(
  lex: {
    triggers: readonly TriggerEntry[];
    inseparablePrefixes: readonly string[];
    verbalMarks: { has(norm: string): boolean };
  },
  lang: 'de' | 'en',
): (norm: string) => FormTag {
  const { triggers, inseparablePrefixes, verbalMarks } = lex;
  const cached = FORM_TESTS.get(triggers)?.get(lang);
  if (cached) return cached;
  const mine = triggers.filter((t) => t.lang === lang || t.lang === '*');
  const memo = new Map<string, FormTag>();
  const test = (norm: string) => {
    if (memo.has(norm)) return memo.get(norm);
    const forms = mine.filter((t) => t.re.test(norm));
    let tag: FormTag;
    if (forms.length > 0 && forms.every((t) => t.pos === 'noun')) tag = 'NOUN';
    else if (forms.length > 0 && forms.every((t) => t.pos === 'verb'))
      tag =
        lang === 'en'
          ? presentS(norm, forms)
            ? 'EITHER'
            : isPastForm(norm, forms)
              ? 'VERB'
              : undefined
          : isFiniteGerman(norm, inseparablePrefixes)
            ? 'VERB'
            : undefined;
    else if (forms.some((t) => t.pos === 'noun') && forms.some((t) => t.pos === 'verb')) tag = 'EITHER';
    if (lang === 'de' && tag !== 'VERB') tag = undefined;
    // German adverbial adjectives of manner are ADJ in UD; the GSD tagger read "verurteilte die Angriffe scharf"
    // with "scharf" as the verb of "die Angriffe".
    if (lang === 'de' && verbalMarks.has(norm)) tag = 'ADJ';
    if (memo.size < 50_000) memo.set(norm, tag);
    return tag;
  };
  if (!FORM_TESTS.has(triggers)) FORM_TESTS.set(triggers, new Map());
  FORM_TESTS.get(triggers)!.set(lang, test);
  return test;
}
/** EITHER: a form noun and verb triggers share ("ally", "attack"), or a verb's -s form ("ships"); the words before
 * decide (nameTags). */
export type FormTag = 'NOUN' | 'VERB' | 'ADJ' | 'EITHER' | undefined;

/** A past form ("attacked", "struck"), neither a gerund nor a base that takes -s: "designate", "hit" can be nouns. */
function isPastForm(norm: string, forms: readonly TriggerEntry[]): boolean {
  if (norm.endsWith('ing')) return false;
  if (norm.endsWith('ed')) return true;
  return ![`${norm}s`, `${norm}es`].some((f) => forms.some((t) => t.re.test(f)));
}
/** The -s form of a verb whose base, -ed or -ing form the triggers list too ("ships", "shells", "regrets"): a plural
 * noun as often ("US ships", "artillery shells"), so the words before decide (nameTags). */
function presentS(norm: string, forms: readonly TriggerEntry[]): boolean {
  const bases = norm.endsWith('es')
    ? [norm.slice(0, -1), norm.slice(0, -2)]
    : norm.endsWith('s')
      ? [norm.slice(0, -1)]
      : [];
  const ofBase = (b: string) => [b, `${b}ed`, `${b}ing`].some((f) => forms.some((t) => t.re.test(f)));
  return bases.some((b) => b.length > 1 && ofBase(b));
}
/** A German verb form that is no participle, so never an adjective ("griff", "traf"): no ge- after a particle
 * ("angegriffen"), no inseparable prefix (syntax-cues inseparable_prefixes: "verhängt") and no -ieren stem
 * ("kritisiert"), whose participles have no ge-, no present participle ("angreifend"). */
function isFiniteGerman(norm: string, inseparablePrefixes: readonly string[]): boolean {
  if (inseparablePrefixes.some((p) => norm.startsWith(p))) return false;
  return !/^\p{L}{1,6}ge\p{L}{3,}|iert(e[nmrs]?)?$|end$/u.test(norm);
}
const FORM_TESTS = new WeakMap<readonly TriggerEntry[], Map<string, (norm: string) => FormTag>>();

/** "a staunch ally", "Pakistan's closest ally": an article, possessive determiner or ’s right before, or before one
 * lower-case word, makes a form nouns and verbs share a noun (the tagger read "a staunch ally" as NOUN + ADV). */
function afterDeterminer(sentence: Sentence, i: number, determiners: ReadonlySet<string>): boolean {
  const toks = sentence.tokens;
  // A determiner, or a possessive ’s ("Pakistan's closest ally"), at token k.
  const det = (k: number) =>
    k >= 0 &&
    toks[k]!.kind === 'word' &&
    (determiners.has(toks[k]!.norm) || (toks[k]!.norm === 's' && /^['’]$/u.test(toks[k - 1]?.text ?? '')));
  const before = toks[i - 1];
  if (!before || before.kind !== 'word') return false;
  return det(i - 1) || (!before.cap && det(i - 2));
}

/** 'PROPN' for each word that is a whole capitalised token naming a gazetteer actor, 'NOUN' for one naming a
 * generic class of goods, and for an English lower-case word the tag of its trigger forms (triggerFormTags). */
export function nameTags(
  sentence: Sentence,
  words: readonly SyntaxWord[],
  matcher: Matcher,
  lang: 'de' | 'en',
  formTag?: (norm: string) => FormTag,
  determiners: ReadonlySet<string> = new Set(),
  subjectPronouns: { has(norm: string): boolean } = new Set(),
) {
  return words.map((w) => {
    // One token, or the first part of a clitic split ("Peru" of "Peru's"), written exactly as the word.
    if (w.tokEnd !== w.tokStart + 1 && !w.mwt) return undefined;
    const tok = sentence.tokens[w.tokStart]!;
    if (tok.kind === 'word' && !tok.cap && tok.text === w.form) {
      const tag = formTag?.(tok.norm);
      if (tag !== 'EITHER') return tag;
      if (afterDeterminer(sentence, w.tokStart, determiners)) return 'NOUN';
      // "it regrets", "he attacks", 'said it "regrets"': a subject pronoun right before makes it the verb.
      const quoted = /^["“”„«»]$/u.test(sentence.tokens[w.tokStart - 1]?.text ?? '');
      const before = sentence.tokens[w.tokStart - (quoted ? 2 : 1)];
      return before?.kind === 'word' && subjectPronouns.has(before.norm) ? 'VERB' : undefined;
    }
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
