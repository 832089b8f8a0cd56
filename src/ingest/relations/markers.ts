// Argument markers: the preposition (class) in front of a mention, coordination with the mention before it,
// clause segments and clause starts — what the rules use in place of a parse until the parse stage arrives.

import type { Mention, Token } from '../types.js';
import type { MarkerInfo, SentenceContext } from './context.js';

const SEGMENT_BREAK = new Set([';', '–', '—', '(', ')']);

export function segmentIds(toks: Token[]): number[] {
  const ids: number[] = [];
  let s = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "(AES)", "(SOZ)": a parenthesised short name stays in its clause; longer asides are segments of their own.
    if (t.text === '(' && toks[i + 2]?.text === ')') {
      ids.push(s, s, s);
      i += 2;
      continue;
    }
    if (t.text === ',' || SEGMENT_BREAK.has(t.text)) s++;
    ids.push(s);
  }
  return ids;
}

const NONE: Readonly<MarkerInfo> = { marker: 'none', norm: '' };

/** The marker of a mention: the nearest preposition before it, skipping articles, role nouns and adjectives. */
export function markerOf(s: SentenceContext, m: Mention): MarkerInfo {
  const { toks, lex, lang, roleTok, mentionAt } = s;
  let j = m.tokStart - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 5) {
    const t = toks[j]!;
    if (roleTok.has(j)) {
      // "mit dem russischen Ministerpräsidenten Michail Mischustin": the role noun belongs to the name.
      j--;
      skipped++;
      continue;
    }
    const other = mentionAt(j);
    if (other && other !== m && other.tokStart < m.tokStart) {
      // "vom Iran unterstützten Huthi": skip the embedded agent phrase.
      const before = toks[other.tokStart - 1];
      if (before && /^(vom|von|by)$/u.test(before.norm) && skipped > 0) {
        j = other.tokStart - 2;
        skipped++;
        continue;
      }
      if (other.kind === 'adjective' && !other.actor) {
        j = other.tokStart - 1;
        skipped++;
        continue;
      }
      return { ...NONE };
    }
    if (t.text === ',' && skipped === 0) {
      // Lists: "The US, Russia, and Switzerland met" — a comma right after another actor coordinates.
      const prev = mentionAt(j - 1);
      if (prev && prev.actor && prev.tokEnd === j) {
        const pm = markerOf(s, prev);
        return { marker: pm.marker, norm: pm.norm, conjOf: pm.conjOf ?? prev };
      }
      return { ...NONE };
    }
    if (t.kind === 'word' && lex.prepositions.has(t.norm)) {
      const cls = lex.prepositions.get(t.norm)!;
      if (cls === 'and') {
        const prev = mentionAt(j - 1) ?? (toks[j - 1]?.text === ',' ? mentionAt(j - 2) : undefined);
        if (prev && prev.actor) {
          const pm = markerOf(s, prev);
          return { marker: pm.marker, norm: pm.norm, conjOf: pm.conjOf ?? prev };
        }
        return { ...NONE };
      }
      return { marker: cls, norm: t.norm };
    }
    if (
      t.kind === 'word' &&
      (lex.articles.has(t.norm) ||
        (!t.cap && skipped < 3 && !lex.passiveAux.has(t.norm) && lang === 'de') ||
        t.kind !== 'word')
    ) {
      j--;
      skipped++;
      continue;
    }
    if (t.text === '„' || t.text === '“' || t.text === '"') {
      j--;
      continue;
    }
    return { ...NONE };
  }
  return { ...NONE };
}

/** The preposition class in front of an adjective mention ("gegen iranische Unternehmen" → against). */
export function markerBeforeAdjective(s: SentenceContext, m: Mention): string {
  const { toks, lex } = s;
  let j = m.tokStart - 1;
  while (j >= 0 && lex.articles.has(toks[j]!.norm)) j--;
  const p = toks[j];
  return p && lex.prepositions.has(p.norm) ? lex.prepositions.get(p.norm)! : 'none';
}

/** Whether a mention opens a clause (English subjects do): punctuation, a conjunction or a clause-taking verb before it. */
export function clauseStart(s: SentenceContext, m: Mention): boolean {
  const { toks, lex, roleTok, mentionAt } = s;
  let j = m.tokStart - 1;
  while (
    j >= 0 &&
    (lex.articles.has(toks[j]!.norm) ||
      roleTok.has(j) ||
      mentionAt(j)?.kind === 'adjective' ||
      (toks[j]!.kind === 'word' && /^(also|then|now|later|meanwhile|already)$/u.test(toks[j]!.norm)))
  )
    j--;
  if (j < 0) return true;
  const p = toks[j]!;
  return p.kind === 'punct' || lex.clauseOpeners.has(p.norm);
}
