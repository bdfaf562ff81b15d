// Shapes of the hazard API answers these pages read (docs/hazards.md). Fields the pages can do
// without are optional, so an answer that leaves one out still renders.

export const HAZARD_SOURCES = [
  'self_inspection', 'grid_inspection', 'department_inspection', 'enforcement_check', 'expert_check',
  'public_tip', 'undercover_exposure',
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

export const HAZARD_STATES = ['reported', 'rejected', 'accepted', 'assigned', 'rectifying', 'submitted', 'closed'] as const;

/** Supervision tiers (挂牌督办), lowest first. */
export const TIERS = ['district', 'city', 'province'] as const;
export type Tier = (typeof TIERS)[number];

export interface Supervision {
  tier: Tier | string;
  listed_at: string;
  reason: string;
  delisted_at: string | null;
}

export interface Milestone {
  name: string;
  due: string;
}

/** The fields of a hazard the supervision list shows. */
export interface SupervisedHazard {
  id: number;
  code: string;
  title: string;
  description?: string;
  source?: string;
  grade: string;
  state: string;
  sector?: string;
  org_id?: number;
  org_name?: string;
  responsible_org_id?: number | null;
  responsible_org_name?: string | null;
  deadline?: string | null;
  original_deadline?: string | null;
  due_soon?: boolean;
  overdue?: boolean;
  overdue_days?: number;
  closed_at?: string | null;
  supervision: Supervision | null;
  milestones?: Milestone[];
}

export interface Extension {
  id: number;
  hazard_id: number;
  hazard_code?: string;
  hazard_title?: string;
  /** The requester's name (the server calls it requested_by). */
  requested_by?: string;
  requested_by_name?: string;
  requested_at?: string;
  reason: string;
  previous_deadline?: string | null;
  requested_deadline?: string | null;
  /** The request body names it `deadline`; an answer may too. */
  deadline?: string | null;
  state?: string;
  decided_by_name?: string;
  decision_note?: string;
}

export interface Figures {
  found: number;
  closed: number;
  closed_on_time: number;
  open: number;
  overdue_now: number;
  /** 0..1 */
  closure_rate: number;
  /** 0..1 */
  on_time_rate: number;
  avg_days_to_close: number;
}

export interface HazardStats {
  total: Partial<Figures>;
  by_grade: Record<string, Partial<Figures>>;
  by_source: Record<string, Partial<Figures>>;
}

export type RankingItem = Partial<Figures> & { rank?: number; org_id: number | string; name: string };

export interface HazardNotification {
  id: number;
  hazard_id: number;
  kind: string;
  message: string;
  at: string;
  read_at: string | null;
}

export interface CalendarDay {
  date: string;
  name: string;
}

export interface HazardCalendar {
  year?: number;
  /** false for a year the server has no schedule of (later years are loaded by an administrator). */
  loaded?: boolean;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

export interface DeadlineRuleJson {
  source: string | null;
  grade: string | null;
  default_days: number;
  max_days: number;
  day_count: 'calendar' | 'working' | string;
  basis: string;
}

export interface MilestoneRule {
  name: string;
  working_days: number;
}

export interface EscalationJson {
  due_soon_days: number;
  general_city_after_days: number;
  general_province_after_days: number;
  major_city_after_days: number;
  major_province_after_days: number;
}

export interface HazardPolicyJson {
  rules: DeadlineRuleJson[];
  major_milestones: MilestoneRule[];
  escalation: EscalationJson;
}
