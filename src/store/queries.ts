// The researchers' Cypher library: cypher/queries/NAME.cypher files, their header comments parsed into metadata,
// loaded by name or path, and CLI `--param k=v` strings coerced into typed, complete query parameters.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { QueryError } from '../errors.js';

export const QUERIES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher/queries');

export interface QueryParamInfo {
  name: string;
  /** As written in the header: string, integer, float, boolean, list, with `|null` when null is allowed. */
  type: string;
  example: unknown;
  /** Only when `hasDefault`: the value used when the caller does not pass the parameter. */
  default?: unknown;
  hasDefault: boolean;
  description: string;
}

export interface QueryInfo {
  name: string;
  file: string;
  answers: string;
  params: QueryParamInfo[];
  returns: string;
}

export interface LoadedQuery {
  name: string;
  file: string;
  text: string;
  /** Parameter names the Cypher uses (`$x`), in order of first use. */
  params: string[];
  /** The header's metadata; a query file without a header still loads (every parameter is then required). */
  info?: QueryInfo;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Splits on commas outside quotes and brackets: `'a, b', ["x", "y"], default: null`. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === '\\' && i + 1 < s.length) {
        cur += ch + s[++i];
        continue;
      }
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{' || ch === '(') depth++;
    else if (ch === ']' || ch === '}' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/** A header literal: 'single-quoted' or JSON (numbers, null, lists, "strings"); anything else stays text. */
function parseLiteral(raw: string): unknown {
  const t = raw.trim();
  if (/^'.*'$/s.test(t)) return t.slice(1, -1).replace(/\\'/g, "'");
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

/** Finds the `(…)` after `$name`, minding nesting, so examples may contain parentheses and commas. */
function parseParamSpec(spec: string, file: string): QueryParamInfo {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(spec);
  if (!m) throw new QueryError(`${file}: a params line must read "$name (type, example[, default: v]) …": ${spec}`);
  let depth = 0;
  let quote: string | null = null;
  let close = -1;
  for (let i = m[0].length - 1; i < spec.length; i++) {
    const ch = spec[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) throw new QueryError(`${file}: unclosed "(" in params line: ${spec}`);
  const [type = '', example = '', ...rest] = splitTopLevel(spec.slice(m[0].length, close));
  const info: QueryParamInfo = {
    name: m[1]!,
    type: type.trim(),
    example: parseLiteral(example),
    hasDefault: false,
    description: spec.slice(close + 1).trim(),
  };
  for (const r of rest) {
    const d = /^default:\s*(.*)$/s.exec(r);
    if (d) {
      info.hasDefault = true;
      info.default = parseLiteral(d[1]!);
    }
  }
  return info;
}

/** Reads the leading `// key: value` block; indented `//   …` lines continue the previous key. */
export function parseHeader(text: string, file = '<query>'): QueryInfo | undefined {
  const fields: Array<{ key: string; value: string }> = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    const body = line.slice(2);
    const kv = /^\s?([a-z]+):\s*(.*)$/.exec(body);
    if (kv && ['name', 'answers', 'params', 'returns'].includes(kv[1]!)) fields.push({ key: kv[1]!, value: kv[2]! });
    else if (fields.length > 0 && /^\s{2,}\S/.test(body)) fields[fields.length - 1]!.value += ` ${body.trim()}`;
  }
  const one = (k: string) =>
    fields
      .filter((f) => f.key === k)
      .map((f) => f.value.trim())
      .join(' ');
  const name = one('name');
  if (!name) return undefined;
  return {
    name,
    file,
    answers: one('answers'),
    params: fields.filter((f) => f.key === 'params').map((f) => parseParamSpec(f.value.trim(), file)),
    returns: one('returns'),
  };
}

/** `$names` the Cypher uses, ignoring comments and string literals. */
export function cypherParamNames(text: string): string[] {
  const code = text
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''")
    .replace(/`[^`]*`/g, '``');
  const seen: string[] = [];
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen;
}

function queryFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every research query with its header: what `geokg query --file` offers and what the viewer lists. */
export function listQueries(dir = QUERIES_DIR): QueryInfo[] {
  return queryFiles(dir).map((file) => {
    const info = parseHeader(readFileSync(file, 'utf8'), file);
    if (!info) throw new QueryError(`${file} has no "// name:" header`);
    return info;
  });
}

/**
 * A query by name (`supplies`, from cypher/queries/) or by path (anything with a slash or ending in .cypher).
 * An unknown name fails with the list of names that exist.
 */
export function loadQuery(nameOrPath: string, dir = QUERIES_DIR): LoadedQuery {
  // `supplies.cypher` without a folder is a file here if there is one, else the library query of that name.
  const isPath = /[\\/]/.test(nameOrPath) || (nameOrPath.endsWith('.cypher') && existsSync(nameOrPath));
  let file: string;
  if (isPath) {
    file = path.resolve(nameOrPath);
    if (!existsSync(file)) throw new QueryError(`no query file ${JSON.stringify(nameOrPath)}`);
  } else {
    const name = nameOrPath.replace(/\.cypher$/, '');
    file = path.join(dir, `${name}.cypher`);
    if (!IDENT.test(name.replace(/-/g, '_')) || !existsSync(file)) {
      const names = queryFiles(dir).map((f) => path.basename(f, '.cypher'));
      throw new QueryError(
        `no query named ${JSON.stringify(nameOrPath)}; available: ${names.length ? names.join(', ') : '(none)'}`,
      );
    }
  }
  const text = readFileSync(file, 'utf8');
  if (!text.replace(/\/\/[^\n]*/g, '').trim()) throw new QueryError(`${file} holds no Cypher`);
  const info = parseHeader(text, file);
  const name = info?.name ?? path.basename(file, '.cypher');
  return { name, file, text, params: cypherParamNames(text), ...(info ? { info } : {}) };
}

/** One `k=v` value: integers become Cypher integers (LIMIT needs them), JSON literals are parsed, else a string. */
export function coerceParamValue(raw: string): unknown {
  if (/^-?\d+$/.test(raw)) return neo4j.int(raw);
  if (/^-?(\d+\.\d*|\.\d+|\d+)(e[+-]?\d+)?$/i.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false' || raw === 'null') return JSON.parse(raw);
  if (/^[[{"]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch (err) {
      throw new QueryError(
        `parameter value ${JSON.stringify(raw)} looks like JSON but is not: ${(err as Error).message}`,
      );
    }
  }
  return raw;
}

/**
 * One `k=v` value read as the type a shipped query declares for it: `from=2025` is the string '2025' when the
 * header says string (guessing would make it a number and the query silently return nothing). A value that cannot
 * be the declared type is an error naming the parameter.
 */
export function coerceDeclared(name: string, raw: string, type: string): unknown {
  const nullable = /\|null$/.test(type);
  const base = type.replace(/\|null$/, '');
  const article = (t: string) => (/^[aeiou]/.test(t) ? 'an' : 'a');
  if (raw === 'null') {
    if (nullable) return null;
    throw new QueryError(`parameter ${name} must be ${article(base)} ${base}, not null`);
  }
  const bad = () => new QueryError(`parameter ${name} must be ${article(type)} ${type}, got ${JSON.stringify(raw)}`);
  switch (base) {
    case 'string':
      // A JSON-quoted value stays accepted, as before: k='"42"'.
      if (/^".*"$/s.test(raw)) {
        try {
          return String(JSON.parse(raw));
        } catch {
          return raw;
        }
      }
      return raw;
    case 'integer':
      if (!/^-?\d+$/.test(raw)) throw bad();
      return neo4j.int(raw);
    case 'float':
      if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) throw bad();
      return Number(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw bad();
      return raw === 'true';
    case 'list': {
      // A JSON list, or a comma-separated one as typed in a shell: types=SUPPLIES,ATTACKS.
      if (raw.startsWith('[')) {
        const v = coerceParamValue(raw);
        if (!Array.isArray(v)) throw bad();
        return v;
      }
      return raw
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    }
    default:
      return coerceParamValue(raw);
  }
}

/**
 * CLI `--param k=v` strings → parameters. With `declared` (a shipped query's header), each value is read as its
 * declared type; otherwise (ad-hoc Cypher) the value's look decides, and a number or `true` is passed as a string by
 * quoting it as JSON: k='"42"'.
 */
export function parseParams(pairs: string[], declared: readonly QueryParamInfo[] = []): Record<string, unknown> {
  const types = new Map(declared.map((p) => [p.name, p.type]));
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim().replace(/^\$/, '') : '';
    if (!key || !IDENT.test(key)) throw new QueryError(`expected --param name=value, got ${JSON.stringify(pair)}`);
    if (key in out) throw new QueryError(`parameter ${key} given twice`);
    const raw = pair.slice(eq + 1);
    const type = types.get(key);
    out[key] = type ? coerceDeclared(key, raw, type) : coerceParamValue(raw);
  }
  return out;
}

function toCypherValue(value: unknown, type: string): unknown {
  const base = type.replace(/\|null$/, '');
  if (base === 'integer' && typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  return value;
}

/**
 * The parameters a loaded query runs with: the caller's values (JS integers turned into Cypher integers where the
 * header says integer), header defaults for the rest. Missing or unknown names fail before Neo4j is asked.
 */
export function bindParams(query: LoadedQuery, given: Record<string, unknown> = {}): Record<string, unknown> {
  const declared = new Map((query.info?.params ?? []).map((p) => [p.name, p]));
  const unknown = Object.keys(given).filter((k) => !query.params.includes(k));
  if (unknown.length > 0)
    throw new QueryError(
      `query ${query.name} has no parameter ${unknown.map((k) => `$${k}`).join(', ')} ` +
        `(it takes ${query.params.length ? query.params.map((k) => `$${k}`).join(', ') : 'none'})`,
    );
  const out: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of query.params) {
    const info = declared.get(name);
    if (name in given) out[name] = toCypherValue(given[name], info?.type ?? '');
    else if (info?.hasDefault) out[name] = toCypherValue(info.default, info.type);
    else missing.push(info ? `${name}=${JSON.stringify(info.example)} (${info.type})` : name);
  }
  if (missing.length > 0)
    throw new QueryError(`query ${query.name} needs ${missing.map((m) => `--param ${m}`).join(' ')}`);
  return out;
}
