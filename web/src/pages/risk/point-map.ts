// The small map of a risk point's page: the basemap, the point's geometry in its colour, and the
// exposure rings (500 m, 1 km, ...) with the vulnerable targets inside them.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Colour, Exposure } from '../../api/risk-types';
import type { BasemapInfo } from '../../api/types';
import { BASEMAP_SOURCE } from '../map/basemap-style';
import { addBasemapLayers, createMap, whenRendered } from '../map/basemap-map';
import type { BasemapCollection } from '../map/road-summary';
import { COLOUR_HEX, NO_COLOUR_HEX, circleRing, coordinateBounds } from './risk-model';

const GEOMETRY_SOURCE = 'point-geometry';
const RINGS_SOURCE = 'exposure-rings';
const TARGETS_SOURCE = 'exposure-targets';
const TARGET_COLOUR = '#7b3294';

export interface PointMap {
  map: MapLibreMap;
  showExposure(exposure: Exposure, targets: FeatureCollection): void;
  destroy(): void;
}

/** A representative position of a geometry: the point itself, else the middle of its bounds. */
export function anchorOf(geometry: Geometry): [number, number] | null {
  if (geometry.type === 'Point') return geometry.coordinates as [number, number];
  const b = 'coordinates' in geometry ? coordinateBounds(geometry.coordinates) : null;
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : null;
}

export function ringFeatures(center: [number, number], exposure: Exposure): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: exposure.radii.map((ring): Feature => ({
      type: 'Feature', properties: { radius_m: ring.radius_m, people: ring.people },
      geometry: { type: 'Polygon', coordinates: [circleRing(center, ring.radius_m)] },
    })),
  };
}

export function createPointMap(container: HTMLElement, info: BasemapInfo, basemap: BasemapCollection,
  geometry: Geometry, colour: Colour | null): PointMap {
  const center = anchorOf(geometry) ?? info.center;
  const b = 'coordinates' in geometry ? coordinateBounds(geometry.coordinates) : null;
  const pad = 0.004;
  const bounds: [number, number, number, number] = b
    ? [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]
    : [center[0] - pad, center[1] - pad, center[0] + pad, center[1] + pad];
  const map = createMap(container, info, { compact: true, bounds });
  const hex = colour ? COLOUR_HEX[colour] : NO_COLOUR_HEX;
  let pending: (() => void) | null = null;

  map.on('load', () => {
    addBasemapLayers(map, basemap);
    map.addSource(RINGS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource(TARGETS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource(GEOMETRY_SOURCE, { type: 'geojson',
      data: { type: 'Feature', properties: {}, geometry } });
    map.addLayer({ id: 'exposure-ring-fill', type: 'fill', source: RINGS_SOURCE,
      paint: { 'fill-color': TARGET_COLOUR, 'fill-opacity': 0.05 } });
    map.addLayer({ id: 'exposure-ring', type: 'line', source: RINGS_SOURCE,
      paint: { 'line-color': TARGET_COLOUR, 'line-width': 1.5, 'line-dasharray': [3, 2] } });
    map.addLayer({ id: 'point-fill', type: 'fill', source: GEOMETRY_SOURCE,
      filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
      paint: { 'fill-color': hex, 'fill-opacity': 0.4 } });
    map.addLayer({ id: 'point-line', type: 'line', source: GEOMETRY_SOURCE,
      filter: ['match', ['geometry-type'], ['Point', 'MultiPoint'], false, true],
      paint: { 'line-color': hex, 'line-width': 4 } });
    map.addLayer({ id: 'point-circle', type: 'circle', source: GEOMETRY_SOURCE,
      filter: ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false],
      paint: { 'circle-color': hex, 'circle-radius': 9, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
    map.addLayer({ id: 'exposure-targets', type: 'circle', source: TARGETS_SOURCE,
      paint: { 'circle-color': TARGET_COLOUR, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } });
    pending?.();
    whenRendered(map, [BASEMAP_SOURCE, GEOMETRY_SOURCE], () => { document.body.dataset.pointMapReady = '1'; });
  });

  return {
    map,
    showExposure(exposure, targets) {
      const apply = (): void => {
        (map.getSource(RINGS_SOURCE) as GeoJSONSource).setData(ringFeatures(center, exposure));
        (map.getSource(TARGETS_SOURCE) as GeoJSONSource).setData(targets);
        const largest = Math.max(0, ...exposure.radii.map((r) => r.radius_m));
        if (largest > 0) {
          const ring = circleRing(center, largest, 16);
          const rb = coordinateBounds(ring)!;
          map.fitBounds([[rb[0], rb[1]], [rb[2], rb[3]]], { padding: 16, duration: 0 });
        }
      };
      if (map.getSource(RINGS_SOURCE)) apply();
      else pending = apply;
    },
    destroy() {
      map.remove();
      delete document.body.dataset.pointMapReady;
    },
  };
}
