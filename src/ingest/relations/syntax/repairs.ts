// Attachment repairs on a copy of a sentence's parse before the relation rules read it: errors the trained parser
// makes systematically on news text, where its treebanks hold too few examples to learn the construction.

import { participleLike } from '../../syntax/words.js';
import type { SyntaxLexicons, WordSet } from './lexicons.js';

export interface RepairWord {
  form: string;
  head: number;
  deprel: string;
  upos: string;
  feats?: string;
}

const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
/** What a relative pronoun can be in its clause (the German one also object or dative: "den Biden kritisierte"). */
const RELATIVE_ROLES = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj']);
/** Where the parser hangs the main verb that follows a relative clause it did not close. */
const STRANDED_MAIN = new Set(['conj', 'advcl', 'parataxis', 'ccomp']);
/** Positions a main predicate takes; the noun the relative clause describes stands in one of them when the parse
 * has no predicate of its own for it. */
const CLAUSE_SLOTS = new Set(['root', 'ccomp', 'parataxis']);
/** Dependents by which the parser attached the antecedent to the relative clause's verb. */
const ANTECEDENT_DEPS = new Set(['nsubj', 'nsubj:pass', 'vocative', 'dep', 'obl', 'appos']);
const NAME_PARTS = new Set(['flat', 'flat:name', 'compound']);

function isNominal(w: RepairWord): boolean {
  return w.upos === 'PROPN' || w.upos === 'NOUN' || w.upos === 'PRON';
}

/** Head indices (0-based, −1 root) and children lists of the current words. */
function shape(out: readonly RepairWord[]): { head: number[]; children: number[][] } {
  const head = out.map((w) => w.head - 1);
  const children: number[][] = out.map(() => []);
  head.forEach((h, i) => {
    if (h >= 0 && h < out.length) children[h]!.push(i);
  });
  return { head, children };
}

function dominates(head: readonly number[], top: number, k: number): boolean {
  for (let x = k, n = 0; x >= 0 && n <= head.length; x = head[x]!, n++) if (x === top) return true;
  return false;
}

/** Leftmost word of k's phrase, punctuation left out (the closing comma of a relative clause often hangs on the
 * next verb). */
function leftEdge(out: readonly RepairWord[], children: readonly number[][], k: number): number {
  let min = k;
  const stack = [k];
  while (stack.length) {
    const x = stack.pop()!;
    if (x < min) min = x;
    for (const c of children[x]!) if (out[c]!.deprel !== 'punct') stack.push(c);
  }
  return min;
}

/** The noun phrase head above a name part ("Philip Zelikow": the relative clause may hang on either word). */
function phraseHead(out: readonly RepairWord[], head: readonly number[], k: number, limit: number): number {
  let x = k;
  for (let n = 0; n < 6 && NAME_PARTS.has(out[x]!.deprel) && head[x]! >= 0 && head[x]! < limit; n++) x = head[x]!;
  return x;
}

/** The main verb the parser left inside relative clause v: a later verb of v's subtree, attached as if it
 * continued the relative clause, with no subject, conjunction or subordinator of its own, and right after a comma. */
function strandedMain(out: readonly RepairWord[], shp: ReturnType<typeof shape>, v: number): number {
  for (let k = v + 1; k < out.length; k++) {
    const w = out[k]!;
    if (w.upos !== 'VERB' || !STRANDED_MAIN.has(w.deprel) || !dominates(shp.head, v, k)) continue;
    const ks = shp.children[k]!;
    if (ks.some((c) => SUBJECTS.has(out[c]!.deprel) || ['cc', 'mark', 'expl'].includes(out[c]!.deprel))) continue;
    // "…, having won four elections, …" continues the clause; a main verb is finite or has its auxiliary.
    if (/ing$/iu.test(w.form) && !ks.some((c) => out[c]!.deprel.startsWith('aux'))) continue;
    if (out[leftEdge(out, shp.children, k) - 1]?.form !== ',') continue;
    return k;
  }
  return -1;
}

/**
 * "Putin, who has ruled Russia since 2000, said …" / "China, which buys Iran's oil, criticised …": the parser,
 * trained on treebanks with a few dozen such sentences, reads the main verb as a continuation of the relative
 * clause (conj, advcl) and leaves the sentence with the antecedent or the relative verb as its root. When the tree
 * has no predicate outside the relative clause, the stranded verb takes the antecedent's place, the antecedent
 * becomes its subject and the relative clause the antecedent's. "Die Türkei, die den Gipfel ausrichtete, kritisierte
 * …": with the antecedent as a second subject of the relative verb, the antecedent moves to the verb governing it.
 */
export function relativeClauseRepair(out: RepairWord[], relativePronouns: WordSet, relcl: string): void {
  for (let r = 2; r < out.length; r++) {
    const pron = out[r]!;
    if (pron.upos !== 'PRON' || out[r - 1]!.form !== ',' || !RELATIVE_ROLES.has(pron.deprel)) continue;
    if (!relativePronouns.has(pron.form.toLowerCase())) continue;
    const shp = shape(out);
    const v = shp.head[r]!;
    if (v <= r || (out[v]!.upos !== 'VERB' && out[v]!.upos !== 'AUX')) continue;
    const hv = shp.head[v]!;
    let ante = -1;
    if (hv >= 0 && hv < r - 1 && out[v]!.deprel === relcl) ante = phraseHead(out, shp.head, hv, r - 1);
    else {
      const own = shp.children[v]!.filter((c) => c < r - 1 && ANTECEDENT_DEPS.has(out[c]!.deprel));
      if (own.length === 1) ante = own[0]!;
    }
    if (ante < 0 || !isNominal(out[ante]!)) continue;
    const top = dominates(shp.head, ante, v) ? ante : v;
    const main = CLAUSE_SLOTS.has(out[top]!.deprel) ? strandedMain(out, shp, v) : -1;
    if (main >= 0) {
      const passive = shp.children[main]!.some((c) => out[c]!.deprel === 'aux:pass');
      out[main]!.head = out[top]!.head;
      out[main]!.deprel = out[top]!.deprel;
      for (const c of shp.children[top]!) if (c > main && out[c]!.deprel === 'punct') out[c]!.head = main + 1;
      out[ante]!.head = main + 1;
      out[ante]!.deprel = passive ? 'nsubj:pass' : 'nsubj';
      out[v]!.head = ante + 1;
      out[v]!.deprel = relcl;
      continue;
    }
    // The antecedent as a second subject of the relative verb, which hangs on a later verb without a subject.
    if (top !== v || !SUBJECTS.has(out[ante]!.deprel) || !SUBJECTS.has(pron.deprel)) continue;
    if (hv <= v || out[hv]!.upos !== 'VERB' || shp.children[hv]!.some((c) => SUBJECTS.has(out[c]!.deprel))) continue;
    out[ante]!.head = hv + 1;
    out[v]!.head = ante + 1;
    out[v]!.deprel = relcl;
  }
}

/** A possessor before an adjective belongs to the adjective's noun ("Perus wichtigster Waffenlieferant", where the
 * parser hangs "Perus" on "wichtigster"). */
function possessorOfNoun(out: RepairWord[]): void {
  out.forEach((w, i) => {
    const h = w.head - 1;
    if (h <= i || !/^nmod(:poss)?$/u.test(w.deprel)) return;
    const adj = out[h]!;
    const g = adj.head - 1;
    if (adj.upos === 'ADJ' && adj.deprel === 'amod' && g > h && out[g]!.upos === 'NOUN') w.head = g + 1;
  });
}

/** "Russland bleibt Indiens größter Waffenlieferant", "gilt als Pakistans wichtigster Unterstützer": a German name
 * in -s right before an adjective and its noun is that noun's possessor (German puts only names before the noun in
 * the genitive), but the parser hangs it on the verb as a second subject, or makes it the phrase's head with the
 * noun below it. The name becomes the noun's possessor and the noun takes the place the name held. A common noun in
 * -s counts only before a superlative ("Pakistans engster"): "Autos deutscher Hersteller" is a genitive after. */
function prenominalGenitive(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((k, i) => {
    if (!/^\p{Lu}\p{L}*s$/u.test(k.form) || (k.upos !== 'PROPN' && k.upos !== 'NOUN')) return;
    let n = i + 1;
    while (n < out.length && out[n]!.upos === 'ADJ' && out[n]!.head > n + 1) n++;
    if (n === i + 1 || n >= out.length || out[n]!.upos !== 'NOUN') return;
    for (let j = i + 1; j < n; j++) if (out[j]!.head !== n + 1) return;
    if (k.upos === 'NOUN' && !/st(e|er|en|es)?$/u.test(out[i + 1]!.form)) return;
    if (children[i]!.some((c) => out[c]!.deprel === 'det') || k.head === n + 1) return;
    const noun = out[n]!;
    if (noun.head === i + 1) {
      noun.head = k.head;
      noun.deprel = k.deprel;
      for (const c of children[i]!) if (c !== n) out[c]!.head = n + 1;
    }
    k.head = n + 1;
    k.deprel = 'nmod:poss';
  });
}

/** A passive subject without any auxiliary is the subject of an active verb ("said it condemned the use of force",
 * the participle reading of "condemned"), and then a nominal xcomp of that verb, with no object beside it, its
 * object; an active clause has no passive agent ("condemned the use of force by the US", "spoke by phone with …"). */
function voice(out: RepairWord[]): void {
  const { children } = shape(out);
  const deps = (h: number, rel: string) => children[h]!.filter((k) => out[k]!.deprel === rel).map((k) => out[k]!);
  out.forEach((v, i) => {
    if (v.upos !== 'VERB') return;
    const subj = deps(i, 'nsubj:pass');
    const aux = deps(i, 'aux:pass').length + deps(i, 'aux').length;
    if (subj.length !== 1 || i < out.indexOf(subj[0]!) || aux) return;
    subj[0]!.deprel = 'nsubj';
    const xcomp = deps(i, 'xcomp');
    if (!deps(i, 'obj').length && xcomp.length === 1 && xcomp[0]!.upos === 'NOUN') xcomp[0]!.deprel = 'obj';
  });
  // "Die Ukraine wurde von Russland angegriffen": the other way round, a passive auxiliary makes the one subject the
  // passive subject (the parser labels it nsubj, and the von-phrase then reads as a second, agent subject).
  out.forEach((v, i) => {
    const subj = deps(i, 'nsubj');
    if (v.upos === 'VERB' && subj.length === 1 && deps(i, 'aux:pass').length && !deps(i, 'nsubj:pass').length)
      subj[0]!.deprel = 'nsubj:pass';
  });
  out.forEach((_, i) => {
    if (!deps(i, 'nsubj').length || deps(i, 'aux:pass').length || deps(i, 'nsubj:pass').length) return;
    for (const a of deps(i, 'obl:agent')) a.deprel = 'obl';
  });
}

/** "said Moscow was mocking peace efforts": "be" before a form in -ing is the progressive, never the passive
 * (whose -ing auxiliary is "being": "was being attacked"), so the parser's passive labels go back to active ones. */
function progressive(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((v, i) => {
    if (v.upos !== 'VERB' || !/ing$/u.test(v.form.toLowerCase())) return;
    const kids = children[i]!.map((c) => out[c]!);
    if (!kids.some((k) => k.deprel === 'aux:pass' && !/ing$/u.test(k.form.toLowerCase()))) return;
    for (const k of kids) {
      if (k.deprel === 'aux:pass') k.deprel = 'aux';
      else if (k.deprel === 'nsubj:pass') k.deprel = 'nsubj';
    }
  });
}

/** "…, according to United Nations experts": "according to" is one adposition of the phrase after it (UD: case
 * with "to" fixed), which is an oblique of the clause; the parser, unsure of the phrase ("United" read as a verb),
 * makes "according" a conjunction and the phrase a parataxis, and the attribution goes unseen. */
function accordingTo(out: RepairWord[]): void {
  out.forEach((w, i) => {
    if (w.form.toLowerCase() !== 'according' || out[i + 1]?.form.toLowerCase() !== 'to' || w.deprel === 'case') return;
    const nominal = (k: number) => ['NOUN', 'PROPN', 'PRON'].includes(out[k]!.upos);
    let h = w.head - 1;
    while (h > i + 1 && !nominal(h) && out[h]!.head - 1 > h) h = out[h]!.head - 1;
    if (h <= i + 1 || !nominal(h)) return;
    w.head = h + 1;
    w.deprel = 'case';
    out[i + 1]!.head = i + 1;
    out[i + 1]!.deprel = 'fixed';
    if (['parataxis', 'conj', 'appos', 'dep', 'list'].includes(out[h]!.deprel)) out[h]!.deprel = 'obl';
  });
}

/** "New Delhi accused Islamabad of harbouring terrorists": "of" + gerund never modifies a noun from before it, so
 * a noun phrase the parser built around one ("Islamabad [of harbouring] terrorists", the object of "accused") splits:
 * the name before "of" is the verb's object, the gerund its clause with the noun after it as the gerund's object. */
function ofGerund(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((g, i) => {
    const n = g.head - 1;
    if (g.upos !== 'VERB' || g.deprel !== 'amod' || !/ing$/u.test(g.form.toLowerCase()) || n <= i) return;
    const of = i - 1;
    if (of < 0 || out[of]!.form.toLowerCase() !== 'of' || out[of]!.head !== i + 1) return;
    const v = out[n]!.head - 1;
    if (out[n]!.deprel !== 'obj' || v < 0 || out[v]!.upos !== 'VERB') return;
    const before = children[n]!.filter((c) => c < of);
    const name = before.filter((c) => out[c]!.upos === 'PROPN' || out[c]!.upos === 'NOUN').pop();
    if (name === undefined) return;
    for (const c of before) if (c !== name) out[c]!.head = name + 1;
    out[name]!.head = v + 1;
    out[name]!.deprel = 'obj';
    out[of]!.deprel = 'mark';
    g.head = v + 1;
    g.deprel = 'advcl';
    out[n]!.head = i + 1;
    out[n]!.deprel = 'obj';
  });
}

/** "Der Iran wird dafür bezahlen", "Die EU wird Sanktionen verhängen": the parser takes "wird" before an infinitive for
 * the passive auxiliary (the infinitive looks like a strong participle), but werden + infinitive is the future, an
 * active clause. An infinitive ends in -en/-n and has no "ge" near its start (participles: "gegeben", "angegriffen"). */
function futureWerden(out: RepairWord[], futureAux: WordSet): void {
  const { children } = shape(out);
  out.forEach((v, i) => {
    const form = v.form.toLowerCase();
    if (v.upos !== 'VERB' || !/n$/u.test(form) || form.slice(0, 6).includes('ge')) return;
    const aux = children[i]!.map((k) => out[k]!).filter((w) => w.deprel === 'aux:pass');
    if (aux.length !== 1 || !futureAux.has(aux[0]!.form.toLowerCase())) return;
    aux[0]!.deprel = 'aux';
    for (const k of children[i]!) if (out[k]!.deprel === 'nsubj:pass') out[k]!.deprel = 'nsubj';
  });
}

/** "Seit April 2023 kämpfen die Armee und die RSF …": a subject never carries an adposition; the parser's nsubj with
 * a case marker is an oblique (and the clause's subject is then read from case and agreement, tree.ts). */
function markedSubject(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((w, i) => {
    if (SUBJECTS.has(w.deprel) && children[i]!.some((c) => out[c]!.deprel === 'case' && out[c]!.upos === 'ADP'))
      w.deprel = 'obl';
  });
}

/**
 * "North Korean troops fought alongside Russian forces.", "Indian and Pakistani troops clashed along the border.": the
 * parser reads the past tense after a subject noun as a reduced relative ("troops fought" as "troops [that were]
 * fought") and leaves the sentence without a predicate. In an English sentence with no other verb, a verb hung on the
 * root noun as `acl`, right after the noun's own words, with no subject, auxiliary, subordinator or agent of its own
 * and no participle-only form ("given", "born"), is the main verb and the noun its subject.
 */
function reducedRelativeMain(out: RepairWord[], participlesOnly: WordSet): void {
  const n = out.length;
  const shp = shape(out);
  const root = shp.head.indexOf(-1);
  if (root < 0 || out[n - 1]!.form !== '.' || (out[root]!.upos !== 'NOUN' && out[root]!.upos !== 'PROPN')) return;
  const acl = shp.children[root]!.filter((k) => k > root && out[k]!.deprel === 'acl' && out[k]!.upos === 'VERB');
  if (acl.length !== 1) return;
  const v = acl[0]!;
  const verb = out[v]!;
  if (/ing$/iu.test(verb.form) || participlesOnly.has(verb.form.toLowerCase())) return;
  const own = shp.children[v]!;
  if (own.some((c) => /^(nsubj|aux|mark|cop|expl|obl:agent)/u.test(out[c]!.deprel))) return;
  if (own.some((c) => shp.children[c]!.some((g) => out[g]!.deprel === 'case' && out[g]!.form.toLowerCase() === 'by')))
    return;
  for (let k = root + 1; k < v; k++) if (out[k]!.upos === 'PUNCT' || !dominates(shp.head, root, k)) return;
  if (out.some((w, k) => (w.upos === 'VERB' || w.upos === 'AUX') && !dominates(shp.head, v, k))) return;
  verb.head = out[root]!.head;
  verb.deprel = out[root]!.deprel;
  for (const c of shp.children[root]!) if (c > v && out[c]!.deprel === 'punct') out[c]!.head = v + 1;
  out[root]!.head = v + 1;
  out[root]!.deprel = 'nsubj';
}

/** "hat den russischen Präsidenten Wladimir Putin … empfangen": GSD's `obl:arg` on a bare noun phrase (no adposition)
 * is a core argument, the object. */
function bareArgument(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((w, i) => {
    if (w.deprel === 'obl:arg' && !children[i]!.some((c) => out[c]!.deprel === 'case')) w.deprel = 'obj';
  });
}

/** "Katar unterstützt seit langem die Hamas": a German noun phrase puts its article before its adjectives, so an
 * adjective or adverb between a preposition and an article belongs to the preposition ("seit langem", "vor
 * kurzem"), and the noun after the article is no part of that phrase: the adverbial goes to the verb, the noun
 * becomes the object where its case is accusative. */
function adverbialBeforeArticle(out: RepairWord[]): void {
  const { head, children } = shape(out);
  out.forEach((w, h) => {
    if (!w.deprel.startsWith('obl') || head[h]! < 0) return;
    const kids = children[h]!;
    const a = kids.find((c) => c < h && out[c]!.deprel === 'case' && out[c]!.upos === 'ADP');
    const d = kids.find((c) => a !== undefined && c > a && c < h && out[c]!.deprel === 'det');
    if (a === undefined || d === undefined) return;
    const j = kids.find((c) => c > a && c < d && (out[c]!.upos === 'ADJ' || out[c]!.upos === 'ADV'));
    if (j === undefined || a + 1 !== j) return;
    out[a]!.head = j + 1;
    out[j]!.head = w.head;
    out[j]!.deprel = 'obl';
    if (/(?:^|\|)Case=Acc/u.test(w.feats ?? '')) w.deprel = 'obj';
  });
}

/** "Der Iran, der Russland mit Drohnen beliefert, bestreitet das": after a comma, der/die/das before a noun in a
 * clause that ends in its verb (no zu-infinitive) opens a relative clause (an article's own clause would put its verb second), so the
 * word is the relative pronoun, the subject, and the name the verb's object; the parser read "der Russland" as one
 * noun phrase. The clause's verb goes to the antecedent; what it governed outside the clause goes to the main verb
 * (the one it hung on, or the first verb after the clause when it was the root). */
function articleAsRelative(out: RepairWord[], relativePronouns: WordSet): void {
  const { children } = shape(out);
  for (let i = 2; i + 2 < out.length; i++) {
    const d = out[i]!;
    if (out[i - 1]!.form !== ',' || d.upos !== 'DET' || !relativePronouns.has(d.form.toLowerCase())) continue;
    if (!isNominal(out[i + 1]!) || !isNominal(out[i - 2]!)) continue;
    let e = i + 1;
    while (e < out.length && out[e]!.upos !== 'PUNCT') e++;
    // The verb ends the clause, before its auxiliaries ("geliefert hat").
    let v = e - 1;
    while (v > i + 1 && out[v]!.upos === 'AUX') v--;
    if (v <= i + 1 || out[v]!.upos !== 'VERB') continue;
    const inSpan = (k: number) => k >= i && k < e;
    // "versprach, die Waffen zu liefern": an infinitive clause, whose article is one.
    if (!inSpan(d.head - 1) || out.slice(i, e).some((w) => w.form.toLowerCase() === 'zu')) continue;
    const oldHead = out[v]!.head - 1;
    if (inSpan(oldHead)) continue;
    let main = oldHead;
    if (main < 0) {
      main = out.findIndex((w, k) => k > e && w.upos === 'VERB' && inSpan(w.head - 1));
      if (main < 0) continue;
      out[main]!.head = 0;
      out[main]!.deprel = 'root';
    }
    const ante = phraseHead(out, shape(out).head, i - 2, i - 1);
    const mainHasSubject = children[main]!.some((c) => SUBJECTS.has(out[c]!.deprel));
    for (const c of children[v]!)
      if (!inSpan(c) && c !== main) {
        out[c]!.head = main + 1;
        // "kritisierte die USA, die …": the antecedent the parser made the clause's subject is the main verb's object.
        if (c === ante && mainHasSubject && SUBJECTS.has(out[c]!.deprel)) out[c]!.deprel = 'obj';
      }
    const moved: number[] = [];
    for (let k = i + 2; k < e; k++)
      if (k !== v && !inSpan(out[k]!.head - 1)) {
        out[k]!.head = v + 1;
        moved.push(k);
      }
    d.upos = 'PRON';
    d.head = v + 1;
    d.deprel = 'nsubj';
    out[i + 1]!.head = v + 1;
    out[i + 1]!.deprel = 'obj';
    // A bare noun the parser joined to the name ("Russland Granaten" as one phrase) is the theme, the name then the
    // dative: "das Russland Granaten liefert".
    const bareNoun = (k: number) =>
      isNominal(out[k]!) && !shape(out).children[k]!.some((c) => out[c]!.deprel === 'case');
    const themes = moved.filter((k) => bareNoun(k) && !['obj', 'obl', 'iobj', 'advmod'].includes(out[k]!.deprel));
    for (const k of themes) out[k]!.deprel = 'obj';
    if (out.some((w, k) => k !== i + 1 && w.head === v + 1 && w.deprel === 'obj')) out[i + 1]!.deprel = 'iobj';
    out[v]!.head = ante + 1;
    out[v]!.deprel = 'acl';
  }
}

/** "Lawrow besuchte Pjöngjang und traf dort Kim Jong Un": a German verb right after "und" opens no clause of its
 * own (a new main clause would put a subject or adverb first: "und dort traf er Kim"), so it shares the first
 * verb's subject, and the noun the parser took for its own subject after it is its object. */
function ellipticConjunct(out: RepairWord[]): void {
  const { head, children } = shape(out);
  out.forEach((w, v) => {
    const h = head[v]!;
    if (w.deprel !== 'conj' || w.upos !== 'VERB' || h < 0 || v === 0 || out[v - 1]!.deprel !== 'cc') return;
    if (head[v - 1] !== v || !children[h]!.some((c) => SUBJECTS.has(out[c]!.deprel) && c < h)) return;
    for (const c of children[v]!)
      if (out[c]!.deprel === 'nsubj' && c > v)
        out[c]!.deprel = /(?:^|\|)Case=Dat/u.test(out[c]!.feats ?? '') ? 'iobj' : 'obj';
  });
}

/** "Erdogans Besuch in Bagdad": a German genitive name right before its noun, which the parser left as bare `dep`,
 * is the noun's possessor. */
function genitiveName(out: RepairWord[]): void {
  out.forEach((w, i) => {
    if (w.deprel === 'dep' && w.upos === 'PROPN' && w.head === i + 2 && /(?:^|\|)Case=Gen/u.test(w.feats ?? ''))
      w.deprel = 'nmod:poss';
  });
}

/** "Der Iran bestreitet, Russland Raketen geliefert zu haben": German writes noun compounds as one word, so a bare
 * name the parser made a `compound` of the object noun right after it is the verb's dative object. */
function nameBeforeObject(out: RepairWord[]): void {
  out.forEach((w, i) => {
    const h = out[i + 1];
    if (w.upos !== 'PROPN' || w.deprel !== 'compound' || w.head !== i + 2 || !h) return;
    if (h.upos !== 'NOUN' || h.deprel !== 'obj' || (i > 0 && out[i - 1]!.upos === 'DET')) return;
    w.head = h.head;
    w.deprel = 'iobj';
  });
}

/** "Frankreich sagte der Ukraine Unterstützung zu", "hat der Ukraine weitere Hilfe zugesagt": a German genitive
 * follows its noun, so a phrase with an article that the parser hung on the bare object noun after it as `nmod`
 * (a genitive read backwards) is the verb's dative object. */
function articleBeforeObject(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((w, i) => {
    const h = w.head - 1;
    if (w.deprel !== 'nmod' || h <= i || (w.upos !== 'NOUN' && w.upos !== 'PROPN')) return;
    const kids = children[i]!.map((c) => out[c]!);
    if (!kids.some((c, n) => c.upos === 'DET' && children[i]![n]! < i) || kids.some((c) => c.deprel === 'case')) return;
    const obj = out[h]!;
    if (obj.upos !== 'NOUN' || !['obj', 'obl:arg', 'obl'].includes(obj.deprel)) return;
    if (children[h]!.some((c) => out[c]!.deprel === 'case' || out[c]!.deprel === 'det')) return;
    for (let k = i + 1; k < h; k++) if (out[k]!.head !== h + 1 || out[k]!.upos !== 'ADJ') return;
    const verb = out[obj.head - 1];
    if (!verb || (verb.upos !== 'VERB' && verb.upos !== 'AUX')) return;
    w.head = obj.head;
    w.deprel = 'iobj';
  });
}

/** "Polen machte Russland für den Anschlag verantwortlich": two bare names around a German V2 verb carry no case
 * marks, and such a clause is read subject first (an object put first takes an article or pronoun that shows its
 * case: "Den Iran kritisierte Israel"). The parser, taking "Polen" for a plural noun, made it the object and the
 * name after the verb the subject; they change places. */
function bareNamesSubjectFirst(out: RepairWord[]): void {
  const { children } = shape(out);
  const bare = (k: number) =>
    (out[k]!.upos === 'PROPN' || out[k]!.upos === 'NOUN') &&
    !/(?:^|\|)Case=(?:Acc|Dat|Gen)/u.test(out[k]!.feats ?? '') &&
    children[k]!.every((c) => NAME_PARTS.has(out[c]!.deprel));
  const last = (k: number): number => Math.max(k, ...children[k]!.map(last));
  out.forEach((v, i) => {
    if (v.upos !== 'VERB' && v.upos !== 'AUX') return;
    const o = children[i]!.filter((c) => out[c]!.deprel === 'obj');
    const s = children[i]!.filter((c) => out[c]!.deprel === 'nsubj');
    if (o.length !== 1 || s.length !== 1 || o[0]! > i || s[0]! < i) return;
    if (leftEdge(out, children, o[0]!) !== leftEdge(out, children, i) || last(o[0]!) + 1 !== i) return;
    if (
      !bare(o[0]!) ||
      (out[s[0]!]!.upos !== 'PROPN' && !bare(s[0]!)) ||
      children[s[0]!]!.some((c) => !NAME_PARTS.has(out[c]!.deprel))
    )
      return;
    out[o[0]!]!.deprel = 'nsubj';
    out[s[0]!]!.deprel = 'obj';
  });
}

/** "Peru was outraged by Bolivia's decision", "Russia was alarmed at …": an English participle of feeling after
 * "be" is an adjective with its copula (EWT tags most of them VERB, passive), and its by-phrase the cause, not an
 * agent: the adjective frames read it once the clause is copular again. The feeling words are the adjective
 * triggers of the relation lexicon. */
function feelingParticiple(out: RepairWord[], isFeeling: (norm: string) => boolean): void {
  const { children } = shape(out);
  out.forEach((v, i) => {
    const kids = children[i]!.map((c) => out[c]!);
    if (v.upos !== 'VERB' || !kids.some((k) => k.deprel === 'aux:pass') || !isFeeling(v.form.toLowerCase())) return;
    v.upos = 'ADJ';
    for (const k of kids) {
      if (k.deprel === 'aux:pass') k.deprel = 'cop';
      else if (k.deprel === 'nsubj:pass') k.deprel = 'nsubj';
      else if (k.deprel === 'obl:agent') k.deprel = 'obl';
    }
  });
}

/** "US-made missiles hit Russia", "Iran-backed militias attacked US bases": a participle joined by a hyphen to the
 * word before modifies the noun after it (EWT and GUM: 107 of 120 such words are amod), but the parser, seeing a
 * name before a verb, makes the participle the root and the real predicate its complement. The participle
 * becomes the noun's modifier, the first verb after the noun inside the participle's phrase the predicate, with
 * the noun for its subject. */
function hyphenParticiple(out: RepairWord[]): void {
  const { head, children } = shape(out);
  const v = head.indexOf(-1);
  const n = v + 1;
  if (v < 2 || out[v - 1]!.form !== '-' || out[v]!.upos !== 'VERB' || !participleLike(out[v]!.form)) return;
  if (!out[n] || (out[n]!.upos !== 'NOUN' && out[n]!.upos !== 'PROPN')) return;
  let m = -1;
  for (let k = n + 1; k < out.length && m < 0; k++)
    if (out[k]!.upos === 'VERB' && dominates(head, v, k) && !children[k]!.some((c) => out[c]!.deprel === 'mark')) m = k;
  if (m < 0 || children[m]!.some((c) => c !== n && SUBJECTS.has(out[c]!.deprel))) return;
  out[m]!.head = 0;
  out[m]!.deprel = 'root';
  for (const c of children[v]!) if (c > n && c !== m) out[c]!.head = m + 1;
  out[n]!.head = m + 1;
  out[n]!.deprel = 'nsubj';
  out[v]!.head = n + 1;
  out[v]!.deprel = 'amod';
}

/** The repairs in order, on a copy of the words (the stored parse stays the parser's). */
export function repairedWords<W extends RepairWord>(
  words: readonly W[],
  lex: Pick<SyntaxLexicons, 'relativePronouns' | 'participlesOnly' | 'futureAux' | 'triggers'>,
  lang: 'de' | 'en',
): W[] {
  const out = words.map((w) => ({ ...w }));
  possessorOfNoun(out);
  markedSubject(out);
  if (lang === 'de') bareArgument(out);
  if (lang === 'de') genitiveName(out);
  if (lang === 'de') prenominalGenitive(out);
  if (lang === 'de') nameBeforeObject(out);
  if (lang === 'de') articleBeforeObject(out);
  if (lang === 'de') adverbialBeforeArticle(out);
  if (lang === 'de') articleAsRelative(out, lex.relativePronouns);
  if (lang === 'de') ellipticConjunct(out);
  if (lang === 'de') bareNamesSubjectFirst(out);
  if (lang === 'de') futureWerden(out, lex.futureAux);
  if (lang === 'en') reducedRelativeMain(out, lex.participlesOnly);
  if (lang === 'en') hyphenParticiple(out);
  if (lang === 'en') progressive(out);
  if (lang === 'en') accordingTo(out);
  if (lang === 'en') ofGerund(out);
  if (lang === 'en')
    feelingParticiple(out, (n) => lex.triggers.some((t) => t.pos === 'adj' && t.lang !== 'de' && t.re.test(n)));
  relativeClauseRepair(out, lex.relativePronouns, lang === 'de' ? 'acl' : 'acl:relcl');
  voice(out);
  return out;
}
