// Search box with autocomplete: debounced /api/search, keyboard navigation, and a callback on choice.

import type { Entity } from '../../../src/model.js';
import { api } from '../api.js';
import { entityColor } from '../core/palette.js';
import { byId, h } from './dom.js';

export function mountSearch(onChoose: (entity: Entity) => void): void {
  const input = byId<HTMLInputElement>('search-input');
  const list = byId<HTMLUListElement>('search-results');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let results: Entity[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const choose = (entity: Entity) => {
    close();
    input.value = entity.name;
    onChoose(entity);
  };
  const render = () => {
    list.replaceChildren(
      ...results.map((e, i) => {
        const other = e.aliases
          .filter((a) => a !== e.name)
          .slice(0, 3)
          .join(', ');
        const li = h(
          'li',
          {
            'data-testid': 'search-result',
            'data-id': e.id,
            role: 'option',
            class: i === active ? 'active' : undefined,
          },
          h('span', { class: 'swatch', style: `background:${entityColor(e.type)}` }),
          h('span', {}, e.name),
          h('span', { class: 'muted' }, `${e.type}${other ? ` · ${other}` : ''}`),
        );
        li.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          choose(e);
        });
        return li;
      }),
    );
    if (!results.length) list.append(h('li', { class: 'muted', 'data-testid': 'search-empty' }, 'No match'));
    list.hidden = false;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return close();
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const found = await api.search(q);
        if (mine !== seq) return; // an older answer arriving late must not replace a newer one
        results = found;
        active = -1;
        render();
      } catch {
        results = [];
        render();
      }
    }, 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : -1) + results.length) % Math.max(results.length, 1);
      render();
    } else if (ev.key === 'Enter') {
      const pick = results[active >= 0 ? active : 0];
      if (pick) choose(pick);
    } else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
