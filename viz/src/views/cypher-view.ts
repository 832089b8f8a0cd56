// The Cypher drawer (shown only when /api/config says Cypher is available): runs a read query, shows the rows
// as a table and hands the nodes/relationships to the app to draw; errors are shown, never a blank page.

import { api, type CypherResult, type ShippedQuery } from '../api.js';
import { captionOf, kindOf } from '../core/cypher-graph.js';
import { convertParams, fieldText } from '../core/query-params.js';
import { byId, h } from './dom.js';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { properties?: Record<string, unknown>; labels?: string[]; type?: string; id?: unknown };
    // A node reads as it is drawn: entities by name, claims as their triple, documents by title and date.
    if (v.properties && Array.isArray(v.labels)) {
      const node = { id: String(v.id ?? ''), labels: v.labels, properties: v.properties };
      return captionOf(node, kindOf(v.labels), () => undefined);
    }
    if (v.type && v.properties) return `[:${v.type}]`;
    const text = JSON.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }
  return String(value);
}

export function renderTable(result: CypherResult): HTMLElement {
  const rows = result.rows.map((r) =>
    Array.isArray(r) ? r : result.columns.map((c) => (r as Record<string, unknown>)[c]),
  );
  return h(
    'div',
    {},
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...result.columns.map((c) => h('th', {}, c)))),
      h(
        'tbody',
        {},
        ...rows.map((r) => h('tr', { 'data-testid': 'cypher-row' }, ...r.map((v) => h('td', {}, cell(v))))),
      ),
    ),
    h(
      'div',
      { class: 'note', 'data-testid': 'cypher-summary' },
      `${rows.length} rows, ${result.nodes.length} nodes, ${result.relationships.length} relationships` +
        (result.truncated ? ' — truncated by the row cap' : ''),
    ),
  );
}

export function mountCypher(handlers: { onResult(result: CypherResult): void; onBack(): void }): {
  show(): void;
  setBackVisible(visible: boolean): void;
} {
  const panel = byId('cypher');
  const toggleBtn = byId('cypher-toggle');
  const input = byId<HTMLTextAreaElement>('cypher-input');
  const run = byId<HTMLButtonElement>('cypher-run');
  const back = byId('cypher-back');
  const error = byId('cypher-error');
  const table = byId('cypher-table');
  let busy = false;
  const menu = mountQueryMenu(input);

  const execute = async () => {
    if (busy) return;
    const params = menu.params();
    if (!params.ok) {
      error.textContent = params.error;
      error.hidden = false;
      return;
    }
    busy = true;
    run.disabled = true;
    error.hidden = true;
    table.replaceChildren(h('div', { class: 'note' }, 'Running…'));
    try {
      const result = await api.cypher(input.value, params.params);
      table.replaceChildren(renderTable(result));
      handlers.onResult(result);
    } catch (err) {
      table.replaceChildren();
      error.textContent = `Query refused: ${(err as Error).message.replace(/^refused: /, '')}`;
      error.hidden = false;
    } finally {
      busy = false;
      run.disabled = false;
    }
  };
  run.addEventListener('click', () => void execute());
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) void execute();
  });
  back.addEventListener('click', () => handlers.onBack());
  toggleBtn.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden) {
      void menu.load();
      input.focus();
    }
  });
  return {
    show() {
      toggleBtn.hidden = false;
    },
    setBackVisible(visible) {
      back.hidden = !visible;
    },
  };
}

/**
 * The menu of shipped queries (cypher/queries/): choosing one puts its Cypher in the editor and a field per
 * parameter, prefilled with the header's default or example; each value is sent as the type the header declares.
 */
function mountQueryMenu(input: HTMLTextAreaElement): {
  load(): Promise<void>;
  params(): { ok: true; params: Record<string, unknown> } | { ok: false; error: string };
} {
  const select = byId<HTMLSelectElement>('cypher-query-menu');
  const answers = byId('cypher-answers');
  const fields = byId('cypher-params');
  let queries: ShippedQuery[] | null = null;
  let loading: Promise<void> | null = null;
  const current = () => queries?.find((q) => q.name === select.value) ?? null;

  const choose = () => {
    const q = current();
    answers.textContent = q ? q.answers : '';
    answers.title = q ? `returns: ${q.returns}` : '';
    fields.replaceChildren(
      ...(q?.params ?? []).map((p) =>
        h(
          'label',
          { title: `${p.description} (${p.type}${p.hasDefault ? `, default ${JSON.stringify(p.default)}` : ''})` },
          `$${p.name} `,
          h('input', {
            type: 'text',
            'data-testid': `cypher-param-${p.name}`,
            'data-param': p.name,
            placeholder: p.type,
            value: fieldText(p),
          }),
        ),
      ),
    );
    if (q) input.value = q.text;
  };
  select.addEventListener('change', choose);

  return {
    load() {
      loading ??= api
        .queries()
        .then((list) => {
          queries = list;
          select.append(...list.map((q) => h('option', { value: q.name, title: q.answers }, q.name)));
        })
        .catch(() => {
          // The editor still works without the menu; the option stays 'ad hoc'.
          loading = null;
        });
      return loading;
    },
    params() {
      const q = current();
      // Edited away from the shipped text: the fields still apply to the parameters it uses.
      if (!q) return { ok: true, params: {} };
      const used = q.params.filter((p) => new RegExp(`\\$${p.name}\\b`).test(input.value));
      const values: Record<string, string> = {};
      for (const el of fields.querySelectorAll<HTMLInputElement>('input[data-param]'))
        values[el.dataset.param!] = el.value;
      return convertParams(used, values);
    },
  };
}
