// The query library without a database: headers parsed into metadata, loading by name or path, and CLI
// parameters coerced and completed (defaults, integers for LIMIT, clear errors for missing or unknown names).

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/errors.js';
import {
  bindParams,
  cypherParamNames,
  listQueries,
  loadQuery,
  parseHeader,
  parseParams,
} from '../../src/store/queries.js';

describe('query headers', () => {
  it('every query file declares name, question, params and returns, and exactly the parameters it uses', () => {
    const queries = listQueries();
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const info of queries) {
      expect(path.basename(info.file, '.cypher'), info.file).toBe(info.name);
      expect(info.answers.length, `${info.name}: answers`).toBeGreaterThan(20);
      expect(info.returns.length, `${info.name}: returns`).toBeGreaterThan(5);
      const used = loadQuery(info.name).params;
      expect(info.params.map((p) => p.name).sort(), `${info.name}: declared vs used`).toEqual([...used].sort());
      for (const p of info.params) {
        expect(p.type, `${info.name} $${p.name}`).toMatch(/^(string|integer|float|boolean|list)(\|null)?$/);
        expect(p.example, `${info.name} $${p.name} example`).not.toBeUndefined();
      }
    }
  });

  it('are read-only: no clause of any query writes', () => {
    for (const info of listQueries()) {
      const code = loadQuery(info.name).text.replace(/\/\/[^\n]*/g, '');
      expect(code, info.name).not.toMatch(/\b(CREATE|MERGE|DELETE|DETACH|REMOVE|SET|LOAD CSV)\b/i);
    }
  });

  it('parses multi-line fields, quoted examples with commas, lists and defaults', () => {
    const info = parseHeader(
      [
        '// name: demo',
        '// answers: First line',
        '//   continues here.',
        "// params: $who (string, 'a, b') someone",
        '// params: $types (list|null, ["X", "Y"], default: null) types',
        '// params: $limit (integer, 5, default: 7)',
        '// returns: x',
        'RETURN $who, $types, $limit',
      ].join('\n'),
    )!;
    expect(info.answers).toBe('First line continues here.');
    expect(info.params).toEqual([
      { name: 'who', type: 'string', example: 'a, b', hasDefault: false, description: 'someone' },
      { name: 'types', type: 'list|null', example: ['X', 'Y'], hasDefault: true, default: null, description: 'types' },
      { name: 'limit', type: 'integer', example: 5, hasDefault: true, default: 7, description: '' },
    ]);
    expect(parseHeader('MATCH (n) RETURN n')).toBeUndefined();
  });

  it('finds parameters in code only, not in comments or string literals', () => {
    expect(cypherParamNames("// $nope\nMATCH (n {id: $id}) WHERE n.x = '$not' AND n.y = $y RETURN $id")).toEqual([
      'id',
      'y',
    ]);
  });
});

describe('loadQuery', () => {
  it('loads by name and by path', () => {
    const q = loadQuery('provenance');
    expect(q.name).toBe('provenance');
    expect(q.params).toEqual(['subject', 'object', 'predicate']);
    expect(loadQuery(q.file).text).toBe(q.text);
    expect(loadQuery('provenance.cypher').file).toBe(q.file);
  });

  it('names the available queries when the name is unknown', () => {
    expect(() => loadQuery('no-such-query')).toThrow(QueryError);
    expect(() => loadQuery('no-such-query')).toThrow(/available: .*provenance.*supplies/);
    expect(() => loadQuery('../../etc/passwd.cypher')).toThrow(/no query file/);
  });

  it('loads a header-less file by path, and refuses an empty one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'geokg-cypher-'));
    writeFileSync(path.join(dir, 'mine.cypher'), 'MATCH (n:Entity {id: $id}) RETURN n');
    writeFileSync(path.join(dir, 'empty.cypher'), '// nothing\n');
    const q = loadQuery(path.join(dir, 'mine.cypher'));
    expect(q).toMatchObject({ name: 'mine', params: ['id'] });
    expect(() => bindParams(q, {})).toThrow(/needs --param id/);
    expect(() => loadQuery(path.join(dir, 'empty.cypher'))).toThrow(/holds no Cypher/);
  });
});

describe('parameters', () => {
  it('coerces CLI strings: integers as Cypher integers, floats, booleans, null, JSON lists, else strings', () => {
    const p = parseParams([
      'limit=10',
      'score=0.5',
      'flag=true',
      'none=null',
      'types=["SUPPLIES","ATTACKS"]',
      'id=IRN',
      'q=a=b',
    ]);
    expect(neo4j.isInt(p.limit)).toBe(true);
    expect((p.limit as ReturnType<typeof neo4j.int>).toNumber()).toBe(10);
    expect(p).toMatchObject({
      score: 0.5,
      flag: true,
      none: null,
      types: ['SUPPLIES', 'ATTACKS'],
      id: 'IRN',
      q: 'a=b',
    });
    expect(parseParams(['id="42"']).id).toBe('42');
    expect(parseParams(['from=2024-10-01']).from).toBe('2024-10-01');
  });

  it('reads values as the type a shipped query declares: from=2025 stays a string date', () => {
    const declared = loadQuery('date-range').info!.params;
    const p = parseParams(['from=2025', 'to=2025-06', 'types=SUPPLIES,ATTACKS'], declared);
    expect(p).toEqual({ from: '2025', to: '2025-06', types: ['SUPPLIES', 'ATTACKS'] });
    expect(parseParams(['types=null'], declared).types).toBeNull();
    expect(parseParams(['types=["MEETS"]'], declared).types).toEqual(['MEETS']);
    // Without the header the same value would have been guessed as a number.
    expect(neo4j.isInt(parseParams(['from=2025']).from)).toBe(true);
    const dyads = loadQuery('dyads').info!.params;
    const limit = parseParams(['limit=7'], dyads).limit;
    expect(neo4j.isInt(limit) && (limit as ReturnType<typeof neo4j.int>).toNumber()).toBe(7);
    expect(() => parseParams(['limit=seven'], dyads)).toThrow(/limit must be an integer/);
    expect(() => parseParams(['limit=null'], dyads)).toThrow(/not null/);
    expect(parseParams(['from="2025"'], declared).from).toBe('2025');
  });

  it('rejects malformed pairs, bad JSON and repeated names', () => {
    expect(() => parseParams(['novalue'])).toThrow(QueryError);
    expect(() => parseParams(['=x'])).toThrow(QueryError);
    expect(() => parseParams(['bad name=1'])).toThrow(QueryError);
    expect(() => parseParams(['types=[1,'])).toThrow(/looks like JSON/);
    expect(() => parseParams(['a=1', 'a=2'])).toThrow(/twice/);
  });

  it('fills header defaults, turns integer parameters into Cypher integers, names missing and unknown ones', () => {
    const supplies = loadQuery('supplies');
    expect(bindParams(supplies, { supplier: 'IRN' })).toEqual({ supplier: 'IRN', recipient: null });
    const dyads = bindParams(loadQuery('dyads'), { limit: 3 });
    expect(neo4j.isInt(dyads.limit)).toBe(true);
    expect(dyads.types).toBeNull();
    expect(neo4j.isInt(bindParams(loadQuery('dyads')).limit)).toBe(true);
    expect(() => bindParams(loadQuery('provenance'), { subject: 'IRN' })).toThrow(
      /needs --param object="RUS" \(string\) --param predicate="SUPPLIES" \(string\)/,
    );
    expect(() => bindParams(supplies, { suplier: 'IRN' })).toThrow(/no parameter \$suplier/);
  });
});
