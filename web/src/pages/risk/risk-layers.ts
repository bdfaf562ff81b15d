// MapLibre sources and layers of the four-colour risk map. Points go to a clustered source (each
// cluster carries its count per colour and is drawn in its worst colour); lines and polygons go to
// an unclustered one, since clustering only applies to points. No glyphs are available offline, so
// nothing here uses text: cluster counts are HTML markers (cluster-markers.ts).
import type {
  ExpressionSpecification, GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification, Map as MapLibreMap,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { COLOURS, type RiskMapCollection, type RiskMapProperties } from '../../api/risk-types';
import { COLOUR_HEX, NO_COLOUR_HEX } from './risk-model';

export const POINT_SOURCE = 'risk-points';
export const SHAPE_SOURCE = 'risk-shapes';
export const GRID_SOURCE = 'risk-grid';
export const AREA_SOURCE = 'risk-area';

export const CLUSTER_LAYER = 'risk-clusters';
export const POINT_LAYER = 'risk-point';
export const LINE_LAYER = 'risk-line';
export const POLYGON_LAYER = 'risk-polygon';
export const POLYGON_OUTLINE_LAYER = 'risk-polygon-outline';
export const GRID_LAYER = 'risk-grid-fill';
export const AREA_LAYER = 'risk-area-fill';
export const AREA_OUTLINE_LAYER = 'risk-area-outline';

/** Layers a user clicks for a risk point's popup. */
export const FEATURE_LAYERS = [POINT_LAYER, LINE_LAYER, POLYGON_LAYER] as const;
/** Every layer that draws risk points (for tests and visibility). */
export const RISK_LAYERS = [POLYGON_LAYER, POLYGON_OUTLINE_LAYER, LINE_LAYER, CLUSTER_LAYER, POINT_LAYER] as const;

export const CLUSTER_MAX_ZOOM = 14;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const colourExpression: ExpressionSpecification = ['match', ['get', 'colour'],
  'red', COLOUR_HEX.red, 'orange', COLOUR_HEX.orange, 'yellow', COLOUR_HEX.yellow, 'blue', COLOUR_HEX.blue,
  NO_COLOUR_HEX];

/** A cluster's colour is the worst colour among its points. */
const clusterColour: ExpressionSpecification = ['case',
  ['>', ['get', 'red'], 0], COLOUR_HEX.red,
  ['>', ['get', 'orange'], 0], COLOUR_HEX.orange,
  ['>', ['get', 'yellow'], 0], COLOUR_HEX.yellow,
  ['>', ['get', 'blue'], 0], COLOUR_HEX.blue,
  NO_COLOUR_HEX];

/** Worst-colour expression for aggregate cells (a `worst` property, or the counts). */
const cellColour: ExpressionSpecification = ['match', ['get', '_worst'],
  'red', COLOUR_HEX.red, 'orange', COLOUR_HEX.orange, 'yellow', COLOUR_HEX.yellow, 'blue', COLOUR_HEX.blue,
  NO_COLOUR_HEX];

export function pointSourceSpec(cluster: boolean): GeoJSONSourceSpecification {
  return {
    type: 'geojson', data: EMPTY, promoteId: 'id',
    cluster, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: 44,
    clusterProperties: Object.fromEntries(COLOURS.map((colour) =>
      [colour, ['+', ['case', ['==', ['get', 'colour'], colour], 1, 0]]])),
  };
}

export function riskLayers(): LayerSpecification[] {
  return [
    { id: POLYGON_LAYER, type: 'fill', source: SHAPE_SOURCE,
      filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
      paint: { 'fill-color': colourExpression, 'fill-opacity': 0.35 } },
    { id: POLYGON_OUTLINE_LAYER, type: 'line', source: SHAPE_SOURCE,
      filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
      paint: { 'line-color': colourExpression, 'line-width': 2 } },
    { id: LINE_LAYER, type: 'line', source: SHAPE_SOURCE,
      filter: ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colourExpression,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 16, 6] } },
    { id: CLUSTER_LAYER, type: 'circle', source: POINT_SOURCE, filter: ['has', 'point_count'],
      paint: {
        'circle-color': clusterColour, 'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 25, 21, 50, 26, 100, 31],
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
      } },
    { id: POINT_LAYER, type: 'circle', source: POINT_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': colourExpression,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 4.5, 16, 8],
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
      } },
  ];
}

export function aggregateLayers(): LayerSpecification[] {
  return [
    { id: GRID_LAYER, type: 'fill', source: GRID_SOURCE, layout: { visibility: 'none' },
      paint: { 'fill-color': cellColour, 'fill-opacity': 0.45, 'fill-outline-color': '#ffffff' } },
    { id: AREA_LAYER, type: 'fill', source: AREA_SOURCE, layout: { visibility: 'none' },
      paint: { 'fill-color': cellColour, 'fill-opacity': 0.15 } },
    { id: AREA_OUTLINE_LAYER, type: 'line', source: AREA_SOURCE, layout: { visibility: 'none' },
      paint: { 'line-color': '#3d4852', 'line-width': 2, 'line-dasharray': [4, 2] } },
  ];
}

/** Adds the empty risk sources and their layers above the basemap. */
export function addRiskLayers(map: MapLibreMap, cluster: boolean): void {
  map.addSource(GRID_SOURCE, { type: 'geojson', data: EMPTY });
  map.addSource(AREA_SOURCE, { type: 'geojson', data: EMPTY });
  aggregateLayers().forEach((layer) => map.addLayer(layer));
  map.addSource(SHAPE_SOURCE, { type: 'geojson', data: EMPTY, promoteId: 'id' });
  map.addSource(POINT_SOURCE, pointSourceSpec(cluster));
  riskLayers().forEach((layer) => map.addLayer(layer));
}

export function splitByGeometry(collection: RiskMapCollection): { points: RiskMapCollection; shapes: RiskMapCollection } {
  const points: Feature<Geometry, RiskMapProperties>[] = [];
  const shapes: Feature<Geometry, RiskMapProperties>[] = [];
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const geometry = feature.geometry;
    if (geometry.type === 'Point') points.push(feature);
    else if (geometry.type === 'MultiPoint') {
      for (const coordinates of geometry.coordinates) points.push({ ...feature, geometry: { type: 'Point', coordinates } });
    } else shapes.push(feature);
  }
  return { points: { type: 'FeatureCollection', features: points }, shapes: { type: 'FeatureCollection', features: shapes } };
}

export function setRiskData(map: MapLibreMap, collection: RiskMapCollection): void {
  const { points, shapes } = splitByGeometry(collection);
  (map.getSource(POINT_SOURCE) as GeoJSONSource | undefined)?.setData(points);
  (map.getSource(SHAPE_SOURCE) as GeoJSONSource | undefined)?.setData(shapes);
}

/** Clustering is fixed when a source is made, so switching it re-creates the point source. */
export function setClustering(map: MapLibreMap, cluster: boolean, points: RiskMapCollection): void {
  for (const layer of [CLUSTER_LAYER, POINT_LAYER]) if (map.getLayer(layer)) map.removeLayer(layer);
  if (map.getSource(POINT_SOURCE)) map.removeSource(POINT_SOURCE);
  map.addSource(POINT_SOURCE, { ...pointSourceSpec(cluster), data: points });
  riskLayers().filter((l) => l.id === CLUSTER_LAYER || l.id === POINT_LAYER).forEach((layer) => map.addLayer(layer));
}

export function setLayersVisible(map: MapLibreMap, layers: readonly string[], visible: boolean): void {
  for (const layer of layers) {
    if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
  }
}
