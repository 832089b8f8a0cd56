// The word lists the parse rules read (data/lexicons/syntax-cues.json) plus the shared trigger lexicon, compiled once.
// Passed into relationsFromParse as a value, so tests and the stage decide which lexicons the rules see.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ACTOR_NOUNS, COUNTERPART, NEGATIVE_EVALUATIONS, TRIGGERS, type TriggerEntry } from '../../lexicon.js';

/** A compiled word list: exact forms plus '*'-prefix patterns. */
export interface WordSet {
  has(norm: string): boolean;
}

export interface SyntaxLexicons {
  triggers: readonly TriggerEntry[];
  /** Nouns that stand for their modifier's state or organisation ("die iranische Regierung", "Russian forces"). */
  actorNouns: WordSet;
  negation: WordSet;
  negationDet: WordSet;
  conditionalMarks: WordSet;
  irrealisAux: WordSet;
  futureAux: WordSet;
  planHeads: WordSet;
  expectHeads: WordSet;
  denialHeads: WordSet;
  /** Denial verbs that need their particle ("wies … zurück"). */
  denialParticles: ReadonlyMap<string, string>;
  /** "the meeting was postponed", "sagte den Besuch ab": the act does not take place (as yet). */
  cancelHeads: WordSet;
  cancelParticles: ReadonlyMap<string, string>;
  allegedWords: WordSet;
  /** Accusation and suspicion verbs above a relation's clause: it is alleged ("accused X of arming Y"). */
  allegationHeads: WordSet;
  /** Allegation verbs that need their particle ("wirft … vor"). */
  allegationParticles: ReadonlyMap<string, string>;
  speechHeads: WordSet;
  sourceCases: WordSet;
  /** Source adpositions that need a following noun ("nach Angaben von"). */
  sourceCaseNeeds: ReadonlyMap<string, string>;
  agentCases: { de: WordSet; en: WordSet };
  /** Reason adpositions ("wegen", "over"): an event noun under one is not the act of the verb's subject. */
  circumstanceCases: WordSet;
  /** Verbs whose subject causes an event noun rather than acting in it ("sparked condemnation"); the second list
   * only where the noun is their oblique ("led to sanctions"). */
  causalHeads: WordSet;
  causalOblHeads: WordSet;
  /** Adpositions naming whom a noun with an infinitive is addressed to ("pressure on Europe to ban"). */
  addresseeCases: WordSet;
  /** Word starts of harsh judgements per language (triggers.json, shared with the naming verbs' needsIf). */
  negativeEvaluations: Readonly<Record<'de' | 'en', RegExp>>;
  relativePronouns: WordSet;
  /** German articles that read alike as nominative and accusative ('die', 'das', 'eine'): no sign of the subject. */
  nomAccArticles: WordSet;
  /** "urged Germany to send tanks", "warned NATO against sending troops": the act is asked for, not done. */
  demandHeads: WordSet;
  /** Infinitives of a demand to stop or withdraw ('urged Russia to withdraw'): the demand criticises. */
  cessationVerbs: WordSet;
  /** German separable particles, longest first: a zu-infinitive is read without its infix ('anzugreifen'). */
  separableParticles: readonly string[];
  /** Per adposition, the words that count an actor noun's subject among its kind ('one of', 'gehört zu', 'gilt als'). */
  rankingHeads: ReadonlyMap<string, WordSet>;
  /** 'the prospect of strikes', 'die Gefahr eines Angriffs': what may happen, not what happened. */
  prospectHeads: WordSet;
  /** 'an aid package for Ukraine': the bundle noun's phrases are the event noun's. */
  bundleHeads: WordSet;
  /** 'tariffs on imports from Canada': goods stand for the state they come from (its origin_cases phrase). */
  goodsNouns: WordSet;
  originCases: WordSet;
  /** 'lieferten sich Gefechte': a reflexive makes a notReflexive trigger another verb. */
  reflexives: WordSet;
  /** 'griff … scharf an', 'sharply attacked': an attack in words. */
  verbalMarks: WordSet;
  /** Per adposition, the verbs of speaking of something ('sprach von', 'spoke of'). */
  speakingOf: ReadonlyMap<string, WordSet>;
  /** German prefixes whose participle has no ge- ('verhängt'): such forms may be adjectives. */
  inseparablePrefixes: readonly string[];
  /** "threatened to strike Kyiv", "drohte, Belarus mit Sanktionen zu belegen": the act is threatened, not done. */
  threatHeads: WordSet;
  /** 'ready to meet Putin', 'bereit, Finnland anzugreifen': the act is expected; a hostile one a threat. */
  readinessHeads: WordSet;
  /** The adpositions of an act a threat verb names by a noun ('threatened Russia with sanctions'). */
  threatCases: WordSet;
  /** "fought alongside", "kämpften gemeinsam": coordinated fighters are on one side. */
  sideBySide: WordSet;
  /** "said Russia would face additional sanctions": the speaker threatens the one who will face them. */
  consequenceHeads: WordSet;
  consequenceNouns: WordSet;
  /** "Iran will pay for this", "wird dafür bezahlen": paying with a mark of retribution is a consequence too. */
  paybackHeads: WordSet;
  paybackMarks: WordSet;
  /** "given", "born": never a past tense, so "weapons given to Kyiv" stays a noun phrase. */
  participlesOnly: WordSet;
  demandMarks: WordSet;
  objectControl: WordSet;
  copulas: WordSet;
  /** "including", "such as", "darunter", "wie": named members of a common-noun argument follow. */
  inclusionWords: WordSet;
  /** "it", "er" → the entity types a reported clause's pronoun subject can stand for when it is the speaker. */
  subjectPronouns: ReadonlyMap<string, ReadonlySet<string>>;
  /** "its", "their" → the entity types the possessor can stand for ("sanctions on Iran over its support"). */
  possessivePronouns: ReadonlyMap<string, ReadonlySet<string>>;
  /** Government nouns whose "in X" names the state they govern ("die Militärjunta in Bamako"). */
  seatNouns: WordSet;
  seatCases: WordSet;
  /** Verbs that give their object noun to a recipient: "sicherte zu", "offered", "pledged" (+ particle, German). */
  grantingVerbs: WordSet;
  /** Verbs whose subject takes their object noun: "accepted an invitation", "nahm die Einladung an". */
  acceptingVerbs: WordSet;
  /** Verbs of thanking ('thanked Germany for its support'): the one thanked did what the noun names. */
  thankingVerbs: WordSet;
  /** Verbs of joining what others do ('joined the sanctions', 'schloss sich den Sanktionen an'): the joiner does it. */
  joiningVerbs: WordSet;
  /** Verbs that impose their mit-noun on their object ('belegte Iran mit Sanktionen'): the subject imposes it. */
  imposingVerbs: WordSet;
  /** Adpositions of where a thing is ("targets in Lebanon", "Ziele im Libanon"). */
  locativeCases: WordSet;
  /** "his Iranian counterpart", "seinem saudischen Amtskollegen" (roles.json counterpart): the adjective's state. */
  counterparts: WordSet;
  /** "for" before a gerund of reason ("sanctioned Iran for supplying …"): its subject is the governing verb's object. */
  reasonMarks: WordSet;
  /** "a wave of Russian drones", "eine Welle russischer Drohnen": a quantity noun's argument is what it counts. */
  quantityNouns: WordSet;
  /** "any attack", "jeden Angriff": an event noun that names no particular act. */
  hypotheticalDet: WordSet;
  /** "the attack", "diese Sanktionen": a definite event noun that may point back to an act told before. */
  anaphorDets: WordSet;
  /** "criticism from Trump", "Kritik aus Berlin": who voices the criticism an act draws. */
  reactionCases: WordSet;
}

const CuesSchema = z.object({
  _about: z.string().min(20),
  negation: z.array(z.string()),
  negation_det: z.array(z.string()),
  conditional_marks: z.array(z.string()),
  irrealis_aux: z.array(z.string()),
  future_aux: z.array(z.string()),
  plan_heads: z.array(z.string()),
  expect_heads: z.array(z.string()),
  denial_heads: z.array(z.string()),
  denial_particles: z.record(z.string(), z.string()),
  cancel_heads: z.array(z.string()),
  cancel_particles: z.record(z.string(), z.string()),
  alleged_words: z.array(z.string()),
  allegation_heads: z.array(z.string()),
  allegation_particles: z.record(z.string(), z.string()),
  speech_heads: z.array(z.string()),
  source_cases: z.array(z.string()),
  source_case_needs: z.record(z.string(), z.string()),
  agent_cases: z.object({ de: z.array(z.string()), en: z.array(z.string()) }),
  circumstance_cases: z.array(z.string()),
  causal_heads: z.array(z.string()),
  causal_obl_heads: z.array(z.string()),
  addressee_cases: z.array(z.string()),
  relative_pronouns: z.array(z.string()),
  nom_acc_articles: z.array(z.string()),
  demand_heads: z.array(z.string()),
  cessation_verbs: z.array(z.string()),
  separable_particles: z.array(z.string()),
  ranking_heads: z.record(z.string(), z.array(z.string())),
  prospect_heads: z.array(z.string()),
  bundle_heads: z.array(z.string()),
  goods_nouns: z.array(z.string()),
  origin_cases: z.array(z.string()),
  reflexive_pronouns: z.array(z.string()),
  verbal_marks: z.array(z.string()),
  speaking_of: z.record(z.string(), z.array(z.string())),
  inseparable_prefixes: z.array(z.string()),
  threat_heads: z.array(z.string()),
  readiness_heads: z.array(z.string()),
  threat_cases: z.array(z.string()),
  side_by_side: z.array(z.string()),
  consequence_heads: z.array(z.string()),
  consequence_nouns: z.array(z.string()),
  payback_heads: z.array(z.string()),
  payback_marks: z.array(z.string()),
  participles_only: z.array(z.string()),
  demand_marks: z.array(z.string()),
  object_control: z.array(z.string()),
  copulas: z.array(z.string()),
  inclusion_words: z.array(z.string()),
  subject_pronouns: z.record(z.string(), z.array(z.string())),
  possessive_pronouns: z.record(z.string(), z.array(z.string())),
  seat_nouns: z.array(z.string()),
  seat_cases: z.array(z.string()),
  granting_verbs: z.array(z.string()),
  accepting_verbs: z.array(z.string()),
  thanking_verbs: z.array(z.string()),
  joining_verbs: z.array(z.string()),
  imposing_verbs: z.array(z.string()),
  locative_cases: z.array(z.string()),
  reason_marks: z.array(z.string()),
  quantity_nouns: z.array(z.string()),
  hypothetical_det: z.array(z.string()),
  anaphor_dets: z.array(z.string()),
  reaction_cases: z.array(z.string()),
});

export function wordSet(list: readonly string[]): WordSet {
  const exact = new Set(list.filter((w) => !w.endsWith('*')));
  const prefixes = list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
  return { has: (norm) => exact.has(norm) || prefixes.some((p) => norm.startsWith(p)) };
}

const DEFAULT_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'data',
  'lexicons',
  'syntax-cues.json',
);

export function loadSyntaxLexicons(path: string = DEFAULT_PATH): SyntaxLexicons {
  const c = CuesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return {
    triggers: TRIGGERS,
    actorNouns: wordSet([...ACTOR_NOUNS]),
    negation: wordSet(c.negation),
    negationDet: wordSet(c.negation_det),
    conditionalMarks: wordSet(c.conditional_marks),
    irrealisAux: wordSet(c.irrealis_aux),
    futureAux: wordSet(c.future_aux),
    planHeads: wordSet(c.plan_heads),
    expectHeads: wordSet(c.expect_heads),
    denialHeads: wordSet(c.denial_heads),
    denialParticles: new Map(Object.entries(c.denial_particles)),
    cancelHeads: wordSet(c.cancel_heads),
    cancelParticles: new Map(Object.entries(c.cancel_particles)),
    allegedWords: wordSet(c.alleged_words),
    allegationHeads: wordSet(c.allegation_heads),
    allegationParticles: new Map(Object.entries(c.allegation_particles)),
    speechHeads: wordSet(c.speech_heads),
    sourceCases: wordSet(c.source_cases),
    sourceCaseNeeds: new Map(Object.entries(c.source_case_needs)),
    agentCases: { de: wordSet(c.agent_cases.de), en: wordSet(c.agent_cases.en) },
    circumstanceCases: wordSet(c.circumstance_cases),
    causalHeads: wordSet(c.causal_heads),
    causalOblHeads: wordSet(c.causal_obl_heads),
    addresseeCases: wordSet(c.addressee_cases),
    negativeEvaluations: NEGATIVE_EVALUATIONS,
    relativePronouns: wordSet(c.relative_pronouns),
    nomAccArticles: wordSet(c.nom_acc_articles),
    demandHeads: wordSet(c.demand_heads),
    cessationVerbs: wordSet(c.cessation_verbs),
    separableParticles: [...c.separable_particles].sort((a, b) => b.length - a.length),
    prospectHeads: wordSet(c.prospect_heads),
    bundleHeads: wordSet(c.bundle_heads),
    goodsNouns: wordSet(c.goods_nouns),
    originCases: wordSet(c.origin_cases),
    reflexives: wordSet(c.reflexive_pronouns),
    verbalMarks: wordSet(c.verbal_marks),
    inseparablePrefixes: c.inseparable_prefixes,
    speakingOf: new Map(Object.entries(c.speaking_of).map(([k, v]) => [k, wordSet(v)])),
    rankingHeads: new Map(Object.entries(c.ranking_heads).map(([k, v]) => [k, wordSet(v)])),
    threatHeads: wordSet(c.threat_heads),
    readinessHeads: wordSet(c.readiness_heads),
    threatCases: wordSet(c.threat_cases),
    sideBySide: wordSet(c.side_by_side),
    consequenceHeads: wordSet(c.consequence_heads),
    consequenceNouns: wordSet(c.consequence_nouns),
    paybackHeads: wordSet(c.payback_heads),
    paybackMarks: wordSet(c.payback_marks),
    participlesOnly: wordSet(c.participles_only),
    demandMarks: wordSet(c.demand_marks),
    objectControl: wordSet(c.object_control),
    copulas: wordSet(c.copulas),
    inclusionWords: wordSet(c.inclusion_words),
    subjectPronouns: new Map(Object.entries(c.subject_pronouns).map(([w, ts]) => [w, new Set(ts)])),
    possessivePronouns: new Map(Object.entries(c.possessive_pronouns).map(([w, ts]) => [w, new Set(ts)])),
    seatNouns: wordSet(c.seat_nouns),
    seatCases: wordSet(c.seat_cases),
    grantingVerbs: wordSet(c.granting_verbs),
    acceptingVerbs: wordSet(c.accepting_verbs),
    thankingVerbs: wordSet(c.thanking_verbs),
    joiningVerbs: wordSet(c.joining_verbs),
    imposingVerbs: wordSet(c.imposing_verbs),
    locativeCases: wordSet(c.locative_cases),
    counterparts: wordSet([...COUNTERPART]),
    reasonMarks: wordSet(c.reason_marks),
    quantityNouns: wordSet(c.quantity_nouns),
    hypotheticalDet: wordSet(c.hypothetical_det),
    anaphorDets: wordSet(c.anaphor_dets),
    reactionCases: wordSet(c.reaction_cases),
  };
}
