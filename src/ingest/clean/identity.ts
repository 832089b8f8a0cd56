// Document identity: a hash of the cleaned text in a normalised form (Unicode NFKC, every whitespace run one
// space), so re-wrapping, non-breaking spaces or .txt vs .html never make a second document. Offsets stay raw.

import { createHash } from 'node:crypto';

/** The text the id is computed from: what a reader sees, whatever the line breaks and space characters. */
export function identityText(cleaned: string): string {
  return cleaned.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

export function documentIdOf(cleaned: string): string {
  return createHash('sha256').update(identityText(cleaned)).digest('hex').slice(0, 16);
}
