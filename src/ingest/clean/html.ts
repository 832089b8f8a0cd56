// HTML → visible text, one block element per paragraph, with the page's own title and publication date (meta, <time>).
// Navigation, header, footer, asides and forms are skipped; malformed markup never throws.

import { Parser } from 'htmlparser2';
import { normaliseIsoDate } from './dates.js';

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'svg',
  'template',
  'iframe',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'option',
  'head',
  'figcaption',
  'menu',
  'object',
  'canvas',
]);
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

export interface HtmlText {
  text: string;
  title?: string;
  published?: string;
}

/** Visible text of an HTML page, one block element per paragraph; never throws on malformed markup. */
export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let skip = 0;
  let inTitle = false;
  let title = '';
  let h1 = '';
  let inH1 = false;
  let published: string | undefined;
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
        if (SKIP_TAGS.has(name)) {
          skip++;
          return;
        }
        if (name === 'h1') inH1 = true;
        if (name === 'br') parts.push('\n');
        else if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skip > 0) return;
        if (inH1) h1 += data;
        parts.push(data);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (SKIP_TAGS.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = parts
    .join('')
    .replace(/[ \t\f\v\r]*\n[ \t\f\v\r]*/g, '\n')
    .replace(/[ \t]+/g, ' ');
  const t = (h1 || title).replace(/\s+/g, ' ').trim();
  return { text, title: t || undefined, published: published ? normaliseIsoDate(published) : undefined };
}
