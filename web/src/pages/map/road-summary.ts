// Groups basemap road segments by name for the side list (the map cannot draw labels without glyphs).
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BasemapProperties } from '../../api/types';
import { ROAD_CLASS_ORDER, roadClassKey } from './basemap-style';

export type Bounds = [number, number, number, number];

export interface RoadEntry {
  name: string;
  /** The most important class among the road's segments. */
  roadClass: string;
  segments: number;
  bounds: Bounds;
}

export type BasemapCollection = FeatureCollection<Geometry, BasemapProperties>;

function eachPosition(geometry: Geometry | null, visit: (p: Position) => void): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point': visit(geometry.coordinates); break;
    case 'MultiPoint': case 'LineString': geometry.coordinates.forEach(visit); break;
    case 'MultiLineString': case 'Polygon': geometry.coordinates.forEach((ring) => ring.forEach(visit)); break;
    case 'MultiPolygon': geometry.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit))); break;
    case 'GeometryCollection': geometry.geometries.forEach((g) => eachPosition(g, visit)); break;
  }
}

function extend(bounds: Bounds, geometry: Geometry | null): void {
  eachPosition(geometry, ([lon, lat]) => {
    bounds[0] = Math.min(bounds[0], lon);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lon);
    bounds[3] = Math.max(bounds[3], lat);
  });
}

function rank(cls: string): number {
  const index = ROAD_CLASS_ORDER.indexOf(roadClassKey(cls));
  return index < 0 ? ROAD_CLASS_ORDER.length : index;
}

export function summariseRoads(collection: BasemapCollection): RoadEntry[] {
  const byName = new Map<string, RoadEntry>();
  for (const feature of collection.features as Feature<Geometry, BasemapProperties>[]) {
    const props = feature.properties;
    const name = props?.name?.trim();
    if (props?.layer !== 'road' || !name) continue;
    const cls = props.class ?? '';
    let entry = byName.get(name);
    if (!entry) {
      entry = { name, roadClass: cls, segments: 0, bounds: [Infinity, Infinity, -Infinity, -Infinity] };
      byName.set(name, entry);
    }
    entry.segments += 1;
    if (rank(cls) < rank(entry.roadClass)) entry.roadClass = cls;
    extend(entry.bounds, feature.geometry);
  }
  return [...byName.values()].sort((a, b) =>
    rank(a.roadClass) - rank(b.roadClass) || a.name.localeCompare(b.name, 'zh-CN'));
}

export function countByLayer(collection: BasemapCollection): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const feature of collection.features) {
    const layer = feature.properties?.layer ?? 'other';
    counts[layer] = (counts[layer] ?? 0) + 1;
  }
  return counts;
}
