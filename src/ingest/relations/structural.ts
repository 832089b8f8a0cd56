// Structural relations: role facts become HEAD_OF_STATE/OFFICIAL_OF/…; appositions and modifiers give MEMBER_OF
// lists ("die BRICS-Staaten Brasilien, …"), LOCATED_IN ("the Moscow-based think tank X") and CITIZEN_OF.

import type { Predicate } from '../../model.js';
import { cueAt } from '../entities/cues.js';
import type { Mention, RecognisedDoc, RelationCandidate } from '../types.js';
import type { SentenceContext } from './context.js';

/** Relations from the role facts of stage 3. */
export function roleRelations(doc: RecognisedDoc, out: RelationCandidate[]): void {
  for (const r of doc.roles) {
    const props: RelationCandidate = {
      subject: r.person,
      predicate: r.predicate,
      object: r.object,
      modality: 'asserted',
      confidence: r.known ? 0.6 : 0.85,
      sentence: r.sentence,
      rule: r.known ? 'role:gazetteer' : 'role',
    };
    if (r.predicate === 'OFFICIAL_OF' || r.predicate === 'AFFILIATED_WITH') props.role = r.role;
    out.push(props);
  }
}

type Push = (s: string, p: Predicate, o: string, conf: number, rule: string) => void;
type StructuralContext = Pick<
  SentenceContext,
  'doc' | 'lex' | 'lang' | 'sent' | 'toks' | 'ms' | 'mentionAt' | 'typeOf'
>;

/** LOCATED_IN, CITIZEN_OF and MEMBER_OF from appositions and modifiers of one sentence. */
export function structural(s: StructuralContext, out: RelationCandidate[]): void {
  const push: Push = (subject, predicate, object, confidence, rule) => {
    if (subject !== object)
      out.push({ subject, predicate, object, modality: 'asserted', confidence, sentence: s.sent.index, rule });
  };
  for (const m of s.ms) {
    const mt = s.typeOf(m.entity);
    if (mt === 'Organization' && m.kind !== 'adjective') memberList(s, m, push);
    if (mt === 'Country' && m.kind !== 'adjective') basedIn(s, m, push);
    if ((m.kind === 'adjective' || m.kind === 'demonym') && mt === 'Country') adjectiveOfState(s, m, push);
    if (mt === 'Location') capitalOf(s, m, push);
    if (mt === 'Organization' && m.kind === 'name') organisationIn(s, m, push);
    if (mt === 'Person') partyOf(s, m, push);
  }
}

/** "Netanyahu's Likud party", "Netanjahus Likud-Partei": a person's possessive before a party's name. */
function partyOf(s: StructuralContext, m: Mention, push: Push): void {
  const { toks, mentionAt, typeOf, lex } = s;
  let j = m.tokEnd;
  if ((toks[j]?.text === '’' || toks[j]?.text === "'") && toks[j + 1]?.norm === 's') j += 2;
  else if (!(s.lang === 'de' && /s$/u.test(m.surface))) return;
  const o = mentionAt(j);
  if (!o || o.tokStart !== j || typeOf(o.entity) !== 'Organization') return;
  // The gazetteer may include the noun in the name ("Likud party").
  const last = toks[o.tokEnd - 1]!;
  const noun = lex.partyNouns.has(last.norm) ? last : toks[o.tokEnd];
  if (noun && lex.partyNouns.has(noun.norm)) push(m.entity, 'AFFILIATED_WITH', o.entity, 0.75, 'party-of');
}

/** "die BRICS-Staaten Brasilien, Russland, Indien, China und Südafrika", "NATO members Turkey and Hungary". */
function memberList(s: StructuralContext, m: Mention, push: Push): void {
  const { toks, mentionAt, typeOf, lex } = s;
  // The gazetteer may already include the noun in the name ("BRICS-Staaten").
  const inside = m.tokEnd - m.tokStart > 1 && lex.memberNouns.has(toks[m.tokEnd - 1]!.norm);
  const noun = inside ? toks[m.tokEnd - 1] : toks[m.tokEnd];
  if (!noun || !(noun.hyphen || s.lang === 'en') || !lex.memberNouns.has(noun.norm)) return;
  const first = inside ? m.tokEnd : m.tokEnd + 1;
  let j = first;
  while (j < toks.length) {
    const c = mentionAt(j);
    if (c && c.tokStart === j && typeOf(c.entity) === 'Country' && c.kind !== 'adjective') {
      push(c.entity, 'MEMBER_OF', m.entity, 0.7, 'member-list');
      j = c.tokEnd;
      continue;
    }
    if (
      j === first &&
      /^(wie|like|such|as|including|darunter|namely|gehören|gehörten|zählen|zählten|include|included|includes|are|were|sind|waren)$/u.test(
        toks[j]!.norm,
      )
    ) {
      j++;
      continue;
    }
    if (j > first && /^(,|und|and|sowie|as|or|oder)$/u.test(toks[j]!.norm)) {
      j++;
      continue;
    }
    break;
  }
}

/** "the Moscow-based think tank X": a place hyphen-glued to "based" before an organisation. */
function basedIn(s: StructuralContext, m: Mention, push: Push): void {
  const { toks, mentionAt, typeOf } = s;
  if (!toks[m.tokEnd]?.hyphen || !/^(based|basierte[nr]?|ansässige[nr]?)$/u.test(toks[m.tokEnd]!.norm)) return;
  for (let j = m.tokEnd + 1; j < Math.min(toks.length, m.tokEnd + 5); j++) {
    const o = mentionAt(j);
    if (o && typeOf(o.entity) === 'Organization') {
      push(o.entity, 'LOCATED_IN', m.entity, 0.7, 'x-based');
      break;
    }
  }
}

/** A state adjective before an organisation ("des deutschen Herstellers Blaser") or a person ("der russische
 * Waffenhändler Viktor Bout", "Viktor Bout, der russische Waffenhändler,"). */
function adjectiveOfState(s: StructuralContext, m: Mention, push: Push): void {
  const { toks, mentionAt, typeOf, lex, ms, doc, sent } = s;
  const len =
    cueAt(toks, m.tokEnd, lex.orgTypeNouns) ||
    (toks[m.tokEnd]?.cap &&
    /(hersteller|unternehmen|konzern|firm|zeitung|sender|agentur|medium|zentrum)/u.test(toks[m.tokEnd]!.norm)
      ? 1
      : 0);
  if (len) {
    let j = m.tokEnd + len;
    if (toks[j]?.text === ':') {
      // "mehrere deutsche Firmen: die Waffenproduzenten A … sowie die Munitionshersteller B, C und D"
      for (const o of ms)
        if (o.tokStart > j && typeOf(o.entity) === 'Organization' && o.kind === 'name')
          push(o.entity, 'LOCATED_IN', m.entity, 0.7, 'org-list');
      return;
    }
    if (toks[j] && (toks[j]!.text === '„' || toks[j]!.text === '"')) j++;
    const o = mentionAt(j);
    if (o && o.tokStart === j && typeOf(o.entity) === 'Organization')
      push(o.entity, 'LOCATED_IN', m.entity, 0.75, 'adj-org');
    return;
  }
  let j = m.tokEnd;
  let skipped = 0;
  while (
    j < toks.length &&
    skipped < 3 &&
    toks[j]!.kind === 'word' &&
    !mentionAt(j) &&
    !lex.prepositions.has(toks[j]!.norm) &&
    !lex.articles.has(toks[j]!.norm)
  ) {
    j++;
    skipped++;
  }
  const p = mentionAt(j);
  if (
    skipped >= 1 &&
    p &&
    p.tokStart === j &&
    p.kind === 'name' &&
    typeOf(p.entity) === 'Person' &&
    !doc.roles.some((r) => r.person === p.entity && r.sentence === sent.index)
  )
    push(p.entity, 'CITIZEN_OF', m.entity, 0.7, 'adj-person');
  const art = toks[m.tokStart - 1];
  const comma = toks[m.tokStart - 2];
  const before = mentionAt(m.tokStart - 3);
  if (
    art &&
    lex.articles.has(art.norm) &&
    comma?.text === ',' &&
    before &&
    typeOf(before.entity) === 'Person' &&
    before.tokEnd === m.tokStart - 2 &&
    toks[m.tokEnd]?.cap &&
    !toks[m.tokEnd + 1]?.cap &&
    // "Walter Astudillo, der peruanische Verteidigungsminister,": the office says more than the citizenship.
    !doc.roles.some((r) => r.person === before.entity && r.sentence === sent.index)
  )
    push(before.entity, 'CITIZEN_OF', m.entity, 0.7, 'appos-citizen');
}

/** "Aschgabat, der Hauptstadt des … Landes Turkmenistan", "Khartoum, the capital of Sudan". */
function capitalOf(s: StructuralContext, m: Mention, push: Push): void {
  const { toks, mentionAt, typeOf } = s;
  if (toks[m.tokEnd]?.text !== ',') return;
  const win = toks.slice(m.tokEnd + 1, m.tokEnd + 4).map((x) => x.norm);
  if (!win.includes('hauptstadt') && !win.includes('capital')) return;
  for (let j = m.tokEnd + 2; j < Math.min(toks.length, m.tokEnd + 10); j++) {
    const c = mentionAt(j);
    if (c && typeOf(c.entity) === 'Country' && c.kind !== 'adjective') {
      push(m.entity, 'LOCATED_IN', c.entity, 0.75, 'capital');
      break;
    }
  }
}

/** "Daily NK in Südkorea", "a think tank based in London". */
function organisationIn(s: StructuralContext, m: Mention, push: Push): void {
  const { toks, mentionAt, typeOf } = s;
  let j = m.tokEnd;
  if (/^(based|headquartered|ansässig|mit)$/u.test(toks[j]?.norm ?? '')) j++;
  if (toks[j]?.norm === 'sitz') j++;
  if (!/^(in|aus)$/u.test(toks[j]?.norm ?? '')) return;
  const c = mentionAt(j + 1);
  if (c && c.tokStart === j + 1 && typeOf(c.entity) === 'Country' && c.kind !== 'adjective')
    push(m.entity, 'LOCATED_IN', c.entity, 0.6, 'org-in');
}
