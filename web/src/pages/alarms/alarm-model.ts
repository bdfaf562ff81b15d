// Pure helpers of the alarm page (报警处置): filters ↔ queries, grouping by site, merging live
// summaries, which actions an alarm offers, when to beep, and the mute setting.
import { levelRank, maxLevel } from '../monitoring/monitoring-model';
import {
  ALARM_STATES, DISPOSITIONS, OPEN_ALARM_STATES, WARNING_LEVELS,
  type Alarm, type AlarmAction, type AlarmActionRequest, type AlarmLevel, type Disposition,
} from '../monitoring/monitoring-types';

// ---- filters ----

/** `open` (not closed: the default), one state, or `all`. */
export const STATE_CHOICES = ['open', ...ALARM_STATES, 'all'] as const;
export type StateChoice = (typeof STATE_CHOICES)[number];
/** The condition: still present (`false`) or cleared (`true`), or either (''). */
export const CLEARED_CHOICES = ['', 'false', 'true'] as const;

export interface AlarmFilters {
  state: StateChoice;
  /** '' or a warning level: that level and above. */
  min_level: string;
  cleared: '' | 'true' | 'false';
}

export const DEFAULT_ALARM_FILTERS: AlarmFilters = { state: 'open', min_level: '', cleared: '' };

export function alarmFiltersFromQuery(query: URLSearchParams): AlarmFilters {
  const state = query.get('state') ?? '';
  const level = query.get('min_level') ?? '';
  const cleared = query.get('cleared') ?? '';
  return {
    state: (STATE_CHOICES as readonly string[]).includes(state) ? (state as StateChoice) : 'open',
    min_level: (WARNING_LEVELS as readonly string[]).includes(level) ? level : '',
    cleared: cleared === 'true' || cleared === 'false' ? cleared : '',
  };
}

/** For the page's hash: the defaults left out. */
export function alarmHashQuery(f: AlarmFilters): Record<string, string | undefined> {
  return { state: f.state === 'open' ? undefined : f.state, min_level: f.min_level || undefined, cleared: f.cleared || undefined };
}

/** For GET /api/v1/alarms: `open` as the comma list of open states, `all` as no filter. */
export function alarmApiQuery(f: AlarmFilters): Record<string, string | undefined> {
  const state = f.state === 'open' ? OPEN_ALARM_STATES.join(',') : f.state === 'all' ? undefined : f.state;
  return { state, min_level: f.min_level || undefined, cleared: f.cleared || undefined };
}

/** The condition cleared (已恢复): the readings fell back, whether or not a person closed it yet. */
export function isCleared(a: Partial<Pick<Alarm, 'cleared_at' | 'level'>>): boolean {
  return Boolean(a.cleared_at) || a.level === 'none';
}

/** The level to show: the current one, or the peak it reached once the condition cleared. */
export function shownLevel(a: Partial<Pick<Alarm, 'cleared_at' | 'level' | 'peak'>>): string {
  const level = a.level ?? 'none';
  return isCleared({ cleared_at: a.cleared_at, level }) ? String(a.peak ?? level) : String(level);
}

/** Whether an alarm belongs in the list under these filters (for alarms that arrive live). */
export function matchesFilters(a: Pick<Alarm, 'state' | 'level' | 'peak' | 'cleared_at'>, f: AlarmFilters): boolean {
  if (f.state === 'open' && !(OPEN_ALARM_STATES as readonly string[]).includes(String(a.state))) return false;
  if (f.state !== 'open' && f.state !== 'all' && a.state !== f.state) return false;
  // A cleared alarm's level is none: judge it by its peak.
  if (f.min_level && levelRank(shownLevel(a)) < levelRank(f.min_level)) return false;
  if (f.cleared && String(isCleared(a)) !== f.cleared) return false;
  return true;
}

// ---- the list ----

export interface SiteGroup {
  site: string;
  alarms: Alarm[];
  /** The highest current level among its alarms still open (none when all cleared or closed). */
  level: AlarmLevel;
}

/** Alarms of one site together; sites in the order their first alarm comes (newest first). */
export function groupBySite(alarms: readonly Alarm[]): SiteGroup[] {
  const groups = new Map<string, Alarm[]>();
  for (const a of alarms) {
    const site = a.site || `sensor:${a.sensor_id}`;
    if (!groups.has(site)) groups.set(site, []);
    groups.get(site)!.push(a);
  }
  return [...groups.entries()].map(([site, items]) => ({
    site, alarms: items,
    level: maxLevel(items.filter((a) => a.state !== 'closed').map((a) => String(a.level))),
  }));
}

/** The list with `alarm` in place of the one with its id, or added at the top when new. */
export function upsertAlarm(list: readonly Alarm[], alarm: Alarm): { list: Alarm[]; added: boolean } {
  const i = list.findIndex((a) => a.id === alarm.id);
  if (i < 0) return { list: [alarm, ...list], added: true };
  const next = [...list];
  next[i] = alarm;
  return { list: next, added: false };
}

/**
 * An alarm after a live summary: the summary's fields (docs/monitoring.md § Live channel, with
 * `cleared_at` as the alarm has it) over the known ones.
 */
export function mergeSummary(known: Alarm | undefined, summary: Partial<Alarm> & { id: number }): Alarm {
  return { ...known, ...summary } as Alarm;
}

/** The actions an alarm offers, in the page's order. */
export function alarmActions(a: Pick<Alarm, 'state' | 'hazard_id'>): AlarmAction[] {
  const out: AlarmAction[] = [];
  if (a.state === 'active') out.push('acknowledge');
  if (a.state === 'active' || a.state === 'acknowledged') out.push('handle');
  if (a.state !== 'closed') out.push('close');
  if (a.hazard_id === null || a.hazard_id === undefined) out.push('hazard');
  return out;
}

export function isDisposition(value: unknown): value is Disposition {
  return typeof value === 'string' && (DISPOSITIONS as readonly string[]).includes(value);
}

/** The body of POST /alarms/{id}/actions, with the row version the person saw. */
export function actionRequest(a: Pick<Alarm, 'row_version'>, action: AlarmActionRequest['action'],
  options: { disposition?: string; notes?: string } = {}): AlarmActionRequest {
  const body: AlarmActionRequest = { action };
  if (action === 'close' && isDisposition(options.disposition)) body.disposition = options.disposition;
  const notes = options.notes?.trim();
  if (notes) body.notes = notes;
  if (typeof a.row_version === 'number') body.row_version = a.row_version;
  return body;
}

// ---- sound ----

/** Beep when an alarm reaches red (raised red, or risen to red), not for red ones already known. */
export function shouldBeep(before: { level: string; state: string } | undefined,
  after: { level: string; state: string }): boolean {
  if (after.level !== 'red' || after.state === 'closed') return false;
  return !before || before.level !== 'red';
}

export const MUTE_KEY = 'citysafe.alarmSoundMuted';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function readMuted(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveMuted(muted: boolean, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    /* private mode: remembered for this page only */
  }
}
