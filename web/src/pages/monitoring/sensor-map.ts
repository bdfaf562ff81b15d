// The overview's MapLibre map of sensors over our basemap: circles in their state's colour (alarms
// drawn above the others, maintenance hollow), a popup on hover whose content the page keeps
// current, and a click that opens the sensor.
// For tests: window.__citysafeMap, body[data-sensor-map-ready="1"] once the sensors have rendered.
import type { Point } from 'geojson';
import { Popup, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import type { Basemap } from '../map/basemap-map';
import { createPointLayerMap } from '../map/point-layer';
import { MAINTENANCE_HEX, sensorFeatures, type SensorFeatureProperties } from './monitoring-model';
import type { Sensor } from './monitoring-types';

const SENSOR_SOURCE = 'sensors';
const SENSOR_LAYER = 'sensor-dots';

export interface SensorMap {
  map: MapLibreMap;
  /** Redraws from the sensors as they are now (cheap enough for every live batch). */
  setSensors(items: Iterable<Sensor>): void;
  /** Rebuilds the open popup's content (after new values). */
  refreshPopup(): void;
  /** The id of the sensor whose popup is open, or null. */
  popupSensor(): string | null;
  destroy(): void;
}

export function createSensorMap(container: HTMLElement, basemap: Basemap, options: {
  popupContent(id: string): HTMLElement;
  onOpen(id: string): void;
}): SensorMap {
  const points = createPointLayerMap<Sensor>(container, basemap, {
    source: SENSOR_SOURCE, readyKey: 'sensorMapReady', features: sensorFeatures,
    layer: { id: SENSOR_LAYER,
      layout: { 'circle-sort-key': ['get', 'rank'] },
      paint: {
        'circle-color': ['get', 'colour'],
        'circle-opacity': ['case', ['get', 'hollow'], 0, 0.95],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['case', ['>', ['get', 'rank'], 1], 6, 4],
          16, ['case', ['>', ['get', 'rank'], 1], 11, 8]],
        'circle-stroke-color': ['case', ['get', 'hollow'], MAINTENANCE_HEX, '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'hollow'], 2.5, 1.5],
      } },
  });
  const { map } = points;
  let popupId: string | null = null;
  const popup = new Popup({ closeButton: false, closeOnClick: false, maxWidth: '280px', offset: 10, className: 'mon-popup-frame' });
  const featureId = (e: MapLayerMouseEvent): string | null => {
    const props = e.features?.[0]?.properties as unknown as SensorFeatureProperties | undefined;
    return props ? String(props.id) : null;
  };
  map.on('mousemove', SENSOR_LAYER, (e: MapLayerMouseEvent) => {
    map.getCanvas().style.cursor = 'pointer';
    const id = featureId(e);
    if (!id) return;
    if (id !== popupId) {
      popupId = id;
      popup.setDOMContent(options.popupContent(id));
    }
    const [lon, lat] = (e.features![0].geometry as Point).coordinates;
    popup.setLngLat([lon, lat]).addTo(map);
  });
  map.on('mouseleave', SENSOR_LAYER, () => {
    map.getCanvas().style.cursor = '';
    popup.remove();
    popupId = null;
  });
  map.on('click', SENSOR_LAYER, (e: MapLayerMouseEvent) => {
    const id = featureId(e);
    if (id) options.onOpen(id);
  });

  return {
    map,
    setSensors: (items) => points.setItems(items),
    refreshPopup() {
      if (popupId) popup.setDOMContent(options.popupContent(popupId));
    },
    popupSensor: () => popupId,
    destroy() {
      popup.remove();
      points.destroy();
    },
  };
}
