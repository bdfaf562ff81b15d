// Badges and labels of the monitoring pages: alarm level in its warning colour, alarm state, the
// condition (报警中 / 已恢复), sensor state, site, and the tabs above the pages.
import { h, tr } from '../../dom';
import { buildHash } from '../../router';
import { keyedText } from '../hazards/hazard-labels';
import { isCleared } from '../alarms/alarm-model';
import { levelHex, siteParts, SENSOR_STATE_HEX } from './monitoring-model';
import type { Alarm, SensorState } from './monitoring-types';

function dot(hex: string, hollow = false): HTMLElement {
  return h('span', { class: `mon-dot${hollow ? ' mon-dot-hollow' : ''}`, style: `--mon:${hex}` });
}

/** 「● 红色」 in the level's colour; 「无」 for none. */
export function levelBadge(level: string | null | undefined, testId?: string): HTMLElement {
  const value = level || 'none';
  return h('span', { class: `mon-level mon-level-${value}`, style: `--mon:${levelHex(value)}`, 'data-level': value,
    'data-testid': testId }, keyedText('mon.level', value));
}

export function alarmStateBadge(state: string, testId?: string): HTMLElement {
  return h('span', { class: `mon-state mon-state-${state}`, 'data-state': state, 'data-testid': testId },
    keyedText('mon.alarmState', state));
}

/** 已恢复 (the readings fell back) or 报警中: shown apart from the state a person set. */
export function conditionBadge(a: Partial<Pick<Alarm, 'cleared_at' | 'level'>>, testId?: string): HTMLElement {
  const cleared = isCleared(a);
  return h('span', { class: `mon-condition mon-condition-${cleared ? 'cleared' : 'present'}`, 'data-cleared': String(cleared),
    'data-testid': testId }, tr(cleared ? 'mon.cleared' : 'mon.present'));
}

export function sensorStateBadge(state: SensorState, testId?: string): HTMLElement {
  return h('span', { class: `mon-sensor-state mon-sensor-${state}`, 'data-sensor-state': state, 'data-testid': testId },
    dot(SENSOR_STATE_HEX[state], state === 'maintenance'), tr(`mon.sensorState.${state}`));
}

export function legendSwatch(state: SensorState): HTMLElement {
  return dot(SENSOR_STATE_HEX[state], state === 'maintenance');
}

/** 「风险点 #12」 linking to it, 「设备 #3」, or the raw key. */
export function siteLabel(site: string | null | undefined): HTMLElement {
  const { kind, id } = siteParts(site);
  if (kind === 'risk') return h('a', { href: buildHash(`risk/points/${id}`) }, tr('mon.site.risk', { id }));
  if (kind === 'device') return tr('mon.site.device', { id });
  return h('span', {}, id || '—');
}

export type MonitoringTab = 'overview' | 'alarms' | 'sensors';

export function monitoringTabs(active: MonitoringTab): HTMLElement {
  const tab = (name: MonitoringTab, path: string, label: 'nav.monOverview' | 'nav.alarms' | 'nav.sensors'): HTMLElement =>
    h('a', { href: buildHash(path), class: name === active ? 'active' : '', 'data-testid': `monitoring-tab-${name}` }, tr(label));
  return h('nav', { class: 'tabs mon-tabs', 'data-testid': 'monitoring-tabs' },
    tab('overview', 'monitoring', 'nav.monOverview'), tab('alarms', 'alarms', 'nav.alarms'), tab('sensors', 'sensors', 'nav.sensors'));
}

export function canManageSensors(permissions: readonly string[] | undefined): boolean {
  return permissions?.includes('sensor.manage') ?? false;
}

export function canHandleAlarms(permissions: readonly string[] | undefined): boolean {
  return permissions?.includes('alarm.handle') ?? false;
}
