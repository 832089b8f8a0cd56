// The mention set of one document while the entity passes run: entities, mentions, which tokens are taken, and the
// names this document introduced (for later sentences); every pass adds to it through these few methods.

import type { Entity, EntityType } from '../../model.js';
import type { ExtractionModel } from '../extraction-model.js';
import type { GazetteerEntry } from '../gazetteer/index.js';
import type { Lexicon, RoleEntry } from '../lexicon.js';
import { slugify } from '../../slugify.js';
import type { Mention, MentionKind, RoleFact, SegmentedDoc, Sentence, Token } from '../types.js';
import { addForm, FormIndex } from './matcher.js';
import { entityTables, type EntityTables } from './tables.js';

export interface SentState {
  sent: Sentence;
  taken: Int32Array; // index into mentions + 1, 0 = free
}

export interface RoleSpan {
  a: number;
  b: number;
  entry: RoleEntry;
  role: string;
  prefixCountry?: string;
  /** "Iran-Experte": the glued state is the topic of the expertise, never the role's object. */
  topicPrefix?: boolean;
}

export const QUOTE_OPEN = new Set(['„', '“', '"', '«', '»', "'", '‚']);
export const ABBR_TOKEN = /^(\p{Lu}\.){2,}$/u;

export function surfaceOf(text: string, toks: Token[], a: number, b: number): string {
  const s = text.slice(toks[a]!.start, toks[b - 1]!.end);
  return b - a === 1 && !s.includes('\u00AD') ? s : s.replace(/\u00AD/g, '').replace(/\s+/g, ' ');
}

export const isActorType = (t?: EntityType) =>
  t === 'Country' || t === 'Person' || t === 'Organization' || t === 'ArmedGroup';

/** An English possessive ’s right after the token range. */
export function possAfter(toks: Token[], end: number): boolean {
  const a = toks[end];
  const b = toks[end + 1];
  return !!(a && b && (a.text === '’' || a.text === "'") && a.glued && b.norm === 's' && b.glued);
}

export class MentionSet {
  readonly lex: Lexicon;
  readonly tables: EntityTables;
  readonly index: FormIndex;
  readonly gazEntries: Map<string, GazetteerEntry>;
  readonly lang: SegmentedDoc['language'];
  readonly text: string;
  readonly entities = new Map<string, Entity>();
  readonly mentions: Mention[] = [];
  readonly states: SentState[];
  /** Names and surnames this document introduced: found again wherever they recur (the document-names pass). */
  readonly docForms = new FormIndex();
  readonly roleSpans: RoleSpan[][];
  /** How often each entity is named unambiguously: ambiguous forms ("Kim", "Bush") resolve to a named one. */
  readonly anchors = new Map<string, number>();
  /** Ambiguous gazetteer hits left for the ambiguous-names pass. */
  readonly pending: Array<{ st: SentState; i: number }> = [];
  /** Set by the coreference pass: live mentions per sentence in token order, and the role facts. */
  bySentence: Mention[][] = [];
  roles: RoleFact[] = [];

  constructor(
    readonly doc: SegmentedDoc,
    readonly model: ExtractionModel,
  ) {
    this.lex = model.lexicon;
    this.tables = entityTables(model.lexicon);
    this.index = model.matcher.index;
    this.gazEntries = model.matcher.entries;
    this.lang = doc.language;
    this.text = doc.text;
    this.states = doc.sentences.map((s) => ({ sent: s, taken: new Int32Array(s.tokens.length) }));
    this.roleSpans = doc.sentences.map(() => []);
  }

  ensureEntity(id: string, name: string, type: EntityType): Entity {
    let e = this.entities.get(id);
    if (!e) {
      const g = this.gazEntries.get(id);
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
      this.entities.set(id, e);
    }
    return e;
  }

  typeOf(id: string): EntityType | undefined {
    return this.entities.get(id)?.type ?? this.gazEntries.get(id)?.type;
  }

  /** The mention covering token k of a sentence, if any. */
  at(st: SentState, k: number): Mention | undefined {
    return st.taken[k] ? this.mentions[st.taken[k]! - 1] : undefined;
  }

  addMention(
    st: SentState,
    a: number,
    b: number,
    id: string,
    kind: MentionKind,
    actor: boolean,
    extra?: Partial<Mention>,
  ): Mention | undefined {
    for (let k = a; k < b; k++) if (st.taken[k]) return undefined;
    const toks = st.sent.tokens;
    const m: Mention = {
      entity: id,
      sentence: st.sent.index,
      tokStart: a,
      tokEnd: b,
      start: toks[a]!.start,
      end: toks[b - 1]!.end,
      surface: surfaceOf(this.text, toks, a, b),
      kind,
      actor,
      ...extra,
    };
    this.mentions.push(m);
    for (let k = a; k < b; k++) st.taken[k] = this.mentions.length;
    const e = this.entities.get(id);
    if (e && !e.aliases.includes(m.surface) && kind !== 'coref') e.aliases.push(m.surface);
    return m;
  }

  /** A person the cues found; later sentences may use the full name or the surname alone ("Bassiri Tabrizi"). */
  addPerson(st: SentState, a: number, b: number): Mention | undefined {
    const toks = st.sent.tokens;
    const nextM = this.at(st, b);
    if (nextM && this.entities.get(nextM.entity)?.type === 'Person') return undefined;
    if (b - a === 1 && toks[b]?.text === '.') return undefined;
    let name = surfaceOf(this.text, toks, a, b);
    if (this.lang === 'de' && b - a >= 2 && /s$/.test(name) && this.docForms.hasFirst(toks[b - 1]!.norm.slice(0, -1)))
      name = name.slice(0, -1);
    const id = `person:${slugify(name)}`;
    if (!slugify(name)) return undefined;
    this.ensureEntity(id, name, 'Person');
    const m = this.addMention(st, a, b, id, 'name', true);
    if (m) {
      addForm(this.docForms, name, id, 'name', false);
      const parts = name.split(' ');
      if (parts.length >= 2) addForm(this.docForms, parts[parts.length - 1]!, id, 'surname', true);
      if (parts.length >= 3) addForm(this.docForms, parts.slice(-2).join(' '), id, 'surname', true);
    }
    return m;
  }

  addOrg(st: SentState, a: number, b: number, type: EntityType = 'Organization'): Mention | undefined {
    const toks = st.sent.tokens;
    const name = surfaceOf(this.text, toks, a, b);
    const id = `${type === 'ArmedGroup' ? 'group' : 'org'}:${slugify(name)}`;
    if (!slugify(name)) return undefined;
    this.ensureEntity(id, name, type);
    const m = this.addMention(st, a, b, id, 'name', true, { poss: possAfter(toks, b) });
    if (m) addForm(this.docForms, name, id, 'name', true);
    return m;
  }
}
