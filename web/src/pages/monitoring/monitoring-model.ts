// Pure helpers of the monitoring pages: levels and sensor states with their colours, map features,
// list pages, times, the live channel's sensor.values and alarm summaries, the registry, and the
// figures. The series helpers are in series-model.ts.
import type { FeatureCollection, Point } from 'geojson';
import type { DomainEvent } from '../../api/types';
import type { Lang } from '../../i18n';
import { COLOUR_HEX } from '../risk/risk-model';
import {
  ALARM_LEVELS, OPEN_ALARM_STATES, SENSOR_STATES, SENSOR_TYPES, TYPE_UNITS, WARNING_LEVELS,
  type Alarm, type AlarmLevel, type Disposition, type MonitoringFigures, type Sensor, type SensorState,
  type SensorTypeInfo, type WarningLevel,
} from './monitoring-types';

// ---- levels and states ----

export function isLevel(value: unknown): value is AlarmLevel {
  return typeof value === 'string' && (ALARM_LEVELS as readonly string[]).includes(value);
}

export function isWarningLevel(value: unknown): value is WarningLevel {
  return typeof value === 'string' && (WARNING_LEVELS as readonly string[]).includes(value);
}

/** 0 for none (and anything unknown), 4 for red. */
export function levelRank(level: string | null | undefined): number {
  return isLevel(level) ? ALARM_LEVELS.indexOf(level) : 0;
}

export function maxLevel(levels: Iterable<string | null | undefined>): AlarmLevel {
  let best = 0;
  for (const level of levels) best = Math.max(best, levelRank(level));
  return ALARM_LEVELS[best];
}

export const NORMAL_HEX = '#1a7f37';
export const OFFLINE_HEX = '#8c96a0';
export const MAINTENANCE_HEX = '#c5ccd3';

/** One colour per sensor state: green, the four warning colours (as the risk map's), greys. */
export const SENSOR_STATE_HEX: Record<SensorState, string> = {
  normal: NORMAL_HEX,
  blue: COLOUR_HEX.blue,
  yellow: COLOUR_HEX.yellow,
  orange: COLOUR_HEX.orange,
  red: COLOUR_HEX.red,
  offline: OFFLINE_HEX,
  maintenance: MAINTENANCE_HEX,
};

export function levelHex(level: string | null | undefined): string {
  return isWarningLevel(level) ? COLOUR_HEX[level] : NORMAL_HEX;
}

/** Maintenance first (silenced), then offline, then the highest open alarm, else normal. */
export function sensorState(s: Pick<Sensor, 'status' | 'offline' | 'alarm_level'>): SensorState {
  if (s.status === 'maintenance') return 'maintenance';
  if (s.offline) return 'offline';
  return isWarningLevel(s.alarm_level) ? s.alarm_level : 'normal';
}

export function isSensorState(value: unknown): value is SensorState {
  return typeof value === 'string' && (SENSOR_STATES as readonly string[]).includes(value);
}

export function countStates(sensors: Iterable<Pick<Sensor, 'status' | 'offline' | 'alarm_level'>>): Record<SensorState, number> {
  const counts = Object.fromEntries(SENSOR_STATES.map((s) => [s, 0])) as Record<SensorState, number>;
  for (const s of sensors) counts[sensorState(s)] += 1;
  return counts;
}

// ---- map ----

export interface SensorFeatureProperties {
  id: string;
  code: string;
  name: string;
  state: SensorState;
  colour: string;
  /** Maintenance: drawn hollow. */
  hollow: boolean;
  /** Draw order: alarms above normal ones. */
  rank: number;
}

const hasPlace = (s: Pick<Sensor, 'lon' | 'lat'>): boolean => Number.isFinite(s.lon) && Number.isFinite(s.lat);

export function sensorFeatures(sensors: Iterable<Sensor>): FeatureCollection<Point, SensorFeatureProperties> {
  const features = [];
  for (const s of sensors) {
    if (s.status === 'retired' || !hasPlace(s)) continue;
    const state = sensorState(s);
    features.push({
      type: 'Feature' as const,
      properties: {
        id: String(s.id), code: s.code, name: s.name, state, colour: SENSOR_STATE_HEX[state],
        hollow: state === 'maintenance', rank: isWarningLevel(state) ? levelRank(state) + 1 : state === 'normal' ? 1 : 0,
      },
      geometry: { type: 'Point' as const, coordinates: [s.lon, s.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

// ---- list pages ----

/** Items of an answer that is either a bare array or {items: [...]} (or {rules|types|points: [...]}). */
export function itemsOf<T>(raw: unknown, key = 'items'): T[] {
  if (Array.isArray(raw)) return raw as T[];
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const list = body[key] ?? body.items;
  return Array.isArray(list) ? (list as T[]) : [];
}

// ---- times ----

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Epoch ms of a time given as epoch ms or ISO-8601; null when it is neither. */
export function toMs(t: number | string | null | undefined): number | null {
  if (typeof t === 'number') return Number.isFinite(t) ? t : null;
  if (typeof t !== 'string' || !t) return null;
  if (/^\d+$/.test(t)) return Number(t);
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

/** Beijing wall-clock text of a time: "2026-06-10 12:00:05". */
export function beijingText(t: number | string | null | undefined): string {
  const ms = toMs(t);
  if (ms === null) return '—';
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Seconds as 「3分12秒」 / "3 min 12 s"; "—" when unknown. */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const zh: [number, string][] = [[d, '天'], [h, '小时'], [m, '分'], [s, '秒']];
  const en: [number, string][] = [[d, 'd'], [h, 'h'], [m, 'min'], [s, 's']];
  const parts = (lang === 'en' ? en : zh).filter(([n], i, all) => n > 0 || (i === all.length - 1 && total === 0));
  // Two units are enough to read at a glance: 「2天3小时」, 「5分12秒」.
  const shown = parts.slice(0, 2).map(([n, unit]) => `${n}${lang === 'en' ? ' ' : ''}${unit}`);
  return shown.join(lang === 'en' ? ' ' : '');
}

/** A measured value with its unit, at most four decimals: 「1.25 %vol」. */
export function valueText(v: number | null | undefined, unit?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const text = String(Math.round(v * 10_000) / 10_000);
  return unit ? `${text} ${unit}` : text;
}

// ---- live channel ----

export type SensorValue = [sensorId: string, tMs: number, value: number];

/** The readings of a sensor.values event ({values: [[sensor_id, t_ms, value], ...]}), malformed ones dropped. */
export function sensorValues(event: Pick<DomainEvent, 'type' | 'data'> & { values?: unknown }): SensorValue[] {
  if (event.type !== 'sensor.values') return [];
  const raw = (event.data as { values?: unknown } | null | undefined)?.values ?? event.values;
  if (!Array.isArray(raw)) return [];
  const out: SensorValue[] = [];
  for (const row of raw) {
    if (!Array.isArray(row) || row.length < 3) continue;
    const [id, t, v] = row;
    const ms = toMs(t as number | string);
    if ((typeof id !== 'number' && typeof id !== 'string') || ms === null || typeof v !== 'number' || !Number.isFinite(v)) continue;
    out.push([String(id), ms, v]);
  }
  return out;
}

export function isAlarmEvent(event: Pick<DomainEvent, 'type'>): boolean {
  return typeof event.type === 'string' && event.type.startsWith('alarm.');
}

/** The alarm summary an alarm.* event carries, with its id, or null. */
export function alarmSummary(event: Pick<DomainEvent, 'type' | 'entity_id' | 'data'>): Partial<Alarm> & { id: number } | null {
  if (!isAlarmEvent(event)) return null;
  const data = (event.data ?? {}) as Partial<Alarm>;
  const id = Number(data.id ?? event.entity_id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return { ...data, id };
}

/**
 * The open alarms the overview knows, by id: an alarm that closed leaves; the others take the
 * summary's fields. Returns the sensor whose level may have changed.
 */
export function trackOpenAlarm(book: Map<number, Partial<Alarm>>, summary: Partial<Alarm> & { id: number }): string | null {
  const before = book.get(summary.id);
  if (summary.state === 'closed') book.delete(summary.id);
  else book.set(summary.id, { ...before, ...summary });
  const sensor = summary.sensor_id ?? before?.sensor_id;
  return sensor === undefined || sensor === null ? null : String(sensor);
}

/** The highest current level among the open alarms of a sensor. */
export function sensorLevelFrom(book: Map<number, Partial<Alarm>>, sensorId: string): AlarmLevel {
  const levels: string[] = [];
  for (const a of book.values()) {
    if (String(a.sensor_id) === sensorId && (OPEN_ALARM_STATES as readonly string[]).includes(String(a.state ?? 'active'))) {
      levels.push(String(a.level ?? 'none'));
    }
  }
  return maxLevel(levels);
}

/** The offline rule every sensor gets (docs/monitoring.md § Registry) is named `offline`. */
export const OFFLINE_RULE = 'offline';

// ---- registry ----

/** The units a type may use: from GET /sensor-types when it answered, else the contract's table. */
export function unitsOf(type: string, types: SensorTypeInfo[] = []): string[] {
  const known = types.find((t) => t.type === type)?.units;
  if (known?.length) return known;
  return (SENSOR_TYPES as readonly string[]).includes(type) ? [...TYPE_UNITS[type as keyof typeof TYPE_UNITS]] : [];
}

/** A type's built-in rules as text (one per unit when they differ by unit). */
export function defaultRulesText(info: Pick<SensorTypeInfo, 'default_rules'>): string {
  const d = info.default_rules;
  if (!d) return '';
  if (typeof d === 'string') return d;
  const given = Object.entries(d).filter(([, text]) => text && text.trim());
  // One unit, or the same rules for every unit: no headings needed.
  if (Object.keys(d).length === 1 || (given.length === Object.keys(d).length && new Set(given.map(([, x]) => x)).size === 1)) {
    return given[0]?.[1] ?? '';
  }
  return given.map(([unit, text]) => `# ${unit}\n${text}`).join('\n');
}

/** Where alarms of a site come from: `risk:12` (a risk point) or `device:3`. */
export function siteParts(site: string | null | undefined): { kind: 'risk' | 'device' | 'other'; id: string } {
  const m = /^(risk|device):(.+)$/.exec(site ?? '');
  if (!m) return { kind: 'other', id: site ?? '' };
  return { kind: m[1] as 'risk' | 'device', id: m[2] };
}

/** A number typed into a form, or undefined when left empty; NaN when not a number. */
export function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

// ---- figures ----

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Counts keyed by name, from an object or an array in the given order. */
function keyedCounts<K extends string>(raw: unknown, keys: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  if (Array.isArray(raw)) keys.forEach((k, i) => { out[k] = num(raw[i]); });
  else if (raw && typeof raw === 'object') {
    for (const k of keys) if (k in raw) out[k] = num((raw as Record<string, unknown>)[k]);
  }
  return out;
}

/** GET /monitoring/figures with defaults for what is missing (rates as 0..1). */
export function readFigures(raw: unknown): MonitoringFigures {
  const f = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const sensors = num(f.sensors);
  const online = num(f.online);
  return {
    raised: num(f.raised), closed: num(f.closed), open: num(f.open), cleared_by_condition: num(f.cleared_by_condition),
    handling_rate: num(f.handling_rate, num(f.raised) ? num(f.closed) / num(f.raised) : 1),
    mean_ack_seconds: numOrNull(f.mean_ack_seconds ?? f.mean_time_to_acknowledge_s),
    mean_close_seconds: numOrNull(f.mean_close_seconds ?? f.mean_time_to_close_s),
    sensors, online,
    online_rate: num(f.online_rate, sensors ? online / sensors : 0),
    by_disposition: keyedCounts<Disposition>(f.by_disposition, ['real_danger', 'false_alarm', 'device_fault', 'maintenance']),
    // The service counts by peak from blue up.
    by_level: keyedCounts<WarningLevel>(f.by_level, ['blue', 'yellow', 'orange', 'red']),
  };
}
