// Pure helpers for the risk pages: colours, counts, filters, assessment inputs and results.
import {
  COLOURS, LEVELS, type AssessResult, type Assessment, type Colour, type ColourCounts, type GridCellProperties, type Level,
  type RiskPoint,
} from '../../api/risk-types';

/** Four-colour palette (colour-blind friendly ColorBrewer RdYlBu ends). */
export const COLOUR_HEX: Record<Colour, string> = {
  red: '#d7191c', orange: '#fd8d3c', yellow: '#fecc5c', blue: '#2c7bb6',
};
export const NO_COLOUR_HEX = '#8c96a0';

const LEVEL_COLOUR: Record<string, Colour> = { major: 'red', large: 'orange', general: 'yellow', low: 'blue' };

export function isColour(value: unknown): value is Colour {
  return typeof value === 'string' && (COLOURS as readonly string[]).includes(value);
}

export function levelColour(level: unknown): Colour | null {
  return typeof level === 'string' ? LEVEL_COLOUR[level] ?? null : null;
}

/** The colour of an item: its own, else its latest assessment's, else from a level. */
export function colourOf(item: {
  colour?: string | null; level?: string | null;
  latest?: { method?: string; colour?: string | null; result?: AssessResult | number | null } | null;
}): Colour | null {
  if (isColour(item.colour)) return item.colour;
  const latest = item.latest;
  if (latest) {
    if (isColour(latest.colour)) return latest.colour;
    const result = latest.result;
    if (result && typeof result === 'object' && isColour(result.colour)) return result.colour;
  }
  return levelColour(item.level);
}

export function colourRank(colour: Colour | null | undefined): number {
  return colour ? COLOURS.indexOf(colour) : COLOURS.length;
}

export function emptyCounts(): ColourCounts {
  return { red: 0, orange: 0, yellow: 0, blue: 0 };
}

export function fullCounts(partial: Partial<Record<string, unknown>> | null | undefined): ColourCounts {
  const counts = emptyCounts();
  for (const colour of COLOURS) {
    const n = Number(partial?.[colour] ?? 0);
    counts[colour] = Number.isFinite(n) ? n : 0;
  }
  return counts;
}

export function countColours(colours: (Colour | null | undefined)[]): ColourCounts {
  const counts = emptyCounts();
  for (const colour of colours) if (colour) counts[colour] += 1;
  return counts;
}

export function worstColour(counts: Partial<ColourCounts>): Colour | null {
  return COLOURS.find((colour) => (counts[colour] ?? 0) > 0) ?? null;
}

/** A grid cell's counts and worst colour, whether the server nests the counts or not. */
export function gridCell(props: GridCellProperties): { counts: ColourCounts; worst: Colour | null; total: number } {
  const counts = fullCounts(props.counts ?? props);
  const named = [props.worst, props.worst_colour, props.colour].find(isColour) ?? null;
  const worst = named ?? worstColour(counts);
  const total = Number(props.total ?? COLOURS.reduce((sum, c) => sum + counts[c], 0));
  return { counts, worst, total };
}

/** Message key of a major-hazard grade (1–4), or null. */
export function gradeKey(grade: unknown): `risk.grade.${1 | 2 | 3 | 4}` | null {
  const n = Number(grade);
  return grade !== null && grade !== undefined && [1, 2, 3, 4].includes(n) ? `risk.grade.${n as 1 | 2 | 3 | 4}` : null;
}

export function levelOfColour(colour: Colour): (typeof LEVELS)[number] {
  return LEVELS[COLOURS.indexOf(colour)];
}

/** A major-hazard grade 1–4 from `grade` or `hazard_grade` (also as map-feature text), else null. */
export function gradeOf(item: { grade?: unknown; hazard_grade?: unknown } | null | undefined): number | null {
  for (const value of [item?.grade, item?.hazard_grade]) {
    if (value === null || value === undefined || value === '' || value === 'null') continue;
    const n = Number(value);
    if ([1, 2, 3, 4].includes(n)) return n;
  }
  return null;
}

/**
 * A point's `latest` completed from the newest history entry when both are the same assessment
 * (the summary may leave out inputs, result or assessor); the newest entry alone when there is
 * no summary.
 */
/** The server's summary of a point's latest assessment, in the pages' Assessment shape. */
export function latestOf(point: Pick<RiskPoint, 'latest'>): Assessment | null {
  const l = point.latest;
  if (!l) return null;
  const level = (LEVELS as readonly string[]).includes(l.level) ? (l.level as Level) : null;
  return { ...l, colour: isColour(l.colour) ? l.colour : null, level };
}

export function completeLatest(latest: Assessment | null | undefined, newest: Assessment | null | undefined):
  Assessment | null {
  if (!newest) return latest ?? null;
  if (!latest) return newest;
  return latest.assessed_at === newest.assessed_at && latest.method === newest.method ? { ...latest, ...newest } : latest;
}

/** Kinds that carry a capacity (people). */
export const CAPACITY_KINDS = ['school', 'kindergarten', 'hospital', 'elderly_home', 'crowded_place', 'public_place'];

export function capacityText(point: Pick<RiskPoint, 'kind' | 'capacity'>): string {
  if (point.capacity === null || point.capacity === undefined) return '—';
  return point.capacity === 0 && !CAPACITY_KINDS.includes(point.kind) ? '—' : String(point.capacity);
}

/** The headline number of an assessment: its `value`, else its result's. */
export function assessmentValue(assessment: Pick<Assessment, 'value' | 'result'> | null | undefined): number | null {
  if (typeof assessment?.value === 'number') return assessment.value;
  return resultValue(assessment?.result);
}

/** The headline number of a result: D or R for LEC/LS, R for GB 18218. */
export function resultValue(result: AssessResult | number | null | undefined): number | null {
  if (typeof result === 'number') return result;
  if (!result) return null;
  if (typeof result.value === 'number') return result.value;
  if (typeof result.r === 'number') return result.r;
  return null;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(digits)));
}

export function assessorName(assessment: Assessment): string {
  const who = assessment.assessor;
  if (assessment.assessor_name) return assessment.assessor_name;
  if (!who) return '—';
  if (typeof who === 'string') return who;
  return who.display_name ?? who.name ?? who.username ?? String(who.id ?? '—');
}

export interface RiskFilters {
  sector: string;
  org_id: string;
  colour: string;
  kind: string;
}

export const NO_FILTERS: RiskFilters = { sector: '', org_id: '', colour: '', kind: '' };

/** Query parameters for the filters, leaving out the empty ones. */
export function filterQuery(filters: RiskFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
  return query;
}

export function filtersFromQuery(query: URLSearchParams): RiskFilters {
  return {
    sector: query.get('sector') ?? '', org_id: query.get('org_id') ?? '',
    colour: query.get('colour') ?? '', kind: query.get('kind') ?? '',
  };
}

const CAS_PATTERN = /^\d{2,7}-\d{2}-\d$/;

export interface SubstanceRow {
  substance: string;
  category: string;
  quantity: string;
}

/**
 * One GB 18218 substance as the API takes it: `cas` when the text is a CAS number, else `name`
 * (the Table 1 name when the text names a listed chemical by a part of its name or an alias).
 */
export function substanceInput(row: SubstanceRow, canonicalName?: string): Record<string, string | number> {
  const text = row.substance.trim();
  const entry: Record<string, string | number> = CAS_PATTERN.test(text) ? { cas: text } : { name: canonicalName ?? text };
  if (row.category) entry.category = row.category;
  entry.quantity_t = numberOrText(row.quantity);
  return entry;
}

/** Splits a Table 1 cell holding several values: `甲烷,天然气`, `74-82-8(甲烷);8006-14-2(天然气)`. */
export function splitTableCell(cell: string | null | undefined): string[] {
  return (cell ?? '').split(/[;；,，]/).map((part) => part.replace(/[（(][^)）]*[)）]/g, '').trim()).filter(Boolean);
}

/** A number when the text is one, else the text itself, so the server names the bad field. */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : trimmed;
}

/** Bounds [minLon, minLat, maxLon, maxLat] of GeoJSON coordinates, or null when there are none. */
export function coordinateBounds(coords: unknown, into?: [number, number, number, number]):
  [number, number, number, number] | null {
  const bounds = into ?? [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      bounds[0] = Math.min(bounds[0], value[0]);
      bounds[1] = Math.min(bounds[1], value[1]);
      bounds[2] = Math.max(bounds[2], value[0]);
      bounds[3] = Math.max(bounds[3], value[1]);
    } else value.forEach(visit);
  };
  visit(coords);
  return Number.isFinite(bounds[0]) ? bounds : null;
}

/** A circle of `radius` metres around [lon, lat] as a GeoJSON ring (equirectangular, fine at city scale). */
export function circleRing(center: [number, number], radius: number, steps = 64): [number, number][] {
  const [lon, lat] = center;
  const dLat = radius / 111_320;
  const dLon = radius / (111_320 * Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return ring;
}
