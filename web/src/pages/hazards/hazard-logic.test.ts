// Pure helpers behind the hazard pages: colours, filters ↔ queries, Beijing days and deadlines,
// action forms, assignable units, uploads, map features, routes, and the labels of every enum.
import { describe, expect, it } from 'vitest';
import type { Org } from '../../api/types';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import {
  OVERDUE_HEX, STATE_HEX, actionsToOffer, activeTier, addDays, assignableOrgs, beijingToday, canRequestExtension, charCount,
  dayOf, daysBetween, deadlineChanges, deadlineStatus, defaultSourceFor, filterQuery, filtersFromQuery, hasFilters, hazardFeatures, hazardHex,
  hazardTitle, isVideo, normaliseTrackingCode, stateHex, uploadContentType,
} from './hazard-model';
import { hazardPattern, publicPattern } from './hazard-routes';
import {
  HAZARD_ACTIONS, HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATES, SUPERVISION_TIERS, type Hazard,
} from './hazard-types';

// A fixture with only the fields a test needs (the server always sends them all).
const hazard = (over: Partial<Record<keyof Hazard, unknown>> = {}): Hazard => ({
  id: 1, code: 'YH000001', description: '配电箱门未关闭，线路裸露', source: 'public_tip', grade: 'general', state: 'assigned',
  org_id: 5, ...over,
}) as Hazard;
/** 2026-06-10 12:00 in Beijing. */
const NOON = Date.parse('2026-06-10T12:00:00+08:00');

describe('state colours', () => {
  it('gives every state its own colour and unknown ones a neutral grey', () => {
    expect(new Set(HAZARD_STATES.map((s) => STATE_HEX[s])).size).toBe(HAZARD_STATES.length);
    expect(stateHex('closed')).toBe(STATE_HEX.closed);
    expect(stateHex('nonsense')).toMatch(/^#/);
  });
  it('draws an open overdue hazard red, but not a closed or rejected one', () => {
    expect(hazardHex({ state: 'rectifying', overdue: true })).toBe(OVERDUE_HEX);
    expect(hazardHex({ state: 'rectifying', overdue: false })).toBe(STATE_HEX.rectifying);
    expect(hazardHex({ state: 'closed', overdue: true })).toBe(STATE_HEX.closed);
  });
  it('shows the supervision tier only while listed', () => {
    const listed = (s: object | null) => ({ supervision: s as Hazard['supervision'] });
    expect(activeTier(listed({ tier: 'city', delisted_at: null }))).toBe('city');
    expect(activeTier(listed({ tier: 'city', delisted_at: '2026-06-01T10:00:00+08:00' }))).toBeNull();
    expect(activeTier(listed(null))).toBeNull();
    expect(activeTier(listed({ tier: 'galaxy' }))).toBeNull();
  });
});

describe('filters and query strings', () => {
  it('reads the hash, dropping unknown values', () => {
    const f = filtersFromQuery(new URLSearchParams('state=assigned,bogus,rectifying&grade=major&source=x&overdue=true&q=%20YH1%20'));
    expect(f).toEqual({ state: 'assigned,rectifying', grade: 'major', source: '', sector: '', overdue: true, supervised: false, q: 'YH1' });
  });
  it('writes only the set filters, optionally without the state (board, counts)', () => {
    const f = { state: 'closed', grade: '', source: 'public_tip', sector: 'gas', overdue: false, supervised: true, q: '' };
    expect(filterQuery(f)).toEqual({ state: 'closed', grade: undefined, source: 'public_tip', sector: 'gas', overdue: undefined,
      supervised: 'true', q: undefined });
    expect(filterQuery(f, { withoutState: true }).state).toBeUndefined();
    expect(hasFilters(filtersFromQuery(new URLSearchParams('')))).toBe(false);
    expect(hasFilters(f)).toBe(true);
  });
  it('round-trips through URLSearchParams', () => {
    const f = { state: 'reported', grade: 'general', source: '', sector: '', overdue: true, supervised: false, q: '燃气' };
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filterQuery(f))) if (v !== undefined) params.set(k, v);
    expect(filtersFromQuery(params)).toEqual(f);
  });
});

describe('Beijing days and deadlines', () => {
  it('counts days in Beijing time', () => {
    expect(beijingToday(Date.parse('2026-06-10T17:30:00Z'))).toBe('2026-06-11');
    expect(beijingToday(Date.parse('2026-06-10T15:59:59Z'))).toBe('2026-06-10');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(dayOf('2026-12-04T23:59:59.999+08:00')).toBe('2026-12-04');
    expect(dayOf('2026-12-04T16:00:00Z')).toBe('2026-12-05');
    expect(dayOf('2026-12-04')).toBe('2026-12-04');
    expect(dayOf(null)).toBeNull();
  });
  it('shows a step deadline only where it was set or changed', () => {
    expect(deadlineChanges([null, null, '2026-06-20', '2026-06-20', '2026-06-25', null, '2026-06-25']))
      .toEqual([null, null, '2026-06-20', null, '2026-06-25', null, null]);
  });
  it('tells days left, due soon and overdue', () => {
    const deadline = (day: string): string => `${day}T23:59:59.999+08:00`;
    expect(deadlineStatus(hazard({ deadline: deadline('2026-06-20') }), NOON)).toMatchObject({ kind: 'ok', daysLeft: 10 });
    expect(deadlineStatus(hazard({ deadline: deadline('2026-06-12') }), NOON)).toMatchObject({ kind: 'dueSoon', daysLeft: 2 });
    expect(deadlineStatus(hazard({ deadline: deadline('2026-06-20'), due_soon: true }), NOON).kind).toBe('dueSoon');
    expect(deadlineStatus(hazard({ deadline: deadline('2026-06-10') }), NOON)).toMatchObject({ kind: 'dueSoon', daysLeft: 0 });
    expect(deadlineStatus(hazard({ deadline: deadline('2026-06-07') }), NOON)).toMatchObject({ kind: 'overdue', overdueDays: 3 });
    expect(deadlineStatus(hazard({ deadline: deadline('2026-06-07'), overdue: true, overdue_days: 4 }), NOON).overdueDays).toBe(4);
    expect(deadlineStatus(hazard({ state: 'closed', deadline: deadline('2026-06-07') }), NOON).kind).toBe('closed');
    expect(deadlineStatus(hazard({ state: 'reported' }), NOON)).toMatchObject({ kind: 'none', day: null, daysLeft: null });
  });
});

describe('actions', () => {
  it('offers the allowed actions in the loop order', () => {
    expect(actionsToOffer(['submit', 'bogus', 'start', 'progress'])).toEqual(['start', 'progress', 'submit']);
    expect(actionsToOffer(undefined)).toEqual([]);
  });
  it('lets the responsible unit ask for an extension while fixing', () => {
    const deadline = '2026-06-20T23:59:59.999+08:00';
    expect(canRequestExtension(hazard({ state: 'rectifying', allowed_actions: ['progress', 'submit'], deadline }))).toBe(true);
    expect(canRequestExtension(hazard({ state: 'submitted', allowed_actions: ['verify'], deadline }))).toBe(false);
    expect(canRequestExtension(hazard({ state: 'assigned', allowed_actions: ['start'], deadline: null }))).toBe(false);
  });
  it('assigns to the hazard organisation, those above it and those below it', () => {
    const org = (id: number, parent: number | null, name: string, kind = 'enterprise'): Org => ({ id, parent_id: parent, name, kind }) as Org;
    const orgs = [org(1, null, '安澜区', 'district'), org(2, 1, '和平街道', 'street'), org(3, 1, '文澜街道', 'street'),
      org(4, 2, '和平社区', 'community'), org(5, 2, '安澜精细化工有限公司'), org(6, 3, '文澜建设工程有限公司'), org(7, 4, '春晖小店')];
    expect(assignableOrgs(orgs, 2).map((o) => o.name)).toEqual(['安澜区', '和平街道', '安澜精细化工有限公司', '和平社区', '春晖小店']);
    expect(assignableOrgs(orgs, 5).map((o) => o.name)).toEqual(['安澜区', '和平街道', '安澜精细化工有限公司']);
    expect(assignableOrgs(orgs, 99)).toEqual([]);
  });
  it('suggests the source from the reporter role', () => {
    expect(defaultSourceFor(['enterprise_manager'])).toBe('self_inspection');
    expect(defaultSourceFor(['inspector'])).toBe('enforcement_check');
    expect(defaultSourceFor(['street_officer'])).toBe('grid_inspection');
  });
});

describe('uploads, tips and the map', () => {
  it('sends the browser type, else one from the extension', () => {
    expect(uploadContentType({ name: 'a.jpg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(uploadContentType({ name: 'IMG_1.MOV', type: '' })).toBe('video/quicktime');
    expect(uploadContentType({ name: 'x', type: '' })).toBe('application/octet-stream');
    expect(isVideo('video/mp4')).toBe(true);
    expect(isVideo('image/png')).toBe(false);
  });
  it('counts characters as the server does and tidies tracking codes', () => {
    expect(charCount(' 井盖缺失 😀 ')).toBe(6);
    expect(normaliseTrackingCode(' ab12 cd34 ')).toBe('AB12CD34');
  });
  it('makes coloured point features of located hazards', () => {
    const features = hazardFeatures([
      hazard({ id: 2, location: { lon: 120.14, lat: 30.32 }, overdue: true }),
      hazard({ id: 3, location: null }),
    ]).features;
    expect(features).toHaveLength(1);
    expect(features[0].geometry.coordinates).toEqual([120.14, 30.32]);
    expect(features[0].properties).toMatchObject({ id: 2, colour: OVERDUE_HEX, overdue: true });
  });
  it('titles a hazard by its title or the start of its description', () => {
    expect(hazardTitle(hazard({ title: '燃气泄漏' }))).toBe('燃气泄漏');
    expect(hazardTitle(hazard({ title: '', description: '第一行\n第二行' }))).toBe('第一行');
    expect(hazardTitle(hazard({ title: '', description: '很'.repeat(50) }))).toBe(`${'很'.repeat(40)}…`);
  });
});

describe('routes', () => {
  it('maps numeric hazard ids to the detail page only', () => {
    expect(hazardPattern(['hazards', '12'])).toBe('hazards/:id');
    expect(hazardPattern(['hazards', 'board'])).toBeNull();
    expect(hazardPattern(['hazards', 'new'])).toBeNull();
    expect(hazardPattern(['hazards'])).toBeNull();
    expect(hazardPattern(['hazards', '12', 'x'])).toBeNull();
    expect(hazardPattern(['risk', '12'])).toBeNull();
  });
  it('opens the tip pages without a session, nothing else', () => {
    expect(publicPattern(['tip'])).toBe('tip');
    expect(publicPattern(['tip', 'track'])).toBe('tip/track');
    expect(publicPattern(['tip', 'other'])).toBeNull();
    expect(publicPattern(['hazards'])).toBeNull();
  });
});

describe('labels', () => {
  it('names every state, source, grade, tier and action in both languages', () => {
    const keys = [
      ...HAZARD_STATES.map((s) => `hazard.state.${s}`), ...HAZARD_SOURCES.map((s) => `hazard.source.${s}`),
      ...HAZARD_GRADES.map((g) => `hazard.grade.${g}`), ...SUPERVISION_TIERS.map((t) => `hazard.tier.${t}`),
      ...HAZARD_ACTIONS.flatMap((a) => [`hazard.action.${a}`, `hazard.actionHint.${a}`, `hazard.step.${a}`]),
    ];
    for (const key of keys) {
      expect((zhCN as Record<string, string>)[key], key).toBeTruthy();
      expect((en as Record<string, string>)[key], key).toBeTruthy();
    }
    expect(HAZARD_STATES.map((s) => (zhCN as Record<string, string>)[`hazard.state.${s}`]))
      .toEqual(['待受理', '不予受理', '已受理', '已交办', '整改中', '待验收', '已销号']);
  });
});
