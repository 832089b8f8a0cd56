// Documents in the viewer: which relations one document supports (the select-a-document filter) and how its
// cleaned text splits into plain runs and highlighted evidence sentences for the reader view.

import type { DocumentClaim, DocumentDetail } from '../../../src/store/types.js';

/** A run of the reader's text: plain, or one evidence sentence with every claim it supports. */
export interface ReaderSegment {
  text: string;
  start: number;
  end: number;
  /** Claims whose evidence is exactly this span; empty for plain text. */
  claims: DocumentClaim[];
}

/** Relation keys the document supports: selecting it shows only these. */
export function documentKeys(detail: Pick<DocumentDetail, 'claims'>): Set<string> {
  return new Set(detail.claims.map((c) => c.key));
}

/**
 * Splits the text at the evidence sentences. Claims sharing a sentence share one highlight; a span that overlaps
 * an earlier one (never produced by the segmenter, but possible in hand-made data) is merged into it rather than
 * drawn twice. Offsets outside the text are ignored, so a stale or text-less document still renders.
 */
export function readerSegments(text: string, claims: readonly DocumentClaim[]): ReaderSegment[] {
  const spans = new Map<string, { start: number; end: number; claims: DocumentClaim[] }>();
  for (const c of claims) {
    if (c.start < 0 || c.end <= c.start || c.end > text.length) continue;
    const id = `${c.start}:${c.end}`;
    const span = spans.get(id);
    if (span) span.claims.push(c);
    else spans.set(id, { start: c.start, end: c.end, claims: [c] });
  }
  const ordered = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof ordered = [];
  for (const s of ordered) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.claims.push(...s.claims);
    } else merged.push({ ...s, claims: [...s.claims] });
  }
  const out: ReaderSegment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), start: at, end: s.start, claims: [] });
    out.push({ text: text.slice(s.start, s.end), start: s.start, end: s.end, claims: s.claims });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at, end: text.length, claims: [] });
  return out;
}
