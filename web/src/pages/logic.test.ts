// Pure helpers behind the pages: audit diffs, the org tree, road grouping, routing, backoff.
import { describe, expect, it } from 'vitest';
import type { Org } from '../api/types';
import { parseHash } from '../router';
import { backoffDelay, eventsUrl, isDomainEvent } from '../shell/live-channel';
import { diffSnapshots } from './admin/audit-diff';
import { buildOrgTree, flattenTree } from './admin/org-options';
import { summariseRoads, type BasemapCollection } from './map/road-summary';

describe('diffSnapshots', () => {
  it('lists added, removed and changed fields only', () => {
    expect(diffSnapshots({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', d: true })).toEqual([
      { field: 'b', before: 'x', after: 'y' },
      { field: 'c', before: '[1]', after: null },
      { field: 'd', before: null, after: 'true' },
    ]);
  });
  it('treats a creation as all fields added', () => {
    expect(diffSnapshots(null, { name: '拱墅区' })).toEqual([{ field: 'name', before: null, after: '拱墅区' }]);
  });
});

describe('buildOrgTree', () => {
  const org = (id: number, parent: number | null, name: string): Org => ({ id, parent_id: parent, name, kind: 'street' }) as Org;
  it('nests children and keeps orgs with out-of-scope parents as roots', () => {
    const roots = buildOrgTree([org(2, 1, 'B'), org(3, 2, 'C'), org(4, 2, 'A'), org(9, 99, 'Z')]);
    expect(flattenTree(roots).map(({ org: o, depth }) => `${depth}:${o.name}`)).toEqual(['0:B', '1:A', '1:C', '0:Z']);
  });
});

describe('summariseRoads', () => {
  it('groups segments by name, keeps the major class and the bounds', () => {
    const line = (name: string | null, cls: string, coords: number[][]) => ({ type: 'Feature' as const,
      properties: { layer: 'road' as const, class: cls, name }, geometry: { type: 'LineString' as const, coordinates: coords } });
    const data: BasemapCollection = { type: 'FeatureCollection', features: [
      line('文一路', 'secondary', [[120.1, 30.2], [120.2, 30.2]]),
      line('文一路', 'primary', [[120.2, 30.2], [120.3, 30.25]]),
      line(null, 'service', [[0, 0], [1, 1]]),
      line('小巷', 'residential', [[120.15, 30.21], [120.16, 30.22]]),
    ] };
    expect(summariseRoads(data)).toEqual([
      { name: '文一路', roadClass: 'primary', segments: 2, bounds: [120.1, 30.2, 120.3, 30.25] },
      { name: '小巷', roadClass: 'residential', segments: 1, bounds: [120.15, 30.21, 120.16, 30.22] },
    ]);
  });
});

describe('routing and live channel helpers', () => {
  it('parses hash paths and queries', () => {
    const route = parseHash('#/admin/audit?entity=org&entity_id=3');
    expect(route.segments).toEqual(['admin', 'audit']);
    expect(route.query.get('entity_id')).toBe('3');
  });
  it('derives the events URL from the page location', () => {
    expect(eventsUrl({ protocol: 'https:', host: 'city.example:8443' })).toBe('wss://city.example:8443/api/v1/events');
    expect(eventsUrl({ protocol: 'http:', host: '127.0.0.1:18080' })).toBe('ws://127.0.0.1:18080/api/v1/events');
  });
  it('ignores the server greeting but accepts domain events', () => {
    expect(isDomainEvent({ type: 'hello', entity: '', entity_id: '', action: 'hello', data: null })).toBe(false);
    expect(isDomainEvent({ type: 'org.created', entity: 'org', entity_id: '7', action: 'created', at: 'x' })).toBe(true);
  });
  it('backs off exponentially up to 30 s', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 10].map((n) => backoffDelay(n, mid))).toEqual([1000, 2000, 4000, 30000]);
  });
});
