// Bounding-box arithmetic for viewport fetching: [minLon, minLat, maxLon, maxLat].
import type { Map as MapLibreMap } from 'maplibre-gl';

export type Bbox = [number, number, number, number];

export function boundsOf(map: MapLibreMap): Bbox {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

/** The view grown by `factor` of its size on every side, so small pans need no refetch. */
export function paddedBbox(view: Bbox, factor = 0.5): Bbox {
  const dx = (view[2] - view[0]) * factor;
  const dy = (view[3] - view[1]) * factor;
  return [
    Math.max(-180, view[0] - dx), Math.max(-85, view[1] - dy),
    Math.min(180, view[2] + dx), Math.min(85, view[3] + dy),
  ];
}

export function bboxCovers(outer: Bbox, inner: Bbox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

export function bboxIntersects(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

export function featureInView(bounds: Bbox | null | undefined, view: Bbox): boolean {
  return Boolean(bounds && bboxIntersects(bounds, view));
}
