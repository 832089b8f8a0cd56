// Each parse rule and valency frame on written sentences with hand-built UD trees (German and English): the rule
// logic is tested on exact trees here, independent of the trained parser's accuracy.

import { describe, expect, it } from 'vitest';
import { asserted, fromTree, triples, type Triple } from './helpers.js';

interface Case {
  name: string;
  lang: 'de' | 'en';
  text: string;
  tree: string;
  want: Triple[];
  not?: Triple[];
}

const CASES: Case[] = [
  {
    name: 'a seat PP hung on the verb between subject and verb still names the state',
    lang: 'en',
    text: 'The government in Kyiv condemned Russia.',
    tree: 'The/DET/2/det government/NOUN/5/nsubj in/ADP/4/case Kyiv/PROPN/5/obl condemned/VERB/0/root Russia/PROPN/5/obj ./PUNCT/5/punct',
    want: [['UKR', 'CRITICIZES', 'RUS']],
  },
  {
    name: "a by-phrase hung on an active verb after its object is the act's agent",
    lang: 'en',
    text: 'Russia condemned the use of force by Israel.',
    tree: 'Russia/PROPN/2/nsubj condemned/VERB/0/root the/DET/4/det use/NOUN/2/obj of/ADP/6/case force/NOUN/4/nmod by/ADP/8/case Israel/PROPN/2/obl ./PUNCT/2/punct',
    want: [['RUS', 'CRITICIZES', 'ISR']],
  },
  {
    name: "a frame oblique hung on the object counts as the verb's (liefern an)",
    lang: 'de',
    text: 'Iran lieferte Drohnen an Russland.',
    tree: 'Iran/PROPN/2/nsubj lieferte/VERB/0/root Drohnen/NOUN/2/obj an/ADP/5/case Russland/PROPN/3/nmod ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'a complement clause with its own auxiliary keeps the reporter out',
    lang: 'de',
    text: 'Wie CNN berichtete, hat Iran Drohnen an Russland geliefert.',
    tree: 'Wie/ADV/3/advmod CNN/PROPN/3/nsubj berichtete/VERB/0/root ,/PUNCT/10/punct hat/AUX/10/aux Iran/PROPN/7/nmod Drohnen/NOUN/10/obj an/ADP/9/case Russland/PROPN/10/obl geliefert/VERB/3/ccomp ./PUNCT/3/punct',
    want: [],
    not: [['org:cnn', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'liefern an + Dat (verb frame)',
    lang: 'de',
    text: 'Iran lieferte Drohnen an Russland.',
    tree: 'Iran/PROPN/2/nsubj lieferte/VERB/0/root Drohnen/NOUN/2/obj an/ADP/5/case Russland/PROPN/2/obl ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'supply X to Y (verb frame)',
    lang: 'en',
    text: 'Iran supplied drones to Russia.',
    tree: 'Iran/PROPN/2/nsubj supplied/VERB/0/root drones/NOUN/2/obj to/ADP/5/case Russia/PROPN/2/obl ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'beliefern + Akk mit + Dat, passive with vom',
    lang: 'de',
    text: 'Russland wurde vom Iran mit Drohnen beliefert.',
    tree: 'Russland/PROPN/7/nsubj:pass wurde/AUX/7/aux:pass vom/ADP/4/case Iran/PROPN/7/obl:agent mit/ADP/6/case Drohnen/NOUN/7/obl beliefert/VERB/0/root ./PUNCT/7/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
    not: [['RUS', 'SUPPLIES', 'IRN']],
  },
  {
    name: 'supply Y with X (frame with requires)',
    lang: 'en',
    text: 'Iran supplied Russia with drones.',
    tree: 'Iran/PROPN/2/nsubj supplied/VERB/0/root Russia/PROPN/2/obj with/ADP/5/case drones/NOUN/2/obl ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'passive with by-agent',
    lang: 'en',
    text: 'Drones were supplied to Russia by Iran.',
    tree: 'Drones/NOUN/3/nsubj:pass were/AUX/3/aux:pass supplied/VERB/0/root to/ADP/5/case Russia/PROPN/3/obl by/ADP/7/case Iran/PROPN/3/obl:agent ./PUNCT/3/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
    not: [['RUS', 'SUPPLIES', 'IRN']],
  },
  {
    name: 'relative clause: the antecedent is the subject',
    lang: 'en',
    text: 'Russia relies on Iran, which supplies drones to Moscow.',
    tree: 'Russia/PROPN/2/nsubj relies/VERB/0/root on/ADP/4/case Iran/PROPN/2/obl ,/PUNCT/7/punct which/PRON/7/nsubj supplies/VERB/4/acl:relcl drones/NOUN/7/obj to/ADP/10/case Moscow/PROPN/7/obl ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'Relativsatz, Verb am Ende',
    lang: 'de',
    text: 'Russland setzt auf den Iran, der Drohnen an Moskau liefert.',
    tree: 'Russland/PROPN/2/nsubj setzt/VERB/0/root auf/ADP/5/case den/DET/5/det/Case=Acc Iran/PROPN/2/obl ,/PUNCT/11/punct der/PRON/11/nsubj/PronType=Rel Drohnen/NOUN/11/obj an/ADP/10/case Moskau/PROPN/11/obl liefert/VERB/5/acl:relcl ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'separable verb (griff … an) and a shared subject over coordinated verbs',
    lang: 'de',
    text: 'Russland griff die Ukraine an und bedrohte Polen.',
    tree: 'Russland/PROPN/2/nsubj griff/VERB/0/root die/DET/4/det Ukraine/PROPN/2/obj an/ADP/2/compound:prt und/CCONJ/7/cc bedrohte/VERB/2/conj Polen/PROPN/7/obj ./PUNCT/2/punct',
    want: [
      ['RUS', 'ATTACKS', 'UKR'],
      ['RUS', 'THREATENS', 'POL'],
    ],
  },
  {
    name: 'shared subject over coordinated verbs',
    lang: 'en',
    text: 'Russia attacked Ukraine and threatened Poland.',
    tree: 'Russia/PROPN/2/nsubj attacked/VERB/0/root Ukraine/PROPN/2/obj and/CCONJ/5/cc threatened/VERB/2/conj Poland/PROPN/5/obj ./PUNCT/2/punct',
    want: [
      ['RUS', 'ATTACKS', 'UKR'],
      ['RUS', 'THREATENS', 'POL'],
    ],
  },
  {
    name: 'coordinated subjects distribute',
    lang: 'de',
    text: 'Iran und Nordkorea liefern Waffen an Russland.',
    tree: 'Iran/PROPN/4/nsubj und/CCONJ/3/cc Nordkorea/PROPN/1/conj liefern/VERB/0/root Waffen/NOUN/4/obj an/ADP/7/case Russland/PROPN/4/obl ./PUNCT/4/punct',
    want: [
      ['IRN', 'SUPPLIES', 'RUS'],
      ['PRK', 'SUPPLIES', 'RUS'],
    ],
  },
  {
    name: 'event noun with coordinated compound imposers: three SANCTIONS',
    lang: 'en',
    text: 'Russia welcomed the lifting of EU, U.S. and British sanctions on Iran.',
    tree: 'Russia/PROPN/2/nsubj welcomed/VERB/0/root the/DET/4/det lifting/NOUN/2/obj of/ADP/11/case EU/PROPN/11/compound ,/PUNCT/8/punct U.S./PROPN/6/conj and/CCONJ/10/cc British/ADJ/6/conj sanctions/NOUN/4/nmod on/ADP/13/case Iran/PROPN/11/nmod ./PUNCT/2/punct',
    want: [
      ['org:eu', 'SANCTIONS', 'IRN'],
      ['USA', 'SANCTIONS', 'IRN'],
      ['GBR', 'SANCTIONS', 'IRN'],
    ],
  },
  {
    name: 'Sanktionen gegen + light verb subject',
    lang: 'de',
    text: 'Die EU verhängte neue Sanktionen gegen den Iran.',
    tree: 'Die/DET/2/det EU/PROPN/3/nsubj verhängte/VERB/0/root neue/ADJ/5/amod Sanktionen/NOUN/3/obj gegen/ADP/8/case den/DET/8/det Iran/PROPN/5/nmod ./PUNCT/3/punct',
    want: [['org:eu', 'SANCTIONS', 'IRN']],
  },
  {
    name: "possessive event noun: Russia's invasion of Ukraine",
    lang: 'en',
    text: "Poland condemned Russia's invasion of Ukraine.",
    tree: "Poland/PROPN/2/nsubj condemned/VERB/0/root Russia/PROPN/5/nmod:poss 's/PART/3/case invasion/NOUN/2/obj of/ADP/7/case Ukraine/PROPN/5/nmod ./PUNCT/2/punct",
    want: [
      ['RUS', 'ATTACKS', 'UKR'],
      ['POL', 'CRITICIZES', 'RUS'],
    ],
  },
  {
    name: 'event noun with by-agent: the attack by Ecuador on Peru',
    lang: 'en',
    text: 'The attack by Ecuador on Peru shocked the region.',
    tree: 'The/DET/2/det attack/NOUN/7/nsubj by/ADP/4/case Ecuador/PROPN/2/nmod on/ADP/6/case Peru/PROPN/2/nmod shocked/VERB/0/root the/DET/9/det region/NOUN/7/obj ./PUNCT/7/punct',
    want: [['ECU', 'ATTACKS', 'PER']],
  },
  {
    name: 'Invasion der Ukraine: genitive object, possessive agent',
    lang: 'de',
    text: 'Russlands Invasion der Ukraine begann im Februar.',
    tree: 'Russlands/PROPN/2/nmod:poss Invasion/NOUN/5/nsubj der/DET/4/det/Case=Gen Ukraine/PROPN/2/nmod begann/VERB/0/root im/ADP/7/case Februar/PROPN/5/obl ./PUNCT/5/punct',
    want: [['RUS', 'ATTACKS', 'UKR']],
  },
  {
    name: 'Mit Unterstützung Chiles …: genitive supporter, host clause subject supported',
    lang: 'de',
    text: 'Mit Unterstützung Chiles eroberte Peru die Stadt.',
    tree: 'Mit/ADP/2/case Unterstützung/NOUN/4/obl Chiles/PROPN/2/nmod eroberte/VERB/0/root Peru/PROPN/4/nsubj die/DET/7/det Stadt/NOUN/4/obj ./PUNCT/4/punct',
    want: [['CHL', 'SUPPORTS', 'PER']],
  },
  {
    name: 'copular clause with an actor noun: Verbündeter',
    lang: 'de',
    text: 'Chile ist Perus engster Verbündeter.',
    tree: 'Chile/PROPN/5/nsubj ist/AUX/5/cop Perus/PROPN/5/nmod engster/ADJ/5/amod Verbündeter/NOUN/0/root ./PUNCT/5/punct',
    want: [['CHL', 'ALLIED_WITH', 'PER']],
  },
  {
    name: 'copular clause with an actor noun: ally',
    lang: 'en',
    text: "Chile is Peru's closest ally.",
    tree: "Chile/PROPN/6/nsubj is/AUX/6/cop Peru/PROPN/6/nmod:poss 's/PART/3/case closest/ADJ/6/amod ally/NOUN/0/root ./PUNCT/6/punct",
    want: [['CHL', 'ALLIED_WITH', 'PER']],
  },
  {
    name: 'apposed actor noun: Chile, a close ally of Peru, …',
    lang: 'en',
    text: 'Chile, a close ally of Peru, criticized Bolivia.',
    tree: 'Chile/PROPN/9/nsubj ,/PUNCT/5/punct a/DET/5/det close/ADJ/5/amod ally/NOUN/1/appos of/ADP/7/case Peru/PROPN/5/nmod ,/PUNCT/5/punct criticized/VERB/0/root Bolivia/PROPN/9/obj ./PUNCT/9/punct',
    want: [
      ['CHL', 'ALLIED_WITH', 'PER'],
      ['CHL', 'CRITICIZES', 'BOL'],
    ],
  },
  {
    name: 'Dem Iran wirft Israel vor: dative decides the target even when labelled subject',
    lang: 'de',
    text: 'Dem Iran wirft Israel vor, Raketen zu liefern.',
    tree: 'Dem/DET/2/det/Case=Dat Iran/PROPN/3/nsubj wirft/VERB/0/root Israel/PROPN/3/nsubj vor/ADP/3/compound:prt ,/PUNCT/9/punct Raketen/NOUN/9/obj zu/PART/9/mark liefern/VERB/3/xcomp ./PUNCT/3/punct',
    want: [['ISR', 'CRITICIZES', 'IRN']],
    not: [['IRN', 'CRITICIZES', 'ISR']],
  },
  {
    name: 'accuse X of Y: the accused acts in the gerund',
    lang: 'en',
    text: 'Washington accused Beijing of supporting Moscow.',
    tree: 'Washington/PROPN/2/nsubj accused/VERB/0/root Beijing/PROPN/2/obj of/SCONJ/5/mark supporting/VERB/2/advcl Moscow/PROPN/5/obj ./PUNCT/2/punct',
    want: [
      ['USA', 'CRITICIZES', 'CHN'],
      ['CHN', 'SUPPORTS', 'RUS'],
    ],
    not: [['USA', 'SUPPORTS', 'RUS']],
  },
  {
    name: 'drohen + Dat',
    lang: 'de',
    text: 'Nordkorea drohte Südkorea mit Vergeltung.',
    tree: 'Nordkorea/PROPN/2/nsubj drohte/VERB/0/root Südkorea/PROPN/2/iobj mit/ADP/5/case Vergeltung/NOUN/2/obl ./PUNCT/2/punct',
    want: [['PRK', 'THREATENS', 'KOR']],
  },
  {
    name: 'threaten X with Y',
    lang: 'en',
    text: 'North Korea threatened South Korea with retaliation.',
    tree: 'North/PROPN/2/compound Korea/PROPN/3/nsubj threatened/VERB/0/root South/PROPN/5/compound Korea/PROPN/3/obj with/ADP/7/case retaliation/NOUN/3/obl ./PUNCT/3/punct',
    want: [['PRK', 'THREATENS', 'KOR']],
  },
  {
    name: 'einladen, separable (lud … ein)',
    lang: 'de',
    text: 'China lud Russland zu einem Gipfel ein.',
    tree: 'China/PROPN/2/nsubj lud/VERB/0/root Russland/PROPN/2/obj zu/ADP/6/case einem/DET/6/det Gipfel/NOUN/2/obl ein/ADP/2/compound:prt ./PUNCT/2/punct',
    want: [['CHN', 'INVITES', 'RUS']],
  },
  {
    name: 'invite',
    lang: 'en',
    text: 'China invited Russia to the summit.',
    tree: 'China/PROPN/2/nsubj invited/VERB/0/root Russia/PROPN/2/obj to/ADP/6/case the/DET/6/det summit/NOUN/2/obl ./PUNCT/2/punct',
    want: [['CHN', 'INVITES', 'RUS']],
  },
  {
    name: 'treffen (symmetric, object)',
    lang: 'de',
    text: 'Putin traf Xi Jinping in Moskau.',
    tree: 'Putin/PROPN/2/nsubj traf/VERB/0/root Xi/PROPN/2/obj Jinping/PROPN/3/flat in/ADP/6/case Moskau/PROPN/2/obl ./PUNCT/2/punct',
    want: [['person:vladimir-putin', 'MEETS', 'person:xi-jinping']],
  },
  {
    name: 'meet with',
    lang: 'en',
    text: 'Putin met with Xi Jinping in Moscow.',
    tree: 'Putin/PROPN/2/nsubj met/VERB/0/root with/ADP/4/case Xi/PROPN/2/obl Jinping/PROPN/4/flat in/ADP/7/case Moscow/PROPN/2/obl ./PUNCT/2/punct',
    want: [['person:vladimir-putin', 'MEETS', 'person:xi-jinping']],
  },
  {
    name: 'unterzeichnen with coordinated subjects (symmetric pair)',
    lang: 'de',
    text: 'China und Russland unterzeichneten ein Abkommen.',
    tree: 'China/PROPN/4/nsubj und/CCONJ/3/cc Russland/PROPN/1/conj unterzeichneten/VERB/0/root ein/DET/6/det Abkommen/NOUN/4/obj ./PUNCT/4/punct',
    want: [['CHN', 'SIGNS_AGREEMENT', 'RUS']],
  },
  {
    name: 'sign an agreement with Y (path obj/nmod)',
    lang: 'en',
    text: 'China signed an agreement with Russia.',
    tree: 'China/PROPN/2/nsubj signed/VERB/0/root an/DET/4/det agreement/NOUN/2/obj with/ADP/6/case Russia/PROPN/4/nmod ./PUNCT/2/punct',
    want: [['CHN', 'SIGNS_AGREEMENT', 'RUS']],
  },
  {
    name: 'kritisieren',
    lang: 'de',
    text: 'China kritisierte Japan scharf.',
    tree: 'China/PROPN/2/nsubj kritisierte/VERB/0/root Japan/PROPN/2/obj scharf/ADV/2/advmod ./PUNCT/2/punct',
    want: [['CHN', 'CRITICIZES', 'JPN']],
  },
  {
    name: 'criticise',
    lang: 'en',
    text: 'China sharply criticised Japan.',
    tree: 'China/PROPN/3/nsubj sharply/ADV/3/advmod criticised/VERB/0/root Japan/PROPN/3/obj ./PUNCT/3/punct',
    want: [['CHN', 'CRITICIZES', 'JPN']],
  },
  {
    name: 'sanktionieren + Akk',
    lang: 'de',
    text: 'Die USA sanktionierten Venezuela.',
    tree: 'Die/DET/2/det USA/PROPN/3/nsubj sanktionierten/VERB/0/root Venezuela/PROPN/3/obj ./PUNCT/3/punct',
    want: [['USA', 'SANCTIONS', 'VEN']],
  },
  {
    name: 'impose sanctions on (governor oblique)',
    lang: 'en',
    text: 'The United States imposed sanctions on Venezuela.',
    tree: 'The/DET/3/det United/PROPN/3/compound States/PROPN/4/nsubj imposed/VERB/0/root sanctions/NOUN/4/obj on/ADP/7/case Venezuela/PROPN/4/obl ./PUNCT/4/punct',
    want: [['USA', 'SANCTIONS', 'VEN']],
  },
  {
    name: 'unterstützen; verb-final subordinate clause',
    lang: 'de',
    text: 'Berlin sagte, dass Frankreich die Ukraine unterstützt.',
    tree: 'Berlin/PROPN/2/nsubj sagte/VERB/0/root ,/PUNCT/8/punct dass/SCONJ/8/mark Frankreich/PROPN/8/nsubj die/DET/7/det Ukraine/PROPN/8/obj unterstützt/VERB/2/ccomp ./PUNCT/2/punct',
    want: [['FRA', 'SUPPORTS', 'UKR']],
    not: [['DEU', 'SUPPORTS', 'UKR']],
  },
  {
    name: 'attributive participle with von: die vom Iran unterstützten Huthi',
    lang: 'de',
    text: 'Israel griff die vom Iran unterstützten Huthi an.',
    tree: 'Israel/PROPN/2/nsubj griff/VERB/0/root die/DET/7/det vom/ADP/5/case Iran/PROPN/6/obl unterstützten/ADJ/7/amod Huthi/PROPN/2/obj an/ADP/2/compound:prt ./PUNCT/2/punct',
    want: [
      ['IRN', 'SUPPORTS', 'group:houthis'],
      ['ISR', 'ATTACKS', 'group:houthis'],
    ],
  },
  {
    name: 'hyphen participle: Iran-backed Houthis',
    lang: 'en',
    text: 'Israel struck the Iran-backed Houthis.',
    tree: 'Israel/PROPN/2/nsubj struck/VERB/0/root the/DET/7/det Iran/PROPN/6/compound -/PUNCT/6/punct backed/VERB/7/amod Houthis/PROPN/2/obj ./PUNCT/2/punct',
    want: [['IRN', 'SUPPORTS', 'group:houthis']],
  },
  {
    name: 'beitreten + Dat (separable, trat … bei)',
    lang: 'de',
    text: 'Schweden trat der NATO bei.',
    tree: 'Schweden/PROPN/2/nsubj trat/VERB/0/root der/DET/4/det/Case=Dat NATO/PROPN/2/iobj bei/ADP/2/compound:prt ./PUNCT/2/punct',
    want: [['SWE', 'MEMBER_OF', 'org:nato']],
  },
  {
    name: 'join',
    lang: 'en',
    text: 'Sweden joined NATO in 2024.',
    tree: 'Sweden/PROPN/2/nsubj joined/VERB/0/root NATO/PROPN/2/obj in/ADP/5/case 2024/NUM/2/obl ./PUNCT/2/punct',
    want: [['SWE', 'MEMBER_OF', 'org:nato']],
  },
  {
    name: 'Mitglied der NATO (copular actor noun, genitive)',
    lang: 'de',
    text: 'Schweden ist Mitglied der NATO.',
    tree: 'Schweden/PROPN/3/nsubj ist/AUX/3/cop Mitglied/NOUN/0/root der/DET/5/det/Case=Gen NATO/PROPN/3/nmod ./PUNCT/3/punct',
    want: [['SWE', 'MEMBER_OF', 'org:nato']],
  },
  {
    name: 'cooperate with',
    lang: 'en',
    text: 'India cooperates closely with Japan.',
    tree: 'India/PROPN/2/nsubj cooperates/VERB/0/root closely/ADV/2/advmod with/ADP/5/case Japan/PROPN/2/obl ./PUNCT/2/punct',
    want: [['IND', 'COOPERATES_WITH', 'JPN']],
  },
  {
    name: 'Zusammenarbeit zwischen X und Y (pair from a between-phrase)',
    lang: 'de',
    text: 'Die Zusammenarbeit zwischen Indien und Japan wächst.',
    tree: 'Die/DET/2/det Zusammenarbeit/NOUN/6/nsubj zwischen/ADP/4/case Indien/PROPN/2/nmod und/CCONJ/6/cc Japan/PROPN/4/conj wächst/VERB/0/root ./PUNCT/6/punct',
    want: [['IND', 'COOPERATES_WITH', 'JPN']],
  },
  {
    name: "an event noun's PP hung on its genitive is the event's (Besuch Putins in Peking)",
    lang: 'de',
    text: 'Der Besuch Putins in Peking dauerte zwei Tage.',
    tree: 'Der/DET/2/det Besuch/NOUN/6/nsubj Putins/PROPN/2/nmod in/ADP/5/case Peking/PROPN/3/nmod dauerte/VERB/0/root zwei/NUM/8/nummod Tage/NOUN/6/obj ./PUNCT/6/punct',
    want: [['person:vladimir-putin', 'MEETS', 'CHN']],
  },
  {
    name: "an event noun's PP hung on its of-phrase is the event's (the invasion of Ukraine by Russia)",
    lang: 'en',
    text: 'The invasion of Ukraine by Russia began in 2022.',
    tree: 'The/DET/2/det invasion/NOUN/7/nsubj of/ADP/4/case Ukraine/PROPN/2/nmod by/ADP/6/case Russia/PROPN/4/nmod began/VERB/0/root in/ADP/9/case 2022/NUM/7/obl ./PUNCT/7/punct',
    want: [['RUS', 'ATTACKS', 'UKR']],
  },
  {
    name: 'the subject of a verb is no agent of an event noun in its reason phrase (wegen der Lieferung)',
    lang: 'de',
    text: 'Die EU hat wegen der Lieferung ballistischer Raketen an Russland Sanktionen gegen den Iran beschlossen.',
    tree: 'Die/DET/2/det EU/PROPN/15/nsubj hat/AUX/15/aux wegen/ADP/6/case der/DET/6/det Lieferung/NOUN/15/obl ballistischer/ADJ/8/amod Raketen/NOUN/6/nmod/Case=Gen an/ADP/10/case Russland/PROPN/8/nmod Sanktionen/NOUN/15/obj gegen/ADP/14/case den/DET/14/det Iran/PROPN/11/nmod beschlossen/VERB/0/root ./PUNCT/15/punct',
    want: [['org:eu', 'SANCTIONS', 'IRN']],
    not: [['org:eu', 'SUPPLIES', 'RUS']],
  },
  {
    name: 'a possessor hung on the adjective belongs to its noun (Perus wichtigster Waffenlieferant)',
    lang: 'de',
    text: 'Chile ist Perus wichtigster Waffenlieferant.',
    tree: 'Chile/PROPN/5/nsubj ist/AUX/5/cop Perus/PROPN/4/nmod wichtigster/ADJ/5/amod Waffenlieferant/NOUN/0/root ./PUNCT/5/punct',
    want: [['CHL', 'SUPPLIES', 'PER']],
  },
  {
    name: "a noun trigger the tagger called an adverb still heads its phrase (Peru's closest ally)",
    lang: 'en',
    text: "Chile is Peru's closest ally.",
    tree: "Chile/PROPN/6/nsubj is/AUX/6/cop Peru/PROPN/6/nmod:poss 's/PART/3/case closest/ADJ/6/amod ally/ADV/0/root ./PUNCT/6/punct",
    want: [['CHL', 'ALLIED_WITH', 'PER']],
  },
  {
    name: "a frame's PP hung on the verb's oblique is the verb's (spoke by phone with X)",
    lang: 'en',
    text: 'Marco Rubio spoke by phone with Ishaq Dar.',
    tree: 'Marco/PROPN/3/nsubj Rubio/PROPN/1/flat spoke/VERB/0/root by/ADP/5/case phone/NOUN/3/obl with/ADP/7/case Ishaq/PROPN/5/nmod Dar/PROPN/7/flat ./PUNCT/3/punct',
    want: [['person:marco-rubio', 'MEETS', 'person:ishaq-dar']],
  },
  {
    name: 'arm X: the armed party is the recipient',
    lang: 'en',
    text: 'Iran arms the Houthis.',
    tree: 'Iran/PROPN/2/nsubj arms/VERB/0/root the/DET/4/det Houthis/PROPN/2/obj ./PUNCT/2/punct',
    want: [['IRN', 'SUPPLIES', 'group:houthis']],
  },
  {
    name: 'a causal verb lends its subject no agency over the event noun (spark condemnation)',
    lang: 'en',
    text: 'Hamas sparked condemnation of Israel.',
    tree: 'Hamas/PROPN/2/nsubj sparked/VERB/0/root condemnation/NOUN/2/obj of/ADP/5/case Israel/PROPN/3/nmod ./PUNCT/2/punct',
    want: [],
    not: [['group:hamas', 'CRITICIZES', 'ISR']],
  },
  {
    name: 'a light verb does lend it (lead the condemnation)',
    lang: 'en',
    text: 'Hamas led the condemnation of Israel.',
    tree: 'Hamas/PROPN/2/nsubj led/VERB/0/root the/DET/4/det condemnation/NOUN/2/obj of/ADP/6/case Israel/PROPN/4/nmod ./PUNCT/2/punct',
    want: [['group:hamas', 'CRITICIZES', 'ISR']],
  },
  {
    name: 'a causal verb lends its subject no agency over the event noun (Kritik auslösen)',
    lang: 'de',
    text: 'Russland löste scharfe Kritik an Polen aus.',
    tree: 'Russland/PROPN/2/nsubj löste/VERB/0/root scharfe/ADJ/4/amod Kritik/NOUN/2/obj an/ADP/6/case Polen/PROPN/4/nmod aus/ADP/2/compound:prt ./PUNCT/2/punct',
    want: [],
    not: [['RUS', 'CRITICIZES', 'POL']],
  },
  {
    name: 'the lead family only with an oblique: "led to condemnation" lends no agency',
    lang: 'en',
    text: 'Hamas led to condemnation of Israel.',
    tree: 'Hamas/PROPN/2/nsubj led/VERB/0/root to/ADP/4/case condemnation/NOUN/2/obl of/ADP/6/case Israel/PROPN/4/nmod ./PUNCT/2/punct',
    want: [],
    not: [['group:hamas', 'CRITICIZES', 'ISR']],
  },
  {
    name: 'a capital before the object noun is the venue, not the target (the Madrid peace talks)',
    lang: 'en',
    text: 'Israel opposed the Madrid peace talks.',
    tree: 'Israel/PROPN/2/nsubj opposed/VERB/0/root the/DET/6/det Madrid/PROPN/6/compound peace/NOUN/6/compound talks/NOUN/2/obj ./PUNCT/2/punct',
    want: [],
    not: [['ISR', 'CRITICIZES', 'ESP']],
  },
  {
    name: 'an infinitive on a noun with a pronoun owner is controlled by the subject of the verb it is the object of',
    lang: 'en',
    text: 'Netanyahu declared his intention to resist Obama.',
    tree: 'Netanyahu/PROPN/2/nsubj declared/VERB/0/root his/PRON/4/nmod:poss intention/NOUN/2/obj to/PART/6/mark resist/VERB/4/acl Obama/PROPN/6/obj ./PUNCT/2/punct',
    want: [['person:benjamin-netanyahu', 'CRITICIZES', 'person:barack-obama']],
  },
  {
    name: 'an infinitive on an object noun is controlled by the subject (seine Absicht, … zu unterstützen)',
    lang: 'de',
    text: 'Iran bekräftigte seine Absicht, Russland zu unterstützen.',
    tree: 'Iran/PROPN/2/nsubj bekräftigte/VERB/0/root seine/DET/4/det:poss Absicht/NOUN/2/obj ,/PUNCT/8/punct Russland/PROPN/8/obj zu/PART/8/mark unterstützen/VERB/4/acl ./PUNCT/2/punct',
    want: [['IRN', 'SUPPORTS', 'RUS']],
  },
  {
    name: 'a passive subject without any auxiliary is the active subject (the participle reading of "condemned")',
    lang: 'en',
    text: 'Russia said it condemned the strikes by Israel.',
    tree: 'Russia/PROPN/2/nsubj said/VERB/0/root it/PRON/4/nsubj:pass condemned/VERB/2/ccomp the/DET/6/det strikes/NOUN/4/xcomp by/ADP/8/case Israel/PROPN/6/nmod ./PUNCT/2/punct',
    want: [['RUS', 'CRITICIZES', 'ISR']],
  },
  {
    name: 'a passive with its auxiliary stays passive',
    lang: 'en',
    text: 'Russia was condemned by Israel.',
    tree: 'Russia/PROPN/3/nsubj:pass was/AUX/3/aux:pass condemned/VERB/0/root by/ADP/5/case Israel/PROPN/3/obl:agent ./PUNCT/3/punct',
    want: [['ISR', 'CRITICIZES', 'RUS']],
    not: [['RUS', 'CRITICIZES', 'ISR']],
  },
  {
    name: 'an active clause has no passive agent (a by-phrase labelled obl:agent on an active verb)',
    lang: 'en',
    text: 'Rubio spoke by phone with Ishaq Dar.',
    tree: 'Rubio/PROPN/2/nsubj spoke/VERB/0/root by/ADP/4/case phone/NOUN/2/obl:agent with/ADP/6/case Ishaq/PROPN/4/nmod Dar/PROPN/6/flat ./PUNCT/2/punct',
    want: [['person:marco-rubio', 'MEETS', 'person:ishaq-dar']],
  },
  {
    name: 'a main verb the parser hung inside a relative clause takes the antecedent as its subject (no denial inherited)',
    lang: 'en',
    text: 'Iran, which denies supplying drones to Russia, threatened Israel.',
    tree: 'Iran/PROPN/4/vocative ,/PUNCT/1/punct which/PRON/4/nsubj denies/VERB/0/root supplying/VERB/6/amod drones/NOUN/4/obj to/ADP/8/case Russia/PROPN/6/nmod ,/PUNCT/10/punct threatened/VERB/4/conj Israel/PROPN/10/obj ./PUNCT/4/punct',
    want: [['IRN', 'THREATENS', 'ISR']],
  },
  {
    name: 'a stranded passive main verb after a relative clause on the root antecedent',
    lang: 'en',
    text: 'Serbia, which does not recognise Kosovo, is backed by Russia.',
    tree: 'Serbia/PROPN/0/root ,/PUNCT/1/punct which/PRON/6/nsubj does/AUX/6/aux not/PART/6/advmod recognise/VERB/1/acl:relcl Kosovo/PROPN/6/obj ,/PUNCT/10/punct is/AUX/10/aux:pass backed/VERB/6/conj by/ADP/12/case Russia/PROPN/10/obl:agent ./PUNCT/1/punct',
    want: [['RUS', 'SUPPORTS', 'SRB']],
  },
  {
    name: 'an antecedent read as a second subject of the German relative verb is the subject of the verb governing it',
    lang: 'de',
    text: 'Die Türkei, die den Gipfel ausrichtete, kritisierte Russland.',
    tree: 'Die/DET/2/det Türkei/PROPN/7/nsubj ,/PUNCT/7/punct die/PRON/7/nsubj den/DET/6/det Gipfel/NOUN/7/obj ausrichtete/VERB/9/ccomp ,/PUNCT/7/punct kritisierte/VERB/0/root Russland/PROPN/9/obj ./PUNCT/9/punct',
    want: [['TUR', 'CRITICIZES', 'RUS']],
  },
  {
    name: 'the noun "support" with a light verb: its subject and for-phrase',
    lang: 'en',
    text: 'Russia expressed support for Venezuela.',
    tree: 'Russia/PROPN/2/nsubj expressed/VERB/0/root support/NOUN/2/obj for/ADP/5/case Venezuela/PROPN/2/obl ./PUNCT/2/punct',
    want: [['RUS', 'SUPPORTS', 'VEN']],
  },
  {
    name: 'a possessive "its" on an event noun stands for the nearest actor named before it',
    lang: 'en',
    text: 'The EU imposed sanctions on Iran over its support for Russia.',
    tree: 'The/DET/2/det EU/PROPN/3/nsubj imposed/VERB/0/root sanctions/NOUN/3/obj on/ADP/6/case Iran/PROPN/4/nmod over/ADP/9/case its/PRON/9/nmod:poss support/NOUN/4/nmod for/ADP/11/case Russia/PROPN/9/nmod ./PUNCT/3/punct',
    want: [['IRN', 'SUPPORTS', 'RUS']],
    not: [['org:eu', 'SUPPORTS', 'RUS']],
  },
  {
    name: 'an act someone is urged to do is no relation',
    lang: 'en',
    text: 'The United States urged Germany to send tanks to Ukraine.',
    tree: 'The/DET/3/det United/ADJ/3/amod States/PROPN/4/nsubj urged/VERB/0/root Germany/PROPN/4/iobj to/PART/7/mark send/VERB/4/xcomp tanks/NOUN/7/obj to/ADP/10/case Ukraine/PROPN/7/obl ./PUNCT/4/punct',
    want: [],
    not: [['DEU', 'SUPPLIES', 'UKR']],
  },
  {
    name: 'an act warned against is no relation, and its actor is not the one warning',
    lang: 'en',
    text: 'Moscow warned NATO against sending troops to Ukraine.',
    tree: 'Moscow/PROPN/2/nsubj warned/VERB/0/root NATO/PROPN/2/iobj against/SCONJ/5/mark sending/VERB/2/advcl troops/NOUN/5/obj to/ADP/8/case Ukraine/PROPN/5/obl ./PUNCT/2/punct',
    want: [],
    not: [
      ['RUS', 'SUPPLIES', 'UKR'],
      ['org:nato', 'SUPPLIES', 'UKR'],
    ],
  },
  {
    name: 'an act someone is called on to do is no relation (auffordern, … zu liefern)',
    lang: 'de',
    text: 'Die USA forderten Deutschland auf, Panzer an die Ukraine zu liefern.',
    tree: 'Die/DET/2/det USA/PROPN/3/nsubj forderten/VERB/0/root Deutschland/PROPN/3/obj auf/ADP/3/compound:prt ,/PUNCT/12/punct Panzer/NOUN/12/obj an/ADP/10/case die/DET/10/det Ukraine/PROPN/12/obl zu/PART/12/mark liefern/VERB/3/xcomp ./PUNCT/3/punct',
    want: [],
    not: [['DEU', 'SUPPLIES', 'UKR']],
  },
  {
    name: 'coordinated subjects of a verb of fighting, with no object, fight each other',
    lang: 'en',
    text: 'India and Pakistan fought three wars over Kashmir.',
    tree: 'India/PROPN/4/nsubj and/CCONJ/3/cc Pakistan/PROPN/1/conj fought/VERB/0/root three/NUM/6/nummod wars/NOUN/4/obj over/ADP/8/case Kashmir/PROPN/6/nmod ./PUNCT/4/punct',
    want: [
      ['IND', 'ATTACKS', 'PAK'],
      ['PAK', 'ATTACKS', 'IND'],
    ],
  },
  {
    name: 'fighting side by side is no fight between the two',
    lang: 'en',
    text: 'Turkey and Azerbaijan fought alongside Georgia.',
    tree: 'Turkey/PROPN/4/nsubj and/CCONJ/3/cc Azerbaijan/PROPN/1/conj fought/VERB/0/root alongside/ADP/6/case Georgia/PROPN/4/obl ./PUNCT/4/punct',
    want: [],
    not: [
      ['TUR', 'ATTACKS', 'AZE'],
      ['AZE', 'ATTACKS', 'TUR'],
    ],
  },
  {
    name: 'a subject with an adposition is an oblique; the plural object agreeing with the verb is the subject',
    lang: 'de',
    text: 'Seit Monaten kämpfen Armenien und Aserbaidschan um Karabach.',
    tree: 'Seit/ADP/2/case Monaten/NOUN/3/nsubj kämpfen/VERB/0/root/Number=Plur Armenien/PROPN/3/obj und/CCONJ/6/cc Aserbaidschan/PROPN/4/conj um/ADP/8/case Karabach/PROPN/3/obl ./PUNCT/3/punct',
    want: [
      ['ARM', 'ATTACKS', 'AZE'],
      ['AZE', 'ATTACKS', 'ARM'],
    ],
  },
  {
    name: 'a past tense read as a reduced relative on the root noun is the main verb; fighting alongside is support',
    lang: 'en',
    text: 'North Korean troops fought alongside Russian forces.',
    tree: 'North/PROPN/2/compound Korean/ADJ/3/amod troops/NOUN/0/root fought/VERB/3/acl alongside/ADP/7/case Russian/ADJ/7/amod forces/NOUN/4/obl ./PUNCT/3/punct',
    want: [['PRK', 'SUPPORTS', 'RUS']],
  },
  {
    name: 'fighting at the side of an army is support; a possessive determiner stands for the actor before it',
    lang: 'de',
    text: 'Nordkorea bestätigte, dass seine Soldaten an der Seite der russischen Armee gekämpft haben.',
    tree: 'Nordkorea/PROPN/2/nsubj bestätigte/VERB/0/root ,/PUNCT/13/punct dass/SCONJ/13/mark seine/DET/6/det:poss Soldaten/NOUN/13/nsubj an/ADP/9/case der/DET/9/det Seite/NOUN/13/obl der/DET/12/det russischen/ADJ/12/amod Armee/NOUN/9/nmod gekämpft/VERB/2/ccomp haben/AUX/13/aux ./PUNCT/2/punct',
    want: [['PRK', 'SUPPORTS', 'RUS']],
  },
  {
    name: 'a speaker saying someone will face sanctions threatens them',
    lang: 'en',
    text: 'Macron said Russia would face additional sanctions.',
    tree: 'Macron/PROPN/2/nsubj said/VERB/0/root Russia/PROPN/5/nsubj would/AUX/5/aux face/VERB/2/ccomp additional/ADJ/7/amod sanctions/NOUN/5/obj ./PUNCT/2/punct',
    want: [['person:emmanuel-macron', 'THREATENS', 'RUS']],
  },
  {
    name: 'a speaker saying someone will not face consequences threatens no one',
    lang: 'en',
    text: 'Macron said Russia would not face consequences.',
    tree: 'Macron/PROPN/2/nsubj said/VERB/0/root Russia/PROPN/6/nsubj would/AUX/6/aux not/PART/6/advmod face/VERB/2/ccomp consequences/NOUN/6/obj ./PUNCT/2/punct',
    want: [],
    not: [['person:emmanuel-macron', 'THREATENS', 'RUS']],
  },
  {
    name: 'mit Konsequenzen rechnen müssen, sagte X: a threat',
    lang: 'de',
    text: 'Scholz sagte, Russland müsse mit Konsequenzen rechnen.',
    tree: 'Scholz/PROPN/2/nsubj sagte/VERB/0/root ,/PUNCT/8/punct Russland/PROPN/8/nsubj müsse/AUX/8/aux mit/ADP/7/case Konsequenzen/NOUN/8/obl rechnen/VERB/2/ccomp ./PUNCT/2/punct',
    want: [['person:olaf-scholz', 'THREATENS', 'RUS']],
  },
  {
    name: "GSD's obl:arg on a bare noun phrase is the object",
    lang: 'de',
    text: 'Xi Jinping hat den russischen Präsidenten Wladimir Putin empfangen.',
    tree: 'Xi/PROPN/9/nsubj Jinping/PROPN/1/flat hat/AUX/9/aux den/DET/6/det russischen/ADJ/6/amod Präsidenten/NOUN/9/obl:arg Wladimir/PROPN/6/appos Putin/PROPN/7/flat empfangen/VERB/0/root ./PUNCT/9/punct',
    want: [['person:vladimir-putin', 'MEETS', 'person:xi-jinping']],
  },
  {
    name: 'coordinated adjectives of one actor noun name one actor each',
    lang: 'en',
    text: 'Turkey hosted talks between Russian and Ukrainian delegations.',
    tree: 'Turkey/PROPN/2/nsubj hosted/VERB/0/root talks/NOUN/2/obj between/ADP/8/case Russian/ADJ/8/amod and/CCONJ/7/cc Ukrainian/ADJ/5/conj delegations/NOUN/3/nmod ./PUNCT/2/punct',
    want: [['RUS', 'MEETS', 'UKR']],
  },
  {
    name: 'the pronoun subject of an adverbial clause of a speech verb is the speaker',
    lang: 'en',
    text: 'China said as it criticised Japan.',
    tree: 'China/PROPN/2/nsubj said/VERB/0/root as/SCONJ/5/mark it/PRON/5/nsubj criticised/VERB/2/advcl Japan/PROPN/5/obj ./PUNCT/2/punct',
    want: [['CHN', 'CRITICIZES', 'JPN']],
  },
  {
    name: 'an infinitive on a noun addressed to someone is controlled by the addressee (pressure on X to ban)',
    lang: 'en',
    text: 'Washington put pressure on Germany to ban Hezbollah.',
    tree: 'Washington/PROPN/2/nsubj put/VERB/0/root pressure/NOUN/2/obj on/ADP/5/case Germany/PROPN/3/nmod to/PART/7/mark ban/VERB/3/acl Hezbollah/PROPN/7/obj ./PUNCT/2/punct',
    want: [['DEU', 'SANCTIONS', 'group:hezbollah']],
    not: [['USA', 'SANCTIONS', 'group:hezbollah']],
  },
  {
    name: "a speaker's complement clause judging its subject harshly is criticism of it",
    lang: 'en',
    text: 'Kallas said Moscow was mocking peace efforts.',
    tree: 'Kallas/PROPN/2/nsubj said/VERB/0/root Moscow/PROPN/5/nsubj was/AUX/5/aux mocking/VERB/2/ccomp peace/NOUN/7/compound efforts/NOUN/5/obj ./PUNCT/2/punct',
    want: [['person:kaja-kallas', 'CRITICIZES', 'RUS']],
  },
  {
    name: 'the judged act names its actor (die Sanktionen der USA seien illegal)',
    lang: 'de',
    text: 'Peking sagte, die Sanktionen der USA seien illegal.',
    tree: 'Peking/PROPN/2/nsubj sagte/VERB/0/root ,/PUNCT/9/punct die/DET/5/det Sanktionen/NOUN/9/nsubj der/DET/7/det USA/PROPN/5/nmod/Case=Gen seien/AUX/9/cop illegal/ADJ/2/ccomp ./PUNCT/2/punct',
    want: [['CHN', 'CRITICIZES', 'USA']],
  },
  {
    name: 'a negated judgement is none',
    lang: 'en',
    text: 'China said the US tariffs were not illegal.',
    tree: 'China/PROPN/2/nsubj said/VERB/0/root the/DET/5/det US/PROPN/5/compound tariffs/NOUN/8/nsubj were/AUX/8/cop not/PART/8/advmod illegal/ADJ/2/ccomp ./PUNCT/2/punct',
    want: [],
    not: [['CHN', 'CRITICIZES', 'USA']],
  },
  {
    name: 'a German clause without subject but with a nominative object: that object is the subject',
    lang: 'de',
    text: 'Gestern protestierte Pjöngjang gegen Seoul.',
    tree: 'Gestern/ADV/2/advmod protestierte/VERB/0/root Pjöngjang/NOUN/2/obj/Case=Nom gegen/ADP/5/case Seoul/PROPN/2/obl ./PUNCT/2/punct',
    want: [['PRK', 'CRITICIZES', 'KOR']],
  },
  {
    name: 'two bare names as German subjects: the second is the dative beside a theme',
    lang: 'de',
    text: 'Nordkorea soll Russland Raketen geliefert haben.',
    tree: 'Nordkorea/PROPN/5/nsubj soll/AUX/5/aux Russland/PROPN/5/nsubj Raketen/NOUN/5/obj geliefert/VERB/0/root haben/AUX/5/aux ./PUNCT/5/punct',
    want: [['PRK', 'SUPPLIES', 'RUS']],
    not: [['RUS', 'SUPPLIES', 'PRK']],
  },
  {
    name: 'a German bare name the parser made a compound of the object noun is the dative object',
    lang: 'de',
    text: 'Der Iran liefert Russland Raketen.',
    tree: 'Der/DET/2/det Iran/PROPN/3/nsubj liefert/VERB/0/root Russland/PROPN/5/compound Raketen/NOUN/3/obj ./PUNCT/3/punct',
    want: [['IRN', 'SUPPLIES', 'RUS']],
    not: [['RUS', 'SUPPLIES', 'IRN']],
  },
  {
    name: 'two German subjects shown nominative: the one the finite verb agrees with is the subject',
    lang: 'de',
    text: 'Die USA haben die Türkei angegriffen.',
    tree: 'Die/DET/2/det/Case=Nom|Number=Plur USA/PROPN/6/nsubj/Case=Nom|Number=Plur haben/AUX/6/aux/Number=Plur die/DET/5/det/Case=Nom|Number=Sing Türkei/PROPN/6/nsubj/Case=Nom|Number=Sing angegriffen/VERB/0/root ./PUNCT/6/punct',
    want: [['USA', 'ATTACKS', 'TUR']],
    not: [['TUR', 'ATTACKS', 'USA']],
  },
];

const sym = new Set(['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT']);
const same = (a: Triple, b: Triple) =>
  a[1] === b[1] && ((a[0] === b[0] && a[2] === b[2]) || (sym.has(a[1]) && a[0] === b[2] && a[2] === b[0]));

describe('parse rules on hand-built trees', () => {
  for (const c of CASES)
    it(`${c.lang}: ${c.name} — ${c.text}`, () => {
      const out = fromTree(c.text, c.lang, c.tree);
      const got = asserted(out);
      for (const w of c.want)
        expect(
          got.some((g) => same(g, w)),
          `missing ${w.join(' ')} in ${JSON.stringify(got)}`,
        ).toBe(true);
      for (const n of c.not ?? [])
        expect(
          triples(out).some((g) => same(g, n)),
          `unexpected ${n.join(' ')}`,
        ).toBe(false);
    });

  it('the speaker of "…, sagte X" is an attribution, never an argument; "will" is a plan', () => {
    const out = fromTree(
      'Die EU will Chile unterstützen, sagte Olaf Scholz.',
      'de',
      'Die/DET/2/det EU/PROPN/5/nsubj will/AUX/5/aux Chile/PROPN/5/obj unterstützen/VERB/0/root ,/PUNCT/7/punct sagte/VERB/5/parataxis Olaf/PROPN/7/nsubj Scholz/PROPN/8/flat ./PUNCT/5/punct',
    );
    const c = out.candidates.find((x) => x.predicate === 'SUPPORTS');
    expect(c).toMatchObject({
      subject: 'org:eu',
      object: 'CHL',
      modality: 'planned',
      attributedTo: 'person:olaf-scholz',
    });
    expect(out.candidates.some((x) => x.subject === 'person:olaf-scholz' || x.object === 'person:olaf-scholz')).toBe(
      false,
    );
  });

  it('control infinitive inherits the subject; "X said" reports it', () => {
    const out = fromTree(
      'The EU wants to support Chile, Olaf Scholz said.',
      'en',
      'The/DET/2/det EU/PROPN/3/nsubj wants/VERB/0/root to/PART/5/mark support/VERB/3/xcomp Chile/PROPN/5/obj ,/PUNCT/10/punct Olaf/PROPN/10/nsubj Scholz/PROPN/8/flat said/VERB/3/parataxis ./PUNCT/3/punct',
    );
    expect(out.candidates.find((x) => x.predicate === 'SUPPORTS')).toMatchObject({
      subject: 'org:eu',
      object: 'CHL',
      modality: 'planned',
      attributedTo: 'person:olaf-scholz',
    });
  });

  it('"laut X" makes a relation reported and X its source', () => {
    const out = fromTree(
      'Laut Reuters lieferte Iran Drohnen an Russland.',
      'de',
      'Laut/ADP/2/case Reuters/PROPN/3/obl lieferte/VERB/0/root Iran/PROPN/3/nsubj Drohnen/NOUN/3/obj an/ADP/7/case Russland/PROPN/3/obl ./PUNCT/3/punct',
    );
    const c = out.candidates.find((x) => x.predicate === 'SUPPLIES');
    expect(c).toMatchObject({ subject: 'IRN', object: 'RUS', modality: 'reported' });
  });
});
