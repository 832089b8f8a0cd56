// Loads the extractor's lexicons (data/lexicons/*.json) once and compiles them into lookup structures.
// Data stays data: this module only parses, validates and indexes it, so the stages remain pure functions of their input.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EntityType, Predicate } from '../model.js';
import { GeokgError } from '../errors.js';

export const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'lexicons');

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
  possessive_determiners: string[];
  age_descriptions: string[];
  predecessor_nouns: string[];
  role_modifiers: string[];
  role_genitives: string[];
  role_complements: string[];
  role_tail_words: string[];
  role_bodies: string[];
}

export interface TriggerEntry {
  p: Predicate;
  lang: 'de' | 'en' | '*';
  pos: 'verb' | 'noun' | 'adj';
  re: RegExp;
  voice?: 'receive' | 'transfer';
  needsItem?: boolean;
  needsItemIf?: RegExp;
  needs?: RegExp;
  /** Not with a reflexive pronoun on the verb (read from the parse): "lieferten sich Gefechte" fought, delivered
   * nothing. */
  notReflexive?: boolean;
  /** Not with a direct object (read from the parse): "flog Luftangriffe" flew no journey. */
  intransitive?: boolean;
  needsIf?: Array<[string, RegExp]>;
  needsMod?: RegExp;
  /** The word right before must not match: "Kalter Krieg" and "Cold War" are periods, not attacks. */
  notAfter?: RegExp;
  needsPartner?: boolean;
  particleIf?: Array<[string, string]>;
  objPreps?: string[];
  /** Only the parse rules read it: its arguments need the tree ("received Zelensky" meets, "received weapons" not). */
  parseOnly?: boolean;
}
interface TriggersFile {
  triggers: Array<Record<string, unknown>>;
  negations: string[];
  /** Regex alternatives per language; '@negative_evaluations' in a needsIf value stands for the trigger's list. */
  negative_evaluations: { de: string; en: string };
}

interface GrammarFile {
  adjective_endings_de: string[];
  adjective_stem_de: string;
  abbreviations: string[];
  articles: string[];
  prepositions: Record<string, string>;
  never_names: string[];
  person_titles: string[];
  compass_regions: CompassRegion[];
  compass_exceptions: string[];
}

/** A compass direction that names part of a state: "Nordirak" (grammar.json compass_regions). */
export interface CompassRegion {
  /** The English adjective that starts the place's canonical name ("Northern" → "Northern Iraq"). */
  name: string;
  /** German prefixes compounded with the state's name. */
  de: string[];
}

interface CuesFile {
  attribution: { before_source: string[]; reporting_verbs: string[] };
  alleged: string[];
  denied: string[];
  expected: string[];
  planned: string[];
  planned_de: string[];
  actor_nouns: string[];
  leading_participles: string[];
  pair_phrases: string[];
  collective_actors: Array<{ id: string; name: string; type: 'Organization'; forms: string[] }>;
  rebel_nouns: string[];
  org_heads: string[];
  org_connectors: string[];
  org_type_nouns: string[];
  items: Array<{ id: string; name: string; re: string }>;
}

const words = z.array(z.string().min(1));
const ENTITY_TYPES = ['Country', 'Organization', 'Person', 'ArmedGroup', 'Location', 'Item'] as const;
const functionWordsSchema = z.object({
  passive_aux: words,
  personal_pronouns: words,
  person_pronouns: words,
  name_particles: words,
  name_particles_after_particle: words,
  speech_verbs: words,
  clause_openers: words,
});
const entityNounsSchema = z.object({
  member_nouns: words,
  party_nouns: words,
  group_descriptions: z.array(
    z.object({ types: z.array(z.enum(ENTITY_TYPES)).min(1), recent: z.boolean().optional(), words }),
  ),
  org_type_suffixes: words,
});
const monthTable = z.record(z.string().min(1), z.number().int().min(1).max(12));
const calendarSchema = z.object({
  months: z.object({ de: monthTable, en: monthTable }),
  month_abbreviations: z.object({ de: monthTable }),
  ordinal_before: words,
  year_before: words,
});

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

function compileRoles(roles: RolesFile) {
  const roleEntries: RoleEntry[] = roles.roles.map((r) => ({ ...r, forms: r.forms.map((f) => f.split(' ')) }));
  /** First token of a role form → role entries with that form, longest first. */
  const roleIndex = new Map<string, Array<{ entry: RoleEntry; form: string[] }>>();
  for (const entry of roleEntries)
    for (const form of entry.forms) {
      const k = form[0]!;
      if (!roleIndex.has(k)) roleIndex.set(k, []);
      roleIndex.get(k)!.push({ entry, form });
    }
  for (const list of roleIndex.values()) list.sort((a, b) => b.form.length - a.form.length);
  /** Inflected variants of role words → the base form in roleIndex (Präsidenten → präsident, analysts → analyst). */
  const roleVariants = new Map<string, string>();
  for (const base of new Set([...roleIndex.keys(), ...roleEntries.flatMap((e) => e.forms.flatMap((f) => f.slice(1)))]))
    for (const suf of ['innen', 'in', 'en', 'n', 's', 'es', 'e'])
      if (!roleVariants.has(base + suf)) roleVariants.set(base + suf, base);
  return {
    roleEntries,
    roleIndex,
    roleVariants,
    roleDeSuffixes: Object.entries(roles.de_suffixes).sort((a, b) => b[0].length - a[0].length),
    roleDePrefixes: new Map(Object.entries(roles.de_prefixes)),
    /** Words that make a following head-of-state/government role a deputy's office (roles.json not_before_role). */
    roleModifiers: new Set(roles.role_modifiers),
    roleBlockers: new Set(roles.not_before_role.filter((w) => !/^(former|ehemalig|ex$)/u.test(w))),
    counterpart: new Set(roles.counterpart),
    /** "der 73-Jährige", "the 73-year-old" (roles.json age_descriptions). */
    ageDescriptions: new Set(roles.age_descriptions),
    /** "Kims Vorgänger", "his predecessor" (roles.json predecessor_nouns). */
    predecessorNouns: new Set(roles.predecessor_nouns),
    /** "his envoy X": the office is the possessor's (roles.json possessive_determiners). */
    possessives: new Set(roles.possessive_determiners),
    /** "Sprecher des Außenministeriums, X", "ambassador to the UN, X": a role's complement before its apposed name;
     * the genitive openers name the office's state (roles.json role_genitives, role_complements, role_tail_words). */
    roleGenitives: new Set(roles.role_genitives),
    roleComplements: new Set([...roles.role_genitives, ...roles.role_complements]),
    roleTailWords: new Set(roles.role_tail_words),
    /** "Nigerian army spokesman": a state body between the state and the role (roles.json role_bodies). */
    roleBodies: new Set(roles.role_bodies),
  };
}

function compileTriggers(trig: TriggersFile): TriggerEntry[] {
  const evaluations = (lang: unknown) =>
    lang === 'de' || lang === 'en'
      ? trig.negative_evaluations[lang]
      : `${trig.negative_evaluations.de}|${trig.negative_evaluations.en}`;
  const expand = (v: string, lang: unknown) => (v === '@negative_evaluations' ? evaluations(lang) : v);
  return trig.triggers.map((t) => ({
    p: t.p as Predicate,
    lang: t.lang as TriggerEntry['lang'],
    pos: t.pos as TriggerEntry['pos'],
    re: new RegExp(`^(?:${t.re as string})$`, 'u'),
    voice: t.voice as TriggerEntry['voice'],
    needsItem: t.needsItem as boolean | undefined,
    needsItemIf: t.needsItemIf ? new RegExp(t.needsItemIf as string, 'u') : undefined,
    needs: t.needs ? new RegExp(t.needs as string, 'u') : undefined,
    notReflexive: t.notReflexive as boolean | undefined,
    intransitive: t.intransitive as boolean | undefined,
    needsIf: t.needsIf
      ? Object.entries(t.needsIf as Record<string, string>).map(
          ([k, v]) => [k, new RegExp(expand(v, t.lang), 'u')] as [string, RegExp],
        )
      : undefined,
    needsMod: t.needsMod ? new RegExp(t.needsMod as string, 'u') : undefined,
    notAfter: t.notAfter ? new RegExp(`^(?:${t.notAfter as string})$`, 'u') : undefined,
    needsPartner: t.needsPartner as boolean | undefined,
    particleIf: t.particleIf ? Object.entries(t.particleIf as Record<string, string>) : undefined,
    objPreps: t.objPreps as string[] | undefined,
    parseOnly: t.parseOnly as boolean | undefined,
  }));
}

/** Every lexicon of the extractor, compiled; built by loadLexicon and handed to the stages inside the model. */
export function loadLexicon(dir: string = LEXICON_DIR) {
  const load = <T>(name: string, schema?: z.ZodType<T>): T => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (!schema) return raw as T;
    const r = schema.safeParse(raw);
    if (!r.success)
      throw new GeokgError(
        'config',
        `lexicon ${name}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return r.data;
  };
  const chrome = load<{ lines: string[] }>('chrome.json');
  const stop = load<{ de: string[]; en: string[] }>('stopwords.json');
  const grammar = load<GrammarFile>('grammar.json');
  const trig = load<TriggersFile>('triggers.json');
  const cues = load<CuesFile>('cues.json');
  const fw = load('function-words.json', functionWordsSchema);
  const nouns = load('entity-nouns.json', entityNounsSchema);
  const dates = load('calendar.json', calendarSchema);
  return {
    chromePatterns: chrome.lines.map((s) => new RegExp(s, 'iu')),
    stopwords: { de: new Set(stop.de), en: new Set(stop.en) },
    abbreviations: new Set(grammar.abbreviations),
    articles: new Set(grammar.articles),
    prepositions: new Map(Object.entries(grammar.prepositions)),
    neverNames: new Set(grammar.never_names),
    personTitles: new Set(grammar.person_titles),
    /** German adjective endings and the stems they go on (grammar.json): gazetteer forms. */
    germanAdjectiveEndings: grammar.adjective_endings_de,
    germanAdjectiveStem: new RegExp(grammar.adjective_stem_de, 'u'),
    compassRegions: grammar.compass_regions,
    compassExceptions: new Set(grammar.compass_exceptions),
    ...compileRoles(load<RolesFile>('roles.json')),
    triggers: compileTriggers(trig),
    negations: new Set(trig.negations),
    /** Word starts of harsh judgements, per language (triggers.json negative_evaluations), tested on one token. */
    negativeEvaluations: {
      de: new RegExp(`^(?:${trig.negative_evaluations.de})`, 'u'),
      en: new RegExp(`^(?:${trig.negative_evaluations.en})`, 'u'),
    },
    cues: {
      sourceBefore: toCues(cues.attribution.before_source),
      reportingVerbs: toCues(cues.attribution.reporting_verbs),
      alleged: toCues(cues.alleged),
      denied: toCues(cues.denied),
      expected: toCues(cues.expected),
      planned: toCues(cues.planned),
      plannedDe: toCues(cues.planned_de),
      pairs: toCues(cues.pair_phrases),
    },
    actorNouns: new Set(cues.actor_nouns),
    leadingParticiples: new Set(cues.leading_participles),
    collectiveActors: cues.collective_actors,
    rebelNouns: new Set(cues.rebel_nouns),
    orgHeads: new Set(cues.org_heads),
    orgConnectors: new Set(cues.org_connectors),
    orgTypeNouns: toCues(cues.org_type_nouns),
    items: cues.items.map((i) => ({ ...i, re: new RegExp(`^(?:${i.re})$`, 'u') })),
    passiveAux: new Set(fw.passive_aux),
    pronouns: new Set(fw.personal_pronouns),
    personPronouns: new Set(fw.person_pronouns),
    nameParticles: new Set(fw.name_particles),
    /** Particles only inside a particle run ("von der Leyen"): "der" alone after a name is an article. */
    nameParticlesAfterParticle: new Set(fw.name_particles_after_particle),
    speechVerbs: new Set(fw.speech_verbs),
    clauseOpeners: new Set(fw.clause_openers),
    memberNouns: new Set(nouns.member_nouns),
    /** "Netanyahu's Likud party": the person is affiliated with the party (entity-nouns.json party_nouns). */
    partyNouns: new Set(nouns.party_nouns),
    groupDescriptions: new Map(
      nouns.group_descriptions.flatMap((g) => g.words.map((w): [string, EntityType[]] => [w, g.types])),
    ),
    /** Descriptions that name the organisation or group named last, not an armed group first. */
    recentDescriptions: new Set(nouns.group_descriptions.filter((g) => g.recent).flatMap((g) => g.words)),
    orgTypeSuffixes: nouns.org_type_suffixes,
    months: new Map([...Object.entries(dates.months.de), ...Object.entries(dates.months.en)]),
    /** German month names and their abbreviations: after "3." they keep the sentence going ("3. Oktober"). */
    monthWordsDe: new Set([...Object.keys(dates.months.de), ...Object.keys(dates.month_abbreviations.de)]),
    ordinalBefore: new Set(dates.ordinal_before),
    yearBefore: new Set(dates.year_before),
  };
}
export type Lexicon = ReturnType<typeof loadLexicon>;

let cached: Lexicon | undefined;
/** The shipped lexicons, read once per process. */
export function defaultLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}

// The stages 01–02 (and the gazetteer's name expansion) read these directly: they are the default lexicon's tables.
const L = defaultLexicon();
export const CHROME_PATTERNS: RegExp[] = L.chromePatterns;
export const STOPWORDS = L.stopwords;
export const ABBREVIATIONS = L.abbreviations;
export const MONTH_WORDS_DE = L.monthWordsDe;
export const ORDINAL_BEFORE = L.ordinalBefore;
export const NAME_PARTICLES = L.nameParticles;
export const NAME_PARTICLES_AFTER_PARTICLE = L.nameParticlesAfterParticle;
export const GERMAN_ADJECTIVE_ENDINGS = L.germanAdjectiveEndings;
export const GERMAN_ADJECTIVE_STEM = L.germanAdjectiveStem;
export const COMPASS_REGIONS = L.compassRegions;
export const COMPASS_EXCEPTIONS = L.compassExceptions;
// TEMP-COMPAT (removed once 03/04 take the model as an argument)
export const ARTICLES = L.articles;
export const PREPOSITIONS = L.prepositions;
export const NEVER_NAMES = L.neverNames;
export const PERSON_TITLES = L.personTitles;
export const ROLE_ENTRIES = L.roleEntries;
export const ROLE_INDEX = L.roleIndex;
export const ROLE_VARIANTS = L.roleVariants;
export const ROLE_DE_SUFFIXES = L.roleDeSuffixes;
export const ROLE_DE_PREFIXES = L.roleDePrefixes;
export const ROLE_BLOCKERS = L.roleBlockers;
export const COUNTERPART = L.counterpart;
export const TRIGGERS = L.triggers;
export const NEGATIONS = L.negations;
export const NEGATIVE_EVALUATIONS = L.negativeEvaluations;
export const CUES = L.cues;
export const ACTOR_NOUNS = L.actorNouns;
export const COLLECTIVE_ACTORS = L.collectiveActors;
export const REBEL_NOUNS = L.rebelNouns;
export const ORG_HEADS = L.orgHeads;
export const ORG_CONNECTORS = L.orgConnectors;
export const ORG_TYPE_NOUNS = L.orgTypeNouns;
export const ITEMS = L.items;
