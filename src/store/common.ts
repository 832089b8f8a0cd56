// Store-independent preparation of one document's extraction: validation, claim rows, entity rows, aggregates.
// Both adapters write exactly these rows, so the embedded store and Neo4j agree on keys, ids and counts.

import {
  ENTITY_TYPES,
  MODALITIES,
  PREDICATES,
  SYMMETRIC_PREDICATES,
  relationKey,
  type DocumentExtraction,
  type DocumentMeta,
  type Entity,
  type Modality,
  type Predicate,
} from '../model.js';
import { InputError } from '../errors.js';
import type { DocumentSort, DocumentSummary, StoredRelation, Timeline } from './types.js';

const PREDICATE_SET: ReadonlySet<string> = new Set(PREDICATES);
const TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);
const MODALITY_SET: ReadonlySet<string> = new Set(MODALITIES);

/** Lower-case, accents and punctuation folded: "Peseschkian", "Teherán" and "TEHERAN" meet here. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sortedUnique<T extends string>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort();
}

/** Folded name + aliases, the text both stores search (Neo4j: the `entity_search` full-text index). */
export function searchKeys(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  return sortedUnique([entity.name, ...entity.aliases].map(fold).filter((k) => k.length > 0));
}

/** One entity as one document mentions it; the stored entity is derived from its mentions. */
export interface EntityRow extends Entity {
  searchKeys: string[];
}

/** One supporting mention of one relation: (document, relation key, sentence start) is its identity. */
export interface ClaimRow {
  id: string;
  key: string;
  /** Stored endpoints: symmetric types in id order, as in the key. */
  subject: string;
  predicate: Predicate;
  object: string;
  modality: Modality;
  attributedTo?: string;
  time?: string;
  confidence: number;
  items: string[];
  document: string;
  /**
   * Date the claim counts as seen: its document's published date. Undated documents give undated claims, never the
   * ingest date (an article read today about October 2024 is not news of today; `ingestedAt` is kept apart).
   */
  seen?: string;
  sentenceId?: string;
  sentence?: string;
  start?: number;
  end?: number;
}

export interface SentenceRow {
  id: string;
  text: string;
  start: number;
  end: number;
}

export interface PreparedDocument {
  document: DocumentMeta & { ingestedAt: string };
  /** The cleaned text (for the reader view), when the extraction carried it. */
  text?: string;
  entities: EntityRow[];
  claims: ClaimRow[];
  sentences: SentenceRow[];
  /** Relation keys this document supports, with their stored endpoints. */
  relations: Array<{ key: string; subject: string; predicate: Predicate; object: string }>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/**
 * Checks one extraction and turns it into rows. Throws InputError on anything a store cannot hold faithfully
 * (unknown type or predicate, a relation whose endpoint is not among the entities), before anything is written.
 */
export function prepareDocument(doc: DocumentExtraction, now = new Date()): PreparedDocument {
  const meta = doc?.document;
  if (!meta || typeof meta.id !== 'string' || meta.id.length === 0) throw new InputError('document without an id');
  const docId = meta.id;
  const where = `document ${docId}`;
  if (!Array.isArray(doc.entities) || !Array.isArray(doc.relations))
    throw new InputError(`${where}: entities and relations must be arrays`);
  const ingestedAt = now.toISOString();
  const seen = str(meta.published);

  const entities = new Map<string, EntityRow>();
  for (const e of doc.entities) {
    if (!e || typeof e.id !== 'string' || !e.id) throw new InputError(`${where}: entity without an id`);
    if (!TYPE_SET.has(e.type)) throw new InputError(`${where}: entity ${e.id} has unknown type ${String(e.type)}`);
    const name = str(e.name) ?? e.id;
    const aliases = sortedUnique((Array.isArray(e.aliases) ? e.aliases : []).filter((a) => typeof a === 'string' && a));
    const prev = entities.get(e.id);
    const row: EntityRow = {
      id: e.id,
      name,
      type: e.type,
      aliases: prev ? sortedUnique([...prev.aliases, ...aliases]) : aliases,
      searchKeys: [],
    };
    const iso2 = str(e.iso2) ?? prev?.iso2;
    const iso3 = str(e.iso3) ?? prev?.iso3;
    const wikidata = str(e.wikidata) ?? prev?.wikidata;
    if (iso2) row.iso2 = iso2;
    if (iso3) row.iso3 = iso3;
    if (wikidata) row.wikidata = wikidata;
    row.searchKeys = searchKeys(row);
    entities.set(e.id, row);
  }

  const claims = new Map<string, ClaimRow>();
  const sentences = new Map<string, SentenceRow>();
  const relations = new Map<string, PreparedDocument['relations'][number]>();
  for (const r of doc.relations) {
    if (!r || !PREDICATE_SET.has(r.predicate))
      throw new InputError(`${where}: relation with unknown predicate ${String(r?.predicate)}`);
    for (const end of [r.subject, r.object]) {
      if (!entities.has(end)) throw new InputError(`${where}: relation ${r.predicate} refers to unknown entity ${end}`);
    }
    if (r.subject === r.object) continue; // a self-loop carries no relation between two actors
    const key = relationKey(r.subject, r.predicate, r.object);
    const [subject, object] =
      SYMMETRIC_PREDICATES.has(r.predicate) && r.subject > r.object ? [r.object, r.subject] : [r.subject, r.object];
    relations.set(key, { key, subject, predicate: r.predicate, object });
    const modality: Modality = MODALITY_SET.has(r.modality) ? r.modality : 'asserted';
    const rawItems = (r.properties as { items?: unknown } | undefined)?.items;
    const items = sortedUnique(
      (Array.isArray(rawItems) ? rawItems : []).filter((i): i is string => typeof i === 'string' && i.length > 0),
    );
    const confidence = typeof r.confidence === 'number' && Number.isFinite(r.confidence) ? r.confidence : 0.5;
    const evidence = Array.isArray(r.evidence) && r.evidence.length > 0 ? r.evidence : [undefined];
    for (const ev of evidence) {
      const start = ev && Number.isInteger(ev.start) ? ev.start : -1;
      const id = `${docId}|${key}|${start}`;
      if (claims.has(id)) continue; // the same relation twice in one sentence is one piece of evidence
      const claim: ClaimRow = {
        id,
        key,
        subject,
        predicate: r.predicate,
        object,
        modality,
        confidence,
        items,
        document: docId,
      };
      if (seen) claim.seen = seen;
      const attributedTo = str(r.attributedTo);
      if (attributedTo) claim.attributedTo = attributedTo;
      const time = str(r.time);
      if (time) claim.time = time;
      if (ev && start >= 0) {
        const sentenceId = `${docId}:${start}`;
        const end = Number.isInteger(ev.end) ? ev.end : start + (ev.sentence ?? '').length;
        claim.sentenceId = sentenceId;
        claim.sentence = ev.sentence ?? '';
        claim.start = start;
        claim.end = end;
        if (!sentences.has(sentenceId))
          sentences.set(sentenceId, { id: sentenceId, text: ev.sentence ?? '', start, end });
      }
      claims.set(id, claim);
    }
  }

  const document: DocumentMeta & { ingestedAt: string } = {
    id: docId,
    source: str(meta.source) ?? '',
    language: meta.language ?? 'und',
    ingestedAt,
  };
  if (str(meta.title)) document.title = meta.title;
  if (str(meta.published)) document.published = meta.published;
  return {
    document,
    ...(typeof doc.text === 'string' ? { text: doc.text } : {}),
    entities: [...entities.values()],
    claims: [...claims.values()],
    sentences: [...sentences.values()],
    relations: [...relations.values()],
  };
}

/** Aggregates of one relationship, recomputed from all its claims (never incremented: retries stay idempotent). */
export function aggregate(
  rel: { key: string; subject: string; predicate: Predicate; object: string },
  claims: Iterable<Pick<ClaimRow, 'modality' | 'time' | 'confidence' | 'items' | 'document' | 'seen'>>,
): StoredRelation & { documentCount: number } {
  let n = 0;
  let confidence = 0;
  let firstSeen: string | undefined;
  let lastSeen: string | undefined;
  const docs = new Set<string>();
  const modalities = new Set<Modality>();
  const items = new Set<string>();
  const times = new Set<string>();
  for (const c of claims) {
    n++;
    docs.add(c.document);
    modalities.add(c.modality);
    for (const i of c.items ?? []) items.add(i);
    if (c.time) times.add(c.time);
    confidence = Math.max(confidence, c.confidence);
    if (c.seen) {
      if (firstSeen === undefined || c.seen < firstSeen) firstSeen = c.seen;
      if (lastSeen === undefined || c.seen > lastSeen) lastSeen = c.seen;
    }
  }
  const out: StoredRelation & { documentCount: number } = {
    key: rel.key,
    subject: rel.subject,
    predicate: rel.predicate,
    object: rel.object,
    evidenceCount: n,
    documentCount: docs.size,
    modalities: sortedUnique(modalities),
    items: sortedUnique(items),
    time: sortedUnique(times),
    confidence,
  };
  if (firstSeen) out.firstSeen = firstSeen;
  if (lastSeen) out.lastSeen = lastSeen;
  return out;
}

/** Parses "s|P|o" back into its parts; entity ids never contain '|' (ids are ISO codes and slugs). */
export function parseKey(key: string): { subject: string; predicate: Predicate; object: string } {
  const first = key.indexOf('|');
  const last = key.lastIndexOf('|');
  return {
    subject: key.slice(0, first),
    predicate: key.slice(first + 1, last) as Predicate,
    object: key.slice(last + 1),
  };
}

/** Entity as stored: merged from every remaining mention, the newest document winning for name and codes. */
export function mergeEntityRows(rows: EntityRow[]): EntityRow {
  const newest = rows[rows.length - 1]!;
  const merged: EntityRow = {
    ...newest,
    aliases: sortedUnique(rows.flatMap((r) => r.aliases)),
    // The union of each mention's keys, not a re-fold: Neo4j unions the same lists in Cypher.
    searchKeys: sortedUnique(rows.flatMap((r) => r.searchKeys)),
  };
  for (const k of ['iso2', 'iso3', 'wikidata'] as const) {
    const v = [...rows].reverse().find((r) => r[k])?.[k];
    if (v) merged[k] = v;
  }
  return merged;
}

export function toEntity(row: EntityRow): Entity {
  const e: Entity = { id: row.id, name: row.name, type: row.type, aliases: [...row.aliases] };
  if (row.iso2) e.iso2 = row.iso2;
  if (row.iso3) e.iso3 = row.iso3;
  if (row.wikidata) e.wikidata = row.wikidata;
  return e;
}

/** Ranks a search hit: exact name, then exact alias, then prefix, then substring; lower is better. */
export function searchRank(keys: string[], name: string, q: string): number {
  const fn = fold(name);
  if (fn === q) return 0;
  if (keys.includes(q)) return 1;
  if (fn.startsWith(q)) return 2;
  if (keys.some((k) => k.startsWith(q))) return 3;
  if (keys.some((k) => k.split(' ').some((w) => w.startsWith(q)))) return 4;
  return 5;
}

/** Order of document lists, shared by both stores: undated documents always come last, ties by title then id. */
export function compareDocuments(sort: DocumentSort = 'published') {
  const title = (d: DocumentMeta) => d.title ?? d.source;
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: DocumentMeta, b: DocumentMeta): number => {
    if (sort !== 'title') {
      if (!a.published !== !b.published) return a.published ? -1 : 1;
      if (a.published && b.published && a.published !== b.published)
        return sort === 'oldest' ? byText(a.published, b.published) : byText(b.published, a.published);
    }
    return byText(title(a), title(b)) || byText(a.id, b.id);
  };
}

/** The `q` of a document list: a case-insensitive substring of title or source. */
export function documentMatches(d: DocumentMeta, q: string | undefined): boolean {
  if (!q) return true;
  return `${d.title ?? ''} ${d.source}`.toLowerCase().includes(q.toLowerCase());
}

/** Claims of a document in reading order (sentence start, then relation key). */
export function compareClaims(a: { start: number; key: string }, b: { start: number; key: string }): number {
  return a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Claims per month of publication; a year-only date is its own bucket ("2024"), undated ones are counted apart. */
export function timelineOf(docs: Iterable<Pick<DocumentSummary, 'published' | 'evidence'>>): Timeline {
  const months = new Map<string, { claims: number; documents: number }>();
  const undated = { claims: 0, documents: 0 };
  for (const d of docs) {
    const bucket = d.published ? months.get(d.published.slice(0, 7)) : undated;
    const slot = bucket ?? { claims: 0, documents: 0 };
    if (!bucket) months.set(d.published!.slice(0, 7), slot);
    slot.claims += d.evidence;
    slot.documents += 1;
  }
  return {
    months: [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, v]) => ({ month, ...v })),
    undated,
  };
}
