// Filter controls (relation type, entity type, modality, date range) and the legend; both render from the
// data graph's contents and report changes as new Filters values, never touching sigma themselves.

import { ENTITY_TYPES, MODALITIES, PREDICATES, SYMMETRIC_PREDICATES } from '../../../src/model.js';
import { PROVENANCE_KINDS, type DataGraph } from '../core/data-graph.js';
import { toggle, type Filters } from '../core/filters.js';
import { entityColor, PREDICATE_FAMILIES, predicateColor, type PredicateFamily } from '../core/palette.js';
import { byId, h } from './dom.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function counts(data: DataGraph) {
  const predicates = new Map<string, number>();
  const types = new Map<string, number>();
  const modalities = new Map<string, number>();
  for (const e of data.edges.values()) {
    predicates.set(e.predicate, (predicates.get(e.predicate) ?? 0) + 1);
    for (const m of e.modalities) modalities.set(m, (modalities.get(m) ?? 0) + 1);
  }
  for (const n of data.nodes.values()) types.set(n.type, (types.get(n.type) ?? 0) + 1);
  return { predicates, types, modalities };
}

export function renderFilters(data: DataGraph, filters: Filters, onChange: (next: Filters) => void): void {
  const root = byId('filters');
  const c = counts(data);
  const box = (
    testid: string,
    label: string,
    color: string | null,
    count: number,
    hidden: boolean,
    set: (hide: boolean) => Filters,
  ) => {
    const input = h('input', { type: 'checkbox', 'data-testid': testid, checked: !hidden });
    input.addEventListener('change', () => onChange(set(!input.checked)));
    return h(
      'label',
      {},
      input,
      color
        ? h('span', { class: `swatch${testid.includes('predicate') ? ' edge' : ''}`, style: `background:${color}` })
        : null,
      label,
      h('span', { class: 'count' }, count),
    );
  };
  const relationBoxes = PREDICATES.filter((p) => c.predicates.has(p) || filters.hiddenPredicates.includes(p)).map((p) =>
    box(
      `filter-predicate-${p}`,
      p,
      predicateColor(p),
      c.predicates.get(p) ?? 0,
      filters.hiddenPredicates.includes(p),
      (hide) => ({
        ...filters,
        hiddenPredicates: toggle(filters.hiddenPredicates, p, hide),
      }),
    ),
  );
  const typeBoxes = ENTITY_TYPES.filter((t) => c.types.has(t) || filters.hiddenTypes.includes(t)).map((t) =>
    box(`filter-type-${t}`, t, entityColor(t), c.types.get(t) ?? 0, filters.hiddenTypes.includes(t), (hide) => ({
      ...filters,
      hiddenTypes: toggle(filters.hiddenTypes, t, hide),
    })),
  );
  const modalityBoxes = MODALITIES.filter((m) => c.modalities.has(m) || filters.hiddenModalities.includes(m)).map((m) =>
    box(`filter-modality-${m}`, m, null, c.modalities.get(m) ?? 0, filters.hiddenModalities.includes(m), (hide) => ({
      ...filters,
      hiddenModalities: toggle(filters.hiddenModalities, m, hide),
    })),
  );
  const dateInput = (testid: string, value: string | undefined, key: 'dateFrom' | 'dateTo') => {
    const input = h('input', {
      type: 'text',
      'data-testid': testid,
      placeholder: 'YYYY[-MM[-DD]]',
      value: value ?? '',
    });
    input.addEventListener('change', () => {
      const v = input.value.trim();
      if (v && !DATE.test(v)) {
        input.setCustomValidity('Use YYYY, YYYY-MM or YYYY-MM-DD');
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      const next = { ...filters };
      if (v) next[key] = v;
      else delete next[key];
      onChange(next);
    });
    return input;
  };
  const clear = h('button', { 'data-testid': 'filters-clear' }, 'Show all');
  clear.addEventListener('click', () => onChange({ hiddenPredicates: [], hiddenTypes: [], hiddenModalities: [] }));
  root.replaceChildren(
    h('h3', {}, 'Relation types'),
    ...relationBoxes,
    h('h3', {}, 'Entity types'),
    ...typeBoxes,
    h('h3', {}, 'Modality'),
    ...(modalityBoxes.length ? modalityBoxes : [h('span', { class: 'count' }, 'none')]),
    h('h3', {}, 'Date range'),
    h('label', {}, 'from ', dateInput('filter-date-from', filters.dateFrom, 'dateFrom')),
    h('label', {}, 'to ', dateInput('filter-date-to', filters.dateTo, 'dateTo')),
    h('div', { style: 'margin-top:8px' }, clear),
  );
}

/**
 * One compact legend: entity colours (or a note on community colours), relation families in their hue with
 * arrows for directed and plain lines for symmetric types, and how alleged/denied claims look. It shows what the
 * marks mean; the checkboxes below are the filters.
 */
export function renderLegend(
  shown: { predicates: ReadonlySet<string>; types: ReadonlySet<string> },
  colorBy: 'type' | 'community' = 'type',
): void {
  // What is on screen, not everything loaded: a type the filters hide has nothing to explain.
  const c = shown;
  const root = byId('legend');
  const item = (testid: string, swatch: HTMLElement, text: string) =>
    h('span', { class: 'legend-item', 'data-testid': testid }, swatch, text);
  const types =
    colorBy === 'community'
      ? [h('span', { class: 'legend-item' }, 'Node colour: Louvain community')]
      : [...ENTITY_TYPES, ...PROVENANCE_KINDS]
          .filter((t) => c.types.has(t))
          .map((t) =>
            item(`legend-type-${t}`, h('span', { class: 'swatch', style: `background:${entityColor(t)}` }), t),
          );
  const families: Array<[PredicateFamily, string]> = [
    ['conflict', 'Conflict'],
    ['cooperation', 'Cooperation'],
    ['supply', 'Supply'],
    ['structural', 'Structure'],
  ];
  const rows = families
    .map(([fam, title]) => {
      const present = PREDICATES.filter((p) => PREDICATE_FAMILIES[p] === fam && c.predicates.has(p));
      if (!present.length) return null;
      return h(
        'div',
        { class: 'legend-row' },
        h('span', { class: 'fam' }, title),
        ...present.map((p) =>
          item(
            `legend-predicate-${p}`,
            h('span', {
              class: 'swatch edge',
              // Conflict is dashed in the graph, and so in the legend.
              style:
                fam === 'conflict'
                  ? `background:repeating-linear-gradient(90deg,${predicateColor(p)} 0 5px,transparent 5px 8px)`
                  : `background:${predicateColor(p)}`,
            }),
            `${p.toLowerCase().replace(/_/g, ' ')}${SYMMETRIC_PREDICATES.has(p) ? '' : ' →'}`,
          ),
        ),
      );
    })
    .filter((r): r is HTMLDivElement => r !== null);
  root.replaceChildren(
    h('div', { class: 'legend-row' }, ...types),
    ...rows,
    h(
      'div',
      { class: 'count', style: 'margin-left:0', 'data-testid': 'legend-certainty' },
      '→ directed, — symmetric, dashed: conflict. Faded: alleged; fainter and thinner: denied. Size: degree or PageRank.',
    ),
  );
}
