// Repairs for both languages: possessors before adjectives, voice and marked subjects — parser errors that
// come from the construction, not from one language's word order.

import { SUBJECTS, shape, type RepairWord } from './tree.js';

/** A possessor before an adjective belongs to the adjective's noun ("Perus wichtigster Waffenlieferant", where the
 * parser hangs "Perus" on "wichtigster"). */
export function possessorOfNoun(out: RepairWord[]): void {
  out.forEach((w, i) => {
    const h = w.head - 1;
    if (h <= i || !/^nmod(:poss)?$/u.test(w.deprel)) return;
    const adj = out[h]!;
    const g = adj.head - 1;
    if (adj.upos === 'ADJ' && adj.deprel === 'amod' && g > h && out[g]!.upos === 'NOUN') w.head = g + 1;
  });
}

/** An adjective the parser left as a bare `dep` of the noun after it is that noun's modifier ("Russische/dep
 * Drohnen trafen …": without the amod the drones have no owner to attack for). */
export function adjectiveDep(out: RepairWord[]): void {
  out.forEach((w, i) => {
    const h = w.head - 1;
    if (w.upos === 'ADJ' && w.deprel === 'dep' && h > i && (out[h]!.upos === 'NOUN' || out[h]!.upos === 'PROPN'))
      w.deprel = 'amod';
  });
}

/** A passive subject without any auxiliary is the subject of an active verb ("said it condemned the use of force",
 * the participle reading of "condemned"), and then a nominal xcomp of that verb, with no object beside it, its
 * object; an active clause has no passive agent ("condemned the use of force by the US", "spoke by phone with …"). */
export function voice(out: RepairWord[]): void {
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

/** "Seit April 2023 kämpfen die Armee und die RSF …": a subject never carries an adposition; the parser's nsubj with
 * a case marker is an oblique (and the clause's subject is then read from case and agreement, tree.ts). */
export function markedSubject(out: RepairWord[]): void {
  const { children } = shape(out);
  out.forEach((w, i) => {
    if (SUBJECTS.has(w.deprel) && children[i]!.some((c) => out[c]!.deprel === 'case' && out[c]!.upos === 'ADP'))
      w.deprel = 'obl';
  });
}
