// Gazetteer passes: names, aliases, metonyms and adjectives of known entities (unambiguous forms first), then the
// names this document introduced wherever they recur, then ambiguous forms resolved against what was named.

import type { FormIndex } from '../matcher.js';
import { matchAt } from '../matcher.js';
import { isActorType, possAfter, type MentionSet, type SentState } from '../mention-set.js';

/** Pass: gazetteer forms; ambiguous ones wait for the ambiguous-names pass. */
export function gazetteerNames(ms: MentionSet): void {
  for (const st of ms.states) formPass(ms, st, ms.index, false);
}

/** Pass: people and organisations found by cues, recognised again in every sentence (surnames too). */
export function documentNames(ms: MentionSet): void {
  if (ms.docForms.size > 0) for (const st of ms.states) formPass(ms, st, ms.docForms, true);
}

function formPass(ms: MentionSet, st: SentState, idx: FormIndex, allowAmbiguous: boolean): void {
  const { lang, anchors, lex } = ms;
  const toks = st.sent.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (st.taken[i]) continue;
    const hit = matchAt(toks, i, idx, lang);
    if (!hit) continue;
    const ambiguous = hit.alts.length > 1 || hit.fe.amb;
    if (ambiguous) {
      if (!allowAmbiguous) {
        ms.pending.push({ st, i });
        continue;
      }
      const anchored = hit.alts
        .filter((a) => anchors.has(a.id))
        .sort((a, b) => anchors.get(b.id)! - anchors.get(a.id)!);
      if (!anchored.length) continue;
      hit.fe = anchored[0]!;
    }
    // A surname that is also a sentence-initial function word ("But" for Bout) needs its full name in the text.
    if (
      hit.fe.kind === 'surname' &&
      !anchors.has(hit.fe.id) &&
      (ms.tables.stopAll.has(toks[i]!.norm) || lex.neverNames.has(toks[i]!.norm))
    )
      continue;
    let free = true;
    for (let k = i; k < hit.end; k++) if (st.taken[k]) free = false;
    if (!free) continue;
    const g = ms.gazEntries.get(hit.fe.id);
    const type = g?.type ?? ms.entities.get(hit.fe.id)?.type;
    if (!type) continue;
    const e = ms.ensureEntity(hit.fe.id, g?.name ?? hit.fe.texts.join(' '), type);
    const adjective = hit.fe.kind === 'adjective' || hit.fe.kind === 'demonym';
    const actor = type === 'Item' ? false : adjective ? false : isActorType(e.type);
    const genitive =
      lang !== 'en' &&
      hit.end - i === 1 &&
      toks[i]!.norm.endsWith('s') &&
      !!idx.root.next.get(toks[i]!.norm.slice(0, -1))?.forms.some((f) => f.id === hit.fe.id);
    ms.addMention(st, i, hit.end, hit.fe.id, hit.fe.kind, actor, {
      poss: hit.suffix === 's' || genitive || possAfter(toks, hit.end),
    });
    if (!ambiguous && hit.fe.kind !== 'adjective' && hit.fe.kind !== 'demonym')
      anchors.set(hit.fe.id, (anchors.get(hit.fe.id) ?? 0) + (hit.fe.kind === 'surname' ? 1 : 2));
    i = hit.end - 1;
  }
}

/** Pass: ambiguous gazetteer forms ("Kim", "Georgia") take the reading the text anchored, or none. */
export function ambiguousNames(ms: MentionSet): void {
  const { anchors, mentions, entities } = ms;
  for (const { st, i } of ms.pending.splice(0)) {
    if (st.taken[i]) continue;
    const hit = matchAt(st.sent.tokens, i, ms.index, ms.lang);
    if (!hit) continue;
    let anchored = hit.alts.filter((a) => anchors.has(a.id)).sort((a, b) => anchors.get(b.id)! - anchors.get(a.id)!);
    let free = true;
    for (let k = i; k < hit.end; k++) if (st.taken[k]) free = false;
    // A form with one reading flagged as risky ("Turkey", "Indian") is taken among other states or organisations,
    // at the start of a sentence too ("Turkey slammed Israel …"), where its capital says nothing.
    if (!anchored.length && hit.alts.length === 1 && /^(name|adjective|demonym)$/.test(hit.alts[0]!.kind)) {
      const other = hit.alts[0]!.id;
      const geo = mentions.some(
        (m) =>
          m.sentence === st.sent.index &&
          m.entity &&
          m.entity !== other &&
          /^(Country|Organization)$/.test(entities.get(m.entity)?.type ?? ''),
      );
      if (geo) anchored = hit.alts;
    }
    if (!anchored.length || !free) continue;
    const fe = anchored[0]!;
    const g = ms.gazEntries.get(fe.id);
    if (!g) continue;
    ms.ensureEntity(fe.id, g.name, g.type);
    const adjective = fe.kind === 'adjective' || fe.kind === 'demonym';
    ms.addMention(st, i, hit.end, fe.id, fe.kind, !adjective && isActorType(g.type), {
      poss: hit.suffix === 's' || possAfter(st.sent.tokens, hit.end),
    });
  }
}
