// The relation rules in the order they are tried for each trigger: the first that answers wins (an empty answer
// also stops), so specific constructions come before the general verb and noun rules.

import type { Rule } from '../context.js';
import { noun, nounMember, nounWith } from './noun.js';
import { adjectivePair, between, pairPhrase } from './pairs.js';
import { participle } from './participle.js';
import { verb } from './verb.js';
import { verbReceive, verbTransfer } from './verb-voice.js';

export const RULES: readonly Rule[] = [
  between,
  pairPhrase,
  adjectivePair,
  participle,
  verbReceive,
  verbTransfer,
  verb,
  nounWith,
  nounMember,
  noun,
];
