// Pure helpers behind the alarm page: filters ↔ queries, the condition apart from the state,
// grouping by site, merging live summaries, actions per state, requests, beeps and the mute setting.
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { ALARM_ACTIONS, WARNING_LEVELS, type Alarm } from '../monitoring/monitoring-types';
import {
  CLEARED_CHOICES, DEFAULT_ALARM_FILTERS, MUTE_KEY, STATE_CHOICES, actionRequest, alarmActions, alarmApiQuery,
  alarmFiltersFromQuery, alarmHashQuery, groupBySite, isCleared, matchesFilters, mergeSummary, readMuted, saveMuted,
  shouldBeep, shownLevel, upsertAlarm,
} from './alarm-model';

const alarm = (over: Partial<Alarm> = {}): Alarm => ({
  id: 1, code: 'BJ00000001', sensor_id: 7, sensor: 'GAS-7', rule: 'methane', site: 'risk:12', level: 'orange', peak: 'orange',
  state: 'active', value: 1.2, raised_at: '2026-06-10T12:00:00+08:00', changed_at: '2026-06-10T12:00:00+08:00',
  cleared_at: null, acknowledged_at: null, handling_at: null, closed_at: null, disposition: null, notes: '', hazard_id: null,
  org_id: 3, sector: 'gas', risk_point_id: null, lon: 120.15, lat: 30.31, row_version: 3, ...over,
});

describe('filters', () => {
  it('reads the hash, defaulting to the open alarms', () => {
    expect(alarmFiltersFromQuery(new URLSearchParams(''))).toEqual(DEFAULT_ALARM_FILTERS);
    expect(alarmFiltersFromQuery(new URLSearchParams('state=closed&min_level=orange&cleared=true')))
      .toEqual({ state: 'closed', min_level: 'orange', cleared: 'true' });
    expect(alarmFiltersFromQuery(new URLSearchParams('state=bogus&min_level=none&cleared=maybe'))).toEqual(DEFAULT_ALARM_FILTERS);
  });
  it('writes the hash without defaults and the API query with the open states as a list', () => {
    expect(alarmHashQuery(DEFAULT_ALARM_FILTERS)).toEqual({ state: undefined, min_level: undefined, cleared: undefined });
    expect(alarmApiQuery(DEFAULT_ALARM_FILTERS)).toEqual({ state: 'active,acknowledged,handling', min_level: undefined, cleared: undefined });
    expect(alarmApiQuery({ state: 'all', min_level: 'red', cleared: 'false' })).toEqual({ state: undefined, min_level: 'red', cleared: 'false' });
    expect(alarmApiQuery({ state: 'handling', min_level: '', cleared: '' }).state).toBe('handling');
  });
  it('tells a cleared condition apart from a closed alarm', () => {
    expect(isCleared(alarm())).toBe(false);
    expect(isCleared(alarm({ state: 'closed' }))).toBe(false);
    expect(isCleared(alarm({ level: 'none', cleared_at: '2026-06-10T12:05:00+08:00' }))).toBe(true);
    expect(isCleared({ level: 'none' })).toBe(true);
    expect(shownLevel(alarm({ level: 'none', peak: 'red', cleared_at: 'x' }))).toBe('red');
    expect(shownLevel(alarm({ level: 'yellow', peak: 'red' }))).toBe('yellow');
  });
  it('decides whether a live alarm belongs in the list', () => {
    expect(matchesFilters(alarm(), DEFAULT_ALARM_FILTERS)).toBe(true);
    expect(matchesFilters(alarm({ state: 'closed' }), DEFAULT_ALARM_FILTERS)).toBe(false);
    expect(matchesFilters(alarm({ state: 'closed' }), { ...DEFAULT_ALARM_FILTERS, state: 'all' })).toBe(true);
    expect(matchesFilters(alarm({ state: 'handling' }), { ...DEFAULT_ALARM_FILTERS, state: 'acknowledged' })).toBe(false);
    expect(matchesFilters(alarm({ level: 'yellow', peak: 'yellow' }), { ...DEFAULT_ALARM_FILTERS, min_level: 'orange' })).toBe(false);
    expect(matchesFilters(alarm({ level: 'none', peak: 'red', cleared_at: 'x' }), { ...DEFAULT_ALARM_FILTERS, min_level: 'orange' })).toBe(true);
    expect(matchesFilters(alarm(), { ...DEFAULT_ALARM_FILTERS, cleared: 'true' })).toBe(false);
    expect(matchesFilters(alarm({ level: 'none', cleared_at: 'x' }), { ...DEFAULT_ALARM_FILTERS, cleared: 'true' })).toBe(true);
  });
});

describe('the list', () => {
  it('groups alarms of one site together, sites in the order of their newest alarm', () => {
    const groups = groupBySite([
      alarm({ id: 5, site: 'device:3', level: 'yellow' }),
      alarm({ id: 4, site: 'risk:12', level: 'red' }),
      alarm({ id: 3, site: 'device:3', level: 'red', state: 'closed' }),
      alarm({ id: 2, site: 'risk:12', level: 'none', peak: 'red', cleared_at: 'x' }),
      alarm({ id: 1, site: '', sensor_id: 9 }),
    ]);
    expect(groups.map((g) => [g.site, g.alarms.map((a) => a.id), g.level])).toEqual([
      ['device:3', [5, 3], 'yellow'],
      ['risk:12', [4, 2], 'red'],
      ['sensor:9', [1], 'orange'],
    ]);
  });
  it('replaces a known alarm in place and puts a new one at the top', () => {
    const list = [alarm({ id: 2 }), alarm({ id: 1 })];
    expect(upsertAlarm(list, alarm({ id: 1, state: 'closed' }))).toMatchObject({ added: false });
    expect(upsertAlarm(list, alarm({ id: 1, state: 'closed' })).list.map((a) => [a.id, a.state])).toEqual([[2, 'active'], [1, 'closed']]);
    const added = upsertAlarm(list, alarm({ id: 3 }));
    expect(added.added).toBe(true);
    expect(added.list.map((a) => a.id)).toEqual([3, 2, 1]);
  });
  it('merges a live summary over the known alarm', () => {
    const merged = mergeSummary(alarm(), { id: 1, level: 'none', cleared_at: '2026-06-10T12:09:00+08:00' });
    expect(merged).toMatchObject({ level: 'none', cleared_at: '2026-06-10T12:09:00+08:00', row_version: 3, sensor: 'GAS-7' });
    expect(mergeSummary(alarm({ cleared_at: 'x' }), { id: 1, level: 'red', cleared_at: null }).cleared_at).toBeNull();
  });
  it('offers the actions each state allows', () => {
    expect(alarmActions(alarm())).toEqual(['acknowledge', 'handle', 'close', 'hazard']);
    expect(alarmActions(alarm({ state: 'acknowledged' }))).toEqual(['handle', 'close', 'hazard']);
    expect(alarmActions(alarm({ state: 'handling', hazard_id: 4 }))).toEqual(['close']);
    expect(alarmActions(alarm({ state: 'closed' }))).toEqual(['hazard']);
  });
  it('sends the row version seen, a disposition only when closing, and trimmed notes', () => {
    expect(actionRequest(alarm(), 'acknowledge')).toEqual({ action: 'acknowledge', row_version: 3 });
    expect(actionRequest(alarm(), 'close', { disposition: 'false_alarm', notes: '  传感器受潮 ' }))
      .toEqual({ action: 'close', disposition: 'false_alarm', notes: '传感器受潮', row_version: 3 });
    expect(actionRequest(alarm(), 'handle', { disposition: 'false_alarm', notes: ' ' })).toEqual({ action: 'handle', row_version: 3 });
    expect(actionRequest(alarm({ row_version: undefined }), 'close', { disposition: 'bogus' })).toEqual({ action: 'close' });
  });
});

describe('sound', () => {
  it('beeps when an alarm reaches red, not again while it stays red, not for closed ones', () => {
    expect(shouldBeep(undefined, { level: 'red', state: 'active' })).toBe(true);
    expect(shouldBeep({ level: 'orange', state: 'active' }, { level: 'red', state: 'active' })).toBe(true);
    expect(shouldBeep({ level: 'red', state: 'active' }, { level: 'red', state: 'acknowledged' })).toBe(false);
    expect(shouldBeep(undefined, { level: 'orange', state: 'active' })).toBe(false);
    expect(shouldBeep(undefined, { level: 'red', state: 'closed' })).toBe(false);
  });
  it('remembers the mute setting', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => { store.set(k, v); } };
    expect(readMuted(storage)).toBe(false);
    saveMuted(true, storage);
    expect(store.get(MUTE_KEY)).toBe('1');
    expect(readMuted(storage)).toBe(true);
    saveMuted(false, storage);
    expect(readMuted(storage)).toBe(false);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(readMuted(broken)).toBe(false);
    expect(() => saveMuted(true, broken)).not.toThrow();
  });
});

describe('labels', () => {
  it('names every action, filter choice and level choice in both languages', () => {
    const keys = [
      ...ALARM_ACTIONS.flatMap((a) => [`alarm.action.${a}`, `alarm.actionLabel.${a}`]),
      ...STATE_CHOICES.map((s) => `alarm.stateChoice.${s}`), ...WARNING_LEVELS.map((l) => `alarm.minLevel.${l}`),
      ...CLEARED_CHOICES.filter(Boolean).map((c) => `alarm.clearedChoice.${c}`),
    ];
    for (const key of keys) {
      expect((zhCN as Record<string, string>)[key], key).toBeTruthy();
      expect((en as Record<string, string>)[key], key).toBeTruthy();
    }
    expect(zhCN['alarm.action.acknowledge']).toBe('确认');
    expect(zhCN['alarm.action.handle']).toBe('处置中');
    expect(zhCN['alarm.action.close']).toBe('关闭');
    expect(zhCN['alarm.action.hazard']).toBe('转隐患');
    expect(zhCN['mon.cleared']).toBe('已恢复');
  });
});
