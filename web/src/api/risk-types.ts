// Shapes of the risk-registry JSON (docs/http-api.md § Risk registry). Fields the contract does not
// pin down are optional; the pages cope when they are absent.
import type { FeatureCollection, Geometry } from 'geojson';

import type { components } from './openapi.gen';

export const COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export type Colour = (typeof COLOURS)[number];

export const LEVELS = ['major', 'large', 'general', 'low'] as const;
export type Level = (typeof LEVELS)[number];

export const RISK_KINDS = [
  'enterprise_unit', 'public_place', 'construction_site', 'gas_pipeline', 'water_main', 'drainage', 'bridge',
  'tunnel', 'utility_tunnel', 'elevator', 'geological_hazard', 'waterlogging', 'school', 'kindergarten',
  'hospital', 'elderly_home', 'crowded_place',
] as const;

export const RISK_LISTS = ['major_risks', 'major_hazard_sources', 'vulnerable_targets'] as const;
export type RiskListName = (typeof RISK_LISTS)[number];

export const METHODS = ['lec', 'ls', 'gb18218'] as const;
export type Method = (typeof METHODS)[number];
export const BASES = ['inherent', 'residual'] as const;

export type ColourCounts = Record<Colour, number>;

/** Properties of a feature of GET /api/v1/risk/map. */
export interface RiskMapProperties {
  id: string | number;
  name: string;
  kind: string;
  sector: string;
  colour: Colour | null;
  level: Level | null;
  /** Major-hazard grade 1–4; the server may name it `hazard_grade`. */
  grade?: number | null;
  hazard_grade?: number | null;
}
export type RiskMapCollection = FeatureCollection<Geometry, RiskMapProperties>;

/** The result of an assessment; which fields are present depends on the method. */
export interface AssessResult {
  value?: number;
  level?: Level | string;
  colour?: Colour;
  band?: string;
  // GB 18218
  s?: number;
  is_major_hazard?: boolean;
  alpha?: number;
  r?: number;
  grade?: number | null;
  grade_label?: string;
  terms?: Gb18218Term[];
}

export interface Gb18218Term {
  substance: string;
  q: number;
  critical_q: number;
  beta: number;
  ratio: number;
}

export interface Assessment {
  id?: string | number;
  method: Method | string;
  basis?: 'inherent' | 'residual' | string | null;
  inputs?: Record<string, unknown>;
  result?: AssessResult | number | null;
  /** The headline number (D, R or GB 18218's R), when given beside or instead of `result`. */
  value?: number | null;
  hazard_grade?: number | null;
  colour?: Colour | null;
  level?: Level | null;
  assessor?: string | { id?: string | number; name?: string; display_name?: string; username?: string } | null;
  assessor_name?: string | null;
  assessed_at?: string;
  due_at?: string | null;
}

/** A risk point as the server sends it; organisation names come from the org tree. */
export type RiskPoint = components['schemas']['RiskPoint'];
/** A point on its own page: `latest` completed from the newest history entry (inputs, result, assessor). */
export type RiskPointDetail = Omit<RiskPoint, 'latest' | 'geometry'> & { latest: Assessment | null; geometry: Geometry };

export interface RiskListPage {
  items: RiskPoint[];
  next_cursor: string | null;
  counts?: Partial<ColourCounts> & { total?: number; unassessed?: number };
}

export interface AreaAggregate {
  org_id: string | number;
  name: string;
  counts: Partial<ColourCounts>;
  total: number;
  geometry?: Geometry | null;
}

export interface GridCellProperties {
  red?: number;
  orange?: number;
  yellow?: number;
  blue?: number;
  total: number;
  worst?: Colour | null;
  colour?: Colour | null;
  worst_colour?: Colour | null;
  counts?: Partial<ColourCounts>;
}

export interface ExposureTarget {
  /** null (with the name) for a place outside the viewer's scope: counted, not named. */
  id: string | number | null;
  name: string | null;
  kind: string;
  capacity?: number | null;
  distance_m: number;
}

export interface ExposureRing {
  radius_m: number;
  people: number;
  targets: ExposureTarget[];
}

export interface Exposure {
  radii: ExposureRing[];
}

export interface Gb18218Chemical {
  name: string;
  alias?: string | null;
  cas?: string | null;
  critical_t: number;
}

export interface Gb18218Category {
  symbol: string;
  category: string;
  description: string;
  critical_t: number;
  beta?: number | null;
}

export interface Gb18218Substances {
  chemicals: Gb18218Chemical[];
  categories: Gb18218Category[];
}

/** One street of GET /api/v1/risk/safety-index. */
export interface SafetyIndexItem {
  org_id: string | number;
  name: string;
  /** 0–100, higher is safer. */
  index: number;
  load: number;
  counts: Partial<ColourCounts> & { unassessed?: number; total?: number };
  /** Major hazard sources by grade, keyed "1".."4". */
  major_hazard_sources?: Partial<Record<'1' | '2' | '3' | '4', number>>;
}

export interface SafetyIndexWeights {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
  grade_1: number;
  grade_2: number;
  grade_3: number;
  grade_4: number;
  scale: number;
}

export interface SafetyIndex {
  items: SafetyIndexItem[];
  formula: string;
  weights: SafetyIndexWeights;
}
