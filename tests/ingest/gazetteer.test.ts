// Tests for the gazetteer: coverage of states, German inflection, metonyms, bilingual aliases, ambiguity flags,
// and clear errors naming file and line when the data is broken.
import { declined } from '../../src/ingest/gazetteer/declension.js';
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GAZETTEER_DIR,
  expandGermanDemonym,
  inflectGermanAdjective,
  loadGazetteer,
  loadGazetteerFrom,
  slugify,
} from '../../src/ingest/gazetteer/index.js';
import { ENTITY_TYPES, PREDICATES } from '../../src/model.js';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as {
  cca3: string;
  unMember: boolean;
  name: { common: string };
  translations: { deu: { common: string; official: string } };
}[];

const g = loadGazetteer();
const ids = (text: string): string[] => [...new Set(g.lookup(text).map((f) => f.id))];

describe('gazetteer: countries', () => {
  it('has every UN member state with its English and German name', () => {
    const members = worldCountries.filter((c) => c.unMember && c.cca3 !== 'VAT');
    expect(members.length).toBeGreaterThanOrEqual(193);
    for (const c of members) {
      const e = g.get(c.cca3);
      expect(e, c.cca3).toBeDefined();
      expect(e!.type).toBe('Country');
      expect(e!.iso3).toBe(c.cca3);
      expect(ids(c.name.common), c.name.common).toContain(c.cca3);
      // "Kongo (Dem. Rep.)" is a catalogue form; the official name is what German text uses then.
      const de = /[()]/.test(c.translations.deu.common) ? c.translations.deu.official : c.translations.deu.common;
      expect(ids(de), de).toContain(c.cca3);
      expect(
        g.forms.some((f) => f.id === c.cca3 && f.lang === 'de' && f.kind === 'name') ||
          c.translations.deu.common === c.name.common,
        `${c.cca3} German name form`,
      ).toBe(true);
    }
  });

  it('has observers and disputed states', () => {
    for (const [id, name] of [
      ['PSE', 'Palästina'],
      ['VAT', 'Heiliger Stuhl'],
      ['TWN', 'Taiwan'],
      ['XKX', 'Kosovo'],
      ['ESH', 'Westsahara'],
    ]) {
      expect(ids(name!), name).toContain(id);
    }
    expect(g.get('PSE')!.status).toBe('observer');
    expect(g.get('TWN')!.status).toBe('disputed');
  });

  it('resolves press forms in both languages', () => {
    const cases: Record<string, string> = {
      USA: 'USA',
      US: 'USA',
      'U.S.': 'USA',
      Amerika: 'USA',
      'Vereinigte Staaten': 'USA',
      'Vereinigten Staaten': 'USA',
      UK: 'GBR',
      Britain: 'GBR',
      Großbritannien: 'GBR',
      Nordkorea: 'PRK',
      'North Korea': 'PRK',
      DPRK: 'PRK',
      Südkorea: 'KOR',
      Russland: 'RUS',
      'Russian Federation': 'RUS',
      Türkei: 'TUR',
      Turkey: 'TUR',
      Türkiye: 'TUR',
      'the Islamic Republic': 'IRN',
      Jemen: 'YEM',
      Syrien: 'SYR',
    };
    for (const [form, id] of Object.entries(cases)) expect(ids(form), form).toEqual([id]);
  });

  it('is case-sensitive where a lowercase reading exists', () => {
    const us = g.lookup('US');
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((f) => f.caseSensitive)).toBe(true);
    expect(g.lookup('us')).toEqual([]);
    expect(g.lookup('china')).toEqual([]);
  });

  it('generates German genitives of names', () => {
    expect(ids('Russlands')).toEqual(['RUS']);
    expect(ids('Irans')).toEqual(['IRN']);
    expect(ids('Kremls')).toEqual(['RUS']);
    expect(ids('Putins')).toEqual(['person:vladimir-putin']);
  });
});

describe('gazetteer: adjectives and demonyms', () => {
  it('inflects German adjective stems by rule', () => {
    expect(inflectGermanAdjective('russisch')).toEqual([
      'russisch',
      'russische',
      'russischen',
      'russischer',
      'russisches',
      'russischem',
    ]);
    for (const [stem, id] of [
      ['russisch', 'RUS'],
      ['iranisch', 'IRN'],
      ['amerikanisch', 'USA'],
      ['US-amerikanisch', 'USA'],
      ['chinesisch', 'CHN'],
      ['nordkoreanisch', 'PRK'],
      ['israelisch', 'ISR'],
      ['ukrainisch', 'UKR'],
      ['türkisch', 'TUR'],
      ['deutsch', 'DEU'],
      ['französisch', 'FRA'],
      ['britisch', 'GBR'],
    ] as const) {
      for (const form of inflectGermanAdjective(stem)) {
        const hits = g.lookup(form).filter((f) => f.kind === 'adjective');
        expect(
          hits.map((f) => f.id),
          form,
        ).toEqual([id]);
        expect(hits[0]!.lang).toBe('de');
      }
    }
  });

  it('matches a lowercase German adjective at the start of a sentence', () => {
    expect(ids('Russische')).toEqual(['RUS']);
  });

  it('expands German demonyms to singular and plural of both genders', () => {
    expect(expandGermanDemonym('Russe/Russin')).toEqual(['Russe', 'Russen', 'Russin', 'Russinnen']);
    expect(expandGermanDemonym('Iraner/Iranerin')).toEqual(['Iraner', 'Iranern', 'Iraners', 'Iranerin', 'Iranerinnen']);
    for (const [form, id] of [
      ['Russinnen', 'RUS'],
      ['Iraner', 'IRN'],
      ['Amerikaner', 'USA'],
      ['Chinesen', 'CHN'],
      ['Briten', 'GBR'],
    ] as const) {
      const hits = g.lookup(form);
      expect(
        hits.map((f) => f.id),
        form,
      ).toEqual([id]);
      expect(hits[0]!.kind).toBe('demonym');
    }
  });

  it('has English adjectives and demonyms', () => {
    for (const [form, id] of [
      ['Russian', 'RUS'],
      ['Iranian', 'IRN'],
      ['American', 'USA'],
      ['Chinese', 'CHN'],
      ['North Korean', 'PRK'],
      ['British', 'GBR'],
      ['French', 'FRA'],
      ['Russians', 'RUS'],
      ['Israelis', 'ISR'],
    ] as const) {
      expect(ids(form), form).toEqual([id]);
    }
  });

  it('covers at least 120 states with German adjectives', () => {
    const states = new Set(g.forms.filter((f) => f.kind === 'adjective' && f.lang === 'de').map((f) => f.id));
    expect([...states].filter((id) => g.get(id)?.type === 'Country').length).toBeGreaterThanOrEqual(120);
  });
});

describe('gazetteer: metonyms and places', () => {
  it('maps capitals and seats of power to the state', () => {
    const cases: Record<string, string> = {
      Moskau: 'RUS',
      Moscow: 'RUS',
      Kreml: 'RUS',
      Kremlin: 'RUS',
      Teheran: 'IRN',
      Tehran: 'IRN',
      Washington: 'USA',
      'Weißes Haus': 'USA',
      'Weißen Haus': 'USA',
      'White House': 'USA',
      Pentagon: 'USA',
      Peking: 'CHN',
      Beijing: 'CHN',
      Kiew: 'UKR',
      Kyiv: 'UKR',
      Kiev: 'UKR',
      Pjöngjang: 'PRK',
      Pyongyang: 'PRK',
      'Downing Street': 'GBR',
      Élysée: 'FRA',
      Berlin: 'DEU',
      Paris: 'FRA',
      Ankara: 'TUR',
      Khartoum: 'SDN',
      Brüssel: 'org:eu',
      Brussels: 'org:eu',
    };
    for (const [form, id] of Object.entries(cases)) {
      const hits = g.lookup(form);
      expect(
        hits.map((f) => f.id),
        form,
      ).toEqual([id]);
      expect(hits[0]!.kind, form).toBe('metonym');
    }
  });

  it('keeps minor capitals as places that know their country', () => {
    const ashgabat = g.get('loc:ashgabat');
    expect(ashgabat?.type).toBe('Location');
    expect(ashgabat?.capitalOf).toBe('TKM');
    expect(ashgabat?.roles).toContainEqual({ predicate: 'LOCATED_IN', object: 'TKM' });
    expect(ids('Aschgabat')).toEqual(['loc:ashgabat']);
  });

  it('has regions and seas with both names', () => {
    for (const [a, b, id] of [
      ['Gaza', 'Gazastreifen', 'loc:gaza'],
      ['West Bank', 'Westjordanland', 'loc:west-bank'],
      ['Crimea', 'Krim', 'loc:crimea'],
      ['Donbas', 'Donbass', 'loc:donbas'],
      ['Red Sea', 'Rotes Meer', 'loc:red-sea'],
      ['Taiwan Strait', 'Taiwanstraße', 'loc:taiwan-strait'],
    ] as const) {
      expect(ids(a), a).toEqual([id]);
      expect(ids(b), b).toEqual([id]);
    }
  });
});

describe('gazetteer: organisations, groups, people, items', () => {
  it('resolves both languages and spellings to the same id', () => {
    const pairs: [string, string, string][] = [
      ['Peskow', 'Peskov', 'person:dmitry-peskov'],
      ['Peseschkian', 'Pezeshkian', 'person:masoud-pezeshkian'],
      ['Selenskyj', 'Zelenskyy', 'person:volodymyr-zelensky'],
      ['Zelensky', 'Wolodymyr Selenskyj', 'person:volodymyr-zelensky'],
      ['Lawrow', 'Lavrov', 'person:sergey-lavrov'],
      ['Schoigu', 'Shoigu', 'person:sergei-shoigu'],
      ['Chamenei', 'Khamenei', 'person:ali-khamenei'],
      ['Kim Jong Un', 'Kim Jong-un', 'person:kim-jong-un'],
      ['Wladimir Putin', 'Vladimir Putin', 'person:vladimir-putin'],
      ['Xi Jinping', 'Xi', 'person:xi-jinping'],
      ['Huthi', 'Houthis', 'group:houthis'],
      ['Hisbollah', 'Hezbollah', 'group:hezbollah'],
      ['Wagner-Gruppe', 'Wagner Group', 'group:wagner'],
      ['IAEO', 'IAEA', 'org:iaea'],
      ['IWF', 'IMF', 'org:imf'],
      ['OSZE', 'OSCE', 'org:osce'],
      ['SOZ', 'SCO', 'org:sco'],
      ['UNO', 'United Nations', 'org:un'],
      ['Vereinte Nationen', 'UN', 'org:un'],
      ['Europäische Union', 'EU', 'org:eu'],
      ['Weltbank', 'World Bank', 'org:world-bank'],
      ['Internationaler Strafgerichtshof', 'ICC', 'org:icc'],
      ['RIA Nowosti', 'RIA Novosti', 'org:ria-novosti'],
      ['Marschflugkörper', 'cruise missiles', 'item:cruise-missiles'],
      ['Angriffsdrohnen', 'attack drones', 'item:attack-drones'],
    ];
    for (const [a, b, id] of pairs) {
      expect(ids(a), a).toContain(id);
      expect(ids(b), b).toContain(id);
    }
  });

  it('marks surnames as such so they are only used after a full mention', () => {
    const putin = g.lookup('Putin');
    expect(putin.map((f) => `${f.id}/${f.kind}`)).toEqual(['person:vladimir-putin/surname']);
    expect(ids('Assad')).toEqual(['person:bashar-al-assad']);
  });

  it('carries known roles with years', () => {
    const putin = g.get('person:vladimir-putin')!;
    expect(putin.roles).toContainEqual({ predicate: 'HEAD_OF_STATE', object: 'RUS', role: 'President', from: '2012' });
    const peskov = g.get('person:dmitry-peskov')!;
    expect(peskov.roles?.some((r) => r.predicate === 'OFFICIAL_OF' && r.object === 'RUS')).toBe(true);
  });

  it('gives items German compound heads and classes', () => {
    expect(g.get('item:attack-drones')!.heads).toContain('angriffsdrohnen');
    expect(g.get('item:shahed-136')!.broader).toBe('item:kamikaze-drones');
    expect(g.get('item:short-range-ballistic-missiles')!.heads).toContain('kurzstreckenraketen');
  });
});

describe('gazetteer: integrity', () => {
  it('has well-formed ids, types and roles', () => {
    for (const [id, e] of g.entries) {
      expect(e.id).toBe(id);
      expect(ENTITY_TYPES).toContain(e.type);
      expect(id).toMatch(/^(?:[A-Z]{3}|(?:person|org|group|loc|item):[a-z0-9-]+)$/);
      if (e.type === 'Country') expect(e.iso3).toBe(id);
      for (const r of e.roles ?? []) {
        expect(PREDICATES).toContain(r.predicate);
        expect(g.get(r.object), `${id} → ${r.object}`).toBeDefined();
      }
    }
  });

  it('has at least a broad number of entries of every type', () => {
    const count = (t: string): number => [...g.entries.values()].filter((e) => e.type === t).length;
    expect(count('Country')).toBeGreaterThanOrEqual(197);
    expect(count('Person')).toBeGreaterThanOrEqual(150);
    expect(count('Organization')).toBeGreaterThanOrEqual(150);
    expect(count('ArmedGroup')).toBeGreaterThanOrEqual(20);
    expect(count('Location')).toBeGreaterThanOrEqual(100);
    expect(count('Item')).toBeGreaterThanOrEqual(60);
  });

  it('flags every form that could match two ids', () => {
    for (const [, list] of g.byLowerForm) {
      const byId = new Set(list.map((f) => f.id));
      if (byId.size < 2) continue;
      for (const f of list) {
        const rivals = list.filter((h) => h.id !== f.id && (h.form === f.form || !h.caseSensitive || !f.caseSensitive));
        if (rivals.length) expect(f.ambiguous, `${f.form} → ${f.id}`).toBe(true);
      }
    }
  });

  it('flags common-word forms listed in ambiguous.tsv', () => {
    expect(g.lookup('Georgia').every((f) => f.ambiguous)).toBe(true);
    expect(g.lookup('Jordan').every((f) => f.ambiguous)).toBe(true);
    expect(g.lookup('Chad').every((f) => f.ambiguous)).toBe(true);
    expect(g.lookup('Russland').some((f) => f.ambiguous)).toBe(false);
  });

  // Load time is measured in bench/extract.bench.ts (a timed test cannot fail reliably on a shared machine).
  it('is memoised, and a fresh load of the same folder gives the same entries and forms', () => {
    expect(loadGazetteer()).toBe(loadGazetteer());
    const fresh = loadGazetteerFrom(GAZETTEER_DIR);
    expect(fresh).not.toBe(loadGazetteer());
    expect([...fresh.entries.keys()]).toEqual([...loadGazetteer().entries.keys()]);
    expect(fresh.forms.length).toBe(loadGazetteer().forms.length);
  });

  it('agrees with the ids of the eval gold where it knows the entity', () => {
    const dirs = ['../shared/eval/gold', '../shared/eval/dev/gold'].map((d) => join(process.cwd(), d));
    let checked = 0;
    for (const dir of dirs) {
      let files: string[];
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      } catch {
        continue;
      }
      for (const f of files) {
        const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
          entities: Record<string, { names: string[] }>;
        };
        for (const [id, e] of Object.entries(gold.entities)) {
          if (!g.get(id)) continue;
          checked++;
          expect(
            e.names.some((n) => ids(n).includes(id)),
            `${f}: ${id}`,
          ).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('gazetteer: data errors', () => {
  const withBrokenCopy = (file: string, line: string, fn: (dir: string) => void): void => {
    const dir = mkdtempSync(join(tmpdir(), 'gaz-'));
    try {
      cpSync(GAZETTEER_DIR, dir, { recursive: true });
      appendFileSync(join(dir, file), line + '\n');
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('names file and line of a duplicate id', () => {
    withBrokenCopy('groups.tsv', 'group:hamas\tHamas again\t\t\t', (dir) => {
      const lines = readFileSync(join(dir, 'groups.tsv'), 'utf8').trimEnd().split('\n').length;
      expect(() => loadGazetteerFrom(dir)).toThrow(new RegExp(`groups\\.tsv:${lines}: duplicate id group:hamas`));
    });
  });

  it('names file and line of a malformed id or role', () => {
    withBrokenCopy('people.tsv', 'Person:Bad Id\tX\t\t\t', (dir) => {
      expect(() => loadGazetteerFrom(dir)).toThrow(/people\.tsv:\d+: id:/);
    });
    withBrokenCopy('people.tsv', 'person:someone-new\tSomeone New\t\tRULES_OVER RUS\t', (dir) => {
      expect(() => loadGazetteerFrom(dir)).toThrow(/people\.tsv:\d+: bad role "RULES_OVER RUS"/);
    });
  });

  it('rejects roles pointing at unknown entities', () => {
    withBrokenCopy('people.tsv', 'person:someone-new\tSomeone New\t\tOFFICIAL_OF org:nowhere\t', (dir) => {
      expect(() => loadGazetteerFrom(dir)).toThrow(/unknown id org:nowhere/);
    });
  });
});

describe('slugify', () => {
  it('folds diacritics and ß into ASCII slugs', () => {
    expect(slugify('Aniseh Bassiri Tabrizi')).toBe('aniseh-bassiri-tabrizi');
    expect(slugify('Recep Tayyip Erdoğan')).toBe('recep-tayyip-erdogan');
    expect(slugify('Weißes Haus')).toBe('weisses-haus');
    expect(slugify('  Allgäu ')).toBe('allgau');
    expect(slugify("Gideon Sa'ar")).toBe('gideon-saar');
  });
});

describe('German adjective declension of gazetteer names (grammar.json adjective_endings_de)', () => {
  it('gives the other endings of leading adjectives, all alike, and nothing for names without one', () => {
    expect(declined('Vereinigte Arabische Emirate')).toContain('Vereinigten Arabischen Emirate');
    expect(declined('Internationaler Strafgerichtshof')).toEqual(
      expect.arrayContaining(['Internationale Strafgerichtshof', 'Internationalen Strafgerichtshof']),
    );
    // "Armee" is a noun ending in -e: it stays as it is.
    expect(declined('Rote Armee')).toContain('Roten Armee');
    expect(declined('Rote Armee').every((f) => f.endsWith(' Armee'))).toBe(true);
    expect(declined('United Nations')).toEqual([]);
    expect(declined('Strafgerichtshof')).toEqual([]);
  });

  it('links the declined forms to the entity without listing them as aliases', () => {
    expect(g.lookup('Internationale Strafgerichtshof').map((f) => f.id)).toContain('org:icc');
    expect(g.lookup('Vereinigte Königreich').map((f) => f.id)).toContain('GBR');
    expect(g.get('org:icc')!.aliases).not.toContain('Internationale Strafgerichtshof');
  });
});

describe('gazetteer: German compass places', () => {
  it('makes a place of each state for every compass compound of its name, in that state', () => {
    expect(ids('Nordirak')).toEqual(['loc:northern-iraq']);
    expect(ids('Nordiraks')).toEqual(['loc:northern-iraq']);
    expect(ids('Nord-Irak')).toEqual(['loc:northern-iraq']);
    expect(ids('Ostukraine')).toEqual(['loc:eastern-ukraine']);
    expect(ids('Nordostsyrien')).toEqual(['loc:northeastern-syria']);
    expect(ids('Nordisrael')).toEqual(['loc:northern-israel']);
    expect(g.entries.get('loc:northern-iraq')).toMatchObject({
      name: 'Northern Iraq',
      type: 'Location',
      roles: [{ predicate: 'LOCATED_IN', object: 'IRQ' }],
    });
  });
  it('keeps what the data names otherwise: states, a listed region, and compounds of no state', () => {
    expect(ids('Nordkorea')).toEqual(['PRK']);
    expect(ids('Südsudan')).toEqual(['SSD']);
    expect(ids('Südlibanon')).toEqual(['loc:south-lebanon']);
    expect(ids('Nordirland')).toEqual(['loc:northern-ireland']);
    expect(g.entries.get('loc:northern-ireland')?.roles).toEqual([{ predicate: 'LOCATED_IN', object: 'GBR' }]);
    expect(ids('Nordamerika')).toEqual([]);
    expect(ids('Westindien')).toEqual([]);
  });
});
