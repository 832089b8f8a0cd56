// HTML → visible text, one block element per paragraph, with the page's own title and publication date (meta, <time>).
// Navigation, header, footer, asides and forms are skipped; malformed markup never throws.

import { Parser } from 'htmlparser2';
import { normaliseIsoDate } from './dates.js';
import { isProse } from './rules.js';

/** Never visible as text, however the markup is broken. */
const HIDDEN_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'svg',
  'template',
  'iframe',
  'button',
  'select',
  'option',
  'head',
  'object',
  'canvas',
]);
/**
 * Page chrome. A closed one is dropped whole; one the page never closes (the parser closes it at its parent's end
 * or at the end of the page) may have swallowed the article, which is recovered from the block that holds it on.
 */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'figcaption']);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'blockquote',
  'figure',
  'main',
  'dl',
  'dt',
  'dd',
  'pre',
  'hr',
  'address',
  'body',
  'html',
]);
const SEPARATOR = '\n\n';
/** Fallback when no block of an unclosed chrome region reads as prose: its densest block, if it is text, not links. */
const DENSE_MIN_CHARS = 40;
const DENSE_MAX_LINK_SHARE = 0.3;

export interface HtmlText {
  text: string;
  title?: string;
  published?: string;
}

/** A skipped element still open: its text waits in `parts`, owned by it, until its end decides its fate. */
interface Region {
  tag: string;
  hidden: boolean;
  start: number;
  parent: Region | null;
  /** Index in `parts` where an <article> or <main> opened directly inside this region. */
  articleAt?: number;
}

const DROPPED = 'dropped';

/** One piece of output: a text node, or a block separator (never owned, so that kept text keeps its paragraphs). */
interface Part {
  s: string;
  owner: Region | null | typeof DROPPED;
  link?: boolean;
  h1?: boolean;
}

/**
 * Where the article starts inside an unclosed chrome region, or Infinity when the region holds none. The density
 * fallback only for a region that ran to the end of the page: one its parent closed swallowed little, a caption maybe.
 */
function articleStart(parts: Part[], region: Region, toPageEnd: boolean): number {
  if (region.articleAt !== undefined) return region.articleAt;
  const blocks: Array<{ at: number; text: string; linkChars: number; h1: boolean }> = [];
  let block: (typeof blocks)[number] | undefined;
  for (let i = region.start; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.owner === null && p.s === SEPARATOR) block = undefined;
    if (p.owner !== region) continue;
    if (!block) blocks.push((block = { at: i, text: '', linkChars: 0, h1: false }));
    block.text += p.s;
    if (p.link) block.linkChars += p.s.trim().length;
    if (p.h1 && p.s.trim()) block.h1 = true;
  }
  const linkShare = (b: (typeof blocks)[number]) => b.linkChars / Math.max(1, b.text.trim().length);
  const prose = blocks.findIndex((b) => linkShare(b) < 0.5 && isProse(b.text.replace(/\s+/g, ' ').trim()));
  if (prose >= 0) {
    // The article's own headline above its first paragraph belongs to it (and gives the title); a linked logo does not.
    const headline = blocks.slice(0, prose).findLast((b) => b.h1 && linkShare(b) < 0.5);
    return (headline ?? blocks[prose]!).at;
  }
  if (!toPageEnd) return Infinity;
  let dense: (typeof blocks)[number] | undefined;
  const ownText = (b: (typeof blocks)[number]) => b.text.trim().length - b.linkChars;
  for (const b of blocks) if (!dense || ownText(b) > ownText(dense)) dense = b;
  return dense && ownText(dense) >= DENSE_MIN_CHARS && linkShare(dense) <= DENSE_MAX_LINK_SHARE ? dense.at : Infinity;
}

/** Ends a skipped region: its text is dropped, or, for unclosed chrome, kept from the article on (for its parent). */
function closeRegion(parts: Part[], region: Region, implied: boolean, toPageEnd: boolean): void {
  const cut = implied && !region.hidden ? articleStart(parts, region, toPageEnd) : Infinity;
  for (let i = region.start; i < parts.length; i++)
    if (parts[i]!.owner === region) parts[i]!.owner = i >= cut ? region.parent : DROPPED;
}

/** Visible text of an HTML page, one block element per paragraph; never throws on malformed markup. */
export function htmlToText(html: string): HtmlText {
  const parts: Part[] = [];
  let region: Region | null = null;
  let hiddenDepth = 0;
  let linkDepth = 0;
  let inTitle = false;
  let title = '';
  let inH1 = false;
  let published: string | undefined;
  let finishing = false;
  // An implied close at </body>, </html> or the end of input: the region ran over the rest of the page.
  const atPageEnd = () => finishing || /^<\/(body|html)\b/i.test(html.slice(parser.startIndex, parser.endIndex + 1));
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (!published && /(published_time|datepublished|^date$|pubdate|dc\.date)/.test(key) && attrs.content)
            published = attrs.content;
        }
        if (name === 'time' && !published && attrs.datetime) published = attrs.datetime;
        const hidden = HIDDEN_TAGS.has(name);
        if (hidden || CHROME_TAGS.has(name)) {
          if (hidden) hiddenDepth++;
          region = { tag: name, hidden, start: parts.length, parent: region };
          return;
        }
        if (name === 'a') linkDepth++;
        if ((name === 'article' || name === 'main') && region && !region.hidden && region.articleAt === undefined)
          region.articleAt = parts.length;
        if (name === 'h1') inH1 = true;
        if (name === 'br') parts.push({ s: '\n', owner: null });
        else if (BLOCK_TAGS.has(name)) parts.push({ s: SEPARATOR, owner: null });
      },
      ontext(data) {
        if (inTitle) title += data;
        if (hiddenDepth > 0) return;
        parts.push({ s: data, owner: region, link: linkDepth > 0, h1: inH1 });
      },
      onclosetag(name, implied) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (name === 'a') linkDepth = Math.max(0, linkDepth - 1);
        if (HIDDEN_TAGS.has(name) || CHROME_TAGS.has(name)) {
          // The parser closes elements innermost first, so the region ending is the innermost one of this name.
          let r: Region | null = region;
          while (r && r.tag !== name) r = r.parent;
          if (!r) return;
          const toPageEnd = implied && atPageEnd();
          while (region && region !== r.parent) {
            const ending: Region = region;
            if (ending.hidden) hiddenDepth--;
            closeRegion(parts, ending, implied || ending !== r, toPageEnd);
            region = ending.parent;
          }
          return;
        }
        if (BLOCK_TAGS.has(name)) parts.push({ s: SEPARATOR, owner: null });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  finishing = true;
  parser.end();
  const visible = parts.filter((p) => p.owner === null);
  const text = visible
    .map((p) => p.s)
    .join('')
    .replace(/[ \t\f\v\r]*\n[ \t\f\v\r]*/g, '\n')
    .replace(/[ \t]+/g, ' ');
  const h1 = visible
    .filter((p) => p.h1)
    .map((p) => p.s)
    .join('');
  const t = (h1 || title).replace(/\s+/g, ' ').trim();
  return { text, title: t || undefined, published: published ? normaliseIsoDate(published) : undefined };
}
