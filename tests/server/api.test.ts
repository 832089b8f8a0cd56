// The HTTP API over the embedded store (temp GEOKG_HOME) with the real sample through the real pipeline:
// every endpoint, input validation, clean JSON errors, static files without traversal, the Host guard.

import { request } from 'node:http';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuilt, VIZ_DIST } from '../../src/server/build-viewer.js';
import type { RunningServer } from '../../src/server/listen.js';
import { ingestPaths } from '../../src/store/ingest-files.js';
import { openStore } from '../../src/store/open.js';
import type { GraphStore } from '../../src/store/types.js';
import { call, expectCleanError, postCypher, type Loose, SAMPLE, serve, tempHome } from './http.js';

let home: string;
let store: GraphStore;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  await ensureViewerBuilt();
  home = await tempHome();
  store = await openStore({ kind: 'embedded', home });
  await ingestPaths(store, [SAMPLE]);
  server = await serve(store, { staticDir: VIZ_DIST });
  base = server.url;
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('API over the embedded store', () => {
  it('reports its configuration without Cypher and without secrets', async () => {
    const a = await call(base, '/api/config');
    expect(a.status).toBe(200);
    expect(a.json.store).toBe('embedded');
    expect(a.json.cypher).toBe(false);
    expect(a.text).not.toMatch(/password|secret|bolt:|neo4j:\/\//i);
  });

  it('serves the whole graph, and caps it with truncated + totals', async () => {
    const all = await call(base, '/api/graph');
    expect(all.status).toBe(200);
    expect(all.json.nodes.length).toBeGreaterThan(5);
    expect(all.json.truncated).toBe(false);
    const capped = await call(base, '/api/graph?limit=3');
    expect(capped.json.nodes.length).toBeLessThanOrEqual(3);
    expect(capped.json.truncated).toBe(true);
    expect(capped.json.totalNodes).toBe(all.json.nodes.length);
    for (const bad of ['limit=abc', 'limit=0', 'limit=99999999', 'offset=-1']) {
      const a = await call(base, `/api/graph?${bad}`);
      expect(a.status, bad).toBe(400);
      expectCleanError(a);
    }
  });

  it('gives an entity with its relations, and 404 for an unknown one', async () => {
    const iran = await call(base, '/api/entity/IRN');
    expect(iran.status).toBe(200);
    expect(iran.json.entity.name).toBe('Iran');
    const supplies = iran.json.relations.find((r: Loose) => r.predicate === 'SUPPLIES' && r.object === 'RUS');
    expect(supplies).toBeTruthy();
    expect(iran.json.neighbours.map((n: Loose) => n.id)).toContain('RUS');
    const none = await call(base, '/api/entity/nobody-here');
    expect(none.status).toBe(404);
    expectCleanError(none);
  });

  it('expands a neighbourhood to depth 1..3 and refuses other depths', async () => {
    const one = await call(base, '/api/neighbourhood/IRN?depth=1');
    expect(one.status).toBe(200);
    const two = await call(base, '/api/neighbourhood/IRN?depth=2');
    expect(two.json.nodes.length).toBeGreaterThanOrEqual(one.json.nodes.length);
    expect(one.json.nodes.map((n: Loose) => n.id)).toEqual(expect.arrayContaining(['IRN', 'RUS']));
    for (const depth of ['0', '4', 'x']) {
      const a = await call(base, `/api/neighbourhood/IRN?depth=${depth}`);
      expect(a.status).toBe(400);
      expectCleanError(a);
    }
  });

  it('returns the evidence of a relation with its document', async () => {
    const a = await call(base, '/api/evidence?subject=IRN&predicate=SUPPLIES&object=RUS');
    expect(a.status).toBe(200);
    const shahed = a.json.evidence.find((e: Loose) => /Shahed/.test(e.sentence));
    expect(shahed).toBeTruthy();
    expect(shahed.document).toBeTruthy();
    expect(typeof shahed.modality).toBe('string');
    const bad = await call(base, '/api/evidence?subject=IRN&predicate=LOVES&object=RUS');
    expect(bad.status).toBe(400);
    expectCleanError(bad);
    const missing = await call(base, '/api/evidence?subject=IRN');
    expect(missing.status).toBe(400);
  });

  it('searches names and aliases in both languages', async () => {
    const de = await call(base, '/api/search?q=Russland');
    expect(de.json.results.map((e: Loose) => e.id)).toContain('RUS');
    const en = await call(base, '/api/search?q=iran');
    expect(en.json.results[0].id).toBe('IRN');
    const empty = await call(base, '/api/search?q=');
    expect(empty.status).toBe(400);
    expectCleanError(empty);
  });

  it('lists documents (paged) and gives one with its text and highlighted claims', async () => {
    const list = await call(base, '/api/documents');
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(1);
    const doc = (list.json.documents as Loose[])[0]!;
    expect(doc.source).toMatch(/000_72676987deda64ed\.txt$/);
    expect(doc.hasText).toBe(true);
    expect(doc.evidence).toBeGreaterThan(5);
    expect(list.json).toMatchObject({ limit: 50, offset: 0 });
    expect((await call(base, '/api/documents?offset=1')).json.documents).toEqual([]);
    expect((await call(base, '/api/documents?q=zzzz-nothing')).json.total).toBe(0);
    for (const bad of ['limit=0', 'limit=5000', 'sort=random', 'offset=-2']) {
      const a = await call(base, `/api/documents?${bad}`);
      expect(a.status, bad).toBe(400);
      expectCleanError(a);
    }
    const one = await call(base, `/api/documents/${doc.id}`);
    expect(one.status).toBe(200);
    expect(one.json.document.id).toBe(doc.id);
    const text = one.json.text as string;
    const shahed = (one.json.claims as Loose[]).find(
      (c) => c.predicate === 'SUPPLIES' && c.subject === 'IRN' && String(c.sentence).includes('Shahed'),
    );
    expect(shahed).toBeTruthy();
    // Offsets point into the stored cleaned text: the reader can highlight exactly the evidence sentence.
    expect(text.slice(shahed!.start, shahed!.end)).toBe(shahed!.sentence);
    const missing = await call(base, '/api/documents/nope');
    expect(missing.status).toBe(404);
    expectCleanError(missing);
  });

  it('pages documents with their claims for the JSON export, without the article texts', async () => {
    const page = await call(base, '/api/claims?limit=1');
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 1, limit: 1, offset: 0 });
    const doc = (page.json.documents as Loose[])[0]!;
    expect(doc.text).toBeUndefined();
    const claims = doc.claims as Loose[];
    expect(claims.length).toBe(doc.evidence);
    expect(claims.some((c) => c.predicate === 'SUPPLIES' && String(c.sentence).includes('Shahed'))).toBe(true);
    expect((await call(base, '/api/claims?offset=1')).json.documents).toEqual([]);
    for (const bad of ['limit=0', 'limit=201', 'offset=-1', 'limit=abc']) {
      const a = await call(base, `/api/claims?${bad}`);
      expect(a.status, bad).toBe(400);
      expectCleanError(a);
    }
  });

  it('gives claims per month of publication, undated claims apart', async () => {
    const t = await call(base, '/api/timeline');
    expect(t.status).toBe(200);
    const doc = (await call(base, '/api/documents')).json.documents[0] as Loose;
    const counted =
      (t.json.months as Loose[]).reduce((n, m) => n + (m.claims as number), 0) + (t.json.undated.claims as number);
    expect(counted).toBe(doc.evidence);
    if (doc.published) expect(t.json.months[0].month).toBe(String(doc.published).slice(0, 7));
    else expect(t.json.undated).toEqual({ claims: doc.evidence, documents: 1 });
  });

  it('counts what is stored', async () => {
    const a = await call(base, '/api/stats');
    expect(a.status).toBe(200);
    expect(a.json.documents).toBe(1);
    expect(a.json.relations).toBeGreaterThan(0);
  });

  it('answers Cypher with 501 on the embedded store, and keeps serving', async () => {
    const a = await postCypher(base, 'MATCH (n) RETURN n');
    expect(a.status).toBe(501);
    expectCleanError(a);
    expect((await call(base, '/api/stats')).status).toBe(200);
  });

  it('answers unknown endpoints and wrong methods with JSON errors', async () => {
    const unknown = await call(base, '/api/nothing');
    expect(unknown.status).toBe(404);
    expectCleanError(unknown);
    const post = await call(base, '/api/graph', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expectCleanError(post);
    const badEscape = await call(base, '/api/entity/%E0%A4%A');
    expect(badEscape.status).toBe(400);
  });

  it('serves the viewer with correct content types', async () => {
    const index = await call(base, '/');
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^text\/html/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(script).toBeTruthy();
    const js = await call(base, script!);
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/^text\/javascript/);
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(index.text)?.[1];
    expect((await call(base, css!)).type).toMatch(/^text\/css/);
    // A shared view link is a path without extension plus query: it opens the app.
    expect((await call(base, '/?entity=IRN&hideRel=SUPPLIES')).type).toMatch(/^text\/html/);
    expect((await call(base, '/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside viz/dist', async () => {
    // Raw request paths: fetch() would normalise the dots away before they reach the server.
    const raw = (p: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: p }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const p of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00index.html',
    ]) {
      const a = await raw(p);
      expect(a.body, p).not.toContain('"devDependencies"');
      expect([200, 400, 404], p).toContain(a.status);
    }
  });

  it('refuses requests for another Host name (DNS rebinding guard)', async () => {
    const a = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/stats', headers: { Host: 'attacker.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(a).toBe(421);
    expect((await call(base, '/api/stats')).status).toBe(200);
  });
});
