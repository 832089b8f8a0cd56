// Items pass: supplied goods (weapons, drones, oil) from the lexicon's item patterns, with a model name glued in
// front when there is one („Shahed“-Angriffsdrohnen, Iskander-Raketen, Shahed drones → item:shahed-drones).

import { slugify } from '../../../slugify.js';
import type { Token } from '../../types.js';
import { QUOTE_OPEN, type MentionSet, type SentState } from '../mention-set.js';

/** Sentence pass: item mentions. */
export function items(ms: MentionSet, st: SentState): void {
  const { mentions, entities, gazEntries, lang } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (toks[i]!.kind !== 'word') continue;
    let item: { id: string; name: string } | undefined;
    const have = st.taken[i] ? mentions[st.taken[i]! - 1]! : undefined;
    if (have) {
      if (have.tokStart !== i || have.tokEnd !== i + 1 || ms.typeOf(have.entity) !== 'Item' || !toks[i]!.hyphen)
        continue;
      // A gazetteer item with a model name glued in front: „Shahed“-Angriffsdrohnen.
      item = { id: have.entity, name: entities.get(have.entity)?.name ?? have.surface };
      const idx = mentions.indexOf(have);
      mentions.splice(idx, 1, { ...have, entity: '' });
      st.taken[i] = 0;
    } else item = itemAt(ms, toks, i);
    if (!item) continue;
    let a = i;
    let id = item.id;
    let name = item.name;
    const prevIdx = toks[i]!.hyphen
      ? QUOTE_OPEN.has(toks[i - 1]?.text ?? '') || toks[i - 1]?.text === '“' || toks[i - 1]?.text === '”'
        ? i - 2
        : i - 1
      : -1;
    const modelTok = prevIdx >= 0 ? toks[prevIdx] : toks[i - 1]?.cap && lang === 'en' ? toks[i - 1] : undefined;
    if (
      modelTok &&
      modelTok.kind === 'word' &&
      modelTok.cap &&
      !st.taken[toks.indexOf(modelTok)] &&
      !ms.lex.neverNames.has(modelTok.norm) &&
      !(ms.index.root.next.get(modelTok.norm)?.forms ?? []).some((f) => gazEntries.get(f.id)?.type === 'Country')
    ) {
      id = `item:${slugify(modelTok.text)}-${item.id.slice(5)}`;
      name = `${modelTok.text} ${item.name}`;
      a = toks.indexOf(modelTok);
      if (a > 0 && QUOTE_OPEN.has(toks[a - 1]!.text)) a--;
    }
    ms.ensureEntity(id, name, 'Item');
    if (!ms.addMention(st, a, i + 1, id, 'item', false)) ms.addMention(st, i, i + 1, item.id, 'item', false);
  }
}

function itemFor(ms: MentionSet, norm: string): { id: string; name: string } | null {
  const cache = ms.tables.itemCache;
  let hit = cache.get(norm);
  if (hit === undefined) {
    hit = ms.lex.items.find((it) => it.re.test(norm)) ?? null;
    if (cache.size > 100_000) cache.clear();
    cache.set(norm, hit);
  }
  return hit;
}

function itemAt(ms: MentionSet, toks: Token[], i: number): { id: string; name: string } | undefined {
  const t = toks[i]!;
  const one = itemFor(ms, t.norm);
  if (one) return one;
  if (!ms.tables.itemBigramHeads.has(t.norm) || toks[i + 1]?.kind !== 'word') return undefined;
  return itemFor(ms, `${t.norm} ${toks[i + 1]!.norm}`) ?? undefined;
}
