// The filter bar of the hazard list and board: state, grade, source, sector, overdue, supervised
// and free text; selects apply at once, the text on Enter or 查询.
import type { Sector } from '../../api/types';
import { h, tr } from '../../dom';
import { bindText } from '../../i18n';
import { enumSelect, sectorSelect } from './hazard-labels';
import { NO_HAZARD_FILTERS, type HazardFilters } from './hazard-model';
import { HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATES } from './hazard-types';

export interface HazardFilterBar {
  element: HTMLElement;
  values(): HazardFilters;
}

export function createHazardFilterBar(sectors: Sector[], initial: HazardFilters,
  onChange: (filters: HazardFilters) => void, options: { withState?: boolean } = {}): HazardFilterBar {
  const withState = options.withState ?? true;
  const state = enumSelect('state', HAZARD_STATES, 'hazard.state', { first: 'all', testId: 'filter-state' });
  if (initial.state && !(HAZARD_STATES as readonly string[]).includes(initial.state)) {
    // A comma list from a link (e.g. the open states) keeps its own option.
    state.append(h('option', { value: initial.state }, initial.state));
  }
  state.value = initial.state;
  const grade = enumSelect('grade', HAZARD_GRADES, 'hazard.grade', { first: 'all', testId: 'filter-grade', value: initial.grade });
  const source = enumSelect('source', HAZARD_SOURCES, 'hazard.source', { first: 'all', testId: 'filter-source', value: initial.source });
  const sector = sectorSelect(sectors, 'sector', { first: 'all', testId: 'filter-sector', value: initial.sector });
  const overdue = h('input', { type: 'checkbox', name: 'overdue', checked: initial.overdue, 'data-testid': 'filter-overdue' });
  const supervised = h('input', { type: 'checkbox', name: 'supervised', checked: initial.supervised,
    'data-testid': 'filter-supervised' });
  const q = h('input', { type: 'search', name: 'q', value: initial.q, 'data-testid': 'filter-q', enterkeyhint: 'search' });
  bindText(q, 'hazards.filter.qPlaceholder', undefined, 'placeholder');

  const values = (): HazardFilters => ({
    state: withState ? state.value : '', grade: grade.value, source: source.value, sector: sector.value,
    overdue: overdue.checked, supervised: supervised.checked, q: q.value.trim(),
  });
  for (const control of [state, grade, source, sector, overdue, supervised]) {
    control.addEventListener('change', () => onChange(values()));
  }
  const search = h('button', { type: 'submit', class: 'primary', 'data-testid': 'filter-search' }, tr('hazards.filter.search'));
  const reset = h('button', { type: 'button', class: 'link-button', 'data-testid': 'filter-reset' }, tr('hazards.filter.reset'));
  reset.addEventListener('click', () => {
    state.value = NO_HAZARD_FILTERS.state;
    grade.value = '';
    source.value = '';
    sector.value = '';
    overdue.checked = false;
    supervised.checked = false;
    q.value = '';
    onChange(values());
  });

  const field = (label: Parameters<typeof tr>[0], control: HTMLElement): HTMLElement =>
    h('label', {}, tr(label), control);
  const form = h('form', { class: 'hz-filters', 'data-testid': 'hazard-filters', role: 'search' },
    h('label', { class: 'hz-filter-q' }, tr('hazards.filter.q'), h('span', { class: 'hz-search' }, q, search)),
    withState ? field('hazards.filter.state', state) : null,
    field('hazards.filter.grade', grade), field('hazards.filter.source', source), field('hazards.filter.sector', sector),
    h('label', { class: 'check' }, overdue, tr('hazards.filter.overdue')),
    h('label', { class: 'check' }, supervised, tr('hazards.filter.supervised')),
    reset);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange(values());
  });
  return { element: form, values };
}
