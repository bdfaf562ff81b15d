// Cluster counts as HTML markers over the cluster circles: the offline style has no glyphs, so a
// symbol layer cannot draw text. Markers are kept for the clusters in the loaded tiles only.
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { h } from '../../dom';
import { POINT_SOURCE } from './risk-layers';

export function abbreviateCount(n: number): string {
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return String(n);
}

export interface ClusterMarkers {
  setVisible(visible: boolean): void;
  destroy(): void;
}

export function attachClusterMarkers(map: MapLibreMap): ClusterMarkers {
  let shown = new Map<string, Marker>();
  let scheduled = false;
  let visible = true;

  const update = (): void => {
    scheduled = false;
    const next = new Map<string, Marker>();
    if (visible && map.getSource(POINT_SOURCE) && map.isSourceLoaded(POINT_SOURCE)) {
      for (const feature of map.querySourceFeatures(POINT_SOURCE, { filter: ['has', 'point_count'] })) {
        const props = feature.properties as { cluster_id: number; point_count: number };
        if (feature.geometry.type !== 'Point') continue;
        const [lon, lat] = feature.geometry.coordinates;
        // Cluster ids are only stable within one state of the data: key by position and size too.
        const id = `${props.cluster_id}:${lon.toFixed(4)},${lat.toFixed(4)}:${props.point_count}`;
        if (next.has(id)) continue;
        let marker = shown.get(id);
        if (!marker) {
          const element = h('div', { class: 'cluster-count', 'data-testid': 'cluster-count' },
            abbreviateCount(props.point_count));
          marker = new Marker({ element }).setLngLat([lon, lat]).addTo(map);
        }
        next.set(id, marker);
      }
    }
    for (const [id, marker] of shown) if (!next.has(id)) marker.remove();
    shown = next;
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(update);
  };
  const onData = (event: { sourceId?: string; isSourceLoaded?: boolean }): void => {
    if (event.sourceId === POINT_SOURCE && event.isSourceLoaded) schedule();
  };
  const clear = (): void => {
    for (const marker of shown.values()) marker.remove();
    shown = new Map();
  };
  map.on('moveend', schedule);
  map.on('sourcedata', onData);
  return {
    setVisible(value) {
      visible = value;
      schedule();
    },
    destroy() {
      map.off('moveend', schedule);
      map.off('sourcedata', onData);
      clear();
    },
  };
}
