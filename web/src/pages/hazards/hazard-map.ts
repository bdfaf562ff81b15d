// MapLibre maps of the hazard pages over our basemap: hazards as dots in their state's colour
// (overdue ones red) with popups, and a picker that places a marker where the user clicks.
// For tests: window.__citysafeMap, body[data-hazard-map-ready="1"] once the hazards have rendered,
// body[data-pick-map-ready="1"] once the picker can take clicks.
import { Marker, Popup, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import type { BasemapInfo, LonLat } from '../../api/types';
import { h, tr } from '../../dom';
import { buildHash } from '../../router';
import { BASEMAP_SOURCE } from '../map/basemap-style';
import { addBasemapLayers, createMap, exposeMap, whenRendered, type Basemap } from '../map/basemap-map';
import { createPointLayerMap } from '../map/point-layer';
import { hazardFeatures, OVERDUE_HEX, type HazardFeatureProperties } from './hazard-model';
import type { Hazard } from './hazard-types';
import { plainStateBadge } from './hazard-labels';

const HAZARD_SOURCE = 'hazards';
const HAZARD_LAYER = 'hazard-dots';

/** Where the picker starts when the basemap cannot be read (the public tip page before sign-in). */
export const FALLBACK_CENTER: [number, number] = [120.155, 30.315];

function fallbackInfo(): BasemapInfo {
  const [lon, lat] = FALLBACK_CENTER;
  return { source: '', features: 0, center: FALLBACK_CENTER, bbox: [lon - 0.04, lat - 0.03, lon + 0.04, lat + 0.03] };
}

export interface HazardsMap {
  map: MapLibreMap;
  setHazards(items: Hazard[]): void;
  destroy(): void;
}

function popupContent(p: HazardFeatureProperties): HTMLElement {
  return h('div', { class: 'hz-popup', 'data-testid': 'hazard-popup' },
    h('strong', {}, p.code), h('div', {}, p.title),
    h('div', {}, plainStateBadge(p.state), p.overdue ? h('span', { class: 'hz-flag hz-overdue' }, tr('hazard.overdueLegend')) : null),
    h('a', { href: buildHash(`hazards/${p.id}`) }, tr('hazards.open')));
}

export function createHazardsMap(container: HTMLElement, basemap: Basemap,
  options: { bounds?: [number, number, number, number]; compact?: boolean } = {}): HazardsMap {
  const points = createPointLayerMap<Hazard>(container, basemap, {
    source: HAZARD_SOURCE, readyKey: 'hazardMapReady', rewait: true, features: (items) => hazardFeatures([...items]),
    map: { compact: options.compact, bounds: options.bounds },
    layer: { id: HAZARD_LAYER,
      paint: {
        'circle-color': ['get', 'colour'],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 5, 16, 9],
        'circle-stroke-color': ['case', ['get', 'overdue'], OVERDUE_HEX, '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'overdue'], 3, 2],
        'circle-stroke-opacity': 0.9,
      } },
  });
  const { map } = points;
  map.on('click', HAZARD_LAYER, (e: MapLayerMouseEvent) => {
    const feature = e.features?.[0];
    if (!feature) return;
    new Popup({ maxWidth: '280px' }).setLngLat(e.lngLat)
      .setDOMContent(popupContent(feature.properties as unknown as HazardFeatureProperties)).addTo(map);
  });
  map.on('mouseenter', HAZARD_LAYER, () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', HAZARD_LAYER, () => { map.getCanvas().style.cursor = ''; });
  return { map, setHazards: (items) => points.setItems(items), destroy: () => points.destroy() };
}

/** Bounds of about ±400 m around a point, for the detail page's small map. */
export function boundsAround(at: LonLat, pad = 0.004): [number, number, number, number] {
  return [at.lon - pad, at.lat - pad, at.lon + pad, at.lat + pad];
}

export interface PickerMap {
  map: MapLibreMap;
  /** Places the marker (and centres the map when asked), as a click would. */
  setLocation(at: LonLat, centre?: boolean): void;
  destroy(): void;
}

/** A map where a click places the marker and reports the place. `basemap` null: background only. */
export function createPickerMap(container: HTMLElement, basemap: Basemap | null,
  onPick: (at: LonLat) => void): PickerMap {
  const map = createMap(container, basemap?.info ?? fallbackInfo(), { compact: true });
  const unexpose = exposeMap(map);
  let marker: Marker | null = null;
  delete document.body.dataset.pickMapReady;

  const place = (at: LonLat): void => {
    if (!marker) marker = new Marker({ color: '#c0392b' });
    marker.setLngLat([at.lon, at.lat]).addTo(map);
  };
  map.on('load', () => {
    if (basemap) addBasemapLayers(map, basemap.data);
    const ready = (): void => { document.body.dataset.pickMapReady = '1'; };
    if (basemap) whenRendered(map, [BASEMAP_SOURCE], ready);
    else ready();
  });
  map.getCanvas().style.cursor = 'crosshair';
  map.on('click', (e) => {
    const at = { lon: Number(e.lngLat.lng.toFixed(6)), lat: Number(e.lngLat.lat.toFixed(6)) };
    place(at);
    onPick(at);
  });
  return {
    map,
    setLocation(at, centre = true) {
      place(at);
      if (centre) map.easeTo({ center: [at.lon, at.lat], zoom: Math.max(map.getZoom(), 15) });
    },
    destroy() {
      marker?.remove();
      unexpose();
      delete document.body.dataset.pickMapReady;
    },
  };
}
