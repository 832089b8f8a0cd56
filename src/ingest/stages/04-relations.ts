// Stage 4 (pure): entity mentions → relation candidates. Trigger lexicons find the event or stance, prepositions and
// word order assign subject and object, cue words set modality and attribution; role facts become structural relations.

import type { EntityType, Modality, Predicate } from '../../model.js';
import { SYMMETRIC_PREDICATES } from '../../model.js';
import { ARTICLES, CUES, NEGATIONS, PREPOSITIONS, TRIGGERS, ORG_TYPE_NOUNS, type TriggerEntry } from '../lexicon.js';
import type { Mention, RecognisedDoc, RelationCandidate, RelationsDoc, Sentence, Token } from '../types.js';
import { cueAt } from './03-entities.js';

const ACTOR_TYPES = new Set<EntityType>(['Country', 'Person', 'Organization', 'ArmedGroup']);
const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'er', 'sie', 'es']);
const PASSIVE_AUX = /^(wurde|wurden|worden|wird|werden|was|were|been|being|is|are|be)$/u;
const OBJ_MARKERS: Record<Predicate, string[]> = {
  SUPPLIES: ['to'],
  SUPPORTS: ['for'],
  ATTACKS: ['against', 'on'],
  SANCTIONS: ['against', 'on'],
  CRITICIZES: ['against'],
  THREATENS: ['against'],
  INVITES: [],
  MEETS: ['with'],
  COOPERATES_WITH: ['with'],
  ALLIED_WITH: ['with'],
  SIGNS_AGREEMENT: ['with'],
  MEMBER_OF: ['to', 'in', 'of', 'at', 'with'],
  HEAD_OF_STATE: [],
  HEAD_OF_GOVERNMENT: [],
  OFFICIAL_OF: [],
  AFFILIATED_WITH: [],
  LOCATED_IN: [],
  CITIZEN_OF: [],
};
const DIRECT_FIRST = new Set<Predicate>(['CRITICIZES', 'THREATENS', 'SANCTIONS', 'ATTACKS', 'INVITES', 'SUPPORTS']);
const MEMBER_NOUNS =
  /^(staaten|länder|ländern|mitglieder|mitgliedern|mitgliedstaaten|mitgliedsstaaten|mitgliedsländer|states|countries|nations|members|member|allies|verbündete|verbündeten)$/u;
const lang = (doc: RecognisedDoc) => doc.language;
const NOT_EVENT_HEAD =
  /^(crimes?|criminals?|games?|room|zone|chest|footing|correspondent|helicopters?|planes?|aircraft|ships?|vessels?|drones?|dogs?|veterans?|memorial|museum|agenda|budget|powers?)$/u;
const ADJ_TARGET = new Set<Predicate>(['CRITICIZES', 'ATTACKS', 'SANCTIONS', 'THREATENS']);
const SEGMENT_BREAK = new Set([';', '–', '—', '(', ')']);

interface Cand {
  m: Mention;
  marker: string;
  markerNorm: string;
  side: 'L' | 'R';
  dist: number;
  conjOf?: Mention;
  segment: number;
}

const unmarked = (c: Cand) => c.marker === 'none';

const triggerCache = new Map<string, Map<string, TriggerEntry[]>>();
function triggersFor(lang: string, norm: string): TriggerEntry[] {
  let byLang = triggerCache.get(lang);
  if (!byLang) triggerCache.set(lang, (byLang = new Map()));
  let hit = byLang.get(norm);
  if (!hit) {
    hit = TRIGGERS.filter((t) => (t.lang === '*' || t.lang === lang || lang === 'und') && t.re.test(norm));
    if (byLang.size > 200_000) byLang.clear();
    byLang.set(norm, hit);
  }
  return hit;
}

const MONTHS: Map<string, number> = new Map(
  Object.entries({
    januar: 1,
    january: 1,
    februar: 2,
    february: 2,
    märz: 3,
    march: 3,
    april: 4,
    mai: 5,
    may: 5,
    juni: 6,
    june: 6,
    juli: 7,
    july: 7,
    august: 8,
    september: 9,
    oktober: 10,
    october: 10,
    november: 11,
    dezember: 12,
    december: 12,
  }),
);

function timesIn(toks: Token[]): Array<{ at: number; value: string }> {
  const out: Array<{ at: number; value: string }> = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct') continue;
    const mo = MONTHS.get(t.norm);
    if (mo && (t.cap || t.norm === 'mai')) {
      const y = toks[i + 1]?.kind === 'num' && /^(19|20)\d\d$/.test(toks[i + 1]!.text) ? toks[i + 1]!.text : undefined;
      const d =
        toks[i - 1]?.text === '.' && toks[i - 2]?.kind === 'num'
          ? toks[i - 2]!.text
          : toks[i - 1]?.kind === 'num'
            ? toks[i - 1]!.text
            : undefined;
      if (y) {
        out.push({
          at: i,
          value:
            d && +d >= 1 && +d <= 31
              ? `${y}-${String(mo).padStart(2, '0')}-${d.padStart(2, '0')}`
              : `${y}-${String(mo).padStart(2, '0')}`,
        });
        i++;
      }
      continue;
    }
    if (t.kind === 'num' && /^(19|20)\d\d$/.test(t.text)) {
      const prev = toks[i - 1]?.norm;
      if (
        prev &&
        /^(in|im|seit|since|jahr|year|ab|bis|until|von|from|of|by|early|late|mid|ende|anfang|mitte)$/u.test(prev)
      )
        out.push({ at: i, value: t.text });
    }
  }
  return out;
}

function segmentIds(toks: Token[]): number[] {
  const ids: number[] = [];
  let s = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "(AES)", "(SOZ)": a parenthesised short name stays in its clause; longer asides are segments of their own.
    if (t.text === '(' && toks[i + 2]?.text === ')') {
      ids.push(s, s, s);
      i += 2;
      continue;
    }
    if (t.text === ',' || SEGMENT_BREAK.has(t.text)) s++;
    ids.push(s);
  }
  return ids;
}

export function extractRelations(doc: RecognisedDoc): RelationsDoc {
  const out: RelationCandidate[] = [];
  const typeOf = (id: string): EntityType | undefined => doc.entities.get(id)?.type;
  const lang = doc.language;

  // Structural relations from role facts.
  for (const r of doc.roles) {
    const props: RelationCandidate = {
      subject: r.person,
      predicate: r.predicate,
      object: r.object,
      modality: 'asserted',
      confidence: 0.85,
      sentence: r.sentence,
      rule: 'role',
    };
    if (r.predicate === 'OFFICIAL_OF' || r.predicate === 'AFFILIATED_WITH') props.role = r.role;
    out.push(props);
  }

  for (const sent of doc.sentences) {
    const ms = doc.bySentence[sent.index] ?? [];
    if (!ms.length) continue;
    const toks = sent.tokens;
    const segs = segmentIds(toks);
    // Token → mention lookup table (mentions of one sentence never overlap, except the two of a pair phrase).
    const at: Array<Mention | undefined> = new Array(toks.length);
    for (const m of ms) for (let k = m.tokStart; k < m.tokEnd; k++) at[k] ??= m;
    const mentionAt = (k: number) => (k >= 0 ? at[k] : undefined);
    const items = ms.filter((m) => typeOf(m.entity) === 'Item');
    const actorMs = ms.filter((m) => m.actor && ACTOR_TYPES.has(typeOf(m.entity)!));

    structural(doc, sent, ms, out, mentionAt);
    const adjCountries = ms.filter(
      (m) => !m.actor && (m.kind === 'adjective' || m.kind === 'demonym') && typeOf(m.entity) === 'Country',
    ).length;
    if (actorMs.length < 1 || actorMs.length + adjCountries < 2) continue;
    // Most sentences hold no trigger at all: find that out before any argument analysis.
    const triggerAt: number[] = [];
    for (let t = 0; t < toks.length; t++) {
      const tok = toks[t]!;
      if (tok.kind !== 'word') continue;
      const inMention = mentionAt(t);
      if (inMention && typeOf(inMention.entity) !== 'Item') continue;
      if (triggersFor(lang, tok.norm).length) triggerAt.push(t);
    }
    if (!triggerAt.length) continue;
    const lower = sent.text.toLowerCase();
    const times = timesIn(toks);

    const roleTok = new Set<number>();
    for (const [a, b] of doc.roleSpans[sent.index] ?? []) for (let k = a; k < b; k++) roleTok.add(k);
    const markerOf = (m: Mention): { marker: string; norm: string; conjOf?: Mention } => {
      let j = m.tokStart - 1;
      let skipped = 0;
      while (j >= 0 && skipped < 5) {
        const t = toks[j]!;
        if (roleTok.has(j)) {
          // "mit dem russischen Ministerpräsidenten Michail Mischustin": the role noun belongs to the name.
          j--;
          skipped++;
          continue;
        }
        const other = mentionAt(j);
        if (other && other !== m && other.tokStart < m.tokStart) {
          // "vom Iran unterstützten Huthi": skip the embedded agent phrase.
          const before = toks[other.tokStart - 1];
          if (before && /^(vom|von|by)$/u.test(before.norm) && skipped > 0) {
            j = other.tokStart - 2;
            skipped++;
            continue;
          }
          if (other.kind === 'adjective' && !other.actor) {
            j = other.tokStart - 1;
            skipped++;
            continue;
          }
          return { marker: 'none', norm: '' };
        }
        if (t.text === ',' && skipped === 0) {
          // Lists: "The US, Russia, and Switzerland met" — a comma right after another actor coordinates.
          const prev = mentionAt(j - 1);
          if (prev && prev.actor && prev.tokEnd === j) {
            const pm = markerOf(prev);
            return { marker: pm.marker, norm: pm.norm, conjOf: pm.conjOf ?? prev };
          }
          return { marker: 'none', norm: '' };
        }
        if (t.kind === 'word' && PREPOSITIONS.has(t.norm)) {
          const cls = PREPOSITIONS.get(t.norm)!;
          if (cls === 'and') {
            const prev = mentionAt(j - 1) ?? (toks[j - 1]?.text === ',' ? mentionAt(j - 2) : undefined);
            if (prev && prev.actor) {
              const pm = markerOf(prev);
              return { marker: pm.marker, norm: pm.norm, conjOf: pm.conjOf ?? prev };
            }
            return { marker: 'none', norm: '' };
          }
          return { marker: cls, norm: t.norm };
        }
        if (
          t.kind === 'word' &&
          (ARTICLES.has(t.norm) ||
            (!t.cap && skipped < 3 && !PASSIVE_AUX.test(t.norm) && lang === 'de') ||
            t.kind !== 'word')
        ) {
          j--;
          skipped++;
          continue;
        }
        if (t.text === '„' || t.text === '“' || t.text === '"') {
          j--;
          continue;
        }
        return { marker: 'none', norm: '' };
      }
      return { marker: 'none', norm: '' };
    };

    const candInfo = new Map<Mention, { marker: string; norm: string; conjOf?: Mention }>();
    for (const m of actorMs) candInfo.set(m, markerOf(m));
    // The named source of a claim ("laut TASS", "nach Angaben von US-Beamten", "according to X") is not an argument.
    const sources = new Set<Mention>();
    for (let k = 0; k < toks.length; k++) {
      const len = cueAt(toks, k, CUES.sourceBefore);
      if (!len || toks[k]!.norm === 'wie') continue;
      for (let j = k + len; j < Math.min(toks.length, k + len + 4); j++) {
        const m = mentionAt(j);
        if (m) {
          sources.add(m);
          break;
        }
      }
    }

    for (const t of triggerAt) {
      const tok = toks[t]!;
      const entries = triggersFor(lang, tok.norm);
      // Noun compounds whose head is not the event: "war crimes", "attack helicopters", "supply ships".
      const notEvent = NOT_EVENT_HEAD.test(toks[t + 1]?.norm ?? '');
      for (const e of entries) {
        if (notEvent && e.pos === 'noun') continue;
        if (!checkTrigger(e, toks, t, lower, items.length > 0)) continue;
        if (negated(toks, t)) continue;
        const res = assign(e, t);
        if (!res) continue;
        for (const r of res) {
          let [s, o, , rule] = r;
          const conf = r[2];
          if (!s || !o || s.entity === o.entity) continue;
          let st = typeOf(s.entity);
          let ot = typeOf(o.entity);
          // "The alliance admitted Sweden", "Die NATO nahm Finnland auf": the organisation is the grammatical subject.
          if (e.p === 'MEMBER_OF' && st === 'Organization' && ot === 'Country') {
            [s, o, st, ot] = [o, s, ot, st];
            rule = `${rule}-reversed`;
          }
          if (!st || !ot || !ACTOR_TYPES.has(st) || !ACTOR_TYPES.has(ot)) continue;
          if (e.p === 'MEMBER_OF' && (ot !== 'Organization' || st === 'Person')) continue;
          if (e.p === 'INVITES' && ot === 'Organization' && st !== 'Organization') continue;
          const { modality, attributedTo } = modalityFor(sent, t, segs, mentionAt, [s.entity, o.entity]);
          const near = times
            .filter((x) => Math.abs(x.at - t) <= 15)
            .sort((a, b) => Math.abs(a.at - t) - Math.abs(b.at - t))[0];
          const cand: RelationCandidate = {
            subject: s.entity,
            predicate: e.p,
            object: o.entity,
            modality,
            confidence: Math.round((modality === 'asserted' ? conf : conf * 0.9) * 100) / 100,
            sentence: sent.index,
            rule,
          };
          if (attributedTo && attributedTo !== s.entity && attributedTo !== o.entity) cand.attributedTo = attributedTo;
          if (near) cand.time = near.value;
          if (e.p === 'SUPPLIES') {
            const its = items.filter((m) => Math.abs(m.tokStart - t) <= 12).map((m) => m.entity);
            if (its.length) cand.items = [...new Set(its)];
          }
          if (e.p === 'COOPERATES_WITH') {
            const dom = /milit/u.test(lower)
              ? 'military'
              : /(wirtschaft|handel|econom|trade)/u.test(lower)
                ? 'economic'
                : undefined;
            if (dom) cand.domain = dom;
          }
          out.push(cand);
        }
      }
    }

    // ---- argument assignment for one trigger ----
    function assign(
      e: TriggerEntry,
      t: number,
    ): Array<[Mention | undefined, Mention | undefined, number, string]> | undefined {
      const cands: Cand[] = [];
      for (const m of actorMs) {
        if ((m.tokStart <= t && t < m.tokEnd) || sources.has(m)) continue;
        const side = m.tokEnd <= t ? 'L' : 'R';
        const dist = side === 'L' ? t - m.tokEnd + 1 : m.tokStart - t;
        if (dist > 22) continue;
        const info = candInfo.get(m)!;
        // "since Russia invaded Ukraine": a conjunction that looks like a preposition opens a clause whose subject
        // stands right before the verb.
        const clauseConj = e.pos === 'verb' && m.tokEnd === t && /^(since|after|before|until|seit)$/u.test(info.norm);
        cands.push({
          m,
          marker: clauseConj ? 'none' : info.marker,
          markerNorm: info.norm,
          side,
          dist,
          conjOf: info.conjOf,
          segment: segs[m.tokStart]!,
        });
      }
      if (!cands.length) return undefined;
      const seg = segs[t]!;
      const sym = SYMMETRIC_PREDICATES.has(e.p);
      const objMarkers = e.objPreps ? [...OBJ_MARKERS[e.p], ...e.objPreps] : OBJ_MARKERS[e.p];
      const byDist = (a: Cand, b: Cand) => a.dist - b.dist;
      const L = cands.filter((c) => c.side === 'L').sort(byDist);
      const R = cands.filter((c) => c.side === 'R').sort(byDist);
      const isAgentMarker = (c: Cand) => c.marker === 'by' || c.markerNorm === 'von' || c.markerNorm === 'vom';
      const res: Array<[Mention | undefined, Mention | undefined, number, string]> = [];

      // Pair structures first (symmetric types): "zwischen X und Y", "X und Y haben …", "die beiden Länder", "russisch-iranische".
      if (sym) {
        const between = cands.filter((c) => c.marker === 'between' && c.dist <= 8);
        if (between.length >= 2) return [[between[0]!.m, between[1]!.m, 0.75, 'between']];
        const pairSpan = cands.filter(
          (c) => c.m.kind === 'coref' && cands.some((d) => d !== c && d.m.start === c.m.start),
        );
        if (pairSpan.length >= 2 && pairSpan[0]!.dist <= 12) return [[pairSpan[0]!.m, pairSpan[1]!.m, 0.7, 'pair']];
        if (e.pos === 'noun') {
          // Adjectives directly before the noun: "russisch-iranische Beziehungen", "U.S.-Israeli relations".
          const adjs = ms.filter(
            (m) =>
              (m.kind === 'adjective' || m.kind === 'demonym' || typeOf(m.entity) === 'Country') &&
              m.tokEnd <= t &&
              t - m.tokEnd <= 2,
          );
          if (adjs.length >= 2) {
            const [a, b] = adjs.slice(-2);
            if (a!.entity !== b!.entity && typeOf(a!.entity) === 'Country' && typeOf(b!.entity) === 'Country')
              return [[a, b, 0.7, 'adj-pair']];
          }
        }
      }

      // Attributive participle: "die vom Iran unterstützten Huthi", "Iran-backed Houthis".
      if (e.pos === 'verb') {
        const agent = L.find((c) => c.dist <= 1 && (isAgentMarker(c) || toks[t]!.hyphen));
        const patient = R.find((c) => c.dist <= 2);
        if (
          agent &&
          patient &&
          !PASSIVE_AUX.test(toks[t + 1]?.norm ?? '') &&
          (toks[t]!.hyphen || /(t|te|ten|ed)$/u.test(toks[t]!.norm))
        ) {
          if (!(e.p === 'SUPPLIES' && e.voice)) return [[agent.m, patient.m, 0.75, 'participle']];
        }
      }

      let subj: Cand | undefined;
      let obj: Cand | undefined;
      const sameSeg = (c: Cand) => c.segment === seg;

      if (e.pos === 'verb') {
        const passive =
          toks.slice(Math.max(0, t - 5), t).some((x) => PASSIVE_AUX.test(x.norm)) ||
          PASSIVE_AUX.test(toks[t + 1]?.norm ?? '');
        const agent = cands.find((c) => isAgentMarker(c) && c.dist <= 8);
        if (e.voice === 'receive') {
          const recipient = L.find((c) => unmarked(c) && !c.conjOf) ?? R.find((c) => unmarked(c) && c.dist <= 4);
          const supplier = cands.filter((c) => c.marker === 'from' || c.marker === 'by').sort(byDist)[0];
          if (recipient && supplier) return [[supplier.m, recipient.m, 0.7, 'receive']];
          return undefined;
        }
        if (e.voice === 'transfer') {
          const to = cands.filter((c) => c.marker === 'to').sort(byDist)[0];
          const from = cands
            .filter((c) => (c.marker === 'from' || c.markerNorm === 'aus') && c.m !== to?.m)
            .sort(byDist)[0];
          const maker = ms.find(
            (m) =>
              m.entity &&
              typeOf(m.entity) !== 'Item' &&
              m.actor &&
              Math.abs(m.tokStart - t) <= 12 &&
              candInfo.get(m)?.marker === 'none' &&
              m !== to?.m &&
              /herstell|manufactur|firm|compan|unternehm/u.test(toks[m.tokEnd - 1]!.norm),
          );
          const r: Array<[Mention | undefined, Mention | undefined, number, string]> = [];
          if (to && from) r.push([from.m, to.m, 0.65, 'transfer']);
          if (to && maker) r.push([maker, to.m, 0.6, 'transfer']);
          return r.length ? r : undefined;
        }
        if (passive && agent) {
          subj = agent;
          obj = objMarkers.length ? cands.find((c) => objMarkers.includes(c.marker) && c !== agent) : undefined;
          obj ??= L.find((c) => unmarked(c) && c !== agent) ?? R.find((c) => unmarked(c) && c !== agent);
        } else if (e.p === 'MEMBER_OF') {
          obj = memberObject(t, undefined);
          // "zur Allianz der Sahelstaaten (AES)": the name and its abbreviation are one organisation, not two actors.
          subj = L.filter(
            (c) => unmarked(c) && !c.conjOf && c.m.entity !== obj?.m.entity && typeOf(c.m.entity) !== 'Person',
          ).sort(byDist)[0];
          if (!subj && lang === 'de') subj = R.find((c) => unmarked(c) && c.m.entity !== obj?.m.entity && c.dist <= 4);
        } else {
          // English subjects stand at a clause start ("…, Sudan will …", "Russia launched …", "X, who …").
          const subjPos = (c: Cand) =>
            lang !== 'en' || clauseStart(c.m) || /^(who|which|that)$/u.test(toks[c.m.tokEnd]?.norm ?? '');
          const leftUnmarked = L.filter(
            (c) => unmarked(c) && !c.conjOf && subjPos(c) && (c.dist <= 14 || (lang === 'en' && c.dist <= 30)),
          );
          // A genitive inside an apposition ("Putin, Präsident Russlands, kam …") is not the subject.
          const byPoss = (a: Cand, b: Cand) =>
            Number(!!a.m.poss && lang !== 'en') - Number(!!b.m.poss && lang !== 'en') || a.dist - b.dist;
          subj = [...leftUnmarked.filter(sameSeg)].sort(byPoss)[0] ?? [...leftUnmarked].sort(byPoss)[0];
          if (!subj) {
            // "The US, Russia, and Switzerland met": the nearest actor is a conjunct; its head is the subject.
            const conj = L.find((c) => unmarked(c) && c.conjOf);
            const head = conj && cands.find((c) => c.m === conj.conjOf);
            if (head && (lang !== 'en' || clauseStart(head.m))) subj = head;
          }
          // Pronoun subject ("after it joins", "he will work with") → the first unmarked actor of the sentence.
          const pronTok = toks.slice(Math.max(0, t - 4), t).find((x) => PRONOUNS.has(x.norm));
          if (pronTok && (!subj || subj.m.tokEnd <= toks.indexOf(pronTok))) {
            const ref = antecedent(pronTok, cands);
            if (ref) subj = ref;
          }
          // Infinitive clause: "Iran wies die Vorwürfe zurück, Russland mit Raketen zu beliefern" → Iran is the subject.
          if (toks[t - 1]?.norm === (lang === 'en' ? 'to' : 'zu') && !DIRECT_FIRST.has(e.p)) {
            const main = cands
              .filter((c) => unmarked(c) && c.m.tokStart < t && !c.conjOf)
              .sort((a, b) => a.m.tokStart - b.m.tokStart)[0];
            if (main && main !== subj) {
              const inner =
                lang === 'en' ? R.find((c) => unmarked(c) && c.dist <= 3) : subj && sameSeg(subj) ? subj : undefined;
              if (inner && inner.m.entity !== main.m.entity && !objMarkers.length) {
                subj = main;
                obj = inner;
              } else if (inner && inner.m.entity !== main.m.entity && e.p === 'SUPPLIES' && lang !== 'en') {
                return [[main.m, inner.m, 0.6, 'infinitive']];
              }
            }
          }
          // Gerund after a preposition: "accused Beijing of supporting Moscow" → Beijing supports.
          if (lang === 'en' && /ing$/u.test(toks[t]!.norm) && toks[t - 1] && PREPOSITIONS.has(toks[t - 1]!.norm)) {
            const near = L.find((c) => c.dist <= 4 && unmarked(c));
            if (near) subj = near;
          }
          if (!subj && lang === 'de') subj = R.find((c) => unmarked(c) && c.dist <= 4);
          // Transitive stances and acts take the direct object first ("accused Beijing of supporting …").
          if (DIRECT_FIRST.has(e.p)) obj = R.find((c) => unmarked(c) && c !== subj && c.dist <= 3);
          if (!obj && objMarkers.length)
            obj = cands.filter((c) => objMarkers.includes(c.marker) && c !== subj && c.dist <= 14).sort(byDist)[0];
          if (!obj && e.p === 'CRITICIZES') {
            // "verurteilte die Erklärung aus Pjöngjang", "condemned the statement by Tehran": the author is the target.
            obj = R.find(
              (c) =>
                c !== subj &&
                /^(aus|from|by)$/u.test(c.markerNorm) &&
                c.dist <= 5 &&
                toks.slice(t + 1, c.m.tokStart - 1).every((x) => x.kind === 'word'),
            );
            // "kritisierte die bisherigen Sanktionen": the event noun stands for the latest such act's agent.
            if (!obj && subj) {
              for (let k = t + 1; k < Math.min(toks.length, t + 5); k++) {
                const ev = triggersFor(lang, toks[k]!.norm).find(
                  (x) => x.pos === 'noun' && (x.p === 'SANCTIONS' || x.p === 'ATTACKS' || x.p === 'THREATENS'),
                );
                if (!ev) continue;
                if (mentionAt(k + 1) || mentionAt(k + 2) || (k > 0 && mentionAt(k - 1))) break;
                const prior = [...out].reverse().find((c) => c.predicate === ev.p && c.sentence < sent.index);
                let agent = prior?.subject;
                // "called the attack a war crime" after "Defense Secretary Hegseth ordered strikes": the state acts.
                const office = agent
                  ? out.find(
                      (c) =>
                        c.subject === agent &&
                        /^(HEAD_OF_STATE|HEAD_OF_GOVERNMENT|OFFICIAL_OF)$/u.test(c.predicate) &&
                        typeOf(c.object) === 'Country',
                    )
                  : undefined;
                if (office) agent = office.object;
                if (agent && agent !== subj.m.entity) {
                  const stand: Mention = {
                    ...subj.m,
                    entity: agent,
                    kind: 'coref',
                    tokStart: k,
                    tokEnd: k + 1,
                    start: toks[k]!.start,
                    end: toks[k]!.end,
                    surface: toks[k]!.text,
                  };
                  res.push([subj.m, stand, 0.55, 'event-coref']);
                }
                break;
              }
            }
          }
          if (!obj && ADJ_TARGET.has(e.p)) {
            // "kritisierte die israelischen Angriffe", "griff russische Ölraffinerien an": the modifier's state is the target.
            const adj = adjTarget(t, 5, subj?.m.entity);
            if (adj && subj) res.push([subj.m, adj, 0.6, 'verb-adj-object']);
          }
          if (!obj && !sym) {
            obj = R.find((c) => unmarked(c) && c !== subj && c.dist <= 6);
            if (!obj && e.p === 'ATTACKS')
              obj = R.find((c) => c.marker === 'in' && c.dist <= 8 && typeOf(c.m.entity) === 'Country' && c !== subj);
            // Verb-final clause: "dass Russland die Ukraine angegriffen hat".
            if (!obj && lang === 'de') {
              const lu = leftUnmarked.filter(sameSeg);
              if (lu.length >= 2) {
                obj = lu[0];
                subj = lu[1];
              }
            }
          }
          if (!obj && sym) obj = R.find((c) => unmarked(c) && c !== subj && c.dist <= 5);
          if (!obj && sym && lang === 'de') {
            // Verb-final: "Putin hat den chinesischen Staatschef Xi Jinping in Moskau empfangen".
            const lu = leftUnmarked.filter(sameSeg);
            if (lu.length >= 2) {
              obj = lu[0];
              subj = lu[1];
            }
          }
        }
        // "U.S. Secretary of State Marco Rubio spoke …": the person heading the noun phrase acts, not the state.
        if (subj && lang === 'en' && typeOf(subj.m.entity) !== 'Person') {
          const head = cands.find(
            (c) =>
              typeOf(c.m.entity) === 'Person' &&
              c.m.tokStart > subj!.m.tokEnd &&
              c.m.tokEnd <= t &&
              c.m.tokStart - subj!.m.tokEnd <= 6 &&
              toks
                .slice(subj!.m.tokEnd, c.m.tokStart)
                .every((x) => x.cap || /^(of|s|’|'|-|for)$/u.test(x.norm) || x.text === '’' || x.text === "'"),
          );
          if (head && head !== obj) subj = head;
        }
        // A list subject ("Mali, Burkina Faso und der Niger haben …") reaches the verb through its last conjunct.
        if (subj && subj.dist > 14 && !sameSeg(subj) && !cands.some((c) => c.conjOf === subj!.m && sameSeg(c)))
          return undefined;
        if (subj && obj) {
          res.push([subj.m, obj.m, subj.marker === 'none' && obj.marker !== 'none' ? 0.8 : 0.7, 'verb']);
          if (subj.m && sym === false) {
            // Coordinated subjects share the relation: "Moskau und Teheran unterstützen …".
            for (const c of cands) if (c.conjOf === subj.m) res.push([c.m, obj.m, 0.65, 'verb-conj']);
          } else if (sym) for (const c of cands) if (c.conjOf === subj.m) res.push([c.m, obj.m, 0.65, 'verb-conj']);
          // "Der SOZ gehören neben China … auch Pakistan, der Iran, Belarus … an": every state in the midfield.
          if (e.p === 'MEMBER_OF' && lang === 'de' && subj.side === 'R')
            for (const c of R)
              if (
                c !== subj &&
                c.m !== obj.m &&
                typeOf(c.m.entity) === 'Country' &&
                sameSeg(c) &&
                c.dist <= 20 &&
                !res.some((x) => x[0] === c.m)
              )
                res.push([c.m, obj.m, 0.6, 'member-midfield']);
        } else if (subj && sym) {
          const group = [subj.m, ...cands.filter((c) => c.conjOf === subj!.m).map((c) => c.m)];
          for (let a = 0; a < group.length; a++)
            for (let b = a + 1; b < group.length; b++) res.push([group[a], group[b], 0.7, 'sym-conj']);
        }
        return res;
      }

      // Nouns (nominalisations) and adjectives.
      const agentNoun = (): Mention[] => {
        // Adjective or name glued before the noun: "russischen Angriffskriegs", "US-Sanktionen", "American sanctions".
        const pre = ms.filter(
          (m) =>
            m.tokEnd <= t &&
            t - m.tokEnd <= 1 &&
            typeOf(m.entity) &&
            ACTOR_TYPES.has(typeOf(m.entity)!) &&
            (m.kind === 'adjective' ||
              m.kind === 'demonym' ||
              (toks[t]!.hyphen && m.tokEnd === t) ||
              m.poss ||
              (lang === 'en' && m.tokEnd === t)),
        );
        const agentPre = pre[pre.length - 1];
        // German "Russland-Sanktionen" names the target, "EU-Sanktionen" the imposer.
        if (
          agentPre &&
          e.p === 'SANCTIONS' &&
          toks[t]!.hyphen &&
          agentPre.tokEnd === t &&
          typeOf(agentPre.entity) === 'Country' &&
          lang !== 'en'
        )
          return [];
        if (agentPre) return [agentPre];
        // "Moscow's full-scale invasion": lowercase modifiers may stand between the possessive and the noun.
        const poss = L.find(
          (c) =>
            c.m.poss &&
            (c.dist <= 3 ||
              (c.dist <= 6 &&
                toks
                  .slice(c.m.tokEnd, t)
                  .every((x) => !x.cap && (x.kind === 'word' || x.text === '-' || x.text === '’' || x.text === "'")))),
        );
        if (poss) return [poss.m];
        const by = R.find((c) => (c.marker === 'by' || (c.markerNorm === 'von' && e.p === 'ATTACKS')) && c.dist <= 5);
        if (by) return [by.m];
        if (e.p !== 'ATTACKS' && e.p !== 'SUPPORTS') {
          const gen = R.find(
            (c) =>
              unmarked(c) &&
              c.dist <= 3 &&
              (toks[t + 1]?.norm === 'des' || toks[t + 1]?.norm === 'der' || c.dist === 1) &&
              lang === 'de',
          );
          if (gen) return [gen.m];
        }
        // The noun as object of a light verb: "Moskau und Teheran haben … ein Militärbündnis".
        let j = t - 1;
        let steps = 0;
        while (j >= 0 && steps < 5 && toks[j]!.kind === 'word' && !toks[j]!.cap && !PREPOSITIONS.has(toks[j]!.norm)) {
          j--;
          steps++;
        }
        const blocker = toks[j];
        const infinitive =
          blocker?.norm === 'to' &&
          toks[j + 1] &&
          !ARTICLES.has(toks[j + 1]!.norm) &&
          !toks[j + 1]!.cap &&
          toks[j + 1]!.kind === 'word';
        const inPP =
          blocker &&
          blocker.kind === 'word' &&
          PREPOSITIONS.has(blocker.norm) &&
          !/^(zur|zum|and|und)$/u.test(blocker.norm) &&
          !infinitive;
        const pronTok = toks.slice(Math.max(0, t - 6), t).find((x) => PRONOUNS.has(x.norm));
        if (pronTok && !L.some((c) => unmarked(c) && c.m.tokStart > toks.indexOf(pronTok))) {
          const ref = antecedent(pronTok, cands);
          if (ref) return [ref.m];
        }
        if (!inPP) {
          const lu = L.filter((c) => unmarked(c) && sameSeg(c) && c.dist <= 14);
          const head = lu.find((c) => !c.conjOf);
          if (head) return [head.m, ...cands.filter((c) => c.conjOf === head.m).map((c) => c.m)];
        }
        return [];
      };
      // "Bei einem Treffen mit X … forderte Y": a symmetric noun with a with-partner takes the clause subject anywhere.
      const partner = sym
        ? cands.filter((c) => c.marker === 'with' && c.side === 'R' && c.dist <= 6).sort(byDist)[0]
        : undefined;
      if (partner) {
        const other = [...L, ...R]
          .filter((c) => unmarked(c) && c !== partner && sameSeg(c) && c.m.entity !== partner.m.entity)
          .sort(byDist)[0];
        if (other) return [[other.m, partner.m, 0.65, 'noun-with']];
      }
      if (e.p === 'MEMBER_OF') {
        const o = memberObject(t, undefined);
        // A membership noun names its organisation nearby ("NATO members", "members of the EU"), not clauses away.
        if (!o || o.dist > 10) return undefined;
        const pool = [...L, ...R].filter(
          (c) =>
            c.m.entity !== o.m.entity && c.dist <= 6 && typeOf(c.m.entity) !== 'Person' && (unmarked(c) || c.m.poss),
        );
        // States are members far more often than organisations; take an organisation only when no state is near.
        const member = pool.filter((c) => typeOf(c.m.entity) === 'Country').sort(byDist)[0] ?? pool.sort(byDist)[0];
        return member ? [[member.m, o.m, 0.65, 'noun-member']] : undefined;
      }
      const agents = e.p === 'CRITICIZES' && e.pos === 'adj' ? speakerOf(t) : agentNoun();
      if (!agents.length) return undefined;
      let target: Cand | undefined = cands
        .filter((c) => objMarkers.includes(c.marker) && c.side === 'R' && c.dist <= 8 && !agents.includes(c.m))
        .sort(byDist)[0];
      if (!target && (e.p === 'ATTACKS' || e.p === 'SUPPORTS' || (e.p === 'CRITICIZES' && lang === 'en')))
        target = R.find(
          (c) =>
            (unmarked(c) || c.marker === 'of') &&
            !agents.includes(c.m) &&
            (c.dist <= 4 ||
              (c.dist <= 8 &&
                toks
                  .slice(t + 1, c.m.tokStart)
                  .every(
                    (x) =>
                      x.kind === 'word' &&
                      !PREPOSITIONS.has(x.norm) &&
                      (x.cap || ARTICLES.has(x.norm) || !!mentionAt(toks.indexOf(x))),
                  ))),
        );
      if (!target && e.p === 'ATTACKS')
        target = R.find(
          (c) => c.marker === 'in' && c.dist <= 6 && typeOf(c.m.entity) === 'Country' && !agents.includes(c.m),
        );
      if (!target && e.pos === 'adj') target = R.find((c) => c.dist <= 10 && !agents.includes(c.m));
      if (!target && ADJ_TARGET.has(e.p)) {
        // "Sanktionen gegen iranische Unternehmen", "strikes on Russian refineries".
        const adj = adjTarget(t, 4, agents[0]?.entity);
        if (adj && objMarkers.includes(candInfoAdj(adj)))
          return agents.map((a) => [a, adj, 0.55, 'noun-adj-object'] as [Mention, Mention, number, string]);
      }
      if (!target && sym && !e.needsPartner) {
        if (agents.length >= 2) return [[agents[0], agents[1], 0.65, 'noun-conj']];
        return undefined;
      }
      if (!target) return undefined;
      return agents.map((a) => [a, target!.m, 0.6, 'noun'] as [Mention, Mention, number, string]);
    }

    function clauseStart(m: Mention): boolean {
      let j = m.tokStart - 1;
      while (
        j >= 0 &&
        (ARTICLES.has(toks[j]!.norm) ||
          roleTok.has(j) ||
          mentionAt(j)?.kind === 'adjective' ||
          (toks[j]!.kind === 'word' && /^(also|then|now|later|meanwhile|already)$/u.test(toks[j]!.norm)))
      )
        j--;
      if (j < 0) return true;
      const p = toks[j]!;
      return (
        p.kind === 'punct' ||
        /^(and|but|while|when|as|if|because|since|after|before|although|that|which|who|where|then|so|or|said|says|say|told|added|believe|believes|think|thinks|claimed|claims|warned|announced)$/u.test(
          p.norm,
        )
      );
    }

    /** The actor a pronoun stands for: he/she/er → a person, it/es → a state or organisation, nearest before it. */
    function antecedent(pron: Token, near: Cand[]): Cand | undefined {
      const at = toks.indexOf(pron);
      const wantPerson = /^(he|she|er)$/u.test(pron.norm);
      const wantThing = /^(it|es)$/u.test(pron.norm);
      // Every actor of the sentence before the pronoun, not only those near the trigger.
      const cs: Cand[] = [...near];
      for (const m of actorMs) {
        if (cs.some((c) => c.m === m) || sources.has(m)) continue;
        const info = candInfo.get(m)!;
        cs.push({
          m,
          marker: info.marker,
          markerNorm: info.norm,
          side: 'L',
          dist: 99,
          conjOf: info.conjOf,
          segment: segs[m.tokStart]!,
        });
      }
      return cs
        .filter((c) => c.m.tokEnd <= at && unmarked(c) && !c.conjOf)
        .filter((c) =>
          wantPerson ? typeOf(c.m.entity) === 'Person' : wantThing ? typeOf(c.m.entity) !== 'Person' : true,
        )
        .sort((a, b) => Number(clauseStart(b.m)) - Number(clauseStart(a.m)) || b.m.tokEnd - a.m.tokEnd)[0];
    }

    function adjTarget(t: number, within: number, not?: string): Mention | undefined {
      return ms.find(
        (m) =>
          m.tokStart > t &&
          m.tokStart - t <= within &&
          (m.kind === 'adjective' || m.kind === 'demonym') &&
          typeOf(m.entity) === 'Country' &&
          m.entity !== not,
      );
    }

    /** The preposition class in front of an adjective mention ("gegen iranische Unternehmen" → against). */
    function candInfoAdj(m: Mention): string {
      let j = m.tokStart - 1;
      while (j >= 0 && ARTICLES.has(toks[j]!.norm)) j--;
      const p = toks[j];
      return p && PREPOSITIONS.has(p.norm) ? PREPOSITIONS.get(p.norm)! : 'none';
    }

    function memberObject(t: number, subj: Cand | undefined): Cand | undefined {
      const orgs: Cand[] = [];
      for (const m of actorMs) {
        if (typeOf(m.entity) !== 'Organization' || m === subj?.m) continue;
        const dist = m.tokEnd <= t ? t - m.tokEnd + 1 : m.tokStart - t;
        if (dist > 16) continue;
        orgs.push({ m, marker: '', markerNorm: '', side: m.tokEnd <= t ? 'L' : 'R', dist, segment: 0 });
      }
      return orgs.sort((a, b) => a.dist - b.dist)[0];
    }

    function speakerOf(t: number): Mention[] {
      const sp = actorMs
        .filter((m) => m.tokEnd <= t && typeOf(m.entity) === 'Person')
        .sort((a, b) => b.tokEnd - a.tokEnd)[0];
      return sp ? [sp] : [];
    }
  }
  carryAttribution(doc, out);
  return { ...doc, candidates: out };
}

const CARRY_START = /^(das|dies|this|that|these|those|so)$/u;
const CARRY_VERB =
  /^(ist|sind|war|waren|ergab|ergaben|ergibt|zeigt|zeigte|zeigen|is|was|are|were|according|berichtete|berichtet|reported)$/u;
const CARRY_NOUN =
  /^(recherche|recherchen|bericht|berichte|analyse|angaben|auswertung|studie|report|reports|investigation|analysis|findings|study)$/u;

/**
 * "… auch aus Deutschland. Das ist das Ergebnis einer Recherche von Correctiv." — a short follow-up sentence that
 * names the source makes the previous sentence's assertions reported, attributed to that source.
 */
function carryAttribution(doc: RecognisedDoc, out: RelationCandidate[]): void {
  for (const sent of doc.sentences) {
    if (sent.index === 0) continue;
    const toks = sent.tokens;
    if (toks.length > 14 || !CARRY_START.test(toks[0]?.norm ?? '') || !CARRY_VERB.test(toks[1]?.norm ?? '')) continue;
    if (!toks.some((t) => CARRY_NOUN.test(t.norm))) continue;
    const src = (doc.bySentence[sent.index] ?? []).find((m) => {
      const ty = doc.entities.get(m.entity)?.type;
      return ty === 'Organization' || ty === 'Person';
    });
    if (!src) continue;
    for (const c of out)
      if (
        c.sentence === sent.index - 1 &&
        c.modality === 'asserted' &&
        c.rule !== 'role' &&
        c.subject !== src.entity &&
        c.object !== src.entity
      ) {
        c.modality = 'reported';
        c.attributedTo = src.entity;
      }
  }
}

function checkTrigger(e: TriggerEntry, toks: Token[], t: number, lower: string, hasItem: boolean): boolean {
  const norm = toks[t]!.norm;
  if (e.needsItem && !hasItem) return false;
  if (e.needsItemIf && e.needsItemIf.test(norm) && !hasItem) return false;
  if (e.needs && !e.needs.test(lower)) return false;
  if (e.needsIf) for (const [pre, re] of e.needsIf) if (norm.startsWith(pre) && !re.test(lower)) return false;
  if (e.particleIf) {
    for (const [pre, particle] of e.particleIf) {
      if (!norm.startsWith(pre)) continue;
      const later = toks.slice(t + 1, e.lang === 'en' ? t + 4 : toks.length);
      if (!later.some((x) => x.norm === particle)) return false;
    }
  }
  if (e.needsMod) {
    const before = toks.slice(Math.max(0, t - 3), t);
    if (!before.some((x) => e.needsMod!.test(x.norm)) && !/(allzeithoch|all-time high)/u.test(lower)) return false;
  }
  return true;
}

function negated(toks: Token[], t: number): boolean {
  for (let k = Math.max(0, t - 3); k < t; k++) {
    const x = toks[k]!;
    if (NEGATIONS.has(x.norm)) return true;
    if (x.norm === 't' && (toks[k - 1]?.text === '’' || toks[k - 1]?.text === "'")) return true;
  }
  // German verb-final negation: "… nicht geliefert", handled above; "hat X nicht an Y geliefert" → scan the segment.
  return false;
}

interface CueHits {
  denied: number[];
  planned: number[];
  expected: number[];
  alleged: number[];
  sources: Array<[number, number]>;
  reporting: number[];
  speech: number[];
  sollHaben: boolean;
}

const SPEECH_RE =
  /^(said|says|told|stated|added|noted|argued|sagte|sagt|sagten|erklärte|erklärten|betonte|bemerkte|teilte|schrieb|wrote)$/u;
const cueCache = new WeakMap<Sentence, CueHits>();

/** Every modality and attribution cue of a sentence, found once and reused for each relation in it. */
function cuesOf(sent: Sentence): CueHits {
  let h = cueCache.get(sent);
  if (h) return h;
  const toks = sent.tokens;
  h = { denied: [], planned: [], expected: [], alleged: [], sources: [], reporting: [], speech: [], sollHaben: false };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word') continue;
    if (cueAt(toks, k, CUES.denied)) h.denied.push(k);
    else if (/^(wies|wiesen|weist|weisen)$/u.test(t.norm) && toks.slice(k + 1).some((x) => x.norm === 'zurück'))
      h.denied.push(k);
    if (cueAt(toks, k, CUES.planned)) h.planned.push(k);
    if (cueAt(toks, k, CUES.expected)) h.expected.push(k);
    if (cueAt(toks, k, CUES.alleged)) h.alleged.push(k);
    const src = cueAt(toks, k, CUES.sourceBefore);
    if (src) h.sources.push([k, src]);
    if (/^(bericht|meldet|gemeldet|reported|reports)/u.test(t.norm)) h.reporting.push(k);
    if (SPEECH_RE.test(t.norm)) h.speech.push(k);
    if (
      (t.norm === 'soll' || t.norm === 'sollen') &&
      toks.slice(k + 1).some((x) => /^(haben|sein|worden)$/u.test(x.norm))
    )
      h.sollHaben = true;
  }
  cueCache.set(sent, h);
  return h;
}

function modalityFor(
  sent: Sentence,
  t: number,
  segs: number[],
  mentionAt: (k: number) => Mention | undefined,
  args: string[],
): { modality: Modality; attributedTo?: string } {
  const toks = sent.tokens;
  const h = cuesOf(sent);
  const seg = segs[t]!;
  const inSeg = (k: number) => segs[k] === seg || Math.abs(k - t) <= 3;
  const lastSeg = segs[toks.length - 1];
  const edge = (k: number) => k < 4 || segs[k] === lastSeg || inSeg(k);
  const denied = h.denied.length > 0;
  const planned = h.planned.some(inSeg);
  // German "wird/werden" is future only with an infinitive, not the passive "wird … geliefert".
  // "werden … geliefert/durchgeführt" is a passive; future needs an infinitive at the end of the clause.
  const passiveAfter = (k: number): boolean => {
    let j = k + 1;
    while (j < toks.length && segs[j] === segs[k]) j++;
    for (let q = j - 1; q > k; q--) {
      const w = toks[q]!;
      if (w.kind !== 'word' || w.cap) continue;
      return /^ge\p{L}+(t|en)$|\p{L}iert$|\p{L}t$/u.test(w.norm) || /^(worden|geworden)$/u.test(w.norm);
    }
    return false;
  };
  const expected = h.expected.some(
    (k) => inSeg(k) && !(/^(wird|werden|wurde|wurden)$/u.test(toks[k]!.norm) && passiveAfter(k)),
  );
  const alleged =
    h.sollHaben ||
    h.alleged.some((k) => inSeg(k) || k < 4 || /^(angeblich|reportedly|allegedly|mutmaßlich)/u.test(toks[k]!.norm));
  let reported = false;
  let attributedTo: string | undefined;
  const speaker = (m: Mention | undefined) => (m && m.entity && !args.includes(m.entity) ? m : undefined);
  for (const [k, len] of h.sources) {
    if (!edge(k)) continue;
    // "X hat … geliefert und nach Angaben von Y eine Fabrik gebaut": the source covers only the second conjunct.
    if (k > t && /^(und|and|sowie)$/u.test(toks[k - 1]?.norm ?? '')) continue;
    if (toks[k]!.norm === 'wie' && !toks.slice(k, k + 5).some((x) => /^(bericht|meldet|report)/u.test(x.norm)))
      continue;
    reported = true;
    for (let j = k + len; j < Math.min(toks.length, k + len + 5); j++) {
      const m = speaker(mentionAt(j));
      if (m) {
        attributedTo ??= m.entity;
        break;
      }
    }
  }
  for (const k of h.reporting) {
    // "berichtet das Wall Street Journal", "CNN reported".
    const around = [mentionAt(k + 1), mentionAt(k + 2), mentionAt(k + 3), mentionAt(k - 1)].find((m) => speaker(m));
    if (around && edge(k)) {
      reported = true;
      attributedTo ??= around.entity;
    }
  }
  for (const k of h.speech) {
    // "…, US officials said." / "said Martin Indyk" / "Analysts said that …": a third party's claim.
    if (!(segs[k] === lastSeg || k < 6)) continue;
    const around = [mentionAt(k - 1), mentionAt(k + 1), mentionAt(k + 2), mentionAt(k - 2)].find((m) => m && m.entity);
    if (around && speaker(around) && Math.abs(k - t) > 2) {
      reported = true;
      attributedTo ??= around.entity;
    }
  }
  const modality: Modality = denied
    ? 'denied'
    : planned
      ? 'planned'
      : expected
        ? 'expected'
        : alleged
          ? 'alleged'
          : reported
            ? 'reported'
            : 'asserted';
  return { modality, attributedTo };
}

/** LOCATED_IN and CITIZEN_OF from appositions and modifiers. */
function structural(
  doc: RecognisedDoc,
  sent: Sentence,
  ms: Mention[],
  out: RelationCandidate[],
  mentionAt: (k: number) => Mention | undefined,
) {
  const toks = sent.tokens;
  const typeOf = (id: string): EntityType | undefined => doc.entities.get(id)?.type;
  const push = (s: string, p: Predicate, o: string, conf: number, rule: string) => {
    if (s !== o)
      out.push({
        subject: s,
        predicate: p,
        object: o,
        modality: 'asserted',
        confidence: conf,
        sentence: sent.index,
        rule,
      });
  };
  for (const m of ms) {
    const mt = typeOf(m.entity);
    // "die BRICS-Staaten Brasilien, Russland, Indien, China und Südafrika", "NATO members Turkey and Hungary".
    if (mt === 'Organization' && m.kind !== 'adjective') {
      // The gazetteer may already include the noun in the name ("BRICS-Staaten").
      const inside = m.tokEnd - m.tokStart > 1 && MEMBER_NOUNS.test(toks[m.tokEnd - 1]!.norm);
      const noun = inside ? toks[m.tokEnd - 1] : toks[m.tokEnd];
      if (noun && (noun.hyphen || lang(doc) === 'en') && MEMBER_NOUNS.test(noun.norm)) {
        let j = inside ? m.tokEnd : m.tokEnd + 1;
        while (j < toks.length) {
          const c = mentionAt(j);
          if (c && c.tokStart === j && typeOf(c.entity) === 'Country' && c.kind !== 'adjective') {
            push(c.entity, 'MEMBER_OF', m.entity, 0.7, 'member-list');
            j = c.tokEnd;
            continue;
          }
          if (
            j === (inside ? m.tokEnd : m.tokEnd + 1) &&
            /^(wie|like|such|as|including|darunter|namely|gehören|gehörten|zählen|zählten|include|included|includes|are|were|sind|waren)$/u.test(
              toks[j]!.norm,
            )
          ) {
            j++;
            continue;
          }
          if (j > (inside ? m.tokEnd : m.tokEnd + 1) && /^(,|und|and|sowie|as|or|oder)$/u.test(toks[j]!.norm)) {
            j++;
            continue;
          }
          break;
        }
      }
    }
    // "the Moscow-based think tank X": a place hyphen-glued to "based" before an organisation.
    if (
      mt === 'Country' &&
      m.kind !== 'adjective' &&
      toks[m.tokEnd]?.hyphen &&
      /^(based|basierte[nr]?|ansässige[nr]?)$/u.test(toks[m.tokEnd]!.norm)
    ) {
      for (let j = m.tokEnd + 1; j < Math.min(toks.length, m.tokEnd + 5); j++) {
        const o = mentionAt(j);
        if (o && typeOf(o.entity) === 'Organization') {
          push(o.entity, 'LOCATED_IN', m.entity, 0.7, 'x-based');
          break;
        }
      }
    }
    // "des deutschen Herstellers Blaser", "beim britischen Think Tank Chatham House", "dem russischen Staatsmedium TASS".
    if ((m.kind === 'adjective' || m.kind === 'demonym') && typeOf(m.entity) === 'Country') {
      const len =
        cueAt(toks, m.tokEnd, ORG_TYPE_NOUNS) ||
        (toks[m.tokEnd]?.cap &&
        /(hersteller|unternehmen|konzern|firm|zeitung|sender|agentur|medium|zentrum)/u.test(toks[m.tokEnd]!.norm)
          ? 1
          : 0);
      if (len) {
        let j = m.tokEnd + len;
        if (toks[j]?.text === ':') {
          // "mehrere deutsche Firmen: die Waffenproduzenten A … sowie die Munitionshersteller B, C und D"
          for (const o of ms)
            if (o.tokStart > j && typeOf(o.entity) === 'Organization' && o.kind === 'name')
              push(o.entity, 'LOCATED_IN', m.entity, 0.7, 'org-list');
          continue;
        }
        if (toks[j] && (toks[j]!.text === '„' || toks[j]!.text === '"')) j++;
        const o = mentionAt(j);
        if (o && o.tokStart === j && typeOf(o.entity) === 'Organization')
          push(o.entity, 'LOCATED_IN', m.entity, 0.75, 'adj-org');
        continue;
      }
      // "der russische Waffenhändler Viktor Bout", "the American basketball star Brittney Griner".
      let j = m.tokEnd;
      let skipped = 0;
      while (
        j < toks.length &&
        skipped < 3 &&
        toks[j]!.kind === 'word' &&
        !mentionAt(j) &&
        !PREPOSITIONS.has(toks[j]!.norm) &&
        !ARTICLES.has(toks[j]!.norm)
      ) {
        j++;
        skipped++;
      }
      const p = mentionAt(j);
      if (
        skipped >= 1 &&
        p &&
        p.tokStart === j &&
        p.kind === 'name' &&
        typeOf(p.entity) === 'Person' &&
        !doc.roles.some((r) => r.person === p.entity && r.sentence === sent.index)
      )
        push(p.entity, 'CITIZEN_OF', m.entity, 0.7, 'adj-person');
      // "Viktor Bout, der russische Waffenhändler,"
      const art = toks[m.tokStart - 1];
      const comma = toks[m.tokStart - 2];
      const before = mentionAt(m.tokStart - 3);
      if (
        art &&
        ARTICLES.has(art.norm) &&
        comma?.text === ',' &&
        before &&
        typeOf(before.entity) === 'Person' &&
        before.tokEnd === m.tokStart - 2 &&
        toks[m.tokEnd]?.cap &&
        !toks[m.tokEnd + 1]?.cap
      )
        push(before.entity, 'CITIZEN_OF', m.entity, 0.7, 'appos-citizen');
    }
    // "Aschgabat, der Hauptstadt des … Landes Turkmenistan", "Khartoum, the capital of Sudan"
    if (mt === 'Location' && toks[m.tokEnd]?.text === ',') {
      const win = toks.slice(m.tokEnd + 1, m.tokEnd + 4).map((x) => x.norm);
      if (win.includes('hauptstadt') || win.includes('capital')) {
        for (let j = m.tokEnd + 2; j < Math.min(toks.length, m.tokEnd + 10); j++) {
          const c = mentionAt(j);
          if (c && typeOf(c.entity) === 'Country' && c.kind !== 'adjective') {
            push(m.entity, 'LOCATED_IN', c.entity, 0.75, 'capital');
            break;
          }
        }
      }
    }
    // "Daily NK in Südkorea", "a think tank based in London"
    if (mt === 'Organization' && m.kind === 'name') {
      let j = m.tokEnd;
      if (/^(based|headquartered|ansässig|mit)$/u.test(toks[j]?.norm ?? '')) j++;
      if (toks[j]?.norm === 'sitz') j++;
      if (/^(in|aus)$/u.test(toks[j]?.norm ?? '')) {
        const c = mentionAt(j + 1);
        if (c && c.tokStart === j + 1 && typeOf(c.entity) === 'Country' && c.kind !== 'adjective')
          push(m.entity, 'LOCATED_IN', c.entity, 0.6, 'org-in');
      }
    }
  }
}
