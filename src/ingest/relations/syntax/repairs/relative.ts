// Relative clauses the parser did not close: the main verb it read as their continuation goes back to the main
// clause (English and German, "Putin, who has ruled Russia since 2000, said …").

import type { WordSet } from '../lexicons.js';
import { SUBJECTS, dominates, isNominal, leftEdge, phraseHead, shape, type RepairWord } from './tree.js';

/** What a relative pronoun can be in its clause (the German one also object or dative: "den Biden kritisierte"). */
const RELATIVE_ROLES = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj']);
/** Where the parser hangs the main verb that follows a relative clause it did not close. */
const STRANDED_MAIN = new Set(['conj', 'advcl', 'parataxis', 'ccomp']);
/** Positions a main predicate takes; the noun the relative clause describes stands in one of them when the parse
 * has no predicate of its own for it. */
const CLAUSE_SLOTS = new Set(['root', 'ccomp', 'parataxis']);
/** Dependents by which the parser attached the antecedent to the relative clause's verb. */
const ANTECEDENT_DEPS = new Set(['nsubj', 'nsubj:pass', 'vocative', 'dep', 'obl', 'appos']);

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
