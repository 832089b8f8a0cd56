// Reading a dependency tree the way the relation rules need it: dependents by relation, case markers, German case,
// voice-normalised core arguments (passive, relative pronoun → antecedent) and the subject a clause inherits.

import type { WordSet } from './lexicons.js';
import type { SentenceContext } from './types.js';

/** Relations whose subtype changes their meaning, so that "obl" does not match "obl:agent". */
const KEEP_SUBTYPE = new Set(['nmod:poss', 'nsubj:pass', 'obl:agent', 'acl:relcl', 'compound:prt', 'aux:pass']);
const MORPH_CASES = new Set(['Nom', 'Acc', 'Dat', 'Gen']);

export function relOf(deprel: string): string {
  if (KEEP_SUBTYPE.has(deprel)) return deprel;
  const i = deprel.indexOf(':');
  return i < 0 ? deprel : deprel.slice(0, i);
}

export function headOf(ctx: SentenceContext, i: number): number {
  return ctx.words[i]!.head - 1;
}

export function kids(ctx: SentenceContext, i: number, rel?: string): number[] {
  const ks = ctx.children[i] ?? [];
  return rel ? ks.filter((k) => relOf(ctx.words[k]!.deprel) === rel) : ks;
}

/** Lower-cased adpositions marking a nominal ("an", "to", "von" + "dem" → ["von", "dem"]). */
export function casesOf(ctx: SentenceContext, i: number): string[] {
  return kids(ctx, i, 'case').map((k) => ctx.norms[k]!);
}

export function feat(ctx: SentenceContext, i: number, name: string): string | undefined {
  const f = ctx.words[i]!.feats;
  if (!f || f === '_') return undefined;
  for (const kv of f.split('|')) {
    const eq = kv.indexOf('=');
    if (kv.slice(0, eq) === name) return kv.slice(eq + 1);
  }
  return undefined;
}

/**
 * The German case of a nominal as evidence for its role: from its determiner (dem, den, des) or, for pronouns,
 * from the word itself. A bare proper name's predicted case is a guess and is not used.
 */
export function morphCase(ctx: SentenceContext, i: number): string | undefined {
  for (const d of kids(ctx, i, 'det')) {
    const c = feat(ctx, d, 'Case');
    if (c) return c;
  }
  if (ctx.words[i]!.upos === 'PRON' || ctx.words[i]!.upos === 'NOUN') return feat(ctx, i, 'Case');
  return undefined;
}

/** Does the dependent carry one of the wanted markers (adpositions or German morphological cases)? */
export function hasCase(ctx: SentenceContext, i: number, want: readonly string[] | undefined): boolean {
  if (!want) return true;
  const adps = casesOf(ctx, i);
  for (const w of want) {
    if (MORPH_CASES.has(w)) {
      // The article's case first; the word's own where the tagger read the article otherwise ("der/Nom Ukraine/Dat").
      if (morphCase(ctx, i) === w || feat(ctx, i, 'Case') === w) return true;
    } else if (adps.includes(w)) return true;
  }
  return false;
}

export function isPassive(ctx: SentenceContext, v: number): boolean {
  return kids(ctx, v).some((k) => {
    const r = ctx.words[k]!.deprel;
    return r === 'nsubj:pass' || r === 'aux:pass' || r === 'csubj:pass';
  });
}

export interface CoreDep {
  rel: string;
  word: number;
  /** A passive's by/von/durch phrase: its case is the adposition's, no sign of its role. */
  agent?: boolean;
}

/** Is word k a relative pronoun heading nothing (who, which, der, die …)? */
function relPronoun(ctx: SentenceContext, k: number): boolean {
  const w = ctx.words[k]!;
  return (
    (w.upos === 'PRON' || w.upos === 'DET') &&
    (feat(ctx, k, 'PronType') === 'Rel' || ctx.lex.relativePronouns.has(ctx.norms[k]!))
  );
}

/** The noun a relative pronoun inside a phrase stands for ("Der Iran, gegen den die USA Sanktionen verhängt haben",
 * "the country against which …"): the head of the relative clause it sits in. */
export function relativeAntecedent(ctx: SentenceContext, k: number): number | undefined {
  if (!relPronoun(ctx, k)) return undefined;
  for (let v = headOf(ctx, k), steps = 0; v >= 0 && steps < 3; v = headOf(ctx, v), steps++) {
    const rel = ctx.words[v]!.deprel;
    if (rel === 'acl:relcl' || (ctx.lang === 'de' && rel === 'acl')) {
      const h = headOf(ctx, v);
      return h >= 0 && h < k ? h : undefined;
    }
  }
  return undefined;
}

/** ", which has long been under US sanctions" where the parser did not make the clause a relative clause: the
 * noun right before the comma is what the pronoun stands for. */
function antecedentBeforeComma(ctx: SentenceContext, k: number): number | undefined {
  if (k < 2 || ctx.words[k - 1]!.form !== ',') return undefined;
  const up = ctx.words[k - 2]!.upos;
  if (up !== 'NOUN' && up !== 'PROPN') return undefined;
  // The head of a flat name ("Donald Trump") stands for the name.
  let a = k - 2;
  while (relOf(ctx.words[a]!.deprel) === 'flat' && headOf(ctx, a) >= 0 && headOf(ctx, a) < a) a = headOf(ctx, a);
  return a;
}

/**
 * Dependents of a predicate word with voice undone: the passive subject is the object and the by/von/durch phrase the
 * subject; in a relative clause the relative pronoun is replaced by the noun the clause modifies; in German a core
 * argument whose article shows Nom/Acc/Dat takes that role when the parser's labels collide ("Dem Iran wirft Israel vor").
 */
export function coreDeps(ctx: SentenceContext, v: number): CoreDep[] {
  const passive = isPassive(ctx, v);
  const relcl = ctx.words[v]!.deprel === 'acl:relcl';
  const agentCases = ctx.lex.agentCases[ctx.lang];
  const out: CoreDep[] = [];
  for (const k of kids(ctx, v)) {
    let rel = relOf(ctx.words[k]!.deprel);
    let word = k;
    const agent = rel === 'obl:agent' || (passive && rel === 'obl' && casesOf(ctx, k).some((c) => agentCases.has(c)));
    if (rel === 'nsubj:pass') rel = 'obj';
    else if (agent) rel = 'nsubj';
    if (relcl && relPronoun(ctx, k)) word = headOf(ctx, v);
    else if (relPronoun(ctx, k)) word = antecedentBeforeComma(ctx, k) ?? k;
    out.push(agent ? { rel, word, agent } : { rel, word });
  }
  if (ctx.lang === 'de') germanCase(ctx, v, out);
  return out;
}

function germanCase(ctx: SentenceContext, v: number, deps: CoreDep[]): void {
  const core = deps.filter((d) => d.rel === 'nsubj' || d.rel === 'obj' || d.rel === 'iobj');
  grantedTo(ctx, v, core);
  const counts = new Map<string, number>();
  for (const d of core) counts.set(d.rel, (counts.get(d.rel) ?? 0) + 1);
  const collide = [...counts.values()].some((n) => n > 1);
  for (const d of core) {
    if (d.agent) continue;
    const c = morphCase(ctx, d.word);
    const byCase = c === 'Nom' ? 'nsubj' : c === 'Acc' ? 'obj' : c === 'Dat' ? 'iobj' : undefined;
    // A dative labelled subject can never be one; otherwise only a collision lets the article overrule the label.
    if (byCase && (collide || (d.rel === 'nsubj' && byCase === 'iobj'))) d.rel = byCase;
  }
  // No subject but an object shown nominative ("Nach monatelangem Schweigen hat Pjöngjang eingeräumt"): the
  // parser took the subject after the finite verb for an object. An infinitive has no subject of its own.
  const infinitive = relOf(ctx.words[v]!.deprel) === 'xcomp' || kids(ctx, v, 'mark').some((m) => ctx.norms[m] === 'zu');
  const nominative = core.filter((d) => d.rel === 'obj' && morphCase(ctx, d.word) === 'Nom');
  // A passive's nominative is its patient ("Iranische Drohnen wurden an Russland geliefert").
  if (!infinitive && !isPassive(ctx, v) && !core.some((d) => d.rel === 'nsubj') && nominative.length === 1)
    nominative[0]!.rel = 'nsubj';
  // No subject, a plural finite verb and one object that is plural or coordinated ("Seit April kämpfen die Armee und
  // die RSF um die Macht"): that object agrees with the verb and is its subject (a finite German clause has one).
  const objects = core.filter((d) => d.rel === 'obj');
  const plural = (k: number) => feat(ctx, k, 'Number') === 'Plur' || kids(ctx, k, 'conj').length > 0;
  if (!infinitive && !core.some((d) => d.rel === 'nsubj') && objects.length === 1 && feat(ctx, v, 'Number') === 'Plur')
    if (plural(objects[0]!.word) && kids(ctx, v, 'aux:pass').length === 0) objects[0]!.rel = 'nsubj';
  // Two bare names as subjects ("Nordkorea soll Russland … Raketen geliefert haben"): the first is the subject, the
  // second the dative beside a theme, else the object.
  const names = core.filter((d) => d.rel === 'nsubj' && !d.agent);
  if (names.length === 2 && names.every((d) => morphCase(ctx, d.word) === undefined)) {
    const later = names[0]!.word < names[1]!.word ? names[1]! : names[0]!;
    const theme = deps.some((d) => d.rel === 'obj' || (d.rel === 'obl' && !casesOf(ctx, d.word).length));
    later.rel = theme ? 'iobj' : 'obj';
    return;
  }
  // Two subjects left, one shown nominative by its article or noun, one a bare name (no case of its own): in a
  // clause without an object the name is the object ("Carter hatte Russland … als Bedrohung bezeichnet"), beside
  // one the dative where it follows the nominative ("Der Iran werde Russland Drohnen liefern"; a name before it is
  // the subject and the article the ambiguous one: "Frankreich stärkt der Ukraine den Rücken").
  if (!collide) return;
  agreement(ctx, v, core);
  const subjects = core.filter((d) => d.rel === 'nsubj' && !d.agent);
  const bare = subjects.filter((d) => morphCase(ctx, d.word) === undefined);
  if (subjects.length - bare.length >= 1 && bare.length === 1) {
    const hasObject = core.some((d) => d.rel === 'obj');
    const afterNominative = subjects.some((d) => d !== bare[0] && d.word < bare[0]!.word);
    // A bare name first, before a noun whose case only the tagger guessed ("Israel tötete Hamas-Chef X", "Katar
    // finanziert die Hamas": 'die' is nominative or accusative alike): the name is the subject; an article shows
    // the other one nominative ("Israel tötete der Chef").
    const caseless = (k: number) => kids(ctx, k, 'det').every((a) => ctx.lex.nomAccArticles.has(ctx.norms[a]!));
    const guessed = subjects.filter((d) => d !== bare[0] && d.word > bare[0]!.word && caseless(d.word));
    if (!hasObject && guessed.length === 1 && subjects.length === 2) guessed[0]!.rel = 'obj';
    else if (!hasObject) bare[0]!.rel = 'obj';
    else if (afterNominative) bare[0]!.rel = 'iobj';
    if (!hasObject || afterNominative) return;
  }
  // Still two beside the object of a granting verb (both read nominative: "Die EU sagte Moldau/Nom ihre volle
  // Unterstützung zu"): the later one is the recipient. Elsewhere two subjects are more often two participants.
  if (subjects.length === 2 && grants(ctx, v) && deps.some((d) => d.rel === 'obj')) {
    const later = subjects[0]!.word < subjects[1]!.word ? subjects[1]! : subjects[0]!;
    later.rel = 'iobj';
  }
}

/**
 * A granting verb's recipient where the tagger guessed its case: the noun granted is the object and a bare name
 * beside it, which shows no case of its own, the dative ("China sicherte Russland seine Unterstützung zu", "bot
 * Russland Unterstützung an"); of two bare names the first is the giver ("China sagte Russland Unterstützung zu").
 * Runs before the articles are read: a bare noun's case is a guess too ("Unterstützung" looks alike in all four).
 */
function grantedTo(ctx: SentenceContext, v: number, core: CoreDep[]): void {
  const bare = (d: CoreDep) => ctx.words[d.word]!.upos === 'PROPN' && morphCase(ctx, d.word) === undefined;
  const names = core.filter((d) => bare(d) && !d.agent);
  const themes = core.filter((d) => d.rel === 'obj' && !bare(d));
  if (themes.length !== 1 || core.some((d) => d.rel === 'iobj') || !grants(ctx, v)) return;
  const others = core.filter((d) => !names.includes(d) && d !== themes[0]);
  if (names.length === 1 && names[0]!.rel === 'obj') names[0]!.rel = 'iobj';
  else if (names.length === 2 && !others.length) {
    const [first, second] = names[0]!.word < names[1]!.word ? [names[0]!, names[1]!] : [names[1]!, names[0]!];
    first.rel = 'nsubj';
    second.rel = 'iobj';
  }
}

/** Two subjects and no object where the finite verb agrees in number with one only ("Die USA haben ein Boot
 * angegriffen": "ein Boot" may be nominative or accusative): the other one is the object. */
function agreement(ctx: SentenceContext, v: number, core: CoreDep[]): void {
  const subjects = core.filter((d) => d.rel === 'nsubj');
  if (subjects.length !== 2 || core.some((d) => d.rel === 'obj')) return;
  const aux = kids(ctx, v).filter((k) => ['aux', 'aux:pass'].includes(ctx.words[k]!.deprel) && feat(ctx, k, 'Number'));
  const finite = aux.length ? feat(ctx, aux[0]!, 'Number') : feat(ctx, v, 'Number');
  if (!finite) return;
  const number = (k: number) => (kids(ctx, k, 'conj').length ? 'Plur' : feat(ctx, k, 'Number'));
  const agreeing = subjects.filter((d) => number(d.word) === finite);
  const other = subjects.find((d) => !agreeing.includes(d));
  if (agreeing.length === 1 && other && number(other.word)) other.rel = 'obj';
}

/**
 * The dependents a clause without its own subject inherits: coordinated verbs share the first verb's subject,
 * an xcomp takes its controller (the object of urge/auffordern, else the subject), a participle or adverbial clause
 * takes the subject of the clause it hangs on, an infinitive on a noun the noun's addressee or owner.
 */
export function inheritedSubject(ctx: SentenceContext, v: number, depth = 0): number[] {
  if (depth > 4) return [];
  const own = coreDeps(ctx, v)
    .filter((d) => d.rel === 'nsubj')
    .map((d) => d.word);
  if (own.length) return own;
  const rel = relOf(ctx.words[v]!.deprel);
  const h = headOf(ctx, v);
  if (h < 0) return [];
  if (rel === 'conj') return inheritedSubject(ctx, h, depth + 1);
  if (rel === 'xcomp' || rel === 'advcl' || rel === 'ccomp') {
    // "Pyongyang is believed to have supplied …", "Guterres is scheduled to meet …", "was urged to stop …": a passive
    // verb's infinitive is controlled by its passive subject.
    const passiveSubject = rel === 'xcomp' ? kids(ctx, h, 'nsubj:pass') : [];
    if (passiveSubject.length) return passiveSubject;
    // "accused Beijing of supporting Moscow", "wirft dem Iran vor, … zu liefern": the accused is the actor.
    if (ctx.lex.objectControl.has(ctx.norms[h]!)) {
      const obj = coreDeps(ctx, h).filter((d) => d.rel === 'obj' || d.rel === 'iobj');
      if (obj.length) return obj.map((d) => d.word);
      // "called upon more countries to ban …", "appealed to Russia to stop …": the oblique between the verb and the
      // clause it controls is the controller.
      const between = kids(ctx, h, 'obl').filter((k) => (h < k && k < v) || (v < k && k < h));
      if (between.length) return between;
    }
    // "sanctioned Iran for supplying Russia", "thanked Berlin for supporting Kyiv": the one judged for the act did it.
    const reason =
      rel === 'advcl' &&
      /ing$/u.test(ctx.norms[v]!) &&
      kids(ctx, v, 'mark').some((m) => ctx.lex.reasonMarks.has(ctx.norms[m]!));
    const judged = reason ? coreDeps(ctx, h).filter((d) => d.rel === 'obj') : [];
    if (judged.length) return judged.map((d) => d.word);
    // A complement clause without a subject or a complementiser is an infinitive the parser called ccomp
    // ("hatte angekündigt, … seinen Ärger anzusprechen"); one with "dass/that" has a subject of its own, and so
    // has one with an auxiliary but no "zu/to" ("Wie CNN berichtete, hat Iran … geliefert": never CNN's).
    const marks = kids(ctx, v, 'mark');
    const infinitive = marks.some((m) => /^(zu|to)$/u.test(ctx.norms[m]!));
    const finite =
      rel === 'ccomp' &&
      (marks.some((m) => !/^(zu|to)$/u.test(ctx.norms[m]!)) || (!infinitive && kids(ctx, v, 'aux').length > 0));
    return finite ? [] : inheritedSubject(ctx, h, depth + 1);
  }
  if (rel === 'acl' && kids(ctx, v, 'mark').some((m) => /^(zu|to)$/u.test(ctx.norms[m]!))) {
    // "pressure on Europe to ban the group", "Aufforderung an Berlin, … zu liefern": the one the noun is addressed to
    // acts; else "Russia's decision to invade": the noun's owner; else, and for a pronoun owner, the subject of the
    // verb the noun is the object of ("declared his intention to resist Obama").
    const addressee = kids(ctx, h, 'nmod').filter((k) => casesOf(ctx, k).some((c) => ctx.lex.addresseeCases.has(c)));
    if (addressee.length) return addressee;
    const owner = kids(ctx, h, 'nmod:poss').filter((k) => ctx.words[k]!.upos !== 'PRON');
    if (owner.length) return owner;
    if (relOf(ctx.words[h]!.deprel) === 'obj' && headOf(ctx, h) >= 0)
      return inheritedSubject(ctx, headOf(ctx, h), depth + 1);
  }
  return [];
}

/** A word inside a possessive mention ("Belarus, Russia's closest ally": a "conjunct" the parser made of an
 * apposition's possessor is no coordinated argument). */
function possessor(ctx: SentenceContext, k: number): boolean {
  const w = ctx.words[k]!;
  return ctx.mentions.some((m) => m.poss && m.tokStart < w.tokEnd && w.tokStart < m.tokEnd);
}

/** Obliques of k's verb standing between the subject k and its verb ("The government in Kyiv condemned …", "Die
 * Regierung in Kiew verurteilte …"): the one constituent before a V2 or SVO verb, so the PP modifies the subject
 * even where the parser hung it on the verb. */
export function strandedModifiers(ctx: SentenceContext, k: number): number[] {
  if (relOf(ctx.words[k]!.deprel) !== 'nsubj') return [];
  const v = headOf(ctx, k);
  return v > k ? kids(ctx, v, 'obl').filter((c) => k < c && c < v) : [];
}

/** Word k and every conjunct coordinated with it ("U.N., U.S. and EU"); a conjunct the parser hung on an apposed
 * name counts too ("Präsident Ilham Alijew und der armenische Regierungschef …" with the second on "Ilham"). */
export function withConjuncts(ctx: SentenceContext, k: number): number[] {
  const out = [k];
  for (let i = 0; i < out.length && out.length < 30; i++) {
    const w = out[i]!;
    const named = [w, ...kids(ctx, w, 'appos'), ...kids(ctx, w, 'flat')];
    for (const n of named)
      for (const c of kids(ctx, n, 'conj')) if (!out.includes(c) && !possessor(ctx, c)) out.push(c);
  }
  return out;
}

/** The ancestors of a word, nearest first, with the relation by which each step was taken. */
export function ancestors(ctx: SentenceContext, i: number): Array<{ word: number; via: string }> {
  const out: Array<{ word: number; via: string }> = [];
  let cur = i;
  for (let n = 0; n < 40; n++) {
    const h = headOf(ctx, cur);
    if (h < 0) break;
    out.push({ word: h, via: relOf(ctx.words[cur]!.deprel) });
    cur = h;
  }
  return out;
}

/** Does the subtree of `root` contain word k? */
export function inSubtree(ctx: SentenceContext, root: number, k: number): boolean {
  let cur = k;
  for (let n = 0; n < 60 && cur >= 0; n++) {
    if (cur === root) return true;
    cur = headOf(ctx, cur);
  }
  return false;
}

/** Dependents only a noun phrase has; "det" with its subtypes ("det:poss"), as relOf reads them. */
const NOUN_PHRASE_DEPS = new Set(['det', 'nmod:poss', 'amod']);

/** A word that heads a noun phrase: tagged NOUN, or with an article, possessor or adjective of its own although the
 * tagger called it something else ("the explosive chemical", "Peru's closest ally" with "ally" tagged ADV). */
export function nounLike(ctx: SentenceContext, k: number): boolean {
  if (ctx.words[k]!.upos === 'NOUN') return true;
  if (ctx.words[k]!.upos === 'VERB' || ctx.words[k]!.upos === 'AUX') return false;
  return ctx.children[k]!.some((c) => NOUN_PHRASE_DEPS.has(relOf(ctx.words[c]!.deprel)));
}

/** The separable particle of a verb ("griff … an" → "an"), if the parse attaches one. */
export function particleOf(ctx: SentenceContext, w: number): string | undefined {
  const p = kids(ctx, w, 'compound:prt')[0];
  return p === undefined ? undefined : ctx.norms[p];
}

/** Is verb g in the list (a German verb with its separable particle in front: "sicherte … zu" → "zusicherte")? */
export function verbIn(ctx: SentenceContext, g: number, list: WordSet): boolean {
  const norm = ctx.norms[g]!;
  return list.has(norm) || list.has((particleOf(ctx, g) ?? '') + norm);
}

/** Does verb g give its object to a recipient ("sicherte … zu", "offered")? */
export function grants(ctx: SentenceContext, g: number): boolean {
  return verbIn(ctx, g, ctx.lex.grantingVerbs);
}
