// Pure helpers of the hazard pages: state colours, filters ↔ query strings, Beijing days and
// deadlines, which forms to offer, which units may be assigned, upload content types, map features.
import type { FeatureCollection, Point } from 'geojson';
import type { Org } from '../../api/types';
import {
  HAZARD_ACTIONS, HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATES, SUPERVISION_TIERS,
  type Hazard, type HazardAction, type HazardState, type SupervisionTier,
} from './hazard-types';

/** One colour per state; an overdue hazard is drawn in OVERDUE_HEX whatever its state. */
export const STATE_HEX: Record<HazardState, string> = {
  reported: '#b7791f',
  rejected: '#8c96a0',
  accepted: '#1f6feb',
  assigned: '#0e7490',
  rectifying: '#e8731a',
  submitted: '#7b3294',
  closed: '#1a7f37',
};
export const OVERDUE_HEX = '#d7191c';
export const UNKNOWN_HEX = '#5c6670';

/** Still to be fixed (the scheduler watches their deadlines). */
export const OPEN_STATES: readonly HazardState[] = ['accepted', 'assigned', 'rectifying', 'submitted'];
/** A deadline runs in these states. */
const DEADLINE_STATES: readonly string[] = ['assigned', 'rectifying', 'submitted'];
/** The server marks a hazard due soon within this many days; used when it does not say. */
export const DUE_SOON_DAYS = 3;

export function isHazardState(value: unknown): value is HazardState {
  return typeof value === 'string' && (HAZARD_STATES as readonly string[]).includes(value);
}

export function isTier(value: unknown): value is SupervisionTier {
  return typeof value === 'string' && (SUPERVISION_TIERS as readonly string[]).includes(value);
}

export function stateHex(state: string): string {
  return isHazardState(state) ? STATE_HEX[state] : UNKNOWN_HEX;
}

/** The map and badge colour of a hazard: red when overdue and still open, else its state's. */
export function hazardHex(h: Pick<Hazard, 'state' | 'overdue'>): string {
  return h.overdue && h.state !== 'closed' && h.state !== 'rejected' ? OVERDUE_HEX : stateHex(h.state);
}

/** The active supervision tier, or null when not listed or already delisted (摘牌). */
export function activeTier(h: Pick<Hazard, 'supervision'>): SupervisionTier | null {
  const s = h.supervision;
  if (!s || s.delisted_at) return null;
  return isTier(s.tier) ? s.tier : null;
}

// ---- filters ----

export interface HazardFilters {
  /** One state or a comma list. */
  state: string;
  grade: string;
  source: string;
  sector: string;
  overdue: boolean;
  supervised: boolean;
  q: string;
}

export const NO_HAZARD_FILTERS: HazardFilters = {
  state: '', grade: '', source: '', sector: '', overdue: false, supervised: false, q: '',
};

const pick = (value: string | null, allowed: readonly string[]): string => (value && allowed.includes(value) ? value : '');

export function filtersFromQuery(query: URLSearchParams): HazardFilters {
  const states = (query.get('state') ?? '').split(',').filter((s) => isHazardState(s));
  return {
    state: states.join(','),
    grade: pick(query.get('grade'), HAZARD_GRADES),
    source: pick(query.get('source'), HAZARD_SOURCES),
    sector: (query.get('sector') ?? '').trim(),
    overdue: query.get('overdue') === 'true',
    supervised: query.get('supervised') === 'true',
    q: (query.get('q') ?? '').trim(),
  };
}

/** Query parameters for GET /hazards and /hazards/counts (and the page's hash): empty ones left out. */
export function filterQuery(f: HazardFilters, options: { withoutState?: boolean } = {}): Record<string, string | undefined> {
  return {
    state: options.withoutState ? undefined : f.state || undefined,
    grade: f.grade || undefined,
    source: f.source || undefined,
    sector: f.sector || undefined,
    overdue: f.overdue ? 'true' : undefined,
    supervised: f.supervised ? 'true' : undefined,
    q: f.q.trim() || undefined,
  };
}

export function hasFilters(f: HazardFilters): boolean {
  return Object.values(filterQuery(f)).some((v) => v !== undefined);
}

// ---- days and deadlines (Beijing time, UTC+8, no daylight saving) ----

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Today's date in Beijing as YYYY-MM-DD. */
export function beijingToday(now: number = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Beijing day of a server time: its own wall-clock date when it carries +08:00, else converted. */
export function dayOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (/^\d{4}-\d{2}-\d{2}T.*\+08:?00$/.test(iso)) return iso.slice(0, 10);
  const t = Date.parse(iso);
  return Number.isFinite(t) ? beijingToday(t) : null;
}

export type DeadlineKind = 'none' | 'ok' | 'dueSoon' | 'overdue' | 'closed';

export interface DeadlineStatus {
  kind: DeadlineKind;
  /** The deadline's day, YYYY-MM-DD. */
  day: string | null;
  /** Days left (negative when late); null without a deadline. */
  daysLeft: number | null;
  /** Days late, from the server when it says, else computed. */
  overdueDays: number;
}

export function deadlineStatus(h: Pick<Hazard, 'state' | 'deadline' | 'due_soon' | 'overdue' | 'overdue_days'>,
  now: number = Date.now()): DeadlineStatus {
  const day = dayOf(h.deadline);
  const daysLeft = day ? daysBetween(beijingToday(now), day) : null;
  const running = DEADLINE_STATES.includes(h.state);
  const late = Boolean(h.overdue) || (running && daysLeft !== null && daysLeft < 0);
  const overdueDays = late ? Math.max(1, h.overdue_days || (daysLeft !== null ? -daysLeft : 0)) : 0;
  let kind: DeadlineKind = 'none';
  if (h.state === 'closed' && day) kind = 'closed';
  else if (late && h.state !== 'closed' && h.state !== 'rejected') kind = 'overdue';
  else if (running && (h.due_soon || (daysLeft !== null && daysLeft <= DUE_SOON_DAYS))) kind = 'dueSoon';
  else if (day) kind = 'ok';
  return { kind, day, daysLeft, overdueDays };
}

// ---- actions ----

export function isAction(value: string): value is HazardAction {
  return (HAZARD_ACTIONS as readonly string[]).includes(value);
}

/** The actions the server allows, in the page's order, unknown ones dropped. */
export function actionsToOffer(allowed: readonly string[] | undefined): HazardAction[] {
  const set = new Set(allowed ?? []);
  return HAZARD_ACTIONS.filter((a) => set.has(a));
}

/** The responsible unit may ask for more time while the hazard is being fixed. */
export function canRequestExtension(h: Pick<Hazard, 'state' | 'allowed_actions' | 'deadline'>): boolean {
  const rectifier = (h.allowed_actions ?? []).some((a) => a === 'start' || a === 'progress' || a === 'submit');
  return rectifier && (h.state === 'assigned' || h.state === 'rectifying') && Boolean(h.deadline);
}

/**
 * Units a hazard may be assigned to: its organisation, the ones below it and the ones above it
 * (among those the caller sees), in tree order: ancestors first, then the organisation, then its subtree.
 */
export function assignableOrgs(orgs: Org[], hazardOrgId: string | number): Org[] {
  const byId = new Map(orgs.map((o) => [String(o.id), o]));
  const children = new Map<string, Org[]>();
  for (const o of orgs) {
    const parent = o.parent_id === null || o.parent_id === undefined ? '' : String(o.parent_id);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(o);
  }
  const ancestors: Org[] = [];
  const seen = new Set<string>();
  let cursor = byId.get(String(hazardOrgId));
  while (cursor && cursor.parent_id !== null && cursor.parent_id !== undefined) {
    const parent = byId.get(String(cursor.parent_id));
    if (!parent || seen.has(String(parent.id))) break;
    seen.add(String(parent.id));
    ancestors.unshift(parent);
    cursor = parent;
  }
  const self = byId.get(String(hazardOrgId));
  const below: Org[] = [];
  const walk = (id: string): void => {
    const kids = [...(children.get(id) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const kid of kids) {
      if (seen.has(String(kid.id))) continue;
      seen.add(String(kid.id));
      below.push(kid);
      walk(String(kid.id));
    }
  };
  if (self) {
    seen.add(String(self.id));
    walk(String(self.id));
  }
  return [...ancestors, ...(self ? [self] : []), ...below];
}

// ---- uploads ----

const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp',
  mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm',
};

/** The Content-Type to send: the browser's when it knows, else from the name's extension. */
export function uploadContentType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const ext = /\.([^.]+)$/.exec(file.name.toLowerCase())?.[1] ?? '';
  return TYPES_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

export function isVideo(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('video/');
}

export const TIP_MAX_PHOTOS = 3;
export const TIP_MIN_CHARS = 10;
export const TIP_MAX_CHARS = 1000;

/** Characters as people count them (code points), the way the server measures a tip. */
export function charCount(text: string): number {
  return [...text.trim()].length;
}

/** A tracking code as typed: spaces dropped, letters upper-cased. */
export function normaliseTrackingCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

// ---- map ----

export interface HazardFeatureProperties {
  id: number;
  code: string;
  title: string;
  state: string;
  colour: string;
  overdue: boolean;
}

export function hazardFeatures(items: Hazard[]): FeatureCollection<Point, HazardFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: items.filter((h) => h.location && Number.isFinite(h.location.lon) && Number.isFinite(h.location.lat))
      .map((h) => ({
        type: 'Feature' as const,
        id: h.id,
        properties: {
          id: h.id, code: h.code, title: hazardTitle(h), state: String(h.state), colour: hazardHex(h),
          overdue: Boolean(h.overdue),
        },
        geometry: { type: 'Point' as const, coordinates: [h.location!.lon, h.location!.lat] },
      })),
  };
}

/** The title, or the start of the description when there is none. */
export function hazardTitle(h: Pick<Hazard, 'title' | 'description' | 'code'>): string {
  const title = (h.title ?? '').trim();
  if (title) return title;
  const text = (h.description ?? '').trim().split('\n')[0];
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text || h.code;
}

/** The source a new report most likely has, from the reporter's roles. */
export function defaultSourceFor(roles: readonly string[] | undefined): string {
  const has = (role: string): boolean => (roles ?? []).includes(role);
  if (has('enterprise_manager')) return 'self_inspection';
  if (has('inspector')) return 'enforcement_check';
  if (has('department_officer')) return 'department_inspection';
  return 'grid_inspection';
}

/** An id from a select's value as the API wants it: a number (the server rejects "7"). */
export function idValue(value: string): number {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/** For timeline steps' deadlines: the day where it was set or changed, null where it stayed the same. */
export function deadlineChanges(days: (string | null)[]): (string | null)[] {
  let last: string | null = null;
  return days.map((day) => {
    const changed = day !== null && day !== last;
    if (day !== null) last = day;
    return changed ? day : null;
  });
}
