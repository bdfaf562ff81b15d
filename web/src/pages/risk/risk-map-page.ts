// #/map (the default page): the four-colour risk map over our basemap, with filters, a legend
// with counts in view, clustering, popups, and per-street or per-grid-cell aggregation.
// Risk points are fetched for the viewport (padded) from GET /api/v1/risk/map?bbox=…; the map
// refetches when the view leaves the loaded area or a filter changes.
// For tests: window.__citysafeMap, body[data-map-ready="1"] once the basemap has rendered and
// body[data-risk-ready="1"] once the risk layer has rendered the latest data.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { api, withQuery } from '../../api/client';
import type { AreaAggregate, RiskMapCollection } from '../../api/risk-types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindText, type MessageKey } from '../../i18n';
import { BASEMAP_SOURCE } from '../map/basemap-style';
import {
  addBasemapLayers, createMap, exposeMap, loadBasemap, mapFrame, showLoadFailed, whenRendered, type Basemap,
} from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { attachClusterMarkers } from './cluster-markers';
import { CELL_SIZES, VIEW_MODES, createAggregation, type ViewMode } from './risk-aggregate';
import { createFilterBar } from './risk-filters';
import { loadRefData, type RefData } from './risk-labels';
import {
  POINT_SOURCE, RISK_LAYERS, SHAPE_SOURCE, addRiskLayers, setClustering, setLayersVisible, setRiskData,
  splitByGeometry,
} from './risk-layers';
import { createLegend } from './risk-legend';
import { coordinateBounds, countColours, filterQuery, filtersFromQuery, isColour, type RiskFilters } from './risk-model';
import { attachRiskPopups } from './risk-popup';
import { bboxCovers, boundsOf, featureInView, paddedBbox, type Bbox } from './viewport';

/** Below this zoom the view spans a whole region: points are not fetched, aggregates still work. */
const MIN_POINT_ZOOM = 10;

export const renderRiskMapPage: PageRenderer = (outlet, route) => {
  delete document.body.dataset.mapReady;
  delete document.body.dataset.riskReady;
  const { canvas, side, status } = mapFrame(outlet, 'map.title', 'risk-status', 'risk');

  const cleanups: (() => void)[] = [];
  let left = false;
  void (async () => {
    let basemap: Basemap;
    let ref: RefData;
    try {
      [basemap, ref] = await Promise.all([loadBasemap(), loadRefData()]);
    } catch (err) {
      showLoadFailed(status, 'map.loadFailed', errorText(err));
      return;
    }
    if (left) return;
    try {
      startRiskMap(canvas, side, status, basemap, ref, filtersFromQuery(route.query), cleanups);
    } catch (err) {
      showLoadFailed(status, 'map.loadFailed', String(err));
    }
  })();

  return () => {
    left = true;
    cleanups.forEach((fn) => fn());
    delete document.body.dataset.mapReady;
    delete document.body.dataset.riskReady;
  };
};

function segmented<T extends string>(name: string, values: readonly T[], current: T, label: (v: T) => MessageKey,
  onPick: (value: T) => void): HTMLElement {
  const buttons = values.map((value) => {
    const button = h('button', { type: 'button', 'data-value': value, 'data-testid': `${name}-${value}`,
      class: value === current ? 'active' : '' });
    bindText(button, label(value));
    button.addEventListener('click', () => {
      buttons.forEach((b) => b.classList.toggle('active', b === button));
      onPick(value);
    });
    return button;
  });
  return h('div', { class: 'segmented', role: 'group' }, buttons);
}

function startRiskMap(canvas: HTMLElement, side: HTMLElement, status: HTMLElement, basemap: Basemap, ref: RefData,
  initial: RiskFilters, cleanups: (() => void)[]): void {
  const map: MapLibreMap = createMap(canvas, basemap.info);
  cleanups.push(exposeMap(map));
  let filters = initial;
  let mode: ViewMode = 'points';
  let cluster = true;
  let cell = 500;
  let data: RiskMapCollection = { type: 'FeatureCollection', features: [] };
  let bounds: (Bbox | null)[] = [];
  let loaded: Bbox | null = null;
  let zoomedOut = false;
  let generation = 0;
  let timer: number | undefined;
  let stopWaiting: (() => void) | null = null;

  const legend = createLegend((colour) => {
    filters = { ...filters, colour: filters.colour === colour ? '' : colour };
    filterBar.element.querySelector<HTMLSelectElement>('select[name="colour"]')!.value = filters.colour;
    refresh();
  });
  const filterBar = createFilterBar(ref, filters, (next) => {
    filters = next;
    refresh();
  }, { compact: true });
  const aggregation = createAggregation(map, (item: AreaAggregate) => focusArea(item));
  const markers = attachClusterMarkers(map);
  cleanups.push(() => {
    window.clearTimeout(timer);
    stopWaiting?.();
    markers.destroy();
    aggregation.destroy();
  });

  const updateCounts = (): void => {
    const view = boundsOf(map);
    const colours = data.features.filter((_, i) => featureInView(bounds[i], view))
      .map((f) => (isColour(f.properties?.colour) ? f.properties.colour : null));
    legend.update(countColours(colours), filters.colour, colours.filter((c) => c === null).length);
  };

  const signalRendered = (mine: number): void => {
    stopWaiting?.();
    stopWaiting = whenRendered(map, [POINT_SOURCE, SHAPE_SOURCE], () => {
      if (mine === generation) document.body.dataset.riskReady = '1';
    });
  };
  const fetchRisk = async (): Promise<void> => {
    const mine = ++generation;
    delete document.body.dataset.riskReady;
    zoomedOut = map.getZoom() < MIN_POINT_ZOOM;
    if (zoomedOut) {
      data = { type: 'FeatureCollection', features: [] };
      bounds = [];
      loaded = null;
      setRiskData(map, data);
      bindText(status, 'riskMap.zoomIn');
      status.className = 'muted';
      updateCounts();
      signalRendered(mine);
      return;
    }
    const bbox = paddedBbox(boundsOf(map));
    try {
      const answer = await api<RiskMapCollection>('GET', withQuery('/api/v1/risk/map',
        { bbox: bbox.map((v) => v.toFixed(6)).join(','), ...filterQuery(filters) }));
      if (mine !== generation) return;
      data = answer;
      bounds = data.features.map((f) => (f.geometry && 'coordinates' in f.geometry ? coordinateBounds(f.geometry.coordinates) : null));
      loaded = bbox;
      setRiskData(map, data);
      bindText(status, 'riskMap.loaded', { count: data.features.length });
      status.className = 'muted';
      updateCounts();
      signalRendered(mine);
    } catch (err) {
      if (mine !== generation) return;
      showLoadFailed(status, 'riskMap.loadFailed', errorText(err));
    }
  };
  /** Refetches after a short pause; readiness is withdrawn at once so tests wait for the new data. */
  const scheduleFetch = (): void => {
    delete document.body.dataset.riskReady;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void fetchRisk(), 150);
  };
  const refresh = (): void => {
    scheduleFetch();
    void aggregation.show(mode, filters, cell);
  };

  const focusArea = (item: AreaAggregate): void => {
    const b = item.geometry && 'coordinates' in item.geometry ? coordinateBounds(item.geometry.coordinates) : null;
    if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: 16 });
    filters = { ...filters, org_id: String(item.org_id) };
    const select = filterBar.element.querySelector<HTMLSelectElement>('select[name="org_id"]')!;
    select.value = filters.org_id;
    if (select.value !== filters.org_id) select.append(h('option', { value: filters.org_id, selected: true }, item.name));
    refresh();
  };

  const applyMode = (): void => {
    setLayersVisible(map, RISK_LAYERS, mode !== 'grid');
    markers.setVisible(mode !== 'grid' && cluster);
    void aggregation.show(mode, filters, cell);
  };

  const clusterBox = h('input', { type: 'checkbox', checked: true, 'data-testid': 'cluster-toggle' });
  clusterBox.addEventListener('change', () => {
    cluster = clusterBox.checked;
    setClustering(map, cluster, splitByGeometry(data).points);
    setLayersVisible(map, RISK_LAYERS, mode !== 'grid');
    markers.setVisible(mode !== 'grid' && cluster);
    delete document.body.dataset.riskReady;
    stopWaiting?.();
    const mine = generation;
    stopWaiting = whenRendered(map, [POINT_SOURCE], () => {
      if (mine === generation) document.body.dataset.riskReady = '1';
    });
  });
  const cellSelect = h('select', { 'data-testid': 'grid-cell' },
    CELL_SIZES.map((size) => {
      const option = h('option', { value: String(size), selected: size === cell });
      bindText(option, 'riskMap.metres', { size });
      return option;
    }));
  cellSelect.addEventListener('change', () => {
    cell = Number(cellSelect.value);
    if (mode === 'grid') void aggregation.show(mode, filters, cell);
  });
  const fitDistrict = h('button', { type: 'button', 'data-testid': 'fit-district' }, tr('riskMap.fitDistrict'));
  fitDistrict.addEventListener('click', () => {
    const [a, b, c, d] = basemap.info.bbox;
    map.fitBounds([[a, b], [c, d]], { padding: 20 });
  });

  side.append(
    h('section', { class: 'side-section' },
      h('div', { class: 'control-row' }, tr('riskMap.view'),
        segmented('view', VIEW_MODES, mode, (m) => `riskMap.view.${m}` as MessageKey, (m) => {
          mode = m;
          applyMode();
        })),
      h('div', { class: 'control-row' },
        h('label', { class: 'check' }, clusterBox, tr('riskMap.cluster')),
        h('label', { class: 'inline' }, tr('riskMap.cellSize'), cellSelect)),
      fitDistrict),
    filterBar.element,
    legend.element,
    aggregation.element,
  );

  map.on('load', () => {
    addBasemapLayers(map, basemap.data);
    addRiskLayers(map, cluster);
    cleanups.push(attachRiskPopups(map, () => ref.sectors));
    whenRendered(map, [BASEMAP_SOURCE], () => { document.body.dataset.mapReady = '1'; });
    void fetchRisk();
  });
  map.on('moveend', () => {
    if (!map.getSource(POINT_SOURCE)) return;
    const current = map.getZoom() < MIN_POINT_ZOOM ? zoomedOut : loaded !== null && bboxCovers(loaded, boundsOf(map));
    if (current) updateCounts();
    else scheduleFetch();
  });
}
