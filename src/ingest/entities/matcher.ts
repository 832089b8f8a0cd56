// The gazetteer matcher: every surface form of the gazetteer (and the lexicon's collective actors) in a token trie,
// walked once per text position; German inflection on the last token ("Russlands") is tolerated.

import type { Gazetteer, GazetteerEntry, SurfaceForm } from '../gazetteer/index.js';
import type { Lexicon } from '../lexicon.js';
import { tokenize } from '../stages/02-segment.js';
import type { MentionKind, Token } from '../types.js';

export interface FormEntry {
  norms: string[];
  texts: string[];
  id: string;
  kind: MentionKind;
  cs: boolean;
  lang?: 'de' | 'en';
  amb?: boolean;
  /** The first token must be capitalised in the text (case-insensitive proper names). */
  needsCap: boolean;
  upperFirst: boolean;
}
interface TrieNode {
  next: Map<string, TrieNode>;
  forms: FormEntry[];
}

const KIND_RANK: Record<string, number> = {
  name: 0,
  alias: 1,
  abbrev: 2,
  metonym: 3,
  surname: 4,
  demonym: 5,
  adjective: 6,
};
const DE_SUFFIXES = ['s', 'es', 'n', 'en', 'e', 'er', 'em', 'ns'];
const UNIFY_APOS = (s: string) => s.replace(/[’‘`´]/g, "'");
const normOf = (t: Token) => (t.norm.includes('’') ? UNIFY_APOS(t.norm) : t.norm);

/** Surface forms in a token trie: one walk per position finds every form starting there. */
export class FormIndex {
  readonly root: TrieNode = { next: new Map(), forms: [] };
  size = 0;
  add(fe: FormEntry): void {
    let node = this.root;
    for (const n of fe.norms) {
      let c = node.next.get(n);
      if (!c) node.next.set(n, (c = { next: new Map(), forms: [] }));
      node = c;
    }
    if (node.forms.some((f) => f.id === fe.id && f.kind === fe.kind && f.cs === fe.cs)) return;
    node.forms.push(fe);
    node.forms.sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9));
    this.size++;
  }
  hasFirst(norm: string): boolean {
    return this.root.next.has(norm);
  }
  /** Memo: can a (capitalised, German) token start a match here at all? Most tokens cannot. */
  private readonly viable = new Map<string, boolean>();
  canStart(norm: string, stems: boolean): boolean {
    if (this.root.next.has(norm)) return true;
    if (!stems) return false;
    let v = this.viable.get(norm);
    if (v === undefined) {
      v = hasStem(this.root, norm);
      if (this.viable.size > 200_000) this.viable.clear();
      this.viable.set(norm, v);
    }
    return v;
  }
}

export interface Matcher {
  index: FormIndex;
  entries: Map<string, GazetteerEntry>;
}

export function addForm(
  index: FormIndex,
  form: string,
  id: string,
  kind: MentionKind,
  cs: boolean,
  lang?: 'de' | 'en',
  amb?: boolean,
) {
  const toks = tokenize(UNIFY_APOS(form));
  if (!toks.length) return;
  const texts = toks.map((t) => t.text);
  const upperFirst = /^\p{Lu}/u.test(texts[0]!);
  const needsCap = !cs && kind !== 'adjective' && kind !== 'demonym' && !/^\p{Ll}/u.test(texts[0]!);
  index.add({ norms: toks.map((t) => t.norm), texts, id, kind, cs, lang, amb, needsCap, upperFirst });
}

/** The trie of a gazetteer plus the lexicon's collective actors ("the West", "der Westen"). */
export function buildMatcher(gaz: Gazetteer, lex: Lexicon): Matcher {
  const index = new FormIndex();
  const entries = new Map<string, GazetteerEntry>(gaz.entries);
  for (const f of gaz.forms)
    addForm(index, f.form, f.id, f.kind as SurfaceForm['kind'], f.caseSensitive, f.lang, f.ambiguous);
  for (const c of lex.collectiveActors) {
    if (!entries.has(c.id)) entries.set(c.id, { id: c.id, name: c.name, type: c.type, aliases: [] });
    for (const f of c.forms) addForm(index, f, c.id, 'alias', false);
  }
  return { index, entries };
}

function validForm(fe: FormEntry, toks: Token[], i: number, end: number, suffix: string, lang: string): boolean {
  if (fe.lang && lang !== 'und' && fe.lang !== lang && fe.kind === 'adjective') return false;
  // German genitives ("Putins", and "Hans" of the surname Han) are no English forms: "Admiral Hans Keller".
  if (fe.lang === 'de' && lang === 'en') return false;
  if (suffix && (fe.kind === 'abbrev' || fe.kind === 'adjective' || fe.kind === 'demonym')) return false;
  if (fe.cs) {
    for (let k = i; k < end; k++) {
      const text = toks[k]!.text.includes('\u00AD') ? toks[k]!.text.replace(/\u00AD/g, '') : toks[k]!.text;
      const want = fe.texts[k - i]!;
      if (k === end - 1 && suffix ? !text.startsWith(want) : text !== want && UNIFY_APOS(text) !== want) return false;
    }
  }
  const first = toks[i]!;
  if (fe.needsCap && !first.cap && first.kind !== 'num') return false;
  if (fe.kind === 'adjective' && lang === 'en' && fe.upperFirst && !first.cap) return false;
  return true;
}

function hasStem(root: TrieNode, norm: string): boolean {
  for (const s of DE_SUFFIXES)
    if (norm.length > s.length + 2 && norm.endsWith(s) && root.next.has(norm.slice(0, -s.length))) return true;
  return false;
}

export interface FormMatch {
  fe: FormEntry;
  end: number;
  suffix: string;
  /** Every valid reading of the span, one per entity id, best first. */
  alts: FormEntry[];
}

/** The longest valid form of `index` starting at toks[i]. */
export function matchAt(toks: Token[], i: number, index: FormIndex, lang: string): FormMatch | undefined {
  const t0 = toks[i]!;
  if (t0.kind === 'punct') return undefined;
  if (!index.canStart(normOf(t0), lang !== 'en' && t0.cap)) return undefined;
  // Allocated on the first candidate only: most positions that pass canStart still match nothing.
  let found: Array<{ end: number; forms: FormEntry[]; suffix: string }> | undefined;
  let node = index.root;
  for (let k = i; k < toks.length && k < i + 8; k++) {
    const t = toks[k]!;
    if (k > i && t.glued && !t.hyphen && t.kind === 'word' && toks[k - 1]!.kind === 'word') break;
    const norm = normOf(t);
    if (lang !== 'en' && t.cap && t.kind === 'word') {
      // German inflection on the last token: Russlands, Kim Jong Uns, Irans.
      for (const s of DE_SUFFIXES) {
        if (norm.length <= s.length + 2 || !norm.endsWith(s)) continue;
        const c = node.next.get(norm.slice(0, -s.length));
        if (c && c.forms.length) (found ??= []).push({ end: k + 1, forms: c.forms, suffix: s });
      }
    }
    const child = node.next.get(norm);
    if (!child) break;
    if (child.forms.length) (found ??= []).push({ end: k + 1, forms: child.forms, suffix: '' });
    node = child;
  }
  if (!found) return undefined;
  if (found.length > 1) found.sort((a, b) => b.end - a.end || a.suffix.length - b.suffix.length);
  for (const f of found) {
    // The valid forms in order, one per entity id (same result as filter-then-dedupe, without the interim array).
    let alts: FormEntry[] | undefined;
    for (const fe of f.forms) {
      if (!validForm(fe, toks, i, f.end, f.suffix, lang)) continue;
      if (!alts) alts = [fe];
      else if (!alts.some((a) => a.id === fe.id)) alts.push(fe);
    }
    if (!alts) continue;
    return { fe: alts[0]!, end: f.end, suffix: f.suffix, alts };
  }
  return undefined;
}
