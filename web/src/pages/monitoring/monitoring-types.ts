// Shapes of the monitoring JSON (docs/monitoring.md § Registry, HTTP API, Live channel). Fields the
// contract does not pin down are optional; the pages cope when they are absent.

import type { components } from '../../api/openapi.gen';

type Schemas = components['schemas'];

/** Alarm levels, lowest first: none, then the four warning colours. */
export const ALARM_LEVELS = ['none', 'blue', 'yellow', 'orange', 'red'] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];
/** The four warning colours, highest first (for selects and legends). */
export const WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const ALARM_STATES = ['active', 'acknowledged', 'handling', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
/** Not yet closed by a person. */
export const OPEN_ALARM_STATES: readonly AlarmState[] = ['active', 'acknowledged', 'handling'];

export const DISPOSITIONS = ['real_danger', 'false_alarm', 'device_fault', 'maintenance'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Actions of POST /alarms/{id}/actions, and 转隐患 (POST /alarms/{id}/hazard) as `hazard`. */
export const ALARM_ACTIONS = ['acknowledge', 'handle', 'close', 'hazard'] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

export const SENSOR_TYPES = [
  'methane', 'pressure', 'flow', 'level', 'temperature', 'strain', 'deflection', 'crack_width', 'tilt', 'vibration',
  'water_level', 'rainfall', 'toxic_gas',
] as const;
export type SensorTypeName = (typeof SENSOR_TYPES)[number];

/** The units of each type, the first the default (docs/monitoring.md § Registry), for when GET /sensor-types fails. */
export const TYPE_UNITS: Record<SensorTypeName, readonly string[]> = {
  methane: ['%LEL', '%vol'],
  pressure: ['MPa', 'kPa'],
  flow: ['m3/h', 'L/s'],
  level: ['m', 'cm'],
  temperature: ['°C'],
  strain: ['µε'],
  deflection: ['mm'],
  crack_width: ['mm'],
  tilt: ['°'],
  vibration: ['mm/s', 'g'],
  water_level: ['m'],
  rainfall: ['mm'],
  toxic_gas: ['ppm'],
};

export const REGISTRY_STATUSES = ['active', 'maintenance', 'retired'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/** How a sensor is drawn on the map and in lists. */
export const SENSOR_STATES = ['normal', 'blue', 'yellow', 'orange', 'red', 'offline', 'maintenance'] as const;
export type SensorState = (typeof SENSOR_STATES)[number];

export const RESOLUTIONS = ['raw', 'minute', 'hour'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const RULE_KINDS = ['threshold', 'rate', 'stale', 'flatline', 'site'] as const;

export type Id = number | string;

/** The server's shapes, generated from openapi.json (src/api/openapi.gen.ts). */
export type Device = Schemas['Device'];
export type Sensor = Schemas['Sensor'];
export type Alarm = Schemas['Alarm'];

/** A rule a sensor runs (GET /sensors/{id}/rules). */
export interface SensorRule {
  name: string;
  kind: string;
  direction?: 'above' | 'below' | string;
  thresholds?: Partial<Record<WarningLevel, number | null>>;
  text?: string;
  level?: string;
}

export interface SeriesPoint {
  /** Epoch ms (or ISO-8601). */
  t: number | string;
  v: number;
  min?: number;
  max?: number;
  n?: number;
}

export interface SensorTypeInfo {
  type: SensorTypeName | string;
  units: string[];
  /** The built-in rules: one text, or one per unit. */
  default_rules?: string | Record<string, string> | null;
  /** What an administrator set (empty: the defaults). */
  rules?: string | null;
}

export interface AlarmActionRequest {
  action: 'acknowledge' | 'handle' | 'close';
  disposition?: Disposition;
  notes?: string;
  row_version?: number;
}

export interface MonitoringFigures {
  raised: number;
  closed: number;
  open: number;
  cleared_by_condition: number;
  handling_rate: number;
  mean_ack_seconds: number | null;
  mean_close_seconds: number | null;
  sensors: number;
  online: number;
  online_rate: number;
  by_disposition: Partial<Record<Disposition, number>>;
  by_level: Partial<Record<WarningLevel, number>>;
}
