// Calls of the monitoring API (docs/monitoring.md § HTTP API): registry, rules, series, alarms and
// their actions, figures.
import { api, withQuery } from '../../api/client';
import type { Hazard } from '../hazards/hazard-types';
import { itemsOf, readFigures, readPage, type ListPage } from './monitoring-model';
import type {
  Alarm, AlarmActionRequest, Device, Id, MonitoringFigures, Resolution, Sensor, SensorRule, SensorTypeInfo,
  SeriesPoint,
} from './monitoring-types';

const BASE = '/api/v1';
const path = (kind: string, id: Id): string => `${BASE}/${kind}/${encodeURIComponent(String(id))}`;
type Query = Record<string, string | number | undefined | null>;

export async function listDevices(after: string | null, limit = 100): Promise<ListPage<Device>> {
  return readPage<Device>(await api<unknown>('GET', withQuery(`${BASE}/devices`, { limit, after })), limit);
}

export async function listSensors(query: Query, after: string | null, limit = 100): Promise<ListPage<Sensor>> {
  return readPage<Sensor>(await api<unknown>('GET', withQuery(`${BASE}/sensors`, { ...query, limit, after })), limit);
}

/** Follows `after` up to `max` items (the overview map and the device select want the whole set). */
export async function listAll<T>(fetchPage: (after: string | null) => Promise<ListPage<T>>, max = 5000):
  Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let after: string | null = null;
  do {
    const page: ListPage<T> = await fetchPage(after);
    items.push(...page.items);
    after = page.items.length ? page.next : null;
  } while (after && items.length < max);
  return { items, truncated: after !== null };
}

export const getDevice = (id: Id): Promise<Device> => api<Device>('GET', path('devices', id));
export const createDevice = (body: Partial<Device>): Promise<Device> => api<Device>('POST', `${BASE}/devices`, body);
export const updateDevice = (id: Id, body: Partial<Device>): Promise<Device> => api<Device>('PUT', path('devices', id), body);

export const getSensor = (id: Id): Promise<Sensor> => api<Sensor>('GET', path('sensors', id));
export const createSensor = (body: Partial<Sensor>): Promise<Sensor> => api<Sensor>('POST', `${BASE}/sensors`, body);
export const updateSensor = (id: Id, body: Partial<Sensor>): Promise<Sensor> => api<Sensor>('PUT', path('sensors', id), body);

export async function sensorRules(id: Id): Promise<SensorRule[]> {
  return itemsOf<SensorRule>(await api<unknown>('GET', `${path('sensors', id)}/rules`), 'rules');
}

export async function sensorSeries(id: Id, resolution: Resolution, from: number, to: number, limit = 5000): Promise<SeriesPoint[]> {
  const query = { resolution, from: new Date(from).toISOString(), to: new Date(to).toISOString(), limit };
  return itemsOf<SeriesPoint>(await api<unknown>('GET', withQuery(`${path('sensors', id)}/series`, query)), 'points');
}

export async function sensorTypes(): Promise<SensorTypeInfo[]> {
  return itemsOf<SensorTypeInfo>(await api<unknown>('GET', `${BASE}/sensor-types`), 'types');
}

export function setTypeRules(type: string, rules: string): Promise<unknown> {
  return api<unknown>('PUT', `${path('sensor-types', type)}/rules`, { rules });
}

export async function listAlarms(query: Query, before: string | null, limit = 50): Promise<ListPage<Alarm>> {
  return readPage<Alarm>(await api<unknown>('GET', withQuery(`${BASE}/alarms`, { ...query, limit, before })), limit);
}

export const getAlarm = (id: Id): Promise<Alarm> => api<Alarm>('GET', path('alarms', id));

export function actOnAlarm(id: Id, body: AlarmActionRequest): Promise<Alarm> {
  return api<Alarm>('POST', `${path('alarms', id)}/actions`, body);
}

/** 转隐患: opens a hazard (source online_monitoring) from the alarm. */
export function alarmToHazard(id: Id, body: { row_version?: number } = {}): Promise<Hazard> {
  return api<Hazard>('POST', `${path('alarms', id)}/hazard`, body);
}

export async function monitoringFigures(query: Query = {}): Promise<MonitoringFigures> {
  return readFigures(await api<unknown>('GET', withQuery(`${BASE}/monitoring/figures`, query)));
}
