// Gazetteer names as tag hints: which words get a PROPN hint, and that the tagger keeps every hinted word nominal
// while it tags the rest of the sentence as before.

import { describe, expect, it } from 'vitest';
import { loadExtractionModel } from '../../../src/ingest/extraction-model.js';
import { STAGES } from '../../../src/ingest/pipeline.js';
import { extractText } from '../../../src/ingest/index.js';
import { nameTags, triggerFormTags } from '../../../src/ingest/syntax/name-hints.js';
import { loadSyntaxModel } from '../../../src/ingest/syntax/load.js';
import { sentenceWords } from '../../../src/ingest/syntax/word-map.js';

const MODEL = loadExtractionModel();

/** The hints of the first sentence; with the trigger form tags when `formTag` is given (and the determiners). */
function hinted(text: string, lang: 'de' | 'en', formTag?: ReturnType<typeof triggerFormTags>) {
  const doc = STAGES[1].run(STAGES[0].run({ source: '<test>', text, format: 'text' }, { lang }));
  const s = doc.sentences[0]!;
  const words = sentenceWords(s, lang);
  const tags = nameTags(
    s,
    words,
    MODEL.matcher,
    lang,
    formTag,
    MODEL.lexicon.articles,
    MODEL.syntaxLexicons.subjectPronouns,
  );
  const tagOf = (form: string) => tags[words.findIndex((w) => w.form === form)];
  return { words, tags, tagOf, named: words.filter((_, k) => tags[k]).map((w) => w.form) };
}

/** The words of the first sentence as the pipeline's parse stage tags and parses them (hints applied). */
function pipelineWords(text: string, lang: 'de' | 'en') {
  const doc = STAGES[2].run(STAGES[1].run(STAGES[0].run({ source: '<test>', text, format: 'text' }, { lang })), MODEL);
  const words = doc.parses![0]!.words;
  return { words, at: (form: string) => words.findIndex((w) => w.form === form) };
}

describe('name hints for the tagger', () => {
  it('de: single-word gazetteer names, inflected ones too, get PROPN; common words and adjectives do not', () => {
    const { named } = hinted('Xi will Russlands Verbündete in den USA und die russische Regierung treffen.', 'de');
    expect(named).toEqual(['Xi', 'Russlands', 'USA']);
  });

  it('en: a name before a clitic is hinted, the clitic and a lower-case word are not', () => {
    const { named } = hinted("Peru's president met Xi, and china was not mentioned.", 'en');
    expect(named).toEqual(['Peru', 'Xi']);
  });

  it('the tagger keeps a hinted word nominal and the rest of the sentence tagged', () => {
    const model = loadSyntaxModel('de');
    const { words, tags } = hinted('Xi will seinen ersten Besuch in den USA nutzen.', 'de');
    const inputs = words.map((w, k) => (tags[k] ? { form: w.form, upos: tags[k] } : { form: w.form }));
    const a = model.analyse(inputs);
    expect(tags.filter(Boolean).length).toBe(2);
    tags.forEach((t, k) => {
      if (t) expect(['NOUN', 'PROPN']).toContain(a.upos[k]);
    });
    expect(a.upos[words.findIndex((w) => w.form === 'nutzen')]).toBe('VERB');
    expect(a.head.filter((h) => h === 0)).toHaveLength(1);
  });
  it('de: a class of goods is a common noun, never part of the name before it ("Russland Drohnen")', () => {
    const { words, tags } = hinted('Der Iran werde Russland Drohnen und Taurus-Raketen liefern.', 'de');
    const hint = (form: string) => tags[words.findIndex((w) => w.form === form)];
    expect(hint('Drohnen')).toBe('NOUN');
    expect(hint('Russland')).toBe('PROPN');
    const model = loadSyntaxModel('de');
    const a = model.analyse(words.map((w, k) => (tags[k] ? { form: w.form, upos: tags[k] } : { form: w.form })));
    const drohnen = words.findIndex((w) => w.form === 'Drohnen');
    expect(a.upos[drohnen]).toBe('NOUN');
    expect(a.deprel[drohnen]).not.toBe('flat');
  });
  it('en: a lower-case form only noun triggers have is a noun ("the US arms sale to Taiwan"), not one verbs share', () => {
    const formTag = triggerFormTags(MODEL.syntaxLexicons, 'en');
    expect(['sale', 'invasion'].map(formTag)).toEqual(['NOUN', 'NOUN']);
    expect(['attack', 'talks', 'said'].map(formTag)).toEqual(['EITHER', 'EITHER', undefined]);
    expect(hinted('China slammed the US arms sale to Taiwan.', 'en', formTag).tagOf('sale')).toBe('NOUN');
  });
  it('en: a past form only verb triggers have is a verb where the tagger read a noun ("Israeli jets struck")', () => {
    const formTag = triggerFormTags(MODEL.syntaxLexicons, 'en');
    expect(['struck', 'shook', 'attacked'].map(formTag)).toEqual(['VERB', 'VERB', 'VERB']);
    // A base that takes -s and a gerund can be nouns ("a hit", "the designate", "the bombing").
    expect(['hit', 'designate', 'striking'].map(formTag)).toEqual([undefined, undefined, undefined]);
    const { words, at } = pipelineWords('Israeli jets struck targets in Lebanon on Monday.', 'en');
    expect(words[at('struck')]!.upos).toBe('VERB');
    expect(words[at('jets')]!.head).toBe(at('struck') + 1);
  });
  it('en: a verb\'s -s form is a plural noun after a determiner and a verb after a subject pronoun ("US ships", "it regrets")', () => {
    const formTag = triggerFormTags(MODEL.syntaxLexicons, 'en');
    expect(['ships', 'shells', 'regrets'].map(formTag)).toEqual(['EITHER', 'EITHER', 'EITHER']);
    expect(hinted('The Houthis said they would target the ships.', 'en', formTag).tagOf('ships')).toBe('NOUN');
    expect(hinted('China said it "regrets" the strikes.', 'en', formTag).tagOf('regrets')).toBe('VERB');
    const { words, at } = pipelineWords('The Houthis said they would target US ships in the Red Sea.', 'en');
    expect(words[at('ships')]!.upos).toBe('NOUN');
  });
  it('en: a form noun and verb triggers share is a noun after a determiner or ’s ("a staunch ally", "Pakistan\'s closest ally")', () => {
    const formTag = triggerFormTags(MODEL.syntaxLexicons, 'en');
    const tagOf = (text: string, form: string) => hinted(text, 'en', formTag).tagOf(form);
    expect(tagOf('Poland has been a staunch ally of Ukraine.', 'ally')).toBe('NOUN');
    expect(tagOf("China, Pakistan's closest ally, said so.", 'ally')).toBe('NOUN');
    expect(tagOf('Turkey may ally with Russia.', 'ally')).toBeUndefined();
    expect(
      extractText('Poland has been a staunch ally of Ukraine.', { lang: 'en' }).relations.map(
        (r) => `${r.subject} ${r.predicate} ${r.object}`,
      ),
    ).toEqual(['POL ALLIED_WITH UKR']);
  });
  it('de: a finite form only verb triggers have is a verb, where the tagger read an adjective ("Scholz griff Merz … an")', () => {
    const formTag = triggerFormTags(MODEL.syntaxLexicons, 'de');
    expect(['griff', 'traf'].map(formTag)).toEqual(['VERB', 'VERB']);
    // Participles can be adjectives ("die angegriffene Stadt", "die verhängten Sanktionen", "die kritisierte Politik").
    expect(['angegriffen', 'verhängten', 'kritisierte'].map(formTag)).toEqual([undefined, undefined, undefined]);
    const { words, at } = pipelineWords('Scholz griff Merz im Bundestag scharf an.', 'de');
    expect(words[at('griff')]!.upos).toBe('VERB');
    expect(words[at('Scholz')]!.head).toBe(at('griff') + 1);
  });
  it('de: a manner word of verbal attacks is an adjective, where the tagger read a verb ("verurteilte … scharf")', () => {
    const formTag = triggerFormTags(MODEL.syntaxLexicons, 'de');
    expect(['scharf', 'öffentlich'].map(formTag)).toEqual(['ADJ', 'ADJ']);
    const { words, at } = pipelineWords('Merz verurteilte die Angriffe scharf.', 'de');
    expect(words[at('scharf')]!.upos).toBe('ADJ');
    expect(words[at('Angriffe')]!.head).toBe(at('verurteilte') + 1);
    expect(
      extractText('Russland griff in der Nacht mit Drohnen an. Merz verurteilte die Angriffe scharf.', {
        lang: 'de',
      }).relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`),
    ).toContain('person:friedrich-merz CRITICIZES RUS');
  });
});
