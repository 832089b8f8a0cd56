// Parameter fields of a shipped query → the values sent with it, read as the type the query declares:
// `from=2025` stays the string '2025' when the header says string (a number would silently match nothing).

export interface DeclaredParam {
  name: string;
  /** string, integer, float, boolean or list, with `|null` when null is allowed (the query header's word). */
  type: string;
  example: unknown;
  hasDefault: boolean;
  default?: unknown;
  description: string;
}

export type Converted = { ok: true; value: unknown } | { ok: false; error: string };

/** What a field shows before the analyst types: the default when there is one, else the header's example. */
export function fieldText(p: DeclaredParam): string {
  const v = p.hasDefault ? p.default : p.example;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/**
 * One field's text as its declared type. An empty field is null for a `|null` type, the default when the query
 * has one, else an error naming the parameter — as `geokg query --param` does.
 */
export function convertParam(p: DeclaredParam, raw: string): Converted {
  const text = raw.trim();
  const nullable = p.type.endsWith('|null');
  const base = p.type.replace(/\|null$/, '');
  const bad = (what: string): Converted => ({ ok: false, error: `$${p.name} must be ${what}, got "${raw}"` });
  if (text === '' || text === 'null') {
    if (nullable) return { ok: true, value: null };
    if (text === '' && p.hasDefault) return { ok: true, value: p.default };
    return { ok: false, error: `$${p.name} is required (${p.type})` };
  }
  switch (base) {
    case 'string':
      return { ok: true, value: raw };
    case 'integer':
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? { ok: true, value: Number(text) }
        : bad('an integer');
    case 'float':
      return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? { ok: true, value: Number(text) } : bad('a number');
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : bad('true or false');
    case 'list': {
      if (text.startsWith('[')) {
        try {
          const v: unknown = JSON.parse(text);
          return Array.isArray(v) ? { ok: true, value: v } : bad('a list');
        } catch {
          return bad('a JSON list or comma-separated values');
        }
      }
      return {
        ok: true,
        value: text
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      };
    }
    default:
      return { ok: true, value: raw };
  }
}

/** All fields at once: the parameters, or the first error. */
export function convertParams(
  declared: readonly DeclaredParam[],
  fields: Readonly<Record<string, string>>,
): { ok: true; params: Record<string, unknown> } | { ok: false; error: string } {
  const params: Record<string, unknown> = {};
  for (const p of declared) {
    const r = convertParam(p, fields[p.name] ?? '');
    if (!r.ok) return r;
    params[p.name] = r.value;
  }
  return { ok: true, params };
}
