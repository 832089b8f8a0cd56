// Modality from the parse: negation on the trigger or its object, denial and plan verbs above it, conditional and
// irrealis markers of its clause, hedges, and the speaker of a reporting verb the trigger's clause depends on.

import type { Mention } from '../../types.js';
import { actorOfWord } from './entities.js';
import { ancestors, casesOf, coreDeps, headOf, kids, relOf } from './tree.js';
import type { WordSet } from './lexicons.js';
import { zuInfinitiveBase } from './triggers.js';
import type { ModalityFind, SentenceContext, TriggerContext } from './types.js';

/** Acts whose readiness is a threat against their target. */
const HOSTILE = new Set(['ATTACKS', 'SANCTIONS']);

/** Relations through which a clause's modality reaches the trigger: control, complement, coordination-free chains. */
const SCOPE_VIA = new Set(['xcomp', 'ccomp', 'csubj', 'acl', 'obj', 'nsubj', 'nsubj:pass', 'obl', 'nmod', 'advcl']);
/** Relations through which a negation, plan or condition of the head clause also governs the trigger. */
const INHERIT_VIA = new Set(['xcomp']);

function negatedWord(ctx: TriggerContext, w: number): boolean {
  return kids(ctx, w).some((k) => {
    const n = ctx.norms[k]!;
    const rel = relOf(ctx.words[k]!.deprel);
    if (rel === 'det' || rel === 'advmod' || rel === 'neg' || rel === 'advmod:neg')
      return ctx.lex.negation.has(n) || ctx.lex.negationDet.has(n);
    return false;
  });
}

/** The words whose negation negates the relation: the trigger, its light verb or control verbs, its theme/object. */
function negationScope(ctx: TriggerContext, theme: readonly number[], object: readonly number[]): number[] {
  // "verhängte keine Sanktionen", "sold no missiles": a negated direct object negates the act.
  const out = [ctx.word, ...theme, ...object, ...kids(ctx, ctx.word, 'obj')];
  let cur = ctx.word;
  for (const a of ancestors(ctx, ctx.word)) {
    const via = a.via;
    // An event noun is negated through its light verb ("hat keine Sanktionen verhängt", "did not impose sanctions").
    const light = ctx.pos !== 'verb' && cur === ctx.word && (via === 'obj' || via === 'nsubj:pass');
    // "had no plans to meet Zelensky", "keine Absicht, … anzugreifen": a negated plan noun negates its infinitive.
    const plan = via === 'acl' && ctx.lex.planHeads.has(ctx.norms[a.word]!);
    const control = INHERIT_VIA.has(via) || (via === 'ccomp' && bareInfinitive(ctx, cur));
    if (!light && !plan && !control) break;
    out.push(a.word);
    cur = a.word;
  }
  return out;
}

/** An infinitive without a subject that the parser called a complement clause ("plant, Taiwan anzugreifen"): the
 * verb above controls it as it does an xcomp. */
function bareInfinitive(ctx: TriggerContext, w: number): boolean {
  if (kids(ctx, w).some((k) => /^(nsubj|csubj|expl)/u.test(ctx.words[k]!.deprel))) return false;
  return infinitiveForm(ctx, w);
}

/** An infinitive by its form: with "zu"/"to", or a German zu-infinitive of a separable verb ("beizutreten"). */
function infinitiveForm(ctx: TriggerContext, w: number): boolean {
  if (kids(ctx, w, 'mark').some((m) => ctx.norms[m] === 'zu' || ctx.norms[m] === 'to')) return true;
  return ctx.lang === 'de' && zuInfinitiveBase(ctx.norms[w]!, ctx.lex.separableParticles) !== undefined;
}

/** The trigger is what someone is ready to do (syntax-cues readiness_heads): their infinitive, or a German
 * infinitive the parser hung the readiness word on ("Russland sei bereit, Finnland anzugreifen" with "bereit" as
 * its advmod). */
function ready(ctx: TriggerContext): boolean {
  if (demanded(ctx, ctx.lex.readinessHeads)) return true;
  return (
    ctx.pos === 'verb' &&
    infinitiveForm(ctx, ctx.word) &&
    kids(ctx, ctx.word, 'advmod').some((k) => k < ctx.word && ctx.lex.readinessHeads.has(ctx.norms[k]!))
  );
}

/** The event noun names what a prospect noun says may happen ("the threat of a Russian invasion"). */
function prospect(ctx: TriggerContext): boolean {
  const a = ancestors(ctx, ctx.word)[0];
  return !!a && (a.via === 'nmod' || a.via === 'nmod:poss') && ctx.lex.prospectHeads.has(ctx.norms[a.word]!);
}

/** "Neither Vučić nor Kurti has signed", "Weder Berlin noch Paris liefern": subjects coordinated by negators. */
function negatedSubject(ctx: TriggerContext, heads: readonly number[]): boolean {
  return heads.some((h) =>
    kids(ctx, h, 'nsubj').some((s) =>
      kids(ctx, s).some((c) => relOf(ctx.words[c]!.deprel) === 'cc' && ctx.lex.negation.has(ctx.norms[c]!)),
    ),
  );
}

/** A conjunct verb without a subject of its own shares its first conjunct's clause ("to fund and arm Hamas",
 * "is scheduled to arrive and meet Putin"); a conjunct with its own subject is a clause of its own. */
function sharesClause(ctx: TriggerContext, w: number): boolean {
  return !kids(ctx, w).some((k) => /^(nsubj|csubj|expl)/u.test(ctx.words[k]!.deprel));
}

/** A head verb that needs its separable particle ("wies … zurück", "sagte … ab") has it. */
function particleHolds(ctx: TriggerContext, v: number, particles: ReadonlyMap<string, string>): boolean {
  const particle = particles.get(ctx.norms[v]!);
  return !particle || kids(ctx, v, 'compound:prt').some((k) => ctx.norms[k] === particle);
}

/** Is the trigger's clause the complement of a verb from `heads` (with its particle when `particles` asks for one)?
 * Denial ("bestritt, … zu liefern") and allegation ("accused Iran of arming …") are read the same way. */
function governedBy(ctx: TriggerContext, heads: WordSet, particles: ReadonlyMap<string, string>): boolean {
  let cur = ctx.word;
  for (const a of ancestors(ctx, ctx.word)) {
    const viaConj = a.via === 'conj' && sharesClause(ctx, cur);
    if (!SCOPE_VIA.has(a.via) && a.via !== 'parataxis' && !viaConj) return false;
    const n = ctx.norms[a.word]!;
    // A verb coordinated with the head is a second act of its subject, not its complement ("Hungary blocked the
    // sanctions and supported Russia": the support is asserted).
    if (heads.has(n) && a.via !== 'conj' && particleHolds(ctx, a.word, particles)) return true;
    cur = a.word;
  }
  return false;
}

/** The clause heads that carry the trigger's auxiliaries and markers (the trigger, its light verb, xcomp chain). */
function clauseHeads(ctx: TriggerContext): number[] {
  const out = [ctx.word];
  let cur = ctx.word;
  for (const a of ancestors(ctx, ctx.word)) {
    const light = ctx.pos !== 'verb' && cur === ctx.word && SCOPE_VIA.has(a.via) && a.via !== 'advcl';
    const control = a.via === 'xcomp' || (a.via === 'ccomp' && bareInfinitive(ctx, cur));
    if (!light && !control && !(a.via === 'conj' && sharesClause(ctx, cur))) break;
    out.push(a.word);
    cur = a.word;
  }
  return out;
}

/** "urged Germany to send tanks", "forderte Berlin auf, Waffen zu liefern", "warned NATO against sending troops": the
 * trigger's clause (the trigger, or an event noun's light verb) is what a demand verb asks for or warns against; with
 * the threat verbs, what is threatened ("threatened to strike Kyiv", "drohte, Belarus mit Sanktionen zu belegen"). */
function demanded(ctx: TriggerContext, heads: WordSet = ctx.lex.demandHeads, nounCases?: WordSet): boolean {
  let cur = ctx.word;
  for (const a of ancestors(ctx, ctx.word)) {
    const marked = kids(ctx, cur, 'mark').some((m) => ctx.lex.demandMarks.has(ctx.norms[m]!));
    // A subjectless zu-infinitive the parser called ccomp is controlled like an xcomp ("lud Schweden ein, dem
    // Bündnis beizutreten").
    const clause =
      a.via === 'xcomp' ||
      ((a.via === 'advcl' || a.via === 'ccomp') && marked) ||
      (a.via === 'ccomp' && bareInfinitive(ctx, cur));
    if (clause && heads.has(ctx.norms[a.word]!)) return true;
    // "threatened Russia with sanctions": the event noun itself is what is threatened.
    const named = ctx.pos !== 'verb' && cur === ctx.word && a.via === 'obl';
    if (named && nounCases && casesOf(ctx, cur).some((c) => nounCases.has(c)) && heads.has(ctx.norms[a.word]!))
      return true;
    const light = ctx.pos !== 'verb' && cur === ctx.word && (a.via === 'obj' || a.via === 'nsubj:pass');
    if (!clause && !light) return false;
    cur = a.word;
  }
  return false;
}

/** The event noun is what a verb of calling off or putting back has for its object or passive subject ("the meeting
 * was postponed", "sagte seinen Besuch ab"), or the verb is that verb's infinitive ("postponed travelling to Kyiv"). */
function calledOff(ctx: TriggerContext): boolean {
  const a = ancestors(ctx, ctx.word)[0];
  if (!a) return false;
  // A noun subject of a halting verb with no object of its own halted too ("die Waffenexporte stoppten", and
  // where the parser took the object for it); with an object it is the agent ("die Angriffe stoppten den Vormarsch").
  const halted = a.via === 'nsubj' && !kids(ctx, a.word, 'obj').length;
  const direct = ctx.pos === 'verb' ? a.via === 'xcomp' : a.via === 'obj' || a.via === 'nsubj:pass' || halted;
  const n = ctx.norms[a.word]!;
  if (!direct || !ctx.lex.cancelHeads.has(n)) return false;
  return particleHolds(ctx, a.word, ctx.lex.cancelParticles);
}

function speakerOf(ctx: TriggerContext, args: readonly string[]): Mention | undefined {
  const heads = clauseHeads(ctx);
  const top = heads[heads.length - 1]!;
  const candidates: number[] = [];
  // "…, sagte X" attached to the trigger's clause (parataxis), or the clause as complement of "X said that …".
  for (const k of kids(ctx, top, 'parataxis')) if (ctx.lex.speechHeads.has(ctx.norms[k]!)) candidates.push(k);
  const h = headOf(ctx, top);
  const via = relOf(ctx.words[top]!.deprel);
  if (h >= 0 && (via === 'ccomp' || via === 'parataxis') && ctx.lex.speechHeads.has(ctx.norms[h]!)) candidates.push(h);
  for (const s of candidates)
    for (const d of coreDeps(ctx, s))
      if (d.rel === 'nsubj') {
        const m = actorOfWord(ctx, d.word);
        if (m && !args.includes(m.entity)) return m;
      }
  return undefined;
}

/** "laut TASS", "according to officials", "US-Angaben zufolge": an oblique source on the trigger's clause. */
function sourceOf(ctx: TriggerContext, args: readonly string[]): Mention | undefined {
  for (const h of clauseHeads(ctx))
    for (const k of kids(ctx, h)) {
      const rel = relOf(ctx.words[k]!.deprel);
      if (rel !== 'obl' && rel !== 'nmod' && rel !== 'advcl') continue;
      const cs = casesOf(ctx, k);
      const src = cs.find((c) => ctx.lex.sourceCases.has(c));
      if (!src) continue;
      const need = ctx.lex.sourceCaseNeeds.get(src);
      let target = k;
      if (need) {
        if (!ctx.norms[k]!.startsWith(need)) continue;
        target = kids(ctx, k, 'nmod')[0] ?? k;
      }
      // "according to United Nations experts": the source's own name may be a modifier of its noun.
      const m =
        actorOfWord(ctx, target) ??
        [...kids(ctx, target, 'nmod'), ...kids(ctx, target, 'compound')].map((c) => actorOfWord(ctx, c)).find(Boolean);
      if (m && !args.includes(m.entity)) return m;
    }
  return undefined;
}

export function modalityOf(
  ctx: TriggerContext,
  theme: readonly number[],
  object: readonly number[],
  args: readonly string[],
): ModalityFind {
  const mod = clauseModality(ctx, theme, object, args);
  // "Erdogan griff Israel scharf an", "sharply attacked the government": an attack in words is criticism.
  const verbal =
    ctx.predicate === 'ATTACKS' &&
    ctx.pos === 'verb' &&
    kids(ctx, ctx.word, 'advmod').some((k) => ctx.lex.verbalMarks.has(ctx.norms[k]!));
  return verbal && !mod.conditional ? { ...mod, conditional: true, verbal: true } : mod;
}

function clauseModality(
  ctx: TriggerContext,
  theme: readonly number[],
  object: readonly number[],
  args: readonly string[],
): ModalityFind {
  const heads = clauseHeads(ctx);
  const aux = heads.flatMap((h) => kids(ctx, h, 'aux').map((k) => ctx.norms[k]!));
  const marks = heads.flatMap((h) => kids(ctx, h, 'mark').map((k) => ctx.norms[k]!));
  if (
    negationScope(ctx, theme, object).some((w) => negatedWord(ctx, w)) ||
    negatedSubject(ctx, heads) ||
    governedBy(ctx, ctx.lex.denialHeads, ctx.lex.denialParticles)
  )
    return { polarity: 'denied', modality: 'denied' };
  if (marks.some((m) => ctx.lex.conditionalMarks.has(m)))
    return { polarity: 'hypothetical', modality: 'expected', conditional: true };
  // "raised the prospect of nuclear strikes", "die Gefahr eines Angriffs": what may happen is not done.
  if (ctx.pos === 'noun' && prospect(ctx)) return { polarity: 'hypothetical', modality: 'expected', conditional: true };
  // "would respond to any attack on Belarus": no particular attack, so nobody's.
  if (ctx.pos === 'noun' && kids(ctx, ctx.word, 'det').some((d) => ctx.lex.hypotheticalDet.has(ctx.norms[d]!)))
    return { polarity: 'hypothetical', modality: 'expected', conditional: true };
  if (aux.some((a) => ctx.lex.irrealisAux.has(a))) return { polarity: 'hypothetical', modality: 'expected' };
  // Asked for or warned against is nothing done, and no plan of the one asked: no relation, like a condition.
  if (demanded(ctx)) return { polarity: 'hypothetical', modality: 'expected', conditional: true };
  // Called off or put back ("the meeting was postponed", "sagte den Besuch ab"): it does not take place.
  if (calledOff(ctx)) return { polarity: 'hypothetical', modality: 'expected', conditional: true };
  // An act someone is ready to do is expected; a hostile one is a threat ("ready to use force against Taiwan").
  if (ready(ctx))
    return HOSTILE.has(ctx.predicate)
      ? { polarity: 'hypothetical', modality: 'expected', conditional: true, threatened: true }
      : { polarity: 'hypothetical', modality: 'expected' };
  // A threatened act is not done either; the pair it names is the threat's ("threatened to impose tariffs on Canada").
  if (ctx.predicate !== 'THREATENS' && demanded(ctx, ctx.lex.threatHeads, ctx.lex.threatCases))
    return { polarity: 'hypothetical', modality: 'expected', conditional: true, threatened: true };
  const upper = heads.slice(1).map((h) => ctx.norms[h]!);
  // German "will" is "wants" (a plan); English "will" is the future. A threat vowed is a threat made ("Iran vowed
  // revenge against the United States", "vowed to retaliate"): the act vowed is the future, not the threat.
  const planned =
    ctx.predicate !== 'THREATENS' &&
    (upper.some((u) => ctx.lex.planHeads.has(u)) ||
      (ctx.lang === 'de' && aux.some((a) => a === 'will' || a === 'wollen')));
  const hedged =
    heads.some((h) => kids(ctx, h, 'advmod').some((k) => ctx.lex.allegedWords.has(ctx.norms[k]!))) ||
    governedBy(ctx, ctx.lex.allegationHeads, ctx.lex.allegationParticles);
  const sollHaben =
    ctx.lang === 'de' &&
    aux.some((a) => a === 'soll' || a === 'sollen') &&
    aux.some((a) => a === 'haben' || a === 'sein');
  const expected =
    upper.some((u) => ctx.lex.expectHeads.has(u)) ||
    aux.some((a) => ctx.lex.futureAux.has(a) && !(ctx.lang === 'de' && a === 'will'));
  const speaker = speakerOf(ctx, args) ?? sourceOf(ctx, args);
  const base = { polarity: 'asserted' as const };
  if (planned) return { ...base, modality: 'planned', attributedTo: speaker?.entity };
  if (hedged || sollHaben) return { ...base, modality: 'alleged', attributedTo: speaker?.entity };
  if (expected) return { ...base, modality: 'expected', attributedTo: speaker?.entity };
  if (speaker) return { ...base, modality: 'reported', attributedTo: speaker.entity };
  return { ...base, modality: 'asserted' };
}

/** The actors who report a clause in the sentence ("…, Zelensky said", "sagte Selenskyj, dass …"): the subjects of a
 * speech verb with a complement or reported clause. They are sources; the distance rules take them for arguments. */
export function clauseSpeakers(ctx: SentenceContext): string[] {
  const out = new Set<string>();
  for (let v = 0; v < ctx.words.length; v++) {
    if (!ctx.lex.speechHeads.has(ctx.norms[v]!)) continue;
    const reported = kids(ctx, v, 'ccomp').length || kids(ctx, v, 'parataxis').length;
    if (!reported && relOf(ctx.words[v]!.deprel) !== 'parataxis') continue;
    for (const d of coreDeps(ctx, v))
      if (d.rel === 'nsubj') {
        const m = actorOfWord(ctx, d.word);
        if (m) out.add(m.entity);
      }
  }
  return [...out];
}
