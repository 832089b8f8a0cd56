// The entity side panel: the entity, its relations grouped by type, and for each relation the evidence
// sentences with their documents, modality and attribution (from /api/evidence).

import { PREDICATES, type Predicate } from '../../../src/model.js';
import type { EvidenceRecord, StoredRelation } from '../../../src/store/types.js';
import { api, type EntityDetails } from '../api.js';
import { isUncertain } from '../core/filters.js';
import { certaintyOf } from '../core/to-sigma-graph.js';
import { entityColor, predicateColor } from '../core/palette.js';
import { byId, h } from './dom.js';

export interface PanelCallbacks {
  onClose(): void;
  onFocus(entityId: string): void;
  /** Names of entities the viewer has loaded (items of SUPPLIES are not neighbours, so the panel asks). */
  nameOf(entityId: string): string | undefined;
  /** The panel follows the active filters: only relations the graph shows are listed. */
  visible?(rel: StoredRelation): boolean;
}

function evidenceItem(ev: EvidenceRecord, names: Map<string, string>): HTMLElement {
  const meta = ev.documentMeta;
  const full = meta?.title || meta?.source || ev.document;
  const doc = full.length > 90 ? `${full.slice(0, 90)}…` : full;
  const extras = [
    ev.modality,
    ev.attributedTo ? `according to ${names.get(ev.attributedTo) ?? ev.attributedTo}` : '',
    ev.time ?? '',
    meta?.published ?? '',
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'div',
    { class: 'evidence', 'data-testid': 'evidence' },
    h('div', { class: 'sentence' }, `“${ev.sentence}”`),
    h(
      'div',
      { class: 'doc', 'data-testid': 'evidence-document', title: `${full} (${meta?.source ?? ev.document})` },
      `${doc}${extras ? ` — ${extras}` : ''}`,
    ),
  );
}

/** The story first: material support and conflict, then alliances and contacts, then structure (offices, memberships). */
const PANEL_ORDER: readonly Predicate[] = [
  'SUPPLIES',
  'ATTACKS',
  'THREATENS',
  'SANCTIONS',
  'SUPPORTS',
  'ALLIED_WITH',
  'COOPERATES_WITH',
  'SIGNS_AGREEMENT',
  'MEETS',
  'INVITES',
  'CRITICIZES',
];

function rank(p: Predicate): number {
  const i = PANEL_ORDER.indexOf(p);
  return i >= 0 ? i : 100 + PREDICATES.indexOf(p);
}

export class EntityPanel {
  private readonly root = byId('panel');
  private seq = 0;
  /** The entity shown, kept so a filter change re-renders at once instead of refetching (and racing the fetch). */
  private details: EntityDetails | null = null;
  /** Evidence by relation key: re-rendering after a filter change must not ask the server again. */
  private readonly evidence = new Map<string, EvidenceRecord[]>();
  private readonly collapsed = new Set<Predicate>();

  constructor(private readonly callbacks: PanelCallbacks) {}

  hide(): void {
    this.seq++;
    this.details = null;
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  /** The filters changed: list only what the graph now shows, synchronously (the panel follows the filters). */
  refresh(): void {
    if (!this.details || this.root.hidden) return;
    this.render(this.details, ++this.seq);
  }

  async show(entityId: string): Promise<void> {
    const mine = ++this.seq;
    this.root.hidden = false;
    this.root.replaceChildren(h('div', { class: 'muted' }, 'Loading…'));
    let details: EntityDetails;
    try {
      details = await api.entity(entityId);
    } catch (err) {
      if (mine === this.seq) this.root.replaceChildren(h('div', { class: 'cypher-error' }, (err as Error).message));
      return;
    }
    if (mine !== this.seq) return;
    if (this.details?.entity.id !== details.entity.id) this.evidence.clear();
    this.details = details;
    this.render(details, mine);
  }

  private render(details: EntityDetails, mine: number): void {
    const { entity } = details;
    const relations = details.relations.filter((r) => this.callbacks.visible?.(r) ?? true);
    const hiddenCount = details.relations.length - relations.length;
    const names = new Map<string, string>([
      [entity.id, entity.name],
      ...details.neighbours.map((n) => [n.id, n.name] as const),
    ]);
    const close = h('button', { class: 'close', 'data-testid': 'panel-close', title: 'Close' }, '×');
    close.addEventListener('click', () => this.callbacks.onClose());
    const groups = new Map<Predicate, StoredRelation[]>();
    for (const rel of relations) groups.set(rel.predicate, [...(groups.get(rel.predicate) ?? []), rel]);
    const sections: HTMLElement[] = [];
    const pending: Array<() => Promise<void>> = [];
    for (const [predicate, rels] of [...groups].sort((a, b) => rank(a[0]) - rank(b[0]))) {
      const section = h(
        'section',
        { 'data-testid': 'relation-group', 'data-predicate': predicate },
        h(
          'h3',
          { style: `border-left-color:${predicateColor(predicate)}`, class: 'group-head', title: 'Collapse or expand' },
          `${predicate} (${rels.length})`,
        ),
      );
      // Groups collapse: an entity with dozens of relations stays scannable; the choice survives a filter change.
      if (this.collapsed.has(predicate)) section.classList.add('collapsed');
      section.firstElementChild!.addEventListener('click', () => {
        const now = section.classList.toggle('collapsed');
        if (now) this.collapsed.add(predicate);
        else this.collapsed.delete(predicate);
      });
      for (const rel of rels.sort((a, b) => b.evidenceCount - a.evidenceCount)) {
        const outgoing = rel.subject === entity.id;
        const otherId = outgoing ? rel.object : rel.subject;
        const other = names.get(otherId) ?? otherId;
        const title = h(
          'div',
          { class: 'title', title: 'Show in graph' },
          `${predicate} ${outgoing ? '→' : '←'} ${other}`,
          h(
            'span',
            { class: `badge${isUncertain(rel) ? ` uncertain ${certaintyOf(rel.modalities)}` : ''}` },
            rel.modalities.join('/') || 'asserted',
          ),
          h('span', { class: 'badge' }, `${rel.evidenceCount} evidence`),
          (rel as { documentCount?: number }).documentCount !== undefined
            ? h(
                'span',
                { class: 'badge', 'data-testid': 'relation-documents' },
                `${(rel as { documentCount?: number }).documentCount} docs`,
              )
            : null,
          h('span', { class: 'badge' }, `conf ${rel.confidence.toFixed(2)}`),
        );
        title.addEventListener('click', () => this.callbacks.onFocus(otherId));
        const items = (rel.items ?? []).map((id) => names.get(id) ?? this.callbacks.nameOf(id) ?? id);
        const evidenceBox = h('div', { 'data-testid': 'evidence-list' }, h('div', { class: 'muted' }, 'evidence…'));
        section.append(
          h(
            'div',
            {
              class: 'relation',
              'data-testid': 'relation',
              'data-predicate': predicate,
              'data-direction': outgoing ? 'out' : 'in',
              'data-other': otherId,
            },
            title,
            items.length
              ? h('div', { class: 'items', 'data-testid': 'relation-items' }, `items: ${items.join(', ')}`)
              : null,
            evidenceBox,
          ),
        );
        pending.push(async () => {
          try {
            const evidence = this.evidence.get(rel.key) ?? (await api.evidence(rel.subject, rel.predicate, rel.object));
            this.evidence.set(rel.key, evidence);
            if (mine !== this.seq) return;
            evidenceBox.replaceChildren(...evidence.map((ev) => evidenceItem(ev, names)));
            if (!evidence.length) evidenceBox.replaceChildren(h('div', { class: 'muted' }, 'no evidence stored'));
          } catch (err) {
            evidenceBox.replaceChildren(h('div', { class: 'cypher-error' }, (err as Error).message));
          }
        });
      }
      sections.push(section);
    }
    this.root.replaceChildren(
      close,
      h('h2', { 'data-testid': 'panel-title' }, entity.name),
      h(
        'div',
        { class: 'type' },
        h('span', { class: 'swatch', style: `background:${entityColor(entity.type)}` }),
        ` ${entity.type}`,
        entity.iso3 ? ` · ${entity.iso3}` : '',
        entity.wikidata ? ` · ${entity.wikidata}` : '',
      ),
      h('div', { class: 'aliases' }, entity.aliases.length ? `Also: ${entity.aliases.join(', ')}` : ''),
      h(
        'div',
        { class: 'muted', 'data-testid': 'panel-hidden' },
        hiddenCount ? `${hiddenCount} relations hidden by the filters` : '',
      ),
      ...(sections.length ? sections : [h('div', { class: 'muted' }, 'No relations stored.')]),
    );
    // A few requests at a time: an entity with hundreds of relations must not flood the server.
    void (async () => {
      const queue = [...pending];
      const worker = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job();
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    })();
  }
}
