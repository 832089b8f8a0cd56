// Extractions → CSV files in the layout of `neo4j-admin database import full`, holding exactly the graph the
// transactional path (src/store/neo4j.ts) writes: same nodes, relationships, property names and types.

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { GeokgError } from '../../errors.js';
import type { DocumentExtraction, Predicate } from '../../model.js';
import { aggregate, mergeEntityRows, prepareDocument, sortedUnique, type ClaimRow, type EntityRow } from '../common.js';

/** The bulk path failed: bad CSV input, the import tool, or a database that is not empty. */
export class BulkImportError extends GeokgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', `bulk import: ${message}`, options);
    this.name = 'BulkImportError';
  }
}

/** Separates array elements inside one CSV field; a control character no text of ours contains. */
export const ARRAY_DELIMITER = '\u001f';

type Value = string | number | string[] | undefined | null;

/** One CSV file: a header naming property types (`:long`, `:double`, `:string[]`) and the ID spaces. */
const FILES = {
  documents: ['id:ID(Document)', 'source', 'title', 'language', 'published', 'ingestedAt', 'text', ':LABEL'],
  sentences: ['id:ID(Sentence)', 'text', 'start:long', 'end:long', ':LABEL'],
  claims: [
    'id:ID(Claim)',
    'key',
    'predicate',
    'subject',
    'object',
    'modality',
    'attributedTo',
    'time',
    'confidence:double',
    'items:string[]',
    'document',
    'seen',
    ':LABEL',
  ],
  entities: [
    'id:ID(Entity)',
    'name',
    'type',
    'aliases:string[]',
    'searchKeys:string[]',
    'searchText',
    'iso2',
    'iso3',
    'wikidata',
    ':LABEL',
  ],
  sentence_document: [':START_ID(Sentence)', ':END_ID(Document)', ':TYPE'],
  claim_document: [':START_ID(Claim)', ':END_ID(Document)', ':TYPE'],
  claim_sentence: [':START_ID(Claim)', ':END_ID(Sentence)', ':TYPE'],
  claim_entity: [':START_ID(Claim)', ':END_ID(Entity)', ':TYPE'],
  mentions: [
    ':START_ID(Document)',
    ':END_ID(Entity)',
    ':TYPE',
    'name',
    'type',
    'aliases:string[]',
    'searchKeys:string[]',
    'iso2',
    'iso3',
    'wikidata',
  ],
  relations: [
    ':START_ID(Entity)',
    ':END_ID(Entity)',
    ':TYPE',
    'key',
    'evidenceCount:long',
    'documentCount:long',
    'modalities:string[]',
    'items:string[]',
    'times:string[]',
    'firstSeen',
    'lastSeen',
    'confidence:double',
  ],
} as const;

export type CsvFile = keyof typeof FILES;
export const NODE_FILES: CsvFile[] = ['documents', 'sentences', 'claims', 'entities'];
export const RELATIONSHIP_FILES: CsvFile[] = [
  'sentence_document',
  'claim_document',
  'claim_sentence',
  'claim_entity',
  'mentions',
  'relations',
];

/**
 * Array properties the transactional path stores even when empty. CSV cannot say "empty array" (an empty field
 * is no property), so the import is followed by one `SET … = []` per pattern that had an empty one.
 */
export interface EmptyArrays {
  /** e.g. "Claim.items", "MENTIONS.aliases", "REL.items" (REL: the typed entity–entity relationships). */
  [pattern: string]: number;
}

function field(v: Value): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '';
    for (const x of v)
      if (x.includes(ARRAY_DELIMITER)) throw new BulkImportError(`a value contains U+001F, the array delimiter`);
    return `"${v.join(ARRAY_DELIMITER).replace(/"/g, '""')}"`;
  }
  return `"${v.replace(/"/g, '""')}"`;
}

export interface CsvSummary {
  dir: string;
  documents: number;
  /** Documents given twice (same id): the first one counts, as in the transactional path. */
  duplicates: number;
  failures: Array<{ source: string; error: string }>;
  nodes: number;
  relationships: number;
  emptyArrays: EmptyArrays;
  /** Node and relationship files, for `--nodes=` / `--relationships=`. */
  files: { nodes: string[]; relationships: string[] };
}

/**
 * Streams documents into the CSV files: a document's own nodes and edges as it comes, entities and the typed
 * relationships (whose properties aggregate over all documents) at the end. Memory: the entities and, per
 * relationship, its claims' aggregate inputs.
 */
export class CsvGraphWriter {
  private readonly streams = new Map<CsvFile, WriteStream>();
  private readonly entities = new Map<string, EntityRow>();
  private readonly rels = new Map<string, RelationTotals>();
  private readonly seen = new Set<string>();
  private readonly summary: CsvSummary;
  private readonly now: Date;

  constructor(
    readonly dir: string,
    opts: { now?: Date } = {},
  ) {
    this.now = opts.now ?? new Date();
    this.summary = {
      dir,
      documents: 0,
      duplicates: 0,
      failures: [],
      nodes: 0,
      relationships: 0,
      emptyArrays: {},
      files: {
        nodes: NODE_FILES.map((f) => path.join(dir, `${f}.csv`)),
        relationships: RELATIONSHIP_FILES.map((f) => path.join(dir, `${f}.csv`)),
      },
    };
  }

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of Object.keys(FILES) as CsvFile[]) {
      const s = createWriteStream(path.join(this.dir, `${name}.csv`));
      this.streams.set(name, s);
      s.write(FILES[name].join(',') + '\n');
    }
  }

  private empty(pattern: string, v: string[]): void {
    if (v.length === 0) this.summary.emptyArrays[pattern] = (this.summary.emptyArrays[pattern] ?? 0) + 1;
  }

  private async row(file: CsvFile, values: Value[]): Promise<void> {
    const s = this.streams.get(file)!;
    if (!s.write(values.map(field).join(',') + '\n')) await once(s, 'drain');
    if (file === 'documents' || file === 'sentences' || file === 'claims' || file === 'entities') this.summary.nodes++;
    else this.summary.relationships++;
  }

  /** Adds one document (skipped when its id came before; reported in `failures` when it is invalid). */
  async add(source: string, doc: DocumentExtraction): Promise<void> {
    let p;
    try {
      p = prepareDocument(doc, this.now);
    } catch (err) {
      this.summary.failures.push({ source, error: (err as Error).message });
      return;
    }
    const id = p.document.id;
    if (this.seen.has(id)) {
      this.summary.duplicates++;
      return;
    }
    this.seen.add(id);
    this.summary.documents++;
    const d = p.document;
    await this.row('documents', [id, d.source, d.title, d.language, d.published, d.ingestedAt, p.text, 'Document']);
    for (const e of p.entities) {
      const prev = this.entities.get(e.id);
      this.entities.set(e.id, prev ? mergeEntityRows([prev, e]) : e);
      this.empty('MENTIONS.aliases', e.aliases);
      this.empty('MENTIONS.searchKeys', e.searchKeys);
      await this.row('mentions', [
        id,
        e.id,
        'MENTIONS',
        e.name,
        e.type,
        e.aliases,
        e.searchKeys,
        e.iso2,
        e.iso3,
        e.wikidata,
      ]);
    }
    for (const s of p.sentences) {
      await this.row('sentences', [s.id, s.text, s.start, s.end, 'Sentence']);
      await this.row('sentence_document', [s.id, id, 'IN_DOCUMENT']);
    }
    for (const c of p.claims) await this.claim(c);
    for (const r of p.relations)
      if (!this.rels.has(r.key)) this.rels.set(r.key, new RelationTotals(r.subject, r.predicate, r.object));
    for (const c of p.claims) this.rels.get(c.key)!.add(c);
  }

  private async claim(c: ClaimRow): Promise<void> {
    this.empty('Claim.items', c.items);
    await this.row('claims', [
      c.id,
      c.key,
      c.predicate,
      c.subject,
      c.object,
      c.modality,
      c.attributedTo,
      c.time,
      c.confidence,
      c.items,
      c.document,
      c.seen,
      'Claim',
    ]);
    await this.row('claim_entity', [c.id, c.subject, 'SUBJECT']);
    await this.row('claim_entity', [c.id, c.object, 'OBJECT']);
    await this.row('claim_document', [c.id, c.document, 'IN_DOCUMENT']);
    if (c.sentenceId) await this.row('claim_sentence', [c.id, c.sentenceId, 'EVIDENCED_BY']);
    // The transactional path links an attribution only to an entity already stored when the claim is written.
    if (c.attributedTo && this.entities.has(c.attributedTo))
      await this.row('claim_entity', [c.id, c.attributedTo, 'ATTRIBUTED_TO']);
  }

  /** Writes entities and typed relationships, closes every file and says what they hold. */
  async finish(): Promise<CsvSummary> {
    for (const e of this.entities.values()) {
      this.empty('Entity.aliases', e.aliases);
      this.empty('Entity.searchKeys', e.searchKeys);
      await this.row('entities', [
        e.id,
        e.name,
        e.type,
        e.aliases,
        e.searchKeys,
        e.searchKeys.join(' | '),
        e.iso2,
        e.iso3,
        e.wikidata,
        ['Entity', e.type],
      ]);
    }
    for (const [key, r] of this.rels) {
      const a = r.result(key);
      this.empty('REL.modalities', a.modalities);
      this.empty('REL.items', a.items ?? []);
      this.empty('REL.times', a.time ?? []);
      await this.row('relations', [
        r.subject,
        r.object,
        r.predicate,
        key,
        a.evidenceCount,
        a.documentCount,
        a.modalities,
        a.items ?? [],
        a.time ?? [],
        a.firstSeen,
        a.lastSeen,
        a.confidence,
      ]);
    }
    await Promise.all(
      [...this.streams.values()].map(async (s) => {
        s.end();
        await once(s, 'close');
      }),
    );
    return this.summary;
  }
}

/**
 * A typed relationship's aggregates, folded claim by claim: the writer keeps these per relationship instead of every
 * claim, so memory grows with the distinct relations, not with the corpus. Same result as `aggregate()` over the
 * claims (a test compares the graphs): documents arrive whole, so their claims of one key come one after another.
 */
class RelationTotals {
  private n = 0;
  private documents = 0;
  private lastDocument: string | undefined;
  private confidence = 0;
  private firstSeen: string | undefined;
  private lastSeen: string | undefined;
  private readonly modalities = new Set<ClaimRow['modality']>();
  private readonly items = new Set<string>();
  private readonly times = new Set<string>();

  constructor(
    readonly subject: string,
    readonly predicate: Predicate,
    readonly object: string,
  ) {}

  add(c: Pick<ClaimRow, 'modality' | 'time' | 'confidence' | 'items' | 'document' | 'seen'>): void {
    this.n++;
    if (c.document !== this.lastDocument) this.documents++;
    this.lastDocument = c.document;
    this.modalities.add(c.modality);
    for (const i of c.items ?? []) this.items.add(i);
    if (c.time) this.times.add(c.time);
    this.confidence = Math.max(this.confidence, c.confidence);
    if (c.seen) {
      if (this.firstSeen === undefined || c.seen < this.firstSeen) this.firstSeen = c.seen;
      if (this.lastSeen === undefined || c.seen > this.lastSeen) this.lastSeen = c.seen;
    }
  }

  result(key: string): ReturnType<typeof aggregate> {
    // aggregate() over no claims, then the folded totals: the same fields, sorted the same way.
    const base = aggregate({ key, subject: this.subject, predicate: this.predicate, object: this.object }, []);
    return {
      ...base,
      evidenceCount: this.n,
      documentCount: this.documents,
      modalities: sortedUnique(this.modalities),
      items: sortedUnique(this.items),
      time: sortedUnique(this.times),
      confidence: this.confidence,
      ...(this.firstSeen ? { firstSeen: this.firstSeen } : {}),
      ...(this.lastSeen ? { lastSeen: this.lastSeen } : {}),
    };
  }
}
