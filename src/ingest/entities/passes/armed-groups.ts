// Armed groups pass: rebels named by their place ("rebels in (neighboring) South Sudan", "South Sudanese rebels");
// the group replaces the place mention, because the rebels, not the country, are the actor.

import { slugify } from '../../../slugify.js';
import type { Mention } from '../../types.js';
import type { MentionSet, SentState } from '../mention-set.js';

/** Sentence pass: "rebels in X" / "X-ian rebels" → group:x-rebels. */
export function armedGroups(ms: MentionSet, st: SentState): void {
  const { mentions, entities } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (!ms.lex.rebelNouns.has(toks[i]!.norm) || st.taken[i]) continue;
    let place: Mention | undefined;
    let a = i;
    let b = i + 1;
    const prev = i > 0 ? ms.at(st, i - 1) : undefined;
    if (prev && (prev.kind === 'adjective' || prev.kind === 'demonym') && prev.tokEnd === i) {
      place = prev;
      a = prev.tokStart;
    } else if (toks[i + 1] && (toks[i + 1]!.norm === 'in' || toks[i + 1]!.norm === 'im')) {
      let j = i + 2;
      while (j < n && !st.taken[j] && j < i + 4 && !toks[j]!.cap) j++;
      const pm = ms.at(st, j);
      if (pm && (ms.typeOf(pm.entity) === 'Country' || ms.typeOf(pm.entity) === 'Location') && pm.tokStart === j) {
        place = pm;
        b = pm.tokEnd;
      }
    }
    if (!place || !place.entity) continue;
    const pe = entities.get(place.entity)!;
    const id = `group:${slugify(pe.name)}-rebels`;
    const name = `rebels in ${pe.name}`;
    const pIdx = mentions.indexOf(place);
    for (let k = place.tokStart; k < place.tokEnd; k++) st.taken[k] = 0;
    mentions.splice(pIdx, 1, { ...place, entity: '', actor: false });
    ms.ensureEntity(id, name, 'ArmedGroup');
    ms.addMention(st, a, b, id, 'name', true);
    // The group word alone ("die Aufständischen") is how later sentences and annotators name it.
    entities.get(id)!.aliases.push(`${pe.name} rebels`, toks[i]!.text);
  }
}
