// Coreference across the document, sentence by sentence: role facts, counterparts ("seinem iranischen Amtskollegen"),
// definite descriptions ("das Bündnis", "the junta"), pair phrases ("die beiden Länder"), "Obama administration".

import type { Mention, RoleFact } from '../types.js';
import type { MentionSet } from './mention-set.js';
import { surfaceOf } from './mention-set.js';
import { knownRoles, roleFacts, type SentenceView } from './role-facts.js';

/** What earlier sentences made salient. */
interface Salience {
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
    groupDescriptions(ms, v, sal);
    for (const m of list) {
      const mt = ms.typeOf(m.entity);
      if (mt === 'Organization') sal.lastOrg = m.entity;
      if (mt === 'ArmedGroup') {
        sal.lastGroup = m.entity;
        sal.lastOrg = m.entity;
      }
    }
    pairsAndSalientCountries(ms, v, roles, sal);
    administrations(ms, v, roles);
  }
  ms.bySentence = bySentence;
  ms.roles = roles;
}

/** "seinem iranischen Amtskollegen Masoud Pezeshkian": the counterpart holds the same office in another state. */
function counterparts(ms: MentionSet, v: SentenceView, roles: RoleFact[]): void {
  const { toks, mentionAt, si } = v;
  for (let i = 0; i < toks.length; i++) {
    if (!ms.lex.counterpart.has(toks[i]!.norm)) continue;
    const adj = mentionAt(i - 1);
    const next = mentionAt(i + 1) ?? (toks[i + 1]?.text === ',' ? mentionAt(i + 2) : undefined);
    const earlier = roles.filter((r) => r.sentence === si).pop();
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

/** "the group", "das Bündnis", "die Miliz": the organisation or armed group named last (here or earlier). */
function groupDescriptions(ms: MentionSet, v: SentenceView, sal: Salience): void {
  const { toks, mentionAt, list, si } = v;
  const { lex, lang } = ms;
  for (let i = 0; i + 1 < toks.length; i++) {
    const noun = toks[i + 1]!;
    const want = lex.groupDescriptions.get(noun.norm);
    if (!want || !lex.articles.has(toks[i]!.norm) || mentionAt(i) || mentionAt(i + 1)) continue;
    if (lang === 'en' && noun.cap) continue;
    const nx = toks[i + 2];
    if (nx && (mentionAt(i + 2) || /^(of|von|der|des)$/u.test(nx.norm) || (lang === 'en' && nx.cap))) continue;
    const before = list.filter((m) => m.tokEnd <= i && want.includes(ms.typeOf(m.entity) ?? 'Country')).pop();
    const id =
      before?.entity ??
      (want.includes('Country')
        ? sal.recentCountries[sal.recentCountries.length - 1]
        : want.includes('ArmedGroup')
          ? (sal.lastGroup ?? sal.lastOrg)
          : sal.lastOrg);
    if (!id || !want.includes(ms.typeOf(id) ?? 'Country')) continue;
    list.push({
      entity: id,
      sentence: si,
      tokStart: i,
      tokEnd: i + 2,
      start: toks[i]!.start,
      end: noun.end,
      surface: surfaceOf(ms.text, toks, i, i + 2),
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
