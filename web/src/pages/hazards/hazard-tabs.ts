// The tabs above the hazard pages: list, board, and 上报隐患 for those who may report.
import { getUser } from '../../api/session';
import { h, tr } from '../../dom';
import { buildHash } from '../../router';

export type HazardTab = 'list' | 'board' | 'new';

export function canReport(): boolean {
  return getUser()?.permissions?.includes('hazard.report') ?? false;
}

export function hazardTabs(active: HazardTab, query: Record<string, string | undefined> = {}): HTMLElement {
  const tab = (name: HazardTab, path: string, label: 'nav.hazardList' | 'nav.hazardBoard' | 'nav.hazardNew',
    q: Record<string, string | undefined> = {}): HTMLElement =>
    h('a', { href: buildHash(path, q), class: name === active ? 'active' : '', 'data-testid': `hazard-tab-${name}` }, tr(label));
  return h('nav', { class: 'tabs hz-tabs', 'data-testid': 'hazard-tabs' },
    tab('list', 'hazards', 'nav.hazardList', query),
    tab('board', 'hazards/board', 'nav.hazardBoard', { ...query, state: undefined }),
    canReport() ? tab('new', 'hazards/new', 'nav.hazardNew') : null);
}
