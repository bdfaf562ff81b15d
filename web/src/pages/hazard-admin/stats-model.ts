// Pure helpers of the hazard statistics page: the period (presets in Beijing dates), the request
// URLs, figures read defensively and formatted, and the ranking in order.
import { withQuery } from '../../api/client';
import { HAZARD_GRADES, HAZARD_SOURCES } from '../hazards/hazard-types';
import type { Figures, HazardStats, RankingItem } from './types';

export const PRESETS = ['month', 'quarter', 'year'] as const;
export type Preset = (typeof PRESETS)[number];
export const RANKING_KINDS = ['street', 'department'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export interface Period {
  from: string;
  to: string;
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Today's date in Beijing (the server's civil day), whatever the browser's time zone. */
export function beijingToday(now: Date = new Date()): string {
  const d = new Date(now.getTime() + BEIJING_OFFSET_MS);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** From the first day of this month, quarter or year up to today. */
export function presetPeriod(preset: Preset, today: string): Period {
  const [y, m] = today.split('-').map(Number);
  const firstMonth = preset === 'year' ? 1 : preset === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  return { from: isoDay(y, firstMonth, 1), to: today };
}

/** The preset a period is, or null for a period of its own. */
export function matchPreset(period: Period, today: string): Preset | null {
  return PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  }) ?? null;
}

/** The period in a route's query (from, to), else this year. */
export function periodFromQuery(query: URLSearchParams, today: string): Period {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  if (isIsoDay(from) && isIsoDay(to) && from <= to) return { from, to };
  const preset = query.get('preset');
  return presetPeriod((PRESETS as readonly string[]).includes(preset ?? '') ? preset as Preset : 'year', today);
}

export function statsUrl(period: Period, sector?: string): string {
  return withQuery('/api/v1/hazard-stats', { from: period.from, to: period.to, sector });
}

export function rankingUrl(by: RankingKind, period: Period): string {
  return withQuery('/api/v1/hazard-stats/ranking', { by, from: period.from, to: period.to });
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Every figure present (0 when the server left one out). */
export function figuresOf(raw: Partial<Figures> | null | undefined): Figures {
  const r = raw ?? {};
  return {
    found: num(r.found), closed: num(r.closed), closed_on_time: num(r.closed_on_time), open: num(r.open),
    overdue_now: num(r.overdue_now), closure_rate: num(r.closure_rate), on_time_rate: num(r.on_time_rate),
    avg_days_to_close: num(r.avg_days_to_close),
  };
}

/** A rate of 0..1 as a percentage with one decimal: 0.857 → "85.7%"; "—" when there is no base. */
export function formatRate(rate: number, base = 1): string {
  if (!base) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** A rate in percent for a chart axis: 0.857 → 85.7. */
export function ratePercent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/** Days with one decimal; "—" when nothing was closed. */
export function formatDays(days: number, closed: number): string {
  return closed ? (Math.round(days * 10) / 10).toFixed(1) : '—';
}

export type FigureKey = 'found' | 'closed' | 'closure_rate' | 'on_time_rate' | 'overdue_now' | 'avg_days_to_close';
export const HEADLINE: FigureKey[] = ['found', 'closed', 'closure_rate', 'on_time_rate', 'overdue_now', 'avg_days_to_close'];

/** The text of one headline figure. */
export function figureText(f: Figures, key: FigureKey): string {
  switch (key) {
    case 'closure_rate': return formatRate(f.closure_rate, f.found);
    case 'on_time_rate': return formatRate(f.on_time_rate, f.closed);
    case 'avg_days_to_close': return formatDays(f.avg_days_to_close, f.closed);
    default: return String(f[key]);
  }
}

/** Rows of a breakdown (by grade or by source) in the contract's order, then any others. */
export function breakdown(table: Record<string, Partial<Figures>> | null | undefined,
  order: readonly string[]): { key: string; figures: Figures }[] {
  const t = table ?? {};
  const keys = [...order.filter((k) => k in t), ...Object.keys(t).filter((k) => !order.includes(k))];
  return keys.map((key) => ({ key, figures: figuresOf(t[key]) }));
}

export function gradeRows(stats: HazardStats): { key: string; figures: Figures }[] {
  return breakdown(stats.by_grade, HAZARD_GRADES);
}

export function sourceRows(stats: HazardStats): { key: string; figures: Figures }[] {
  return breakdown(stats.by_source, HAZARD_SOURCES);
}

/**
 * The ranking best first: by the server's `rank` when it gives one, else as the contract orders it
 * (closure rate, then on-time rate, then fewest overdue); the rank shown is the position.
 */
export function rankRows(items: RankingItem[]): (RankingItem & { rank: number; figures: Figures })[] {
  const rows = items.map((item, index) => ({ item, index, figures: figuresOf(item) }));
  const haveRanks = rows.every((r) => typeof r.item.rank === 'number');
  rows.sort((a, b) => haveRanks ? (a.item.rank as number) - (b.item.rank as number) || a.index - b.index
    : b.figures.closure_rate - a.figures.closure_rate || b.figures.on_time_rate - a.figures.on_time_rate
      || a.figures.overdue_now - b.figures.overdue_now || a.index - b.index);
  return rows.map((r, i) => ({ ...r.item, rank: haveRanks ? r.item.rank as number : i + 1, figures: r.figures }));
}
