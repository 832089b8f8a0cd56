// Actor passes: pair phrases ("die beiden Länder", resolved by coreference) and state adjectives that act through an
// actor noun ("iranische Regierung", "American officials", "zwischen dem iranischen und russischen Militär").

import { cueAt } from '../cues.js';
import type { MentionSet, SentState } from '../mention-set.js';

/** Sentence pass: pair phrases become '@pair' placeholders. */
export function pairPhrases(ms: MentionSet, st: SentState): void {
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (st.taken[i]) continue;
    const len = cueAt(toks, i, ms.lex.cues.pairs);
    if (len) {
      const m = ms.addMention(st, i, i + len, '@pair', 'coref', true);
      if (m) i += len - 1;
    }
  }
}

/** Sentence pass: a state adjective or name before an actor noun becomes an actor. */
export function actorNouns(ms: MentionSet, st: SentState): void {
  const { lex, lang } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  const typeOf = (id: string) => ms.typeOf(id);
  for (let i = 0; i < n; i++) {
    const m = ms.at(st, i);
    if (
      !m ||
      m.tokStart !== i ||
      !m.entity ||
      (m.kind !== 'adjective' && m.kind !== 'demonym' && typeOf(m.entity) !== 'Country')
    )
      continue;
    let j = m.tokEnd;
    while (
      j < n &&
      j < m.tokEnd + 2 &&
      !st.taken[j] &&
      toks[j]!.kind === 'word' &&
      !lex.actorNouns.has(toks[j]!.norm) &&
      !toks[j]!.cap &&
      lang === 'en'
    )
      j++;
    const noun = toks[j];
    if (
      noun &&
      lex.actorNouns.has(noun.norm) &&
      !st.taken[j] &&
      (m.kind !== 'adjective' || typeOf(m.entity) === 'Country')
    ) {
      m.actor = typeOf(m.entity) === 'Country';
      continue;
    }
    // Coordinated adjectives: "dem iranischen und russischen Militär".
    const conj = toks[m.tokEnd];
    const m2 = ms.at(st, m.tokEnd + 1);
    if (
      conj &&
      (conj.norm === 'und' || conj.norm === 'and') &&
      m2 &&
      m2.kind === 'adjective' &&
      m2.tokStart === m.tokEnd + 1
    ) {
      const noun2 = toks[m2.tokEnd];
      if (noun2 && lex.actorNouns.has(noun2.norm)) {
        m.actor = typeOf(m.entity) === 'Country';
        m2.actor = typeOf(m2.entity) === 'Country';
      }
    }
  }
}
