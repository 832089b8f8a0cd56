// Role facts: each role span of a sentence tied to its person and its state or organisation ("der russische
// Präsident Wladimir Putin" → Putin HEAD_OF_STATE RUS); a role without a name may corefer with its known holder.

import type { Predicate } from '../../model.js';
import type { KnownRole } from '../gazetteer/index.js';
import type { Mention, RoleFact } from '../types.js';
import { surfaceOf, type MentionSet, type RoleSpan } from './mention-set.js';
import { complementEnd } from './passes/roles.js';

const AFFIL_PREPS = /^(of|at|with|in|for|from|von|vom|beim|bei|der|des|am|an|im|für)$/u;
/** Roles that only tie a person to an armed group loosely; every other role in a group is an office in it. */
const GROUP_AFFILIATES = /(researcher|fellow|analyst|journalist|expert)/u;

/** One sentence as the coreference passes see it: its live mention list (which they edit) and a lookup into it. */
export interface SentenceView {
  si: number;
  toks: MentionSet['states'][number]['sent']['tokens'];
  list: Mention[];
  mentionAt: (k: number) => Mention | undefined;
}

export const knownRoles = (ms: MentionSet, person: string): KnownRole[] => ms.gazEntries.get(person)?.roles ?? [];

/** Role facts of one sentence's role spans, appended to `roles`. */
export function roleFacts(ms: MentionSet, v: SentenceView, roles: RoleFact[]): void {
  let apposPerson: { id: string; end: number } | undefined;
  const first = roles.length;
  /** Facts whose state only the previous sentence suggested: they yield to a state this sentence gives the person. */
  const guessed = new Set<RoleFact>();
  for (const span of ms.roleSpans[v.si]!) {
    const found = personOf(ms, v, span, apposPerson, roles);
    const { person, personAfter } = found;
    let object =
      span.prefixCountry ?? found.tailState ?? objectOf(ms, v, span, found, roles) ?? genitiveTailState(ms, v, span);
    const guess = !object && !!person && personAfter;
    if (guess) object = stateInFocus(ms, v, span, roles);
    if (!person) {
      if (object) describedPerson(ms, v, span, object, roles);
      continue;
    }
    if (!personAfter) apposPerson = { id: person, end: span.b };
    if (!object) continue;
    const ot = ms.typeOf(object);
    let p: Predicate = span.entry.p;
    if (ot === 'ArmedGroup') p = GROUP_AFFILIATES.test(span.role) ? 'AFFILIATED_WITH' : 'OFFICIAL_OF';
    // A director's title is an affiliation, unless the gazetteer knows the post as an office ("the head of the
    // IAEA, Rafael Grossi": Director General of an intergovernmental body).
    else if (ot === 'Organization') p = p === 'AFFILIATED_WITH' && !holdsOffice(ms, person, object) ? p : 'OFFICIAL_OF';
    else if (ot === 'Country' && span.entry.orgOnly && headsStateBody(ms, v, span)) p = 'OFFICIAL_OF';
    else if (ot === 'Country') {
      if (span.entry.orgOnly) continue;
      if (p === 'AFFILIATED_WITH') p = 'CITIZEN_OF';
    } else continue;
    if (person === object) continue;
    const fact: RoleFact = { person, predicate: p, object, role: span.role, sentence: v.si };
    roles.push(fact);
    if (guess) guessed.add(fact);
  }
  // "Admiral Hans Keller, Germany's defence minister": the title's guessed state gives way to the stated one.
  const stated = new Set(
    roles
      .slice(first)
      .filter((r) => !guessed.has(r))
      .map((r) => r.person),
  );
  for (let i = roles.length - 1; i >= first; i--)
    if (guessed.has(roles[i]!) && stated.has(roles[i]!.person)) roles.splice(i, 1);
}

const holdsOffice = (ms: MentionSet, person: string, object: string): boolean =>
  knownRoles(ms, person).some((r) => r.predicate === 'OFFICIAL_OF' && r.object === object);

/** "Li Wenbo, Sprecher des chinesischen Verteidigungsministeriums, …": a body the gazetteer does not know, in a
 * genitive tail closed by a comma; the state named inside it holds the office (the name may stand before or after). */
function genitiveTailState(ms: MentionSet, v: SentenceView, span: RoleSpan): string | undefined {
  const { toks, mentionAt } = v;
  if (!toks[span.b] || !ms.lex.roleGenitives.has(toks[span.b]!.norm)) return undefined;
  const j = complementEnd(ms, toks, span.b, (k) => !!mentionAt(k));
  for (let q = span.b + 1; q < j; q++) {
    const m = mentionAt(q);
    if (m && ms.typeOf(m.entity) === 'Country') return m.entity;
    if (m) q = m.tokEnd - 1;
  }
  return undefined;
}

/** A person's name (after a title) from token k, closed by a comma or the sentence end. */
function closedApposition(ms: MentionSet, v: SentenceView, k: number): boolean {
  const title = v.mentionAt(k) ? undefined : ms.roleSpans[v.si]!.find((r) => r.a === k);
  const nm = v.mentionAt(title ? title.b : k);
  if (!nm || ms.typeOf(nm.entity) !== 'Person') return false;
  const close = v.toks[nm.tokEnd]?.text;
  return close === undefined || close === ',' || close === '.';
}

interface PersonOfSpan {
  person?: string;
  personAfter: boolean;
  after?: Mention;
  /** "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa,": the state inside the genitive tail. */
  tailState?: string;
}

/** The person: a name right after the role, or an apposition before it ("X, executive vice president of Y"). */
function personOf(
  ms: MentionSet,
  v: SentenceView,
  span: RoleSpan,
  apposPerson: { id: string; end: number } | undefined,
  roles: readonly RoleFact[],
): PersonOfSpan {
  const { toks, mentionAt } = v;
  let person: string | undefined;
  let personAfter = false;
  let k = span.b;
  // "The US commander in Iraq, …": where the office is held comes before the apposed name.
  const place = toks[k]?.norm === 'in' ? mentionAt(k + 1) : undefined;
  if (place && place.tokStart === k + 1 && toks[place.tokEnd]?.text === ',' && ms.lang === 'en') k = place.tokEnd;
  // German appositions after a comma only when closed ("Perus Armeechef, General Manuel Gómez, sagte"); an open
  // one is mostly the start of the next clause.
  if (toks[k]?.text === ',' && (ms.lang === 'en' || closedApposition(ms, v, k + 1))) k++;
  // "The US commander, General David Petraeus", "army spokesman Lieutenant Colonel Nadav Shoshani": a title or rank
  // between the office and the name.
  if (!mentionAt(k)) {
    const title = ms.roleSpans[v.si]!.find((r) => r.a === k);
    if (title) k = title.b;
  }
  const after = mentionAt(k) ?? mentionAt(span.a);
  if (after && (after.tokStart === k || after.tokStart <= span.a) && ms.typeOf(after.entity) === 'Person') {
    person = after.entity;
    personAfter = true;
  } else {
    let j = span.a - 1;
    let steps = 0;
    // "Kwame Osei, Ghana's defence minister,", "Walter Astudillo, the Peruvian defence minister,": the walk back to
    // the comma steps over the office's possessor or state adjective.
    // "Mark Rutte, the NATO secretary general,", "X, the Hezbollah leader,": also a name right before the role.
    const possessor = (m: Mention) =>
      ms.typeOf(m.entity) !== 'Person' &&
      (m.poss || m.kind === 'adjective' || m.tokEnd === span.a || /^['’]$/u.test(toks[m.tokEnd]?.text ?? ''));
    while (j >= 0 && steps < 4 && toks[j]!.text !== ',') {
      const m = mentionAt(j);
      if (m && !possessor(m)) break;
      j = m ? m.tokStart - 1 : j - 1;
      steps++;
    }
    const prev = j >= 1 && toks[j]!.text === ',' ? mentionAt(j - 1) : undefined;
    if (prev && ms.typeOf(prev.entity) === 'Person' && prev.tokEnd === j) person = prev.entity;
    else if (apposPerson && span.a - apposPerson.end < 16) person = apposPerson.id;
  }
  // "Der Außenminister Perus, Walter Astudillo,": a genitive state right after the role, then the apposed name.
  const gen = person ? undefined : mentionAt(span.b);
  if (gen && gen.tokStart === span.b && gen.poss && ms.typeOf(gen.entity) === 'Country') {
    const nm = toks[gen.tokEnd]?.text === ',' ? mentionAt(gen.tokEnd + 1) : undefined;
    const close = nm ? toks[nm.tokEnd] : undefined;
    if (
      nm &&
      nm.tokStart === gen.tokEnd + 1 &&
      ms.typeOf(nm.entity) === 'Person' &&
      (!close || /^[,.]$/u.test(close.text))
    )
      return { person: nm.entity, personAfter: true, after: nm, tailState: gen.entity };
  }
  // A genitive tail, then the apposed name; the state is the one named inside the tail.
  let tailState: string | undefined;
  if (!person && toks[span.b] && ms.lex.roleComplements.has(toks[span.b]!.norm)) {
    const j = complementEnd(ms, toks, span.b, (k) => !!mentionAt(k));
    // "The commander of Peru's army, General Manuel Gómez,": a title before the apposed name.
    const title = j >= 0 && !mentionAt(j + 1) ? ms.roleSpans[v.si]!.find((r) => r.a === j + 1) : undefined;
    const nameAt = title ? title.b : j + 1;
    const nm = j >= 0 ? mentionAt(nameAt) : undefined;
    // An apposition is closed by a comma or the sentence end ("…, Kim lebe" is the start of a reported clause).
    const closed = nm && (!toks[nm.tokEnd] || toks[nm.tokEnd]!.text === ',' || toks[nm.tokEnd]!.text === '.');
    if (nm && closed && nm.tokStart === nameAt && ms.typeOf(nm.entity) === 'Person') {
      person = nm.entity;
      // A state named inside "to the United Nations" or "at the embassy in Berlin" is where the office is held; a
      // state adjective on its body holds it ("a spokesman for the Chilean foreign ministry").
      const genitive = ms.lex.roleGenitives.has(toks[span.b]!.norm);
      for (let q = span.b + 1; q < j && !tailState; q++) {
        const mm = mentionAt(q);
        if (mm && ms.typeOf(mm.entity) === 'Country' && (genitive || mm.kind === 'adjective')) tailState = mm.entity;
        // "a spokeswoman for Boric, Camila Vallejo", "die Sprecherin von Boric, …": the office holder's state.
        if (mm && ms.typeOf(mm.entity) === 'Person' && span.entry.p !== 'AFFILIATED_WITH' && mm.entity !== person)
          tailState = officeHoldersState(ms, mm.entity, roles);
        if (mm) q = mm.tokEnd - 1;
      }
      if (!genitive && !tailState) return { person, personAfter: true, after: nm };
    }
  }
  return { person, personAfter, after, tailState };
}

/** "The head of Peru's armed forces, X", "X, the head of the Peruvian army,", "Der Chef der peruanischen Streitkräfte":
 * the role's genitive tail names a state's body (cues.json actor_nouns), whose head holds a state office. */
function headsStateBody(ms: MentionSet, v: SentenceView, span: RoleSpan): boolean {
  if (!ms.lex.roleGenitives.has(v.toks[span.b]?.norm ?? '')) return false;
  for (let q = span.b + 1; q < Math.min(v.toks.length, span.b + 8) && v.toks[q]!.text !== ','; q++)
    if (ms.lex.actorNouns.has(v.toks[q]!.norm)) return true;
  return false;
}

/** The state or organisation: adjective, possessive or name before; "of/at/beim X" after; else the gazetteer's. */
function objectOf(
  ms: MentionSet,
  v: SentenceView,
  span: RoleSpan,
  found: PersonOfSpan,
  roles: readonly RoleFact[],
): string | undefined {
  const { toks, mentionAt } = v;
  const { person, personAfter, after } = found;
  const typeOf = (id: string) => ms.typeOf(id);
  let object: string | undefined;
  let j = span.a - 1;
  while (j >= 0 && (ms.lex.roleBlockers.has(toks[j]!.norm) || ms.lex.roleModifiers.has(toks[j]!.norm))) j--;
  // "Nigerian army spokesman", "the Russian foreign ministry spokeswoman": step over the state's body.
  const bodyEnd = j;
  while (j >= 1 && ms.lang !== 'de' && ms.lex.roleBodies.has(toks[j]!.norm) && !mentionAt(j)) j--;
  if (j < bodyEnd && !mentionAt(j)) j = bodyEnd;
  // "Iran's foreign minister": step over the possessive ’s.
  if (j >= 2 && toks[j]!.norm === 's' && (toks[j - 1]!.text === '’' || toks[j - 1]!.text === "'")) j -= 2;
  let pm = j >= 0 && !span.topicPrefix ? mentionAt(j) : undefined;
  // "Der russische UN-Botschafter": an ambassador serves his state at the organisation named in the compound.
  if (pm && span.role === 'ambassador' && typeOf(pm.entity) === 'Organization' && toks[pm.tokEnd]?.hyphen) {
    const state = pm.tokStart > 0 ? mentionAt(pm.tokStart - 1) : undefined;
    pm = state && typeOf(state.entity) === 'Country' ? state : undefined;
    if (pm) j = pm.tokEnd - 1;
  }
  if (
    pm &&
    pm.tokEnd === j + 1 &&
    typeOf(pm.entity) !== 'Person' &&
    typeOf(pm.entity) !== 'Item' &&
    typeOf(pm.entity) !== 'Location'
  )
    object = pm.entity;
  // "Boric's spokeswoman, Camila Vallejo", "Borics Sprecherin": a state office of the possessor's state.
  if (!object && pm && pm.tokEnd === j + 1 && pm.poss && typeOf(pm.entity) === 'Person' && pm.entity !== person)
    object = officeHoldersState(ms, pm.entity, roles);
  if (!object && !personAfter) {
    // "X, Präsident Russlands," / "X, Russia's president": a genitive state right after the role.
    const g = mentionAt(span.b);
    if (g && g.tokStart === span.b && g.poss && typeOf(g.entity) === 'Country') object = g.entity;
  }
  if (!object && (!personAfter || span.entry.p === 'AFFILIATED_WITH')) object = prepositionalObject(ms, v, span, found);
  if (person && !object && span.entry.p === 'AFFILIATED_WITH') {
    // "X, director of the Middle East programme at the Atlantic Council": the first organisation in the
    // prepositional tail of the role or the name, up to the next comma.
    let j = personAfter && after ? after.tokEnd : span.b;
    if (toks[j] && AFFIL_PREPS.test(toks[j]!.norm)) {
      const end = Math.min(toks.length, j + 14);
      for (j++; j < end; j++) {
        const tx = toks[j]!.text;
        if (tx === ',' || tx === ';' || tx === '(' || tx === '“' || tx === '"') break;
        const mm = mentionAt(j);
        if (!mm) continue;
        const mt = typeOf(mm.entity);
        if (mt === 'Organization' || mt === 'ArmedGroup') {
          object = mm.entity;
          break;
        }
        if (mt === 'Person') break;
        j = mm.tokEnd - 1;
      }
    }
  }
  if (person && !object) object = officeFromGazetteer(ms, span, person, personAfter);
  return object;
}

/**
 * A state office before a name the text does not tie to a state ("…, sagte Verteidigungsminister Tomasz Siemoniak"):
 * news names the office holder of the state the previous sentence was about, so the state named most often there
 * (ties: the one named last). Not the role sentence's own states: those are mostly the act's target ("Carter called
 * Russia a threat").
 */
function stateInFocus(ms: MentionSet, v: SentenceView, span: RoleSpan, roles: readonly RoleFact[]): string | undefined {
  const p = span.entry.p;
  if ((p !== 'OFFICIAL_OF' && p !== 'HEAD_OF_STATE' && p !== 'HEAD_OF_GOVERNMENT') || span.entry.orgOnly)
    return undefined;
  if (v.si === 0) return undefined;
  // "…, the State Department said. Counter-terrorism official Nathan Sales said …": an official speaks for the body
  // that spoke in the sentence before, even with a weak role noun.
  const reporter = p === 'OFFICIAL_OF' ? reporterBefore(ms, v.si - 1) : undefined;
  if (reporter) return reporter;
  if (span.entry.weak) return undefined;
  // "His special envoy X", "Sein Handelsberater X": the possessor's office, whoever that is.
  for (let j = span.a - 1; j >= Math.max(0, span.a - 3); j--) {
    const t = v.toks[j]!;
    if (ms.lex.possessives.has(t.norm)) return possessorState(ms, v, span, roles);
    if (t.kind !== 'word' || v.mentionAt(j)) break;
  }
  // "Die Außenminister Jeyhun Bayramov (Aserbaidschan) und …": the state in brackets after the name.
  const named = v.mentionAt(span.b);
  if (named && v.toks[named.tokEnd]?.text === '(') {
    const inBrackets = v.mentionAt(named.tokEnd + 1);
    if (inBrackets && ms.typeOf(inBrackets.entity) === 'Country' && v.toks[inBrackets.tokEnd]?.text === ')')
      return inBrackets.entity;
  }
  const counts = new Map<string, number>();
  for (const m of ms.mentions)
    if (m.sentence === v.si - 1 && m.entity && ms.typeOf(m.entity) === 'Country')
      counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [id, n] of counts) if (n >= most) [best, most] = [id, n];
  return best;
}

/** The one organisation that a speech verb right before or after it has speak in sentence si ("the State
 * Department said", "said the ministry"). A state that spoke is too broad a body: the official named next is as
 * often one of another party to the story. */
function reporterBefore(ms: MentionSet, si: number): string | undefined {
  const toks = ms.states[si]?.sent.tokens;
  if (!toks) return undefined;
  const speaking = new Set<string>();
  for (const m of ms.mentions) {
    if (m.sentence !== si) continue;
    const t = ms.typeOf(m.entity);
    if (t !== 'Organization') continue;
    const after = toks[m.tokEnd]?.norm ?? '';
    const before = toks[m.tokStart - 1]?.norm ?? '';
    const beforeArticle = toks[m.tokStart - 2]?.norm ?? '';
    if (ms.lex.speechVerbs.has(after) || ms.lex.speechVerbs.has(before) || ms.lex.speechVerbs.has(beforeArticle))
      speaking.add(m.entity);
  }
  return speaking.size === 1 ? [...speaking][0] : undefined;
}

/** The last person named before token `tok` of sentence `si` (this sentence or the two before). */
function personBefore(ms: MentionSet, si: number, tok: number): string | undefined {
  let last: Mention | undefined;
  for (const m of ms.mentions) {
    if (m.sentence > si || (m.sentence === si && m.tokStart >= tok) || m.sentence < si - 2) continue;
    if (!m.entity || ms.typeOf(m.entity) !== 'Person') continue;
    if (!last || m.sentence > last.sentence || (m.sentence === last.sentence && m.tokStart > last.tokStart)) last = m;
  }
  return last?.entity;
}

/** A person's state offices: the text's role facts, else the gazetteer's held at the article's date. */
function stateOfficesOf(
  ms: MentionSet,
  person: string,
  roles: readonly RoleFact[],
): Array<Omit<RoleFact, 'person' | 'sentence'>> {
  const isState = (p: Predicate, o: string) =>
    (p === 'HEAD_OF_STATE' || p === 'HEAD_OF_GOVERNMENT' || p === 'OFFICIAL_OF') && ms.typeOf(o) === 'Country';
  const read = roles.filter((r) => r.person === person && isState(r.predicate, r.object));
  if (read.length) return read.map((r) => ({ predicate: r.predicate, object: r.object, role: r.role }));
  const year = articleYear(ms);
  return knownRoles(ms, person)
    .filter((r) => isState(r.predicate, r.object) && inOfficeAt(r, year, true))
    .map((r) => ({ predicate: r.predicate, object: r.object, role: r.role ?? '' }));
}

/** "Trump … Sein Handelsberater Peter Navarro": the one state the person named last before serves or leads; none
 * if that is not one state. */
function possessorState(
  ms: MentionSet,
  v: SentenceView,
  span: RoleSpan,
  roles: readonly RoleFact[],
): string | undefined {
  const owner = personBefore(ms, v.si, span.a);
  return owner ? officeHoldersState(ms, owner, roles) : undefined;
}

/** The one state a person holds office in (text, else gazetteer at the article's date). */
function officeHoldersState(ms: MentionSet, person: string, roles: readonly RoleFact[]): string | undefined {
  const states = new Set(stateOfficesOf(ms, person, roles).map((r) => r.object));
  return states.size === 1 ? [...states][0] : undefined;
}

/** "Kims Vorgänger im Amt war sein Vater, Kim Jong Il", "Obama's predecessor George W. Bush": the person named
 * after the word held the possessor's state office. */
export function predecessors(ms: MentionSet, v: SentenceView, roles: RoleFact[]): void {
  const { toks, mentionAt, si } = v;
  for (let i = 0; i < toks.length; i++) {
    if (!ms.lex.predecessorNouns.has(toks[i]!.norm)) continue;
    const before = mentionAt(i - 1);
    // Only a named possessor: "sein Nachfolger" after two people could be either one's.
    const genitive = before && (before.poss || (ms.lang === 'de' && /s$/u.test(before.surface)));
    const owner = before && genitive && ms.typeOf(before.entity) === 'Person' ? before.entity : undefined;
    if (!owner) continue;
    let named: Mention | undefined;
    for (let j = i + 1; j < Math.min(toks.length, i + 8) && !named; j++) {
      const m = mentionAt(j);
      if (m && ms.typeOf(m.entity) === 'Person') named = m;
      else if (toks[j]!.text === '.' || toks[j]!.text === ';') break;
    }
    if (!named || named.entity === owner) continue;
    for (const r of stateOfficesOf(ms, owner, roles))
      if (!roles.some((x) => x.person === named.entity && x.predicate === r.predicate && x.object === r.object))
        roles.push({ person: named.entity, ...r, sentence: si });
  }
}

/** "Minister of Defence of Ukraine", "Sprecher des Kreml": the first state or organisation after the role's preposition. */
function prepositionalObject(ms: MentionSet, v: SentenceView, span: RoleSpan, found: PersonOfSpan): string | undefined {
  const { toks, mentionAt } = v;
  let j = found.personAfter ? (found.after ? found.after.tokEnd : span.b) : span.b;
  const prep = toks[j];
  if (!prep || !/^(of|at|des|der|von|vom|beim|bei|with|für|for)$/u.test(prep.norm)) return undefined;
  j++;
  let steps = 0;
  while (j < toks.length && steps < 5) {
    const mm = mentionAt(j);
    if (
      mm &&
      mm.kind !== 'adjective' &&
      mm.kind !== 'demonym' &&
      ['Organization', 'Country', 'ArmedGroup'].includes(ms.typeOf(mm.entity) ?? '')
    )
      return mm.entity;
    // "head of the German navy", "a spokesman for the Czech foreign ministry": the state of its body.
    const body = mm ? toks[mm.tokEnd] : undefined;
    if (mm?.kind === 'adjective' && ms.typeOf(mm.entity) === 'Country' && body && ms.lex.roleBodies.has(body.norm))
      return mm.entity;
    if (mm && mm.kind !== 'adjective' && ms.typeOf(mm.entity) !== 'Item') break;
    if (toks[j]!.text === ',' || (toks[j]!.kind === 'word' && ms.lex.prepositions.has(toks[j]!.norm) && steps > 0))
      break;
    j = mm ? mm.tokEnd : j + 1;
    steps++;
  }
  return undefined;
}

/** The article's publication year; NaN when it is undated. */
const articleYear = (ms: MentionSet): number => (ms.doc.published ? Number(ms.doc.published.slice(0, 4)) : NaN);

/** Whether a gazetteer office was held in `year`; undated (NaN), only an open-ended one counts, and only if
 * `undatedOpenEnded` (the text itself names the office). */
function inOfficeAt(r: { from?: string; to?: string }, year: number, undatedOpenEnded: boolean): boolean {
  if (Number.isNaN(year)) return undatedOpenEnded && !r.to;
  return year >= Number((r.from ?? '0').slice(0, 4)) && (!r.to || year <= Number(r.to.slice(0, 4)));
}

/** A bare office ("Prime Minister Netanyahu", "Defense Secretary Pete Hegseth"): the gazetteer says whose — only when
 * it lists exactly one office the article's date falls in (never a guess). */
function officeFromGazetteer(ms: MentionSet, span: RoleSpan, person: string, personAfter: boolean): string | undefined {
  if ((span.entry.p === 'HEAD_OF_STATE' || span.entry.p === 'HEAD_OF_GOVERNMENT') && personAfter) {
    const states = [
      ...new Set(
        knownRoles(ms, person)
          .filter((r) => r.predicate === span.entry.p)
          .map((r) => r.object),
      ),
    ];
    return states.length === 1 ? states[0] : undefined;
  }
  if (span.entry.p !== 'OFFICIAL_OF') return undefined;
  // A past office counts when the article's date falls inside it (Gallant, defence minister until 2024); the text
  // names the office here, so an undated article may take an open-ended one.
  const year = articleYear(ms);
  const held = knownRoles(ms, person).filter((r) => inOfficeAt(r, year, true));
  let states = [...new Set(held.filter((r) => r.predicate === 'OFFICIAL_OF').map((r) => r.object))];
  // "Military spokesman Yahya Saree": the gazetteer ties him to a group, the text says it is an office.
  if (!states.length)
    states = [
      ...new Set(
        held.filter((r) => r.predicate === 'AFFILIATED_WITH' && ms.typeOf(r.object) !== 'Country').map((r) => r.object),
      ),
    ];
  return states.length === 1 ? states[0] : undefined;
}

/** A role description without a name ("der iranische Staatschef"): the person the text or gazetteer gives that role. */
function describedPerson(ms: MentionSet, v: SentenceView, span: RoleSpan, object: string, roles: RoleFact[]): void {
  const { toks, mentionAt, list, si } = v;
  const artBefore = (() => {
    let j = span.a - 1;
    const adj = mentionAt(j);
    if (adj && adj.tokEnd === span.a) j = adj.tokStart - 1;
    return (
      j >= 0 &&
      /^(der|die|den|dem|des|the|a|an|this|that|dieser|diese|diesem|diesen|seinem|seinen|its|their)$/u.test(
        toks[j]!.norm,
      )
    );
  })();
  if (span.entry.p === 'AFFILIATED_WITH' || !artBefore || span.entry.weak) return;
  // Who held the office when the article was written; an undated article never gets today's holder.
  const year = articleYear(ms);
  const heldBy = (id: string) =>
    knownRoles(ms, id).some((r) => r.predicate === span.entry.p && r.object === object && inOfficeAt(r, year, false));
  const candidates = new Set<string>();
  for (const r of roles) if (r.predicate === span.entry.p && r.object === object) candidates.add(r.person);
  if (!candidates.size)
    for (const e of ms.entities.values()) if (e.type === 'Person' && heldBy(e.id)) candidates.add(e.id);
  let pick = [...candidates];
  if (pick.length > 1) {
    // Several holders named (a predecessor and the incumbent): the one in office at the article's date; undated,
    // the one whose term began last, since a text naming both was written after the successor took office.
    const current = pick.filter(heldBy);
    if (current.length) pick = current;
    else if (Number.isNaN(year)) {
      const began = (id: string) =>
        Math.max(
          ...knownRoles(ms, id)
            .filter((r) => r.predicate === span.entry.p && r.object === object)
            .map((r) => Number((r.from ?? '0').slice(0, 4))),
          -1,
        );
      const latest = Math.max(...pick.map(began));
      if (latest > 0) pick = pick.filter((id) => began(id) === latest);
    }
  }
  if (pick.length !== 1) {
    // An office holder the text does not name acts for the state: "der russische Premierminister lud … ein".
    const adj = mentionAt(span.a - 1);
    if (adj && adj.entity === object && adj.tokEnd === span.a && ms.typeOf(object) === 'Country') adj.actor = true;
    return;
  }
  const pid = pick[0]!;
  const a = span.a > 0 && ms.lex.articles.has(toks[span.a - 1]!.norm) ? span.a - 1 : span.a;
  const adj = mentionAt(span.a - 1);
  const start = adj && adj.entity === object ? adj.tokStart : a;
  const m: Mention = {
    entity: pid,
    sentence: si,
    tokStart: start,
    tokEnd: span.b,
    start: toks[start]!.start,
    end: toks[span.b - 1]!.end,
    surface: surfaceOf(ms.text, toks, start, span.b),
    kind: 'coref',
    actor: true,
  };
  // The coreferent mention replaces the adjective: the person, not the state, acts.
  for (let q = list.length - 1; q >= 0; q--)
    if (list[q]!.tokStart >= start && list[q]!.tokEnd <= span.b) list.splice(q, 1);
  list.push(m);
  list.sort((x, y) => x.tokStart - y.tokStart);
  // "Benjamin Netanyahu's triumph keeps in place an Israeli prime minister": named in the same sentence.
  if (list.some((x) => x !== m && x.entity === pid && x.kind !== 'coref'))
    roles.push({ person: pid, predicate: span.entry.p, object, role: span.role, sentence: si });
}
