// The Cypher drawer (shown only when /api/config says Cypher is available): runs a read query, shows the rows
// as a table and hands the nodes/relationships to the app to draw; errors are shown, never a blank page.

import { api, type CypherResult } from '../api.js';
import { byId, h } from './dom.js';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { properties?: Record<string, unknown>; labels?: string[]; type?: string };
    if (v.properties && typeof v.properties.name === 'string') return v.properties.name;
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

  const execute = async () => {
    if (busy) return;
    busy = true;
    run.disabled = true;
    error.hidden = true;
    table.replaceChildren(h('div', { class: 'note' }, 'Running…'));
    try {
      const result = await api.cypher(input.value);
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
    if (!panel.hidden) input.focus();
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
