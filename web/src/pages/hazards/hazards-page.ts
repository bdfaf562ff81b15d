// #/hazards — the hazard list (隐患列表): filters (state, grade, source, sector, overdue, supervised,
// text), counts, a map of the hazards (by state, overdue red) beside the list, and paging by cursor.
// The filters live in the hash (#/hazards?state=assigned&q=YH000012) so a filtered view can be linked.
import type { Sector } from '../../api/types';
import { api } from '../../api/client';
import { createPagedList } from '../../components/paged-list';
import { errorText } from '../../components/errors';
import { formatTime, h, tr } from '../../dom';
import { bindText } from '../../i18n';
import { buildHash } from '../../router';
import { loadBasemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { sectorLabel } from '../risk/risk-labels';
import { hazardCounts, hazardPage, listHazards } from './hazard-api';
import { createHazardFilterBar } from './hazard-filters';
import { deadlineBadge, deadlineText, gradeBadge, keyedText, stateBadge, tierBadge } from './hazard-labels';
import { createHazardsMap, type HazardsMap } from './hazard-map';
import { filterQuery, filtersFromQuery, hazardTitle, type HazardFilters } from './hazard-model';
import { hazardTabs } from './hazard-tabs';
import type { Hazard } from './hazard-types';

/** The map shows at most this many hazards (the newest) for the current filters. */
const MAP_LIMIT = 500;

export function hazardRow(item: Hazard, sectors: Sector[]): HTMLElement {
  return h('tr', { 'data-id': String(item.id), 'data-code': item.code, 'data-state': String(item.state) },
    h('td', { class: 'nowrap' }, h('a', { href: buildHash(`hazards/${item.id}`), 'data-testid': 'hazard-link' }, item.code)),
    h('td', { class: 'hz-title-cell' }, hazardTitle(item)),
    h('td', {}, h('div', { class: 'hz-badges' }, stateBadge(item), deadlineBadge(item), tierBadge(item))),
    h('td', {}, gradeBadge(String(item.grade))),
    h('td', {}, keyedText('hazard.source', String(item.source))),
    h('td', {}, sectorLabel(item.sector, sectors)),
    h('td', {}, item.org_name ?? '—'),
    h('td', {}, item.responsible_org_name ?? '—'),
    h('td', { class: 'nowrap' }, deadlineText(item)),
    h('td', { class: 'nowrap' }, formatTime(item.found_at ?? item.reported_at)));
}

export const HAZARD_COLUMNS = ['hazard.field.code', 'hazard.field.title', 'hazard.field.state', 'hazard.field.grade',
  'hazard.field.source', 'hazard.field.sector', 'hazard.field.org', 'hazard.field.responsibleOrg',
  'hazard.field.deadline', 'hazard.field.foundAt'] as const;

export const renderHazardsPage: PageRenderer = (outlet, route) => {
  let filters = filtersFromQuery(route.query);
  let sectors: Sector[] = [];
  let hazardsMap: HazardsMap | null = null;
  let left = false;
  let mapGeneration = 0;

  const tabsHost = h('div', {}, hazardTabs('list', filterQuery(filters)));
  const toolbar = h('div', { class: 'hz-toolbar' }, tr('app.loading'));
  const counts = h('p', { class: 'muted', 'data-testid': 'hazard-counts' });
  const rows = h('tbody');
  const table = h('table', { class: 'data-table hz-table', 'data-testid': 'hazard-list' },
    h('thead', {}, h('tr', {}, HAZARD_COLUMNS.map((key) => h('th', {}, tr(key))))), rows);
  const paged = createPagedList<Hazard>(rows, (cursor) => hazardPage(filters, cursor), (item) => hazardRow(item, sectors));
  const mapHost = h('div', { class: 'hz-map', 'data-testid': 'hazard-map' });
  const mapStatus = h('p', { class: 'muted hz-map-status', 'data-testid': 'hazard-map-status' });
  outlet.append(h('section', { class: 'page hz-page hazards-page', 'data-testid': 'hazards-page' },
    tr('hazards.title', undefined, 'h1'), tabsHost, toolbar,
    h('div', { class: 'hz-list-layout' },
      h('section', { class: 'card hz-map-card' }, tr('hazards.mapTitle', undefined, 'h2'), mapHost, mapStatus),
      h('section', { class: 'card hz-list-card' }, counts, h('div', { class: 'table-scroll' }, table), paged.footer))));

  const loadCounts = async (): Promise<void> => {
    try {
      const c = await hazardCounts(filters);
      bindText(counts, 'hazards.counts', { total: c.total ?? 0, overdue: c.overdue ?? 0 });
    } catch {
      counts.textContent = '';
    }
  };
  const loadMap = async (): Promise<void> => {
    if (!hazardsMap) return;
    const mine = ++mapGeneration;
    try {
      const page = await listHazards(filters, null, MAP_LIMIT);
      if (mine !== mapGeneration || left) return;
      hazardsMap.setHazards(page.items);
      bindText(mapStatus, page.next_cursor ? 'hazards.mapTruncated' : 'hazards.mapCount',
        { count: page.items.length });
      mapStatus.className = 'muted hz-map-status';
    } catch (err) {
      if (mine !== mapGeneration) return;
      bindText(mapStatus, 'hazards.mapFailed', { detail: errorText(err) });
      mapStatus.className = 'message message-error';
    }
  };
  const reload = (): void => {
    history.replaceState(null, '', buildHash('hazards', filterQuery(filters)));
    tabsHost.replaceChildren(hazardTabs('list', filterQuery(filters)));
    void loadCounts();
    void paged.reload();
    void loadMap();
  };

  void (async () => {
    sectors = await api<Sector[]>('GET', '/api/v1/sectors').catch((): Sector[] => []);
    if (left) return;
    const bar = createHazardFilterBar(sectors, filters, (next: HazardFilters) => {
      filters = next;
      reload();
    });
    toolbar.replaceChildren(bar.element);
    void loadCounts();
    void paged.reload();
    try {
      const basemap = await loadBasemap();
      if (left) return;
      hazardsMap = createHazardsMap(mapHost, basemap);
      void loadMap();
    } catch (err) {
      bindText(mapStatus, 'hazards.mapFailed', { detail: errorText(err) });
      mapStatus.className = 'message message-error';
    }
  })();

  return () => {
    left = true;
    hazardsMap?.destroy();
  };
};
