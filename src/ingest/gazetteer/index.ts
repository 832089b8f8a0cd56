// The gazetteer: loads data/gazetteer/*.tsv into entries (stable ids) and the surface forms that link text to them.
// Data is not code: every fact lives in a TSV with its source noted (data/gazetteer/SOURCES.md); this only parses and expands.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Entity, EntityType, Predicate } from '../../model.js';
import { PREDICATES } from '../../model.js';
import { GeokgError } from '../../errors.js';
import { slugify } from '../../slugify.js';
import { declined, inflectGermanAdjective } from './declension.js';
import { COMPASS_EXCEPTIONS, COMPASS_REGIONS, NAME_PARTICLES, NAME_PARTICLES_AFTER_PARTICLE } from '../lexicon.js';
import { compassPlaces, type RegionState } from './regions.js';

export interface KnownRole {
  predicate: Predicate;
  object: string;
  role?: string;
  from?: string;
  to?: string;
}

export type CountryStatus = 'un-member' | 'observer' | 'disputed' | 'territory' | 'historic';

/** An entity of the ontology as the gazetteer knows it, with what it knows beyond the text. */
export interface GazetteerEntry extends Entity {
  roles?: KnownRole[];
  /** Countries only: UN member, observer state, disputed state, dependent territory, or former state (Soviet Union). */
  status?: CountryStatus;
  /** Locations only: the capital of this country. Only the big capitals are metonyms; the rest are places. */
  capitalOf?: string;
  /** Items only: lowercase heads a German compound can end in ("Shahed-Angriffsdrohnen" → "angriffsdrohnen"). */
  heads?: string[];
  /** Items only: the generic class a named system belongs to (Shahed-136 → item:kamikaze-drones). */
  broader?: string;
}

export type FormKind = 'name' | 'alias' | 'surname' | 'metonym' | 'adjective' | 'demonym' | 'abbrev';

export interface SurfaceForm {
  form: string;
  id: string;
  kind: FormKind;
  lang?: 'de' | 'en';
  caseSensitive: boolean;
  /** The form has another common reading (a word, a first name, a US state, a second entity): require context. */
  ambiguous?: boolean;
  /** Why the form is ambiguous, for humans reading debug output. */
  note?: string;
}

export interface Gazetteer {
  entries: ReadonlyMap<string, GazetteerEntry>;
  forms: readonly SurfaceForm[];
  get(id: string): GazetteerEntry | undefined;
  /** All forms whose text equals `text` (case-insensitive forms compared lowercased). */
  lookup(text: string): SurfaceForm[];
  /** Forms keyed by their lowercased text, for matchers that build their own tries. */
  byLowerForm: ReadonlyMap<string, readonly SurfaceForm[]>;
}

/** Broken shipped data is a configuration fault, not the user's input. */
const dataError = (message: string): GeokgError => new GeokgError('config', message);

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data/gazetteer');

export { slugify };

// ---------------------------------------------------------------------------------------------------------------
// Row schemas. Each TSV row is split on tabs, then validated; failures name the file and line.

const ID_RE = /^(?:[A-Z]{3}|(?:person|org|group|loc|item):[a-z0-9]+(?:-[a-z0-9]+)*)$/;
const idSchema = z.string().regex(ID_RE, 'id must be ISO alpha-3 or prefix:slug (person|org|group|loc|item)');
const listSchema = z.string().transform((s) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean),
);

const countryRow = z.object({
  id: z.string().regex(/^[A-Z]{3}$/),
  iso2: z.string().regex(/^[A-Z]{2}$/),
  status: z.enum(['un-member', 'observer', 'disputed', 'territory']),
  name: z.string().min(1),
  names_en: listSchema,
  names_de: listSchema,
  capitals: listSchema,
  demonyms_en: listSchema,
});

const lexiconRow = z.object({
  id: z.string().regex(/^[A-Z]{3}$/),
  adj_en: listSchema,
  adj_de: listSchema,
  dem_en: listSchema,
  dem_de: listSchema,
  aliases: listSchema,
  metonyms: listSchema,
});

const entityRow = z.object({
  id: idSchema,
  name: z.string().min(1),
  aliases: listSchema,
  roles: z.string(),
  attrs: z.string(),
});

const formRow = z.object({
  id: idSchema,
  kind: z.enum(['name', 'alias', 'surname', 'metonym', 'adjective', 'demonym', 'abbrev']),
  lang: z.enum(['de', 'en', '*']),
  flags: z.string(),
  forms: listSchema,
});

const membershipRow = z.object({ org: idSchema, members: listSchema });

const ambiguousRow = z.object({ form: z.string().min(1), note: z.string().min(1) });

type Columns = readonly string[];

function* rows(dir: string, file: string, columns: Columns): Generator<{ line: number; raw: Record<string, string> }> {
  const text = readFileSync(join(dir, file), 'utf8');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (cells.length > columns.length) {
      throw dataError(
        `gazetteer: ${file}:${i + 1}: ${cells.length} columns, expected at most ${columns.length} (${columns.join(', ')})`,
      );
    }
    const raw: Record<string, string> = {};
    columns.forEach((c, k) => (raw[c] = (cells[k] ?? '').trim()));
    yield { line: i + 1, raw };
  }
}

function parse<T>(schema: z.ZodType<T>, file: string, line: number, raw: Record<string, string>): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw dataError(`gazetteer: ${file}:${line}: ${issue.path.join('.') || 'row'}: ${issue.message}`);
  }
  return r.data;
}

const ROLE_RE = /^([A-Z_]+)\s+(\S+)(?:\s+(.*?))?(?:\s+(\d{4})?-(\d{4})?)?$/;

function parseRoles(spec: string, file: string, line: number): KnownRole[] {
  const out: KnownRole[] = [];
  for (const part of spec.split(';')) {
    const s = part.trim();
    if (!s) continue;
    const m = ROLE_RE.exec(s);
    if (!m || !(PREDICATES as readonly string[]).includes(m[1]!) || !ID_RE.test(m[2]!)) {
      throw dataError(`gazetteer: ${file}:${line}: bad role "${s}" (want PREDICATE OBJECT_ID [role] [YYYY-YYYY])`);
    }
    const role: KnownRole = { predicate: m[1] as Predicate, object: m[2]! };
    if (m[3]) role.role = m[3];
    if (m[4]) role.from = m[4];
    if (m[5]) role.to = m[5];
    out.push(role);
  }
  return out;
}

function parseAttrs(spec: string, file: string, line: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(';')) {
    const s = part.trim();
    if (!s) continue;
    const eq = s.indexOf('=');
    if (eq <= 0) throw dataError(`gazetteer: ${file}:${line}: bad attribute "${s}" (want key=value)`);
    out[s.slice(0, eq).trim()] = s.slice(eq + 1).trim();
  }
  return out;
}

/** Object types the ontology allows for structural roles (armed groups count as organisations for affiliation). */
const ROLE_TARGETS: Partial<Record<Predicate, EntityType[]>> = {
  HEAD_OF_STATE: ['Country'],
  HEAD_OF_GOVERNMENT: ['Country'],
  OFFICIAL_OF: ['Country', 'Organization'],
  AFFILIATED_WITH: ['Organization', 'ArmedGroup'],
  MEMBER_OF: ['Organization'],
  LOCATED_IN: ['Country'],
  CITIZEN_OF: ['Country'],
};

const TYPE_BY_PREFIX: Record<string, EntityType> = {
  person: 'Person',
  org: 'Organization',
  group: 'ArmedGroup',
  loc: 'Location',
  item: 'Item',
};

function typeOf(id: string): EntityType {
  const colon = id.indexOf(':');
  return colon < 0 ? 'Country' : TYPE_BY_PREFIX[id.slice(0, colon)]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Expansion rules.

export { inflectGermanAdjective } from './declension.js';

/**
 * German demonym "masc/fem" → singular and plural forms of both: Russe/Russin → Russe, Russen, Russin, Russinnen;
 * Iraner/Iranerin → Iraner, Iranern, Iranerin, Iranerinnen. A form without a slash is taken literally.
 */
export function expandGermanDemonym(spec: string): string[] {
  const slash = spec.indexOf('/');
  if (slash < 0) return [spec];
  const masc = spec.slice(0, slash);
  const fem = spec.slice(slash + 1);
  const out = [masc];
  if (masc.endsWith('e')) out.push(masc + 'n');
  else if (masc.endsWith('er')) out.push(masc + 'n', masc + 's');
  else out.push(masc + 'en');
  if (fem) out.push(fem, fem + 'nen');
  return out;
}

/** English plural demonyms where the adjective doubles as the noun: Russian → Russians, Iraqi → Iraqis. */
function englishDemonymPlural(adj: string): string | undefined {
  if (/(an|i)$/.test(adj)) return adj + 's';
  return undefined;
}

/** Name particles (data/lexicons/function-words.json); "der" counts only after another particle ("von der"). */
const isParticle = (word: string, prev: string): boolean =>
  NAME_PARTICLES.has(word) || (NAME_PARTICLES_AFTER_PARTICLE.has(word) && NAME_PARTICLES.has(prev));

/** Surnames of a person's full-name forms: last token, also without an Arabic article (al-Assad → Assad). */
function surnamesOf(names: string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const tokens = n.split(/\s+/);
    if (tokens.length < 2) continue;
    let last = tokens[tokens.length - 1]!;
    if (/^[A-Z]\.?$/.test(last) || /^(Jr\.?|Sr\.?|II|III)$/.test(last)) continue;
    out.add(last);
    const art = /^(al|el|as|ad|ash|at|ar)-(.+)$/i.exec(last);
    if (art) out.add(art[2]!);
    // "bin Salman", "von der Leyen": the particle belongs to the surname.
    for (let k = tokens.length - 2; k >= 1 && isParticle(tokens[k]!.toLowerCase(), tokens[k - 1]!.toLowerCase()); k--) {
      last = tokens[k] + ' ' + last;
      out.add(last);
    }
  }
  return [...out];
}

const hasUpper = (s: string): boolean => s !== s.toLowerCase();

function kindOfAlias(form: string): FormKind {
  const letters = form.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters.length <= 8 && letters === letters.toUpperCase() && hasUpper(letters)) {
    return 'abbrev';
  }
  if (/^(?:[A-Z]\.){2,}$/.test(form)) return 'abbrev';
  return 'alias';
}

// ---------------------------------------------------------------------------------------------------------------

/** 5b. "Nordirak", "der Ostukraine": a compass place joins the entry of its id where the data has one (Northern
 * Ireland lies in the United Kingdom, not in Ireland), and a form another entry already has stays that entry's. */
function addCompassPlaces(b: Builder, states: ReadonlyArray<RegionState & { line: number }>, file: string): void {
  const taken = new Map(b.forms.map((f) => [f.form, f.id]));
  const lines = new Map(states.map((s) => [s.id, s.line]));
  for (const p of compassPlaces(states, COMPASS_REGIONS, COMPASS_EXCEPTIONS)) {
    const forms = p.forms.filter((f) => (taken.get(f.form) ?? p.id) === p.id);
    if (!forms.length) continue;
    if (!b.entries.has(p.id))
      b.addEntry(
        {
          id: p.id,
          name: p.name,
          type: 'Location',
          aliases: [],
          roles: [{ predicate: 'LOCATED_IN', object: p.state }],
        },
        file,
        lines.get(p.state)!,
      );
    for (const f of forms) b.addForm({ form: f.form, id: p.id, kind: 'name', lang: f.lang, caseSensitive: true });
  }
}

class Builder {
  readonly entries = new Map<string, GazetteerEntry>();
  readonly forms: SurfaceForm[] = [];
  private readonly seen = new Set<string>();
  private readonly where = new Map<string, string>();

  addEntry(e: GazetteerEntry, file: string, line: number): void {
    const prev = this.where.get(e.id);
    if (prev) throw dataError(`gazetteer: ${file}:${line}: duplicate id ${e.id} (first defined at ${prev})`);
    this.where.set(e.id, `${file}:${line}`);
    this.entries.set(e.id, e);
  }

  addForm(f: SurfaceForm, alias = true): void {
    const form = f.form.trim();
    if (!form) return;
    const key = `${f.id}\u0000${form}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.forms.push({ ...f, form });
    if (alias && (f.kind === 'name' || f.kind === 'alias' || f.kind === 'abbrev' || f.kind === 'metonym')) {
      const e = this.entries.get(f.id);
      if (e && e.name !== form && !e.aliases.includes(form)) e.aliases.push(form);
    }
  }

  hasForm(id: string, form: string): boolean {
    return this.seen.has(`${id}\u0000${form}`);
  }

  requireEntry(id: string, file: string, line: number): GazetteerEntry {
    const e = this.entries.get(id);
    if (!e) throw dataError(`gazetteer: ${file}:${line}: unknown id ${id}`);
    return e;
  }
}

const ENTITY_FILES = [
  'historic-states.tsv',
  'organizations.tsv',
  'groups.tsv',
  'people.tsv',
  'locations.tsv',
  'items.tsv',
];

function load(dir: string): Gazetteer {
  const b = new Builder();
  const available = new Set(readdirSync(dir));

  // 1. Countries (generated from packages).
  const countryFile = 'countries.tsv';
  const capitals: { id: string; names: string[]; line: number }[] = [];
  const states: Array<RegionState & { line: number }> = [];
  for (const { line, raw } of rows(dir, countryFile, [
    'id',
    'iso2',
    'status',
    'name',
    'names_en',
    'names_de',
    'capitals',
    'demonyms_en',
  ])) {
    const r = parse(countryRow, countryFile, line, raw);
    b.addEntry(
      { id: r.id, name: r.name, type: 'Country', aliases: [], iso2: r.iso2, iso3: r.id, status: r.status },
      countryFile,
      line,
    );
    b.addForm({ form: r.name, id: r.id, kind: 'name', lang: 'en', caseSensitive: true });
    for (const n of r.names_en) b.addForm({ form: n, id: r.id, kind: 'name', lang: 'en', caseSensitive: true });
    for (const n of r.names_de) b.addForm({ form: n, id: r.id, kind: 'name', lang: 'de', caseSensitive: true });
    // Territories' demonyms repeat their sovereign's ("French" for the French Southern Lands), so only states get them.
    for (const d of r.status === 'territory' ? [] : r.demonyms_en) {
      b.addForm({ form: d, id: r.id, kind: 'adjective', lang: 'en', caseSensitive: true });
      const pl = englishDemonymPlural(d);
      if (pl) b.addForm({ form: pl, id: r.id, kind: 'demonym', lang: 'en', caseSensitive: true });
    }
    capitals.push({ id: r.id, names: r.capitals, line });
    if (r.status !== 'territory') states.push({ id: r.id, name: r.name, en: r.names_en, de: r.names_de, line });
  }

  // 2. Country lexicon: curated adjectives, demonyms, press forms and strong metonyms.
  const lexFile = 'country-lexicon.tsv';
  const metonymic = new Set<string>();
  if (available.has(lexFile)) {
    for (const { line, raw } of rows(dir, lexFile, [
      'id',
      'adj_en',
      'adj_de',
      'dem_en',
      'dem_de',
      'aliases',
      'metonyms',
    ])) {
      const r = parse(lexiconRow, lexFile, line, raw);
      b.requireEntry(r.id, lexFile, line);
      // Names before adjectives: a form listed twice keeps its first kind, and "US" is first of all a name.
      for (const a of r.aliases) addMarkedForm(b, r.id, a, undefined);
      for (const m of r.metonyms) {
        addMarkedForm(b, r.id, m, undefined, 'metonym');
        metonymic.add(m.replace(/^~/, ''));
      }
      for (const a of r.adj_en) {
        b.addForm({ form: a, id: r.id, kind: 'adjective', lang: 'en', caseSensitive: true });
        const pl = r.dem_en.length === 0 ? englishDemonymPlural(a) : undefined;
        if (pl) b.addForm({ form: pl, id: r.id, kind: 'demonym', lang: 'en', caseSensitive: true });
      }
      for (const stem of r.adj_de) {
        for (const f of inflectGermanAdjective(stem)) {
          b.addForm({ form: f, id: r.id, kind: 'adjective', lang: 'de', caseSensitive: hasUpper(stem) });
        }
      }
      for (const d of r.dem_en) b.addForm({ form: d, id: r.id, kind: 'demonym', lang: 'en', caseSensitive: true });
      for (const spec of r.dem_de) {
        for (const f of expandGermanDemonym(spec)) {
          b.addForm({ form: f, id: r.id, kind: 'demonym', lang: 'de', caseSensitive: true });
        }
      }
    }
  }

  // 3. Entities: organisations, armed groups, people, locations, items.
  for (const file of ENTITY_FILES) {
    if (!available.has(file)) continue;
    for (const { line, raw } of rows(dir, file, ['id', 'name', 'aliases', 'roles', 'attrs'])) {
      const r = parse(entityRow, file, line, raw);
      const attrs = parseAttrs(r.attrs, file, line);
      const e: GazetteerEntry = { id: r.id, name: r.name, type: typeOf(r.id), aliases: [] };
      const roles = parseRoles(r.roles, file, line);
      if (roles.length) e.roles = roles;
      if (attrs.wikidata) e.wikidata = attrs.wikidata;
      if (attrs.capitalOf) e.capitalOf = attrs.capitalOf;
      if (e.type === 'Country') {
        e.iso3 = r.id;
        if (attrs.status !== 'historic')
          throw dataError(`gazetteer: ${file}:${line}: extra states must be status=historic`);
        e.status = 'historic';
      }
      b.addEntry(e, file, line);
      // German nouns are capitalised, so an all-lowercase item form ("tanks", "oil") is English; it is tagged and kept
      // exact-case so that it never matches a German noun ("Think Tank"); German forms are listed separately.
      const langOf = (f: string): 'en' | undefined => (e.type === 'Item' && !hasUpper(f) ? 'en' : undefined);
      const nameForm: SurfaceForm = {
        form: r.name,
        id: r.id,
        kind: kindOfAlias(r.name) === 'abbrev' ? 'abbrev' : 'name',
        caseSensitive: hasUpper(r.name) || langOf(r.name) === 'en',
      };
      const nameLang = langOf(r.name);
      if (nameLang) nameForm.lang = nameLang;
      b.addForm(nameForm);
      for (const a of r.aliases) addMarkedForm(b, r.id, a, langOf(a.replace(/^~/, '')));
      if (e.type === 'Person') {
        const explicit = attrs.surname
          ?.split('|')
          .map((s) => s.trim())
          .filter(Boolean);
        const names = [r.name, ...r.aliases.map((a) => a.replace(/^~/, '')).filter((a) => /\s/.test(a))];
        for (const s of explicit ?? surnamesOf(names)) {
          b.addForm({ form: s, id: r.id, kind: 'surname', caseSensitive: true }, false);
        }
      }
      if (attrs.heads)
        e.heads = attrs.heads
          .split('|')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean);
      if (attrs.class) e.broader = attrs.class;
    }
  }

  // 4. Extra forms for any id (seats of power, abbreviations, German spellings).
  const formsFile = 'forms.tsv';
  if (available.has(formsFile)) {
    for (const { line, raw } of rows(dir, formsFile, ['id', 'kind', 'lang', 'flags', 'forms'])) {
      const r = parse(formRow, formsFile, line, raw);
      b.requireEntry(r.id, formsFile, line);
      const flags = new Set(
        r.flags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      for (const f of r.forms) {
        const expanded =
          r.kind === 'adjective' && r.lang === 'de' && flags.has('inflect') ? inflectGermanAdjective(f) : [f];
        for (const x of expanded) {
          const sf: SurfaceForm = {
            form: x,
            id: r.id,
            kind: r.kind,
            caseSensitive: flags.has('ci') ? false : flags.has('cs') ? true : hasUpper(x),
          };
          if (r.lang !== '*') sf.lang = r.lang;
          if (flags.has('ambiguous')) sf.ambiguous = true;
          b.addForm(sf);
          if (r.kind === 'metonym') metonymic.add(x);
        }
      }
    }
  }

  // 5. Capitals that are not curated metonyms become places that know their country. Territories' capitals are left
  // out (Plymouth, Stanley, Douglas would be noise), and so are city-states' (Singapore is the country).
  for (const c of capitals) {
    if (b.entries.get(c.id)!.status === 'territory') continue;
    for (const cap of c.names) {
      if (metonymic.has(cap) || b.hasForm(c.id, cap)) continue;
      const id = `loc:${slugify(cap)}`;
      const existing = b.entries.get(id);
      if (existing) {
        existing.capitalOf ??= c.id;
        continue;
      }
      b.addEntry(
        {
          id,
          name: cap,
          type: 'Location',
          aliases: [],
          capitalOf: c.id,
          roles: [{ predicate: 'LOCATED_IN', object: c.id }],
        },
        countryFile,
        c.line,
      );
      b.addForm({ form: cap, id, kind: 'name', caseSensitive: true });
    }
  }

  addCompassPlaces(b, states, countryFile);

  // 6. German genitives of proper names: "Russlands Präsident", "Putins Sprecher", "des Kremls".
  for (const f of [...b.forms]) {
    const e = b.entries.get(f.id)!;
    const proper = e.type === 'Country' ? f.kind !== 'adjective' && f.kind !== 'demonym' : e.type === 'Person';
    if (!proper || f.kind === 'abbrev' || !/^\p{Lu}/u.test(f.form) || /[sßxzSXZ.]$/.test(f.form)) continue;
    if (f.lang === 'en' && !/^\p{L}+$/u.test(f.form)) continue;
    const g: SurfaceForm = { form: f.form + 's', id: f.id, kind: f.kind, lang: 'de', caseSensitive: true };
    if (f.ambiguous) {
      g.ambiguous = true;
      if (f.note) g.note = f.note;
    }
    b.addForm(g, false);
  }

  // 7. Memberships of states in blocs become MEMBER_OF roles on the states.
  const memFile = 'memberships.tsv';
  if (available.has(memFile)) {
    for (const { line, raw } of rows(dir, memFile, ['org', 'members'])) {
      const r = parse(membershipRow, memFile, line, raw);
      b.requireEntry(r.org, memFile, line);
      for (const m of r.members) {
        const mm = /^([A-Z]{3})(?:\s+(\d{4})?(?:-(\d{4}))?)?$/.exec(m);
        if (!mm) throw dataError(`gazetteer: ${memFile}:${line}: bad member "${m}" (want ISO3 [FROM[-TO]])`);
        const e = b.requireEntry(mm[1]!, memFile, line);
        const role: KnownRole = { predicate: 'MEMBER_OF', object: r.org };
        if (mm[2]) role.from = mm[2];
        if (mm[3]) role.to = mm[3];
        (e.roles ??= []).push(role);
      }
    }
  }

  // 8. Roles and item classes must point at known entities.
  for (const e of b.entries.values()) {
    if (e.broader && !b.entries.has(e.broader)) throw dataError(`gazetteer: ${e.id} has unknown class ${e.broader}`);
    for (const role of e.roles ?? []) {
      const target = b.entries.get(role.object);
      if (!target) throw dataError(`gazetteer: role of ${e.id} points at unknown id ${role.object}`);
      const allowed = ROLE_TARGETS[role.predicate];
      if (allowed && !allowed.includes(target.type)) {
        throw dataError(`gazetteer: ${e.id} ${role.predicate} ${role.object}: object must be ${allowed.join(' or ')}`);
      }
    }
  }

  // 9. Ambiguity: listed common words, and any form text shared by two ids.
  const ambFile = 'ambiguous.tsv';
  const notes = new Map<string, string>();
  if (available.has(ambFile)) {
    for (const { line, raw } of rows(dir, ambFile, ['form', 'note'])) {
      const r = parse(ambiguousRow, ambFile, line, raw);
      notes.set(r.form, r.note);
    }
  }
  // German names that open with adjectives match with the adjectives' other endings too ("der Internationale
  // Strafgerichtshof" for "Internationaler Strafgerichtshof"); not entered as aliases.
  for (const f of [...b.forms])
    if (f.lang !== 'en' && !f.ambiguous && (f.kind === 'name' || f.kind === 'alias' || f.kind === 'metonym'))
      for (const form of declined(f.form)) b.addForm({ ...f, form }, false);
  const byLower = new Map<string, SurfaceForm[]>();
  for (const f of b.forms) {
    const k = f.form.toLowerCase();
    let list = byLower.get(k);
    if (!list) byLower.set(k, (list = []));
    list.push(f);
  }
  for (const list of byLower.values()) {
    for (const f of list) {
      const note = notes.get(f.form);
      if (note) {
        f.ambiguous = true;
        f.note = note;
      }
    }
    const clash = new Set(list.map((f) => f.id));
    if (clash.size > 1) {
      // Same text, different ids: only a clash when the two could match the same string.
      for (const f of list) {
        const rivals = list.filter((g) => g.id !== f.id && (g.form === f.form || !g.caseSensitive || !f.caseSensitive));
        if (rivals.length) {
          f.ambiguous = true;
          f.note ??= `also ${[...new Set(rivals.map((g) => g.id))].join(', ')}`;
        }
      }
    }
  }

  const entries: ReadonlyMap<string, GazetteerEntry> = b.entries;
  const forms: readonly SurfaceForm[] = b.forms;
  return {
    entries,
    forms,
    byLowerForm: byLower,
    get: (id) => entries.get(id),
    lookup(text) {
      const list = byLower.get(text.toLowerCase());
      if (!list) return [];
      return list.filter((f) => !f.caseSensitive || f.form === text);
    },
  };
}

/** Inline markers in alias lists: a leading `~` flags the form ambiguous. */
function addMarkedForm(b: Builder, id: string, raw: string, lang: 'de' | 'en' | undefined, kind?: FormKind): void {
  const ambiguous = raw.startsWith('~');
  const form = ambiguous ? raw.slice(1) : raw;
  if (!form) return;
  // English common nouns ("tank", "gas") stay exact-case: capitalised they are German nouns ("Tank", "Gas").
  const caseSensitive = hasUpper(form) || lang === 'en';
  const sf: SurfaceForm = { form, id, kind: kind ?? kindOfAlias(form), caseSensitive };
  if (lang) sf.lang = lang;
  if (ambiguous) {
    sf.ambiguous = true;
    sf.note = 'flagged in data';
  }
  b.addForm(sf);
}

let cached: Gazetteer | undefined;

/** Loads (once per process) and validates the gazetteer; throws a GeokgError naming file and line on bad data. */
export function loadGazetteer(): Gazetteer {
  cached ??= load(DATA_DIR);
  return cached;
}

/** Loads a gazetteer from another folder of the same layout, uncached (tests, user-extended gazetteers). */
export function loadGazetteerFrom(dir: string): Gazetteer {
  return load(dir);
}

/** The folder the default gazetteer is read from. */
export const GAZETTEER_DIR = DATA_DIR;
