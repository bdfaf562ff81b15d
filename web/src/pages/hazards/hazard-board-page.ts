// #/hazards/board — the board (隐患看板): one column per state with its count (GET /hazards/counts)
// and the newest 50 hazards of that state as cards (GET /hazards?state=X&limit=50), under the same
// filters as the list except the state.
import { api } from '../../api/client';
import type { Sector } from '../../api/types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindText } from '../../i18n';
import { buildHash } from '../../router';
import type { PageRenderer } from '../page';
import { sectorLabel } from '../risk/risk-labels';
import { hazardCounts, listHazards } from './hazard-api';
import { createHazardFilterBar } from './hazard-filters';
import { deadlineBadge, deadlineText, gradeBadge, stateSwatch, tierBadge } from './hazard-labels';
import { filterQuery, filtersFromQuery, hazardHex, hazardTitle, stateHex, type HazardFilters } from './hazard-model';
import { hazardTabs } from './hazard-tabs';
import { HAZARD_STATES, type Hazard, type HazardState } from './hazard-types';

const CARDS_PER_COLUMN = 50;

function hazardCard(item: Hazard, sectors: Sector[]): HTMLElement {
  return h('a', { class: 'hz-card', href: buildHash(`hazards/${item.id}`), style: `--hz:${hazardHex(item)}`,
    'data-id': String(item.id), 'data-code': item.code, 'data-testid': 'hazard-card' },
  h('div', { class: 'hz-card-head' }, h('strong', {}, item.code), gradeBadge(String(item.grade))),
  h('div', { class: 'hz-card-title' }, hazardTitle(item)),
  h('div', { class: 'hz-card-meta' }, item.org_name ?? '', item.sector ? [' · ', sectorLabel(item.sector, sectors)] : null),
  item.deadline ? h('div', { class: 'hz-card-meta' }, tr('hazard.field.deadline'), '：', deadlineText(item)) : null,
  h('div', { class: 'hz-badges' }, deadlineBadge(item), tierBadge(item)));
}

export const renderHazardBoardPage: PageRenderer = (outlet, route) => {
  let filters: HazardFilters = { ...filtersFromQuery(route.query), state: '' };
  let sectors: Sector[] = [];
  let generation = 0;
  const tabsHost = h('div', {}, hazardTabs('board', filterQuery(filters)));
  const toolbar = h('div', { class: 'hz-toolbar' }, tr('app.loading'));
  const summary = h('p', { class: 'muted', 'data-testid': 'board-summary' });
  const error = h('p', { class: 'message message-error', hidden: true });
  const columns = new Map<HazardState, { count: HTMLElement; body: HTMLElement; more: HTMLAnchorElement }>();
  const board = h('div', { class: 'hz-board', 'data-testid': 'hazard-board' }, HAZARD_STATES.map((state) => {
    const count = h('span', { class: 'hz-column-count', 'data-testid': `board-count-${state}` }, '…');
    const body = h('div', { class: 'hz-column-body' });
    const more = h('a', { class: 'hz-column-more', hidden: true }, tr('hazards.boardMore'));
    columns.set(state, { count, body, more });
    return h('section', { class: 'hz-column', 'data-state': state, 'data-testid': `board-column-${state}`,
      style: `--hz:${stateHex(state)}` },
    h('header', {}, stateSwatch(stateHex(state)), tr(`hazard.state.${state}`), count), body, more);
  }));
  outlet.append(h('section', { class: 'page hz-page', 'data-testid': 'hazard-board-page' },
    tr('hazards.title', undefined, 'h1'), tabsHost, toolbar, summary, error, board));

  const load = async (): Promise<void> => {
    const mine = ++generation;
    error.hidden = true;
    try {
      const [counts, ...pages] = await Promise.all([
        hazardCounts(filters, { withoutState: true }),
        ...HAZARD_STATES.map((state) => listHazards({ ...filters, state }, null, CARDS_PER_COLUMN)),
      ]);
      if (mine !== generation) return;
      bindText(summary, 'hazards.counts', { total: counts.total ?? 0, overdue: counts.overdue ?? 0 });
      HAZARD_STATES.forEach((state, i) => {
        const column = columns.get(state)!;
        const items = pages[i].items ?? [];
        const n = counts.by_state?.[state] ?? items.length;
        column.count.textContent = String(n);
        column.body.replaceChildren(...(items.length ? items.map((item) => hazardCard(item, sectors))
          : [h('p', { class: 'muted hz-column-empty' }, tr('hazards.boardEmpty'))]));
        column.more.hidden = n <= items.length;
        column.more.href = buildHash('hazards', { ...filterQuery(filters), state });
      });
    } catch (err) {
      if (mine !== generation) return;
      error.textContent = errorText(err);
      error.hidden = false;
    }
  };

  void (async () => {
    sectors = await api<Sector[]>('GET', '/api/v1/sectors').catch((): Sector[] => []);
    const bar = createHazardFilterBar(sectors, filters, (next) => {
      filters = { ...next, state: '' };
      history.replaceState(null, '', buildHash('hazards/board', filterQuery(filters)));
      tabsHost.replaceChildren(hazardTabs('board', filterQuery(filters)));
      void load();
    }, { withState: false });
    toolbar.replaceChildren(bar.element);
    await load();
  })();
};
