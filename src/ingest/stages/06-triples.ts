// Stage 6 (pure): relation candidates → the DocumentExtraction contract: one relation per (subject, predicate, object),
// every supporting sentence as evidence, only the entities the relations use, ontology type constraints enforced.

import type { DocumentExtraction, Entity, Evidence, Modality, Predicate, Relation } from '../../model.js';
import { SYMMETRIC_PREDICATES, relationKey, typesAllowed } from '../../model.js';
import type { RelationCandidate, RelationsDoc } from '../types.js';
import { getGazetteer } from '../gaz.js';

const OWN_STATE = new Set<Predicate>([
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'OFFICIAL_OF',
  'CITIZEN_OF',
  'AFFILIATED_WITH',
]);
const STRUCTURAL = new Set<Predicate>([...OWN_STATE, 'MEMBER_OF', 'LOCATED_IN']);
const NOT_WITH_OWN = new Set<Predicate>(['MEETS', 'SIGNS_AGREEMENT', 'COOPERATES_WITH', 'SUPPORTS']);

const MODALITY_ORDER: Modality[] = ['asserted', 'reported', 'alleged', 'expected', 'planned', 'denied'];

function pickModality(cands: RelationCandidate[]): RelationCandidate {
  // A relation the text asserts once is asserted; otherwise the most frequent hedge wins (ties: order above).
  const counts = new Map<Modality, number>();
  for (const c of cands) counts.set(c.modality, (counts.get(c.modality) ?? 0) + 1);
  if (counts.has('asserted')) return cands.find((c) => c.modality === 'asserted')!;
  let best: Modality = cands[0]!.modality;
  for (const m of MODALITY_ORDER) if ((counts.get(m) ?? 0) > (counts.get(best) ?? 0)) best = m;
  return cands.find((c) => c.modality === best)!;
}

export function toTriples(doc: RelationsDoc): DocumentExtraction {
  const typeOf = (id: string) => doc.entities.get(id)?.type;
  const groups = new Map<string, RelationCandidate[]>();
  // A person acts for their own state, not with it: "Maduro met … Venezuela" pairs are argument-finding slips.
  const own = new Set<string>();
  // Offices (not mere citizenship: a dissident criticises their own state): no stance or act towards one's own side.
  const office = new Set<string>();
  for (const c of doc.candidates)
    if (OWN_STATE.has(c.predicate) && typeOf(c.subject) === 'Person') {
      own.add(`${c.subject} ${c.object}`);
      if (c.predicate !== 'CITIZEN_OF') office.add(`${c.subject} ${c.object}`);
    }
  // The gazetteer's current offices count too; looked up only for persons in an interaction (a hot path).
  const seen = new Set<string>();
  const addKnown = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (typeOf(id) !== 'Person') return;
    for (const r of getGazetteer().entries.get(id)?.roles ?? [])
      if (!r.to && r.predicate !== 'CITIZEN_OF' && r.predicate !== 'LOCATED_IN' && r.predicate !== 'MEMBER_OF') {
        own.add(`${id} ${r.object}`);
        office.add(`${id} ${r.object}`);
      }
  };
  for (const c of doc.candidates) {
    if (!typesAllowed(c.predicate, typeOf(c.subject), typeOf(c.object))) continue;
    if (!STRUCTURAL.has(c.predicate)) {
      addKnown(c.subject);
      addKnown(c.object);
      const pair = (a: string, b: string) => (NOT_WITH_OWN.has(c.predicate) ? own : office).has(`${a} ${b}`);
      if (pair(c.subject, c.object) || pair(c.object, c.subject)) continue;
    }
    let { subject, object } = c;
    if (SYMMETRIC_PREDICATES.has(c.predicate) && subject > object) [subject, object] = [object, subject];
    const k = relationKey(subject, c.predicate, object);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push({ ...c, subject, object });
  }
  const relations: Relation[] = [];
  const used = new Set<string>();
  for (const cands of groups.values()) {
    const main = pickModality(cands);
    const sentences = [...new Set(cands.map((c) => c.sentence))].sort((a, b) => a - b);
    const evidence: Evidence[] = sentences.map((i) => {
      const s = doc.sentences[i]!;
      return { document: doc.id, sentence: s.text, start: s.start, end: s.end };
    });
    const properties: Record<string, unknown> = {};
    const items = [...new Set(cands.flatMap((c) => c.items ?? []))];
    if (main.predicate === 'SUPPLIES' && items.length) properties.items = items;
    const role = cands.find((c) => c.role)?.role;
    if (role) properties.role = role;
    const domain = cands.find((c) => c.domain)?.domain;
    if (domain) properties.domain = domain;
    const confidence = Math.min(0.99, 1 - cands.reduce((p, c) => p * (1 - c.confidence), 1));
    const rel: Relation = {
      subject: main.subject,
      predicate: main.predicate,
      object: main.object,
      modality: main.modality,
      properties,
      confidence: Math.round(confidence * 100) / 100,
      evidence,
    };
    const attributed =
      main.attributedTo ?? cands.find((c) => c.modality === main.modality && c.attributedTo)?.attributedTo;
    if (attributed && doc.entities.has(attributed)) rel.attributedTo = attributed;
    const time = cands.find((c) => c.time)?.time;
    if (time) rel.time = time;
    relations.push(rel);
    used.add(rel.subject).add(rel.object);
    for (const it of items) used.add(it);
    if (rel.attributedTo) used.add(rel.attributedTo);
  }
  relations.sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start || a.predicate.localeCompare(b.predicate));
  const entities: Entity[] = [...used]
    .map((id) => doc.entities.get(id))
    .filter((e): e is Entity => !!e)
    .map((e) => ({ ...e, aliases: [...new Set(e.aliases)] }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const document = {
    id: doc.id,
    source: doc.source,
    language: doc.language,
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.published ? { published: doc.published } : {}),
  };
  return { document, entities, relations, ...(doc.warnings.length ? { warnings: doc.warnings } : {}) };
}
