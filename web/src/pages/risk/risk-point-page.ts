// #/risk/points/:id — a risk point: its fields, a small map of its geometry with exposure rings,
// the latest assessment and the history, exposure (people and vulnerable targets within 500 m and
// 1 km), the assessment forms, and a link to its audit history (entity=risk_point).
import { api, getPage } from '../../api/client';
import type { Geometry } from 'geojson';

import type { Assessment, RiskPoint, RiskPointDetail } from '../../api/risk-types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { buildHash } from '../../router';
import { detailList, historyLink } from '../admin/detail-list';
import { AUDIT_ENTITY_RISK_POINT } from '../admin/audit-entities';
import { loadBasemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { createAssessPanel } from './assess/assess-panel';
import { createExposureSection, peopleWithin500 } from './exposure-section';
import { createHistorySection, latestCard } from './history-section';
import { colourBadge, kindLabel, loadRefData, orgName, sectorLabel, type RefData } from './risk-labels';
import { capacityText, colourOf, completeLatest, gradeOf, latestOf } from './risk-model';
import { anchorOf, createPointMap, type PointMap } from './point-map';

function fields(point: RiskPointDetail, ref: RefData): HTMLElement {
  return detailList([
    ['risk.id', String(point.id)],
    ['risk.kind', kindLabel(point.kind)],
    ['risk.sector', sectorLabel(point.sector, ref.sectors)],
    ['risk.org', orgName(point.org_id, ref.orgs)],
    ['risk.enterprise', point.enterprise_id !== null && point.enterprise_id !== undefined
      ? h('a', { href: buildHash(`admin/orgs/${point.enterprise_id}`) },
        orgName(point.enterprise_id, ref.orgs))
      : '—'],
    ['risk.colourLevel', colourBadge(colourOf(point), gradeOf(point))],
    ['risk.capacity', capacityText(point)],
    ['risk.geometry', point.geometry?.type ?? '—'],
  ]);
}

/** The point, its `latest` completed from the newest history entry (for inputs and assessor). */
async function loadPoint(id: string): Promise<RiskPointDetail> {
  const path = `/api/v1/risk/points/${encodeURIComponent(id)}`;
  const [point, newest] = await Promise.all([api<RiskPoint>('GET', path),
    getPage<Assessment>(`${path}/assessments`, {}, null, 1).then((p) => p.items[0]).catch(() => undefined)]);
  // openapi.json describes geometry loosely ({type, coordinates}); it is GeoJSON.
  return { ...point, geometry: point.geometry as Geometry, latest: completeLatest(latestOf(point), newest) };
}

export const renderRiskPointPage: PageRenderer = (outlet, route) => {
  const id = route.segments[2];
  const page = h('section', { class: 'page risk-point-page', 'data-testid': 'risk-point-page' },
    h('a', { class: 'back', href: '#/map' }, '← ', tr('point.backToMap')), h('p', {}, tr('app.loading')));
  outlet.append(page);
  let pointMap: PointMap | null = null;
  let left = false;

  const render = async (): Promise<void> => {
    let point: RiskPointDetail;
    let ref: RefData;
    try {
      [point, ref] = await Promise.all([loadPoint(id), loadRefData()]);
    } catch (err) {
      page.lastElementChild!.replaceWith(h('p', { class: 'message message-error' }, errorText(err)));
      return;
    }
    if (left) return;
    const latestHost = h('div', {}, latestCard(point.latest));
    const badge = h('span', { 'data-testid': 'point-colour' }, colourBadge(colourOf(point), gradeOf(point)));
    const history = createHistorySection(String(point.id));
    const mapHost = h('div', { class: 'point-map', 'data-testid': 'point-map' });
    const center = point.geometry ? anchorOf(point.geometry) : null;
    const exposure = createExposureSection(String(point.id), center, (value, targets) => {
      pointMap?.showExposure(value, targets);
      assess.setExposurePeople(peopleWithin500(value));
    });
    const refreshAfterSave = async (): Promise<void> => {
      void history.reload();
      try {
        const fresh = await loadPoint(id);
        latestHost.replaceChildren(latestCard(fresh.latest));
        badge.replaceChildren(colourBadge(colourOf(fresh), gradeOf(fresh)));
      } catch {
        /* the history shows the new assessment anyway */
      }
    };
    const assess = createAssessPanel(point, () => void refreshAfterSave());

    page.replaceChildren(
      h('a', { class: 'back', href: '#/map' }, '← ', tr('point.backToMap')),
      h('div', { class: 'title-row' }, h('h1', { 'data-testid': 'point-name' }, point.name), badge,
        historyLink(AUDIT_ENTITY_RISK_POINT, point.id)),
      h('div', { class: 'two-columns' },
        h('div', { class: 'stack' },
          h('section', { class: 'card' }, tr('point.fields', undefined, 'h2'), fields(point, ref)),
          h('section', { class: 'card' }, tr('risk.latest', undefined, 'h2'), latestHost),
          exposure.element),
        h('div', { class: 'stack' }, h('section', { class: 'card map-card' }, mapHost), assess.element)),
      history.element);

    if (point.geometry) {
      try {
        const basemap = await loadBasemap();
        if (left) return;
        pointMap = createPointMap(mapHost, basemap.info, basemap.data, point.geometry, colourOf(point));
      } catch (err) {
        mapHost.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      }
    } else {
      mapHost.replaceChildren(h('p', { class: 'muted' }, tr('point.noGeometry')));
    }
    void history.reload();
    void exposure.load();
  };
  void render();

  return () => {
    left = true;
    pointMap?.destroy();
  };
};
