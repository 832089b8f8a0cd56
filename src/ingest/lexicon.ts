// Loads the extractor's lexicons (data/lexicons/*.json) once and compiles them into lookup structures.
// Data stays data: this module only parses and indexes it, so the stages remain pure functions of their input.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Predicate } from '../model.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'lexicons');
const load = <T>(name: string): T => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;

const chrome = load<{ lines: string[] }>('chrome.json');
export const CHROME_PATTERNS: RegExp[] = chrome.lines.map((s) => new RegExp(s, 'iu'));

const stop = load<{ de: string[]; en: string[] }>('stopwords.json');
export const STOPWORDS = { de: new Set(stop.de), en: new Set(stop.en) };

interface GrammarFile {
  abbreviations: string[];
  articles: string[];
  prepositions: Record<string, string>;
  never_names: string[];
  person_titles: string[];
}
const grammar = load<GrammarFile>('grammar.json');
export const ABBREVIATIONS = new Set(grammar.abbreviations);
export const ARTICLES = new Set(grammar.articles);
export const PREPOSITIONS = new Map(Object.entries(grammar.prepositions));
export const NEVER_NAMES = new Set(grammar.never_names);
export const PERSON_TITLES = new Set(grammar.person_titles);

export interface RoleEntry {
  p: Predicate;
  role: string;
  forms: string[][];
  weak?: boolean;
  orgOnly?: boolean;
}
interface RolesFile {
  roles: Array<{ p: Predicate; role: string; forms: string[]; weak?: boolean; orgOnly?: boolean }>;
  de_suffixes: Record<string, string>;
  de_prefixes: Record<string, string>;
  not_before_role: string[];
  counterpart: string[];
}
const roles = load<RolesFile>('roles.json');
export const ROLE_ENTRIES: RoleEntry[] = roles.roles.map((r) => ({ ...r, forms: r.forms.map((f) => f.split(' ')) }));
/** First token of a role form → role entries with that form, longest first. */
export const ROLE_INDEX = new Map<string, Array<{ entry: RoleEntry; form: string[] }>>();
for (const entry of ROLE_ENTRIES)
  for (const form of entry.forms) {
    const k = form[0]!;
    if (!ROLE_INDEX.has(k)) ROLE_INDEX.set(k, []);
    ROLE_INDEX.get(k)!.push({ entry, form });
  }
for (const list of ROLE_INDEX.values()) list.sort((a, b) => b.form.length - a.form.length);
/** Inflected variants of role words → the base form in ROLE_INDEX (Präsidenten → präsident, analysts → analyst). */
export const ROLE_VARIANTS = new Map<string, string>();
for (const base of new Set([...ROLE_INDEX.keys(), ...ROLE_ENTRIES.flatMap((e) => e.forms.flatMap((f) => f.slice(1)))]))
  for (const suf of ['innen', 'in', 'en', 'n', 's', 'es', 'e'])
    if (!ROLE_VARIANTS.has(base + suf)) ROLE_VARIANTS.set(base + suf, base);
export const ROLE_DE_SUFFIXES = Object.entries(roles.de_suffixes).sort((a, b) => b[0].length - a[0].length);
export const ROLE_DE_PREFIXES = new Map(Object.entries(roles.de_prefixes));
/** Words that make a following head-of-state/government role a deputy's office (roles.json not_before_role). */
export const ROLE_BLOCKERS = new Set(roles.not_before_role.filter((w) => !/^(former|ehemalig|ex$)/u.test(w)));
export const COUNTERPART = new Set(roles.counterpart);

export interface TriggerEntry {
  p: Predicate;
  lang: 'de' | 'en' | '*';
  pos: 'verb' | 'noun' | 'adj';
  re: RegExp;
  voice?: 'receive' | 'transfer';
  needsItem?: boolean;
  needsItemIf?: RegExp;
  needs?: RegExp;
  needsIf?: Array<[string, RegExp]>;
  needsMod?: RegExp;
  needsPartner?: boolean;
  particleIf?: Array<[string, string]>;
  objPreps?: string[];
}
interface TriggersFile {
  triggers: Array<Record<string, unknown>>;
  negations: string[];
}
const trig = load<TriggersFile>('triggers.json');
export const TRIGGERS: TriggerEntry[] = trig.triggers.map((t) => ({
  p: t.p as Predicate,
  lang: t.lang as TriggerEntry['lang'],
  pos: t.pos as TriggerEntry['pos'],
  re: new RegExp(`^(?:${t.re as string})$`, 'u'),
  voice: t.voice as TriggerEntry['voice'],
  needsItem: t.needsItem as boolean | undefined,
  needsItemIf: t.needsItemIf ? new RegExp(t.needsItemIf as string, 'u') : undefined,
  needs: t.needs ? new RegExp(t.needs as string, 'u') : undefined,
  needsIf: t.needsIf
    ? Object.entries(t.needsIf as Record<string, string>).map(([k, v]) => [k, new RegExp(v, 'u')] as [string, RegExp])
    : undefined,
  needsMod: t.needsMod ? new RegExp(t.needsMod as string, 'u') : undefined,
  needsPartner: t.needsPartner as boolean | undefined,
  particleIf: t.particleIf ? Object.entries(t.particleIf as Record<string, string>) : undefined,
  objPreps: t.objPreps as string[] | undefined,
}));
export const NEGATIONS = new Set(trig.negations);

interface CuesFile {
  attribution: { before_source: string[]; reporting_verbs: string[] };
  alleged: string[];
  denied: string[];
  expected: string[];
  planned: string[];
  actor_nouns: string[];
  pair_phrases: string[];
  collective_actors: Array<{ id: string; name: string; type: 'Organization'; forms: string[] }>;
  rebel_nouns: string[];
  org_heads: string[];
  org_connectors: string[];
  org_type_nouns: string[];
  items: Array<{ id: string; name: string; re: string }>;
}
const cues = load<CuesFile>('cues.json');

/** A cue is a token sequence; a token ending in '*' matches any ending. */
export type Cue = string[];
/** Cues indexed by their first token (exact) plus the few whose first token is a prefix pattern. */
export interface CueIndex {
  exact: Map<string, Cue[]>;
  prefix: Cue[];
  /** The same cues pre-split for matching: prefix tokens without their '*', flagged (no per-token allocation). */
  exactC: Map<string, CompiledCue[]>;
  prefixC: CompiledCue[];
}
export interface CompiledCue {
  toks: string[];
  prefix: boolean[];
}
const compileCue = (cue: Cue): CompiledCue => ({
  toks: cue.map((x) => (x.endsWith('*') ? x.slice(0, -1) : x)),
  prefix: cue.map((x) => x.endsWith('*')),
});
function toCues(xs: string[]): CueIndex {
  const idx: CueIndex = { exact: new Map(), prefix: [], exactC: new Map(), prefixC: [] };
  for (const x of xs) {
    const cue = x.split(' ');
    const first = cue[0]!;
    if (first.includes('*')) idx.prefix.push(cue);
    else {
      if (!idx.exact.has(first)) idx.exact.set(first, []);
      idx.exact.get(first)!.push(cue);
    }
  }
  for (const l of idx.exact.values()) l.sort((a, b) => b.length - a.length);
  for (const [k, l] of idx.exact) idx.exactC.set(k, l.map(compileCue));
  idx.prefixC = idx.prefix.map(compileCue);
  return idx;
}
export const CUES = {
  sourceBefore: toCues(cues.attribution.before_source),
  reportingVerbs: toCues(cues.attribution.reporting_verbs),
  alleged: toCues(cues.alleged),
  denied: toCues(cues.denied),
  expected: toCues(cues.expected),
  planned: toCues(cues.planned),
  pairs: toCues(cues.pair_phrases),
};
export const ACTOR_NOUNS = new Set(cues.actor_nouns);
export const COLLECTIVE_ACTORS = cues.collective_actors;
export const REBEL_NOUNS = new Set(cues.rebel_nouns);
export const ORG_HEADS = new Set(cues.org_heads);
export const ORG_CONNECTORS = new Set(cues.org_connectors);
export const ORG_TYPE_NOUNS = toCues(cues.org_type_nouns);
export const ITEMS = cues.items.map((i) => ({ ...i, re: new RegExp(`^(?:${i.re})$`, 'u') }));
