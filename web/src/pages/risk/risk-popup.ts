// Popups of the risk map: a risk point (name, kind, sector, colour and grade, latest assessment, a
// link to its page), a cluster's counts by colour, and an aggregate cell's counts.
import { Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import { api } from '../../api/client';
import { COLOURS, type Colour, type RiskPoint } from '../../api/risk-types';
import type { Sector } from '../../api/types';
import { errorText } from '../../components/errors';
import { enumLabel, formatTime, h, tr } from '../../dom';
import { applyTranslations } from '../../i18n';
import { colourBadge, kindLabel, sectorLabel, swatch } from './risk-labels';
import { CLUSTER_LAYER, FEATURE_LAYERS, POINT_SOURCE } from './risk-layers';
import { assessmentValue, colourOf, formatNumber, fullCounts, gradeOf, isColour } from './risk-model';

export function countsTable(counts: Record<Colour, number>, total?: number): HTMLElement {
  const sum = total ?? COLOURS.reduce((n, c) => n + counts[c], 0);
  return h('table', { class: 'popup-counts' },
    COLOURS.map((colour) => h('tr', {}, h('td', {}, swatch(colour), tr(`risk.level.${colour}`)),
      h('td', { class: 'num' }, String(counts[colour])))),
    h('tr', { class: 'total' }, h('td', {}, tr('risk.total')), h('td', { class: 'num' }, String(sum))));
}

export function latestSummary(point: RiskPoint | null): HTMLElement {
  const latest = point?.latest;
  if (!latest) return h('p', { class: 'muted' }, tr('risk.noAssessment'));
  return h('p', { class: 'popup-latest', 'data-testid': 'popup-latest' },
    tr('risk.latest'), '：', enumLabel('risk.method', String(latest.method)), ' · ',
    tr('risk.value'), ' ', formatNumber(assessmentValue(latest)), ' · ', formatTime(latest.assessed_at));
}

function pointContent(props: Record<string, unknown>, sectors: Sector[]): { element: HTMLElement; latest: HTMLElement } {
  const colour = isColour(props.colour) ? props.colour : null;
  const grade = gradeOf(props);
  const latest = h('div', {}, h('p', { class: 'muted' }, tr('app.loading')));
  const id = String(props.id);
  const element = h('div', { class: 'risk-popup', 'data-testid': 'risk-popup' },
    h('strong', {}, String(props.name ?? `#${id}`)),
    h('div', { class: 'popup-meta' }, kindLabel(String(props.kind ?? '')), ' · ',
      sectorLabel(String(props.sector ?? ''), sectors)),
    h('div', {}, colourBadge(colour, grade)),
    latest,
    h('a', { href: `#/risk/points/${encodeURIComponent(id)}`, 'data-testid': 'popup-detail-link' }, tr('risk.detailLink')));
  return { element, latest };
}

export function attachRiskPopups(map: MapLibreMap, sectors: () => Sector[]): () => void {
  const hover = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'hover-popup' });
  let clickPopup: Popup | null = null;
  let generation = 0;

  const openPoint = async (event: MapLayerMouseEvent): Promise<void> => {
    const feature = event.features?.[0];
    if (!feature) return;
    hover.remove();
    clickPopup?.remove();
    const { element, latest } = pointContent(feature.properties, sectors());
    clickPopup = new Popup({ offset: 10, maxWidth: '300px' }).setLngLat(event.lngLat).setDOMContent(element).addTo(map);
    const mine = ++generation;
    try {
      const point = await api<RiskPoint>('GET', `/api/v1/risk/points/${encodeURIComponent(String(feature.properties.id))}`);
      if (mine !== generation) return;
      latest.replaceChildren(latestSummary(point));
      const colour = colourOf(point);
      if (!isColour(feature.properties.colour) && colour) latest.prepend(colourBadge(colour, gradeOf(point)));
    } catch (err) {
      if (mine === generation) latest.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
    }
    applyTranslations(element);
  };

  const openCluster = async (event: MapLayerMouseEvent): Promise<void> => {
    const feature = event.features?.[0];
    if (!feature || feature.geometry.type !== 'Point') return;
    const source = map.getSource(POINT_SOURCE) as GeoJSONSource | undefined;
    const zoom = await source?.getClusterExpansionZoom(Number(feature.properties.cluster_id)).catch(() => null);
    map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom: zoom ?? map.getZoom() + 2 });
  };

  const showClusterCounts = (event: MapLayerMouseEvent): void => {
    const props = event.features?.[0]?.properties;
    if (!props) return;
    hover.setLngLat(event.lngLat).setDOMContent(h('div', { class: 'risk-popup', 'data-testid': 'cluster-popup' },
      tr('riskMap.clusterTitle', { count: Number(props.point_count) }, 'strong'),
      countsTable(fullCounts(props), Number(props.point_count)),
      tr('riskMap.clusterHint', undefined, 'small'))).addTo(map);
  };

  const showName = (event: MapLayerMouseEvent): void => {
    const props = event.features?.[0]?.properties;
    if (!props) return;
    hover.setLngLat(event.lngLat).setDOMContent(h('div', { class: 'risk-popup' }, h('strong', {}, String(props.name ?? '')),
      h('div', {}, colourBadge(isColour(props.colour) ? props.colour : null, gradeOf(props)))))
      .addTo(map);
  };

  const pointer = (): void => { map.getCanvas().style.cursor = 'pointer'; };
  const leave = (): void => {
    map.getCanvas().style.cursor = '';
    hover.remove();
  };
  const onPointClick = (event: MapLayerMouseEvent): void => void openPoint(event);
  const onClusterClick = (event: MapLayerMouseEvent): void => void openCluster(event);
  const onClusterMove = (event: MapLayerMouseEvent): void => { pointer(); showClusterCounts(event); };
  const onPointMove = (event: MapLayerMouseEvent): void => { pointer(); showName(event); };

  for (const layer of FEATURE_LAYERS) {
    map.on('click', layer, onPointClick);
    map.on('mousemove', layer, onPointMove);
    map.on('mouseleave', layer, leave);
  }
  map.on('click', CLUSTER_LAYER, onClusterClick);
  map.on('mousemove', CLUSTER_LAYER, onClusterMove);
  map.on('mouseleave', CLUSTER_LAYER, leave);
  return () => {
    hover.remove();
    clickPopup?.remove();
  };
}

/** Hover popups with counts by colour for the grid cells or street areas. */
export function attachCellPopups(map: MapLibreMap, layer: string, title: (props: Record<string, unknown>) => HTMLElement): void {
  const hover = new Popup({ closeButton: false, closeOnClick: false, offset: 6, className: 'hover-popup' });
  map.on('mousemove', layer, (event) => {
    const props = event.features?.[0]?.properties;
    if (!props) return;
    const counts = fullCounts(props._counts ? JSON.parse(String(props._counts)) as Record<string, unknown> : props);
    hover.setLngLat(event.lngLat).setDOMContent(h('div', { class: 'risk-popup', 'data-testid': 'cell-popup' },
      title(props), countsTable(counts, Number(props.total ?? NaN) || undefined))).addTo(map);
  });
  map.on('mouseleave', layer, () => hover.remove());
}
