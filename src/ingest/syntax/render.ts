// Output of the syntax stage for people and scorers: a parsed document as CoNLL-U or JSON, and the re-annotation of
// an existing CoNLL-U file's words (what `geokg parse` prints; how tagging and parsing accuracy are measured).

import type { ParsedDoc, ParsedWord } from '../types.js';
import type { ConlluRow, ConlluSentence } from './conllu.js';
import { wordsOf } from './conllu.js';
import { analyseWords } from './stage.js';
import type { SyntaxModel } from './types.js';

/** MISC of a word or multiword token: character offsets (UDPipe's TokenRange), the geokg token range, SpaceAfter. */
function misc(start: number, end: number, tokStart: number, tokEnd: number, spaceAfter: boolean): string {
  return `TokenRange=${start}:${end}|Tokens=${tokStart}:${tokEnd}${spaceAfter ? '' : '|SpaceAfter=No'}`;
}

const row = (id: string, form: string, rest: Partial<ConlluRow>): ConlluRow => ({
  id,
  form,
  lemma: '_',
  upos: '_',
  xpos: '_',
  feats: '_',
  head: '_',
  deprel: '_',
  deps: '_',
  misc: '_',
  ...rest,
});

/** Spaces never reach a CoNLL-U form or comment (a tab would break the columns). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const safeForm = (s: string) => (s.length ? s.replace(/\s/g, '_') : '_');

/** The rows of one parsed sentence: multiword-token range lines before their words, as UD writes them. */
function sentenceRows(text: string, words: readonly ParsedWord[]): ConlluRow[] {
  const rows: ConlluRow[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const unitEnd = w.mwt ? words[w.mwt[1]]!.end : w.end;
    const spaceAfter = unitEnd >= text.length || /\s/.test(text[unitEnd]!);
    if (w.mwt && w.mwt[0] === k) {
      const last = words[w.mwt[1]]!;
      rows.push(
        row(`${k + 1}-${w.mwt[1] + 1}`, safeForm(text.slice(w.start, last.end)), {
          misc: misc(w.start, last.end, w.tokStart, last.tokEnd, spaceAfter),
        }),
      );
    }
    rows.push(
      row(String(k + 1), safeForm(w.form), {
        upos: w.upos,
        feats: w.feats || '_',
        head: String(w.head),
        deprel: w.deprel,
        misc: misc(w.start, w.end, w.tokStart, w.tokEnd, w.mwt ? true : spaceAfter),
      }),
    );
  }
  return rows;
}

/** A parsed document as CoNLL-U sentences (`# newdoc id`, `# sent_id = DOC-N`, `# text`); offsets in MISC. */
export function parsedToConllu(doc: ParsedDoc): ConlluSentence[] {
  return doc.parses.map((p, i) => {
    const s = doc.sentences[p.sentence]!;
    const comments = [
      ...(i === 0 ? [`newdoc id = ${doc.id}`, `source = ${oneLine(doc.source)}`] : []),
      `sent_id = ${doc.id}-${p.sentence + 1}`,
      `text = ${oneLine(s.text)}`,
      `lang = ${p.lang}`,
    ];
    return { comments, rows: sentenceRows(doc.text, p.words) };
  });
}

export interface ParsedJsonWord {
  id: number;
  form: string;
  upos: string;
  feats: string;
  head: number;
  deprel: string;
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  /** 1-based ids [first, last] of the multiword token ("zum" = zu + dem) the word belongs to. */
  mwt?: [number, number];
}

/** A parsed document as plain JSON: the same information as the CoNLL-U output, ids 1-based as there. */
export function parsedToJson(doc: ParsedDoc) {
  return {
    id: doc.id,
    source: doc.source,
    language: doc.language,
    sentences: doc.parses.map((p) => {
      const s = doc.sentences[p.sentence]!;
      return {
        index: p.sentence,
        sent_id: `${doc.id}-${p.sentence + 1}`,
        lang: p.lang,
        start: s.start,
        end: s.end,
        text: s.text,
        words: p.words.map((w, k): ParsedJsonWord => ({
          id: k + 1,
          form: w.form,
          upos: w.upos,
          feats: w.feats,
          head: w.head,
          deprel: w.deprel,
          start: w.start,
          end: w.end,
          tokStart: w.tokStart,
          tokEnd: w.tokEnd,
          ...(w.mwt ? { mwt: [w.mwt[0] + 1, w.mwt[1] + 1] as [number, number] } : {}),
        })),
      };
    }),
  };
}

/** Re-annotates the syntactic words of CoNLL-U sentences: UPOS, FEATS, HEAD and DEPREL are replaced, everything
 * else (ids, forms, comments, multiword-token ranges, empty nodes, LEMMA, XPOS, DEPS, MISC) stays as it was. */
export function reannotate(sentences: readonly ConlluSentence[], model: SyntaxModel): ConlluSentence[] {
  return sentences.map((sent) => {
    const words = wordsOf(sent);
    const a = analyseWords(
      model,
      words.map((w) => ({ form: w.form })),
    );
    const byId = new Map(words.map((w, k) => [w.id, k]));
    const rows = sent.rows.map((r) => {
      const k = byId.get(r.id);
      if (k === undefined) return { ...r };
      const h = a.head[k]!;
      // Heads are positions in the word list; written as the file's own ids, which a valid file numbers 1..n anyway.
      const head = h === 0 ? '0' : words[h - 1]!.id;
      return { ...r, upos: a.upos[k]!, feats: a.feats[k]! || '_', head, deprel: a.deprel[k]! };
    });
    return { comments: [...sent.comments], rows };
  });
}
