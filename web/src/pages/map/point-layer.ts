// A basemap map with one layer of circles from GeoJSON points (the hazard and sensor maps): the
// points given before the map has loaded wait for it, and body[data-<readyKey>="1"] tells the
// tests once the basemap and the points have rendered.
import type { FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_SOURCE } from './basemap-style';
import { addBasemapLayers, createMap, exposeMap, whenRendered, type Basemap } from './basemap-map';

export interface PointLayerMap<T> {
  map: MapLibreMap;
  setItems(items: Iterable<T>): void;
  destroy(): void;
}

export function createPointLayerMap<T>(container: HTMLElement, basemap: Basemap, options: {
  source: string;
  layer: Omit<CircleLayerSpecification, 'type' | 'source'>;
  features(items: Iterable<T>): FeatureCollection<Point>;
  /** The body dataset key set to '1' once rendered, e.g. 'sensorMapReady'. */
  readyKey: string;
  /** Whether every update waits for its render again (else only the first does). */
  rewait?: boolean;
  map?: Parameters<typeof createMap>[2];
}): PointLayerMap<T> {
  const map = createMap(container, basemap.info, options.map);
  const unexpose = exposeMap(map);
  const ready = document.body.dataset;
  let pending: T[] | null = null;
  let loaded = false;
  let stopWaiting: (() => void) | null = null;
  delete ready[options.readyKey];

  const apply = (items: Iterable<T>): void => {
    (map.getSource(options.source) as GeoJSONSource).setData(options.features(items));
    if (options.rewait) delete ready[options.readyKey];
    else if (ready[options.readyKey] === '1') return;
    stopWaiting?.();
    stopWaiting = whenRendered(map, [BASEMAP_SOURCE, options.source], () => { ready[options.readyKey] = '1'; });
  };
  map.on('load', () => {
    addBasemapLayers(map, basemap.data);
    map.addSource(options.source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ ...options.layer, type: 'circle', source: options.source });
    loaded = true;
    apply(pending ?? []);
    pending = null;
  });
  return {
    map,
    setItems(items) {
      if (loaded) apply(items);
      else pending = [...items];
    },
    destroy() {
      stopWaiting?.();
      unexpose();
      delete ready[options.readyKey];
    },
  };
}
