// Stage 3 (pure): sentences → entity mentions (gazetteer longest match, cue-based people/organisations/armed groups,
// items), role facts ("der russische Präsident Wladimir Putin") and coreference (surnames, role descriptions, pairs).

import type { Entity, EntityType, Predicate } from '../../model.js';
import { getGazetteer, type Gazetteer, type GazetteerEntry, type SurfaceForm } from '../gaz.js';
import {
  ACTOR_NOUNS,
  ARTICLES,
  COLLECTIVE_ACTORS,
  COUNTERPART,
  CUES,
  ITEMS,
  NEVER_NAMES,
  ORG_CONNECTORS,
  ORG_HEADS,
  ORG_TYPE_NOUNS,
  PERSON_TITLES,
  PREPOSITIONS,
  REBEL_NOUNS,
  STOPWORDS,
  ROLE_BLOCKERS,
  ROLE_DE_PREFIXES,
  ROLE_DE_SUFFIXES,
  ROLE_INDEX,
  ROLE_VARIANTS,
  type CueIndex,
  type CompiledCue,
  type RoleEntry,
} from '../lexicon.js';
import type { Mention, MentionKind, RecognisedDoc, RoleFact, SegmentedDoc, Sentence, Token } from '../types.js';
import { tokenize } from './02-segment.js';

// ---------- gazetteer matcher ----------

interface FormEntry {
  norms: string[];
  texts: string[];
  id: string;
  kind: MentionKind;
  cs: boolean;
  lang?: 'de' | 'en';
  amb?: boolean;
  /** The first token must be capitalised in the text (case-insensitive proper names). */
  needsCap: boolean;
  upperFirst: boolean;
}
interface TrieNode {
  next: Map<string, TrieNode>;
  forms: FormEntry[];
}

/** Surface forms in a token trie: one walk per position finds every form starting there. */
class FormIndex {
  readonly root: TrieNode = { next: new Map(), forms: [] };
  size = 0;
  add(fe: FormEntry): void {
    let node = this.root;
    for (const n of fe.norms) {
      let c = node.next.get(n);
      if (!c) node.next.set(n, (c = { next: new Map(), forms: [] }));
      node = c;
    }
    if (node.forms.some((f) => f.id === fe.id && f.kind === fe.kind && f.cs === fe.cs)) return;
    node.forms.push(fe);
    node.forms.sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9));
    this.size++;
  }
  hasFirst(norm: string): boolean {
    return this.root.next.has(norm);
  }
  /** Memo: can a (capitalised, German) token start a match here at all? Most tokens cannot. */
  private readonly viable = new Map<string, boolean>();
  canStart(norm: string, stems: boolean): boolean {
    if (this.root.next.has(norm)) return true;
    if (!stems) return false;
    let v = this.viable.get(norm);
    if (v === undefined) {
      v = hasStem(this.root, norm);
      if (this.viable.size > 200_000) this.viable.clear();
      this.viable.set(norm, v);
    }
    return v;
  }
}

interface Matcher {
  index: FormIndex;
  entries: Map<string, GazetteerEntry>;
}

const KIND_RANK: Record<string, number> = {
  name: 0,
  alias: 1,
  abbrev: 2,
  metonym: 3,
  surname: 4,
  demonym: 5,
  adjective: 6,
};
const DE_SUFFIXES = ['s', 'es', 'n', 'en', 'e', 'er', 'em', 'ns'];
const UNIFY_APOS = (s: string) => s.replace(/[’‘`´]/g, "'");
const normOf = (t: Token) => (t.norm.includes('’') ? UNIFY_APOS(t.norm) : t.norm);

function addForm(
  index: FormIndex,
  form: string,
  id: string,
  kind: MentionKind,
  cs: boolean,
  lang?: 'de' | 'en',
  amb?: boolean,
) {
  const toks = tokenize(UNIFY_APOS(form));
  if (!toks.length) return;
  const texts = toks.map((t) => t.text);
  const upperFirst = /^\p{Lu}/u.test(texts[0]!);
  const needsCap = !cs && kind !== 'adjective' && kind !== 'demonym' && !/^\p{Ll}/u.test(texts[0]!);
  index.add({ norms: toks.map((t) => t.norm), texts, id, kind, cs, lang, amb, needsCap, upperFirst });
}

let matcherCache: { gaz: Gazetteer; m: Matcher } | undefined;
function getMatcher(): Matcher {
  const gaz = getGazetteer();
  if (matcherCache?.gaz === gaz) return matcherCache.m;
  const index = new FormIndex();
  const entries = new Map<string, GazetteerEntry>(gaz.entries);
  for (const f of gaz.forms)
    addForm(index, f.form, f.id, f.kind as SurfaceForm['kind'], f.caseSensitive, f.lang, f.ambiguous);
  for (const c of COLLECTIVE_ACTORS) {
    if (!entries.has(c.id)) entries.set(c.id, { id: c.id, name: c.name, type: c.type, aliases: [] });
    for (const f of c.forms) addForm(index, f, c.id, 'alias', false);
  }
  const m = { index, entries };
  matcherCache = { gaz, m };
  return m;
}

function validForm(fe: FormEntry, toks: Token[], i: number, end: number, suffix: string, lang: string): boolean {
  if (fe.lang && lang !== 'und' && fe.lang !== lang && fe.kind === 'adjective') return false;
  if (suffix && (fe.kind === 'abbrev' || fe.kind === 'adjective' || fe.kind === 'demonym')) return false;
  if (fe.cs) {
    for (let k = i; k < end; k++) {
      const text = toks[k]!.text.includes('\u00AD') ? toks[k]!.text.replace(/\u00AD/g, '') : toks[k]!.text;
      const want = fe.texts[k - i]!;
      if (k === end - 1 && suffix ? !text.startsWith(want) : text !== want && UNIFY_APOS(text) !== want) return false;
    }
  }
  const first = toks[i]!;
  if (fe.needsCap && !first.cap && first.kind !== 'num') return false;
  if (fe.kind === 'adjective' && lang === 'en' && fe.upperFirst && !first.cap) return false;
  return true;
}

function hasStem(root: TrieNode, norm: string): boolean {
  for (const s of DE_SUFFIXES)
    if (norm.length > s.length + 2 && norm.endsWith(s) && root.next.has(norm.slice(0, -s.length))) return true;
  return false;
}

function matchAt(
  toks: Token[],
  i: number,
  index: FormIndex,
  lang: string,
): { fe: FormEntry; end: number; suffix: string; alts: FormEntry[] } | undefined {
  const t0 = toks[i]!;
  if (t0.kind === 'punct') return undefined;
  if (!index.canStart(normOf(t0), lang !== 'en' && t0.cap)) return undefined;
  // Allocated on the first candidate only: most positions that pass canStart still match nothing.
  let found: Array<{ end: number; forms: FormEntry[]; suffix: string }> | undefined;
  let node = index.root;
  for (let k = i; k < toks.length && k < i + 8; k++) {
    const t = toks[k]!;
    if (k > i && t.glued && !t.hyphen && t.kind === 'word' && toks[k - 1]!.kind === 'word') break;
    const norm = normOf(t);
    if (lang !== 'en' && t.cap && t.kind === 'word') {
      // German inflection on the last token: Russlands, Kim Jong Uns, Irans.
      for (const s of DE_SUFFIXES) {
        if (norm.length <= s.length + 2 || !norm.endsWith(s)) continue;
        const c = node.next.get(norm.slice(0, -s.length));
        if (c && c.forms.length) (found ??= []).push({ end: k + 1, forms: c.forms, suffix: s });
      }
    }
    const child = node.next.get(norm);
    if (!child) break;
    if (child.forms.length) (found ??= []).push({ end: k + 1, forms: child.forms, suffix: '' });
    node = child;
  }
  if (!found) return undefined;
  if (found.length > 1) found.sort((a, b) => b.end - a.end || a.suffix.length - b.suffix.length);
  for (const f of found) {
    // The valid forms in order, one per entity id (same result as filter-then-dedupe, without the interim array).
    let alts: FormEntry[] | undefined;
    for (const fe of f.forms) {
      if (!validForm(fe, toks, i, f.end, f.suffix, lang)) continue;
      if (!alts) alts = [fe];
      else if (!alts.some((a) => a.id === fe.id)) alts.push(fe);
    }
    if (!alts) continue;
    return { fe: alts[0]!, end: f.end, suffix: f.suffix, alts };
  }
  return undefined;
}

// ---------- helpers ----------

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00AD]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const STOP_ALL = new Set([...STOPWORDS.de, ...STOPWORDS.en]);
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'abu',
  'von',
  'van',
  'de',
  'da',
  'di',
  'du',
  'le',
  'la',
  'del',
  'dos',
  'ter',
  'bint',
]);
const SPEECH =
  /^(said|says|told|added|noted|argued|warned|wrote|sagte|sagt|sagten|erklärte|betonte|bemerkte|meinte|schrieb|warnte|fügte|kritisierte)$/u;
const QUOTE_OPEN = new Set(['„', '“', '"', '«', '»', "'", '‚']);
const ABBR_TOKEN = /^(\p{Lu}\.){2,}$/u;

function surfaceOf(text: string, toks: Token[], a: number, b: number): string {
  const s = text.slice(toks[a]!.start, toks[b - 1]!.end);
  return b - a === 1 && !s.includes('\u00AD') ? s : s.replace(/\u00AD/g, '').replace(/\s+/g, ' ');
}

interface SentState {
  sent: Sentence;
  taken: Int32Array; // index into mentions + 1, 0 = free
}

interface RoleSpan {
  a: number;
  b: number;
  entry: RoleEntry;
  role: string;
  prefixCountry?: string;
  /** "Iran-Experte": the glued state is the topic of the expertise, never the role's object. */
  topicPrefix?: boolean;
}

// ---------- the stage ----------

export function recogniseEntities(doc: SegmentedDoc): RecognisedDoc {
  const { index, entries: gazEntries } = getMatcher();
  const lang = doc.language;
  const text = doc.text;
  const entities = new Map<string, Entity>();
  const mentions: Mention[] = [];
  const states: SentState[] = doc.sentences.map((s) => ({ sent: s, taken: new Int32Array(s.tokens.length) }));
  const docForms = new FormIndex();
  const roleSpans: RoleSpan[][] = doc.sentences.map(() => []);

  const ensureEntity = (id: string, name: string, type: EntityType): Entity => {
    let e = entities.get(id);
    if (!e) {
      const g = gazEntries.get(id);
      e = g
        ? {
            id,
            name: g.name,
            type: g.type,
            // Aliases are the surface forms seen in this text (the contract), plus the canonical name.
            aliases: [g.name],
            ...(g.iso2 ? { iso2: g.iso2 } : {}),
            ...(g.iso3 ? { iso3: g.iso3 } : {}),
            ...(g.wikidata ? { wikidata: g.wikidata } : {}),
          }
        : { id, name, type, aliases: [name] };
      entities.set(id, e);
    }
    return e;
  };
  const typeOf = (id: string): EntityType | undefined => entities.get(id)?.type ?? gazEntries.get(id)?.type;

  const addMention = (
    st: SentState,
    a: number,
    b: number,
    id: string,
    kind: MentionKind,
    actor: boolean,
    extra?: Partial<Mention>,
  ) => {
    for (let k = a; k < b; k++) if (st.taken[k]) return undefined;
    const toks = st.sent.tokens;
    const m: Mention = {
      entity: id,
      sentence: st.sent.index,
      tokStart: a,
      tokEnd: b,
      start: toks[a]!.start,
      end: toks[b - 1]!.end,
      surface: surfaceOf(text, toks, a, b),
      kind,
      actor,
      ...extra,
    };
    mentions.push(m);
    for (let k = a; k < b; k++) st.taken[k] = mentions.length;
    const e = entities.get(id);
    if (e && !e.aliases.includes(m.surface) && kind !== 'coref') e.aliases.push(m.surface);
    return m;
  };

  const isActorType = (t?: EntityType) =>
    t === 'Country' || t === 'Person' || t === 'Organization' || t === 'ArmedGroup';

  const possAfter = (toks: Token[], end: number): boolean => {
    const a = toks[end];
    const b = toks[end + 1];
    return !!(a && b && (a.text === '’' || a.text === "'") && a.glued && b.norm === 's' && b.glued);
  };

  // How often each entity is named unambiguously: ambiguous forms ("Kim", "Bush") resolve to a named one.
  const anchors = new Map<string, number>();
  const pending: Array<{ st: SentState; i: number }> = [];
  const resolvePending = () => {
    for (const { st, i } of pending.splice(0)) {
      if (st.taken[i]) continue;
      const hit = matchAt(st.sent.tokens, i, index, lang);
      if (!hit) continue;
      let anchored = hit.alts.filter((a) => anchors.has(a.id)).sort((a, b) => anchors.get(b.id)! - anchors.get(a.id)!);
      let free = true;
      for (let k = i; k < hit.end; k++) if (st.taken[k]) free = false;
      // A form with one reading flagged as risky ("Turkey", "Indian") is taken among other states or organisations.
      if (!anchored.length && hit.alts.length === 1 && i > 0 && /^(name|adjective|demonym)$/.test(hit.alts[0]!.kind)) {
        const other = hit.alts[0]!.id;
        const geo = mentions.some(
          (m) =>
            m.sentence === st.sent.index &&
            m.entity &&
            m.entity !== other &&
            /^(Country|Organization)$/.test(entities.get(m.entity)?.type ?? ''),
        );
        if (geo) anchored = hit.alts;
      }
      if (!anchored.length || !free) continue;
      const fe = anchored[0]!;
      const g = gazEntries.get(fe.id);
      if (!g) continue;
      ensureEntity(fe.id, g.name, g.type);
      const adjective = fe.kind === 'adjective' || fe.kind === 'demonym';
      addMention(st, i, hit.end, fe.id, fe.kind, !adjective && isActorType(g.type), {
        poss: hit.suffix === 's' || possAfter(st.sent.tokens, hit.end),
      });
    }
  };
  const gazPass = (st: SentState, idx: FormIndex, allowAmbiguous: boolean) => {
    const toks = st.sent.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (st.taken[i]) continue;
      const hit = matchAt(toks, i, idx, lang);
      if (!hit) continue;
      const ambiguous = hit.alts.length > 1 || hit.fe.amb;
      if (ambiguous) {
        if (!allowAmbiguous) {
          pending.push({ st, i });
          continue;
        }
        const anchored = hit.alts
          .filter((a) => anchors.has(a.id))
          .sort((a, b) => anchors.get(b.id)! - anchors.get(a.id)!);
        if (!anchored.length) continue;
        hit.fe = anchored[0]!;
      }
      // A surname that is also a sentence-initial function word ("But" for Bout) needs its full name in the text.
      if (
        hit.fe.kind === 'surname' &&
        !anchors.has(hit.fe.id) &&
        (STOP_ALL.has(toks[i]!.norm) || NEVER_NAMES.has(toks[i]!.norm))
      )
        continue;
      let free = true;
      for (let k = i; k < hit.end; k++) if (st.taken[k]) free = false;
      if (!free) continue;
      const g = gazEntries.get(hit.fe.id);
      const type = g?.type ?? entities.get(hit.fe.id)?.type;
      if (!type) continue;
      const e = ensureEntity(hit.fe.id, g?.name ?? hit.fe.texts.join(' '), type);
      const adjective = hit.fe.kind === 'adjective' || hit.fe.kind === 'demonym';
      const actor = type === 'Item' ? false : adjective ? false : isActorType(e.type);
      const genitive =
        lang !== 'en' &&
        hit.end - i === 1 &&
        toks[i]!.norm.endsWith('s') &&
        !!idx.root.next.get(toks[i]!.norm.slice(0, -1))?.forms.some((f) => f.id === hit.fe.id);
      addMention(st, i, hit.end, hit.fe.id, hit.fe.kind, actor, {
        poss: hit.suffix === 's' || genitive || possAfter(toks, hit.end),
      });
      if (!ambiguous && hit.fe.kind !== 'adjective' && hit.fe.kind !== 'demonym')
        anchors.set(hit.fe.id, (anchors.get(hit.fe.id) ?? 0) + (hit.fe.kind === 'surname' ? 1 : 2));
      i = hit.end - 1;
    }
  };

  const nameSpan = (st: SentState, i: number, min = 2): number => {
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
        !NEVER_NAMES.has(t.norm) &&
        !ROLE_INDEX.has(t.norm) &&
        !ACTOR_NOUNS.has(t.norm)
      ) {
        if (ABBR_TOKEN.test(t.text) && count === 0) break;
        if (count > 0 && !t.hyphen && t.glued) break;
        j++;
        count++;
        continue;
      }
      if (t.kind === 'word' && PARTICLES.has(t.norm) && count > 0 && toks[j + 1]?.cap) {
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
  };

  const addPerson = (st: SentState, a: number, b: number): Mention | undefined => {
    const toks = st.sent.tokens;
    const nextM = st.taken[b] ? mentions[st.taken[b]! - 1] : undefined;
    if (nextM && entities.get(nextM.entity)?.type === 'Person') return undefined;
    if (b - a === 1 && toks[b]?.text === '.') return undefined;
    let name = surfaceOf(text, toks, a, b);
    if (lang === 'de' && b - a >= 2 && /s$/.test(name) && docForms.hasFirst(toks[b - 1]!.norm.slice(0, -1)))
      name = name.slice(0, -1);
    const id = `person:${slug(name)}`;
    if (!slug(name)) return undefined;
    ensureEntity(id, name, 'Person');
    const m = addMention(st, a, b, id, 'name', true);
    if (m) {
      // Later sentences may use the full name or the surname alone ("Bassiri Tabrizi", "Reeves").
      addForm(docForms, name, id, 'name', false);
      const parts = name.split(' ');
      if (parts.length >= 2) addForm(docForms, parts[parts.length - 1]!, id, 'surname', true);
      if (parts.length >= 3) addForm(docForms, parts.slice(-2).join(' '), id, 'surname', true);
    }
    return m;
  };

  const addOrg = (st: SentState, a: number, b: number, type: EntityType = 'Organization'): Mention | undefined => {
    const toks = st.sent.tokens;
    const name = surfaceOf(text, toks, a, b);
    const id = `${type === 'ArmedGroup' ? 'group' : 'org'}:${slug(name)}`;
    if (!slug(name)) return undefined;
    ensureEntity(id, name, type);
    const m = addMention(st, a, b, id, 'name', true, { poss: possAfter(toks, b) });
    if (m) addForm(docForms, name, id, 'name', true);
    return m;
  };

  // Pass A: gazetteer names, unambiguous forms first, then ambiguous ones resolved against them.
  for (const st of states) gazPass(st, index, false);

  // Pass B: roles, organisations, people, armed groups (cue based), items.
  for (const st of states) {
    const toks = st.sent.tokens;
    const n = toks.length;
    // Role nouns.
    for (let i = 0; i < n; i++) {
      if (toks[i]!.kind !== 'word') continue;
      if (st.taken[i]) {
        const pm = mentions[st.taken[i]! - 1]!;
        if (!(
          pm.tokStart === i &&
          pm.tokEnd - pm.tokStart >= 2 &&
          entities.get(pm.entity)?.type === 'Person' &&
          ROLE_INDEX.has(toks[i]!.norm)
        ))
          continue;
      }
      const tn = toks[i]!.norm;
      if (!ROLE_INDEX.has(tn) && !ROLE_VARIANTS.has(tn) && !(toks[i]!.cap && tn.length > 6 && hasRoleSuffix(tn)))
        continue;
      const span = roleAt(toks, i, st, mentions);
      if (span) {
        roleSpans[st.sent.index]!.push(span);
        i = span.b - 1;
      }
    }
    // Organisations introduced by a type noun ("Think Tank Chatham House", "the company X", "Recherchezentrums Correctiv").
    for (let i = 0; i < n; i++) {
      if (st.taken[i]) continue;
      const typeEnd = orgTypeAt(toks, i);
      if (typeEnd < 0) continue;
      let j = typeEnd;
      for (;;) {
        if (j >= n) break;
        let a = j;
        let b: number;
        if (QUOTE_OPEN.has(toks[j]!.text)) {
          a = j + 1;
          b = a;
          while (b < n && b - a < 5 && !QUOTE_OPEN.has(toks[b]!.text) && toks[b]!.text !== '”') b++;
          if (b === a || b >= n) break;
          if (!toks[a]!.cap) break;
        } else {
          b = orgNameSpan(st, j);
          if (b <= j) break;
        }
        if (addOrg(st, a, b))
          addForm(docForms, surfaceOf(text, toks, a, b), `org:${slug(surfaceOf(text, toks, a, b))}`, 'name', true);
        j = QUOTE_OPEN.has(toks[j]!.text) ? b + 1 : b;
        if (
          j < n &&
          (toks[j]!.text === ',' || toks[j]!.norm === 'und' || toks[j]!.norm === 'and' || toks[j]!.norm === 'sowie') &&
          j + 1 < n &&
          toks[j + 1]!.cap &&
          !st.taken[j + 1]
        ) {
          j++;
          continue;
        }
        break;
      }
    }
    // Organisations with a head word ("Brookings Institution", "Council on Foreign Relations", "Likud party").
    for (let i = 0; i < n; i++) {
      if (st.taken[i] || !toks[i]!.cap || toks[i]!.kind !== 'word' || NEVER_NAMES.has(toks[i]!.norm)) continue;
      let j = i;
      let hasHead = false;
      let lastGood = i;
      while (j < n && j - i < 10) {
        const t = toks[j]!;
        if (st.taken[j]) break;
        if (t.kind === 'word' && (t.cap || ABBR_TOKEN.test(t.text))) {
          if (ORG_HEADS.has(t.norm)) hasHead = true;
          j++;
          lastGood = j;
          continue;
        }
        if (t.kind === 'word' && ORG_CONNECTORS.has(t.norm) && j > i && toks[j + 1]?.cap && !st.taken[j + 1]) {
          j++;
          continue;
        }
        if (t.kind === 'word' && (t.norm === 'party' || t.norm === 'partei' || t.norm === 'movement') && j > i) {
          hasHead = true;
          j++;
          lastGood = j;
        }
        break;
      }
      // An adjective mention right before a head word ("Palestinian Authority") belongs to the name.
      let a = i;
      const prevM = i > 0 && st.taken[i - 1] ? mentions[st.taken[i - 1]! - 1] : undefined;
      if (prevM && prevM.kind === 'adjective' && prevM.tokEnd === i && ORG_HEADS.has(toks[i]!.norm)) {
        a = prevM.tokStart;
        mentions.splice(st.taken[i - 1]! - 1, 1, { ...prevM, entity: '', actor: false });
        for (let k = prevM.tokStart; k < prevM.tokEnd; k++) st.taken[k] = 0;
      }
      if (hasHead && lastGood - a >= 2) {
        addOrg(st, a, lastGood);
        i = lastGood - 1;
      } else i = Math.max(i, j - 1);
    }
    // People.
    for (const span of roleSpans[st.sent.index]!) {
      let j = span.b;
      if (toks[j]?.text === ',' && lang === 'en') j++;
      if (toks[j] && !st.taken[j]) {
        const b = nameSpan(st, j, 2);
        if (b > j) addPerson(st, j, b);
      }
    }
    const sentHasSpeech = toks.some((x) => SPEECH.test(x.norm));
    for (let i = 0; i < n; i++) {
      if (st.taken[i]) continue;
      const t = toks[i]!;
      // Mr. Reeves, Dr. X
      if (PERSON_TITLES.has(t.norm) && toks[i + 1]?.text === '.' && toks[i + 2] && !st.taken[i + 2]) {
        const b = nameSpan(st, i + 2, 1);
        if (b > i + 2) {
          const surname = surfaceOf(text, toks, i + 2, b);
          const known = docForms.hasFirst(slug(surname).replace(/-/g, ' ').split(' ')[0]!);
          if (!known) addPerson(st, i + 2, b);
        }
        continue;
      }
      // "said Martin Indyk", "sagte Aniseh Bassiri Tabrizi"
      if (t.kind === 'word' && SPEECH.test(t.norm) && toks[i + 1] && !st.taken[i + 1]) {
        const b = nameSpan(st, i + 1, 2);
        if (b > i + 1 && (b === n || toks[b]!.kind === 'punct')) addPerson(st, i + 1, b);
        continue;
      }
      // "Martin Indyk said", "Eric Reeves, one of …, said", "Viktor Bout, der russische Waffenhändler"
      if (
        t.cap &&
        t.kind === 'word' &&
        (i === 0 || toks[i - 1]!.kind === 'punct' || ARTICLES.has(toks[i - 1]!.norm) === false)
      ) {
        const b = nameSpan(st, i, 2);
        if (b > i && b - i <= 4) {
          const next = toks[b];
          const after = toks[b + 1];
          const apposRole =
            next?.text === ',' &&
            after &&
            (ARTICLES.has(after.norm) ||
              after.norm === 'one' ||
              ROLE_INDEX.has(after.norm) ||
              /^(leitende[rn]?|senior|former|ehemalige[rn]?)$/u.test(after.norm));
          if (
            (next && SPEECH.test(next.norm)) ||
            (apposRole && (sentHasSpeech || i === 0 || toks[i - 1]!.kind === 'punct'))
          ) {
            addPerson(st, i, b);
            i = b - 1;
          }
        }
      }
    }
    // Country adjective + noun + name: "der russische Waffenhändler Viktor Bout", "American basketball star Brittney Griner".
    for (let i = 0; i < n; i++) {
      const m = st.taken[i] ? mentions[st.taken[i]! - 1] : undefined;
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
        if (ROLE_INDEX.has(toks[j]!.norm) || ACTOR_NOUNS.has(toks[j]!.norm)) break;
        j++;
        skipped++;
      }
      if (!skipped || j >= n || st.taken[j]) continue;
      const b = nameSpan(st, j, 2);
      if (b > j && (b === n || !toks[b]!.cap)) addPerson(st, j, b);
    }
    // Armed groups: "rebels in (neighboring) South Sudan", "South Sudanese rebels".
    for (let i = 0; i < n; i++) {
      if (!REBEL_NOUNS.has(toks[i]!.norm) || st.taken[i]) continue;
      let place: Mention | undefined;
      let a = i;
      let b = i + 1;
      const prev = i > 0 && st.taken[i - 1] ? mentions[st.taken[i - 1]! - 1] : undefined;
      if (prev && (prev.kind === 'adjective' || prev.kind === 'demonym') && prev.tokEnd === i) {
        place = prev;
        a = prev.tokStart;
      } else if (toks[i + 1] && (toks[i + 1]!.norm === 'in' || toks[i + 1]!.norm === 'im')) {
        let j = i + 2;
        while (j < n && !st.taken[j] && j < i + 4 && !toks[j]!.cap) j++;
        const pm = st.taken[j] ? mentions[st.taken[j]! - 1] : undefined;
        if (pm && (typeOf(pm.entity) === 'Country' || typeOf(pm.entity) === 'Location') && pm.tokStart === j) {
          place = pm;
          b = pm.tokEnd;
        }
      }
      if (!place || !place.entity) continue;
      const pe = entities.get(place.entity)!;
      const id = `group:${slug(pe.name)}-rebels`;
      const name = `rebels in ${pe.name}`;
      // The group mention replaces the place mention: the rebels, not the country, are the actor.
      const pIdx = mentions.indexOf(place);
      for (let k = place.tokStart; k < place.tokEnd; k++) st.taken[k] = 0;
      mentions.splice(pIdx, 1, { ...place, entity: '', actor: false });
      ensureEntity(id, name, 'ArmedGroup');
      addMention(st, a, b, id, 'name', true);
      entities.get(id)!.aliases.push(`${pe.name} rebels`);
    }
  }
  // Pass C: names and surnames found in this document, wherever they recur.
  if (docForms.size > 0) {
    for (const st of states) gazPass(st, docForms, true);
  }
  resolvePending();
  // Items, pair phrases, actor nouns.
  for (const st of states) {
    const toks = st.sent.tokens;
    const n = toks.length;
    for (let i = 0; i < n; i++) {
      if (toks[i]!.kind !== 'word') continue;
      let item: { id: string; name: string } | undefined;
      const have = st.taken[i] ? mentions[st.taken[i]! - 1]! : undefined;
      if (have) {
        if (have.tokStart !== i || have.tokEnd !== i + 1 || typeOf(have.entity) !== 'Item' || !toks[i]!.hyphen)
          continue;
        // A gazetteer item with a model name glued in front: „Shahed“-Angriffsdrohnen.
        item = { id: have.entity, name: entities.get(have.entity)?.name ?? have.surface };
        const idx = mentions.indexOf(have);
        mentions.splice(idx, 1, { ...have, entity: '' });
        st.taken[i] = 0;
      } else item = itemAt(toks, i);
      if (item) {
        let a = i;
        let id = item.id;
        let name = item.name;
        // Model names: „Shahed“-Angriffsdrohnen, Iskander-Raketen, Shahed drones.
        const prevIdx = toks[i]!.hyphen
          ? QUOTE_OPEN.has(toks[i - 1]?.text ?? '') || toks[i - 1]?.text === '“' || toks[i - 1]?.text === '”'
            ? i - 2
            : i - 1
          : -1;
        const modelTok = prevIdx >= 0 ? toks[prevIdx] : toks[i - 1]?.cap && lang === 'en' ? toks[i - 1] : undefined;
        if (
          modelTok &&
          modelTok.kind === 'word' &&
          modelTok.cap &&
          !st.taken[toks.indexOf(modelTok)] &&
          !NEVER_NAMES.has(modelTok.norm) &&
          !(index.root.next.get(modelTok.norm)?.forms ?? []).some((f) => gazEntries.get(f.id)?.type === 'Country')
        ) {
          id = `item:${slug(modelTok.text)}-${item.id.slice(5)}`;
          name = `${modelTok.text} ${item.name}`;
          a = toks.indexOf(modelTok);
          if (a > 0 && QUOTE_OPEN.has(toks[a - 1]!.text)) a--;
        }
        ensureEntity(id, name, 'Item');
        if (!addMention(st, a, i + 1, id, 'item', false)) addMention(st, i, i + 1, item.id, 'item', false);
        continue;
      }
    }
    for (let i = 0; i < n; i++) {
      if (st.taken[i]) continue;
      const len = cueAt(toks, i, CUES.pairs);
      if (len) {
        const m = addMention(st, i, i + len, '@pair', 'coref', true);
        if (m) i += len - 1;
      }
    }
    // "iranische Regierung", "American officials", "zwischen dem iranischen und russischen Militär".
    for (let i = 0; i < n; i++) {
      const m = st.taken[i] ? mentions[st.taken[i]! - 1] : undefined;
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
        !ACTOR_NOUNS.has(toks[j]!.norm) &&
        !toks[j]!.cap &&
        lang === 'en'
      )
        j++;
      const noun = toks[j];
      if (
        noun &&
        ACTOR_NOUNS.has(noun.norm) &&
        !st.taken[j] &&
        (m.kind !== 'adjective' || typeOf(m.entity) === 'Country')
      ) {
        m.actor = typeOf(m.entity) === 'Country';
        continue;
      }
      // Coordinated adjectives: "dem iranischen und russischen Militär".
      const conj = toks[m.tokEnd];
      const m2 = st.taken[m.tokEnd + 1] ? mentions[st.taken[m.tokEnd + 1]! - 1] : undefined;
      if (
        conj &&
        (conj.norm === 'und' || conj.norm === 'and') &&
        m2 &&
        m2.kind === 'adjective' &&
        m2.tokStart === m.tokEnd + 1
      ) {
        const noun2 = toks[m2.tokEnd];
        if (noun2 && ACTOR_NOUNS.has(noun2.norm)) {
          m.actor = typeOf(m.entity) === 'Country';
          m2.actor = typeOf(m2.entity) === 'Country';
        }
      }
    }
  }

  // Role facts and coreference.
  const roles: RoleFact[] = [];
  const bySentence: Mention[][] = doc.sentences.map(() => []);
  const live = mentions.filter((m) => m.entity);
  for (const m of live) bySentence[m.sentence]!.push(m);
  for (const list of bySentence) list.sort((a, b) => a.tokStart - b.tokStart);

  const knownRoles = (person: string) => gazEntries.get(person)?.roles ?? [];
  let lastOrg: string | undefined;
  let lastGroup: string | undefined;
  const recentCountries: string[] = [];
  const pushCountry = (id: string) => {
    const k = recentCountries.indexOf(id);
    if (k >= 0) recentCountries.splice(k, 1);
    recentCountries.push(id);
  };

  for (const st of states) {
    const si = st.sent.index;
    const toks = st.sent.tokens;
    const ms = bySentence[si]!;
    const mentionAt = (k: number) => ms.find((m) => m.tokStart <= k && k < m.tokEnd);
    let apposPerson: { id: string; end: number } | undefined;
    for (const span of roleSpans[si]!) {
      // The person: a name right after the role, or an apposition before it ("X, executive vice president of Y").
      let person: string | undefined;
      let personAfter = false;
      let k = span.b;
      if (toks[k]?.text === ',' && lang === 'en') k++;
      const after = mentionAt(k) ?? mentionAt(span.a);
      if (after && (after.tokStart === k || after.tokStart <= span.a) && typeOf(after.entity) === 'Person') {
        person = after.entity;
        personAfter = true;
      } else {
        let j = span.a - 1;
        let steps = 0;
        while (j >= 0 && steps < 4 && toks[j]!.text !== ',' && !mentionAt(j)) {
          j--;
          steps++;
        }
        const prev = j >= 1 && toks[j]!.text === ',' ? mentionAt(j - 1) : undefined;
        if (prev && typeOf(prev.entity) === 'Person' && prev.tokEnd === j) person = prev.entity;
        else if (apposPerson && span.a - apposPerson.end < 16) person = apposPerson.id;
      }
      // "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa,": a genitive tail, then the apposed name;
      // the state is the one named inside the tail.
      let tailState: string | undefined;
      if (!person && toks[span.b] && /^(des|der|of)$/u.test(toks[span.b]!.norm)) {
        let j = span.b + 1;
        // Only a noun phrase: capitalised words, names, adjectives of states, articles and "in/of" (no verb).
        while (
          j < toks.length &&
          j < span.b + 8 &&
          toks[j]!.text !== ',' &&
          (toks[j]!.cap || mentionAt(j) || /^(des|der|dem|den|the|of|in|for|für|and|und)$/u.test(toks[j]!.norm))
        )
          j++;
        const nm = toks[j]?.text === ',' ? mentionAt(j + 1) : undefined;
        if (nm && nm.tokStart === j + 1 && typeOf(nm.entity) === 'Person') {
          person = nm.entity;
          for (let q = span.b + 1; q < j && !tailState; q++) {
            const mm = mentionAt(q);
            if (mm && typeOf(mm.entity) === 'Country') tailState = mm.entity;
          }
        }
      }
      // The state or organisation: compound prefix, adjective, possessive or name before; "of/at/beim X" after.
      let object: string | undefined = span.prefixCountry ?? tailState;
      if (!object) {
        let j = span.a - 1;
        while (
          j >= 0 &&
          (ROLE_BLOCKERS.has(toks[j]!.norm) ||
            /^(former|ehemalige[rnms]?|then|damalige[rn]?|designated|new|neue[rn]?)$/u.test(toks[j]!.norm))
        )
          j--;
        // "Iran's foreign minister": step over the possessive ’s.
        if (j >= 2 && toks[j]!.norm === 's' && (toks[j - 1]!.text === '’' || toks[j - 1]!.text === "'")) j -= 2;
        const pm = j >= 0 && !span.topicPrefix ? mentionAt(j) : undefined;
        if (
          pm &&
          pm.tokEnd === j + 1 &&
          typeOf(pm.entity) !== 'Person' &&
          typeOf(pm.entity) !== 'Item' &&
          typeOf(pm.entity) !== 'Location'
        )
          object = pm.entity;
      }
      if (!object && !personAfter) {
        // "X, Präsident Russlands," / "X, Russia's president": a genitive state right after the role.
        const g = mentionAt(span.b);
        if (g && g.tokStart === span.b && g.poss && typeOf(g.entity) === 'Country') object = g.entity;
      }
      if (!object && (!personAfter || span.entry.p === 'AFFILIATED_WITH')) {
        let j = personAfter ? (after ? after.tokEnd : span.b) : span.b;
        const prep = toks[j];
        if (prep && /^(of|at|des|der|von|vom|beim|bei|with|für|for)$/u.test(prep.norm)) {
          j++;
          let steps = 0;
          while (j < toks.length && steps < 5) {
            const mm = mentionAt(j);
            if (
              mm &&
              mm.kind !== 'adjective' &&
              mm.kind !== 'demonym' &&
              (typeOf(mm.entity) === 'Organization' || typeOf(mm.entity) === 'Country')
            ) {
              object = mm.entity;
              break;
            }
            if (mm && mm.kind !== 'adjective' && typeOf(mm.entity) !== 'Item') break;
            if (toks[j]!.text === ',' || (toks[j]!.kind === 'word' && PREPOSITIONS.has(toks[j]!.norm) && steps > 0))
              break;
            j = mm ? mm.tokEnd : j + 1;
            steps++;
          }
        }
      }
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
      if (
        person &&
        !object &&
        (span.entry.p === 'HEAD_OF_STATE' || span.entry.p === 'HEAD_OF_GOVERNMENT') &&
        personAfter
      ) {
        // "Prime Minister Netanyahu": the text gives the office, the gazetteer says of which state.
        const states = [
          ...new Set(
            knownRoles(person)
              .filter((r) => r.predicate === span.entry.p)
              .map((r) => r.object),
          ),
        ];
        if (states.length === 1) object = states[0];
      }
      if (person && !object && span.entry.p === 'OFFICIAL_OF') {
        // "Defense Secretary Pete Hegseth", "The mayor, Vitali Klitschko": a bare office; the gazetteer knows whose,
        // but only when it lists exactly one current office (never a guess).
        // A past office counts when the article's date falls inside it (Gallant, defence minister until 2024).
        const year = doc.published ? Number(doc.published.slice(0, 4)) : NaN;
        const inOffice = (r: { from?: string; to?: string }) =>
          !r.to
            ? !r.from || !(year < Number(r.from.slice(0, 4)))
            : year <= Number(r.to.slice(0, 4)) && !(year < Number((r.from ?? '0').slice(0, 4)));
        const held = knownRoles(person).filter((r) => inOffice(r));
        let states = [...new Set(held.filter((r) => r.predicate === 'OFFICIAL_OF').map((r) => r.object))];
        // "Military spokesman Yahya Saree": the gazetteer ties him to a group, the text says it is an office.
        if (!states.length)
          states = [
            ...new Set(
              held
                .filter((r) => r.predicate === 'AFFILIATED_WITH' && typeOf(r.object) !== 'Country')
                .map((r) => r.object),
            ),
          ];
        if (states.length === 1) object = states[0];
      }
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
      if (!person) {
        // A role description without a name: "der iranische Staatschef" → the person the text or gazetteer gives that role.
        if (object && span.entry.p !== 'AFFILIATED_WITH' && artBefore && !span.entry.weak) {
          const candidates = new Set<string>();
          for (const r of roles) if (r.predicate === span.entry.p && r.object === object) candidates.add(r.person);
          if (!candidates.size)
            for (const e of entities.values())
              if (
                e.type === 'Person' &&
                knownRoles(e.id).some((r) => r.predicate === span.entry.p && r.object === object && !r.to)
              )
                candidates.add(e.id);
          let pick = [...candidates];
          if (pick.length > 1) {
            // Several holders named (a predecessor and the incumbent): prefer the one still in office.
            const current = pick.filter((id) =>
              knownRoles(id).some((r) => r.predicate === span.entry.p && r.object === object && !r.to),
            );
            if (current.length) pick = current;
          }
          if (pick.length === 1) {
            const pid = pick[0]!;
            const a = span.a > 0 && ARTICLES.has(toks[span.a - 1]!.norm) ? span.a - 1 : span.a;
            const adj = mentionAt(span.a - 1);
            const start = adj && adj.entity === object ? adj.tokStart : a;
            const m: Mention = {
              entity: pid,
              sentence: si,
              tokStart: start,
              tokEnd: span.b,
              start: toks[start]!.start,
              end: toks[span.b - 1]!.end,
              surface: surfaceOf(text, toks, start, span.b),
              kind: 'coref',
              actor: true,
            };
            // The coreferent mention replaces the adjective: the person, not the state, acts.
            for (let q = ms.length - 1; q >= 0; q--)
              if (ms[q]!.tokStart >= start && ms[q]!.tokEnd <= span.b) ms.splice(q, 1);
            ms.push(m);
            ms.sort((x, y) => x.tokStart - y.tokStart);
            // "Benjamin Netanyahu's triumph keeps in place an Israeli prime minister": named in the same sentence.
            if (ms.some((x) => x !== m && x.entity === pid && x.kind !== 'coref'))
              roles.push({ person: pid, predicate: span.entry.p, object, role: span.role, sentence: si });
          } else {
            // An office holder the text does not name acts for the state: "der russische Premierminister lud … ein".
            const adj = mentionAt(span.a - 1);
            if (adj && adj.entity === object && adj.tokEnd === span.a && typeOf(object) === 'Country') adj.actor = true;
          }
        }
        continue;
      }
      if (!personAfter) apposPerson = { id: person, end: span.b };
      if (!object) continue;
      const ot = typeOf(object);
      let p: Predicate = span.entry.p;
      if (ot === 'ArmedGroup') p = GROUP_AFFILIATES.test(span.role) ? 'AFFILIATED_WITH' : 'OFFICIAL_OF';
      else if (ot === 'Organization') p = p === 'AFFILIATED_WITH' ? 'AFFILIATED_WITH' : 'OFFICIAL_OF';
      else if (ot === 'Country') {
        if (span.entry.orgOnly) continue;
        if (p === 'AFFILIATED_WITH') p = 'CITIZEN_OF';
      } else continue;
      if (person === object) continue;
      roles.push({ person, predicate: p, object, role: span.role, sentence: si });
    }
    // "seinem iranischen Amtskollegen Masoud Pezeshkian": the counterpart holds the same office in another state.
    for (let i = 0; i < toks.length; i++) {
      if (!COUNTERPART.has(toks[i]!.norm)) continue;
      const adj = mentionAt(i - 1);
      const next = mentionAt(i + 1) ?? (toks[i + 1]?.text === ',' ? mentionAt(i + 2) : undefined);
      const earlier = roles.filter((r) => r.sentence === si).pop();
      if (
        adj &&
        typeOf(adj.entity) === 'Country' &&
        next &&
        typeOf(next.entity) === 'Person' &&
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
    // "the group", "das Bündnis", "die Miliz": the organisation or armed group named last (here or earlier).
    for (let i = 0; i + 1 < toks.length; i++) {
      const noun = toks[i + 1]!;
      const want = GROUP_DESC.get(noun.norm);
      if (!want || !ARTICLES.has(toks[i]!.norm) || mentionAt(i) || mentionAt(i + 1)) continue;
      if (lang === 'en' && noun.cap) continue;
      const nx = toks[i + 2];
      if (nx && (mentionAt(i + 2) || /^(of|von|der|des)$/u.test(nx.norm) || (lang === 'en' && nx.cap))) continue;
      const before = ms.filter((m) => m.tokEnd <= i && want.includes(typeOf(m.entity) ?? 'Country')).pop();
      const id =
        before?.entity ??
        (want.includes('Country')
          ? recentCountries[recentCountries.length - 1]
          : want.includes('ArmedGroup')
            ? (lastGroup ?? lastOrg)
            : lastOrg);
      if (!id || !want.includes(typeOf(id) ?? 'Country')) continue;
      ms.push({
        entity: id,
        sentence: si,
        tokStart: i,
        tokEnd: i + 2,
        start: toks[i]!.start,
        end: noun.end,
        surface: surfaceOf(text, toks, i, i + 2),
        kind: 'coref',
        actor: true,
      });
      ms.sort((x, y) => x.tokStart - y.tokStart);
    }
    for (const m of ms) {
      const mt = typeOf(m.entity);
      if (mt === 'Organization') lastOrg = m.entity;
      if (mt === 'ArmedGroup') {
        lastGroup = m.entity;
        lastOrg = m.entity;
      }
    }
    // "die beiden Länder" → the two countries last named before it.
    for (let q = 0; q < ms.length; q++) {
      const m = ms[q]!;
      if (m.entity === '@pair') {
        const pair = recentCountries.slice(-2);
        ms.splice(q, 1);
        if (pair.length === 2) {
          ms.splice(q, 0, { ...m, entity: pair[0]!, kind: 'coref' }, { ...m, entity: pair[1]!, kind: 'coref' });
          q++;
        } else q--;
        continue;
      }
      if (typeOf(m.entity) === 'Country') pushCountry(m.entity);
      if (typeOf(m.entity) === 'Person') {
        const r = roles.find(
          (x) => x.person === m.entity && x.predicate !== 'AFFILIATED_WITH' && typeOf(x.object) === 'Country',
        );
        const kr = knownRoles(m.entity).find(
          (x) => x.predicate === 'HEAD_OF_STATE' || x.predicate === 'HEAD_OF_GOVERNMENT',
        );
        const c = r?.object ?? kr?.object;
        if (c) pushCountry(c);
      }
    }
    // "Obama administration", "Trump-Regierung": the state the leader runs.
    for (const m of ms) {
      if (typeOf(m.entity) !== 'Person') continue;
      const nx = toks[m.tokEnd];
      if (!nx || !/^(administration|regierung|government|white)$/u.test(nx.norm)) continue;
      const r = roles.find(
        (x) => x.person === m.entity && (x.predicate === 'HEAD_OF_STATE' || x.predicate === 'HEAD_OF_GOVERNMENT'),
      );
      const kr = knownRoles(m.entity).find(
        (x) => x.predicate === 'HEAD_OF_STATE' || x.predicate === 'HEAD_OF_GOVERNMENT',
      );
      const c = r?.object ?? kr?.object;
      if (c) {
        ensureEntity(c, c, 'Country');
        m.entity = c;
        m.kind = 'coref';
        m.tokEnd = m.tokEnd + 1;
        m.end = toks[m.tokEnd - 1]!.end;
      }
    }
  }
  for (const list of bySentence)
    for (const m of list) if (m.entity !== '@pair') ensureEntity(m.entity, m.entity, 'Country');
  // A state the text leaves implicit ("President Erdogan": the gazetteer says of which state) is still an entity.
  for (const r of roles) if (gazEntries.has(r.object)) ensureEntity(r.object, r.object, 'Country');
  const finalMentions = bySentence.flat();
  return {
    ...doc,
    entities,
    mentions: finalMentions,
    bySentence,
    roles,
    roleSpans: roleSpans.map((l) => l.map((r) => [r.a, r.b] as [number, number])),
  };
}

// ---------- lexical recognisers ----------

/** The state named by the first part of a German compound role noun ("Kremlsprecher", "Irans-Botschafter"). */
function compoundCountry(t: Token): string | undefined {
  for (const [suf] of ROLE_DE_SUFFIXES) {
    if (!t.norm.endsWith(suf) || t.norm.length - suf.length < 2) continue;
    const prefix = t.norm.slice(0, -suf.length);
    for (const p of [prefix, prefix.replace(/s$/, '')]) {
      const hit = matchAt(
        [{ ...t, text: p[0]!.toUpperCase() + p.slice(1), norm: p, cap: true }],
        0,
        getMatcher().index,
        'de',
      );
      if (hit && (hit.fe.kind === 'metonym' || hit.fe.kind === 'name' || hit.fe.kind === 'abbrev')) return hit.fe.id;
    }
  }
  return undefined;
}

function cueAt(toks: Token[], i: number, idx: CueIndex): number {
  const t = toks[i];
  if (!t || t.kind === 'punct') return 0;
  const exact = idx.exactC.get(t.norm);
  if (exact) {
    const n = cueList(toks, i, exact);
    if (n) return n;
  }
  return idx.prefixC.length ? cueList(toks, i, idx.prefixC) : 0;
}

function cueList(toks: Token[], i: number, cues: CompiledCue[]): number {
  for (const cue of cues) {
    const ct = cue.toks;
    let ok = true;
    for (let k = 0; k < ct.length && ok; k++) {
      const t = toks[i + k];
      if (!t) ok = false;
      else ok = cue.prefix[k] ? t.norm.startsWith(ct[k]!) : t.norm === ct[k];
    }
    if (ok) return ct.length;
  }
  return 0;
}
export { cueAt };

function roleAt(toks: Token[], i: number, st: SentState, mentions: Mention[]): RoleSpan | undefined {
  // "Vize-Verteidigungsminister", "deputy prime minister": still an official of the state, never its head.
  const deputy = i > 0 && ROLE_BLOCKERS.has(toks[i - 1]!.norm);
  const span = roleAtRaw(toks, i, st, mentions);
  if (!span || !deputy) return span;
  if (span.entry.p !== 'HEAD_OF_STATE' && span.entry.p !== 'HEAD_OF_GOVERNMENT') return span;
  return { ...span, entry: { ...span.entry, p: 'OFFICIAL_OF' }, role: `deputy ${span.role}` };
}

function roleAtRaw(toks: Token[], i: number, st: SentState, mentions: Mention[]): RoleSpan | undefined {
  const t = toks[i]!;
  const strip = (s: string) => ROLE_VARIANTS.get(s) ?? s;
  const list = ROLE_INDEX.get(t.norm) ?? ROLE_INDEX.get(strip(t.norm));
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
      if (t.hyphen && i > 0 && st.taken[i - 1]) prefixCountry = mentions[st.taken[i - 1]! - 1]!.entity;
      if (!prefixCountry && form.length === 1) prefixCountry = compoundCountry(t);
      // "Iran-Experte": for an analyst or expert the state in the compound is the topic, not the employer.
      if (entry.p === 'AFFILIATED_WITH' && prefixCountry && isCountry(prefixCountry))
        return { a: i, b, entry, role: entry.role, topicPrefix: true };
      return { a: i, b, entry, role: entry.role, prefixCountry };
    }
  }
  // German compounds: Kremlsprecher, Außenministerin, Regierungssprecher.
  if (t.cap && t.norm.length > 6) {
    for (const [suf, roleName] of ROLE_DE_SUFFIXES) {
      if (!t.norm.endsWith(suf) || t.norm === suf) continue;
      const prefix = t.norm.slice(0, -suf.length);
      const mod = ROLE_DE_PREFIXES.get(prefix) ?? ROLE_DE_PREFIXES.get(prefix.replace(/s$/, ''));
      let prefixCountry: string | undefined;
      const hit = matchAt(
        [{ ...t, text: t.text.slice(0, prefix.length), norm: prefix, cap: true }],
        0,
        getMatcher().index,
        'de',
      );
      if (hit) prefixCountry = hit.fe.id;
      if (!mod && !prefixCountry) continue;
      const base = ROLE_INDEX.get(suf)?.[0]?.entry ?? ROLE_INDEX.get(suf.replace(/in$/, ''))?.[0]?.entry;
      if (!base) continue;
      // "Russlandexperte": the state is the topic of the expertise, not the expert's employer or nationality.
      if (base.p === 'AFFILIATED_WITH' && prefixCountry && isCountry(prefixCountry)) prefixCountry = undefined;
      const compound = ROLE_INDEX.get(t.norm)?.[0]?.entry;
      const role = mod && mod !== 'kremlin' ? `${mod} ${roleName}` : roleName;
      let entry = compound ?? base;
      if (mod === 'foreign' && suf.startsWith('minister')) entry = ROLE_INDEX.get('außenminister')![0]!.entry;
      if (mod === 'vice') entry = ROLE_INDEX.get('vizepräsident')![0]!.entry;
      if (mod === 'prime') entry = ROLE_INDEX.get('premierminister')![0]!.entry;
      return { a: i, b: i + 1, entry, role, prefixCountry: prefixCountry ?? (mod === 'kremlin' ? 'RUS' : undefined) };
    }
  }
  return undefined;
}

/** Group descriptions and the entity types they can stand for ("the bloc" → an organisation). */
const GROUP_DESC = new Map<string, EntityType[]>([
  ['junta', ['Country']],
  ['regime', ['Country']],
  ...['group', 'gruppe', 'gruppierung'].map((w): [string, EntityType[]] => [w, ['Organization', 'ArmedGroup']]),
  ...['militia', 'miliz', 'militants', 'terrorgruppe', 'terrormiliz'].map((w): [string, EntityType[]] => [
    w,
    ['ArmedGroup'],
  ]),
  ...[
    'alliance',
    'allianz',
    'bündnis',
    'bündnisses',
    'bloc',
    'block',
    'blocks',
    'staatenbund',
    'organisation',
    'organization',
  ].map((w): [string, EntityType[]] => [w, ['Organization']]),
]);
const AFFIL_PREPS = /^(of|at|with|in|for|from|von|vom|beim|bei|der|des|am|an|im|für)$/u;
/** Roles that only tie a person to an armed group loosely; every other role in a group is an office in it. */
const GROUP_AFFILIATES = /(researcher|fellow|analyst|journalist|expert)/u;

function isCountry(id: string): boolean {
  return getGazetteer().entries.get(id)?.type === 'Country';
}

const ROLE_SUFFIX_RE = new RegExp(`(?:${ROLE_DE_SUFFIXES.map(([s]) => s).join('|')})$`, 'u');
// The suffixes are plain words: endsWith over the list answers like the regex without trying it at every offset.
const ROLE_SUFFIXES_LITERAL = ROLE_DE_SUFFIXES.every(([s]) => !/[\\^$.*+?()[\]{}|]/u.test(s));
function hasRoleSuffix(norm: string): boolean {
  if (!ROLE_SUFFIXES_LITERAL) return ROLE_SUFFIX_RE.test(norm);
  for (const [s] of ROLE_DE_SUFFIXES) if (norm.endsWith(s)) return true;
  return false;
}
const ORG_TYPE_SUFFIXES = [
  'unternehmen',
  'hersteller',
  'herstellers',
  'herstellern',
  'konzern',
  'konzerns',
  'zeitung',
  'sender',
  'agentur',
  'zentrum',
  'zentrums',
  'produzent',
  'produzenten',
  'medium',
  'institut',
  'instituts',
];

function orgTypeAt(toks: Token[], i: number): number {
  const len = cueAt(toks, i, ORG_TYPE_NOUNS);
  if (len) return i + len;
  const t = toks[i]!;
  if (t.cap && t.kind === 'word' && t.norm.length > 8)
    for (const s of ORG_TYPE_SUFFIXES) if (t.norm.endsWith(s)) return i + 1;
  return -1;
}

function orgNameSpan(st: SentState, i: number): number {
  const toks = st.sent.tokens;
  let j = i;
  while (j < toks.length && j - i < 4) {
    const t = toks[j]!;
    if (st.taken[j] || t.kind !== 'word' || !(t.cap || ABBR_TOKEN.test(t.text)) || NEVER_NAMES.has(t.norm)) break;
    if (j > i && t.glued && !t.hyphen) break;
    j++;
  }
  return j;
}

const itemCache = new Map<string, { id: string; name: string } | null>();
/** First words of multi-word item patterns ("cruise missiles", "fighter jets"): only these start a two-token lookup. */
const ITEM_BIGRAM_HEADS = new Set(
  ITEMS.flatMap((it) => it.re.source.replace(/^\^\(\?:|\)\$$/g, '').split('|'))
    .filter((alt) => alt.includes(' '))
    .map((alt) => alt.split(' ')[0]!.replace(/[^\p{L}-]/gu, '')),
);
function itemFor(norm: string): { id: string; name: string } | null {
  let hit = itemCache.get(norm);
  if (hit === undefined) {
    hit = ITEMS.find((it) => it.re.test(norm)) ?? null;
    if (itemCache.size > 100_000) itemCache.clear();
    itemCache.set(norm, hit);
  }
  return hit;
}
function itemAt(toks: Token[], i: number): { id: string; name: string } | undefined {
  const t = toks[i]!;
  const one = itemFor(t.norm);
  if (one) return one;
  if (!ITEM_BIGRAM_HEADS.has(t.norm) || toks[i + 1]?.kind !== 'word') return undefined;
  return itemFor(`${t.norm} ${toks[i + 1]!.norm}`) ?? undefined;
}
