// The parse stage inside the full pipeline (real tagger and parser, shipped lexicons): the rules added when the
// parse was wired in, each with a written sentence per language it handles. Sentences written for geokg.

import { describe, expect, it } from 'vitest';
import { extractText, runPipeline } from '../../../src/ingest/index.js';
import { loadExtractionModel } from '../../../src/ingest/extraction-model.js';
import { repairedWords } from '../../../src/ingest/relations/syntax/repairs/index.js';

const MODEL = loadExtractionModel();

const triples = (text: string, lang: 'de' | 'en') =>
  extractText(text, { lang }).relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`);
const withPredicate = (predicate: string, text: string, lang: 'de' | 'en') =>
  triples(text, lang).filter((t) => t.split(' ')[1] === predicate);
/** A word of a hand-written parse, for the repair tests. */
const w = (form: string, upos: string, head: number, deprel: string) => ({ form, upos, head, deprel });
type Word = ReturnType<typeof w> & { feats?: string };
/** The repaired tree of hand-written words as head:label per word, and its labels alone. */
const arcs = (words: Word[], lang: 'de' | 'en') =>
  repairedWords(words, MODEL.syntaxLexicons, lang).map((x) => `${x.head}:${x.deprel}`);
const labels = (words: Word[], lang: 'de' | 'en') =>
  repairedWords(words, MODEL.syntaxLexicons, lang).map((x) => x.deprel);

describe('pipeline with the parse stage', () => {
  it('distributes a relation over the named members of a common noun ("countries including A and B")', () => {
    const en = triples(
      'Hezbollah moved weapons. Some countries including Britain and Germany have outlawed the group.',
      'en',
    );
    expect(en).toEqual(expect.arrayContaining(['GBR SANCTIONS group:hezbollah', 'DEU SANCTIONS group:hezbollah']));
  });
  it('resolves a definite description with modifiers to the armed group, leaving the modifier to the rules', () => {
    const en = triples(
      'Hezbollah moved weapons. The State Department urged Europe to act against the Iran-backed group.',
      'en',
    );
    expect(en).toContain('IRN SUPPORTS group:hezbollah');
    expect(en).not.toContain('IRN SUPPORTS org:us-state-department');
    const de = triples('Die Hisbollah lagert Waffen. Israel griff die vom Iran unterstützte Miliz an.', 'de');
    expect(de).toContain('ISR ATTACKS group:hezbollah');
  });
  it('gives a counterpart the office of the person named before ("Xi und sein Amtskollege Obama")', () => {
    const de = triples(
      'Chinas Präsident Xi Jinping besucht die USA. Im November hatten Xi und sein US-amerikanischer Amtskollege Barack Obama ein Treffen.',
      'de',
    );
    expect(de).toContain('person:barack-obama HEAD_OF_STATE USA');
    expect(de).not.toContain('person:barack-obama CITIZEN_OF USA');
  });
  it('ties a bare office to the state the previous sentence was about, never across a possessive', () => {
    const de = triples(
      'Die Regierung in Warschau kündigte die Stationierung von Waffen in Polen an. Das sei nötig, sagte Verteidigungsminister Tomasz Siemoniak.',
      'de',
    );
    expect(de).toContain('person:tomasz-siemoniak OFFICIAL_OF POL');
    const en = triples(
      'Poland asked for more troops. Its special envoy, Anna Nowak, met officials in Warsaw. His adviser Jan Kowal said so.',
      'en',
    );
    expect(en.filter((t) => t.startsWith('person:jan-kowal OFFICIAL_OF'))).toEqual([]);
  });
  it("takes the state in brackets after an office holder's name", () => {
    const de = triples(
      'Die Gespräche laufen. Die Außenminister Jeyhun Bayramov (Aserbaidschan) und Ararat Mirsojan (Armenien) paraphierten den Entwurf.',
      'de',
    );
    expect(de).toContain('person:jeyhun-bayramov OFFICIAL_OF AZE');
  });
  it("reads the criticised act's agent as the target and a reported pronoun subject as the speaker", () => {
    expect(
      triples('The Russian foreign ministry said it condemned the use of military force by the United States.', 'en'),
    ).toContain('org:russian-foreign-ministry CRITICIZES USA');
    expect(triples('Die Türkei verurteilte die Angriffe Israels scharf.', 'de')).toContain('TUR CRITICIZES ISR');
  });
  it('reads a visit noun with its possessor and place as a meeting', () => {
    expect(
      triples('Chinas Präsident Xi Jinping will seinen ersten Besuch in den USA für Ankündigungen nutzen.', 'de'),
    ).toContain('USA MEETS person:xi-jinping'); // symmetric: stored in id order
    expect(triples("Modi's state visit to Washington ended on Friday.", 'en')).toContain(
      'USA MEETS person:narendra-modi',
    );
  });
  it('reads "werfen … vor" as criticism with the accused as the actor of the infinitive clause', () => {
    const de = triples(
      'Westliche Regierungen werfen Russland vor, die Rebellen in der Ukraine mit Waffen zu versorgen.',
      'de',
    );
    expect(de).toContain('org:the-west CRITICIZES RUS');
    expect(de.some((t) => t.startsWith('RUS SUPPLIES'))).toBe(true);
    // The distance rule's reading (the West as supplier) is the one the parse contradicts.
    expect(de.some((t) => t.startsWith('org:the-west SUPPLIES'))).toBe(false);
  });
  it('reads the lexicon additions of issue 9: pacts, frozen assets, stationing, supporters, allies, troops', () => {
    expect(triples('Russia and North Korea signed a defence pact in June.', 'en')).toContain('PRK ALLIED_WITH RUS');
    expect(triples('Russland und Nordkorea unterzeichneten einen Verteidigungspakt.', 'de')).toContain(
      'PRK ALLIED_WITH RUS',
    );
    expect(triples('The EU froze the assets of the Russian central bank.', 'en')).toContain('org:eu SANCTIONS RUS');
    expect(triples('Die EU fror das Vermögen der russischen Zentralbank ein.', 'de')).toContain('org:eu SANCTIONS RUS');
    expect(triples('Russia stationed nuclear missiles in Belarus.', 'en')).toContain('RUS SUPPORTS BLR');
    expect(triples('Die USA stationieren Raketen in Deutschland.', 'de')).toContain('USA SUPPORTS DEU');
    expect(triples('Germany is the largest supporter of Ukraine in Europe.', 'en')).toContain('DEU SUPPORTS UKR');
    expect(triples('Chile ist Perus engster Verbündeter.', 'de')).toContain('CHL ALLIED_WITH PER');
    // Troops act for their state: the adjective is the attacker, not an Item.
    expect(triples('Russische Truppen griffen ukrainische Stellungen an.', 'de')).toContain('RUS ATTACKS UKR');
    expect(triples('Russian troops attacked Ukrainian positions near Bakhmut.', 'en')).toContain('RUS ATTACKS UKR');
  });
  it('gives an unnamed office holder by the article date, and an undated article no holder at all', () => {
    const text = 'Der US-Präsident kritisierte China scharf. Donald Trump und Barack Obama waren da.';
    const at = (published?: string) =>
      runPipeline({ source: 'x.txt', text, format: 'text', published }, { lang: 'de' }).relations.map(
        (r) => `${r.subject} ${r.predicate} ${r.object}`,
      );
    expect(at('2016-02-01')).toContain('person:barack-obama CRITICIZES CHN');
    expect(at('2025-05-03')).toContain('person:donald-trump CRITICIZES CHN');
    expect(at().filter((t) => t.includes('CRITICIZES'))).toEqual(['USA CRITICIZES CHN']);
  });
  it("reads a person's party, and no war where the text names a period or a trade dispute", () => {
    expect(triples('Rhetoric from Netanyahu’s Likud party grew sharper.', 'en')).toContain(
      'person:benjamin-netanyahu AFFILIATED_WITH org:likud',
    );
    expect(triples('Die Rhetorik von Netanjahus Likud-Partei wurde schärfer.', 'de')).toContain(
      'person:benjamin-netanyahu AFFILIATED_WITH org:likud',
    );
    expect(triples('Seit dem Ende des Kalten Krieges fordert Polen Schutz durch die NATO.', 'de')).not.toContain(
      'org:nato ATTACKS POL',
    );
    expect(triples('China and the United States are locked in a trade war.', 'en')).toEqual([]);
    expect(triples("Russia's war on Ukraine continues.", 'en')).toContain('RUS ATTACKS UKR');
  });
  it('pairs the two states of "die beiden Länder" and no one else around them', () => {
    const de = triples(
      'Putin empfing den iranischen Präsidenten Pezeshkian. Er lud ihn nach Russland ein, wo die beiden Länder ein Abkommen unterzeichnen werden.',
      'de',
    );
    expect(de).toContain('IRN SIGNS_AGREEMENT RUS');
    expect(de.filter((t) => t.includes('SIGNS_AGREEMENT') && t.includes('person:'))).toEqual([]);
  });
  it('takes a bare name beside a nominative subject as the object, not a second subject', () => {
    const de = triples(
      'Verteidigungsminister Ashton Carter hatte Russland vergangene Woche als sehr, sehr ernsthafte Bedrohung bezeichnet.',
      'de',
    );
    expect(de).toContain('person:ashton-carter CRITICIZES RUS');
  });
  it('gives a participle clause after a noun that names no actor the subject of the clause ("after meeting")', () => {
    const en = triples(
      "'We have no time,' prime minister-designate Mustapha Adib said in a brief statement after meeting President Michel Aoun.",
      'en',
    );
    expect(en).toContain('person:michel-aoun MEETS person:mustapha-adib');
    // A noun that is an actor keeps the participle: the accused supplies.
    const accused = triples('Riyadh and Washington accuse Tehran of supplying the Houthis with missiles.', 'en');
    expect(accused.some((t) => t.startsWith('IRN SUPPLIES group:houthis'))).toBe(true);
    expect(accused.some((t) => t.startsWith('SAU SUPPLIES'))).toBe(false);
  });
  it('reads "die 32-Jährige", "the 73-year-old" as the person named last', () => {
    const de = triples('Merkel sprach in Berlin. Die 65-Jährige kritisierte Russland scharf.', 'de');
    expect(de).toContain('person:angela-merkel CRITICIZES RUS');
    const en = triples('Lula da Silva spoke in Brasilia. The 77-year-old criticised Israel.', 'en');
    expect(en.some((t) => t.endsWith('CRITICIZES ISR') && t.startsWith('person:'))).toBe(true);
  });
  it('names rebels by their place and by the group word alone', () => {
    const doc = extractText('Russland versorgt die Aufständischen in der Ukraine mit Waffen.', { lang: 'de' });
    const group = doc.entities.find((e) => e.type === 'ArmedGroup');
    expect(group?.aliases).toEqual(expect.arrayContaining(['Aufständischen in der Ukraine', 'Aufständischen']));
  });
  it('reads "under US sanctions" as sanctions on the one under them, also through a relative pronoun', () => {
    const en = triples(
      'Hezbollah moved weapons. The organisation, which has long been under US sanctions, denied it.',
      'en',
    );
    expect(en).toContain('USA SANCTIONS group:hezbollah');
    const targeted = triples('Hezbollah is backed by Iran, which is being targeted by US sanctions.', 'en');
    expect(targeted).toContain('USA SANCTIONS IRN');
    expect(targeted).not.toContain('IRN SANCTIONS group:hezbollah');
    const de = triples('Der Iran, der seit Jahren unter US-Sanktionen steht, liefert Drohnen.', 'de');
    expect(de).toContain('USA SANCTIONS IRN');
    expect(de).not.toContain('IRN SANCTIONS USA');
  });
  it('reads displeasure nouns ("Ärger über", "outrage over") as criticism of the actor of what they are about', () => {
    const de = triples(
      'Obama hatte angekündigt, bei seinem Treffen mit Xi auch seinen Ärger über mutmaßliche chinesische Cyberattacken anzusprechen.',
      'de',
    );
    expect(de).toContain('person:barack-obama CRITICIZES CHN');
    expect(triples('Ankara expressed outrage over the Israeli strikes on Gaza.', 'en')).toContain('TUR CRITICIZES ISR');
    // Anger at no actor is no relation.
    expect(withPredicate('CRITICIZES', 'The blast in Lebanon prompted anger at corruption.', 'en')).toEqual([]);
    // Concern about an actor's act, and dismissing it with a judging word.
    expect(withPredicate('CRITICIZES', "The EU voiced concern over Israel's settlement expansion.", 'en')).toEqual([
      'org:eu CRITICIZES ISR',
    ]);
    expect(withPredicate('CRITICIZES', 'Die EU äußerte Besorgnis über die israelischen Siedlungen.', 'de')).toEqual([
      'org:eu CRITICIZES ISR',
    ]);
    expect(withPredicate('CRITICIZES', 'Economists voiced concern about inflation in Israel.', 'en')).toEqual([]);
    expect(withPredicate('CRITICIZES', 'The Kremlin dismissed the EU sanctions as illegal.', 'en')).toEqual([
      'RUS CRITICIZES org:eu',
    ]);
  });
  it("gives named office holders their state office at the article's date from the gazetteer, marked as known", () => {
    const dated = extractText('Kyiv attacked\n\nThu 24 Apr 2025\n\nSteve Witkoff will meet Vladimir Putin in Moscow.', {
      lang: 'en',
    });
    const role = dated.relations.find((r) => r.subject === 'person:vladimir-putin' && r.predicate === 'HEAD_OF_STATE');
    expect(role?.object).toBe('RUS');
    expect(role?.confidence).toBeLessThan(0.85);
    // Undated: the latest office only (Putin was also prime minister, 2008–2012).
    const undated = triples('Steve Witkoff will meet Vladimir Putin in Moscow.', 'en');
    expect(undated).toContain('person:vladimir-putin HEAD_OF_STATE RUS');
    expect(undated).not.toContain('person:vladimir-putin HEAD_OF_GOVERNMENT RUS');
    // Obama left office in 2017: a 2024 article gets no office for him.
    const later = triples('Stand: 07.11.2024\n\nBarack Obama sprach mit Olaf Scholz in Berlin.', 'de');
    expect(later.filter((t) => t.startsWith('person:barack-obama HEAD_OF_STATE'))).toEqual([]);
    expect(later).toContain('person:olaf-scholz HEAD_OF_GOVERNMENT DEU');
  });
  it("ties an office after a possessive to the state of the person named before ('Sein Handelsberater')", () => {
    const de = triples(
      'US-Präsident Donald Trump hatte im August Strafzölle auf indische Waren verhängt. Sein Handelsberater Peter Navarro warf Modi vor, sich mit Xi zu verbünden.',
      'de',
    );
    expect(de).toContain('person:peter-navarro OFFICIAL_OF USA');
  });
  it("gives the person named as someone's predecessor that person's state office", () => {
    const de = triples(
      'Stand: 04.05.2020\n\nKim Jong Un ist zurück. Kims Vorgänger im Amt war sein Vater, Kim Jong Il.',
      'de',
    );
    expect(de).toContain('person:kim-jong-il HEAD_OF_STATE PRK');
  });
  it('reads an arrest warrant as criticism of the one it is for, by the court that issued it', () => {
    const en = triples(
      'Trump authorised sanctions against the International Criminal Court, which issued an arrest warrant for Netanyahu.',
      'en',
    );
    expect(en).toContain('org:icc CRITICIZES person:benjamin-netanyahu');
  });
  it('leaves out an act whose parsed agent is a thing, not the party named beside it', () => {
    const en = triples(
      'Hezbollah has stores of weapons across Europe including the explosive chemical that blew up Beirut, the US government claimed.',
      'en',
    );
    expect(en.filter((t) => t.includes('ATTACKS'))).toEqual([]);
    // A noun phrase that names a party is no thing: the ministry acts for its state.
    expect(triples('Südkoreas Außenministerium verurteilte die Erklärung aus Pjöngjang scharf.', 'de')).toContain(
      'KOR CRITICIZES PRK',
    );
  });
  it('keeps a hyphenated noun whole before a name ("vom polnischen Info-Kanal TVP" is no person)', () => {
    const doc = extractText('Die Landung wurde vom polnischen Info-Kanal TVP übertragen.', { lang: 'de' });
    expect(doc.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });
  it('reads a common noun with its organisation apposed as that organisation ("der Miliz Rapid Support Forces")', () => {
    const de = triples(
      'Die US-Regierung hat der paramilitärischen Miliz Rapid Support Forces (RSF) im Sudan Völkermord vorgeworfen und Sanktionen gegen ihren Anführer Mohamed Hamdan Daglo verhängt.',
      'de',
    );
    expect(de).toContain('USA CRITICIZES group:rsf');
    expect(de).toContain('USA SANCTIONS person:mohamed-hamdan-dagalo');
    expect(de.filter((t) => t.startsWith('group:rsf CRITICIZES') || t.startsWith('group:rsf SANCTIONS'))).toEqual([]);
  });
  it("keeps the person-level reading where the parse read the office holder's state instead", () => {
    const de = triples(
      'Chinas Staats- und Parteichef Xi Jinping hat den russischen Präsidenten Wladimir Putin beim Gipfel als alten Freund empfangen.',
      'de',
    );
    expect(de).toContain('person:vladimir-putin MEETS person:xi-jinping');
    expect(de).not.toContain('CHN MEETS person:vladimir-putin');
  });
  it('reads a government noun by its seat ("die Militärjunta in Bamako"), other actors in a place not', () => {
    expect(triples('Die Militärjunta in Bamako hat Frankreich kritisiert.', 'de')).toContain('MLI CRITICIZES FRA');
    const en = triples('The government in Kyiv condemned Russia. US soldiers in Syria attacked the group.', 'en');
    expect(en).toContain('UKR CRITICIZES RUS');
    expect(en.filter((t) => t.startsWith('SYR '))).toEqual([]);
  });
  it('keeps every pair of a coordinated meeting the parse read only one pair of, and reads evidence against as blame', () => {
    const met = triples('Brazil, India, and South Africa met yesterday in Geneva.', 'en');
    expect(met).toEqual(expect.arrayContaining(['BRA MEETS IND', 'BRA MEETS ZAF', 'IND MEETS ZAF']));
    expect(triples('Evidence against Russia was presented by Poland.', 'en')).toContain('POL CRITICIZES RUS');
    expect(triples('Polen legte Beweise gegen Russland vor.', 'de')).toContain('POL CRITICIZES RUS');
  });
  it('reaches the apposed name of an office across its place and a title ("The US commander in Iraq, General X,")', () => {
    const en = triples(
      'The US commander in Iraq, General David Petraeus, held talks with President Michel Suleiman.',
      'en',
    );
    expect(en).toContain('person:david-petraeus OFFICIAL_OF USA');
    expect(en).not.toContain('person:david-petraeus OFFICIAL_OF IRQ');
  });
  it("reads a PP the parser hung on the object as the frame's oblique, and a conjunct hung on an apposed name", () => {
    const de = triples(
      'Aserbaidschan soll in den vergangenen Jahren den größten Teil seiner Rüstungsgüter aus Israel bezogen haben.',
      'de',
    );
    expect(de).toContain('ISR SUPPLIES AZE');
    const signed = triples(
      'Der aserbaidschanische Präsident Ilham Alijew und der armenische Regierungschef Nikol Paschinjan unterzeichneten am Freitag eine Erklärung.',
      'de',
    );
    expect(signed).toContain('person:ilham-aliyev SIGNS_AGREEMENT person:nikol-pashinyan');
  });
  it('never gives a complement clause with its own auxiliary the subject of the reporting clause', () => {
    const de = triples(
      'Wie CNN im September berichtete, hat Iran kürzlich auch Raketen an Russland für den Einsatz in der Ukraine geliefert.',
      'de',
    );
    expect(de).toContain('IRN SUPPLIES RUS');
    expect(de.filter((t) => t.startsWith('org:cnn '))).toEqual([]);
  });
  it('reads the controller of "call upon X to" from the oblique and a mis-tagged noun with an article as a thing', () => {
    const ban = triples(
      'Sales spoke at a forum hosted by the American Jewish Committee, which has called upon more countries to ban Hezbollah.',
      'en',
    );
    expect(ban.filter((t) => t.endsWith('SANCTIONS group:hezbollah'))).toEqual([]);
    const blew = triples(
      'Hezbollah has stores of weapons across Europe including the explosive chemical that blew up Beirut, the US government claimed.',
      'en',
    );
    expect(blew).not.toContain('group:hezbollah ATTACKS LBN');
  });
  it('reads "neither X nor Y has signed" as denied and an apposition\'s possessor as no conjunct', () => {
    const rels = extractText('Neither Vučić nor Kurti has signed the agreement on normalising relations.', {
      lang: 'en',
    }).relations.filter((r) => r.predicate === 'SIGNS_AGREEMENT');
    expect(rels.every((r) => r.modality === 'denied')).toBe(true);
    const en = triples(
      "Poland also accuses Belarus, Russia's closest ally, of pushing migrants across the border.",
      'en',
    );
    expect(en).toContain('POL CRITICIZES BLR');
    expect(en).not.toContain('POL CRITICIZES RUS');
  });
  it('reads support granted to a recipient by a granting verb ("sicherte der Ukraine Unterstützung zu")', () => {
    expect(triples('Deutschland sicherte der Ukraine am Dienstag weitere Unterstützung zu.', 'de')).toContain(
      'DEU SUPPORTS UKR',
    );
    expect(triples('Die EU sagte Moldau ihre volle Unterstützung zu.', 'de')).toContain('org:eu SUPPORTS MDA');
    const en = triples('The European Union offered Moldova its full support.', 'en');
    expect(en).toContain('org:eu SUPPORTS MDA');
    expect(en).not.toContain('MDA SUPPORTS MDA');
    // Not every verb above the noun grants it: the refused support is no relation of the refuser to its dative.
    expect(triples('Ungarn verweigerte der Ukraine die Unterstützung.', 'de')).not.toContain('HUN SUPPORTS UKR');
  });
  it('takes a bare name beside the granted noun as its recipient, and "provided X with support"', () => {
    // The tagger guesses the bare name accusative (or nominative) beside the noun granted.
    for (const text of [
      'China sicherte Russland seine Unterstützung zu.',
      'China bot Russland Unterstützung an.',
      'China sagte Russland Unterstützung zu.',
      'China leistet Russland wirtschaftliche Unterstützung.',
    ])
      expect(triples(text, 'de'), text).toContain('CHN SUPPORTS RUS');
    expect(triples('China has provided Russia with economic support.', 'en')).toContain('CHN SUPPORTS RUS');
    // Not for a verb that grants nothing: the two objects of "nennen" stay its objects.
    expect(triples('Trump nannte Putin einen Kriegsverbrecher.', 'de')).toContain(
      'person:donald-trump CRITICIZES person:vladimir-putin',
    );
  });
  it('reads support as the purpose of sending troops ("zur Unterstützung der Armee", "in support of")', () => {
    expect(triples('Nordkorea hat Tausende Soldaten zur Unterstützung der russischen Armee entsandt.', 'de')).toContain(
      'PRK SUPPORTS RUS',
    );
    expect(triples('North Korea sent thousands of troops in support of Russia.', 'en')).toContain('PRK SUPPORTS RUS');
  });
  it('reads taking sides as support ("stellte sich auf die Seite", "sided with", "stands by")', () => {
    expect(triples('Ungarn stellte sich auf die Seite Russlands.', 'de')).toContain('HUN SUPPORTS RUS');
    expect(triples('Die Türkei steht fest an der Seite Aserbaidschans.', 'de')).toContain('TUR SUPPORTS AZE');
    expect(triples('Hungary sided with Russia in the dispute over sanctions.', 'en')).toContain('HUN SUPPORTS RUS');
    expect(triples('Germany stands by Israel.', 'en')).toContain('DEU SUPPORTS ISR');
    expect(triples('France will continue to back Ukraine.', 'en')).toContain('FRA SUPPORTS UKR');
    // The adverb is no verb: coming back to a place supports no one.
    expect(withPredicate('SUPPORTS', 'Macron came back to Kyiv in May.', 'en')).toEqual([]);
  });
  it('keeps a directed parse pair over the reversed distance reading of the same sentence', () => {
    const de = triples('Frankreich will die Ukraine weiter unterstützen, sagte Macron am Montag.', 'de');
    expect(de).toContain('FRA SUPPORTS UKR');
    expect(de).not.toContain('UKR SUPPORTS person:emmanuel-macron');
  });
  it('ends a German prepositional phrase at an article after its adjective ("seit langem die Hamas")', () => {
    expect(triples('Katar unterstützt seit langem die Hamas.', 'de')).toContain('QAT SUPPORTS group:hamas');
  });
  it('takes the accused of "vorwerfen" from a bare object where no dative was parsed', () => {
    expect(triples('Der Iran warf Israel Kriegsverbrechen vor.', 'de')).toContain('IRN CRITICIZES ISR');
  });
  it('takes a place as the target of an attack, and the state where an attacked thing lies', () => {
    expect(triples('Russia attacked Kharkiv on Monday.', 'en')).toContain('RUS ATTACKS loc:kharkiv');
    expect(triples('Die RSF belagern El Fasher seit Monaten.', 'de')).toContain('group:rsf ATTACKS loc:el-fasher');
    expect(triples("Ukrainian drones hit an oil refinery in Russia's Krasnodar region.", 'en')).toContain(
      'UKR ATTACKS RUS',
    );
    expect(triples('Ukrainische Drohnen griffen eine Raffinerie in Russland an.', 'de')).toContain('UKR ATTACKS RUS');
    // A place is no party to a meeting or a sanction.
    expect(triples('Putin visited Kharkiv.', 'en').filter((t) => t.includes('loc:kharkiv'))).toEqual([]);
  });
  it("reads an attacking weapon's owner as the attacker", () => {
    expect(triples('Russian missiles hit a power plant in Ukraine.', 'en')).toContain('RUS ATTACKS UKR');
    // Through a quantity noun, and with the adjective the parser left as a bare dep.
    const wave = triples('Kyiv was hit by a wave of Russian drones overnight.', 'en');
    expect(wave).toContain('RUS ATTACKS UKR');
    expect(wave).not.toContain('UKR ATTACKS RUS');
    expect(triples('Kiew wurde in der Nacht von einer Welle russischer Drohnen getroffen.', 'de')).toContain(
      'RUS ATTACKS UKR',
    );
    expect(triples('Ein Hagel russischer Raketen traf Kiew.', 'de')).toContain('RUS ATTACKS UKR');
    expect(triples('Russische Drohnen trafen einen Nato-Stützpunkt in Polen.', 'de')).toEqual(['RUS ATTACKS org:nato']);
  });
  it('takes the owner of an attacked thing from its German hyphenated prefix ("auf einen US-Zerstörer")', () => {
    expect(triples('Die Huthi feuerten Raketen auf einen US-Zerstörer im Roten Meer ab.', 'de')).toContain(
      'group:houthis ATTACKS USA',
    );
    expect(triples('Israel griff Hisbollah-Stellungen im Südlibanon an.', 'de')).toContain(
      'ISR ATTACKS group:hezbollah',
    );
  });
  it('takes the supplier of a passive that names none from its goods ("North Korean shells were delivered")', () => {
    expect(triples('North Korean shells have been delivered to Russia by rail.', 'en')).toContain('PRK SUPPLIES RUS');
    expect(triples('Iranische Drohnen wurden an Russland geliefert.', 'de')).toContain('IRN SUPPLIES RUS');
    // An agent phrase, even one the parser hung on the recipient, names the supplier.
    const by = triples('American weapons were delivered to Ukraine by Poland.', 'en');
    expect(by).toContain('POL SUPPLIES UKR');
    expect(by).not.toContain('USA SUPPLIES UKR');
  });
  it('reads a guest received or welcomed by the tree only ("received Zelensky", not "received weapons")', () => {
    expect(triples('Macron received Zelensky at the Elysee Palace.', 'en')).toContain(
      'person:emmanuel-macron MEETS person:volodymyr-zelensky',
    );
    const en = triples('Ukraine received Patriot systems from Germany.', 'en');
    expect(en).toContain('DEU SUPPLIES UKR');
    expect(en.filter((t) => t.includes('MEETS'))).toEqual([]);
    // The distance rules never read these verbs: the one who welcomes meets nobody (the parties to the agreement do).
    const welcome = triples('Germany welcomed the agreement between Serbia and Kosovo.', 'en');
    expect(welcome.filter((t) => t.includes('MEETS') && t.includes('DEU'))).toEqual([]);
  });
  it('reads "blasted" and a protest lodged with a state as criticism', () => {
    expect(triples('Turkey blasted Sweden after the Koran burning.', 'en')).toContain('TUR CRITICIZES SWE');
    const protest = triples('Beijing lodged a protest with Tokyo over the visit.', 'en');
    expect(protest).toContain('CHN CRITICIZES JPN');
    // The visit the protest is about is nobody's meeting here: the distance rules' pair near it is vetoed.
    expect(protest).not.toContain('CHN MEETS JPN');
  });
  it('takes no English noun for a German plan word and no cause for a future ("a nuclear plant", "due to")', () => {
    const plant = extractText('Russia accused Ukraine of shelling a nuclear plant.', { lang: 'en' }).relations;
    expect(plant.find((r) => r.predicate === 'CRITICIZES')?.modality).toBe('asserted');
    const cause = extractText('Iran attacked Israel due to the killing of its general.', { lang: 'en' }).relations;
    expect(cause.find((r) => r.predicate === 'ATTACKS')?.modality).toBe('asserted');
    // The German verb still plans.
    const de = extractText('Russland plant einen Angriff auf die Ukraine.', { lang: 'de' }).relations;
    expect(de.find((r) => r.predicate === 'ATTACKS')?.modality).toBe('planned');
  });
  it('resolves a pronoun for a person to the person named before it, in its sentence or the one before', () => {
    expect(triples('Putin flew to Beijing. He met Xi there.', 'en')).toContain(
      'person:vladimir-putin MEETS person:xi-jinping',
    );
    expect(triples('Scholz reiste nach Peking, wo er Xi Jinping traf.', 'de')).toContain(
      'person:olaf-scholz MEETS person:xi-jinping',
    );
    // Two sentences without a person in between is the limit.
    const far = triples('Putin spoke in Moscow. Rain fell. The roads closed. Later he met Xi.', 'en');
    expect(far).not.toContain('person:vladimir-putin MEETS person:xi-jinping');
  });
  it('lets a German verb right after "und" share the first subject ("und traf dort Kim Jong Un")', () => {
    expect(triples('Lawrow besuchte Pjöngjang und traf dort Kim Jong Un.', 'de')).toContain(
      'person:kim-jong-un MEETS person:sergey-lavrov',
    );
  });
  it('reads blame, a protest lodged with a state and criticism coming from a state', () => {
    expect(triples('Polen machte Belarus für die Migrationskrise verantwortlich.', 'de')).toContain(
      'POL CRITICIZES BLR',
    );
    expect(triples('Peking legte bei Tokio Protest gegen den Besuch ein.', 'de')).toContain('CHN CRITICIZES JPN');
    expect(triples('Scharfe Kritik an Israel kam aus der Türkei.', 'de')).toContain('TUR CRITICIZES ISR');
    // "machen" alone blames no one.
    expect(withPredicate('CRITICIZES', 'Polen machte Belarus ein Angebot.', 'de')).toEqual([]);
  });
  it('gives a name before an office in an unknown body the state named in its genitive tail', () => {
    expect(
      triples('Li Wenbo, Sprecher des chinesischen Verteidigungsministeriums, wies die Vorwürfe zurück.', 'de'),
    ).toContain('person:li-wenbo OFFICIAL_OF CHN');
    // A body the gazetteer knows keeps the office.
    expect(
      triples('Li Wenbo, Sprecher des chinesischen Außenministeriums, sagte, die Vorwürfe seien falsch.', 'de'),
    ).toContain('person:li-wenbo OFFICIAL_OF org:chinese-foreign-ministry');
  });
  it('keeps a bare name before the verb the subject beside an article that is nominative or accusative alike', () => {
    expect(triples('Katar finanziert die Hamas seit Jahren.', 'de')).toEqual(['QAT SUPPORTS group:hamas']);
    expect(triples('Die Hamas griff Israel an.', 'de')).toContain('group:hamas ATTACKS ISR');
  });
  it('reads a state adjective as a hyphenated prefix actor and more ways of taking sides', () => {
    expect(triples('The Iranian-backed Hezbollah fired rockets.', 'en')).toContain('IRN SUPPORTS group:hezbollah');
    expect(triples('Russia has thrown its weight behind the RSF.', 'en')).toContain('RUS SUPPORTS group:rsf');
    expect(triples('Russland steht hinter Serbien.', 'de')).toContain('RUS SUPPORTS SRB');
    expect(withPredicate('SUPPORTS', 'Hinter dem Anschlag steht Russland.', 'de')).toEqual([]);
  });
  it('asserts a threat made under a verb of announcing or vowing (the threat is done, what it threatens is not)', () => {
    const rels = extractText('Trump announced the strikes and addressed a direct warning to Tehran.', { lang: 'en' })
      .relations.filter((r) => r.predicate === 'THREATENS')
      .map((r) => `${r.subject} ${r.object} ${r.modality}`);
    expect(rels).toEqual(['person:donald-trump IRN asserted']);
  });
  it('reads a relative pronoun under an adposition as the antecedent ("gegen den", "an die", "against which")', () => {
    for (const [text, want, reversed] of [
      [
        'Der Iran, gegen den die USA harte Sanktionen verhängt haben, verkauft Öl an China.',
        'USA SANCTIONS IRN',
        'IRN SANCTIONS USA',
      ],
      ['Iran, gegen den Washington Sanktionen verhängt hat, verkauft Öl.', 'USA SANCTIONS IRN', 'IRN SANCTIONS USA'],
      ['Die Ukraine, an die Deutschland Panzer geliefert hat, bittet um mehr.', 'DEU SUPPLIES UKR', 'UKR SUPPLIES DEU'],
      ['Die Ukraine, gegen die Russland einen Krieg führt, bittet um Waffen.', 'RUS ATTACKS UKR', 'UKR ATTACKS RUS'],
    ] as const) {
      const got = triples(text, 'de');
      expect(got, text).toContain(want);
      expect(got, text).not.toContain(reversed);
    }
    expect(triples('Iran, against which the US imposed sanctions, sells oil to China.', 'en')).toContain(
      'USA SANCTIONS IRN',
    );
    // A participle phrase after a comma is no relative clause.
    expect(triples('Der Brief, an die Regierung gerichtet, wurde veröffentlicht.', 'de')).toEqual([]);
    // The repair on the parser's reading of "die Deutschland" as one phrase.
    const words = [
      w('Die', 'DET', 2, 'det'),
      w('Ukraine', 'NOUN', 11, 'nsubj'),
      w(',', 'PUNCT', 8, 'punct'),
      w('an', 'ADP', 6, 'case'),
      w('die', 'DET', 6, 'det'),
      w('Deutschland', 'PROPN', 8, 'obl'),
      w('Panzer', 'NOUN', 8, 'obj'),
      w('geliefert', 'VERB', 2, 'acl'),
      w('hat', 'AUX', 8, 'aux'),
      w(',', 'PUNCT', 2, 'punct'),
      w('bittet', 'VERB', 0, 'root'),
    ];
    expect(arcs(words, 'de').slice(3, 8)).toEqual(['5:case', '8:obl', '8:nsubj', '8:obj', '2:acl']);
  });
  it('never makes the accuser the actor of the act it accuses another of, where the parse left the act unread', () => {
    const de = triples('Washington warf Peking vor, Moskau mit Drohnenteilen zu beliefern.', 'de');
    expect(de).toContain('USA CRITICIZES CHN');
    expect(de).not.toContain('USA SUPPLIES RUS');
  });
  it('reads who joins sanctions or imposes them with "belegen mit" as the one who sanctions', () => {
    expect(triples('Japan joined Western sanctions against Russia.', 'en')).toContain('JPN SANCTIONS RUS');
    expect(triples('Japan schloss sich den westlichen Sanktionen gegen Russland an.', 'de')).toContain(
      'JPN SANCTIONS RUS',
    );
    expect(triples('Washington belegte den iranischen Ölsektor mit neuen Sanktionen.', 'de')).toContain(
      'USA SANCTIONS IRN',
    );
    // The one who accuses another of destroying dialogue "with its sanctions" imposes none.
    expect(
      withPredicate('SANCTIONS', 'Sacharowa warf der EU vor, mit ihrer Sanktionswut jeden Dialog zu zerstören.', 'de'),
    ).toEqual([]);
  });
  it('reads lexicon additions: mutual defence, full membership, inking a framework, a butcher', () => {
    expect(triples('Russia and North Korea pledged to defend each other in case of attack.', 'en')).toContain(
      'PRK ALLIED_WITH RUS',
    );
    expect(
      triples('Russland und Nordkorea sicherten sich gegenseitigen Beistand im Fall eines Angriffs zu.', 'de'),
    ).toContain('PRK ALLIED_WITH RUS');
    expect(triples('Indonesien wurde im Januar Vollmitglied der Brics.', 'de')).toContain('IDN MEMBER_OF org:brics');
    expect(triples('India and the United States inked a ten-year defence framework.', 'en')).toContain(
      'IND SIGNS_AGREEMENT USA',
    );
    expect(triples('Erdogan nannte Netanjahu einen "Schlächter".', 'de')).toContain(
      'person:recep-tayyip-erdogan CRITICIZES person:benjamin-netanyahu',
    );
  });
  it('reads a phone call of a coordinated subject as a meeting ("Biden and Xi spoke by phone", "telefonierten")', () => {
    expect(triples('Biden and Xi spoke by phone on Thursday.', 'en')).toContain(
      'person:joe-biden MEETS person:xi-jinping',
    );
    expect(triples('Biden und Xi telefonierten am Donnerstag.', 'de')).toContain(
      'person:joe-biden MEETS person:xi-jinping',
    );
    // Speaking to reporters is no call.
    expect(withPredicate('MEETS', 'Biden spoke to reporters on Thursday.', 'en')).toEqual([]);
  });
  it('reads meetings with an unnamed counterpart, a conversation, a visit where the visitor arrived', () => {
    expect(triples('Lavrov hosted his Iranian counterpart in Moscow.', 'en')).toContain(
      'IRN MEETS person:sergey-lavrov',
    );
    expect(triples('Blinken telefonierte mit seinem saudischen Amtskollegen.', 'de')).toContain(
      'SAU MEETS person:antony-blinken',
    );
    expect(triples('Macron had a telephone conversation with Putin.', 'en')).toContain(
      'person:emmanuel-macron MEETS person:vladimir-putin',
    );
    expect(triples('Modi arrived in Moscow on Monday for a two-day visit.', 'en')).toContain(
      'RUS MEETS person:narendra-modi',
    );
    expect(triples('Erdogans Besuch in Bagdad war der erste seit zehn Jahren.', 'de')).toContain(
      'IRQ MEETS person:recep-tayyip-erdogan',
    );
  });
  it('gives a gerund of reason the judged object as subject ("sanctioned Iran for supplying Russia")', () => {
    const en = triples('Britain sanctioned Iran for supplying Russia with drones.', 'en');
    expect(en).toContain('IRN SUPPLIES RUS');
    expect(en).not.toContain('GBR SUPPLIES RUS');
    expect(triples('Zelensky thanked Germany for supporting Ukraine.', 'en')).toContain('DEU SUPPORTS UKR');
  });
  it('never asserts an act that is refused or blocked ("refused to send", "blocked new sanctions", "blockierte")', () => {
    const modalities = (text: string, lang: 'de' | 'en', p: string) =>
      extractText(text, { lang })
        .relations.filter((r) => r.predicate === p)
        .map((r) => r.modality);
    expect(modalities('Germany refused to send Taurus missiles to Ukraine.', 'en', 'SUPPLIES')).not.toContain(
      'asserted',
    );
    expect(modalities('Hungary blocked new EU sanctions against Russia.', 'en', 'SANCTIONS')).not.toContain('asserted');
    expect(modalities('Ungarn blockierte neue EU-Sanktionen gegen Russland.', 'de', 'SANCTIONS')).not.toContain(
      'asserted',
    );
    // The asserted twin stays asserted.
    expect(modalities('Germany sent Taurus missiles to Ukraine.', 'en', 'SUPPLIES')).toContain('asserted');
    // Holding out against an accession, and breaking off relations: neither membership nor cooperation.
    expect(triples('Ankara hatte sich gegen den Nato-Beitritt Schwedens gesperrt.', 'de')).not.toContain(
      'SWE MEMBER_OF org:nato',
    );
    expect(triples('Mali brach die diplomatischen Beziehungen zur Ukraine ab.', 'de')).toEqual([]);
    expect(triples('Mali severed diplomatic ties with Ukraine.', 'en')).toEqual([]);
    // A verb coordinated with the refusing one is an act of its own, asserted.
    expect(modalities('Hungary blocked the sanctions and supported Russia.', 'en', 'SUPPORTS')).toEqual(['asserted']);
  });
  it('reads objecting to an act and opposition to it as criticism of its actor, and "wettern gegen"', () => {
    expect(triples("Turkey objected to Sweden's membership bid.", 'en')).toContain('TUR CRITICIZES SWE');
    expect(triples("China voiced strong opposition to Japan's plan to release the water.", 'en')).toContain(
      'CHN CRITICIZES JPN',
    );
    expect(triples('Der Iran wetterte gegen Israel.', 'de')).toContain('IRN CRITICIZES ISR');
    // The opposition as a party is no criticism.
    expect(withPredicate('CRITICIZES', 'The opposition in Georgia won seats in parliament.', 'en')).toEqual([]);
  });
  it("keeps a director's title an office where the gazetteer knows the post as one (the head of the IAEA)", () => {
    expect(triples('The head of the IAEA, Rafael Grossi, warned of a nuclear accident.', 'en')).toContain(
      'person:rafael-grossi OFFICIAL_OF org:iaea',
    );
    expect(triples('IAEA-Chef Rafael Grossi warnte vor einem Atomunfall.', 'de')).toContain(
      'person:rafael-grossi OFFICIAL_OF org:iaea',
    );
  });
  it('reads a price someone will pay as a threat, and "any attack" as nobody\'s attack', () => {
    expect(triples('Iran said Israel would pay a heavy price for the attack.', 'en')).toContain('IRN THREATENS ISR');
    expect(triples('Der Iran erklärte, Israel werde einen hohen Preis für den Angriff zahlen.', 'de')).toContain(
      'IRN THREATENS ISR',
    );
    expect(withPredicate('ATTACKS', 'Moscow said it would respond to any attack on Belarus.', 'en')).toEqual([]);
    expect(
      withPredicate('ATTACKS', 'Moskau werde auf jeden Angriff auf Belarus reagieren, hieß es im Kreml.', 'de'),
    ).toEqual([]);
    // A particular attack still is one.
    expect(
      withPredicate('ATTACKS', 'Moscow said it would respond to the Ukrainian attack on Belarus.', 'en'),
    ).toContain('UKR ATTACKS BLR');
  });
  it('an act someone is ready to do is expected, and a hostile one a threat ("ready to attack", "bereit, … anzugreifen")', () => {
    const meets = extractText('Zelensky said he was ready to meet Putin.', { lang: 'en' }).relations.filter(
      (r) => r.predicate === 'MEETS',
    );
    expect(meets.map((r) => r.modality)).toEqual(['expected']);
    const en = triples('Russia is ready to attack Finland.', 'en');
    expect(en).toContain('RUS THREATENS FIN');
    expect(en).not.toContain('RUS ATTACKS FIN');
    const de = triples('Russland sei bereit, Finnland anzugreifen.', 'de');
    expect(de).toContain('RUS THREATENS FIN');
    expect(de).not.toContain('RUS ATTACKS FIN');
    expect(withPredicate('THREATENS', 'The EU is prepared to impose new sanctions on Russia.', 'en')).toEqual([
      'org:eu THREATENS RUS',
    ]);
    expect(withPredicate('THREATENS', 'China said it was ready to use force against Taiwan.', 'en')).toEqual([
      'CHN THREATENS TWN',
    ]);
    // Using force or weapons against someone is an attack; a veto is none.
    expect(withPredicate('ATTACKS', 'Russia used drones against Ukraine.', 'en')).toEqual(['RUS ATTACKS UKR']);
    expect(withPredicate('ATTACKS', 'Russland setzte Drohnen gegen die Ukraine ein.', 'de')).toEqual([
      'RUS ATTACKS UKR',
    ]);
    expect(withPredicate('ATTACKS', 'Hungary used its veto against the sanctions on Russia.', 'en')).toEqual([]);
    expect(withPredicate('ATTACKS', 'Merz setzte sich gegen die Pläne Russlands ein.', 'de')).toEqual([]);
    // Prepared as a verb with an object is no readiness: the attack was made.
    expect(withPredicate('ATTACKS', 'Ukraine prepared the attack on Russia for months.', 'en')).toEqual([
      'UKR ATTACKS RUS',
    ]);
  });
  it('an invitation to join is no membership yet', () => {
    const en = triples('NATO invited Sweden and Finland to join the alliance.', 'en');
    expect(en).toContain('org:nato INVITES SWE');
    expect(en.filter((t) => t.includes('MEMBER_OF'))).toEqual([]);
    const de = triples('Die Nato lud Schweden ein, dem Bündnis beizutreten.', 'de');
    expect(de).toContain('org:nato INVITES SWE');
    expect(de.filter((t) => t.includes('MEMBER_OF'))).toEqual([]);
    // Invited to join, with no inviter named: the organisation to be joined invites.
    expect(withPredicate('INVITES', 'Saudi Arabia was invited to join BRICS.', 'en')).toEqual([
      'org:brics INVITES SAU',
    ]);
    expect(withPredicate('INVITES', 'Schweden wurde eingeladen, der Nato beizutreten.', 'de')).toEqual([
      'org:nato INVITES SWE',
    ]);
  });
  it('takes the invitee of an invitation from the verb that accepts it, and the inviter from "came from"', () => {
    expect(triples('Xi accepted an invitation from Putin to attend the summit.', 'en')).toContain(
      'person:vladimir-putin INVITES person:xi-jinping',
    );
    expect(triples('Xi nahm eine Einladung Putins zum Gipfel an.', 'de')).toContain(
      'person:vladimir-putin INVITES person:xi-jinping',
    );
    expect(triples('The invitation to Modi came from Beijing.', 'en')).toContain('CHN INVITES person:narendra-modi');
    // Declining one is no invitation the other way round.
    expect(triples('Xi declined an invitation from Putin.', 'en')).not.toContain(
      'person:xi-jinping INVITES person:vladimir-putin',
    );
  });
  it('reads a threatened act as a threat to its target, never as the act done', () => {
    const only = (text: string, lang: 'de' | 'en') => triples(text, lang).filter((t) => !t.includes('HEAD_OF_STATE'));
    expect(only('Russia threatened to strike Kyiv with hypersonic missiles.', 'en')).toEqual(['RUS THREATENS UKR']);
    expect(only('Trump threatened to impose tariffs on Canada.', 'en')).toEqual(['person:donald-trump THREATENS CAN']);
    expect(only('Russia threatened to cut gas supplies to Moldova.', 'en')).toEqual(['RUS THREATENS MDA']);
    expect(only('Trump drohte, Zölle gegen Kanada zu verhängen.', 'de')).toEqual(['person:donald-trump THREATENS CAN']);
    // The act itself, done, stays the act.
    expect(only('Trump imposed tariffs on Canada.', 'en')).toContain('person:donald-trump SANCTIONS CAN');
  });
  it('takes no agent from the subject of a passive that names none ("Iran is accused of arming the Houthis")', () => {
    expect(withPredicate('CRITICIZES', 'Iran is accused of arming the Houthis.', 'en')).toEqual([]);
    expect(withPredicate('CRITICIZES', 'Iran has been criticised for arming the Houthis.', 'en')).toEqual([]);
    expect(withPredicate('CRITICIZES', 'Dem Iran wird vorgeworfen, die Huthi zu bewaffnen.', 'de')).toEqual([]);
    // The arming itself stays, and a named agent is the critic.
    expect(triples('Iran is accused of arming the Houthis.', 'en')).toContain('IRN SUPPLIES group:houthis');
    expect(triples('Dem Iran wird vorgeworfen, die Huthi zu bewaffnen.', 'de')).toEqual(['IRN SUPPLIES group:houthis']);
    expect(triples('Die Hamas wurde vom Iran bewaffnet.', 'de')).toEqual(['IRN SUPPLIES group:hamas']);
    expect(withPredicate('CRITICIZES', 'Iran was accused by Saudi Arabia of arming the Houthis.', 'en')).toEqual([
      'SAU CRITICIZES IRN',
    ]);
  });
  it('gives an actor noun after a linking verb the verb\'s subject ("remains Israel\'s most important backer")', () => {
    expect(triples("Washington remains Israel's most important backer.", 'en')).toEqual(['USA SUPPORTS ISR']);
    expect(triples("China has become Russia's main supplier of drones.", 'en')).toEqual(['CHN SUPPLIES RUS']);
  });
  it('reads support as standing behind, a donor, military assistance and "den Rücken stärken"', () => {
    expect(triples('Moscow stood firmly behind Belgrade.', 'en')).toEqual(['RUS SUPPORTS SRB']);
    expect(triples("Germany is Ukraine's second-largest donor.", 'en')).toEqual(['DEU SUPPORTS UKR']);
    expect(triples('Deutschland ist der größte Geldgeber der Ukraine.', 'de')).toEqual(['DEU SUPPORTS UKR']);
    expect(triples('Frankreich stärkt der Ukraine den Rücken.', 'de')).toEqual(['FRA SUPPORTS UKR']);
    expect(triples('Iran has provided military assistance to Hezbollah.', 'en')).toEqual([
      'IRN SUPPLIES group:hezbollah',
    ]);
    expect(triples('Die USA leisten der Ukraine Militärhilfe.', 'de')).toEqual(['USA SUPPLIES UKR']);
    // Strengthening one's own army, resisting: no support of anyone, and no supply.
    expect(triples('China stärkte seine Armee.', 'de')).toEqual([]);
    expect(triples('Die Ukraine leistet erbitterten Widerstand.', 'de')).toEqual([]);
  });
  it('an act suspended or halted is not done ("suspended arms exports to Israel", "setzte die Lieferungen aus")', () => {
    expect(withPredicate('SUPPLIES', 'Australia suspended arms exports to Israel.', 'en')).toEqual([]);
    expect(withPredicate('SUPPLIES', 'Germany halted weapons deliveries to Turkey.', 'en')).toEqual([]);
    expect(withPredicate('SUPPLIES', 'Deutschland setzte die Waffenlieferungen an Israel aus.', 'de')).toEqual([]);
    expect(withPredicate('SUPPLIES', 'Spanien stoppte die Waffenexporte nach Israel.', 'de')).toEqual([]);
    expect(withPredicate('SUPPLIES', 'Deutschland setzte die Waffenlieferungen an Israel fort.', 'de')).toEqual([
      'DEU SUPPLIES ISR',
    ]);
  });
  it('reads sitting down with someone as a meeting and an asset freeze as a sanction', () => {
    expect(withPredicate('MEETS', 'Lavrov sat down with Rubio in Riyadh.', 'en')).toEqual([
      'person:marco-rubio MEETS person:sergey-lavrov',
    ]);
    expect(withPredicate('MEETS', 'Putin sat in the Kremlin with his advisers.', 'en')).toEqual([]);
    expect(withPredicate('SANCTIONS', 'Britain imposed an asset freeze on Hamas leaders.', 'en')).toEqual([
      'GBR SANCTIONS group:hamas',
    ]);
  });
  it('a meeting postponed or called off is no meeting', () => {
    expect(withPredicate('MEETS', "Netanyahu's meeting with Trump was postponed.", 'en')).toEqual([]);
    expect(withPredicate('MEETS', 'Das Treffen zwischen Scholz und Xi wurde verschoben.', 'de')).toEqual([]);
    expect(withPredicate('MEETS', 'Scholz sagte seinen Besuch bei Xi in Peking ab.', 'de')).toEqual([]);
    // "sagte" without "ab" is speech, and what is postponed elsewhere leaves the meeting alone.
    expect(withPredicate('MEETS', 'Scholz sagte, er habe Xi getroffen.', 'de')).toEqual([
      'person:olaf-scholz MEETS person:xi-jinping',
    ]);
    expect(withPredicate('MEETS', 'Netanyahu met Trump after the postponed vote.', 'en')).toEqual([
      'person:benjamin-netanyahu MEETS person:donald-trump',
    ]);
  });
  it('criticises whoever did the act a definite event noun points back to ("Trump condemned the attack")', () => {
    expect(withPredicate('CRITICIZES', 'Russia attacked Kyiv on Monday. Trump condemned the attack.', 'en')).toEqual([
      'person:donald-trump CRITICIZES RUS',
    ]);
    expect(
      withPredicate('CRITICIZES', 'The US imposed sanctions on Iran. Tehran condemned the sanctions.', 'en'),
    ).toEqual(['IRN CRITICIZES USA']);
    expect(withPredicate('CRITICIZES', 'Russland griff Kiew an. Selenskyj verurteilte den Angriff.', 'de')).toEqual([
      'person:volodymyr-zelensky CRITICIZES RUS',
    ]);
    // Nobody criticises their own act, an indefinite noun points back to nothing, and two doers leave it open.
    expect(withPredicate('CRITICIZES', 'Russia attacked Kyiv on Monday. Russia condemned the attack.', 'en')).toEqual(
      [],
    );
    expect(withPredicate('CRITICIZES', 'Russia attacked Kyiv on Monday. Trump condemned an attack.', 'en')).toEqual([]);
    expect(
      withPredicate('CRITICIZES', 'Russia attacked Kyiv and Israel attacked Gaza. Trump condemned the attacks.', 'en'),
    ).toEqual([]);
    expect(
      withPredicate(
        'CRITICIZES',
        'Pakistan shot down five Indian jets. Prime Minister Shehbaz Sharif called the strikes "an act of war".',
        'en',
      ),
    ).toEqual([]);
  });
  it('reads aid and its package for whom it is ("an aid package for Ukraine", "Militärhilfe für Israel")', () => {
    expect(withPredicate('SUPPLIES', 'The EU approved a 50 billion euro aid package for Ukraine.', 'en')).toEqual([
      'org:eu SUPPLIES UKR',
    ]);
    expect(withPredicate('SUPPLIES', 'Washington announced a new security assistance package for Kyiv.', 'en')).toEqual(
      ['USA SUPPLIES UKR'],
    );
    expect(withPredicate('SUPPLIES', 'Die USA genehmigten Militärhilfe für Israel.', 'de')).toEqual([
      'USA SUPPLIES ISR',
    ]);
    expect(withPredicate('SUPPLIES', 'Die EU beschloss ein Hilfspaket für die Ukraine.', 'de')).toEqual([
      'org:eu SUPPLIES UKR',
    ]);
    // A denial keeps its claim, denied: "Russland Raketen" is the recipient and the goods, not one compound.
    const denied = extractText('Der Iran bestreitet, Russland Raketen geliefert zu haben.', { lang: 'de' }).relations;
    expect(denied.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.modality}`)).toEqual([
      'IRN SUPPLIES RUS denied',
    ]);
    // A noun that only modifies another one is still no event of its own.
    expect(withPredicate('ATTACKS', 'Iran supplied attack drones to Russia.', 'en')).toEqual([]);
  });
  it('reads clashes, exchanges of fire, downed aircraft and targeted ships as attacks', () => {
    expect(withPredicate('ATTACKS', 'Indian troops clashed with Pakistani forces along the border.', 'en')).toEqual([
      'IND ATTACKS PAK',
    ]);
    expect(withPredicate('ATTACKS', 'Indian troops exchanged fire with Pakistani forces overnight.', 'en')).toEqual([
      'IND ATTACKS PAK',
    ]);
    expect(withPredicate('ATTACKS', 'Ukraine downed 40 Russian drones overnight.', 'en')).toEqual(['UKR ATTACKS RUS']);
    expect(withPredicate('ATTACKS', 'The Houthis said they would target US ships in the Red Sea.', 'en')).toEqual([
      'group:houthis ATTACKS USA',
    ]);
    // An exchange of prisoners is none.
    expect(withPredicate('ATTACKS', 'Russia and Ukraine exchanged prisoners on Friday.', 'en')).toEqual([]);
    expect(withPredicate('ATTACKS', 'Die Ukraine schoss in der Nacht 40 russische Drohnen ab.', 'de')).toEqual([
      'UKR ATTACKS RUS',
    ]);
    expect(
      withPredicate(
        'ATTACKS',
        'Indische Truppen lieferten sich einen Schusswechsel mit pakistanischen Soldaten.',
        'de',
      ),
    ).toEqual(['IND ATTACKS PAK']);
    // "sich liefern" delivers nothing; "liefern" still does.
    expect(
      withPredicate(
        'SUPPLIES',
        'Indische Truppen lieferten sich einen Schusswechsel mit pakistanischen Soldaten.',
        'de',
      ),
    ).toEqual([]);
    expect(withPredicate('SUPPLIES', 'Der Iran liefert Russland Drohnen.', 'de')).toEqual(['IRN SUPPLIES RUS']);
  });
  it('reads helping someone as backing them ("China helped Russia evade sanctions")', () => {
    expect(withPredicate('SUPPORTS', 'China helped Russia evade Western sanctions.', 'en')).toEqual([
      'CHN SUPPORTS RUS',
    ]);
    expect(withPredicate('SUPPORTS', 'Frankreich half der Ukraine.', 'de')).toEqual(['FRA SUPPORTS UKR']);
    expect(withPredicate('SUPPORTS', 'Qatar helped broker a ceasefire between Israel and Hamas.', 'en')).toEqual([]);
    expect(withPredicate('SUPPORTS', 'Mit Hilfe Chinas umgeht Russland die Sanktionen.', 'de')).toEqual([
      'CHN SUPPORTS RUS',
    ]);
    expect(withPredicate('SUPPORTS', 'Die EU kündigte Hilfe für Syrien an.', 'de')).toEqual(['org:eu SUPPORTS SYR']);
  });
  it('points a criticism back to the doer of an act whose target named no actor ("struck a boat")', () => {
    expect(
      withPredicate(
        'CRITICIZES',
        'The United States struck a boat in the Caribbean. Colombian President Gustavo Petro condemned the strike.',
        'en',
      ),
    ).toEqual(['person:gustavo-petro CRITICIZES USA']);
    expect(
      withPredicate(
        'CRITICIZES',
        'The United States struck a boat. Foreign Minister Yvan Gil called the attack an extrajudicial execution.',
        'en',
      ),
    ).toEqual(['person:yvan-gil CRITICIZES USA']);
    expect(
      withPredicate(
        'CRITICIZES',
        'Die USA haben ein Boot in der Karibik angegriffen. Kolumbiens Präsident Petro verurteilte den Angriff.',
        'de',
      ),
    ).toEqual(['person:gustavo-petro CRITICIZES USA']);
    expect(
      withPredicate(
        'CRITICIZES',
        'A U.S. military strike on a boat killed 11 people. Colombian President Gustavo Petro described the strike as murder.',
        'en',
      ),
    ).toEqual(['person:gustavo-petro CRITICIZES USA']);
    // An act denied or only planned was not done, and two doers leave it open.
    expect(
      withPredicate('CRITICIZES', 'The United States did not strike the boat. Petro condemned the strike.', 'en'),
    ).toEqual([]);
    expect(
      withPredicate(
        'CRITICIZES',
        'The United States and Russia struck boats in the Caribbean. Petro condemned the strikes.',
        'en',
      ),
    ).toEqual([]);
  });
  it('reads criticism an actor or act draws from someone ("drew criticism from", "stieß auf Kritik der EU")', () => {
    expect(withPredicate('CRITICIZES', 'Russia drew criticism from Trump.', 'en')).toEqual([
      'person:donald-trump CRITICIZES RUS',
    ]);
    expect(withPredicate('CRITICIZES', 'Israel faced sharp criticism from Turkey.', 'en')).toEqual([
      'TUR CRITICIZES ISR',
    ]);
    expect(
      withPredicate(
        'CRITICIZES',
        'Russia attacked Kyiv on Monday. The attack drew public criticism from Donald Trump.',
        'en',
      ),
    ).toEqual(['person:donald-trump CRITICIZES RUS']);
    expect(withPredicate('CRITICIZES', 'Der russische Angriff stieß auf scharfe Kritik der EU.', 'de')).toEqual([
      'org:eu CRITICIZES RUS',
    ]);
    expect(withPredicate('CRITICIZES', 'Israel erntete scharfe Kritik aus Ankara.', 'de')).toEqual([
      'TUR CRITICIZES ISR',
    ]);
  });
  it("never takes a person for a reported clause's 'it' ('Van Hollen said it sent a message')", () => {
    const en = triples(
      'Senator Chris Van Hollen said it sent "a message that there are no strings attached to U.S. weapons."',
      'en',
    );
    expect(en.filter((t) => t.includes('SUPPLIES'))).toEqual([]);
    expect(triples('The Russian foreign ministry said it condemned the strikes by the United States.', 'en')).toContain(
      'org:russian-foreign-ministry CRITICIZES USA',
    );
  });
  it('reads a buyer of goods from a state as supplied by it ("the largest buyer of Russian oil", "Abnehmer")', () => {
    expect(withPredicate('SUPPLIES', 'China is the largest buyer of Russian oil.', 'en')).toEqual(['RUS SUPPLIES CHN']);
    expect(withPredicate('SUPPLIES', 'India, a major buyer of weapons from Russia, abstained.', 'en')).toEqual([
      'RUS SUPPLIES IND',
    ]);
    expect(withPredicate('SUPPLIES', 'China ist der wichtigste Abnehmer von russischem Öl.', 'de')).toEqual([
      'RUS SUPPLIES CHN',
    ]);
    // A buyer of no goods is no recipient.
    expect(withPredicate('SUPPLIES', 'China is the largest buyer in Russia.', 'en')).toEqual([]);
  });
  it('reads a speaker saying someone will pay for it as a threat ("Iran will pay for this", "wird dafür bezahlen")', () => {
    expect(withPredicate('THREATENS', '"Iran will pay for this," Netanyahu said.', 'en')).toEqual([
      'person:benjamin-netanyahu THREATENS IRN',
    ]);
    expect(withPredicate('THREATENS', 'Netanyahu said Iran would pay dearly.', 'en')).toEqual([
      'person:benjamin-netanyahu THREATENS IRN',
    ]);
    // "werden" + infinitive is the future, not a passive: Iran is the subject of "bezahlen".
    expect(withPredicate('THREATENS', '„Der Iran wird dafür bezahlen“, sagte Netanjahu.', 'de')).toEqual([
      'person:benjamin-netanyahu THREATENS IRN',
    ]);
    // Paying for goods is no retribution.
    expect(withPredicate('THREATENS', 'Modi said India would pay for the jets in rupees.', 'en')).toEqual([]);
    expect(withPredicate('THREATENS', 'Indien werde die Jets in Rupien bezahlen, sagte Modi.', 'de')).toEqual([]);
  });
  it('takes the subject of a German passive for the patient when the parser calls it nsubj ("wurde von X angegriffen")', () => {
    expect(triples('Kiew wurde von Russland angegriffen.', 'de')).toEqual(['RUS ATTACKS UKR']);
    expect(triples('Die Ukraine wurde am Montag von Russland mit Raketen angegriffen.', 'de')).toEqual([
      'RUS ATTACKS UKR',
    ]);
    expect(triples('Ukraine was attacked by Russia.', 'en')).toEqual(['RUS ATTACKS UKR']);
  });
  it('reads a discussion between two actors as a meeting, and never its topic as their act ("discussed the war")', () => {
    const en = triples('Lavrov and Wang Yi discussed the war in Ukraine on Tuesday.', 'en');
    expect(en).toContain('person:sergey-lavrov MEETS person:wang-yi');
    expect(en.filter((t) => t.includes('ATTACKS'))).toEqual([]);
    expect(triples('Putin discussed the war with Trump.', 'en')).toContain(
      'person:donald-trump MEETS person:vladimir-putin',
    );
    expect(triples('Putin beriet mit Xi über den Krieg.', 'de')).toContain(
      'person:vladimir-putin MEETS person:xi-jinping',
    );
    expect(triples('Lawrow und Wang Yi besprachen den Krieg.', 'de')).toContain(
      'person:sergey-lavrov MEETS person:wang-yi',
    );
    // One actor discussing a topic meets nobody.
    expect(withPredicate('MEETS', 'Russia discussed the sanctions.', 'en')).toEqual([]);
  });
  it('takes the target of an act condemned or supported for nobody\'s target ("condemned the attacks on Ukraine")', () => {
    expect(withPredicate('CRITICIZES', 'France condemned the attacks on Ukraine.', 'en')).toEqual([]);
    expect(withPredicate('CRITICIZES', "Germany criticised Russia's stance on Syria.", 'en')).toEqual([
      'DEU CRITICIZES RUS',
    ]);
    expect(withPredicate('CRITICIZES', 'Frankreich verurteilte die Angriffe auf die Ukraine.', 'de')).toEqual([]);
    expect(triples('Germany voiced support for the sanctions on Iran.', 'en')).toEqual([]);
    expect(triples('Deutschland bekundete Unterstützung für die Sanktionen gegen Russland.', 'de')).toEqual([]);
    // With no object of its own the verb's phrase is its target; support of an actor stays support.
    expect(withPredicate('CRITICIZES', 'France pushed back against the U.S. tariffs.', 'en')).toEqual([
      'FRA CRITICIZES USA',
    ]);
    expect(triples('Germany voiced support for Ukraine.', 'en')).toEqual(['DEU SUPPORTS UKR']);
  });
  it('reads sanctions a state is hit with as imposed on it, and threatened with as not imposed ("belegte Russland mit Sanktionen")', () => {
    expect(withPredicate('SANCTIONS', 'Die EU belegte Russland mit neuen Sanktionen.', 'de')).toEqual([
      'org:eu SANCTIONS RUS',
    ]);
    expect(withPredicate('SANCTIONS', 'Russland wurde von der EU mit Sanktionen belegt.', 'de')).toEqual([
      'org:eu SANCTIONS RUS',
    ]);
    expect(withPredicate('SANCTIONS', 'The US hit Iran with new sanctions.', 'en')).toEqual(['USA SANCTIONS IRN']);
    // Threatened with them, the state is threatened, not sanctioned; "überziehen" is an attack only with arms.
    expect(triples('The EU threatened Russia with sanctions.', 'en')).toEqual(['org:eu THREATENS RUS']);
    expect(triples('Die EU drohte Russland mit Sanktionen.', 'de')).toEqual(['org:eu THREATENS RUS']);
    expect(withPredicate('ATTACKS', 'Die USA überzogen den Iran mit Sanktionen.', 'de')).toEqual([]);
    expect(triples('Russland überzog die Ukraine mit Krieg.', 'de')).toEqual(['RUS ATTACKS UKR']);
  });
  it('takes the reporter of an act for no party to it, and a bare name beside a nominative subject for the dative', () => {
    // "Drohnen" is no part of the name "Russland" (goods hint), and Blinken only reports the delivery.
    expect(withPredicate('SUPPLIES', 'Der Iran werde Russland Drohnen liefern, sagte Blinken.', 'de')).toEqual([
      'IRN SUPPLIES RUS',
    ]);
    expect(withPredicate('SUPPLIES', 'Der Iran hat Russland Drohnen geliefert.', 'de')).toEqual(['IRN SUPPLIES RUS']);
    // Where the parse reads no pair, the distance rules do not take the reporter for the recipient either.
    expect(withPredicate('SUPPLIES', 'North Korea is sending troops, Zelensky said.', 'en')).toEqual([]);
    expect(withPredicate('SUPPLIES', 'Russland werde bald Waffen liefern, sagte Blinken.', 'de')).toEqual([]);
    // As the one who acts, a speaker stays a party ("said he met …").
    expect(withPredicate('MEETS', 'Zelensky said he met Erdogan in Ankara.', 'en')).toHaveLength(1);
  });
  it('reads a phone call held and hands shaken as a meeting ("held a phone call", "shook hands with")', () => {
    expect(withPredicate('MEETS', 'Putin and Xi held a phone call.', 'en')).toEqual([
      'person:vladimir-putin MEETS person:xi-jinping',
    ]);
    expect(withPredicate('MEETS', 'Modi shook hands with Sharif.', 'en')).toEqual([
      'person:narendra-modi MEETS person:shehbaz-sharif',
    ]);
    // A call for something and a shake-up are no encounter.
    expect(withPredicate('MEETS', 'Biden called on Xi to help.', 'en')).toEqual([]);
    expect(withPredicate('MEETS', 'Trump shook up his cabinet after meeting Xi.', 'en')).toHaveLength(1);
  });
  it('reads solidarity with an actor as support, and aid granted to a recipient as supplied to it', () => {
    expect(triples('France expressed solidarity with Ukraine.', 'en')).toEqual(['FRA SUPPORTS UKR']);
    expect(triples('Frankreich bekundete seine Solidarität mit der Ukraine.', 'de')).toEqual(['FRA SUPPORTS UKR']);
    expect(withPredicate('SUPPORTS', 'Macron sicherte der Ukraine die Solidarität Frankreichs zu.', 'de')).toEqual([
      'FRA SUPPORTS UKR',
    ]);
    expect(triples('Deutschland sagte der Ukraine weitere Militärhilfe zu.', 'de')).toEqual(['DEU SUPPLIES UKR']);
    // Solidarity with no actor named is nobody's support.
    expect(triples('Workers showed solidarity with the strikers.', 'en')).toEqual([]);
  });
  it('takes a noun-only trigger for a noun ("the US arms sale to Taiwan": the US sells, China only criticises)', () => {
    expect(withPredicate('SUPPLIES', 'China slammed the US arms sale to Taiwan.', 'en')).toEqual(['USA SUPPLIES TWN']);
  });
  it('reads a demand to stop or withdraw as criticism of whom it is made to, and "hit out at" as criticism', () => {
    expect(triples('Germany urged Russia to withdraw its troops.', 'en')).toEqual(['DEU CRITICIZES RUS']);
    expect(triples('Germany called on Russia to end the war.', 'en')).toEqual(['DEU CRITICIZES RUS']);
    expect(triples('Poland demanded that Belarus stop the flights.', 'en')).toEqual(['POL CRITICIZES BLR']);
    expect(triples('Deutschland forderte Russland auf, die Angriffe einzustellen.', 'de')).toEqual([
      'DEU CRITICIZES RUS',
    ]);
    expect(triples('China lashed out at Japan.', 'en')).toEqual(['CHN CRITICIZES JPN']);
    // A demand to do something else criticises nobody, and a missile hitting is an attack.
    expect(triples('Ukraine urged its allies to supply more Patriot systems.', 'en')).toEqual([]);
    expect(triples('China urged both sides to exercise restraint.', 'en')).toEqual([]);
    expect(triples('Russian missiles hit Kyiv.', 'en')).toEqual(['RUS ATTACKS UKR']);
  });
  it('reads a vow of revenge and a warning of a response as threats ("schwor Rache an Israel", "warnte vor einer Antwort")', () => {
    expect(triples('Der Iran schwor Rache an Israel.', 'de')).toEqual(['IRN THREATENS ISR']);
    expect(triples('Die Hisbollah schwor Vergeltung gegen Israel.', 'de')).toEqual(['group:hezbollah THREATENS ISR']);
    expect(triples('Russland warnte die Ukraine vor einer Antwort.', 'de')).toEqual(['RUS THREATENS UKR']);
    // An oath of office threatens no one.
    expect(triples('Der Minister schwor den Amtseid.', 'de')).toEqual([]);
  });
  it('takes the place right after an attacked thing for the target, wherever the parser hung it ("traf ein Krankenhaus in Charkiw")', () => {
    expect(triples('Eine russische Drohne traf ein Krankenhaus in Charkiw.', 'de')).toEqual([
      'RUS ATTACKS loc:kharkiv',
    ]);
    expect(triples('A Russian drone struck a hospital in Kharkiv.', 'en')).toEqual(['RUS ATTACKS loc:kharkiv']);
  });
  it('reads support received, held or thanked for as given to the receiver ("received support from Britain")', () => {
    expect(triples('Ukraine received military support from Britain.', 'en')).toEqual(['GBR SUPPORTS UKR']);
    expect(triples('Die Ukraine erhielt Unterstützung von Großbritannien.', 'de')).toEqual(['GBR SUPPORTS UKR']);
    expect(triples('Armenia enjoys the backing of France.', 'en')).toEqual(['FRA SUPPORTS ARM']);
    expect(triples('Ukraine thanked Britain for its support.', 'en')).toEqual(['GBR SUPPORTS UKR']);
    // Support received from nobody named is nobody's.
    expect(triples('Ukraine received support.', 'en')).toEqual([]);
  });
  it('reads an annexation as an attack on the annexed land\'s state ("die Annexion der ukrainischen Krim durch Russland")', () => {
    expect(triples('Die Annexion der ukrainischen Halbinsel Krim durch Russland verstärkte die Sorge.', 'de')).toEqual([
      'RUS ATTACKS UKR',
    ]);
    expect(triples('Russland annektierte 2014 die Krim.', 'de')).toEqual(['RUS ATTACKS loc:crimea']);
    expect(triples("Russia's annexation of Crimea alarmed Poland.", 'en')).toEqual(['RUS ATTACKS loc:crimea']);
  });
  it('reads a zu-infinitive of a separable verb as its verb, controlled like an xcomp ("plant, Israel anzugreifen")', () => {
    const moods = (text: string, lang: 'de' | 'en') =>
      extractText(text, { lang }).relations.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.modality}`);
    expect(moods('Der Iran plant, Israel anzugreifen.', 'de')).toEqual(['IRN ATTACKS ISR planned']);
    expect(moods('Russland drohte, in die Ukraine einzumarschieren.', 'de')).toEqual(['RUS THREATENS UKR asserted']);
    expect(moods('Russland marschierte in die Ukraine ein.', 'de')).toEqual(['RUS ATTACKS UKR asserted']);
  });
  it('reads a negated plan noun as negating its infinitive ("had no plans to meet Zelensky")', () => {
    const asserted = (text: string, lang: 'de' | 'en') =>
      extractText(text, { lang })
        .relations.filter((r) => r.predicate === 'MEETS' && r.modality !== 'denied')
        .map((r) => `${r.subject} ${r.object} ${r.modality}`);
    expect(asserted('Putin had no plans to meet Zelensky.', 'en')).toEqual([]);
    expect(asserted('Putin habe keine Pläne, Selenskyj zu treffen.', 'de')).toEqual([]);
    expect(asserted('Putin has plans to meet Zelensky.', 'en')).toEqual([
      'person:vladimir-putin person:volodymyr-zelensky planned',
    ]);
  });
  it('reads a hyphened participle as describing its noun, only "-led" as acting through it ("US-made missiles hit Russia")', () => {
    expect(triples('US-made missiles hit Russia.', 'en')).toEqual([]);
    expect(triples('Iran-backed militias attacked US bases in Iraq.', 'en')).toEqual([]);
    expect(triples('Iran-backed Houthis attacked ships.', 'en')).toEqual(['IRN SUPPORTS group:houthis']);
    expect(triples('The Saudi-led coalition struck Yemen.', 'en')).toEqual(['SAU ATTACKS YEM']);
  });
  it('reads a German dative the parser hung backwards on the object noun as a genitive ("der Ukraine Unterstützung")', () => {
    const words = [
      w('Frankreich', 'PROPN', 2, 'nsubj'),
      w('sagte', 'VERB', 0, 'root'),
      w('der', 'DET', 4, 'det'),
      w('Ukraine', 'PROPN', 5, 'nmod'),
      w('Unterstützung', 'NOUN', 2, 'obl:arg'),
      w('zu', 'ADP', 2, 'compound:prt'),
      w('.', 'PUNCT', 2, 'punct'),
    ];
    const out = repairedWords(words, MODEL.syntaxLexicons, 'de');
    expect(out.map((x) => `${x.head}:${x.deprel}`)[3]).toBe('2:iobj');
    // A genitive after its noun stays the noun's.
    const after = repairedWords(
      [
        w('Die', 'DET', 2, 'det'),
        w('Unterstützung', 'NOUN', 5, 'nsubj'),
        w('der', 'DET', 4, 'det'),
        w('Ukraine', 'PROPN', 2, 'nmod'),
        w('wächst', 'VERB', 0, 'root'),
      ],
      MODEL.syntaxLexicons,
      'de',
    );
    expect(after[3]).toMatchObject({ head: 2, deprel: 'nmod' });
    expect(triples('Frankreich sagte der Ukraine Unterstützung zu.', 'de')).toEqual(['FRA SUPPORTS UKR']);
    expect(triples('Frankreich hat der Ukraine Unterstützung zugesagt.', 'de')).toEqual(['FRA SUPPORTS UKR']);
  });
  it('reads a travel verb with a direct object as another verb ("flog Luftangriffe", "flew airstrikes")', () => {
    expect(withPredicate('ATTACKS', 'Israel flog Luftangriffe auf den Iran.', 'de')).toEqual(['ISR ATTACKS IRN']);
    expect(withPredicate('ATTACKS', 'US jets flew airstrikes against the Houthis.', 'en')).toEqual([
      'USA ATTACKS group:houthis',
    ]);
    expect(withPredicate('MEETS', 'Putin flew to Beijing to meet Xi.', 'en')).toContain(
      'person:vladimir-putin MEETS person:xi-jinping',
    );
  });
  it('repairs a hyphened participle the parser made the root ("US-made missiles hit Russia")', () => {
    // The parser's tree: "made" root, "missiles" the subject of "hit", "hit" an xcomp of "made".
    const words = [
      w('US', 'PROPN', 3, 'nsubj'),
      w('-', 'PUNCT', 1, 'punct'),
      w('made', 'VERB', 0, 'root'),
      w('missiles', 'NOUN', 5, 'nsubj'),
      w('hit', 'VERB', 3, 'xcomp'),
      w('Russia', 'PROPN', 5, 'obj'),
      w('.', 'PUNCT', 3, 'punct'),
    ];
    const out = repairedWords(words, MODEL.syntaxLexicons, 'en');
    expect(out.map((x) => `${x.head}:${x.deprel}`)).toEqual([
      '3:nsubj',
      '1:punct',
      '4:amod',
      '5:nsubj',
      '0:root',
      '5:obj',
      '5:punct',
    ]);
  });
  it('counts an actor noun\'s subject among its kind ("one of Ukraine\'s strongest supporters", "gehört zu den …", "gilt als …")', () => {
    expect(triples("Britain is one of Ukraine's strongest supporters.", 'en')).toEqual(['GBR SUPPORTS UKR']);
    expect(triples('Qatar is seen as a backer of Hamas.', 'en')).toEqual(['QAT SUPPORTS group:hamas']);
    expect(triples('Polen gehört zu den größten Unterstützern der Ukraine.', 'de')).toEqual(['POL SUPPORTS UKR']);
    expect(triples('Katar gilt als Unterstützer der Hamas.', 'de')).toEqual(['QAT SUPPORTS group:hamas']);
    expect(triples('Polen zählt zu den engsten Verbündeten der Ukraine.', 'de')).toEqual(['POL ALLIED_WITH UKR']);
  });
  it('reads summoning a state\'s envoy as criticism of that state ("summoned the Russian ambassador", "bestellte … ein")', () => {
    expect(triples('Germany summoned the Russian ambassador over the cyberattack.', 'en')).toEqual([
      'DEU CRITICIZES RUS',
    ]);
    expect(triples("Poland summoned Belarus's envoy.", 'en')).toEqual(['POL CRITICIZES BLR']);
    expect(triples('Deutschland bestellte den russischen Botschafter ein.', 'de')).toEqual(['DEU CRITICIZES RUS']);
    expect(triples('Polen hat den Botschafter von Belarus einbestellt.', 'de')).toEqual(['POL CRITICIZES BLR']);
    // Summoning anyone else, and ordering, is no protest.
    expect(triples('Germany summoned Russian experts to Berlin.', 'en')).toEqual([]);
    expect(triples('Deutschland bestellte russisches Gas.', 'de')).toEqual([]);
  });
  it('reads killing a leader and targeting a warship as attacks, the bare name first as the subject ("Israel tötete Hamas-Chef X")', () => {
    const attacks = (text: string, lang: 'de' | 'en') => withPredicate('ATTACKS', text, lang);
    expect(attacks('Israel killed Hamas leader Ismail Haniyeh in Tehran.', 'en')).toEqual([
      'ISR ATTACKS person:ismail-haniyeh',
    ]);
    expect(attacks('Israel tötete Hamas-Chef Ismail Hanija in Teheran.', 'de')).toEqual([
      'ISR ATTACKS person:ismail-haniyeh',
    ]);
    expect(attacks('The Houthis targeted a US warship in the Red Sea.', 'en')).toEqual(['group:houthis ATTACKS USA']);
    // A killing without an attacker named is none.
    expect(attacks('The earthquake killed the village leader.', 'en')).toEqual([]);
  });
  it('reads an act a prospect noun governs as not done ("the threat of a Russian invasion", "die Gefahr eines Angriffs")', () => {
    expect(triples('The threat of a Russian invasion of Ukraine worried Poland.', 'en')).toEqual([]);
    expect(triples('Fears of an Iranian attack on Israel grew.', 'en')).toEqual([]);
    expect(withPredicate('ATTACKS', 'Medvedev raised the prospect of nuclear strikes on Kyiv.', 'en')).toEqual([]);
    expect(triples('Die Gefahr eines russischen Angriffs auf Polen wächst.', 'de')).toEqual([]);
    expect(triples("Russia's attack on Ukraine continued.", 'en')).toEqual(['RUS ATTACKS UKR']);
  });
  it('reads an attack in words as criticism ("griff Merz scharf an", "sharply attacked")', () => {
    expect(withPredicate('CRITICIZES', 'Scholz griff Merz im Bundestag scharf an.', 'de')).toEqual([
      'person:olaf-scholz CRITICIZES person:friedrich-merz',
    ]);
    expect(withPredicate('ATTACKS', 'Scholz griff Merz im Bundestag scharf an.', 'de')).toEqual([]);
    expect(withPredicate('CRITICIZES', 'Erdogan sharply attacked Israel.', 'en')).toEqual([
      'person:recep-tayyip-erdogan CRITICIZES ISR',
    ]);
    expect(withPredicate('ATTACKS', 'Erdogan sharply attacked Israel.', 'en')).toEqual([]);
    expect(triples('Russland griff die Ukraine mit Drohnen an.', 'de')).toEqual(['RUS ATTACKS UKR']);
  });
  it('takes "traf" with missiles for an attack, never a meeting ("Russland traf die Ukraine mit Raketen")', () => {
    expect(triples('Russland traf die Ukraine mit Raketen.', 'de')).toEqual(['RUS ATTACKS UKR']);
    expect(withPredicate('MEETS', 'Xi traf Putin in Moskau.', 'de')).toEqual([
      'person:vladimir-putin MEETS person:xi-jinping',
    ]);
  });
  it('reads a judging noun a verb of speaking of names as criticism of its doer ("sprach von einer Provokation der Nato")', () => {
    expect(triples('Moskau sprach von einer Provokation der Nato.', 'de')).toEqual(['RUS CRITICIZES org:nato']);
    expect(triples('Moscow spoke of a provocation by NATO.', 'en')).toEqual(['RUS CRITICIZES org:nato']);
    expect(withPredicate('CRITICIZES', 'Moscow spoke of talks with NATO.', 'en')).toEqual([]);
    // A German compound of a judging word judges too ("Kriegsverbrechen", "Völkerrechtsbruch").
    expect(withPredicate('CRITICIZES', 'Selenskyj sprach von einem russischen Kriegsverbrechen.', 'de')).toEqual([
      'person:volodymyr-zelensky CRITICIZES RUS',
    ]);
  });
  it('reads a warning against an act as a threat, the act as not done ("warnte Russland davor, … anzugreifen")', () => {
    const only = (text: string) => triples(text, 'de').filter((t) => !t.includes('HEAD_OF'));
    expect(only('Merkel warnte Russland davor, die Ukraine anzugreifen.')).toEqual([
      'person:angela-merkel THREATENS RUS',
    ]);
    expect(only('Putin warnte den Westen davor, Truppen in die Ukraine zu schicken.')).toEqual([
      'person:vladimir-putin THREATENS org:the-west',
    ]);
    expect(only('Experten warnten davor, dass die Preise steigen.')).toEqual([]);
  });
  it('reads a joint press conference and a guest of someone as meetings', () => {
    expect(withPredicate('MEETS', 'Zelensky and Macron held a joint press conference.', 'en')).toEqual([
      'person:emmanuel-macron MEETS person:volodymyr-zelensky',
    ]);
    expect(withPredicate('MEETS', 'Scholz und Macron gaben eine gemeinsame Pressekonferenz.', 'de')).toEqual([
      'person:emmanuel-macron MEETS person:olaf-scholz',
    ]);
    expect(withPredicate('MEETS', 'Xi was the guest of Putin in the Kremlin.', 'en')).toEqual([
      'person:vladimir-putin MEETS person:xi-jinping',
    ]);
    // A press conference of one, and a hotel's guests, meet nobody.
    expect(withPredicate('MEETS', 'Macron held a press conference with reporters in Paris.', 'en')).toEqual([]);
  });
  it('reads a person travelling to a state as a visit, never troops or a return home ("Xi flew to Moscow")', () => {
    expect(withPredicate('MEETS', 'Xi flew to Moscow on Monday.', 'en')).toEqual(['RUS MEETS person:xi-jinping']);
    expect(withPredicate('MEETS', 'Xi ist in Moskau eingetroffen.', 'de')).toEqual(['RUS MEETS person:xi-jinping']);
    expect(withPredicate('MEETS', 'Russian troops arrived in Belarus.', 'en')).toEqual([]);
    expect(withPredicate('MEETS', 'Putin flew back to Moscow after the summit.', 'en')).toEqual([]);
  });
  it('reads two bare names around a German verb subject first ("Polen machte Russland … verantwortlich")', () => {
    // The parser's tree: "Polen" read as a plural noun, the object; "Russland" the subject.
    const words = [
      w('Polen', 'NOUN', 2, 'obj'),
      w('machte', 'VERB', 0, 'root'),
      { ...w('Russland', 'PROPN', 2, 'nsubj'), feats: 'Case=Nom|Number=Sing' },
      w('verantwortlich', 'ADJ', 2, 'xcomp'),
    ];
    expect(labels(words, 'de')).toEqual(['nsubj', 'root', 'obj', 'xcomp']);
    // An article shows the object put first: it stays.
    const marked = [
      w('Den', 'DET', 2, 'det'),
      w('Iran', 'PROPN', 3, 'obj'),
      w('kritisierte', 'VERB', 0, 'root'),
      w('Israel', 'PROPN', 3, 'nsubj'),
    ];
    expect(labels(marked, 'de')).toEqual(['det', 'obj', 'root', 'nsubj']);
    expect(withPredicate('CRITICIZES', 'Polen machte Russland für den Anschlag verantwortlich.', 'de')).toEqual([
      'POL CRITICIZES RUS',
    ]);
  });
  it('reads an English participle of feeling after "be" as the adjective ("Peru was outraged by …")', () => {
    expect(triples("Peru was outraged by Bolivia's decision to expel its ambassador.", 'en')).toEqual([
      'PER CRITICIZES BOL',
    ]);
    expect(triples("Russia was angered by NATO's expansion.", 'en')).toEqual(['RUS CRITICIZES org:nato']);
    // A passive of an act keeps its agent.
    expect(triples('Peru was attacked by Bolivia.', 'en')).toEqual(['BOL ATTACKS PER']);
  });
  it('reads putting someone on a sanctions list as sanctioning them, also where the list hangs on the object', () => {
    expect(triples("The EU added Russia's central bank to its sanctions list.", 'en')).toEqual([
      'org:eu SANCTIONS RUS',
    ]);
    expect(triples('Peru was added to the US sanctions list.', 'en')).toEqual(['USA SANCTIONS PER']);
    expect(triples('Die EU setzte die russische Zentralbank auf ihre Sanktionsliste.', 'de')).toEqual([
      'org:eu SANCTIONS RUS',
    ]);
    expect(triples('Die USA setzten mehrere chinesische Firmen auf die schwarze Liste.', 'de')).toEqual([
      'USA SANCTIONS CHN',
    ]);
    // Other lists sanction nobody.
    expect(triples('Peru published a list of its demands to Bolivia.', 'en')).toEqual([]);
    expect(triples('Peru setzte Bolivien auf die Liste der Teilnehmer.', 'de')).toEqual([]);
  });
  it('never reads the case of a German passive agent as its role ("von den USA": dative under "von")', () => {
    expect(triples('Bolivien wurde von den USA auf die Sanktionsliste gesetzt.', 'de')).toEqual(['USA SANCTIONS BOL']);
    expect(triples('Die Ukraine wurde von den USA mit Waffen beliefert.', 'de')).toEqual(['USA SUPPLIES UKR']);
    expect(
      withPredicate('INVITES', 'Putin wurde von der chinesischen Regierung nach Peking eingeladen.', 'de'),
    ).toEqual(['CHN INVITES person:vladimir-putin']);
  });
  it('reads "ausrüsten mit" with a supplied good as a supply, and "beliefern/versorgen mit" also in the passive', () => {
    expect(triples('Die Bundesregierung rüstet die Ukraine mit Panzern aus.', 'de')).toEqual(['DEU SUPPLIES UKR']);
    expect(triples('Die Ukraine wird von den USA mit Munition versorgt.', 'de')).toEqual(['USA SUPPLIES UKR']);
    expect(triples('Peru rüstet seine Armee mit neuen Panzern aus.', 'de')).toEqual([]);
  });
  it('reads a German name in -s before an adjective and noun as the possessor ("Indiens größter Waffenlieferant")', () => {
    // The parser's tree: "Indiens" a second subject of "bleibt", the noun its object.
    const words = [
      w('Russland', 'PROPN', 2, 'nsubj'),
      w('bleibt', 'VERB', 0, 'root'),
      w('Indiens', 'PROPN', 2, 'nsubj'),
      w('größter', 'ADJ', 5, 'amod'),
      w('Waffenlieferant', 'NOUN', 2, 'obj'),
    ];
    const out = repairedWords(words, MODEL.syntaxLexicons, 'de');
    expect(out[2]).toMatchObject({ head: 5, deprel: 'nmod:poss' });
    expect(triples('Russland bleibt Indiens größter Waffenlieferant.', 'de')).toEqual(['RUS SUPPLIES IND']);
    // The name as the head of an "als" phrase with the noun below it.
    expect(triples('China gilt als Pakistans wichtigster Unterstützer.', 'de')).toEqual(['CHN SUPPORTS PAK']);
    // A common noun in -s before an adjective that is no superlative starts a genitive after it.
    const after = repairedWords(
      [
        w('Peru', 'PROPN', 2, 'nsubj'),
        w('kauft', 'VERB', 0, 'root'),
        w('Autos', 'NOUN', 2, 'obj'),
        w('deutscher', 'ADJ', 5, 'amod'),
        w('Hersteller', 'NOUN', 3, 'nmod'),
      ],
      MODEL.syntaxLexicons,
      'de',
    );
    expect(after[2]).toMatchObject({ head: 2, deprel: 'obj' });
  });
  it('reads "be" before an -ing form as the progressive, not a passive ("said Moscow was mocking peace efforts")', () => {
    const words = [
      w('Moscow', 'PROPN', 3, 'nsubj:pass'),
      w('was', 'AUX', 3, 'aux:pass'),
      w('mocking', 'VERB', 0, 'root'),
      w('efforts', 'NOUN', 3, 'obj'),
    ];
    expect(labels(words, 'en')).toEqual(['nsubj', 'aux', 'root', 'obj']);
    expect(triples('The US said Moscow was mocking peace efforts.', 'en')).toEqual(['USA CRITICIZES RUS']);
    expect(triples('The US said Moscow was destabilising the region.', 'en')).toEqual(['USA CRITICIZES RUS']);
    // "being" is the passive's own -ing auxiliary.
    const passive = [
      w('Kyiv', 'PROPN', 4, 'nsubj:pass'),
      w('was', 'AUX', 4, 'aux'),
      w('being', 'AUX', 4, 'aux:pass'),
      w('shelled', 'VERB', 0, 'root'),
    ];
    expect(labels(passive, 'en')).toEqual(['nsubj:pass', 'aux', 'aux:pass', 'root']);
  });
  it('reads protesting to someone ("protestierte bei China") and a breach of law as criticism', () => {
    expect(triples('Japan protestierte bei China gegen das Eindringen.', 'de')).toEqual(['JPN CRITICIZES CHN']);
    expect(triples('Die Ukraine protestierte in Kiew.', 'de')).toEqual([]);
    expect(
      triples(
        'Der iranische Außenminister bezeichnete den israelischen Angriff als Verstoß gegen das Völkerrecht.',
        'de',
      ),
    ).toEqual(['IRN CRITICIZES ISR']);
  });
  it('takes a denial the tree puts above a claim over a hedge near it, and no denial from another clause', () => {
    const claims = (text: string) =>
      extractText(text, { lang: 'en' }).relations.map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.modality}`);
    expect(claims('Tehran rejected reports that it had sent missiles to Russia.')).toEqual(['IRN SUPPLIES RUS denied']);
    expect(claims('China insists it has not provided lethal aid to Russia.')).toEqual(['CHN SUPPLIES RUS denied']);
    expect(claims('Iran, which denied that it had sent drones, was criticised by Russia.')).toEqual([
      'RUS CRITICIZES IRN asserted',
    ]);
  });
  it('reads "according to" as the adposition of its phrase, the source of the claim', () => {
    // The parser's tree: "according" a conjunction on "United", read as a verb; the phrase a parataxis.
    const words = [
      w('Iran', 'PROPN', 2, 'nsubj'),
      w('supplied', 'VERB', 0, 'root'),
      w('drones', 'NOUN', 2, 'obj'),
      w(',', 'PUNCT', 2, 'punct'),
      w('according', 'VERB', 7, 'cc'),
      w('to', 'ADP', 5, 'fixed'),
      w('United', 'VERB', 9, 'amod'),
      w('Nations', 'PROPN', 9, 'compound'),
      w('experts', 'NOUN', 2, 'parataxis'),
    ];
    expect(arcs(words, 'en').slice(4)).toEqual(['9:case', '5:fixed', '9:amod', '9:compound', '2:obl']);
    const r = extractText(
      'Iran has long supplied the Houthis with missile and drone components, according to United Nations experts and Western governments, though it denies arming the rebels.',
      { lang: 'en' },
    ).relations.find((x) => x.predicate === 'SUPPLIES');
    expect(r?.modality).toBe('reported');
  });
  it('reads a weapons package for someone, and a German arms sale or export named by its compound, as a supply', () => {
    expect(triples('Washington announced a new $400 million weapons package for Kyiv.', 'en')).toEqual([
      'USA SUPPLIES UKR',
    ]);
    expect(triples('Das US-Außenministerium genehmigte einen Waffenverkauf an Taiwan.', 'de')).toEqual([
      'org:us-state-department SUPPLIES TWN',
    ]);
    expect(triples('Deutschland genehmigte Rüstungsexporte nach Israel.', 'de')).toEqual(['DEU SUPPLIES ISR']);
    // Exports of nothing named supply no one.
    expect(triples('Deutschland steigerte seine Exporte nach China.', 'de')).toEqual([]);
  });
  it('splits a noun phrase the parser built around "of" + gerund ("accused Islamabad of harbouring terrorists")', () => {
    const words = [
      w('Delhi', 'PROPN', 2, 'nsubj'),
      w('accused', 'VERB', 0, 'root'),
      w('Islamabad', 'PROPN', 6, 'compound'),
      w('of', 'SCONJ', 5, 'mark'),
      w('harbouring', 'VERB', 6, 'amod'),
      w('terrorists', 'NOUN', 2, 'obj'),
    ];
    expect(arcs(words, 'en')).toEqual(['2:nsubj', '0:root', '2:obj', '5:mark', '2:advcl', '5:obj']);
    expect(triples('New Delhi accused Islamabad of harbouring terrorists.', 'en')).toEqual(['IND CRITICIZES PAK']);
  });
  it('reads a German compass compound of a state as a place in it ("griff Nordisrael an", "in der Ostukraine")', () => {
    expect(withPredicate('ATTACKS', 'Die Hisbollah griff Nordisrael an.', 'de')).toEqual([
      'group:hezbollah ATTACKS loc:northern-israel',
    ]);
    expect(withPredicate('ATTACKS', 'Russland griff Ziele in der Ostukraine an.', 'de')).toEqual([
      'RUS ATTACKS loc:eastern-ukraine',
    ]);
  });
  it('reads der/die/das before a noun in a verb-final clause after a comma as the relative pronoun ("Der Iran, der Russland … beliefert")', () => {
    // The parser's tree: "das Russland Granaten" one phrase joined to "Nordkorea", "liefert" the root.
    const words = [
      w('Nordkorea', 'PROPN', 6, 'nsubj'),
      w(',', 'PUNCT', 5, 'punct'),
      w('das', 'DET', 5, 'det'),
      w('Russland', 'PROPN', 5, 'dep'),
      w('Granaten', 'PROPN', 1, 'conj'),
      w('liefert', 'VERB', 0, 'root'),
      w(',', 'PUNCT', 6, 'punct'),
      w('schweigt', 'VERB', 6, 'xcomp'),
    ];
    expect(arcs(words, 'de')).toEqual([
      '8:nsubj',
      '5:punct',
      '6:nsubj',
      '6:iobj',
      '6:obj',
      '1:acl',
      '8:punct',
      '0:root',
    ]);
    expect(
      withPredicate('SUPPLIES', 'Der Iran, der Russland Drohnen geliefert hat, bestreitet jede Beteiligung.', 'de'),
    ).toEqual(['IRN SUPPLIES RUS']);
    expect(withPredicate('SUPPLIES', 'China kritisierte die USA, die Taiwan Waffen liefern.', 'de')).toEqual([
      'USA SUPPLIES TWN',
    ]);
    // An infinitive clause's article stays one.
    expect(withPredicate('SUPPLIES', 'Peru versprach, die Waffen an Bolivien zu liefern.', 'de')).toEqual([
      'PER SUPPLIES BOL',
    ]);
  });
});
