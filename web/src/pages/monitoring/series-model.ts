// Pure helpers of the sensor page's chart: the time window of each resolution, series points,
// live readings appended, the threshold rules' levels as lines, and a value axis with round ends
// that shows the next level the readings would cross.
import { toMs } from './monitoring-model';
import { WARNING_LEVELS, type Resolution, type SensorRule, type SeriesPoint, type WarningLevel } from './monitoring-types';

export const RESOLUTION_WINDOW_MS: Record<Resolution, number> = {
  raw: 3_600_000,
  minute: 86_400_000,
  hour: 30 * 86_400_000,
};

export function isResolution(value: unknown): value is Resolution {
  return value === 'raw' || value === 'minute' || value === 'hour';
}

export function seriesWindow(resolution: Resolution, now: number = Date.now()): { from: number; to: number } {
  return { from: now - RESOLUTION_WINDOW_MS[resolution], to: now };
}

export interface ChartPoint {
  t: number;
  v: number;
  min?: number;
  max?: number;
}

/** Series points with their times as ms, oldest first, unreadable ones dropped. */
export function chartPoints(points: SeriesPoint[]): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (const p of points) {
    const t = toMs(p.t);
    if (t === null || typeof p.v !== 'number' || !Number.isFinite(p.v)) continue;
    out.push({ t, v: p.v, ...(typeof p.min === 'number' ? { min: p.min } : {}), ...(typeof p.max === 'number' ? { max: p.max } : {}) });
  }
  return out.sort((a, b) => a.t - b.t);
}

/** Live readings appended to a raw series: in time order, no time twice, nothing older than `from`. */
export function appendPoints(points: ChartPoint[], fresh: ChartPoint[], from: number): ChartPoint[] {
  const byTime = new Map<number, ChartPoint>();
  for (const p of [...points, ...fresh]) if (p.t >= from && !byTime.has(p.t)) byTime.set(p.t, p);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

export interface ThresholdLine {
  rule: string;
  level: WarningLevel;
  value: number;
  direction: string;
}

/** The levels of the sensor's threshold rules, as horizontal lines. */
export function thresholdLines(rules: SensorRule[]): ThresholdLine[] {
  const out: ThresholdLine[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'threshold' || !rule.thresholds) continue;
    for (const level of WARNING_LEVELS) {
      const value = rule.thresholds[level];
      if (typeof value === 'number' && Number.isFinite(value)) {
        out.push({ rule: rule.name, level, value, direction: rule.direction ?? 'above' });
      }
    }
  }
  return out;
}

/**
 * The value axis: the data's range, widened to the nearest threshold beyond it on each side, so the
 * next line the readings would cross is in view (farther ones would flatten the curve).
 */
export function axisExtent(points: ChartPoint[], lines: ThresholdLine[]): { min: number; max: number } | null {
  const values = points.flatMap((p) => [p.v, p.min ?? p.v, p.max ?? p.v]);
  const marks = lines.map((l) => l.value);
  if (!values.length && !marks.length) return null;
  let min = values.length ? Math.min(...values) : Math.min(...marks);
  let max = values.length ? Math.max(...values) : Math.max(...marks);
  const above = marks.filter((m) => m > max);
  const below = marks.filter((m) => m < min);
  if (above.length) max = Math.min(...above);
  if (below.length) min = Math.max(...below);
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.1 || 1;
  return niceExtent(min - pad, max + pad);
}

/** The range widened to round axis ends: steps of 1, 2 or 5 times a power of ten, about five of them. */
export function niceExtent(min: number, max: number): { min: number; max: number } {
  const raw = (max - min) / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  // Rounding error of the float multiplications: keep the digits the step has.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  const round = (v: number): number => Number(v.toFixed(digits));
  return { min: round(Math.floor(min / step) * step), max: round(Math.ceil(max / step) * step) };
}
