// Exposure of a risk point: people and vulnerable targets within each radius
// (GET /risk/points/{id}/exposure?radii=500,1000), as a table and as rings on the small map.
// Targets are located through GET /risk/map over the largest ring's box.
import type { FeatureCollection } from 'geojson';
import { api, withQuery } from '../../api/client';
import type { Exposure, ExposureRing, RiskMapCollection } from '../../api/risk-types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { kindLabel } from './risk-labels';
import { circleRing, coordinateBounds, formatNumber } from './risk-model';

export const DEFAULT_RADII = '500,1000';

export function parseRadii(text: string): number[] {
  return [...new Set(text.split(/[,，\s]+/).map(Number).filter((n) => Number.isFinite(n) && n > 0))].sort((a, b) => a - b);
}

/** People within 500 m (the α head-count of GB 18218), when a 500 m ring was asked for. */
export function peopleWithin500(exposure: Exposure): number | null {
  return exposure.radii.find((r) => r.radius_m === 500)?.people ?? null;
}

function ringTable(ring: ExposureRing): HTMLElement {
  const targets = [...ring.targets].sort((a, b) => a.distance_m - b.distance_m);
  return h('div', { class: 'exposure-ring', 'data-radius': String(ring.radius_m) },
    h('h3', {}, tr('exposure.within', { radius: ring.radius_m }), ' · ',
      tr('exposure.people', { people: ring.people }), ' · ', tr('exposure.targetCount', { count: targets.length })),
    targets.length ? h('table', { class: 'data-table compact', 'data-testid': 'exposure-targets' },
      h('thead', {}, h('tr', {}, h('th', {}, tr('risk.name')), h('th', {}, tr('risk.kind')),
        h('th', { class: 'num' }, tr('risk.capacity')), h('th', { class: 'num' }, tr('exposure.distance')))),
      h('tbody', {}, targets.map((target) => h('tr', {},
        // A place outside the viewer's scope is counted but not named.
        h('td', {}, target.id === null || target.id === undefined
          ? h('span', { class: 'muted' }, tr('exposure.unnamed'))
          : h('a', { href: `#/risk/points/${encodeURIComponent(String(target.id))}` }, target.name ?? '')),
        h('td', {}, kindLabel(target.kind)),
        h('td', { class: 'num' }, target.capacity === null || target.capacity === undefined ? '—' : String(target.capacity)),
        h('td', { class: 'num' }, formatNumber(target.distance_m, 0))))))
      : h('p', { class: 'muted' }, tr('exposure.noTargets')));
}

export interface ExposureSection {
  element: HTMLElement;
  load(): Promise<Exposure | null>;
}

export function createExposureSection(pointId: string, center: [number, number] | null,
  onLoaded: (exposure: Exposure, targets: FeatureCollection) => void): ExposureSection {
  const radiiInput = h('input', { value: DEFAULT_RADII, size: 12, 'data-testid': 'exposure-radii' });
  const apply = h('button', { type: 'button' }, tr('exposure.apply'));
  const body = h('div', { 'data-testid': 'exposure' }, tr('app.loading'));

  const locateTargets = async (exposure: Exposure): Promise<FeatureCollection> => {
    const ids = new Set(exposure.radii.flatMap((r) => r.targets.map((t) => String(t.id))));
    const largest = Math.max(0, ...exposure.radii.map((r) => r.radius_m));
    if (!center || !ids.size || !largest) return { type: 'FeatureCollection', features: [] };
    const b = coordinateBounds(circleRing(center, largest * 1.05, 16))!;
    const found = await api<RiskMapCollection>('GET', withQuery('/api/v1/risk/map',
      { bbox: b.map((v) => v.toFixed(6)).join(',') })).catch((): RiskMapCollection | null => null);
    return { type: 'FeatureCollection',
      features: (found?.features ?? []).filter((f) => ids.has(String(f.properties?.id))) };
  };

  const load = async (): Promise<Exposure | null> => {
    const radii = parseRadii(radiiInput.value);
    body.replaceChildren(tr('app.loading'));
    try {
      const exposure = await api<Exposure>('GET', withQuery(`/api/v1/risk/points/${encodeURIComponent(pointId)}/exposure`,
        { radii: radii.length ? radii.join(',') : DEFAULT_RADII }));
      body.replaceChildren(...exposure.radii.map(ringTable));
      if (!exposure.radii.length) body.append(h('p', { class: 'muted' }, tr('exposure.noTargets')));
      onLoaded(exposure, await locateTargets(exposure));
      return exposure;
    } catch (err) {
      body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      return null;
    }
  };
  apply.addEventListener('click', () => void load());

  const element = h('section', { class: 'card', 'data-testid': 'exposure-section' },
    tr('exposure.title', undefined, 'h2'),
    h('div', { class: 'filter-row' }, h('label', {}, tr('exposure.radii'), radiiInput), apply),
    body);
  return { element, load };
}
