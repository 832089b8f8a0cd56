// Training-time harmonisation of a treebank's UPOS with the convention of the text we test and run on.
// GSD tags comparative "als", "um … zu", adverbial adjectives and month names inconsistently; the rules are data.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LEXICON_DIR } from '../lexicon.js';
import type { TreebankSentence } from './treebank.js';

const rulesSchema = z.object({
  upos_by_xpos: z.record(z.string(), z.string()),
  rewrites: z.array(
    z.object({ upos: z.string(), deprel: z.string().optional(), form: z.string().optional(), to: z.string() }),
  ),
  common_nouns: z.array(z.string()),
  common_nouns_from_months: z.boolean(),
});
const fileSchema = z.object({ de: rulesSchema.optional(), en: rulesSchema.optional() });
const calendarMonths = z.object({ months: z.record(z.string(), z.record(z.string(), z.number())) });

export interface HarmoniseRules {
  byXpos: ReadonlyMap<string, string>;
  rewrites: readonly { upos: string; deprel?: string; form?: string; to: string }[];
  commonNouns: ReadonlySet<string>;
}

/** The language's rules from data/lexicons/treebank-harmonise.json, or undefined when it has none. */
export function loadHarmoniseRules(lang: 'de' | 'en', dir = LEXICON_DIR): HarmoniseRules | undefined {
  const file = fileSchema.parse(JSON.parse(readFileSync(join(dir, 'treebank-harmonise.json'), 'utf8')));
  const r = file[lang];
  if (!r) return undefined;
  const nouns = new Set(r.common_nouns);
  if (r.common_nouns_from_months) {
    const cal = calendarMonths.parse(JSON.parse(readFileSync(join(dir, 'calendar.json'), 'utf8')));
    for (const m of Object.keys(cal.months[lang] ?? {})) nouns.add(m);
  }
  return { byXpos: new Map(Object.entries(r.upos_by_xpos)), rewrites: r.rewrites, commonNouns: nouns };
}

/** The sentences with UPOS rewritten by the rules (new arrays; the input is not changed). */
export function harmonise(sents: readonly TreebankSentence[], rules: HarmoniseRules): TreebankSentence[] {
  return sents.map((s) => ({
    ...s,
    upos: s.upos.map((u, i) => {
      const byX = rules.byXpos.get(s.xpos[i]!);
      if (byX) return byX;
      const lower = s.words[i]!.form.toLowerCase();
      for (const r of rules.rewrites)
        if (r.upos === u && (!r.deprel || r.deprel === s.deprels[i]) && (!r.form || r.form === lower)) return r.to;
      if (u === 'PROPN' && rules.commonNouns.has(lower)) return 'NOUN';
      return u;
    }),
  }));
}
