// Tests of stage 01-clean: chrome removal, repeated headlines → title, dates, HTML stripping, language detection.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_RULES } from '../../src/ingest/clean/rules.js';
import { clean, detectLanguage, htmlToText, isChrome, parseDate } from '../../src/ingest/stages/01-clean.js';
import { extractDocument } from '../../src/ingest/index.js';

const raw = (text: string, format: 'text' | 'html' = 'text') => ({ source: 't', text, format });

describe('clean', () => {
  it('drops chrome lines, keeps one repeated headline as the title and the article body', () => {
    const text = [
      'Russland und Iran vertiefen ihre militärische Zusammenarbeit weiter',
      '',
      'Russland und Iran vertiefen ihre militärische Zusammenarbeit weiter',
      '-',
      'Share on Facebook',
      'Stand: 07.11.2023, 07:30 Uhr',
      '',
      'Der Iran hat Drohnen an Russland geliefert, berichtet die Agentur.',
      '',
      'Foto: picture alliance/dpa',
      'PREV Der tschetschenische Führer schwört Rache gegen Abgeordnete',
      'Weiterlesen',
    ].join('\n');
    const c = clean(raw(text));
    expect(c.text).toBe('Der Iran hat Drohnen an Russland geliefert, berichtet die Agentur.');
    expect(c.title).toBe('Russland und Iran vertiefen ihre militärische Zusammenarbeit weiter');
    expect(c.published).toBe('2023-11-07');
    expect(c.language).toBe('de');
    expect(c.id).toMatch(/^[0-9a-f]{16}$/);
  });
  it('joins hard-wrapped prose lines with spaces, keeping offsets one-to-one', () => {
    const c = clean(
      raw(
        'Aside from Russian President Vladimir Putin, few foreign leaders so brazenly\nstand up to Obama and even fewer among longtime allies.',
      ),
    );
    expect(c.text).toBe(
      'Aside from Russian President Vladimir Putin, few foreign leaders so brazenly stand up to Obama and even fewer among longtime allies.',
    );
  });
  it('gives the same id to the same article read from two differently chromed files', () => {
    const body = 'Iran has supplied drones to Russia, US officials said on Tuesday.';
    expect(clean(raw(`Menu\nShare\n\n${body}\n\nRead more`)).id).toBe(clean(raw(body)).id);
  });
  it('strips HTML: scripts, navigation and footers go, paragraphs and the title stay', () => {
    const h = htmlToText(
      '<html><head><title>T</title><meta property="article:published_time" content="2024-10-11T08:00:00Z"></head><body><nav>Home | World</nav><h1>Putin meets Pezeshkian</h1><script>var x=1;</script><p>Russia and Iran &amp; friends signed an agreement.</p><footer>© CNN</footer><p>Unclosed <b>tag</body>',
    );
    expect(h.title).toBe('Putin meets Pezeshkian');
    expect(h.published).toBe('2024-10-11');
    expect(h.text).toContain('Russia and Iran & friends signed an agreement.');
    expect(h.text).not.toMatch(/Home \| World|var x|© CNN/);
  });
  it('parses datelines in both languages', () => {
    expect(parseDate('JAN. 13, 2017')).toBe('2017-01-13');
    expect(parseDate('04.05.20 14:50')).toBe('2020-05-04');
    expect(parseDate('Update vom 3. Mai 2020')).toBe('2020-05-03');
    expect(parseDate('no date here')).toBeUndefined();
  });
  it('detects German, English, and neither', () => {
    expect(detectLanguage('Der Präsident sagte, dass die Beziehungen mit dem Iran sehr eng sind.').language).toBe('de');
    expect(detectLanguage('The president said that the relations with Iran are very close.').language).toBe('en');
    expect(detectLanguage('Le président a dit que les relations avec l’Iran sont très étroites.').language).toBe('und');
  });
  it('honours a forced language', () => {
    expect(clean(raw('Le président a dit que les relations sont étroites et bonnes.'), { lang: 'en' }).language).toBe(
      'en',
    );
  });
});

// Issue 9, part 1: cleaning never loses an article.
const ONE_LINE_CREDIT =
  'Die Nato verlegt Kampfjets nach Polen. Warschau – Die USA haben am Montag zwei Tarnkappenjets nach Polen verlegt. ' +
  'Russland hat Drohnen an Syrien geliefert, sagte ein Sprecher des Verteidigungsministeriums in Washington. ' +
  'Die EU hat neue Sanktionen gegen Russland verhängt, teilte die Kommission in Brüssel mit. (APA, 11.9.2015)';

describe('clean: credits, link markers and prose', () => {
  it('keeps a one-line article with a trailing agency credit whole, minus the credit, and extracts its relations', () => {
    const c = clean(raw(ONE_LINE_CREDIT));
    expect(c.text).toBe(ONE_LINE_CREDIT.replace(' (APA, 11.9.2015)', ''));
    expect(c.published).toBe('2015-09-11');
    const x = extractDocument(raw(ONE_LINE_CREDIT));
    const triples = x.relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`);
    expect(triples).toEqual(expect.arrayContaining(['RUS SUPPLIES SYR', 'org:eu SANCTIONS RUS']));
  });
  it('strips "(dpa)", "| mehr" and photo credits from prose but drops teasers and captions that are only chrome', () => {
    const prose =
      'Die Bundesregierung hat am Dienstag neue Waffenlieferungen an die Ukraine angekündigt, sagte ein Sprecher in Berlin.';
    const c = clean(
      raw(
        [
          `${prose} (dpa)`,
          'Deutsches Unternehmen im Visier: Bauteile für Putins Waffen? | mehr',
          'File photo of Chinese president Xi Jinping. (Reuters)',
          `${prose.replace('Dienstag', 'Mittwoch')} | mehr`,
        ].join('\n\n'),
      ),
    );
    expect(c.text.split('\n\n')).toEqual([prose, prose.replace('Dienstag', 'Mittwoch')]);
  });
  it('never drops a prose paragraph for a pattern that matches inside it', () => {
    const p =
      'Die Agentur dpa/AFP meldete, dass Russland der Ukraine mit neuen Angriffen gedroht habe, falls die Lieferungen weitergingen. ' +
      'Nach Angaben aus Kiew wurden in der Nacht mehrere Städte beschossen.';
    expect(clean(raw(`Share on Facebook\n\n${p}`)).text).toBe(p);
  });
  it('warns, naming the rule, when chrome rules remove more than half of a document', () => {
    const teasers = Array.from({ length: 12 }, (_, i) => `Teaser Nummer ${i} über etwas ganz anderes | mehr`);
    const c = clean(raw([...teasers, 'Iran hat Drohnen an Russland geliefert, sagte ein Sprecher.'].join('\n\n')));
    expect(c.warnings.find((w) => /removed \d+ % of the text/.test(w))).toMatch(/'link-marker'/);
    expect(clean(raw(ONE_LINE_CREDIT)).warnings.filter((w) => /removed/.test(w))).toEqual([]);
  });
});

describe('clean: titles never come from chrome lines', () => {
  it('takes the headline above the body, not a repeated navigation item or a teaser', () => {
    const menu = ['Politik', 'Wirtschaft', 'Nachrichten aus aller Welt', 'Sport', 'Kultur'];
    const text = [
      ...menu,
      'Sie sind hier:',
      'Startseite',
      'Politik',
      'Iran liefert Drohnen an Russland',
      'Stand: 07.11.2023, 07:30 Uhr',
      'Iran hat nach Angaben westlicher Geheimdienste Hunderte Drohnen an Russland geliefert, die im Krieg gegen die Ukraine eingesetzt werden.',
      'Das könnte Sie auch interessieren',
      'Ein ganz anderer Teaser über eine Wahl in Frankreich',
      ...menu,
    ].join('\n');
    const c = clean(raw(text));
    expect(c.title).toBe('Iran liefert Drohnen an Russland');
    expect(c.published).toBe('2023-11-07');
  });
  it('prefers the headline the page repeats over a nearer teaser', () => {
    const text = [
      'China snubs Pakistan on Kashmir',
      'This story is from October 9, 2019',
      'China snubs Pakistan on Kashmir',
      'Share',
      'Government plans a long green wall across the north',
      'File photo of Chinese president Xi Jinping. (Reuters)',
      'BEIJING: China on Tuesday modified its position on the Kashmir dispute, calling on India and Pakistan to hold talks on all issues.',
    ].join('\n');
    const c = clean(raw(text));
    expect(c.title).toBe('China snubs Pakistan on Kashmir');
    expect(c.published).toBe('2019-10-09');
  });
  it('ignores an HTML title that is a chrome line', () => {
    const html =
      '<html><head><title>Sie sind hier: Startseite</title></head><body><p>Iran liefert Drohnen an Russland</p>' +
      '<p>Iran hat nach Angaben westlicher Geheimdienste Hunderte Drohnen an Russland geliefert, sagte ein Sprecher.</p></body></html>';
    expect(clean(raw(html, 'html')).title).toBe('Iran liefert Drohnen an Russland');
  });
});

describe('clean: publication dates from datelines and credits', () => {
  const body =
    'Iran hat nach Angaben westlicher Geheimdienste Hunderte Drohnen an Russland geliefert, sagte ein Sprecher.';
  const en = 'The United States imposed new sanctions on Iran over its drone deliveries to Russia, officials said.';
  it.each([
    [`${body} (APA, 11.9.2015)`, '2015-09-11', body],
    [`${body} (red, APA/dpa, 3.10.2016)`, '2016-10-03', body],
    [`${body} (Markus Bernath aus Athen, 14.2.2016)`, '2016-02-14', body],
    [`Stand: 07.11.2023, 07:30 Uhr\n\n${body}`, '2023-11-07', body],
    [`Veröffentlicht am 07.03.2024 | Lesedauer: 4 Minuten\n\n${body}`, '2024-03-07', body],
    [`Updated 6:02 PM EDT, March 16, 2025\n\n${en}`, '2025-03-16', en],
    [`WASHINGTON, Jan. 13, 2017 (Reuters) - ${en}`, '2017-01-13', en],
    [`JAN. 13, 2017\n\n${en}`, '2017-01-13', en],
  ])('%s → %s', (text, date, kept) => {
    const c = clean(raw(text));
    expect(c.published).toBe(date);
    expect(c.text).toBe(kept);
  });
  it('leaves a dateline without a year undated and strips it', () => {
    const c = clean(raw(`WASHINGTON, Dec 12 (Reuters) - ${en}`));
    expect(c.published).toBeUndefined();
    expect(c.text).toBe(en);
  });
  it('gives an undated document no published date at all (never the time of reading)', () => {
    const c = clean(raw(`${body}\n\n${en}`));
    expect(c.published).toBeUndefined();
    const x = extractDocument(raw(`${body}\n\n${en}`));
    expect(x.document).not.toHaveProperty('published');
    expect(JSON.stringify(x)).not.toContain(new Date().toISOString().slice(0, 10));
  });
  it('takes a date from a short line above the body, never from prose or from teasers below it', () => {
    const c = clean(
      raw(`${en}\n\nRelated Coverage\n\nU.S. Sweetens Offer to Take Sudan Off Terrorist List\n\nNOV. 7, 2010`),
    );
    expect(c.published).toBeUndefined();
    expect(
      clean(raw(`Am 3. Mai 2020 trafen sich die Außenminister in Berlin, um über Sanktionen zu beraten.`)).published,
    ).toBeUndefined();
  });
});

describe('isChrome', () => {
  it('says a line is chrome exactly when one of the chrome rules matches it (the fast test is the rules)', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'devtexts', 'articles');
    const lines = readdirSync(dir)
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .map((l) => l.trim())
      .filter(Boolean);
    lines.push('  (dpa)', 'Mehr zum Thema', 'Der Text endet hier. | mehr', 'Kein Treffer in dieser Zeile.');
    const wrong = lines.filter((l) => isChrome(l) !== CHROME_RULES.some((r) => r.re.test(l)));
    expect(lines.length).toBeGreaterThan(200);
    expect(lines.filter(isChrome).length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});
