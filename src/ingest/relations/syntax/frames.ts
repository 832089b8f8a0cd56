// Valency frames (data/lexicons/frames.json): which dependent of a trigger is its subject, object and theme.
// Validated with zod on load, so a malformed frame file fails with the frame id and field instead of a silent miss.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ENTITY_TYPES, PREDICATES } from '../../../model.js';

const SLOT_DEP =
  /^(nsubj|nsubj:pass|obj|iobj|obl|nmod|nmod:poss|amod|compound|appos|gen|prefix|head|governor:[a-z:]+|[a-z:]+\/[a-z:]+)$/;

export const SlotSchema = z.object({
  dep: z.string().regex(SLOT_DEP, 'unknown slot dependency'),
  /** Adpositions (lower-cased) or German cases (Nom/Acc/Dat/Gen) the dependent must carry. */
  case: z.array(z.string()).optional(),
  types: z.array(z.enum(ENTITY_TYPES)).optional(),
  /** Apply only when the trigger is governed by one of these adpositions; [] = only when it is governed by none. */
  ifTriggerCase: z.array(z.string()).optional(),
  /** For a path slot ('obl/nmod'): the lower-cased words its middle word may be ('seite': 'an der Seite der …'). */
  via: z.array(z.string()).optional(),
  /** For a governor slot: only when the governing verb is one of a syntax-cues verb list — granting the trigger noun
   * to its dependent ("sicherte der Ukraine Unterstützung zu", "offered Moldova its support"; `granting_verbs`) or
   * accepting it ("Xi accepted an invitation from Putin"; `accepting_verbs`), or thanking its dependent for it
   * ("Zelensky thanked Germany for its support"; `thanking_verbs`), or joining it ("Japan joined Western
   * sanctions against Russia"; `joining_verbs`), or imposing it on its object ("belegte den Ölsektor mit
   * Sanktionen"; `imposing_verbs`). */
  governors: z.enum(['granting', 'accepting', 'thanking', 'joining', 'imposing']).optional(),
  /** Only where the verb has no object of its own: a phrase after an object noun is that noun's ("condemned the
   * attacks on Ukraine", "criticised Russia's stance on Syria"), whatever the parser hung it on. */
  noObject: z.boolean().optional(),
});

export const FrameSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['de', 'en', '*']),
  pos: z.enum(['verb', 'noun', 'adj']),
  predicate: z.enum(PREDICATES),
  match: z.string().optional(),
  voice: z.enum(['receive']).optional(),
  actorNoun: z.boolean().optional(),
  /** Fighting each other: with no object, coordinated subjects are each other's targets. */
  reciprocal: z.boolean().optional(),
  requires: z.array(SlotSchema).optional(),
  subject: z.array(SlotSchema).min(1),
  object: z.array(SlotSchema).min(1),
  theme: z.array(SlotSchema).optional(),
  examples: z.array(z.string()).min(1),
});

export const FramesFileSchema = z.object({ _about: z.string().min(20), frames: z.array(FrameSchema).min(1) });

export type Slot = z.infer<typeof SlotSchema>;
export type Frame = z.infer<typeof FrameSchema> & { re?: RegExp };

export class FrameFileError extends Error {
  constructor(message: string) {
    super(`frames: ${message}`);
    this.name = 'FrameFileError';
  }
}

const DEFAULT_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'data',
  'lexicons',
  'frames.json',
);

/** Validates and compiles a frames file's content (already parsed JSON). */
export function compileFrames(json: unknown): Frame[] {
  const parsed = FramesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FrameFileError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  return parsed.data.frames.map((f) => {
    if (ids.has(f.id)) throw new FrameFileError(`duplicate frame id "${f.id}"`);
    ids.add(f.id);
    let re: RegExp | undefined;
    try {
      re = f.match ? new RegExp(`^(?:${f.match})`, 'u') : undefined;
    } catch (e) {
      throw new FrameFileError(`frame "${f.id}": bad match regex: ${(e as Error).message}`);
    }
    return { ...f, re };
  });
}

export function loadFrames(path: string = DEFAULT_PATH): Frame[] {
  return compileFrames(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * The frame for a trigger: a matching specific frame first (those whose 'requires' hold are checked by the caller,
 * so all candidates are returned in order), then the predicate's default frame for the language and part of speech.
 */
export function framesFor(frames: readonly Frame[], lang: 'de' | 'en', pos: string, predicate: string, key: string) {
  const fit = frames.filter((f) => f.predicate === predicate && f.pos === pos && (f.lang === lang || f.lang === '*'));
  return [...fit.filter((f) => f.re && f.re.test(key)), ...fit.filter((f) => !f.re)];
}
