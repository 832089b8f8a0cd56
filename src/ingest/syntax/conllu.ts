// CoNLL-U reading and writing (Universal Dependencies' format): treebanks for training, files to re-annotate.
// Rows keep all ten columns as text so a file can be re-written with only the columns we predict changed.

/** One line of a sentence: a syntactic word ("3"), a multiword-token range ("3-4") or an empty node ("3.1"). */
export interface ConlluRow {
  id: string;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: string;
  deprel: string;
  deps: string;
  misc: string;
}

export interface ConlluSentence {
  /** Comment lines without the leading "# " (e.g. "sent_id = dev-s1", "text = …"). */
  comments: string[];
  rows: ConlluRow[];
}

/** A syntactic word of a sentence with numeric id and head (what training and scoring use). */
export interface ConlluWord extends ConlluRow {
  index: number;
  headIndex: number;
}

export class ConlluFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CoNLL-U line ${line}: ${message}`);
    this.name = 'ConlluFormatError';
  }
}

const COLUMNS = ['id', 'form', 'lemma', 'upos', 'xpos', 'feats', 'head', 'deprel', 'deps', 'misc'] as const;
const WORD_ID = /^[1-9][0-9]*$/;
const RANGE_ID = /^[1-9][0-9]*-[1-9][0-9]*$/;
const EMPTY_ID = /^[0-9]+\.[1-9][0-9]*$/;

export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let current: ConlluSentence = { comments: [], rows: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const flush = () => {
    if (current.rows.length) out.push(current);
    current = { comments: [], rows: [] };
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') return flush();
    if (line.startsWith('#')) {
      if (current.rows.length) flush();
      current.comments.push(line.replace(/^#\s?/, ''));
      return;
    }
    const cols = line.split('\t');
    if (cols.length !== 10)
      throw new ConlluFormatError(`expected 10 tab-separated columns, found ${cols.length}`, i + 1);
    const id = cols[0]!;
    if (!WORD_ID.test(id) && !RANGE_ID.test(id) && !EMPTY_ID.test(id))
      throw new ConlluFormatError(`invalid ID "${id}"`, i + 1);
    const row = {} as ConlluRow;
    COLUMNS.forEach((c, k) => (row[c] = cols[k]!));
    current.rows.push(row);
  });
  flush();
  return out;
}

/** The syntactic words of a sentence (no ranges, no empty nodes), with numeric id and head. */
export function wordsOf(sentence: ConlluSentence): ConlluWord[] {
  const words: ConlluWord[] = [];
  for (const r of sentence.rows) {
    if (!WORD_ID.test(r.id)) continue;
    const headIndex = /^[0-9]+$/.test(r.head) ? Number(r.head) : -1;
    words.push({ ...r, index: Number(r.id), headIndex });
  }
  return words;
}

export function writeConllu(sentences: readonly ConlluSentence[]): string {
  let s = '';
  for (const sent of sentences) {
    for (const c of sent.comments) s += `# ${c}\n`;
    for (const r of sent.rows) s += COLUMNS.map((c) => r[c]).join('\t') + '\n';
    s += '\n';
  }
  return s;
}
