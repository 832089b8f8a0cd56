// The preset buttons ("interactions between states", "who supplies whom", …): each replaces the type filters
// with the ones its question needs; the active one is shown pressed.

import { activePreset, applyPreset, PRESETS } from '../core/presets.js';
import type { Filters } from '../core/filters.js';
import { byId, h } from './dom.js';

export function renderPresets(filters: Filters, onChange: (next: Filters) => void): void {
  const active = activePreset(filters);
  byId('presets').replaceChildren(
    ...PRESETS.map((p) => {
      const b = h(
        'button',
        {
          'data-testid': `preset-${p.id}`,
          class: p.id === active ? 'active' : '',
          'aria-pressed': String(p.id === active),
        },
        p.label,
      );
      b.addEventListener('click', () => onChange(applyPreset(p, filters)));
      return b;
    }),
  );
}
