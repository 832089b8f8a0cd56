// Tests of the round-2 role and argument rules: deputies, armed-group offices, bare offices resolved through the
// gazetteer, apposed genitive roles, organisation-subject membership, own-side pairs. Sentences written for geokg.

import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.js';

type Triple = [string, string, string];
const triples = (text: string, lang: 'de' | 'en') =>
  extractText(text, { lang }).relations.map((r) => [r.subject, r.predicate, r.object] as Triple);

describe('roles (round 2)', () => {
  it('a deputy is an official of the state, never its head', () => {
    const t = triples('Der russische Vize-Präsident Sergej Lawrow reiste nach Minsk.', 'de');
    expect(t).toContainEqual(['person:sergey-lavrov', 'OFFICIAL_OF', 'RUS']);
    expect(t).not.toContainEqual(['person:sergey-lavrov', 'HEAD_OF_STATE', 'RUS']);
  });

  it('a leader of an armed group is its official', () => {
    expect(triples('Israel tötete Hisbollah-Chef Hassan Nasrallah in Beirut.', 'de')).toContainEqual([
      'person:hassan-nasrallah',
      'OFFICIAL_OF',
      'group:hezbollah',
    ]);
  });

  it('a bare office next to a known person takes the state from the gazetteer, only when it is unique', () => {
    expect(
      triples('Defense Secretary Pete Hegseth said the strikes would continue against Iran.', 'en'),
    ).toContainEqual(['person:pete-hegseth', 'OFFICIAL_OF', 'USA']);
    // An unknown person with a bare office: no guess.
    const t = triples('Defense Secretary John Doemann said the strikes would continue against Iran.', 'en');
    expect(t.filter((x) => x[1] === 'OFFICIAL_OF')).toEqual([]);
  });

  it('a state in a compound with "Experte" is the topic, not the nationality', () => {
    const t = triples(
      '„Das ist begrenzt“, sagte der Iran-Experte Cornelius Adebahr von der Denkfabrik Carnegie Europe.',
      'de',
    );
    expect(t).not.toContainEqual(['person:cornelius-adebahr', 'CITIZEN_OF', 'IRN']);
    expect(t.some((x) => x[0] === 'person:cornelius-adebahr' && x[1] === 'AFFILIATED_WITH')).toBe(true);
  });

  it('a genitive role tail with an apposed name: "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa,"', () => {
    const t = triples(
      'Die Sprecherin des russischen Außenministeriums, Maria Sacharowa, kritisierte die EU scharf.',
      'de',
    );
    const office = t.find((x) => x[0] === 'person:maria-zakharova' && x[1] === 'OFFICIAL_OF');
    expect(['RUS', 'org:russian-foreign-ministry']).toContain(office?.[2]);
    expect(
      triples('Der Sprecher des Außenministeriums in Teheran, Esmaeil Baghaei, kritisierte die EU.', 'de'),
    ).toContainEqual(['person:esmaeil-baghaei', 'OFFICIAL_OF', 'IRN']);
  });
});

describe('arguments (round 2)', () => {
  it('a parenthesised abbreviation and a long list subject keep the membership', () => {
    const t = triples(
      'Mali, Burkina Faso und Tschad haben sich im Mai 2024 zur Allianz der Sahelstaaten (AES) zusammengeschlossen, einem Pakt.',
      'de',
    );
    expect(t).toEqual(
      expect.arrayContaining([
        ['MLI', 'MEMBER_OF', 'org:aes'],
        ['BFA', 'MEMBER_OF', 'org:aes'],
        ['TCD', 'MEMBER_OF', 'org:aes'],
      ]),
    );
  });

  it('an organisation as grammatical subject of a membership verb is the container', () => {
    expect(triples('Die NATO nahm Finnland im April 2023 als 31. Mitglied auf.', 'de')).toContainEqual([
      'FIN',
      'MEMBER_OF',
      'org:nato',
    ]);
  });

  it('the person heading an English subject noun phrase acts, and "spoke with" is a meeting', () => {
    const t = triples('U.S. Secretary of State Marco Rubio spoke with Ukrainian Foreign Minister Andrii Sybiha.', 'en');
    expect(t).toContainEqual(['person:andrii-sybiha', 'MEETS', 'person:marco-rubio']);
  });

  it('a person is never paired with their own state', () => {
    const t = triples(
      'Venezuelan President Nicolas Maduro met Venezuela’s military leaders and Cuba’s president.',
      'en',
    );
    expect(t).not.toContainEqual(['person:nicolas-maduro', 'MEETS', 'VEN']);
    expect(t).not.toContainEqual(['VEN', 'MEETS', 'person:nicolas-maduro']);
  });

  it('does not split a sentence after a German ordinal', () => {
    const r = extractText('Finnland war im April 2023 als 31. Mitglied der NATO beigetreten.', { lang: 'de' });
    expect(r.relations.find((x) => x.predicate === 'MEMBER_OF')?.subject).toBe('FIN');
  });

  it('a condemned statement "aus X" names its author as the target', () => {
    expect(triples('Südkoreas Regierung verurteilte die Erklärung aus Pjöngjang scharf.', 'de')).toContainEqual([
      'KOR',
      'CRITICIZES',
      'PRK',
    ]);
  });

  it('an event noun stands for the agent of the latest such act in an earlier sentence', () => {
    const t = triples(
      'Die Europäische Union verhängte im Mai neue Sanktionen gegen Russland. Ungarns Außenminister Péter Szijjártó kritisierte die Sanktionen als nutzlos.',
      'de',
    );
    expect(t).toContainEqual(['person:peter-szijjarto', 'CRITICIZES', 'org:eu']);
    expect(t).not.toContainEqual(['HUN', 'CRITICIZES', 'person:peter-szijjarto']);
  });

  it('the name apposed after a role and its complement holds the role, of the state a genitive names', () => {
    expect(
      triples("Brazil's ambassador to the United Nations, Ana Ruiz, said the resolution was a mistake.", 'en'),
    ).toContainEqual(['person:ana-ruiz', 'OFFICIAL_OF', 'BRA']);
    // "to Russia" is where the office is held, not whose it is.
    const to = triples("Germany's ambassador to Russia, Ana Ruiz, met officials.", 'en');
    expect(to).toContainEqual(['person:ana-ruiz', 'OFFICIAL_OF', 'DEU']);
    expect(to).not.toContainEqual(['person:ana-ruiz', 'OFFICIAL_OF', 'RUS']);
    expect(
      triples(
        'Der Sprecher des argentinischen Außenministeriums, Tomás Vidal, sagte, man werde nicht teilnehmen.',
        'de',
      ),
    ).toContainEqual(['person:tomas-vidal', 'OFFICIAL_OF', 'ARG']);
  });

  it('a clause after a role is no complement, and a reported clause after the comma is no apposition', () => {
    const clause = triples('The head of the delegation met officials on Friday in Doha, Ana Ruiz said.', 'en');
    expect(clause.filter((x) => x[0] === 'person:ana-ruiz' && x[1] === 'OFFICIAL_OF')).toEqual([]);
    const reported = triples(
      'Kim Jong Un sei krank. Zuvor hatte der Sicherheitsberater der südkoreanischen Regierung am Sonntag gesagt, Kim lebe.',
      'de',
    );
    expect(reported.filter((x) => x[1] === 'OFFICIAL_OF' && x[2] === 'KOR')).toEqual([]);
  });

  it("a state body between the state and the role keeps the state ('Nigerian army spokesman')", () => {
    const t = triples(
      'Chilean Ambassador Pedro Rios called for calm. Nigerian army spokesman Onyema Nwachukwu said troops repelled the attack.',
      'en',
    );
    expect(t).toContainEqual(['person:onyema-nwachukwu', 'OFFICIAL_OF', 'NGA']);
    expect(t).not.toContainEqual(['person:onyema-nwachukwu', 'OFFICIAL_OF', 'CHL']);
    expect(
      triples('"This is unacceptable," said Tomas Novak, a spokesman for the Czech foreign ministry.', 'en'),
    ).toContainEqual(['person:tomas-novak', 'OFFICIAL_OF', 'CZE']);
  });

  it("a German genitive of a surname is no English name ('Admiral Hans Keller' is not Han Zheng)", () => {
    const t = triples('Admiral Hans Keller, the head of the German navy, warned China.', 'en');
    expect(t.filter((x) => x[0] === 'person:han-zheng')).toEqual([]);
  });

  it("a title's state guessed from the sentence before yields to a state the sentence gives", () => {
    const t = triples(
      "Nigeria protested against the visit of the delegation. Admiral Hans Keller, Germany's defence minister, said the navy would sail.",
      'en',
    );
    expect(t.filter((x) => x[0] === 'person:hans-keller' && x[2] === 'NGA')).toEqual([]);
  });

  it("an unknown name apposed to a possessed role is the office holder ('Kwame Osei, Ghana's defence minister,')", () => {
    expect(triples("Kwame Osei, Ghana's defence minister, visited the troops.", 'en')).toContainEqual([
      'person:kwame-osei',
      'OFFICIAL_OF',
      'GHA',
    ]);
  });

  it("an organisation's official is its official ('Hamas official Basem Naim', 'Hamas-Funktionär')", () => {
    expect(triples('Hamas official Basem Naim told Reuters the group would not disarm.', 'en')).toContainEqual([
      'person:basem-naim',
      'OFFICIAL_OF',
      'group:hamas',
    ]);
    expect(
      triples('Hamas-Funktionär Basem Naim sagte, die Gruppe werde ihre Waffen nicht abgeben.', 'de'),
    ).toContainEqual(['person:basem-naim', 'OFFICIAL_OF', 'group:hamas']);
  });

  it('an undated text gives a person the latest office only when that is a state office', () => {
    const t = triples('EU foreign policy chief Kaja Kallas said Europe would respond.', 'en');
    expect(t).toContainEqual(['person:kaja-kallas', 'OFFICIAL_OF', 'org:eu']);
    expect(t.filter((x) => x[0] === 'person:kaja-kallas' && x[2] === 'EST')).toEqual([]);
    // Offices taken the same year: the state's is what the person is known as.
    expect(triples('Mahmoud Abbas met Blinken in Ramallah.', 'en')).toContainEqual([
      'person:mahmoud-abbas',
      'HEAD_OF_STATE',
      'PSE',
    ]);
  });

  it("an ambassador at an organisation named in the compound serves the state ('Der russische UN-Botschafter')", () => {
    const t = triples('Der russische UN-Botschafter Wassili Nebensja sprach von einer Provokation.', 'de');
    expect(t).toContainEqual(['person:vassily-nebenzia', 'OFFICIAL_OF', 'RUS']);
    expect(t).not.toContainEqual(['person:vassily-nebenzia', 'OFFICIAL_OF', 'org:un']);
    expect(triples('Die US-Nato-Botschafterin Julianne Smith sagte, das Bündnis sei geeint.', 'de')).toContainEqual([
      'person:julianne-smith',
      'OFFICIAL_OF',
      'USA',
    ]);
  });

  it('keeps a military rank out of the name and reads the office across it', () => {
    const en = triples('Colonel Ahmed Saleh, a spokesman for the Sudanese army, denied the report.', 'en');
    expect(en).toEqual([['person:ahmed-saleh', 'OFFICIAL_OF', 'org:sudanese-armed-forces']]);
    const de = triples('Oberst Ahmed Saleh, Sprecher der sudanesischen Armee, wies den Bericht zurück.', 'de');
    expect(de).toEqual([['person:ahmed-saleh', 'OFFICIAL_OF', 'org:sudanese-armed-forces']]);
    expect(
      triples('Israeli army spokesman Lieutenant Colonel Nadav Shoshani said the strike hit a depot.', 'en'),
    ).toContainEqual(['person:nadav-shoshani', 'OFFICIAL_OF', 'org:idf']);
    // "The Sudanese army" is the organisation (once also a metonym of Sudan, which left it unrecognised).
    expect(triples('The Sudanese army attacked the RSF.', 'en')).toContainEqual([
      'org:sudanese-armed-forces',
      'ATTACKS',
      'group:rsf',
    ]);
  });
  it('ties an unknown person to the state of an office apposed around the name, in either order', () => {
    const office = (text: string, lang: 'de' | 'en') =>
      triples(text, lang).filter(([, p]) => p === 'OFFICIAL_OF' || p === 'CITIZEN_OF');
    expect(office('Walter Astudillo, the Peruvian defence minister, said the talks would continue.', 'en')).toEqual([
      ['person:walter-astudillo', 'OFFICIAL_OF', 'PER'],
    ]);
    // The office says more than the citizenship.
    expect(
      office('Walter Astudillo, der peruanische Verteidigungsminister, sagte, die Gespräche gingen weiter.', 'de'),
    ).toEqual([['person:walter-astudillo', 'OFFICIAL_OF', 'PER']]);
    expect(office('Walter Astudillo, Perus Verteidigungsminister, sagte, die Gespräche gingen weiter.', 'de')).toEqual([
      ['person:walter-astudillo', 'OFFICIAL_OF', 'PER'],
    ]);
    expect(
      office(
        'Der stellvertretende Außenminister Boliviens, Fernando Huanacuni, sagte, Peru habe die Grenze geschlossen.',
        'de',
      ),
    ).toEqual([['person:fernando-huanacuni', 'OFFICIAL_OF', 'BOL']]);
    expect(office('A spokesman for the Chilean foreign ministry, Tomás Vidal, said Chile backed Peru.', 'en')).toEqual([
      ['person:tomas-vidal', 'OFFICIAL_OF', 'CHL'],
    ]);
    // A state named after "to" is where the office is held, and a writer is only a citizen.
    expect(office('The envoy to Peru, Ana Ruiz, said the vote was fair.', 'en')).toEqual([]);
    expect(
      office('Walter Astudillo, der peruanische Schriftsteller, sagte, die Gespräche gingen weiter.', 'de'),
    ).toEqual([['person:walter-astudillo', 'CITIZEN_OF', 'PER']]);
  });
  it('gives a bare office the body that spoke in the sentence before ("…, the State Department said. Official X said")', () => {
    const office = (text: string, lang: 'de' | 'en') => triples(text, lang).filter(([, p]) => p === 'OFFICIAL_OF');
    expect(
      office(
        'Hezbollah moved ammonium nitrate through Belgium and France, the State Department said. Counter-terrorism official Nathan Sales said Hezbollah had smuggled it.',
        'en',
      ),
    ).toEqual([['person:nathan-sales', 'OFFICIAL_OF', 'org:us-state-department']]);
    expect(
      office(
        'Die Gespräche würden fortgesetzt, sagte das russische Außenministerium. Sprecher Iwan Petrow sagte, Moskau sei bereit.',
        'de',
      ),
    ).toEqual([['person:iwan-petrow', 'OFFICIAL_OF', 'org:russian-foreign-ministry']]);
  });
  it('gives a person\'s spokesperson the state that person holds office in ("Boric\'s spokeswoman", "Sprecherin von Boric")', () => {
    const office = (text: string, lang: 'de' | 'en') =>
      triples(text, lang).filter(([x, p]) => p === 'OFFICIAL_OF' && x === 'person:camila-vallejo');
    const want = [['person:camila-vallejo', 'OFFICIAL_OF', 'CHL']];
    expect(office("Boric's spokeswoman, Camila Vallejo, said the visit was a success.", 'en')).toEqual(want);
    expect(office('A spokeswoman for Boric, Camila Vallejo, said the visit was a success.', 'en')).toEqual(want);
    expect(office('Die Sprecherin von Boric, Camila Vallejo, sagte, der Besuch sei ein Erfolg.', 'de')).toEqual(want);
    expect(office('Borics Sprecherin Camila Vallejo sagte, der Besuch sei ein Erfolg.', 'de')).toEqual(want);
  });
  it('reads the head of a state\'s body and a title after the comma as a state office ("the head of Peru\'s armed forces, X")', () => {
    const office = (text: string, lang: 'de' | 'en') => triples(text, lang).filter(([, p]) => p === 'OFFICIAL_OF');
    const want = [['person:manuel-gomez', 'OFFICIAL_OF', 'PER']];
    expect(office("The head of Peru's armed forces, Manuel Gómez, said the troops were ready.", 'en')).toEqual(want);
    expect(
      office('Der Chef der peruanischen Streitkräfte, Manuel Gómez, sagte, die Truppen seien bereit.', 'de'),
    ).toEqual(want);
    expect(office("The commander of Peru's army, General Manuel Gómez, said the troops were ready.", 'en')).toEqual(
      want,
    );
    expect(office('Perus Armeechef, General Manuel Gómez, sagte, die Truppen seien bereit.', 'de')).toEqual(want);
    expect(office('Ecuadors Botschafter in Peru, Luis Andrade, wurde einbestellt.', 'de')).toEqual([
      ['person:luis-andrade', 'OFFICIAL_OF', 'ECU'],
    ]);
    expect(office('Perus Außenminister, Elmer Schialer, sagte, die Gespräche gingen weiter.', 'de')).toEqual([
      ['person:elmer-schialer', 'OFFICIAL_OF', 'PER'],
    ]);
    expect(office('Juan Moreno, the head of the Peruvian army, said the troops were ready.', 'en')).toEqual([
      ['person:juan-moreno', 'OFFICIAL_OF', 'PER'],
    ]);
    // The head of a body that is no state's holds no state office.
    expect(office('The head of the Peruvian Red Cross, Manuel Gómez, said the troops were ready.', 'en')).toEqual([]);
  });
  it('reads an office with a modifier between the state and the role ("Peru\'s deputy foreign minister", "top general")', () => {
    const office = (text: string) => triples(text, 'en').filter(([, p]) => p === 'OFFICIAL_OF');
    const want = [['person:juan-moreno', 'OFFICIAL_OF', 'PER']];
    expect(office("Juan Moreno, Peru's deputy foreign minister, said the talks went well.")).toEqual(want);
    expect(office("Juan Moreno, Peru's top general, said the troops were ready.")).toEqual(want);
    expect(office("Peru's top general Juan Moreno said the troops were ready.")).toEqual(want);
    // A possessed thing that is no office makes nobody an official.
    expect(office("Juan Moreno, Peru's new border policy, was criticised.")).toEqual([]);
  });
  it('ties a leader, chief or spokesman to an armed group or body named after the role or before it', () => {
    const office = (text: string, lang: 'de' | 'en') => triples(text, lang).filter(([, p]) => p === 'OFFICIAL_OF');
    const hezbollah = [['person:abu-karim', 'OFFICIAL_OF', 'group:hezbollah']];
    expect(office('Abu Karim, the leader of Hezbollah, said the group would respond.', 'en')).toEqual(hezbollah);
    expect(office('Abu Karim, the Hezbollah leader, said the group would respond.', 'en')).toEqual(hezbollah);
    expect(office('Abu Karim, der Anführer der Hisbollah, sagte, die Gruppe werde antworten.', 'de')).toEqual(
      hezbollah,
    );
    expect(office('Hamas political chief Abu Karim said the talks had failed.', 'en')).toEqual([
      ['person:abu-karim', 'OFFICIAL_OF', 'group:hamas'],
    ]);
    expect(office('Jan Berg, the NATO secretary general, said the alliance was united.', 'en')).toEqual([
      ['person:jan-berg', 'OFFICIAL_OF', 'org:nato'],
    ]);
    // A chief of no named body, and a state's chief of an unnamed body, hold no office the text states.
    expect(office('Police chief John Smith said the talks had failed.', 'en')).toEqual([]);
  });
});
