// Pure helpers behind the monitoring pages: sensor states and colours, map features, list pages,
// times, the live channel's payloads, series windows and threshold lines, figures, routes,
// navigation by permission, and the labels of every enum in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { isDomainEvent, isStreamEvent } from '../../shell/live-channel';
import { NAV_ITEMS, visibleItems } from '../../shell/navigation';
import { COLOUR_HEX } from '../risk/risk-model';
import {
  MAINTENANCE_HEX, NORMAL_HEX, OFFLINE_HEX, SENSOR_STATE_HEX, alarmSummary, beijingText, countStates, defaultRulesText,
  formatDuration, levelHex, levelRank, maxLevel, optionalNumber, readFigures, sensorFeatures, sensorLevelFrom,
  sensorState, sensorValues, siteParts, toMs, trackOpenAlarm, unitsOf, valueText,
} from './monitoring-model';
import { appendPoints, axisExtent, chartPoints, niceExtent, seriesWindow, thresholdLines } from './series-model';
import { sensorPattern } from './monitoring-routes';
import {
  ALARM_LEVELS, ALARM_STATES, DISPOSITIONS, REGISTRY_STATUSES, RESOLUTIONS, RULE_KINDS, SENSOR_STATES, SENSOR_TYPES,
  TYPE_UNITS, type Alarm, type Sensor,
} from './monitoring-types';

const sensor = (over: Partial<Sensor> = {}): Sensor => ({
  id: 7, code: 'GAS-7', device_id: 2, name: '井下甲烷', type: 'methane', unit: '%vol', interval_s: 60, status: 'active',
  rules: '', org_id: 3, sector: 'gas', risk_point_id: null, lon: 120.15, lat: 30.31, last_at: null, last_value: null,
  alarm_level: 'none', offline: false, ...over,
});

describe('sensor states and colours', () => {
  it('puts maintenance before offline before the alarm level before normal', () => {
    expect(sensorState(sensor())).toBe('normal');
    expect(sensorState(sensor({ alarm_level: 'orange' }))).toBe('orange');
    expect(sensorState(sensor({ alarm_level: 'red', offline: true }))).toBe('offline');
    expect(sensorState(sensor({ alarm_level: 'red', offline: true, status: 'maintenance' }))).toBe('maintenance');
    expect(sensorState(sensor({ alarm_level: 'none' }))).toBe('normal');
    expect(sensorState(sensor({ alarm_level: 'purple' as Sensor['alarm_level'] }))).toBe('normal');
  });
  it('draws normal green, the four levels in the warning colours and offline and maintenance grey', () => {
    expect(SENSOR_STATE_HEX.normal).toBe(NORMAL_HEX);
    for (const level of ['blue', 'yellow', 'orange', 'red'] as const) {
      expect(SENSOR_STATE_HEX[level]).toBe(COLOUR_HEX[level]);
      expect(levelHex(level)).toBe(COLOUR_HEX[level]);
    }
    expect(SENSOR_STATE_HEX.offline).toBe(OFFLINE_HEX);
    expect(SENSOR_STATE_HEX.maintenance).toBe(MAINTENANCE_HEX);
    expect(new Set(Object.values(SENSOR_STATE_HEX)).size).toBe(SENSOR_STATES.length);
    expect(levelHex('none')).toBe(NORMAL_HEX);
  });
  it('ranks and compares levels', () => {
    expect(ALARM_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3, 4]);
    expect(levelRank('nonsense')).toBe(0);
    expect(maxLevel(['blue', 'none', 'orange', 'yellow'])).toBe('orange');
    expect(maxLevel([])).toBe('none');
  });
  it('counts sensors by state', () => {
    const counts = countStates([sensor(), sensor({ alarm_level: 'red' }), sensor({ offline: true }), sensor({ status: 'maintenance' })]);
    expect(counts).toMatchObject({ normal: 1, red: 1, offline: 1, maintenance: 1, blue: 0 });
  });
  it('makes map features for placed, unretired sensors: hollow in maintenance, alarms drawn on top', () => {
    const fc = sensorFeatures([sensor(), sensor({ id: 8, alarm_level: 'red' }), sensor({ id: 9, status: 'maintenance' }),
      sensor({ id: 10, status: 'retired' }), sensor({ id: 11, lon: NaN, lat: NaN })]);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['7', '8', '9']);
    expect(fc.features[1].properties).toMatchObject({ state: 'red', colour: COLOUR_HEX.red, hollow: false });
    expect(fc.features[2].properties).toMatchObject({ state: 'maintenance', hollow: true });
    expect(fc.features[1].properties.rank).toBeGreaterThan(fc.features[0].properties.rank);
    expect(fc.features[0].properties.rank).toBeGreaterThan(fc.features[2].properties.rank);
    expect(fc.features[0].geometry.coordinates).toEqual([120.15, 30.31]);
  });
});

describe('times and values', () => {
  it('reads epoch ms and ISO times and shows Beijing wall-clock time', () => {
    expect(toMs(1763856000000)).toBe(1763856000000);
    expect(toMs('1763856000000')).toBe(1763856000000);
    expect(toMs('2025-11-23T08:00:00+08:00')).toBe(Date.parse('2025-11-23T00:00:00Z'));
    expect(toMs('soon')).toBeNull();
    expect(beijingText(Date.parse('2025-11-23T00:00:05Z'))).toBe('2025-11-23 08:00:05');
    expect(beijingText(null)).toBe('—');
  });
  it('formats durations with two units in either language', () => {
    expect(formatDuration(192, 'zh-CN')).toBe('3分12秒');
    expect(formatDuration(192, 'en')).toBe('3 min 12 s');
    expect(formatDuration(2 * 86_400 + 3 * 3600 + 5, 'zh-CN')).toBe('2天3小时');
    expect(formatDuration(3600, 'en')).toBe('1 h');
    expect(formatDuration(0, 'zh-CN')).toBe('0秒');
    expect(formatDuration(null, 'en')).toBe('—');
  });
  it('shows values with their unit', () => {
    expect(valueText(1.23456, '%vol')).toBe('1.2346 %vol');
    expect(valueText(20)).toBe('20');
    expect(valueText(null, 'm')).toBe('—');
  });
  it('reads optional numbers from form fields', () => {
    expect(optionalNumber(' ')).toBeUndefined();
    expect(optionalNumber('120.5')).toBe(120.5);
    expect(optionalNumber('abc')).toBeNaN();
  });
});

describe('live channel', () => {
  it('passes sensor.values as a stream (no toast) and reads its readings', () => {
    const event = { type: 'sensor.values', entity: 'sensor', entity_id: '', action: 'values', at: 'x',
      data: { values: [[7, 1763856000000, 0.42], ['8', 1763856001000, 1], [9, 'bad', 1], [10, 1763856000000, null], 'junk'] } };
    expect(isDomainEvent(event)).toBe(true);
    expect(isDomainEvent({ ...event, entity: '' })).toBe(true);
    expect(isStreamEvent(event)).toBe(true);
    expect(isStreamEvent({ type: 'alarm.raised' })).toBe(false);
    expect(sensorValues(event)).toEqual([['7', 1763856000000, 0.42], ['8', 1763856001000, 1]]);
    expect(sensorValues({ type: 'alarm.raised', data: event.data })).toEqual([]);
  });
  it('tracks open alarms from their summaries and gives each sensor its highest current level', () => {
    const book = new Map<number, Partial<Alarm>>();
    const summary = (over: Partial<Alarm>) => alarmSummary({ type: 'alarm.raised', entity_id: String(over.id),
      data: { sensor_id: 7, rule: 'methane', level: 'yellow', state: 'active', ...over } })!;
    expect(trackOpenAlarm(book, summary({ id: 1, level: 'orange' }))).toBe('7');
    trackOpenAlarm(book, summary({ id: 2, rule: 'rate', level: 'yellow' }));
    trackOpenAlarm(book, summary({ id: 3, sensor_id: 8, level: 'red' }));
    expect(sensorLevelFrom(book, '7')).toBe('orange');
    trackOpenAlarm(book, summary({ id: 1, level: 'none', cleared_at: '2026-06-10T12:09:00+08:00' }));
    expect(sensorLevelFrom(book, '7')).toBe('yellow');
    trackOpenAlarm(book, summary({ id: 2, state: 'closed' }));
    expect(book.has(2)).toBe(false);
    expect(sensorLevelFrom(book, '7')).toBe('none');
    expect(sensorLevelFrom(book, '8')).toBe('red');
    expect(alarmSummary({ type: 'hazard.created', entity_id: '1', data: {} })).toBeNull();
    expect(alarmSummary({ type: 'alarm.raised', entity_id: '', data: {} })).toBeNull();
  });
});

describe('series', () => {
  const NOW = Date.parse('2026-06-10T04:00:00Z');
  it('opens the last hour raw, the last day by minute and the last 30 days by hour', () => {
    expect(RESOLUTIONS.map((r) => { const w = seriesWindow(r, NOW); return (w.to - w.from) / 3_600_000; })).toEqual([1, 24, 720]);
    expect(seriesWindow('raw', NOW).to).toBe(NOW);
  });
  it('orders points, drops unreadable ones and appends live readings once each', () => {
    const points = chartPoints([{ t: 3000, v: 3, min: 1, max: 4 }, { t: 1000, v: 1 }, { t: 'x', v: 2 }, { t: 2000, v: Number.NaN }]);
    expect(points).toEqual([{ t: 1000, v: 1 }, { t: 3000, v: 3, min: 1, max: 4 }]);
    expect(appendPoints(points, [{ t: 3000, v: 9 }, { t: 4000, v: 4 }], 2000)).toEqual([{ t: 3000, v: 3, min: 1, max: 4 }, { t: 4000, v: 4 }]);
  });
  it('draws the levels of threshold rules only', () => {
    const lines = thresholdLines([
      { name: 'methane', kind: 'threshold', direction: 'above', thresholds: { blue: null, yellow: null, orange: 20, red: 35 } },
      { name: 'rate', kind: 'rate', direction: 'above', thresholds: { yellow: 0.01 } },
      { name: 'offline', kind: 'stale' },
    ]);
    expect(lines).toEqual([
      { rule: 'methane', level: 'red', value: 35, direction: 'above' },
      { rule: 'methane', level: 'orange', value: 20, direction: 'above' },
    ]);
  });
  it('widens the value axis to the next threshold only', () => {
    const lines = thresholdLines([{ name: 'm', kind: 'threshold', thresholds: { orange: 20, red: 35 } }]);
    const extent = axisExtent([{ t: 1, v: 5 }, { t: 2, v: 12, min: 4, max: 15 }], lines)!;
    expect(extent.min).toBeLessThan(4);
    expect(extent.max).toBeGreaterThan(20);
    expect(extent.max).toBeLessThan(35);
    expect(axisExtent([], [])).toBeNull();
    expect(niceExtent(0.332, 1.32)).toEqual({ min: 0.2, max: 1.4 });
    expect(niceExtent(2.72, 21.28)).toEqual({ min: 0, max: 25 });
    expect(niceExtent(-3, 3)).toEqual({ min: -4, max: 4 });
    expect(axisExtent([{ t: 1, v: 2 }], [])!.max).toBeGreaterThan(2);
  });
});

describe('registry and figures', () => {
  it('takes units from GET /sensor-types, else the contract table', () => {
    expect(unitsOf('methane')).toEqual(['%LEL', '%vol']);
    expect(unitsOf('methane', [{ type: 'methane', units: ['%vol'] }])).toEqual(['%vol']);
    expect(unitsOf('nonsense')).toEqual([]);
    expect(Object.keys(TYPE_UNITS).sort()).toEqual([...SENSOR_TYPES].sort());
  });
  it('shows default rules given as one text or one per unit', () => {
    expect(defaultRulesText({ default_rules: 'a: threshold above red=1' })).toBe('a: threshold above red=1');
    expect(defaultRulesText({ default_rules: { '%LEL': 'x', '%vol': 'y' } })).toBe('# %LEL\nx\n# %vol\ny');
    expect(defaultRulesText({ default_rules: null })).toBe('');
    expect(defaultRulesText({ default_rules: { mm: 'crack: threshold above yellow=0.25' } })).toBe('crack: threshold above yellow=0.25');
    expect(defaultRulesText({ default_rules: { MPa: '', kPa: '' } })).toBe('');
  });
  it('reads site keys', () => {
    expect(siteParts('risk:12')).toEqual({ kind: 'risk', id: '12' });
    expect(siteParts('device:3')).toEqual({ kind: 'device', id: '3' });
    expect(siteParts('elsewhere')).toEqual({ kind: 'other', id: 'elsewhere' });
  });
  it('reads the figures, by disposition and level as objects or arrays', () => {
    const f = readFigures({ raised: 10, closed: 8, open: 2, handling_rate: 0.8, mean_ack_seconds: 95, sensors: 4, online: 3,
      by_disposition: { false_alarm: 3 }, by_level: [1, 2, 3, 4] });
    expect(f).toMatchObject({ handling_rate: 0.8, mean_ack_seconds: 95, mean_close_seconds: null, online_rate: 0.75 });
    expect(f.by_disposition).toEqual({ false_alarm: 3 });
    expect(f.by_level).toEqual({ blue: 1, yellow: 2, orange: 3, red: 4 });
    expect(readFigures(null)).toMatchObject({ raised: 0, handling_rate: 1, online_rate: 0 });
  });
});

describe('routes and navigation', () => {
  it('matches #/sensors/12 but not #/sensors or #/sensors/new', () => {
    expect(sensorPattern(['sensors', '12'])).toBe('sensors/:id');
    expect(sensorPattern(['sensors'])).toBeNull();
    expect(sensorPattern(['sensors', 'new'])).toBeNull();
    expect(sensorPattern(['sensors', '12', 'x'])).toBeNull();
  });
  it('shows 监测预警 only with monitor.read', () => {
    const paths = (permissions: string[]) => visibleItems(NAV_ITEMS, permissions).map((i) => i.path);
    expect(paths([])).not.toContain('monitoring');
    expect(paths(['monitor.read'])).toContain('monitoring');
    const group = visibleItems(NAV_ITEMS, ['monitor.read']).find((i) => i.path === 'monitoring')!;
    expect(group.children!.map((c) => c.path)).toEqual(['monitoring', 'alarms', 'sensors']);
  });
});

describe('labels', () => {
  it('names every level, state, disposition, type, status, sensor state, resolution and rule kind in both languages', () => {
    const keys = [
      ...ALARM_LEVELS.map((l) => `mon.level.${l}`), ...ALARM_STATES.map((s) => `mon.alarmState.${s}`),
      ...DISPOSITIONS.map((d) => `mon.disposition.${d}`), ...SENSOR_TYPES.map((t) => `mon.type.${t}`),
      ...REGISTRY_STATUSES.map((s) => `mon.status.${s}`), ...SENSOR_STATES.map((s) => `mon.sensorState.${s}`),
      ...RESOLUTIONS.map((r) => `mon.resolution.${r}`), ...RULE_KINDS.map((k) => `mon.ruleKind.${k}`),
      'mon.direction.above', 'mon.direction.below',
      ...['raised', 'changed', 'cleared', 'acknowledged', 'handling', 'closed', 'hazard'].map((a) => `action.${a}`), 'entity.alarm',
    ];
    for (const key of keys) {
      expect((zhCN as Record<string, string>)[key], key).toBeTruthy();
      expect((en as Record<string, string>)[key], key).toBeTruthy();
    }
  });
  it('gives the four dispositions their Chinese names', () => {
    expect(DISPOSITIONS.map((d) => zhCN[`mon.disposition.${d}`])).toEqual(['真实险情', '误报', '设备故障', '维护']);
  });
});
