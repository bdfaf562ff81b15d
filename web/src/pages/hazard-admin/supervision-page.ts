// #/supervision — graded supervision (挂牌督办清单): hazards listed at district, city or province tier
// because they are late or major; tabs for listed now and delisted (摘牌), a tier filter, and the
// pending extension requests the user may decide.
import { api } from '../../api/client';
import { getUser } from '../../api/session';
import { errorText } from '../../components/errors';
import { formatTime, h, tr } from '../../dom';
import type { MessageKey } from '../../i18n';
import { buildHash, navigate } from '../../router';
import { SUPERVISION_TIERS } from '../hazards/hazard-types';
import type { PageRenderer } from '../page';
import { createExtensionsPanel } from './extensions-panel';
import { formatDate, gradeLabel, milestoneLabel, stateLabel, tierLabel } from './labels';
import { beijingToday } from './stats-model';
import {
  filterFromQuery, filterQuery, nextMilestone, overdueDays, sortSupervised, supervisionUrl, type SupervisionFilter,
} from './supervision-model';
import type { SupervisedHazard } from './types';

const COLUMNS: MessageKey[] = [
  'hza.col.code', 'hza.col.title', 'hza.col.unit', 'hza.col.grade', 'hza.col.tier', 'hza.col.listedAt',
  'hza.col.reason', 'hza.col.deadline', 'hza.col.overdueDays', 'hza.col.progress', 'hza.col.delistedAt',
];

function progressCell(item: SupervisedHazard, today: string): HTMLElement {
  const milestone = nextMilestone(item, today);
  return h('div', {}, stateLabel(item.state),
    item.due_soon && !item.overdue ? h('span', { class: 'badge hza-due-soon' }, tr('hza.dueSoon')) : null,
    milestone ? h('div', { class: 'muted small' },
      tr('hza.nextMilestone'), ' ', milestoneLabel(milestone.name), ` ${milestone.due}`) : null);
}

function row(item: SupervisedHazard, today: string): HTMLElement {
  const days = overdueDays(item);
  const sup = item.supervision;
  return h('tr', { 'data-hazard-id': String(item.id), 'data-tier': sup?.tier ?? '' },
    h('td', { class: 'nowrap' }, h('a', { href: `#/hazards/${item.id}`, 'data-testid': 'supervision-code' }, item.code || `#${item.id}`)),
    h('td', {}, item.title || item.description || '—'),
    h('td', {}, item.responsible_org_name || item.org_name || '—'),
    h('td', {}, gradeLabel(item.grade)),
    h('td', {}, sup ? tierLabel(sup.tier) : '—'),
    h('td', { class: 'nowrap' }, formatTime(sup?.listed_at)),
    h('td', {}, sup?.reason || '—'),
    h('td', { class: 'nowrap' }, formatDate(item.deadline)),
    h('td', { class: `num${days ? ' overdue' : ''}`, 'data-col': 'overdue-days' }, days === null ? '—' : String(days)),
    h('td', {}, progressCell(item, today)),
    h('td', { class: 'nowrap' }, formatTime(sup?.delisted_at)));
}

function tierChips(items: SupervisedHazard[]): HTMLElement {
  return h('div', { class: 'count-chips', 'data-testid': 'supervision-counts' },
    SUPERVISION_TIERS.map((tier) => h('span', { class: 'count-chip' }, tierLabel(tier),
      h('strong', { 'data-testid': `supervision-count-${tier}` },
        String(items.filter((i) => i.supervision?.tier === tier).length)))),
    h('span', { class: 'count-chip' }, tr('hza.total'), h('strong', { 'data-testid': 'supervision-count-total' }, String(items.length))));
}

export const renderSupervisionPage: PageRenderer = (outlet, route) => {
  const filter = filterFromQuery(route.query);
  const go = (f: SupervisionFilter): void => navigate(buildHash('supervision', filterQuery(f)));

  const tab = (active: boolean, label: MessageKey): HTMLElement => h('a', {
    href: buildHash('supervision', filterQuery({ ...filter, active })), class: filter.active === active ? 'active' : '',
    'data-testid': `supervision-tab-${active ? 'active' : 'delisted'}`,
  }, tr(label));
  const tierButton = (tier: SupervisionFilter['tier'], label: MessageKey): HTMLElement => h('button', {
    type: 'button', class: filter.tier === tier ? 'active' : '', 'data-tier': tier || 'all',
    onclick: () => go({ ...filter, tier }),
  }, tr(label));

  const body = h('div', {}, tr('app.loading', undefined, 'p'));
  const page = h('section', { class: 'page hza-supervision-page', 'data-testid': 'supervision-page' },
    tr('hza.sup.title', undefined, 'h1'), tr('hza.sup.intro', undefined, 'p'),
    h('nav', { class: 'tabs' }, tab(true, 'hza.sup.active'), tab(false, 'hza.sup.delisted')),
    h('div', { class: 'toolbar' },
      h('div', { class: 'segmented', 'data-testid': 'supervision-tiers' },
        tierButton('', 'hza.allTiers'), SUPERVISION_TIERS.map((t) => tierButton(t, `hza.tier.${t}`)))),
    h('section', { class: 'card' }, body));
  outlet.append(page);

  const user = getUser();
  if (user?.permissions.includes('hazard.manage')) {
    const panel = createExtensionsPanel();
    page.append(panel.element);
    void panel.load();
  }

  let left = false;
  void (async () => {
    let items: SupervisedHazard[];
    try {
      items = (await api<{ items: SupervisedHazard[] }>('GET', supervisionUrl(filter))).items ?? [];
    } catch (err) {
      body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      return;
    }
    if (left) return;
    const today = beijingToday();
    const sorted = sortSupervised(items);
    body.replaceChildren(
      tierChips(sorted),
      h('div', { class: 'hza-table-wrap' }, h('table', { class: 'data-table compact', 'data-testid': 'supervision-table' },
        h('thead', {}, h('tr', {}, COLUMNS.map((k) => h('th', { class: k === 'hza.col.overdueDays' ? 'num' : '' }, tr(k))))),
        h('tbody', {}, sorted.length ? sorted.map((i) => row(i, today))
          : h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'muted' },
            tr(filter.active ? 'hza.sup.emptyActive' : 'hza.sup.emptyDelisted')))))));
  })();
  return () => { left = true; };
};
