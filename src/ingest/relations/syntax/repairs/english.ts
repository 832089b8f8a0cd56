// Repairs of English parses: progressive and feeling participles read as passives, "according to", "of" +
// gerund, reduced relatives and hyphened participles the EWT/GUM-trained parser gets wrong on news text.

import { participleLike } from '../../../syntax/words.js';
import type { WordSet } from '../lexicons.js';
import { SUBJECTS, dominates, shape, type RepairWord } from './tree.js';

/** "said Moscow was mocking peace efforts": "be" before a form in -ing is the progressive, never the passive
 * (whose -ing auxiliary is "being": "was being attacked"), so the parser's passive labels go back to active ones. */
export function progressive(out: RepairWord[]): void {
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
export function accordingTo(out: RepairWord[]): void {
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
export function ofGerund(out: RepairWord[]): void {
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

/**
 * "North Korean troops fought alongside Russian forces.", "Indian and Pakistani troops clashed along the border.": the
 * parser reads the past tense after a subject noun as a reduced relative ("troops fought" as "troops [that were]
 * fought") and leaves the sentence without a predicate. In an English sentence with no other verb, a verb hung on the
 * root noun as `acl`, right after the noun's own words, with no subject, auxiliary, subordinator or agent of its own
 * and no participle-only form ("given", "born"), is the main verb and the noun its subject.
 */
export function reducedRelativeMain(out: RepairWord[], participlesOnly: WordSet): void {
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

/** "Peru was outraged by Bolivia's decision", "Russia was alarmed at …": an English participle of feeling after
 * "be" is an adjective with its copula (EWT tags most of them VERB, passive), and its by-phrase the cause, not an
 * agent: the adjective frames read it once the clause is copular again. The feeling words are the adjective
 * triggers of the relation lexicon. */
export function feelingParticiple(out: RepairWord[], isFeeling: (norm: string) => boolean): void {
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
export function hyphenParticiple(out: RepairWord[]): void {
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
