// Cue matching: does a lexicon cue (a token sequence, '*' = any ending) start at a token? Used by the entity passes
// (pair phrases, organisation type nouns) and by relation modality and attribution.

import type { CompiledCue, CueIndex } from '../lexicon.js';
import type { Token } from '../types.js';

/** Length in tokens of the longest cue of `idx` starting at toks[i], 0 when none does. */
export function cueAt(toks: Token[], i: number, idx: CueIndex): number {
  const t = toks[i];
  if (!t || t.kind === 'punct') return 0;
  const exact = idx.exactC.get(t.norm);
  if (exact) {
    const n = cueList(toks, i, exact);
    if (n) return n;
  }
  return idx.prefixC.length ? cueList(toks, i, idx.prefixC) : 0;
}

function cueList(toks: Token[], i: number, cues: CompiledCue[]): number {
  for (const cue of cues) {
    const ct = cue.toks;
    let ok = true;
    for (let k = 0; k < ct.length && ok; k++) {
      const t = toks[i + k];
      if (!t) ok = false;
      else ok = cue.prefix[k] ? t.norm.startsWith(ct[k]!) : t.norm === ct[k];
    }
    if (ok) return ct.length;
  }
  return 0;
}
