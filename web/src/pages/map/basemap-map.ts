// The MapLibre map over our own basemap, shared by the risk map, the basemap page and the small
// map of the risk-point detail: creation with controls, loading the basemap GeoJSON, readiness.
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { api } from '../../api/client';
import type { BasemapInfo } from '../../api/types';
import { h, tr } from '../../dom';
import type { MessageKey } from '../../i18n';
import { BASEMAP_SOURCE, baseStyle, basemapLayers } from './basemap-style';
import type { BasemapCollection } from './road-summary';

setWorkerUrl(workerUrl);

/** A map page's frame in `outlet`: the canvas beside a side panel with a title and a status line. */
export function mapFrame(outlet: HTMLElement, title: MessageKey, statusTestId: string, extraClass = ''):
  { canvas: HTMLElement; side: HTMLElement; status: HTMLElement } {
  const canvas = h('div', { class: 'map-canvas', 'data-testid': 'map' });
  const status = h('p', { class: 'muted', 'data-testid': statusTestId }, tr('app.loading'));
  const side = h('aside', { class: `map-side${extraClass ? ` ${extraClass}-side` : ''}` }, tr(title, undefined, 'h1'), status);
  outlet.append(h('div', { class: `map-page${extraClass ? ` ${extraClass}-map-page` : ''}` }, canvas, side));
  return { canvas, side, status };
}

/** The status line says why the map (or its data) did not load. */
export function showLoadFailed(status: HTMLElement, key: MessageKey, detail: string): void {
  status.replaceChildren(tr(key, { detail }));
  status.className = 'message message-error';
}

export const ATTRIBUTION = '© OpenStreetMap contributors';

declare global {
  interface Window { __citysafeMap?: MapLibreMap }
}

export interface Basemap {
  info: BasemapInfo;
  data: BasemapCollection;
}

export async function loadBasemap(): Promise<Basemap> {
  const [info, data] = await Promise.all([
    api<BasemapInfo>('GET', '/api/v1/basemap/info'),
    api<BasemapCollection>('GET', '/api/v1/basemap'),
  ]);
  return { info, data };
}

export function createMap(container: HTMLElement, info: BasemapInfo,
  options: { compact?: boolean; bounds?: [number, number, number, number] } = {}): MapLibreMap {
  const [minLon, minLat, maxLon, maxLat] = options.bounds ?? info.bbox;
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    center: info.center,
    bounds: [[minLon, minLat], [maxLon, maxLat]],
    fitBoundsOptions: { padding: options.compact ? 30 : 20, maxZoom: 17 },
    attributionControl: false,
    maxZoom: 19,
  });
  map.addControl(new AttributionControl({ compact: Boolean(options.compact), customAttribution: ATTRIBUTION }),
    'bottom-right');
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  if (!options.compact) map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}

export function addBasemapLayers(map: MapLibreMap, data: BasemapCollection): void {
  map.addSource(BASEMAP_SOURCE, { type: 'geojson', data });
  basemapLayers().forEach((layer) => map.addLayer(layer));
}

/** Calls `done` once, at the first idle after the given sources have all loaded. */
export function whenRendered(map: MapLibreMap, sources: string[], done: () => void): () => void {
  const onIdle = (): void => {
    if (!sources.every((id) => map.getSource(id) && map.isSourceLoaded(id))) return;
    map.off('idle', onIdle);
    done();
  };
  map.on('idle', onIdle);
  // An idle may already have passed; a repaint makes sure another comes.
  map.triggerRepaint();
  return () => map.off('idle', onIdle);
}

/** Publishes the map for tests; returns the cleanup that removes it. */
export function exposeMap(map: MapLibreMap): () => void {
  window.__citysafeMap = map;
  return () => {
    map.remove();
    if (window.__citysafeMap === map) delete window.__citysafeMap;
  };
}
