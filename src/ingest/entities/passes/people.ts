// People passes: unknown persons recognised from cues — a name after a role noun, a title ("Mr.", "Dr."), a speech
// verb ("said Martin Indyk", "Eric Reeves, one of …, said"), or a state adjective and noun ("der russische Waffenhändler Viktor Bout").

import { slugify } from '../../../slugify.js';
import { ABBR_TOKEN, surfaceOf, type MentionSet, type SentState } from '../mention-set.js';
import { complementEnd } from './roles.js';

/** Sentence pass: the name right after each role span ("Präsident Wladimir Putin", "spokesman, John Kirby"). */
export function peopleAfterRoles(ms: MentionSet, st: SentState): void {
  const toks = st.sent.tokens;
  for (const span of ms.roleSpans[st.sent.index]!) {
    let j = span.b;
    // German only when a comma or the sentence end closes the name ("Perus Außenminister, Elmer Schialer, sagte").
    const comma = toks[j]?.text === ',';
    if (comma) j++;
    if (comma && ms.lang !== 'en') {
      const b = toks[j] && !st.taken[j] ? nameSpan(ms, st, j, 2) : j;
      if (b > j && (!toks[b] || toks[b]!.text === ',' || toks[b]!.text === '.')) ms.addPerson(st, j, b);
    } else if (toks[j] && !st.taken[j]) {
      const b = nameSpan(ms, st, j, 2);
      if (b > j) ms.addPerson(st, j, b);
      else apposedAfterComplement(ms, st, span.b);
    } else apposedAfterGenitive(ms, st, j);
  }
}

/** "Der Außenminister Perus, Walter Astudillo, sagte": the name after the comma that closes a genitive state right
 * after the role holds the role, when a comma or the sentence end closes the name too. */
function apposedAfterGenitive(ms: MentionSet, st: SentState, from: number): void {
  const toks = st.sent.tokens;
  const g = ms.at(st, from);
  if (!g || !g.poss || g.tokStart !== from || ms.typeOf(g.entity) !== 'Country') return;
  const j = g.tokEnd + 1;
  if (toks[g.tokEnd]?.text !== ',' || !toks[j] || st.taken[j]) return;
  const b = nameSpan(ms, st, j, 2);
  const after = toks[b];
  if (b > j && (!after || after.text === ',' || after.text === '.')) ms.addPerson(st, j, b);
}

/** "Brazil's ambassador to the United Nations, Ana Ruiz, said": the name after the comma that closes the role's
 * complement holds the role, when a comma or the sentence end closes the name too (an apposition, not a list). */
function apposedAfterComplement(ms: MentionSet, st: SentState, from: number): void {
  const toks = st.sent.tokens;
  if (!ms.lex.roleComplements.has(toks[from]?.norm ?? '')) return;
  const c = complementEnd(ms, toks, from, (k) => !!st.taken[k]);
  const j = c + 1;
  if (c < 0 || !toks[j] || st.taken[j]) return;
  const b = nameSpan(ms, st, j, 2);
  const after = toks[b];
  if (b > j && (!after || after.text === ',' || after.text === '.')) ms.addPerson(st, j, b);
}

/** Sentence pass: titles, speech verbs before or after a name, and appositions with a role. */
export function peopleByCues(ms: MentionSet, st: SentState): void {
  const { lex } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  const sentHasSpeech = toks.some((x) => lex.speechVerbs.has(x.norm));
  for (let i = 0; i < n; i++) {
    if (st.taken[i]) continue;
    const t = toks[i]!;
    // Mr. Reeves, Dr. X
    if (lex.personTitles.has(t.norm) && toks[i + 1]?.text === '.' && toks[i + 2] && !st.taken[i + 2]) {
      const b = nameSpan(ms, st, i + 2, 1);
      if (b > i + 2) {
        const surname = surfaceOf(ms.text, toks, i + 2, b);
        const known = ms.docForms.hasFirst(slugify(surname).replace(/-/g, ' ').split(' ')[0]!);
        if (!known) ms.addPerson(st, i + 2, b);
      }
      continue;
    }
    // "said Martin Indyk", "sagte Aniseh Bassiri Tabrizi"
    if (t.kind === 'word' && lex.speechVerbs.has(t.norm) && toks[i + 1] && !st.taken[i + 1]) {
      const b = nameSpan(ms, st, i + 1, 2);
      if (b > i + 1 && (b === n || toks[b]!.kind === 'punct')) ms.addPerson(st, i + 1, b);
      continue;
    }
    // "Martin Indyk said", "Eric Reeves, one of …, said", "Viktor Bout, der russische Waffenhändler"
    if (
      t.cap &&
      t.kind === 'word' &&
      (i === 0 || toks[i - 1]!.kind === 'punct' || lex.articles.has(toks[i - 1]!.norm) === false)
    ) {
      const b = nameSpan(ms, st, i, 2);
      if (b > i && b - i <= 4) {
        const next = toks[b];
        const after = toks[b + 1];
        const apposRole =
          next?.text === ',' &&
          after &&
          (lex.articles.has(after.norm) ||
            after.norm === 'one' ||
            lex.roleIndex.has(after.norm) ||
            /^(leitende[rn]?|senior|former|ehemalige[rn]?)$/u.test(after.norm) ||
            possessedRole(ms, toks, b + 1) ||
            genitiveRole(ms, st, b + 1));
        if (
          (next && lex.speechVerbs.has(next.norm)) ||
          (apposRole && (sentHasSpeech || i === 0 || toks[i - 1]!.kind === 'punct'))
        ) {
          ms.addPerson(st, i, b);
          i = b - 1;
        }
      }
    }
  }
}

/** "Kwame Osei, Ghana's defence minister,", "…, Peru's deputy foreign minister,": a capitalised possessor with ’s and
 * a role word after it, after at most two lower-case modifiers ("deputy", "top"). */
function possessedRole(ms: MentionSet, toks: SentState['sent']['tokens'], k: number): boolean {
  if (!toks[k]?.cap || !/^['’]$/u.test(toks[k + 1]?.text ?? '') || toks[k + 2]?.norm !== 's') return false;
  for (let j = k + 3; j <= k + 5; j++) {
    const t = toks[j];
    if (!t || t.kind !== 'word') return false;
    if (ms.lex.roleIndex.has(t.norm)) return true;
    if (t.cap) return false;
  }
  return false;
}

/** "Walter Astudillo, Perus Verteidigungsminister,": a state's genitive with a role span right after it. */
function genitiveRole(ms: MentionSet, st: SentState, k: number): boolean {
  const g = ms.at(st, k);
  return !!g && !!g.poss && g.tokStart === k && ms.roleSpans[st.sent.index]!.some((r) => r.a === g.tokEnd);
}

/** Sentence pass: state adjective + noun + name ("der russische Waffenhändler Viktor Bout", "American basketball star Brittney Griner"). */
export function peopleAfterAdjectiveNoun(ms: MentionSet, st: SentState): void {
  const { lex, lang } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const m = ms.at(st, i);
    if (!m || m.kind !== 'adjective' || m.tokStart !== i) continue;
    let j = m.tokEnd;
    let skipped = 0;
    while (
      j < n &&
      skipped < 2 &&
      toks[j]!.kind === 'word' &&
      !st.taken[j] &&
      (lang === 'de' ? skipped === 0 && toks[j]!.cap : !toks[j]!.cap)
    ) {
      if (lex.roleIndex.has(toks[j]!.norm) || lex.actorNouns.has(toks[j]!.norm)) break;
      j++;
      skipped++;
      // "Info-Kanal": the parts of a hyphenated noun are one noun, not a noun and a name.
      while (j < n && toks[j]!.hyphen && toks[j]!.kind === 'word' && !st.taken[j]) j++;
    }
    if (!skipped || j >= n || st.taken[j]) continue;
    const b = nameSpan(ms, st, j, 2);
    if (b > j && (b === n || !toks[b]!.cap)) ms.addPerson(st, j, b);
  }
}

/** End of a personal name starting at i (capitalised words, initials, particles), or i when under `min` words. */
function nameSpan(ms: MentionSet, st: SentState, i: number, min = 2): number {
  const { lex } = ms;
  const toks = st.sent.tokens;
  let j = i;
  let count = 0;
  while (j < toks.length && j - i < 6) {
    const t = toks[j]!;
    if (st.taken[j]) break;
    if (
      t.kind === 'word' &&
      count > 0 &&
      t.text.length === 1 &&
      t.cap &&
      toks[j + 1]?.text === '.' &&
      toks[j + 1]!.glued &&
      toks[j + 2]?.cap
    ) {
      j += 2;
      continue;
    }
    if (
      t.kind === 'word' &&
      t.cap &&
      !lex.neverNames.has(t.norm) &&
      !lex.roleIndex.has(t.norm) &&
      !lex.actorNouns.has(t.norm)
    ) {
      if (ABBR_TOKEN.test(t.text) && count === 0) break;
      if (count > 0 && !t.hyphen && t.glued) break;
      j++;
      count++;
      continue;
    }
    if (t.kind === 'word' && isParticle(ms, toks[j - 1]?.norm, t.norm) && count > 0 && toks[j + 1]?.cap) {
      j++;
      continue;
    }
    if (
      t.kind === 'word' &&
      count > 0 &&
      t.text.length === 1 &&
      t.cap &&
      toks[j + 1]?.text === '.' &&
      toks[j + 1]!.glued
    ) {
      j += 2;
      continue;
    }
    if (ABBR_TOKEN.test(t.text) && count > 0 && toks[j + 1]?.cap) {
      j++;
      continue;
    }
    break;
  }
  return count >= min ? j : i;
}

/** "bin", "van"; "der" only inside a particle run ("von der"), never as the article after a name. */
function isParticle(ms: MentionSet, prev: string | undefined, norm: string): boolean {
  const { nameParticles, nameParticlesAfterParticle } = ms.lex;
  return nameParticles.has(norm) || (nameParticlesAfterParticle.has(norm) && !!prev && nameParticles.has(prev));
}
