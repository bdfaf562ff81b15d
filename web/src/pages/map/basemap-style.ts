// The MapLibre style for our own basemap: no remote tiles, glyphs or sprites, only the GeoJSON
// from /api/v1/basemap with properties {layer: road|building|water|landuse, class, name}.
import type {
  DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, StyleSpecification,
} from 'maplibre-gl';

export const BASEMAP_SOURCE = 'basemap';
export const ROAD_LAYER_IDS = ['road-minor', 'road-secondary', 'road-major'] as const;
export const ROAD_HIGHLIGHT_LAYER = 'road-highlight';

const MAJOR_CLASSES = ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link'];
const SECONDARY_CLASSES = ['secondary', 'secondary_link'];

/** Road classes from most to least important; used for ranking and legends. */
export const ROAD_CLASS_ORDER = [
  'motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'service',
];

export function roadClassKey(cls: string | null | undefined): string {
  const base = (cls ?? '').replace(/_link$/, '');
  return ROAD_CLASS_ORDER.includes(base) ? base : 'other';
}

const isLayer = (layer: string): ExpressionSpecification => ['==', ['get', 'layer'], layer];
const isPolygon: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isLine: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const roadClass: ExpressionSpecification = ['coalesce', ['get', 'class'], ''];

/** Relative width of a road class (1 = an ordinary city street). */
const classWidth: ExpressionSpecification = ['match', roadClass,
  ['motorway', 'trunk'], 1.7,
  'primary', 1.5,
  'secondary', 1.25,
  'tertiary', 1.0,
  ['residential', 'unclassified', 'living_street'], 0.8,
  ['motorway_link', 'trunk_link', 'primary_link', 'secondary_link', 'tertiary_link'], 0.8,
  'service', 0.55,
  ['footway', 'path', 'cycleway', 'pedestrian', 'steps', 'track'], 0.35,
  0.6];

/** Line width in pixels growing with zoom; `extra` widens it (for casings). */
function roadWidth(extra = 0): DataDrivenPropertyValueSpecification<number> {
  const at = (px: number): ExpressionSpecification => ['+', ['*', classWidth, px], extra];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 10, at(0.8), 13, at(2.5), 16, at(8), 19, at(26)];
}

const landuseColour: ExpressionSpecification = ['match', roadClass,
  ['park', 'garden', 'recreation_ground', 'playground', 'pitch'], '#c8e6b0',
  ['grass', 'meadow', 'village_green'], '#d3ecb8',
  ['forest', 'wood', 'scrub', 'nature_reserve', 'cemetery'], '#add19e',
  ['farmland', 'orchard', 'allotments'], '#e4edc4',
  'residential', '#e8e3dc',
  ['commercial', 'retail'], '#f1dedb',
  ['industrial', 'railway'], '#e8dde6',
  ['school', 'university', 'college', 'education', 'hospital'], '#f0e6cc',
  '#e6e2da'];

const roadColour: ExpressionSpecification = ['match', roadClass,
  ['motorway', 'motorway_link'], '#e07b39',
  ['trunk', 'trunk_link'], '#ec9450',
  ['primary', 'primary_link'], '#f5b160',
  ['secondary', 'secondary_link'], '#f7df86',
  '#ffffff'];

const roadLayout = { 'line-cap': 'round', 'line-join': 'round' } as const;

export function basemapLayers(): LayerSpecification[] {
  const road = isLayer('road');
  return [
    { id: 'landuse', type: 'fill', source: BASEMAP_SOURCE, filter: ['all', isLayer('landuse'), isPolygon],
      paint: { 'fill-color': landuseColour, 'fill-opacity': 0.9 } },
    { id: 'water-area', type: 'fill', source: BASEMAP_SOURCE, filter: ['all', isLayer('water'), isPolygon],
      paint: { 'fill-color': '#a9d3e3', 'fill-outline-color': '#8cc2d6' } },
    { id: 'water-line', type: 'line', source: BASEMAP_SOURCE, filter: ['all', isLayer('water'), isLine],
      layout: roadLayout,
      paint: { 'line-color': '#8cc2d6',
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 14, 3, 17, 8] } },
    { id: 'building', type: 'fill', source: BASEMAP_SOURCE, minzoom: 13,
      filter: ['all', isLayer('building'), isPolygon],
      paint: { 'fill-color': '#d6cfc7', 'fill-outline-color': '#bfb3a8',
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.4, 15, 1] } },
    { id: 'road-casing', type: 'line', source: BASEMAP_SOURCE, filter: ['all', road, isLine],
      layout: roadLayout, paint: { 'line-color': '#bdb6ab', 'line-width': roadWidth(1.5) } },
    { id: 'road-minor', type: 'line', source: BASEMAP_SOURCE,
      filter: ['all', road, isLine, ['!', ['in', roadClass, ['literal', [...MAJOR_CLASSES, ...SECONDARY_CLASSES]]]]],
      layout: roadLayout, paint: { 'line-color': roadColour, 'line-width': roadWidth() } },
    { id: 'road-secondary', type: 'line', source: BASEMAP_SOURCE,
      filter: ['all', road, isLine, ['in', roadClass, ['literal', SECONDARY_CLASSES]]],
      layout: roadLayout, paint: { 'line-color': roadColour, 'line-width': roadWidth() } },
    { id: 'road-major', type: 'line', source: BASEMAP_SOURCE,
      filter: ['all', road, isLine, ['in', roadClass, ['literal', MAJOR_CLASSES]]],
      layout: roadLayout, paint: { 'line-color': roadColour, 'line-width': roadWidth() } },
    { id: ROAD_HIGHLIGHT_LAYER, type: 'line', source: BASEMAP_SOURCE,
      filter: ['all', road, ['==', ['get', 'name'], '']],
      layout: roadLayout, paint: { 'line-color': '#d7263d', 'line-opacity': 0.75, 'line-width': roadWidth(2) } },
  ];
}

/** The starting style: only a background; the GeoJSON source and layers are added on 'load'. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } }],
  };
}
