// Pure helpers of the area safety index page: ranking, and the load and index spelled out per street.
import { COLOURS, type SafetyIndexItem, type SafetyIndexWeights } from '../../api/risk-types';
import { COLOUR_HEX, fullCounts } from './risk-model';

export const GRADES = ['1', '2', '3', '4'] as const;

/** Lowest index (most at risk) first; ties by the larger load, then by name. */
export function rankByIndex(items: SafetyIndexItem[]): SafetyIndexItem[] {
  return [...items].sort((a, b) => a.index - b.index || b.load - a.load || a.name.localeCompare(b.name, 'zh-CN'));
}

export function hazardCounts(item: SafetyIndexItem): number[] {
  return GRADES.map((g) => Number(item.major_hazard_sources?.[g] ?? 0) || 0);
}

/** The weighted terms of the load with a non-zero count, e.g. ['10×15', '5×15', '8×2']. */
export function loadTerms(item: SafetyIndexItem, w: SafetyIndexWeights): string[] {
  const counts = fullCounts(item.counts);
  const terms: [number, number][] = [
    ...COLOURS.map((c): [number, number] => [w[c], counts[c]]),
    ...hazardCounts(item).map((n, i): [number, number] => [w[`grade_${GRADES[i]}`], n]),
  ];
  return terms.filter(([, n]) => n > 0).map(([weight, n]) => `${weight}×${n}`);
}

/** The load recomputed from the counts and weights (the server's own value is what is shown). */
export function computeLoad(item: SafetyIndexItem, w: SafetyIndexWeights): number {
  const counts = fullCounts(item.counts);
  const hazards = hazardCounts(item);
  return COLOURS.reduce((sum, c) => sum + w[c] * counts[c], 0)
    + GRADES.reduce((sum, g, i) => sum + w[`grade_${g}`] * hazards[i], 0);
}

/** index = 100 / (1 + load / scale), to one decimal as the server rounds it. */
export function indexFor(load: number, scale: number): number {
  return Math.round(1000 / (1 + load / scale)) / 10;
}

const RAMP = [COLOUR_HEX.red, COLOUR_HEX.orange, COLOUR_HEX.yellow, COLOUR_HEX.blue];

/** A colour for an index, blended along red (0) → orange → yellow → blue (100); display only. */
export function indexColour(index: number): string {
  const x = Math.min(Math.max(index, 0), 100) / 100 * (RAMP.length - 1);
  const i = Math.min(Math.floor(x), RAMP.length - 2);
  const [a, b] = [RAMP[i], RAMP[i + 1]].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
  return `#${a.map((v, k) => Math.round(v + (b[k] - v) * (x - i)).toString(16).padStart(2, '0')).join('')}`;
}
