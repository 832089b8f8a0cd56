// The store contract: one behavioural suite that every GraphStore adapter must pass (embedded and Neo4j).
// Uses hand-made fixtures, so every expectation follows from the input and not from the extractor.

import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { DocumentExtraction } from '../../src/model.js';
import type { GraphSnapshot, GraphStore, StoreStats } from '../../src/store/types.js';
import { SHAHED_SENTENCE, sampleDoc, secondDoc, syntheticDoc } from './fixtures.js';

export interface ContractHooks {
  /** A fresh handle on the store under test (same backing data as every other handle). */
  makeStore(): Promise<GraphStore>;
  /** A handle whose next document write fails after part of the document was written, before commit. */
  makeFailingStore(): Promise<GraphStore>;
}

/** The whole graph in a comparable form: nodes and edges sorted, with everything a user could see. */
export async function fullGraph(store: GraphStore): Promise<{ snapshot: GraphSnapshot; stats: StoreStats }> {
  const snapshot = await store.graph();
  snapshot.nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
  snapshot.edges.sort((a, b) => (a.key < b.key ? -1 : 1));
  return { snapshot, stats: await store.stats() };
}

export function runStoreContract(name: string, hooks: ContractHooks): void {
  describe(`store contract: ${name}`, () => {
    let store: GraphStore;
    const opened: GraphStore[] = [];
    const open = async (failing = false) => {
      const s = failing ? await hooks.makeFailingStore() : await hooks.makeStore();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      store = await open();
      await store.reset();
    });

    afterAll(async () => {
      for (const s of opened) await s.close().catch(() => undefined);
    });

    it('ingesting the same document twice leaves the same counts and reports the second as unchanged', async () => {
      const first = await store.ingest(sampleDoc());
      expect(first.written).toBe(true);
      const once = await fullGraph(store);
      const second = await store.ingest(sampleDoc());
      expect(second.written).toBe(false);
      expect(await fullGraph(store)).toEqual(once);
      expect(once.stats.documents).toBe(1);
      expect(once.stats.entities).toBe(sampleDoc().entities.length);
    });

    it('leads from IRN-SUPPLIES->RUS to the Shahed sentence and its document', async () => {
      await store.ingest(sampleDoc());
      const ev = await store.evidence('IRN', 'SUPPLIES', 'RUS');
      const shahed = ev.find((e) => e.sentence === SHAHED_SENTENCE);
      expect(shahed).toBeDefined();
      expect(shahed!.document).toBe(sampleDoc().document.id);
      expect(shahed!.start).toBe(1200);
      expect(shahed!.documentMeta?.source).toBe(sampleDoc().document.source);
      const reported = ev.find((e) => e.modality === 'reported');
      expect(reported?.attributedTo).toBe('org:cnn');
      expect(reported?.time).toBe('2024-09');
      expect(await store.evidence('RUS', 'SUPPLIES', 'IRN')).toEqual([]);
    });

    it('aggregates a relationship: evidence count, modalities, items, first/last seen', async () => {
      await store.ingest(sampleDoc());
      const { snapshot } = await fullGraph(store);
      const supplies = snapshot.edges.find((e) => e.key === 'IRN|SUPPLIES|RUS');
      expect(supplies).toMatchObject({
        subject: 'IRN',
        object: 'RUS',
        predicate: 'SUPPLIES',
        evidenceCount: 2,
        modalities: ['asserted', 'reported'],
        items: ['item:shahed'],
        time: ['2024-09'],
        firstSeen: '2024-10-11',
        lastSeen: '2024-10-11',
      });
      expect(supplies!.confidence).toBeCloseTo(0.9);
    });

    it('stores a symmetric relation once, in id order, whichever way round it was written', async () => {
      await store.ingest(sampleDoc());
      const { snapshot } = await fullGraph(store);
      const coop = snapshot.edges.filter((e) => e.predicate === 'COOPERATES_WITH');
      expect(coop).toHaveLength(1);
      expect(coop[0]).toMatchObject({
        key: 'IRN|COOPERATES_WITH|RUS',
        subject: 'IRN',
        object: 'RUS',
        evidenceCount: 1,
      });
      expect(await store.evidence('RUS', 'COOPERATES_WITH', 'IRN')).toEqual(
        await store.evidence('IRN', 'COOPERATES_WITH', 'RUS'),
      );
    });

    it('adds the evidence of a second document to the existing relationship', async () => {
      await store.ingest(sampleDoc());
      await store.ingest(secondDoc());
      const { snapshot, stats } = await fullGraph(store);
      const coop = snapshot.edges.find((e) => e.key === 'IRN|COOPERATES_WITH|RUS');
      expect(coop).toMatchObject({ evidenceCount: 2, modalities: ['asserted', 'planned'], lastSeen: '2024-11-02' });
      expect((coop as { documentCount?: number }).documentCount).toBe(2);
      expect(stats.documents).toBe(2);
      const rus = snapshot.nodes.find((n) => n.id === 'RUS');
      expect(rus?.aliases).toEqual(['Moscow', 'Moskau', 'Russia', 'Russland']);
      expect((await store.evidence('IRN', 'COOPERATES_WITH', 'RUS')).map((e) => e.document).sort()).toEqual([
        'doc-sample-0001',
        'doc-second-0002',
      ]);
    });

    it('removing the sample after a second article leaves exactly the graph of the second alone', async () => {
      await store.ingest(secondDoc());
      const alone = await fullGraph(store);
      await store.reset();
      await store.ingest(sampleDoc());
      await store.ingest(secondDoc());
      expect(await store.removeDocument(sampleDoc().document.id)).toBe(true);
      expect(await fullGraph(store)).toEqual(alone);
      expect(await store.hasDocument(sampleDoc().document.id)).toBe(false);
      expect(await store.evidence('IRN', 'SUPPLIES', 'RUS')).toEqual([]);
      expect(await store.entity('org:brics')).toBeNull();
      expect(await store.removeDocument(sampleDoc().document.id)).toBe(false);
    });

    it('removing every document leaves an empty graph', async () => {
      await store.ingest(sampleDoc());
      await store.ingest(secondDoc());
      await store.removeDocument(secondDoc().document.id);
      await store.removeDocument(sampleDoc().document.id);
      const stats = await store.stats();
      expect(stats).toMatchObject({ documents: 0, entities: 0, relations: 0, evidence: 0 });
    });

    it('a failure in the middle of a document write leaves none of it, and the next ingest completes it', async () => {
      await store.ingest(secondDoc());
      const before = await fullGraph(store);
      const failing = await open(true);
      await expect(failing.ingest(sampleDoc())).rejects.toThrow();
      const fresh = await open();
      expect(await fullGraph(fresh)).toEqual(before);
      expect(await fresh.hasDocument(sampleDoc().document.id)).toBe(false);
      expect(await fresh.evidence('IRN', 'SUPPLIES', 'RUS')).toEqual([]);

      const retry = await fresh.ingest(sampleDoc());
      expect(retry.written).toBe(true);
      const completed = await fullGraph(fresh);
      await fresh.reset();
      await fresh.ingest(secondDoc());
      await fresh.ingest(sampleDoc());
      expect(await fullGraph(fresh)).toEqual(completed);
    });

    it('refuses an invalid document before writing anything', async () => {
      await store.ingest(secondDoc());
      const before = await fullGraph(store);
      const bad: DocumentExtraction = sampleDoc();
      bad.relations.push({ ...bad.relations[0]!, object: 'NOWHERE' });
      await expect(store.ingest(bad)).rejects.toBeInstanceOf(InputError);
      const worse = sampleDoc();
      (worse.relations[0] as { predicate: string }).predicate = 'LIKES';
      await expect(store.ingest(worse)).rejects.toThrow(/predicate/);
      expect(await fullGraph(store)).toEqual(before);
    });

    it('searches names and aliases in both languages, ignoring case and accents', async () => {
      await store.ingest(sampleDoc());
      await store.ingest(secondDoc());
      expect((await store.search('peseschkian')).map((e) => e.id)).toContain('person:masoud-pezeshkian');
      expect((await store.search('PEZESHKIAN'))[0]?.id).toBe('person:masoud-pezeshkian');
      expect((await store.search('Téhéran'))[0]?.id).toBe('IRN');
      expect((await store.search('russland'))[0]?.id).toBe('RUS');
      expect((await store.search('Russia'))[0]?.id).toBe('RUS');
      expect((await store.search('nordkorea'))[0]?.id).toBe('PRK');
      expect(await store.search('xyzzy')).toEqual([]);
      expect(await store.search('   ')).toEqual([]);
      expect(await store.search('i', 2)).toHaveLength(2);
    });

    it('returns entities, documents, capped graphs and neighbourhoods', async () => {
      await store.ingest(sampleDoc());
      await store.ingest(secondDoc());
      expect(await store.entity('RUS')).toMatchObject({ id: 'RUS', name: 'Russia', type: 'Country', iso3: 'RUS' });
      expect(await store.entity('nobody')).toBeNull();
      expect((await store.listDocuments()).map((d) => d.id).sort()).toEqual(['doc-sample-0001', 'doc-second-0002']);

      const top = await store.graph({ limit: 2 });
      expect(top.nodes.map((n) => n.id)).toEqual(['RUS', 'IRN']);
      expect(top.truncated).toBe(true);
      expect(top.totalNodes).toBe(10);
      expect(top.edges.every((e) => ['RUS', 'IRN'].includes(e.subject) && ['RUS', 'IRN'].includes(e.object))).toBe(
        true,
      );
      expect((await store.graph()).truncated).toBe(false);

      const prk = await store.neighbourhood('PRK', 1);
      expect(prk.nodes.map((n) => n.id).sort()).toEqual(['PRK', 'RUS', 'person:kim-jong-un']);
      expect(prk.edges.map((e) => e.key).sort()).toEqual(['PRK|SUPPLIES|RUS', 'person:kim-jong-un|HEAD_OF_STATE|PRK']);
      const two = await store.neighbourhood('PRK', 2);
      expect(two.nodes.length).toBeGreaterThan(prk.nodes.length);
      const capped = await store.neighbourhood('PRK', 2, 3);
      expect(capped.nodes).toHaveLength(3);
      expect(capped.truncated).toBe(true);
      expect((await store.neighbourhood('nobody', 2)).nodes).toEqual([]);
    });

    it('lists documents newest first with their counts, searchable and paged, undated ones last', async () => {
      const undated = syntheticDoc(1, 3);
      await store.ingestMany([sampleDoc(), undated, secondDoc()]);
      const page = await store.documents();
      expect(page.total).toBe(3);
      expect(page.documents.map((d) => d.id)).toEqual(['doc-second-0002', 'doc-sample-0001', 'synthetic-1']);
      // Counted by hand from the fixtures: 8 entities, 7 distinct relations, 8 claims (one sentence holds both
      // directions of the symmetric COOPERATES_WITH, which is one claim).
      expect(page.documents[1]).toMatchObject({
        id: 'doc-sample-0001',
        title: 'Iran und Russland',
        published: '2024-10-11',
        language: 'de',
        entities: 8,
        relations: 7,
        evidence: 8,
        hasText: false,
      });
      expect(page.documents[2]!.published).toBeUndefined();
      expect(page.documents[2]!.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const oldest = await store.documents({ sort: 'oldest' });
      expect(oldest.documents.map((d) => d.id)).toEqual(['doc-sample-0001', 'doc-second-0002', 'synthetic-1']);
      const byTitle = await store.documents({ sort: 'title' });
      expect(byTitle.documents.map((d) => d.title ?? d.source)).toEqual([
        'Iran und Russland',
        'Moscow and Pyongyang',
        'synthetic/1.txt',
      ]);
      const paged = await store.documents({ limit: 1, offset: 1 });
      expect(paged).toMatchObject({ total: 3, documents: [{ id: 'doc-sample-0001' }] });
      const found = await store.documents({ q: 'PYONGYANG' });
      expect(found.total).toBe(1);
      expect(found.documents.map((d) => d.id)).toEqual(['doc-second-0002']);
      expect((await store.documents({ q: 'second.txt' })).documents.map((d) => d.id)).toEqual(['doc-second-0002']);
      expect(await store.documents({ q: 'no such words' })).toEqual({ documents: [], total: 0 });
    });

    it('dates claims by their document only: an undated document gives undated relations', async () => {
      await store.ingest(syntheticDoc(2, 2));
      const { snapshot } = await fullGraph(store);
      expect(snapshot.edges.length).toBe(2);
      for (const e of snapshot.edges) {
        expect(e.firstSeen).toBeUndefined();
        expect(e.lastSeen).toBeUndefined();
      }
      await store.ingest(sampleDoc());
      const coop = (await fullGraph(store)).snapshot.edges.find((e) => e.key === 'IRN|COOPERATES_WITH|RUS');
      expect(coop).toMatchObject({ firstSeen: '2024-10-11', lastSeen: '2024-10-11' });
    });

    it('returns one document with its text and its claims in reading order', async () => {
      const text = 'x'.repeat(1200) + SHAHED_SENTENCE;
      await store.ingest({ ...sampleDoc(), text });
      await store.ingest(secondDoc());
      const detail = await store.document('doc-sample-0001');
      expect(detail).not.toBeNull();
      expect(detail!.text).toBe(text);
      expect(detail!.document).toMatchObject({ id: 'doc-sample-0001', hasText: true, evidence: 8, relations: 7 });
      const starts = detail!.claims.map((c) => c.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(detail!.claims).toHaveLength(8);
      const shahed = detail!.claims.find((c) => c.start === 1200)!;
      expect(shahed).toMatchObject({
        key: 'IRN|SUPPLIES|RUS',
        predicate: 'SUPPLIES',
        subject: 'IRN',
        object: 'RUS',
        modality: 'asserted',
        items: ['item:shahed'],
        sentence: SHAHED_SENTENCE,
        end: 1200 + SHAHED_SENTENCE.length,
      });
      expect(text.slice(shahed.start, shahed.end)).toBe(SHAHED_SENTENCE);
      const reported = detail!.claims.find((c) => c.modality === 'reported')!;
      expect(reported).toMatchObject({ attributedTo: 'org:cnn', time: '2024-09' });
      const second = await store.document('doc-second-0002');
      expect(second!.text).toBeUndefined();
      expect(second!.document.hasText).toBe(false);
      expect(second!.claims.map((c) => c.predicate).sort()).toEqual([
        'COOPERATES_WITH',
        'HEAD_OF_STATE',
        'MEETS',
        'SUPPLIES',
      ]);
      expect(await store.document('nope')).toBeNull();
    });

    it('ingests many documents in batches with per-document results', async () => {
      const bad = sampleDoc();
      bad.document.id = 'bad-doc';
      bad.relations.push({ ...bad.relations[0]!, subject: 'NOWHERE' });
      const docs = [
        sampleDoc(),
        bad,
        secondDoc(),
        sampleDoc(),
        ...Array.from({ length: 5 }, (_, i) => syntheticDoc(i, 20)),
      ];
      const results = await store.ingestMany(docs);
      expect(results.map((r) => (r.ok ? r.result.written : 'failed'))).toEqual([
        true,
        'failed',
        true,
        false,
        true,
        true,
        true,
        true,
        true,
      ]);
      const batched = await fullGraph(store);
      await store.reset();
      for (const d of [sampleDoc(), secondDoc(), ...Array.from({ length: 5 }, (_, i) => syntheticDoc(i, 20))])
        await store.ingest(d);
      expect(await fullGraph(store)).toEqual(batched);
    });

    it('reset deletes everything', async () => {
      await store.ingest(sampleDoc());
      await store.reset();
      expect(await store.stats()).toMatchObject({ documents: 0, entities: 0, relations: 0, evidence: 0 });
      expect(await store.listDocuments()).toEqual([]);
    });
  });
}
