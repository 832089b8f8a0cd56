// The parse-based relation rules in the order they are tried for each trigger; the first that finds arguments wins.
// Specific constructions come before the general frame readers, as in compromise's ordered tagger passes.

import type { RelationRule } from '../types.js';
import { actorNoun } from './actor-noun.js';
import { eventNoun } from './event-noun.js';
import { participle } from './participle.js';
import { reaction } from './reaction.js';
import { verbFrame } from './verb-frame.js';

export const RULES: readonly RelationRule[] = [participle, verbFrame, actorNoun, reaction, eventNoun];
