// The right-hand panel's document and relation views: the reader (cleaned article text with every evidence
// sentence highlighted, each clickable to its relation) and the relation card (modality, confidence, items, evidence).

import type { DocumentClaim, DocumentDetail, EvidenceRecord, StoredRelation } from '../../../src/store/types.js';
import { api } from '../api.js';
import { certaintyOf } from '../core/to-sigma-graph.js';
import { readerSegments } from '../core/documents.js';
import { predicateColor } from '../core/palette.js';
import { byId, h } from './dom.js';

export interface ReaderCallbacks {
  onClose(): void;
  /** A highlighted sentence was clicked: show that relation (and select it in the graph). */
  onRelation(key: string): void;
  onDocument(documentId: string): void;
  nameOf(id: string): string;
}

function certaintyBadge(modalities: readonly string[]): HTMLElement {
  const c = certaintyOf(modalities as StoredRelation['modalities']);
  return h('span', { class: `badge ${c}`, 'data-testid': 'certainty' }, modalities.join('/') || 'asserted');
}

export class DetailPanel {
  private readonly root = byId('panel');
  private seq = 0;

  constructor(private readonly cb: ReaderCallbacks) {}

  private frame(...children: Array<HTMLElement | null>): void {
    const close = h('button', { class: 'close', 'data-testid': 'panel-close', title: 'Close' }, '×');
    close.addEventListener('click', () => this.cb.onClose());
    this.root.hidden = false;
    this.root.replaceChildren(close, ...children.filter((c): c is HTMLElement => c !== null));
  }

  invalidate(): void {
    this.seq++;
  }

  async showDocument(documentId: string, focusKey?: string): Promise<DocumentDetail | null> {
    const mine = ++this.seq;
    this.frame(h('div', { class: 'muted' }, 'Loading document…'));
    let detail: DocumentDetail;
    try {
      detail = await api.document(documentId);
    } catch (err) {
      if (mine === this.seq) this.frame(h('div', { class: 'cypher-error' }, (err as Error).message));
      return null;
    }
    if (mine !== this.seq) return detail;
    const d = detail.document;
    const body = h('div', { class: 'reader-text', 'data-testid': 'reader-text' });
    if (detail.text === undefined) {
      body.append(
        h(
          'div',
          { class: 'muted' },
          'The text of this document is not stored (ingested before the reader existed); its evidence sentences:',
        ),
      );
      for (const c of detail.claims) body.append(this.mark(c.sentence, [c], focusKey), h('br'));
    } else {
      for (const seg of readerSegments(detail.text, detail.claims))
        body.append(seg.claims.length ? this.mark(seg.text, seg.claims, focusKey) : document.createTextNode(seg.text));
    }
    this.frame(
      h('div', { class: 'type' }, 'Document'),
      h('h2', { 'data-testid': 'reader-title' }, d.title ?? d.source),
      h(
        'div',
        { class: 'aliases', 'data-testid': 'reader-meta' },
        `${d.published ?? 'undated'} · ${d.language} · ${d.relations} relations · ${d.evidence} evidence · ${d.source}`,
      ),
      h('div', { class: 'muted' }, 'Highlighted: evidence sentences. Click one to see its relation.'),
      body,
    );
    body.querySelector('.active')?.scrollIntoView({ block: 'center' });
    return detail;
  }

  private mark(text: string, claims: DocumentClaim[], focusKey?: string): HTMLElement {
    const first = claims[0]!;
    const certainty = certaintyOf(claims.map((c) => c.modality));
    const el = h(
      'mark',
      {
        class: `evidence-mark ${certainty}${claims.some((c) => c.key === focusKey) ? ' active' : ''}`,
        'data-testid': 'evidence-mark',
        'data-keys': claims.map((c) => c.key).join(' '),
        title: claims
          .map((c) => `${this.cb.nameOf(c.subject)} ${c.predicate} ${this.cb.nameOf(c.object)} (${c.modality})`)
          .join('\n'),
        style: `border-bottom-color:${predicateColor(first.predicate)}`,
      },
      text,
    );
    el.addEventListener('click', () => this.cb.onRelation(first.key));
    return el;
  }

  async showRelation(rel: StoredRelation): Promise<void> {
    const mine = ++this.seq;
    const name = this.cb.nameOf;
    const items = (rel.items ?? []).map(name);
    const docCount = (rel as { documentCount?: number }).documentCount;
    const evidenceBox = h('div', { 'data-testid': 'evidence-list' }, h('div', { class: 'muted' }, 'evidence…'));
    this.frame(
      h('div', { class: 'type' }, 'Relation'),
      h(
        'h2',
        {
          'data-testid': 'relation-title',
          style: `border-left:4px solid ${predicateColor(rel.predicate)};padding-left:6px`,
        },
        `${name(rel.subject)} ${rel.predicate} → ${name(rel.object)}`,
      ),
      h(
        'div',
        { class: 'relation', 'data-testid': 'relation-card' },
        certaintyBadge(rel.modalities),
        h('span', { class: 'badge' }, `confidence ${rel.confidence.toFixed(2)}`),
        h('span', { class: 'badge' }, `${rel.evidenceCount} evidence`),
        docCount !== undefined
          ? h('span', { class: 'badge' }, `${docCount} document${docCount === 1 ? '' : 's'}`)
          : null,
        h(
          'span',
          { class: 'badge' },
          rel.firstSeen ? `${rel.firstSeen}${rel.lastSeen !== rel.firstSeen ? ` – ${rel.lastSeen}` : ''}` : 'undated',
        ),
        items.length
          ? h('div', { class: 'items', 'data-testid': 'relation-items' }, `items: ${items.join(', ')}`)
          : null,
      ),
      evidenceBox,
    );
    let evidence: EvidenceRecord[];
    try {
      evidence = await api.evidence(rel.subject, rel.predicate, rel.object);
    } catch (err) {
      if (mine === this.seq) evidenceBox.replaceChildren(h('div', { class: 'cypher-error' }, (err as Error).message));
      return;
    }
    if (mine !== this.seq) return;
    evidenceBox.replaceChildren(
      ...evidence.map((ev) => {
        const meta = ev.documentMeta;
        const open = h(
          'button',
          { class: 'link', 'data-testid': 'evidence-open-document' },
          `${meta?.title ?? meta?.source ?? ev.document}`,
        );
        open.addEventListener('click', () => this.cb.onDocument(ev.document));
        return h(
          'div',
          { class: `evidence ${certaintyOf([ev.modality])}`, 'data-testid': 'evidence' },
          h('div', { class: 'sentence' }, `“${ev.sentence}”`),
          h(
            'div',
            { class: 'doc', 'data-testid': 'evidence-document' },
            open,
            ` — ${[ev.modality, ev.attributedTo ? `according to ${name(ev.attributedTo)}` : '', ev.time ?? '', meta?.published ?? 'undated'].filter(Boolean).join(' · ')}`,
          ),
        );
      }),
    );
    if (!evidence.length) evidenceBox.replaceChildren(h('div', { class: 'muted' }, 'no evidence stored'));
  }
}
