// The risk map: our own basemap drawn by MapLibre GL, road names in a popup and a side list.
// For tests the map is exposed as window.__citysafeMap and body[data-map-ready="1"] is set once
// the basemap source has loaded and rendered.
import { AttributionControl, LngLatBounds, Map as MapLibreMap, NavigationControl, Popup, ScaleControl,
  setWorkerUrl, type MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { api } from '../../api/client';
import type { BasemapInfo } from '../../api/types';
import { errorText } from '../../components/errors';
import { enumLabel, h, tr } from '../../dom';
import { t } from '../../i18n';
import type { PageRenderer } from '../page';
import { BASEMAP_SOURCE, ROAD_HIGHLIGHT_LAYER, ROAD_LAYER_IDS, baseStyle, basemapLayers, roadClassKey } from './basemap-style';
import { createRoadList } from './road-list';
import { countByLayer, summariseRoads, type BasemapCollection, type RoadEntry } from './road-summary';

setWorkerUrl(workerUrl);

const ATTRIBUTION = '© OpenStreetMap contributors';

declare global {
  interface Window { __citysafeMap?: MapLibreMap }
}

export const renderMapPage: PageRenderer = (outlet) => {
  delete document.body.dataset.mapReady;
  const canvas = h('div', { class: 'map-canvas', 'data-testid': 'map' });
  const status = h('p', { class: 'muted', 'data-testid': 'basemap-status' }, tr('app.loading'));
  const side = h('aside', { class: 'map-side' }, tr('map.title', undefined, 'h1'), status);
  outlet.append(h('div', { class: 'map-page' }, canvas, side));

  const cleanups: (() => void)[] = [];
  let left = false;
  void loadBasemap(canvas, side, status, cleanups, () => left);

  return () => {
    left = true;
    cleanups.forEach((fn) => fn());
    delete document.body.dataset.mapReady;
  };
};

async function loadBasemap(canvas: HTMLElement, side: HTMLElement, status: HTMLElement,
  cleanups: (() => void)[], hasLeft: () => boolean): Promise<void> {
  let info: BasemapInfo;
  let data: BasemapCollection;
  try {
    [info, data] = await Promise.all([
      api<BasemapInfo>('GET', '/api/v1/basemap/info'),
      api<BasemapCollection>('GET', '/api/v1/basemap'),
    ]);
  } catch (err) {
    status.replaceChildren(tr('map.loadFailed', { detail: errorText(err) }));
    status.className = 'message message-error';
    return;
  }
  if (hasLeft()) return;
  status.replaceChildren(tr('map.source', { source: info.source, count: data.features.length }));

  let map: MapLibreMap;
  try {
    map = createMap(canvas, info);
  } catch (err) {
    status.replaceChildren(tr('map.loadFailed', { detail: String(err) }));
    status.className = 'message message-error';
    return;
  }
  window.__citysafeMap = map;
  cleanups.push(() => {
    map.remove();
    if (window.__citysafeMap === map) delete window.__citysafeMap;
  });

  map.on('load', () => {
    map.addSource(BASEMAP_SOURCE, { type: 'geojson', data });
    basemapLayers().forEach((layer) => map.addLayer(layer));
    signalReadyWhenRendered(map);
  });
  attachRoadPopups(map);

  const roads = summariseRoads(data);
  side.append(createRoadList(roads, (entry) => focusRoad(map, entry)));
  const chartHost = h('div', { class: 'composition-chart', 'data-testid': 'composition-chart' });
  side.append(h('section', { class: 'side-section' }, tr('map.composition', undefined, 'h2'), chartHost));
  const { mountCompositionChart } = await import('./composition-chart');
  if (!hasLeft()) cleanups.push(mountCompositionChart(chartHost, countByLayer(data)));
}

function createMap(container: HTMLElement, info: BasemapInfo): MapLibreMap {
  const [minLon, minLat, maxLon, maxLat] = info.bbox;
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    center: info.center,
    bounds: [[minLon, minLat], [maxLon, maxLat]],
    fitBoundsOptions: { padding: 20 },
    attributionControl: false,
    maxZoom: 19,
  });
  map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}

function signalReadyWhenRendered(map: MapLibreMap): void {
  const onIdle = (): void => {
    if (!map.getSource(BASEMAP_SOURCE) || !map.isSourceLoaded(BASEMAP_SOURCE)) return;
    map.off('idle', onIdle);
    document.body.dataset.mapReady = '1';
  };
  map.on('idle', onIdle);
}

function roadPopupContent(props: Record<string, unknown>): HTMLElement {
  const name = typeof props.name === 'string' && props.name ? props.name : t('map.unnamedRoad');
  const cls = typeof props.class === 'string' ? props.class : '';
  return h('div', { class: 'road-popup', 'data-testid': 'road-popup' },
    h('strong', {}, name), h('br'), enumLabel('map.roadClass', roadClassKey(cls)));
}

function attachRoadPopups(map: MapLibreMap): void {
  const hover = new Popup({ closeButton: false, closeOnClick: false, offset: 8, className: 'hover-popup' });
  const show = (popup: Popup, event: MapLayerMouseEvent): void => {
    const feature = event.features?.[0];
    if (feature) popup.setLngLat(event.lngLat).setDOMContent(roadPopupContent(feature.properties)).addTo(map);
  };
  for (const layer of ROAD_LAYER_IDS) {
    map.on('mousemove', layer, (event) => {
      map.getCanvas().style.cursor = 'pointer';
      show(hover, event);
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      hover.remove();
    });
    map.on('click', layer, (event) => {
      hover.remove();
      show(new Popup({ offset: 8 }), event);
    });
  }
}

function focusRoad(map: MapLibreMap, entry: RoadEntry): void {
  const [minLon, minLat, maxLon, maxLat] = entry.bounds;
  map.fitBounds(new LngLatBounds([minLon, minLat], [maxLon, maxLat]), { padding: 60, maxZoom: 17 });
  if (map.getLayer(ROAD_HIGHLIGHT_LAYER)) {
    map.setFilter(ROAD_HIGHLIGHT_LAYER, ['all', ['==', ['get', 'layer'], 'road'], ['==', ['get', 'name'], entry.name]]);
  }
}
