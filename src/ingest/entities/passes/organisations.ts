// Organisation passes: names introduced by a type noun ("Think Tank Chatham House", "Recherchezentrums Correctiv")
// and names with an organisation head word ("Brookings Institution", "Council on Foreign Relations", "Likud party").

import { slugify } from '../../../slugify.js';
import type { Token } from '../../types.js';
import { cueAt } from '../cues.js';
import { addForm } from '../matcher.js';
import { ABBR_TOKEN, QUOTE_OPEN, surfaceOf, type MentionSet, type SentState } from '../mention-set.js';

/** Sentence pass: "the company X", "die Rüstungskonzerne A, B und C", "Sender „Dozhd“". */
export function typeNounOrganisations(ms: MentionSet, st: SentState): void {
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (st.taken[i]) continue;
    const typeEnd = orgTypeAt(ms, toks, i);
    if (typeEnd < 0) continue;
    let j = typeEnd;
    for (;;) {
      if (j >= n) break;
      let a = j;
      let b: number;
      if (QUOTE_OPEN.has(toks[j]!.text)) {
        a = j + 1;
        b = a;
        while (b < n && b - a < 5 && !QUOTE_OPEN.has(toks[b]!.text) && toks[b]!.text !== '”') b++;
        if (b === a || b >= n) break;
        if (!toks[a]!.cap) break;
      } else {
        b = orgNameSpan(ms, st, j);
        if (b <= j) break;
      }
      if (ms.addOrg(st, a, b)) {
        const name = surfaceOf(ms.text, toks, a, b);
        addForm(ms.docForms, name, `org:${slugify(name)}`, 'name', true);
      }
      j = QUOTE_OPEN.has(toks[j]!.text) ? b + 1 : b;
      if (
        j < n &&
        (toks[j]!.text === ',' || toks[j]!.norm === 'und' || toks[j]!.norm === 'and' || toks[j]!.norm === 'sowie') &&
        j + 1 < n &&
        toks[j + 1]!.cap &&
        !st.taken[j + 1]
      ) {
        j++;
        continue;
      }
      break;
    }
  }
}

/** Sentence pass: capitalised runs containing an organisation head word. */
export function headWordOrganisations(ms: MentionSet, st: SentState): void {
  const { lex, mentions } = ms;
  const toks = st.sent.tokens;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (st.taken[i] || !toks[i]!.cap || toks[i]!.kind !== 'word' || lex.neverNames.has(toks[i]!.norm)) continue;
    let j = i;
    let hasHead = false;
    let lastGood = i;
    while (j < n && j - i < 10) {
      const t = toks[j]!;
      if (st.taken[j]) break;
      if (t.kind === 'word' && (t.cap || ABBR_TOKEN.test(t.text))) {
        if (lex.orgHeads.has(t.norm)) hasHead = true;
        j++;
        lastGood = j;
        continue;
      }
      if (t.kind === 'word' && lex.orgConnectors.has(t.norm) && j > i && toks[j + 1]?.cap && !st.taken[j + 1]) {
        j++;
        continue;
      }
      if (t.kind === 'word' && (t.norm === 'party' || t.norm === 'partei' || t.norm === 'movement') && j > i) {
        hasHead = true;
        j++;
        lastGood = j;
      }
      break;
    }
    // An adjective mention right before a head word ("Palestinian Authority") belongs to the name.
    let a = i;
    const prevM = i > 0 && st.taken[i - 1] ? mentions[st.taken[i - 1]! - 1] : undefined;
    if (prevM && prevM.kind === 'adjective' && prevM.tokEnd === i && lex.orgHeads.has(toks[i]!.norm)) {
      a = prevM.tokStart;
      mentions.splice(st.taken[i - 1]! - 1, 1, { ...prevM, entity: '', actor: false });
      for (let k = prevM.tokStart; k < prevM.tokEnd; k++) st.taken[k] = 0;
    }
    if (hasHead && lastGood - a >= 2) {
      ms.addOrg(st, a, lastGood);
      i = lastGood - 1;
    } else i = Math.max(i, j - 1);
  }
}

/** Index after an organisation type noun at i ("Think Tank", "Rüstungskonzern"), -1 when there is none. */
function orgTypeAt(ms: MentionSet, toks: Token[], i: number): number {
  const len = cueAt(toks, i, ms.lex.orgTypeNouns);
  if (len) return i + len;
  const t = toks[i]!;
  if (t.cap && t.kind === 'word' && t.norm.length > 8)
    for (const s of ms.lex.orgTypeSuffixes) if (t.norm.endsWith(s)) return i + 1;
  return -1;
}

function orgNameSpan(ms: MentionSet, st: SentState, i: number): number {
  const toks = st.sent.tokens;
  let j = i;
  while (j < toks.length && j - i < 4) {
    const t = toks[j]!;
    if (st.taken[j] || t.kind !== 'word' || !(t.cap || ABBR_TOKEN.test(t.text)) || ms.lex.neverNames.has(t.norm)) break;
    if (j > i && t.glued && !t.hyphen) break;
    j++;
  }
  return j;
}
