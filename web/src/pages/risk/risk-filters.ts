// The filter bar of the risk map and the lists: sector, organisation, colour and kind.
import { COLOURS, RISK_KINDS } from '../../api/risk-types';
import { h, tr } from '../../dom';
import { bindBilingual, bindText, type MessageKey } from '../../i18n';
import { orgOption, buildOrgTree, flattenTree } from '../admin/org-options';
import type { RefData } from './risk-labels';
import { NO_FILTERS, type RiskFilters } from './risk-model';

function allOption(): HTMLOptionElement {
  const option = h('option', { value: '' });
  bindText(option, 'filter.all');
  return option;
}

function keyedOption(value: string, key: MessageKey): HTMLOptionElement {
  const option = h('option', { value });
  bindText(option, key);
  return option;
}

export interface FilterBar {
  element: HTMLElement;
  values(): RiskFilters;
}

export function createFilterBar(ref: RefData, initial: RiskFilters, onChange: (filters: RiskFilters) => void,
  options: { kinds?: readonly string[]; compact?: boolean } = {}): FilterBar {
  const sector = h('select', { name: 'sector', 'data-testid': 'filter-sector' }, allOption(),
    ref.sectors.map((s) => {
      const option = h('option', { value: s.code });
      bindBilingual(option, s.name_zh, s.name_en);
      return option;
    }));
  const org = h('select', { name: 'org_id', 'data-testid': 'filter-org' }, allOption(),
    flattenTree(buildOrgTree(ref.orgs)).map(({ org: o, depth }) => orgOption(o, depth)));
  const colour = h('select', { name: 'colour', 'data-testid': 'filter-colour' }, allOption(),
    COLOURS.map((c) => keyedOption(c, `risk.level.${c}`)));
  const kind = h('select', { name: 'kind', 'data-testid': 'filter-kind' }, allOption(),
    (options.kinds ?? RISK_KINDS).map((k) => keyedOption(k, `risk.kind.${k}` as MessageKey)));

  const selects = { sector, org_id: org, colour, kind };
  for (const [name, select] of Object.entries(selects)) select.value = initial[name as keyof RiskFilters] ?? '';
  const values = (): RiskFilters => ({
    sector: sector.value, org_id: org.value, colour: colour.value, kind: kind.value,
  });
  Object.values(selects).forEach((select) => select.addEventListener('change', () => onChange(values())));

  const reset = h('button', { type: 'button', class: 'link-button', 'data-testid': 'filter-reset' }, tr('filter.reset'));
  reset.addEventListener('click', () => {
    for (const [name, select] of Object.entries(selects)) select.value = NO_FILTERS[name as keyof RiskFilters];
    onChange(values());
  });

  const field = (label: MessageKey, control: HTMLElement): HTMLElement => h('label', {}, tr(label), control);
  const element = h('div', { class: options.compact ? 'risk-filters compact' : 'risk-filters', 'data-testid': 'risk-filters' },
    field('filter.sector', sector), field('filter.org', org), field('filter.colour', colour),
    field('filter.kind', kind), reset);
  return { element, values };
}
