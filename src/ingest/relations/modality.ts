// Modality and attribution of a relation: denied, planned, expected, alleged or reported (with its source) from the
// cue words of its sentence and clause, and the carry-over of a source named in a short follow-up sentence.

import type { Modality } from '../../model.js';
import { cueAt } from '../entities/cues.js';
import type { Lexicon } from '../lexicon.js';
import type { Mention, RecognisedDoc, RelationCandidate, Sentence } from '../types.js';

interface CueHits {
  denied: number[];
  planned: number[];
  expected: number[];
  alleged: number[];
  sources: Array<[number, number]>;
  reporting: number[];
  speech: number[];
  sollHaben: boolean;
}

const cueCaches = new WeakMap<Lexicon, WeakMap<Sentence, CueHits>>();

/** Every modality and attribution cue of a sentence, found once and reused for each relation in it. */
function cuesOf(lex: Lexicon, sent: Sentence, lang: string): CueHits {
  let cache = cueCaches.get(lex);
  if (!cache) cueCaches.set(lex, (cache = new WeakMap()));
  let h = cache.get(sent);
  if (h) return h;
  const toks = sent.tokens;
  const { cues } = lex;
  h = { denied: [], planned: [], expected: [], alleged: [], sources: [], reporting: [], speech: [], sollHaben: false };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word') continue;
    if (cueAt(toks, k, cues.denied)) h.denied.push(k);
    else if (/^(wies|wiesen|weist|weisen)$/u.test(t.norm) && toks.slice(k + 1).some((x) => x.norm === 'zurück'))
      h.denied.push(k);
    if (cueAt(toks, k, cues.planned) || (lang !== 'en' && cueAt(toks, k, cues.plannedDe))) h.planned.push(k);
    if (cueAt(toks, k, cues.expected)) h.expected.push(k);
    if (cueAt(toks, k, cues.alleged)) h.alleged.push(k);
    const src = cueAt(toks, k, cues.sourceBefore);
    if (src) h.sources.push([k, src]);
    if (/^(bericht|meldet|gemeldet|reported|reports)/u.test(t.norm)) h.reporting.push(k);
    if (lex.speechVerbs.has(t.norm)) h.speech.push(k);
    if (
      (t.norm === 'soll' || t.norm === 'sollen') &&
      toks.slice(k + 1).some((x) => /^(haben|sein|worden)$/u.test(x.norm))
    )
      h.sollHaben = true;
  }
  cache.set(sent, h);
  return h;
}

export function modalityFor(
  lex: Lexicon,
  sent: Sentence,
  t: number,
  segs: number[],
  mentionAt: (k: number) => Mention | undefined,
  args: string[],
  lang: string,
): { modality: Modality; attributedTo?: string } {
  const toks = sent.tokens;
  const h = cuesOf(lex, sent, lang);
  const seg = segs[t]!;
  const inSeg = (k: number) => segs[k] === seg || Math.abs(k - t) <= 3;
  const lastSeg = segs[toks.length - 1];
  const edge = (k: number) => k < 4 || segs[k] === lastSeg || inSeg(k);
  // The trigger itself may be a denial word that is no denial of its own act ("Egypt rejected the U.S. proposal").
  const denied = h.denied.some((k) => k !== t);
  const planned = h.planned.some(inSeg);
  // German "wird/werden" is future only with an infinitive, not the passive "wird … geliefert".
  // "werden … geliefert/durchgeführt" is a passive; future needs an infinitive at the end of the clause.
  const passiveAfter = (k: number): boolean => {
    let j = k + 1;
    while (j < toks.length && segs[j] === segs[k]) j++;
    for (let q = j - 1; q > k; q--) {
      const w = toks[q]!;
      if (w.kind !== 'word' || w.cap) continue;
      return /^ge\p{L}+(t|en)$|\p{L}iert$|\p{L}t$/u.test(w.norm) || /^(worden|geworden)$/u.test(w.norm);
    }
    return false;
  };
  const expected = h.expected.some(
    (k) => inSeg(k) && !(/^(wird|werden|wurde|wurden)$/u.test(toks[k]!.norm) && passiveAfter(k)),
  );
  const alleged =
    h.sollHaben ||
    h.alleged.some((k) => inSeg(k) || k < 4 || /^(angeblich|reportedly|allegedly|mutmaßlich)/u.test(toks[k]!.norm));
  const { reported, attributedTo } = attribution(h, toks, t, mentionAt, args, edge, lastSeg, segs);
  const modality: Modality = denied
    ? 'denied'
    : planned
      ? 'planned'
      : expected
        ? 'expected'
        : alleged
          ? 'alleged'
          : reported
            ? 'reported'
            : 'asserted';
  return { modality, attributedTo };
}

/** Whether a third party reports the relation, and who: "laut TASS", "berichtet das Wall Street Journal", "…, officials said". */
function attribution(
  h: CueHits,
  toks: Sentence['tokens'],
  t: number,
  mentionAt: (k: number) => Mention | undefined,
  args: string[],
  edge: (k: number) => boolean,
  lastSeg: number | undefined,
  segs: number[],
): { reported: boolean; attributedTo?: string } {
  let reported = false;
  let attributedTo: string | undefined;
  const speaker = (m: Mention | undefined) => (m && m.entity && !args.includes(m.entity) ? m : undefined);
  for (const [k, len] of h.sources) {
    if (!edge(k)) continue;
    // "X hat … geliefert und nach Angaben von Y eine Fabrik gebaut": the source covers only the second conjunct.
    if (k > t && /^(und|and|sowie)$/u.test(toks[k - 1]?.norm ?? '')) continue;
    if (toks[k]!.norm === 'wie' && !toks.slice(k, k + 5).some((x) => /^(bericht|meldet|report)/u.test(x.norm)))
      continue;
    reported = true;
    for (let j = k + len; j < Math.min(toks.length, k + len + 5); j++) {
      const m = speaker(mentionAt(j));
      if (m) {
        attributedTo ??= m.entity;
        break;
      }
    }
  }
  for (const k of h.reporting) {
    // "berichtet das Wall Street Journal", "CNN reported".
    const around = [mentionAt(k + 1), mentionAt(k + 2), mentionAt(k + 3), mentionAt(k - 1)].find((m) => speaker(m));
    if (around && edge(k)) {
      reported = true;
      attributedTo ??= around.entity;
    }
  }
  for (const k of h.speech) {
    // "…, US officials said." / "said Martin Indyk" / "Analysts said that …": a third party's claim.
    if (!(segs[k] === lastSeg || k < 6)) continue;
    const around = [mentionAt(k - 1), mentionAt(k + 1), mentionAt(k + 2), mentionAt(k - 2)].find((m) => m && m.entity);
    if (around && speaker(around) && Math.abs(k - t) > 2) {
      reported = true;
      attributedTo ??= around.entity;
    }
  }
  return { reported, attributedTo };
}

const CARRY_START = /^(das|dies|this|that|these|those|so)$/u;
const CARRY_VERB =
  /^(ist|sind|war|waren|ergab|ergaben|ergibt|zeigt|zeigte|zeigen|is|was|are|were|according|berichtete|berichtet|reported)$/u;
const CARRY_NOUN =
  /^(recherche|recherchen|bericht|berichte|analyse|angaben|auswertung|studie|report|reports|investigation|analysis|findings|study)$/u;

/**
 * "… auch aus Deutschland. Das ist das Ergebnis einer Recherche von Correctiv." — a short follow-up sentence that
 * names the source makes the previous sentence's assertions reported, attributed to that source.
 */
export function carryAttribution(doc: RecognisedDoc, out: RelationCandidate[]): void {
  for (const sent of doc.sentences) {
    if (sent.index === 0) continue;
    const toks = sent.tokens;
    if (toks.length > 14 || !CARRY_START.test(toks[0]?.norm ?? '') || !CARRY_VERB.test(toks[1]?.norm ?? '')) continue;
    if (!toks.some((t) => CARRY_NOUN.test(t.norm))) continue;
    const src = (doc.bySentence[sent.index] ?? []).find((m) => {
      const ty = doc.entities.get(m.entity)?.type;
      return ty === 'Organization' || ty === 'Person';
    });
    if (!src) continue;
    for (const c of out)
      if (
        c.sentence === sent.index - 1 &&
        c.modality === 'asserted' &&
        !c.rule.startsWith('role') &&
        c.subject !== src.entity &&
        c.object !== src.entity
      ) {
        c.modality = 'reported';
        c.attributedTo = src.entity;
      }
  }
}
