// Shapes of the hidden-hazard JSON (docs/hazards.md § API). Fields the contract does not pin down
// are optional; the pages cope when they are absent.

import type { components } from '../../api/openapi.gen';

/** The server's shapes, generated from openapi.json (src/api/openapi.gen.ts). */
type Schemas = components['schemas'];
import type { LonLat } from '../../api/types';

export const HAZARD_STATES = ['reported', 'rejected', 'accepted', 'assigned', 'rectifying', 'submitted', 'closed'] as const;
export type HazardState = (typeof HAZARD_STATES)[number];

export const HAZARD_SOURCES = [
  'self_inspection', 'grid_inspection', 'department_inspection', 'enforcement_check', 'expert_check',
  'public_tip', 'undercover_exposure', 'online_monitoring',
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

export const SUPERVISION_TIERS = ['district', 'city', 'province'] as const;
export type SupervisionTier = (typeof SUPERVISION_TIERS)[number];

/** Actions of POST /hazards/{id}/actions, in the order the detail page offers their forms. */
export const HAZARD_ACTIONS = ['accept', 'reject', 'assign', 'start', 'progress', 'submit', 'verify', 'return', 'reopen'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export const DAY_COUNTS = ['calendar', 'working'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

export const MEDIA_STAGES = ['report', 'progress', 'evidence', 'verification'] as const;
export type MediaStage = (typeof MEDIA_STAGES)[number];

export interface Supervision {
  tier: SupervisionTier | string;
  listed_at?: string;
  reason?: string;
  delisted_at?: string | null;
}

export interface Milestone {
  name: string;
  due: string;
}

export type Hazard = Schemas['Hazard'];

export interface HazardPage {
  items: Hazard[];
  next_cursor: string | null;
}

export interface HazardCounts {
  by_state: Partial<Record<HazardState, number>>;
  total: number;
  overdue: number;
}

export interface TimelineEntry {
  id: number;
  at: string;
  action: string;
  from?: string | null;
  to?: string | null;
  actor?: string | null;
  note?: string | null;
  deadline?: string | null;
  media_ids?: number[];
}

export interface HazardMedia {
  id: number;
  hazard_id?: number;
  stage?: MediaStage | string;
  content_type: string;
  file_name?: string;
  bytes?: number;
  width?: number;
  height?: number;
  uploaded_at?: string;
  url?: string;
  thumbnail_url?: string | null;
}

export interface Extension {
  id: number;
  hazard_id: number;
  /** The hazard's code and title, in the list of pending requests across hazards (GET /hazard-extensions). */
  hazard_code?: string;
  hazard_title?: string;
  /** The requester's name (`requested_by_name` in older answers). */
  requested_by?: string;
  requested_by_name?: string;
  requested_at?: string;
  reason?: string;
  previous_deadline?: string | null;
  requested_deadline?: string | null;
  /** The asked-for date may come as `deadline` (the request body names it so). */
  deadline?: string | null;
  state?: 'pending' | 'granted' | 'refused' | string;
  /** The decider's name (`decided_by_name` in older answers). */
  decided_by?: string | null;
  decided_by_name?: string;
  decided_at?: string | null;
  decision_note?: string;
}

export interface NewHazard {
  title?: string;
  description: string;
  source: string;
  grade: string;
  sector: string;
  org_id: number | string;
  location: LonLat;
  address?: string;
}

export interface ActionRequest {
  action: HazardAction;
  note?: string;
  reason?: string;
  grade?: string;
  sector?: string;
  responsible_org_id?: number | string;
  deadline?: string;
  days?: number;
  day_count?: DayCount;
  media_ids?: number[];
}

export interface TipReceipt {
  tracking_code: string;
  hazard_code: string;
  state: string;
}

export interface TipStatus {
  hazard_code: string;
  state: string;
  reported_at?: string;
  updated_at?: string;
  outcome?: string;
  steps: { at: string; action: string; state?: string; to?: string }[];
}
