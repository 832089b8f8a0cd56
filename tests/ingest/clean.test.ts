// Tests of stage 01-clean: chrome removal, repeated headlines → title, dates, HTML stripping, language detection.

import { describe, expect, it } from 'vitest';
import { clean, detectLanguage, htmlToText, parseDate } from '../../src/ingest/stages/01-clean.js';

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
