// Coreference across the document, sentence by sentence: role facts, counterparts ("seinem iranischen Amtskollegen"),
// definite descriptions ("das Bündnis", "the junta"), pair phrases ("die beiden Länder"), "Obama administration".

import type { KnownRole } from '../gazetteer/index.js';
import type { Mention, RoleFact } from '../types.js';
import type { MentionSet } from './mention-set.js';
import { surfaceOf } from './mention-set.js';
import { knownRoles, predecessors, roleFacts, type SentenceView } from './role-facts.js';

/** What earlier sentences made salient. */
interface Salience {
  lastPerson?: string;
  lastOrg?: string;
  lastGroup?: string;
  recentCountries: string[];
}

/** Pass: per-sentence mention lists (ms.bySentence) with coreferent mentions resolved, and the role facts (ms.roles). */
export function coreference(ms: MentionSet): void {
  const roles: RoleFact[] = [];
  const bySentence: Mention[][] = ms.doc.sentences.map(() => []);
  for (const m of ms.mentions) if (m.entity) bySentence[m.sentence]!.push(m);
  for (const list of bySentence) list.sort((a, b) => a.tokStart - b.tokStart);
  const sal: Salience = { recentCountries: [] };
  for (const st of ms.states) {
    const list = bySentence[st.sent.index]!;
    const v: SentenceView = {
      si: st.sent.index,
      toks: st.sent.tokens,
      list,
      mentionAt: (k: number) => list.find((m) => m.tokStart <= k && k < m.tokEnd),
    };
    roleFacts(ms, v, roles);
    counterparts(ms, v, roles);
    predecessors(ms, v, roles);
    groupDescriptions(ms, v, sal);
    ageDescriptions(ms, v, sal);
    personPronouns(ms, v, bySentence);
    for (const m of list) {
      const mt = ms.typeOf(m.entity);
      if (mt === 'Person') sal.lastPerson = m.entity;
      // "Western efforts" names no organisation a later "the group" could stand for.
      if (mt === 'Organization' && m.kind !== 'adjective') sal.lastOrg = m.entity;
      if (mt === 'ArmedGroup') {
        sal.lastGroup = m.entity;
        sal.lastOrg = m.entity;
      }
    }
    pairsAndSalientCountries(ms, v, roles, sal);
    administrations(ms, v, roles);
  }
  incumbents(ms, bySentence, roles);
  ms.bySentence = bySentence;
  ms.roles = roles;
}

/**
 * An article naming a state's office holder ("Putin", "Zelenskyy") without the office: the gazetteer's offices of a
 * country that the person held throughout the article's year, on the first sentence naming the person and marked as
 * known rather than read. A term ending in the article's year is left out (the month is not recorded). An undated
 * text gets the person's latest state office only: what they are known as ("Obama fired …" — CAMEO codes the
 * leader as the state).
 */
function incumbents(ms: MentionSet, bySentence: Mention[][], roles: RoleFact[]): void {
  const year = ms.doc.published ? Number(ms.doc.published.slice(0, 4)) : NaN;
  const first = new Map<string, number>();
  for (const list of bySentence)
    for (const m of list) if (!first.has(m.entity) && ms.typeOf(m.entity) === 'Person') first.set(m.entity, m.sentence);
  for (const [person, sentence] of first) {
    const held = knownRoles(ms, person).filter(
      (r) => r.predicate === 'HEAD_OF_STATE' || r.predicate === 'HEAD_OF_GOVERNMENT' || r.predicate === 'OFFICIAL_OF',
    );
    const offices = held.filter((r) => ms.gazEntries.get(r.object)?.type === 'Country');
    // Undated: the latest office of all, if it is a state's ("EU foreign policy chief Kaja Kallas" is no longer
    // Estonia's prime minister, "NATO Secretary General Mark Rutte" no longer the Netherlands').
    // Offices taken the same year: the state's ("President 2005-" of Palestine and of the Palestinian Authority).
    const since = (r: KnownRole) =>
      Number((r.from ?? '0').slice(0, 4)) + (ms.gazEntries.get(r.object)?.type === 'Country' ? 0.5 : 0);
    const latest = held.reduce<KnownRole | undefined>((a, r) => (!a || since(r) >= since(a) ? r : a), undefined);
    for (const r of offices) {
      if (Number.isNaN(year)) {
        if (r !== latest) continue;
      } else if (year < Number((r.from ?? '9999').slice(0, 4)) || (r.to && year >= Number(r.to.slice(0, 4)))) continue;
      if (roles.some((x) => x.person === person && x.predicate === r.predicate && x.object === r.object)) continue;
      roles.push({ person, predicate: r.predicate, object: r.object, role: r.role ?? '', sentence, known: true });
    }
  }
}

/** "seinem iranischen Amtskollegen Masoud Pezeshkian": the counterpart holds the same office in another state. */
function counterparts(ms: MentionSet, v: SentenceView, roles: RoleFact[]): void {
  const { toks, mentionAt, si } = v;
  for (let i = 0; i < toks.length; i++) {
    if (!ms.lex.counterpart.has(toks[i]!.norm)) continue;
    const adj = mentionAt(i - 1);
    const next = mentionAt(i + 1) ?? (toks[i + 1]?.text === ',' ? mentionAt(i + 2) : undefined);
    // The office is the possessor's: a role stated in this sentence, else one the text gave the person named last
    // before ("Xi und sein US-amerikanischer Amtskollege Barack Obama").
    const prevPerson = v.list.filter((m) => m.tokEnd <= i && ms.typeOf(m.entity) === 'Person').pop();
    const earlier =
      roles.filter((r) => r.sentence === si).pop() ??
      (prevPerson
        ? roles.filter((r) => r.person === prevPerson.entity && r.predicate !== 'CITIZEN_OF').pop()
        : undefined);
    if (
      adj &&
      ms.typeOf(adj.entity) === 'Country' &&
      next &&
      ms.typeOf(next.entity) === 'Person' &&
      earlier &&
      earlier.predicate !== 'CITIZEN_OF'
    )
      roles.push({
        person: next.entity,
        predicate: earlier.predicate,
        object: adj.entity,
        role: earlier.role,
        sentence: si,
      });
  }
}

/** Where a definite description's noun phrase starts: the article right before the noun, or before up to four
 * modifiers ("the Iran-backed group", "The Shi'ite militant group", "die libanesische Miliz"); -1 if none. A name
 * among the modifiers makes it a name ("the Islamic State group"), not a description. */
function descriptionStart(ms: MentionSet, v: SentenceView, noun: number): number {
  const { toks, mentionAt } = v;
  for (let j = noun - 1; j >= Math.max(0, noun - 5); j--) {
    const t = toks[j]!;
    if (ms.lex.articles.has(t.norm) && !mentionAt(j)) return j;
    if (t.kind === 'punct' && t.text !== "'" && t.text !== '’' && t.text !== '-') return -1;
    const m = mentionAt(j);
    const attached = ms.text[t.end] === '-' || ms.text[t.end] === "'" || ms.text[t.end] === '’';
    if (m) {
      // German participle phrases carry names: "die vom Iran unterstützte Miliz".
      const adjectival = m.kind === 'adjective' || m.kind === 'demonym' || attached || ms.lang === 'de';
      if (!adjectival || ms.typeOf(m.entity) !== 'Country') return -1;
      j = m.tokStart;
      continue;
    }
    if (t.cap && ms.lang === 'en' && !attached) return -1;
  }
  return -1;
}

/** "the group", "das Bündnis", "die Miliz", "the Iran-backed group": the organisation or armed group named last. */
function groupDescriptions(ms: MentionSet, v: SentenceView, sal: Salience): void {
  const { toks, mentionAt, list, si } = v;
  const { lex, lang } = ms;
  for (let n = 1; n < toks.length; n++) {
    const noun = toks[n]!;
    const want = lex.groupDescriptions.get(noun.norm);
    if (!want || mentionAt(n) || (lang === 'en' && noun.cap && toks[n - 1]!.kind === 'word' && n > 1)) continue;
    const i = descriptionStart(ms, v, n);
    if (i < 0) continue;
    const nx = toks[n + 1];
    if (nx && (mentionAt(n + 1) || /^(of|von|der|des)$/u.test(nx.norm) || (lang === 'en' && nx.cap))) continue;
    const fits = list.filter(
      (m) =>
        m.tokEnd <= i &&
        want.includes(ms.typeOf(m.entity) ?? 'Country') &&
        (m.kind !== 'adjective' || ms.typeOf(m.entity) === 'Country'),
    );
    // "the group" names an armed group sooner than a ministry named in the same sentence.
    const group =
      want.includes('ArmedGroup') && !lex.recentDescriptions.has(noun.norm)
        ? (fits.filter((m) => ms.typeOf(m.entity) === 'ArmedGroup').pop()?.entity ?? sal.lastGroup)
        : undefined;
    const id =
      group ??
      fits.pop()?.entity ??
      (want.includes('Country')
        ? sal.recentCountries[sal.recentCountries.length - 1]
        : want.includes('ArmedGroup') && !lex.recentDescriptions.has(noun.norm)
          ? (sal.lastGroup ?? sal.lastOrg)
          : sal.lastOrg);
    if (!id || !want.includes(ms.typeOf(id) ?? 'Country')) continue;
    // With modifiers between, the mention is the noun alone: "Iran" and "backed" in "the Iran-backed group" stay
    // free for the relation rules.
    const start = i === n - 1 ? i : n;
    list.push({
      entity: id,
      sentence: si,
      tokStart: start,
      tokEnd: n + 1,
      start: toks[start]!.start,
      end: noun.end,
      surface: surfaceOf(ms.text, toks, start, n + 1),
      kind: 'coref',
      actor: true,
    });
    list.sort((x, y) => x.tokStart - y.tokStart);
  }
}

/** "Die 32-Jährige", "the 73-year-old": news style names a person by age once named; the person named last. */
function ageDescriptions(ms: MentionSet, v: SentenceView, sal: Salience): void {
  const { toks, mentionAt, list, si } = v;
  for (let n = 1; n + 1 < toks.length; n++) {
    if (toks[n]!.kind !== 'num' || !ms.lex.articles.has(toks[n - 1]!.norm) || mentionAt(n)) continue;
    let end = n + 1;
    const parts: string[] = [];
    while (end < toks.length && toks[end]!.hyphen && parts.length < 3) parts.push(toks[end++]!.norm);
    if (!ms.lex.ageDescriptions.has(parts.join('-'))) continue;
    const id = list.filter((m) => m.tokEnd <= n && ms.typeOf(m.entity) === 'Person').pop()?.entity ?? sal.lastPerson;
    if (!id) continue;
    list.push({
      entity: id,
      sentence: si,
      tokStart: n - 1,
      tokEnd: end,
      start: toks[n - 1]!.start,
      end: toks[end - 1]!.end,
      surface: surfaceOf(ms.text, toks, n - 1, end),
      kind: 'coref',
      actor: true,
    });
    list.sort((x, y) => x.tokStart - y.tokStart);
  }
}

/** "Putin flew to Beijing. He met Xi there.", "Scholz sagte, er werde …": a pronoun for one person stands for the
 * person named last before it in its sentence, else for the first person named in one of the two sentences before
 * (a paragraph's subject comes first; possessors such as "Trump's envoy" are no subject). */
function personPronouns(ms: MentionSet, v: SentenceView, bySentence: readonly Mention[][]): void {
  const { toks, mentionAt, list, si } = v;
  const person = (m: Mention) => ms.typeOf(m.entity) === 'Person' && m.kind !== 'adjective';
  for (let n = 0; n < toks.length; n++) {
    const t = toks[n]!;
    if (t.kind !== 'word' || !ms.lex.personPronouns.has(t.norm) || mentionAt(n)) continue;
    let id = list.filter((m) => m.tokEnd <= n && person(m)).pop()?.entity;
    for (let back = 1; !id && back <= 2 && si - back >= 0; back++)
      id = bySentence[si - back]!.find((m) => person(m) && !m.poss)?.entity;
    if (!id) continue;
    list.push({
      entity: id,
      sentence: si,
      tokStart: n,
      tokEnd: n + 1,
      start: t.start,
      end: t.end,
      surface: t.text,
      kind: 'coref',
      actor: true,
    });
    list.sort((x, y) => x.tokStart - y.tokStart);
  }
}

/** "die beiden Länder" → the two countries last named before it; every state named (or led) here becomes salient. */
function pairsAndSalientCountries(ms: MentionSet, v: SentenceView, roles: RoleFact[], sal: Salience): void {
  const { list } = v;
  const recent = sal.recentCountries;
  const pushCountry = (id: string) => {
    const k = recent.indexOf(id);
    if (k >= 0) recent.splice(k, 1);
    recent.push(id);
  };
  for (let q = 0; q < list.length; q++) {
    const m = list[q]!;
    if (m.entity === '@pair') {
      const pair = recent.slice(-2);
      list.splice(q, 1);
      if (pair.length === 2) {
        list.splice(q, 0, { ...m, entity: pair[0]!, kind: 'coref' }, { ...m, entity: pair[1]!, kind: 'coref' });
        q++;
      } else q--;
      continue;
    }
    if (ms.typeOf(m.entity) === 'Country') pushCountry(m.entity);
    if (ms.typeOf(m.entity) === 'Person') {
      const r = roles.find(
        (x) => x.person === m.entity && x.predicate !== 'AFFILIATED_WITH' && ms.typeOf(x.object) === 'Country',
      );
      const kr = knownRoles(ms, m.entity).find(
        (x) => x.predicate === 'HEAD_OF_STATE' || x.predicate === 'HEAD_OF_GOVERNMENT',
      );
      const c = r?.object ?? kr?.object;
      if (c) pushCountry(c);
    }
  }
}

/** "Obama administration", "Trump-Regierung": the state the leader runs. */
function administrations(ms: MentionSet, v: SentenceView, roles: RoleFact[]): void {
  const { toks, list } = v;
  for (const m of list) {
    if (ms.typeOf(m.entity) !== 'Person') continue;
    const nx = toks[m.tokEnd];
    if (!nx || !/^(administration|regierung|government|white)$/u.test(nx.norm)) continue;
    const r = roles.find(
      (x) => x.person === m.entity && (x.predicate === 'HEAD_OF_STATE' || x.predicate === 'HEAD_OF_GOVERNMENT'),
    );
    const kr = knownRoles(ms, m.entity).find(
      (x) => x.predicate === 'HEAD_OF_STATE' || x.predicate === 'HEAD_OF_GOVERNMENT',
    );
    const c = r?.object ?? kr?.object;
    if (c) {
      ms.ensureEntity(c, c, 'Country');
      m.entity = c;
      m.kind = 'coref';
      m.tokEnd = m.tokEnd + 1;
      m.end = toks[m.tokEnd - 1]!.end;
    }
  }
}
