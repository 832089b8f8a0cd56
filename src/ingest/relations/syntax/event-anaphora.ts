// Event anaphora: a criticism whose object is a definite act told before ("Russia struck Kyiv. Trump condemned the
// attack."): the critic criticises whoever did that act, read from the parse candidates of the sentences before it.

import type { Modality, Predicate } from '../../../model.js';
import { actorsOf } from './entities.js';
import { coreDeps, kids, nounLike } from './tree.js';
import { reactionOf } from './rules/reaction.js';
import { triggersAt } from './triggers.js';
import type { RelationCandidate } from '../../types.js';
import type { ArgumentFind, TriggerContext, TriggerSite } from './types.js';

/** Acts with one doer that a criticism of "the attack", "die Sanktionen", "the deliveries" can point back to. */
export const ANAPHORIC_ACTS: ReadonlySet<Predicate> = new Set<Predicate>([
  'ATTACKS',
  'SANCTIONS',
  'SUPPLIES',
  'THREATENS',
]);
/** How many sentences back the act may have been told. */
const WINDOW = 4;

export interface EventObject {
  /** The predicate of the act the object noun names. */
  event: Predicate;
  critics: string[];
  modality: Modality;
}

/**
 * The unresolved criticism's object ("condemned the attack") or the drawer of a criticism noun ("the attack drew
 * criticism from Trump") is a definite event noun ("the attack", "den Angriff", "these sanctions") that names no actor
 * of its own: the act it points back to, with the critics.
 */
export function anaphoricEvent(
  ctx: TriggerContext,
  find: ArgumentFind | undefined,
  lower: string,
  modality: Modality,
): EventObject | undefined {
  if (ctx.predicate !== 'CRITICIZES') return undefined;
  const drawn = ctx.pos === 'noun' ? reactionOf(ctx) : undefined;
  const criticWords = drawn?.critics ?? (ctx.pos === 'verb' ? find?.subject : undefined);
  const critics = actorsOf(ctx, criticWords ?? [], false).map((m) => m.entity);
  if (!critics.length) return undefined;
  // The frame's object slot keeps only words that name actors; the verb's own object is read here.
  const events =
    drawn?.drawers ??
    coreDeps(ctx, ctx.word)
      .filter((d) => d.rel === 'obj')
      .map((d) => d.word);
  for (const o of events) {
    if (!nounLike(ctx, o) || actorsOf(ctx, [o], true).length) continue;
    if (!kids(ctx, o, 'det').some((d) => ctx.lex.anaphorDets.has(ctx.norms[d]!))) continue;
    const event = triggersAt(ctx, o, lower).find((e) => e.pos === 'noun' && ANAPHORIC_ACTS.has(e.p))?.p;
    if (event) return { event, critics, modality };
  }
  return undefined;
}

/**
 * One candidate per critic for each site with an event object whose act has one doer in the nearest earlier sentence
 * that told it as a fact (by the parse or by the distance rules: run after the merge); a doer that is also the critic,
 * or two doers, leave the criticism unresolved.
 */
export function resolveEventAnaphora(
  sites: readonly TriggerSite[],
  candidates: readonly RelationCandidate[],
): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const site of sites) {
    const ev = site.eventObject;
    if (!ev) continue;
    const inWindow = (sentence: number) => sentence >= site.sentence - WINDOW && sentence < site.sentence;
    // Told acts: resolved candidates, and acts whose target named no entity ("struck a boat") with their doer.
    const before = [
      ...candidates
        .filter(
          (c) =>
            c.predicate === ev.event &&
            (c.modality === 'asserted' || c.modality === 'reported') &&
            inWindow(c.sentence),
        )
        .map((c) => ({ sentence: c.sentence, doer: c.subject })),
      ...sites
        .filter((s) => s.doer && s.predicate === ev.event && inWindow(s.sentence))
        .map((s) => ({ sentence: s.sentence, doer: s.doer! })),
    ];
    if (!before.length) continue;
    const last = Math.max(...before.map((c) => c.sentence));
    const doers = [...new Set(before.filter((c) => c.sentence === last).map((c) => c.doer))];
    if (doers.length !== 1) continue;
    // Nobody criticises their own act (their own state's is dropped with every stance towards it, 06-triples.ts).
    const ownSide = (critic: string) => critic === doers[0];
    const known = (critic: string) =>
      candidates.some(
        (c) =>
          c.sentence === site.sentence && c.subject === critic && c.predicate === 'CRITICIZES' && c.object === doers[0],
      );
    for (const critic of ev.critics) {
      if (ownSide(critic) || known(critic)) continue;
      out.push({
        subject: critic,
        predicate: 'CRITICIZES',
        object: doers[0]!,
        modality: ev.modality,
        confidence: 0.6,
        sentence: site.sentence,
        rule: `parse:event-anaphor:${site.frame.id}`,
      });
    }
  }
  return out;
}
