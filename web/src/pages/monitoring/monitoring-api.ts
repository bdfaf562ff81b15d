// Calls of the monitoring API (docs/monitoring.md § HTTP API): registry, rules, series, alarms and
// their actions, figures.
import { api, getAll, getPage, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import type { Hazard } from '../hazards/hazard-types';
import { itemsOf, readFigures } from './monitoring-model';
import type {
  Alarm, AlarmActionRequest, Device, Id, MonitoringFigures, Resolution, Sensor, SensorRule, SensorTypeInfo,
  SeriesPoint,
} from './monitoring-types';

const BASE = '/api/v1';
const path = (kind: string, id: Id): string => `${BASE}/${kind}/${encodeURIComponent(String(id))}`;
type Query = Record<string, string | number | undefined | null>;

// Lists page by the one scheme (docs/http-api.md § Paging): ?limit=&cursor=, answering next_cursor.
export const listDevices = (cursor: string | null, limit = 100): Promise<Page<Device>> =>
  getPage<Device>(`${BASE}/devices`, {}, cursor, limit);
export const listSensors = (query: Query, cursor: string | null, limit = 100): Promise<Page<Sensor>> =>
  getPage<Sensor>(`${BASE}/sensors`, query, cursor, limit);
/** Every device or sensor up to `max` (the overview map and the device select want the whole set). */
export const allDevices = (max?: number): Promise<{ items: Device[]; truncated: boolean }> =>
  getAll<Device>(`${BASE}/devices`, {}, max);
export const allSensors = (max?: number): Promise<{ items: Sensor[]; truncated: boolean }> =>
  getAll<Sensor>(`${BASE}/sensors`, {}, max);

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

export const listAlarms = (query: Query, cursor: string | null, limit = 50): Promise<Page<Alarm>> =>
  getPage<Alarm>(`${BASE}/alarms`, query, cursor, limit);

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
