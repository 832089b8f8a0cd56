// The document list of the sidebar: search by title or source, sort by date, pick one to see only what it supports
// (and read it). Renders from /api/documents and reports the choice; it never touches the graph itself.

import type { DocumentSort, DocumentSummary } from '../../../src/store/types.js';
import { api } from '../api.js';
import { byId, h } from './dom.js';

export interface DocumentsCallbacks {
  onSelect(documentId: string | null): void;
}

export class DocumentsView {
  private readonly root = byId('documents');
  private q = '';
  private sort: DocumentSort = 'published';
  private selected: string | null = null;
  private seq = 0;
  private readonly list = h('div', { class: 'doc-list', 'data-testid': 'document-list' });
  private readonly summary = h('div', { class: 'count' });

  constructor(private readonly callbacks: DocumentsCallbacks) {
    const search = h('input', {
      type: 'search',
      placeholder: 'Search documents…',
      'data-testid': 'document-search',
      'aria-label': 'Search documents',
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.q = search.value.trim();
        void this.load();
      }, 200);
    });
    const sort = h(
      'select',
      { 'data-testid': 'document-sort', 'aria-label': 'Sort documents' },
      h('option', { value: 'published' }, 'newest'),
      h('option', { value: 'oldest' }, 'oldest'),
      h('option', { value: 'title' }, 'title'),
    );
    sort.addEventListener('change', () => {
      this.sort = sort.value as DocumentSort;
      void this.load();
    });
    this.root.replaceChildren(h('div', { class: 'doc-tools' }, search, sort), this.summary, this.list);
  }

  setSelected(id: string | null): void {
    this.selected = id;
    for (const el of this.list.querySelectorAll<HTMLElement>('[data-document]'))
      el.classList.toggle('active', el.dataset.document === id);
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    try {
      const page = await api.documents({ q: this.q || undefined, sort: this.sort, limit: 200 });
      if (mine !== this.seq) return;
      const n = page.total;
      this.summary.textContent =
        `${n} document${n === 1 ? '' : 's'}` + (page.documents.length < n ? ` (first ${page.documents.length})` : '');
      this.list.replaceChildren(...page.documents.map((d) => this.item(d)));
    } catch (err) {
      this.list.replaceChildren(h('div', { class: 'cypher-error' }, (err as Error).message));
    }
  }

  private item(d: DocumentSummary): HTMLElement {
    const el = h(
      'button',
      {
        class: `doc-item${d.id === this.selected ? ' active' : ''}`,
        'data-testid': 'document-item',
        'data-document': d.id,
        title: d.source,
      },
      h('span', { class: 'doc-title' }, d.title ?? d.source),
      h(
        'span',
        { class: 'doc-meta' },
        // Undated documents say so: the day they were ingested is not their date.
        `${d.published ?? 'undated'} · ${d.language} · ${d.relations} relations · ${d.evidence} evidence`,
      ),
    );
    el.addEventListener('click', () => this.callbacks.onSelect(d.id === this.selected ? null : d.id));
    return el;
  }
}
