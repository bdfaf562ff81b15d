// #/basemap: our own basemap drawn by MapLibre GL, road names in a popup and a side list, and the
// basemap's composition. (The risk map at #/map draws the same basemap under the risk layers.)
// For tests the map is exposed as window.__citysafeMap and body[data-map-ready="1"] is set once
// the basemap source has loaded and rendered.
import { LngLatBounds, Popup, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { errorText } from '../../components/errors';
import { enumLabel, h, tr } from '../../dom';
import { t } from '../../i18n';
import type { PageRenderer } from '../page';
import { BASEMAP_SOURCE, ROAD_HIGHLIGHT_LAYER, ROAD_LAYER_IDS, roadClassKey } from './basemap-style';
import {
  addBasemapLayers, createMap, exposeMap, loadBasemap, mapFrame, showLoadFailed, whenRendered, type Basemap,
} from './basemap-map';
import { createRoadList } from './road-list';
import { countByLayer, summariseRoads, type RoadEntry } from './road-summary';

export const renderMapPage: PageRenderer = (outlet) => {
  delete document.body.dataset.mapReady;
  const { canvas, side, status } = mapFrame(outlet, 'basemap.title', 'basemap-status');

  const cleanups: (() => void)[] = [];
  let left = false;
  void showBasemap(canvas, side, status, cleanups, () => left);

  return () => {
    left = true;
    cleanups.forEach((fn) => fn());
    delete document.body.dataset.mapReady;
  };
};

async function showBasemap(canvas: HTMLElement, side: HTMLElement, status: HTMLElement,
  cleanups: (() => void)[], hasLeft: () => boolean): Promise<void> {
  let basemap: Basemap;
  try {
    basemap = await loadBasemap();
  } catch (err) {
    showLoadFailed(status, 'map.loadFailed', errorText(err));
    return;
  }
  if (hasLeft()) return;
  const { info, data } = basemap;
  status.replaceChildren(tr('map.source', { source: info.source, count: data.features.length }));

  let map: MapLibreMap;
  try {
    map = createMap(canvas, info);
  } catch (err) {
    showLoadFailed(status, 'map.loadFailed', String(err));
    return;
  }
  cleanups.push(exposeMap(map));
  map.on('load', () => {
    addBasemapLayers(map, data);
    whenRendered(map, [BASEMAP_SOURCE], () => { document.body.dataset.mapReady = '1'; });
  });
  attachRoadPopups(map);

  const roads = summariseRoads(data);
  side.append(createRoadList(roads, (entry) => focusRoad(map, entry)));
  const chartHost = h('div', { class: 'composition-chart', 'data-testid': 'composition-chart' });
  side.append(h('section', { class: 'side-section' }, tr('map.composition', undefined, 'h2'), chartHost));
  const { mountCompositionChart } = await import('./composition-chart');
  if (!hasLeft()) cleanups.push(mountCompositionChart(chartHost, countByLayer(data)));
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
