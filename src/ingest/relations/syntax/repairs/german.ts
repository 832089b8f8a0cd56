// Repairs of German parses: genitives and datives read backwards, articles taken for relative pronouns and the
// reverse, future "werden", V2 order with bare names — what the small GSD treebank teaches the parser too rarely.

import type { WordSet } from '../lexicons.js';
import { NAME_PARTS, SUBJECTS, isNominal, leftEdge, phraseHead, shape, type RepairWord } from './tree.js';

/** "Russland bleibt Indiens größter Waffenlieferant", "gilt als Pakistans wichtigster Unterstützer": a German name
 * in -s right before an adjective and its noun is that noun's possessor (German puts only names before the noun in
 * the genitive), but the parser hangs it on the verb as a second subject, or makes it the phrase's head with the
 * noun below it. The name becomes the noun's possessor and the noun takes the place the name held. A common noun in
 * -s counts only before a superlative ("Pakistans engster"): "Autos deutscher Hersteller" is a genitive after. */
export function prenominalGenitive(out: RepairWord[]): void {
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

/** "Der Iran wird dafür bezahlen", "Die EU wird Sanktionen verhängen": the parser takes "wird" before an infinitive for
 * the passive auxiliary (the infinitive looks like a strong participle), but werden + infinitive is the future, an
 * active clause. An infinitive ends in -en/-n and has no "ge" near its start (participles: "gegeben", "angegriffen"). */
export function futureWerden(out: RepairWord[], futureAux: WordSet): void {
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

/** "hat den russischen Präsidenten Wladimir Putin … empfangen": GSD's `obl:arg` on a bare noun phrase (no adposition)
 * is a core argument, the object. */
export function bareArgument(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((w, i) => {
    if (w.deprel === 'obl:arg' && !children[i]!.some((c) => out[c]!.deprel === 'case')) w.deprel = 'obj';
  });
}

/** "Katar unterstützt seit langem die Hamas": a German noun phrase puts its article before its adjectives, so an
 * adjective or adverb between a preposition and an article belongs to the preposition ("seit langem", "vor
 * kurzem"), and the noun after the article is no part of that phrase: the adverbial goes to the verb, the noun
 * becomes the object where its case is accusative. */
export function adverbialBeforeArticle(out: RepairWord[]): void {
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
export function articleAsRelative(out: RepairWord[], relativePronouns: WordSet): void {
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

/** "Die Ukraine, an die Deutschland Panzer geliefert hat, …", "Der Iran, gegen den Israel …": after a comma, an
 * adposition with der/die/das and a noun in a clause that ends in its finite verb opens a relative clause; the
 * article is the relative pronoun under the adposition and the noun the clause's subject (the parser read "die
 * Deutschland" as one phrase). The clause's verb goes to the antecedent. */
export function adpositionRelative(out: RepairWord[], relativePronouns: WordSet): void {
  for (let i = 3; i + 2 < out.length; i++) {
    const d = out[i]!;
    const adp = out[i - 1]!;
    if (out[i - 2]!.form !== ',' || adp.upos !== 'ADP' || d.upos !== 'DET') continue;
    if (!relativePronouns.has(d.form.toLowerCase()) || !isNominal(out[i + 1]!) || !isNominal(out[i - 3]!)) continue;
    let e = i + 1;
    while (e < out.length && out[e]!.upos !== 'PUNCT') e++;
    let v = e - 1;
    while (v > i + 1 && out[v]!.upos === 'AUX') v--;
    if (v <= i + 1 || out[v]!.upos !== 'VERB' || out.slice(i, e).some((w) => w.form.toLowerCase() === 'zu')) continue;
    // A name takes no article of its own; a common noun only where a finite clause end (an auxiliary, or a verb with
    // number) needs a relative pronoun, the article being the only candidate ("an die Regierung gerichtet," is none).
    const finite = v < e - 1 || /(?:^|\|)Number=/u.test(out[v]!.feats ?? '');
    if (out[i + 1]!.upos !== 'PROPN' && !finite) continue;
    // Only where the parser joined article and name ("die Deutschland"), and the verb is no part of the main clause.
    const name = i + 1;
    if (d.head !== name + 1 || out[v]!.head - 1 === v || (out[v]!.head - 1 >= i && out[v]!.head - 1 < e)) continue;
    // A clause verb the parser made the root hands that over to the first verb after the clause.
    const main = out[v]!.head === 0 ? out.findIndex((w, k) => k > e && w.upos === 'VERB' && w.head === v + 1) : -2;
    if (main === -1) continue;
    const ante = phraseHead(out, shape(out).head, i - 3, i - 2);
    if (main >= 0) {
      out[main]!.head = 0;
      out[main]!.deprel = 'root';
      out.forEach((w, k) => {
        if (w.head === v + 1 && k < i - 2) w.head = main + 1;
      });
    }
    adp.head = i + 1;
    adp.deprel = 'case';
    d.upos = 'PRON';
    d.head = v + 1;
    d.deprel = 'obl';
    out[name]!.head = v + 1;
    out[name]!.deprel = 'nsubj';
    out[v]!.head = ante + 1;
    out[v]!.deprel = 'acl';
  }
}

/** "Lawrow besuchte Pjöngjang und traf dort Kim Jong Un": a German verb right after "und" opens no clause of its
 * own (a new main clause would put a subject or adverb first: "und dort traf er Kim"), so it shares the first
 * verb's subject, and the noun the parser took for its own subject after it is its object. */
export function ellipticConjunct(out: RepairWord[]): void {
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
export function genitiveName(out: RepairWord[]): void {
  out.forEach((w, i) => {
    if (w.deprel === 'dep' && w.upos === 'PROPN' && w.head === i + 2 && /(?:^|\|)Case=Gen/u.test(w.feats ?? ''))
      w.deprel = 'nmod:poss';
  });
}

/** "Der Iran bestreitet, Russland Raketen geliefert zu haben": German writes noun compounds as one word, so a bare
 * name the parser made a `compound` of the object noun right after it is the verb's dative object. */
export function nameBeforeObject(out: RepairWord[]): void {
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
export function articleBeforeObject(out: RepairWord[]): void {
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
export function bareNamesSubjectFirst(out: RepairWord[]): void {
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
