// Role nouns pass: offices and roles ("Präsident", "Kremlsprecher", "US-Außenminister", "deputy prime minister")
// become role spans, with the state a compound or hyphen prefix names; people and role facts attach to them later.

import type { Token } from '../../types.js';
import { matchAt } from '../matcher.js';
import type { MentionSet, RoleSpan, SentState } from '../mention-set.js';

/** Sentence pass: role spans of the sentence into ms.roleSpans. */
export function roleNouns(ms: MentionSet, st: SentState): void {
  const { lex, mentions, entities } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (toks[i]!.kind !== 'word') continue;
    if (st.taken[i]) {
      const pm = mentions[st.taken[i]! - 1]!;
      if (!(
        pm.tokStart === i &&
        pm.tokEnd - pm.tokStart >= 2 &&
        entities.get(pm.entity)?.type === 'Person' &&
        lex.roleIndex.has(toks[i]!.norm)
      ))
        continue;
    }
    const tn = toks[i]!.norm;
    if (
      !lex.roleIndex.has(tn) &&
      !lex.roleVariants.has(tn) &&
      !(toks[i]!.cap && tn.length > 6 && ms.tables.hasRoleSuffix(tn))
    )
      continue;
    const span = roleAt(ms, toks, i, st);
    if (span) {
      ms.roleSpans[st.sent.index]!.push(span);
      i = span.b - 1;
    }
  }
}

function roleAt(ms: MentionSet, toks: Token[], i: number, st: SentState): RoleSpan | undefined {
  // "Vize-Verteidigungsminister", "deputy prime minister": still an official of the state, never its head.
  const deputy = i > 0 && ms.lex.roleBlockers.has(toks[i - 1]!.norm);
  const span = roleAtRaw(ms, toks, i, st);
  if (!span || !deputy) return span;
  if (span.entry.p !== 'HEAD_OF_STATE' && span.entry.p !== 'HEAD_OF_GOVERNMENT') return span;
  return { ...span, entry: { ...span.entry, p: 'OFFICIAL_OF' }, role: `deputy ${span.role}` };
}

function roleAtRaw(ms: MentionSet, toks: Token[], i: number, st: SentState): RoleSpan | undefined {
  const { lex } = ms;
  const t = toks[i]!;
  const strip = (s: string) => lex.roleVariants.get(s) ?? s;
  const list = lex.roleIndex.get(t.norm) ?? lex.roleIndex.get(strip(t.norm));
  if (list) {
    for (const { entry, form } of list) {
      let ok = true;
      for (let k = 1; k < form.length && ok; k++) {
        const tk = toks[i + k];
        ok =
          !!tk &&
          (!st.taken[i + k] || st.taken[i + k] === st.taken[i]) &&
          (tk.norm === form[k] || strip(tk.norm) === form[k]);
      }
      if (!ok) continue;
      const b = i + form.length;
      if (toks[b]?.hyphen && /^(elect|designate|designierte[rn]?)$/u.test(toks[b]!.norm)) return undefined;
      // "US-Präsident": a country mention glued by hyphen just before the role; "Kremlsprecher": a metonym prefix.
      let prefixCountry: string | undefined;
      if (t.hyphen && i > 0 && st.taken[i - 1]) prefixCountry = ms.mentions[st.taken[i - 1]! - 1]!.entity;
      if (!prefixCountry && form.length === 1) prefixCountry = compoundCountry(ms, t);
      // "UN-Botschafter", "Nato-Botschafterin": where the ambassador serves, not whose (the state is read before it).
      if (prefixCountry && entry.role === 'ambassador' && ms.typeOf(prefixCountry) === 'Organization')
        prefixCountry = undefined;
      // "Iran-Experte": for an analyst or expert the state in the compound is the topic, not the employer.
      if (entry.p === 'AFFILIATED_WITH' && prefixCountry && isCountry(ms, prefixCountry))
        return { a: i, b, entry, role: entry.role, topicPrefix: true };
      return { a: i, b, entry, role: entry.role, prefixCountry };
    }
  }
  return t.cap && t.norm.length > 6 ? compoundRole(ms, t, i) : undefined;
}

/** German compounds: Kremlsprecher, Außenministerin, Regierungssprecher. */
function compoundRole(ms: MentionSet, t: Token, i: number): RoleSpan | undefined {
  const { lex } = ms;
  for (const [suf, roleName] of lex.roleDeSuffixes) {
    if (!t.norm.endsWith(suf) || t.norm === suf) continue;
    const prefix = t.norm.slice(0, -suf.length);
    const mod = lex.roleDePrefixes.get(prefix) ?? lex.roleDePrefixes.get(prefix.replace(/s$/, ''));
    let prefixCountry: string | undefined;
    const hit = matchAt([{ ...t, text: t.text.slice(0, prefix.length), norm: prefix, cap: true }], 0, ms.index, 'de');
    if (hit) prefixCountry = hit.fe.id;
    if (!mod && !prefixCountry) continue;
    const base = lex.roleIndex.get(suf)?.[0]?.entry ?? lex.roleIndex.get(suf.replace(/in$/, ''))?.[0]?.entry;
    if (!base) continue;
    // "Russlandexperte": the state is the topic of the expertise, not the expert's employer or nationality.
    if (base.p === 'AFFILIATED_WITH' && prefixCountry && isCountry(ms, prefixCountry)) prefixCountry = undefined;
    const compound = lex.roleIndex.get(t.norm)?.[0]?.entry;
    const role = mod && mod !== 'kremlin' ? `${mod} ${roleName}` : roleName;
    let entry = compound ?? base;
    if (mod === 'foreign' && suf.startsWith('minister')) entry = lex.roleIndex.get('außenminister')![0]!.entry;
    if (mod === 'vice') entry = lex.roleIndex.get('vizepräsident')![0]!.entry;
    if (mod === 'prime') entry = lex.roleIndex.get('premierminister')![0]!.entry;
    return { a: i, b: i + 1, entry, role, prefixCountry: prefixCountry ?? (mod === 'kremlin' ? 'RUS' : undefined) };
  }
  return undefined;
}

/** The state named by the first part of a German compound role noun ("Kremlsprecher", "Irans-Botschafter"). */
function compoundCountry(ms: MentionSet, t: Token): string | undefined {
  for (const [suf] of ms.lex.roleDeSuffixes) {
    if (!t.norm.endsWith(suf) || t.norm.length - suf.length < 2) continue;
    const prefix = t.norm.slice(0, -suf.length);
    for (const p of [prefix, prefix.replace(/s$/, '')]) {
      const hit = matchAt([{ ...t, text: p[0]!.toUpperCase() + p.slice(1), norm: p, cap: true }], 0, ms.index, 'de');
      if (hit && (hit.fe.kind === 'metonym' || hit.fe.kind === 'name' || hit.fe.kind === 'abbrev')) return hit.fe.id;
    }
  }
  return undefined;
}

function isCountry(ms: MentionSet, id: string): boolean {
  return ms.model.gazetteer.entries.get(id)?.type === 'Country';
}

/** Longest role complement before an apposed name ("to the United Nations", "des argentinischen Außenministeriums"). */
const MAX_COMPLEMENT = 7;

/**
 * Where the complement opened at `from` ("of", "des", "to": roles.json role_complements) ends: the index of its
 * closing comma, or −1. Only a noun phrase: capitalised words, names, the complement's function words and at most
 * two other words ("of the Argentine foreign ministry"), so that a clause ("the delegation met officials on
 * Friday, Peskov said") is none.
 */
export function complementEnd(
  ms: MentionSet,
  toks: readonly Token[],
  from: number,
  named: (k: number) => boolean,
): number {
  const { roleTailWords, speechVerbs } = ms.lex;
  let other = 0;
  let j = from + 1;
  for (; j < toks.length && j <= from + MAX_COMPLEMENT && toks[j]!.text !== ','; j++) {
    const t = toks[j]!;
    if (t.cap || named(j) || roleTailWords.has(t.norm)) continue;
    // "the head of Peru's armed forces": a possessive clitic.
    if (/^['’]$/u.test(t.text) && toks[j + 1]?.norm === 's') {
      j++;
      continue;
    }
    if (t.kind !== 'word' || speechVerbs.has(t.norm) || ++other > 2) return -1;
  }
  return toks[j]?.text === ',' && j > from + 1 ? j : -1;
}
