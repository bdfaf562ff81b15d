// Aggregated views of the risk map: counts by colour per street (GET /risk/aggregate?by=area, a
// table, a chart and, where the street has a boundary, a fill) and per grid cell
// (?by=grid&cell=N, a fill coloured by each cell's worst colour).
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { api, withQuery } from '../../api/client';
import { COLOURS, type AreaAggregate, type GridCellProperties } from '../../api/risk-types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { swatch } from './risk-labels';
import { AREA_LAYER, AREA_OUTLINE_LAYER, AREA_SOURCE, GRID_LAYER, GRID_SOURCE, setLayersVisible } from './risk-layers';
import { filterQuery, fullCounts, gridCell, worstColour, type RiskFilters } from './risk-model';
import { attachCellPopups } from './risk-popup';

export type ViewMode = 'points' | 'area' | 'grid';
export const VIEW_MODES: ViewMode[] = ['points', 'area', 'grid'];
export const CELL_SIZES = [250, 500, 1000];

export interface Aggregation {
  element: HTMLElement;
  show(mode: ViewMode, filters: RiskFilters, cell: number): Promise<void>;
  destroy(): void;
}

/** Grid cells with the flat `_worst` and count properties the fill layer and popups read. */
export function normaliseGrid(collection: FeatureCollection<Geometry, GridCellProperties>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature): Feature => {
      const { counts, worst, total } = gridCell(feature.properties ?? { total: 0 });
      return { ...feature, properties: { ...counts, total, _worst: worst ?? '' } };
    }),
  };
}

export function areaFeatures(items: AreaAggregate[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.filter((item) => item.geometry).map((item): Feature => {
      const counts = fullCounts(item.counts);
      return { type: 'Feature', geometry: item.geometry as Geometry,
        properties: { ...counts, total: item.total, name: item.name, org_id: item.org_id, _worst: worstColour(counts) ?? '' } };
    }),
  };
}

function areaTable(items: AreaAggregate[], onPick: (item: AreaAggregate) => void): HTMLElement {
  const sorted = [...items].sort((a, b) => b.total - a.total);
  return h('table', { class: 'data-table compact', 'data-testid': 'area-table' },
    h('thead', {}, h('tr', {}, h('th', {}, tr('riskMap.street')),
      COLOURS.map((c) => h('th', { class: 'num' }, swatch(c))), h('th', { class: 'num' }, tr('risk.total')))),
    h('tbody', {}, sorted.map((item) => {
      const counts = fullCounts(item.counts);
      const name = h('button', { type: 'button', class: 'link-button' }, item.name);
      name.addEventListener('click', () => onPick(item));
      return h('tr', { 'data-org-id': String(item.org_id) }, h('td', {}, name),
        COLOURS.map((c) => h('td', { class: 'num' }, String(counts[c]))), h('td', { class: 'num' }, String(item.total)));
    })));
}

export function createAggregation(map: MapLibreMap, onPickArea: (item: AreaAggregate) => void): Aggregation {
  const body = h('div', { class: 'aggregate-body' });
  const element = h('section', { class: 'side-section', 'data-testid': 'aggregate-panel', hidden: true }, body);
  let generation = 0;
  let unmountChart: (() => void) | null = null;
  attachCellPopups(map, GRID_LAYER, () => tr('riskMap.gridCell', undefined, 'strong'));
  attachCellPopups(map, AREA_LAYER, (props) => h('strong', {}, String(props.name ?? '')));

  const reset = (): void => {
    unmountChart?.();
    unmountChart = null;
    body.replaceChildren();
  };

  const showArea = async (filters: RiskFilters, mine: number): Promise<void> => {
    const answer = await api<AreaAggregate[] | { items: AreaAggregate[] }>('GET',
      withQuery('/api/v1/risk/aggregate', { by: 'area', ...filterQuery(filters) }));
    if (mine !== generation) return;
    const items = Array.isArray(answer) ? answer : answer.items;
    (map.getSource(AREA_SOURCE) as GeoJSONSource | undefined)?.setData(areaFeatures(items));
    setLayersVisible(map, [AREA_LAYER, AREA_OUTLINE_LAYER], true);
    const chartHost = h('div', { class: 'area-chart', 'data-testid': 'area-chart',
      style: `height:${Math.max(120, items.length * 24 + 40)}px` });
    body.replaceChildren(tr('riskMap.byArea', undefined, 'h2'), chartHost, areaTable(items, onPickArea));
    const { mountAreaChart } = await import('./area-chart');
    if (mine === generation) unmountChart = mountAreaChart(chartHost, items);
  };

  const showGrid = async (filters: RiskFilters, cell: number, mine: number): Promise<void> => {
    const answer = await api<FeatureCollection<Geometry, GridCellProperties>>('GET',
      withQuery('/api/v1/risk/aggregate', { by: 'grid', cell, ...filterQuery(filters) }));
    if (mine !== generation) return;
    const cells = normaliseGrid(answer);
    (map.getSource(GRID_SOURCE) as GeoJSONSource | undefined)?.setData(cells);
    setLayersVisible(map, [GRID_LAYER], true);
    body.replaceChildren(tr('riskMap.byGrid', { size: cell }, 'h2'),
      tr('riskMap.gridSummary', { cells: cells.features.length }, 'p'));
  };

  return {
    element,
    async show(mode, filters, cell) {
      const mine = ++generation;
      reset();
      setLayersVisible(map, [GRID_LAYER, AREA_LAYER, AREA_OUTLINE_LAYER], false);
      element.hidden = mode === 'points';
      if (mode === 'points') return;
      body.append(h('p', { class: 'muted' }, tr('app.loading')));
      try {
        if (mode === 'area') await showArea(filters, mine);
        else await showGrid(filters, cell, mine);
      } catch (err) {
        if (mine === generation) body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      }
    },
    destroy() {
      generation++;
      reset();
    },
  };
}
