// GET /api/queries: the shipped research queries (cypher/queries/) with their questions and typed parameters,
// for the Cypher panel's menu. Read once from disk; the texts are public project files, never user data.

import { listQueries, loadQuery, type QueryParamInfo } from '../store/queries.js';

export interface ShippedQuery {
  name: string;
  answers: string;
  returns: string;
  params: Array<Pick<QueryParamInfo, 'name' | 'type' | 'example' | 'hasDefault' | 'default' | 'description'>>;
  /** The Cypher without its header comment: what the panel puts in the editor. */
  text: string;
}

let cache: ShippedQuery[] | null = null;

/** The header is metadata the panel shows as fields and a tooltip; the editor gets the statement alone. */
function withoutHeader(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i]!.startsWith('//') || !lines[i]!.trim())) i++;
  return lines.slice(i).join('\n').trim();
}

export function shippedQueries(): ShippedQuery[] {
  cache ??= listQueries().map((info) => ({
    name: info.name,
    answers: info.answers,
    returns: info.returns,
    // The server's file paths stay on the server.
    params: info.params.map(({ name, type, example, hasDefault, default: dflt, description }) => ({
      name,
      type,
      example,
      hasDefault,
      ...(hasDefault ? { default: dflt } : {}),
      description,
    })),
    text: withoutHeader(loadQuery(info.name).text),
  }));
  return cache;
}
