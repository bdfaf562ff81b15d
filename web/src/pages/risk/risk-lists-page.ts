// #/risk/lists/:list — the three lists (三张清单): orange-and-above risks, major hazard sources with
// their grade, vulnerable targets with their capacity. Filters, counts by colour, cursor paging and
// CSV/GeoJSON export (the same URL with format=csv|geojson, and crs=gcj02 for GCJ-02 coordinates).
import { getPage, withQuery } from '../../api/client';
import { COLOURS, RISK_LISTS, type RiskListName, type RiskListPage, type RiskPoint } from '../../api/risk-types';
import { createPagedList } from '../../components/paged-list';
import { enumLabel, formatTime, h, tr, type Child } from '../../dom';
import type { MessageKey } from '../../i18n';
import { buildHash } from '../../router';
import type { PageRenderer } from '../page';
import { createFilterBar } from './risk-filters';
import { colourBadge, kindLabel, loadRefData, orgName, sectorLabel, swatch, type RefData } from './risk-labels';
import {
  assessmentValue, capacityText, colourOf, filterQuery, filtersFromQuery, formatNumber, fullCounts, gradeKey, gradeOf, type RiskFilters,
} from './risk-model';

const VULNERABLE_KINDS = ['school', 'kindergarten', 'hospital', 'elderly_home', 'crowded_place', 'public_place'];

interface Column {
  label: MessageKey;
  cell(item: RiskPoint, ref: RefData): Child | Child[];
  numeric?: boolean;
}

const nameColumn: Column = { label: 'risk.name',
  cell: (item) => h('a', { href: buildHash(`risk/points/${item.id}`) }, item.name) };
const kindColumn: Column = { label: 'risk.kind', cell: (item) => kindLabel(item.kind) };
const sectorColumn: Column = { label: 'risk.sector', cell: (item, ref) => sectorLabel(item.sector, ref.sectors) };
const orgColumn: Column = { label: 'risk.org', cell: (item, ref) => orgName(item.org_id, ref.orgs) };
const colourColumn: Column = { label: 'risk.colourLevel', cell: (item) => colourBadge(colourOf(item), gradeOf(item)) };
/** For the hazard-source list, whose grade has a column of its own. */
const plainColourColumn: Column = { label: 'risk.colourLevel', cell: (item) => colourBadge(colourOf(item)) };
const latestColumn: Column = { label: 'risk.latest', cell: (item) => item.latest
  ? [enumLabel('risk.method', String(item.latest.method)), ' ', h('strong', {}, formatNumber(assessmentValue(item.latest)))]
  : h('span', { class: 'muted' }, tr('risk.noAssessment')) };
const timeColumn: Column = { label: 'risk.assessedAt', cell: (item) => h('span', { class: 'nowrap' }, formatTime(item.latest?.assessed_at)) };
const gradeColumn: Column = { label: 'risk.grade', cell: (item) => {
  const key = gradeKey(gradeOf(item));
  return key ? h('span', { class: 'grade-badge', 'data-testid': 'grade-badge' }, tr(key)) : '—';
} };
const capacityColumn: Column = { label: 'risk.capacity', numeric: true,
  cell: (item) => capacityText(item) };

export const LIST_COLUMNS: Record<RiskListName, Column[]> = {
  major_risks: [nameColumn, kindColumn, sectorColumn, orgColumn, colourColumn, latestColumn, timeColumn],
  major_hazard_sources: [nameColumn, sectorColumn, orgColumn, gradeColumn, plainColourColumn, latestColumn, timeColumn],
  vulnerable_targets: [nameColumn, kindColumn, sectorColumn, orgColumn, capacityColumn, colourColumn],
};

export function listName(value: string | undefined): RiskListName {
  return (RISK_LISTS as readonly string[]).includes(value ?? '') ? value as RiskListName : 'major_risks';
}

export type ExportCrs = 'wgs84' | 'gcj02';

/** WGS-84 is the server's default, so only GCJ-02 adds `crs`. */
export function exportUrl(list: RiskListName, filters: RiskFilters, format: 'csv' | 'geojson', crs: ExportCrs = 'wgs84'): string {
  return withQuery(`/api/v1/risk/lists/${list}`, { ...filterQuery(filters), format, crs: crs === 'gcj02' ? crs : undefined });
}

function crsSelect(initial: ExportCrs, onChange: (crs: ExportCrs) => void): HTMLElement {
  const select = h('select', { name: 'crs', 'data-testid': 'export-crs' },
    h('option', { value: 'wgs84' }, 'WGS-84'), h('option', { value: 'gcj02' }, 'GCJ-02'));
  select.value = initial;
  select.addEventListener('change', () => onChange(select.value === 'gcj02' ? 'gcj02' : 'wgs84'));
  return h('label', { class: 'crs-select' }, tr('lists.crs'), select);
}

function countChips(counts: RiskListPage['counts']): HTMLElement {
  const full = fullCounts(counts);
  const total = counts?.total ?? COLOURS.reduce((n, c) => n + full[c], 0);
  const unassessed = counts?.unassessed ?? 0;
  return h('div', { class: 'count-chips', 'data-testid': 'list-counts' },
    COLOURS.map((colour) => h('span', { class: 'count-chip', 'data-colour': colour },
      swatch(colour), tr(`risk.level.${colour}`), h('strong', { 'data-testid': `list-count-${colour}` }, String(full[colour])))),
    unassessed ? h('span', { class: 'count-chip' }, swatch(null), tr('risk.level.none'),
      h('strong', { 'data-testid': 'list-count-none' }, String(unassessed))) : null,
    h('span', { class: 'count-chip' }, tr('risk.total'), h('strong', { 'data-testid': 'list-count-total' }, String(total))));
}

export const renderRiskListsPage: PageRenderer = (outlet, route) => {
  const list = listName(route.segments[2]);
  let filters = filtersFromQuery(route.query);
  let crs: ExportCrs = route.query.get('crs') === 'gcj02' ? 'gcj02' : 'wgs84';
  const tabs = h('nav', { class: 'tabs', 'data-testid': 'list-tabs' }, RISK_LISTS.map((name) =>
    h('a', { href: buildHash(`risk/lists/${name}`), class: name === list ? 'active' : '', 'data-list': name },
      tr(`lists.${name}`))));
  const toolbar = h('div', { class: 'toolbar' }, tr('app.loading'));
  const counts = h('div');
  const exportLinks = h('span', { class: 'export-links' });
  const exports = h('div', { class: 'export-links' }, crsSelect(crs, (next) => {
    crs = next;
    writeHash();
    showExports();
  }), exportLinks);
  const rows = h('tbody');
  const columns = LIST_COLUMNS[list];
  const table = h('table', { class: 'data-table', 'data-testid': 'risk-list' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.numeric ? 'num' : '' }, tr(c.label))))), rows);
  const card = h('div', { class: 'card' }, h('div', { class: 'list-head' }, counts, exports), table);
  outlet.append(h('section', { class: 'page' }, tr('lists.title', undefined, 'h1'), tabs, toolbar, card));

  let ref: RefData = { sectors: [], orgs: [] };
  const paged = createPagedList<RiskPoint>(rows, async (cursor) => {
    const page = await getPage<RiskPoint>(`/api/v1/risk/lists/${list}`, filterQuery(filters), cursor) as RiskListPage;
    if (!cursor) counts.replaceChildren(countChips(page.counts));
    return page;
  }, (item) => h('tr', { 'data-id': String(item.id) },
    columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.cell(item, ref)))));
  card.append(paged.footer);

  const showExports = (): void => {
    exportLinks.replaceChildren(
      h('a', { class: 'button', href: exportUrl(list, filters, 'csv', crs), download: `${list}.csv`, 'data-testid': 'export-csv' },
        tr('lists.exportCsv')),
      h('a', { class: 'button', href: exportUrl(list, filters, 'geojson', crs), download: `${list}.geojson`,
        'data-testid': 'export-geojson' }, tr('lists.exportGeojson')));
  };
  const writeHash = (): void => {
    history.replaceState(null, '', buildHash(`risk/lists/${list}`,
      { ...filterQuery(filters), crs: crs === 'gcj02' ? crs : undefined }));
  };
  const reload = (): void => {
    writeHash();
    showExports();
    void paged.reload();
  };

  void (async () => {
    ref = await loadRefData();
    const bar = createFilterBar(ref, filters, (next) => {
      filters = next;
      reload();
    }, { kinds: list === 'vulnerable_targets' ? VULNERABLE_KINDS : undefined });
    toolbar.replaceChildren(bar.element);
    showExports();
    await paged.reload();
  })();
};
