// Badges and selects of the hazard pages: state (coloured, red when overdue), grade, supervision
// tier, deadline (overdue / due soon / days left), and enum selects labelled from the catalogue.
import type { Sector } from '../../api/types';
import { h, tr } from '../../dom';
import { bindBilingual, bindText, hasKey, type MessageKey } from '../../i18n';
import { activeTier, deadlineStatus, hazardHex, isHazardState, stateHex } from './hazard-model';
import type { Hazard } from './hazard-types';

/** A label for `${prefix}.${value}` when the catalogue has one, else the raw value. */
export function keyedText(prefix: string, value: string | null | undefined): HTMLElement {
  const key = `${prefix}.${value ?? ''}`;
  if (value && hasKey(key)) return tr(key);
  return h('span', {}, value || '—');
}

export function stateSwatch(hex: string): HTMLElement {
  return h('span', { class: 'hz-swatch', style: `background:${hex}` });
}

/** 「● 整改中」 in the state's colour; red when the hazard is overdue. */
export function stateBadge(h0: Pick<Hazard, 'state' | 'overdue'>, testId = 'hazard-state'): HTMLElement {
  const hex = hazardHex(h0);
  return h('span', { class: 'hz-state', style: `--hz:${hex}`, 'data-state': String(h0.state), 'data-testid': testId },
    stateSwatch(hex), keyedText('hazard.state', String(h0.state)));
}

/** A plain state label in its colour, for places without a hazard (tip tracking, columns). */
export function plainStateBadge(state: string, testId?: string): HTMLElement {
  const hex = stateHex(state);
  return h('span', { class: 'hz-state', style: `--hz:${hex}`, 'data-state': state, 'data-testid': testId },
    stateSwatch(hex), isHazardState(state) ? tr(`hazard.state.${state}`) : h('span', {}, state));
}

export function gradeBadge(grade: string): HTMLElement {
  return h('span', { class: `hz-grade hz-grade-${grade}`, 'data-grade': grade }, keyedText('hazard.grade', grade));
}

export function tierBadge(h0: Pick<Hazard, 'supervision'>): HTMLElement | null {
  const tier = activeTier(h0);
  if (!tier) return null;
  return h('span', { class: `hz-tier hz-tier-${tier}`, 'data-testid': 'tier-badge', 'data-tier': tier },
    tr(`hazard.tier.${tier}`));
}

/** 逾期 N 天 (red), 即将到期 (amber), or nothing. */
export function deadlineBadge(h0: Hazard, now = Date.now()): HTMLElement | null {
  const status = deadlineStatus(h0, now);
  if (status.kind === 'overdue') {
    return h('span', { class: 'hz-flag hz-overdue', 'data-testid': 'overdue-badge' },
      tr('hazard.overdueDays', { days: status.overdueDays }));
  }
  if (status.kind === 'dueSoon') {
    return h('span', { class: 'hz-flag hz-due-soon', 'data-testid': 'due-soon-badge' }, tr('hazard.dueSoon'));
  }
  return null;
}

/** The deadline's day with what is left: 「2026-12-04（剩余 5 天）」. */
export function deadlineText(h0: Hazard, now = Date.now()): HTMLElement {
  const status = deadlineStatus(h0, now);
  if (!status.day) return h('span', {}, '—');
  let extra: HTMLElement | null = null;
  if (status.kind === 'overdue') extra = tr('hazard.overdueDays', { days: status.overdueDays });
  else if (status.kind === 'closed') extra = h0.closed_on_time === false ? tr('hazard.closedLate')
    : h0.closed_on_time ? tr('hazard.closedOnTime') : null;
  else if (status.daysLeft === 0) extra = tr('hazard.dueToday');
  else if (status.daysLeft !== null && status.daysLeft > 0 && h0.state !== 'accepted') {
    extra = tr('hazard.daysLeft', { days: status.daysLeft });
  }
  return h('span', { class: `hz-deadline hz-deadline-${status.kind}`, 'data-testid': 'hazard-deadline' },
    status.day, extra ? h('small', {}, '（', extra, '）') : null);
}

interface SelectOptions {
  /** 「全部」 (all, for filters) or 「请选择」 (pick one, for forms) as an empty first option. */
  first?: 'all' | 'pick';
  /** Default: hazard-<name>. */
  testId?: string;
  value?: string;
}

/** A select named `name` with an optional empty first option, one option per item labelled by `label`. */
function labelledSelect<T>(name: string, items: readonly T[], valueOf: (item: T) => string,
  label: (option: HTMLOptionElement, item: T) => void, options: SelectOptions): HTMLSelectElement {
  const select = h('select', { name, 'data-testid': options.testId ?? `hazard-${name}` });
  if (options.first) {
    const option = h('option', { value: '' });
    bindText(option, options.first === 'all' ? 'hazards.filter.all' : 'hazardNew.pickOne');
    select.append(option);
  }
  for (const item of items) {
    const option = h('option', { value: valueOf(item) });
    label(option, item);
    select.append(option);
  }
  if (options.value !== undefined) select.value = options.value;
  return select;
}

/** A select of enumerated values labelled by `${prefix}.${value}` (the raw value when the catalogue has none). */
export function enumSelect(name: string, values: readonly string[], prefix: string,
  options: SelectOptions = {}): HTMLSelectElement {
  return labelledSelect(name, values, (value) => value, (option, value) => {
    const key = `${prefix}.${value}`;
    if (hasKey(key)) bindText(option, key as MessageKey);
    else option.textContent = value;
  }, options);
}

/** A select of sectors by code, labelled by their Chinese or English name. */
export function sectorSelect(sectors: Sector[], name: string, options: SelectOptions = {}): HTMLSelectElement {
  return labelledSelect(name, sectors, (s) => s.code, (option, s) => bindBilingual(option, s.name_zh, s.name_en), options);
}
