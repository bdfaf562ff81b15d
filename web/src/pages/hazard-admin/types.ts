// Shapes of the hazard API answers that only the leader's and administrator's pages read
// (docs/hazards.md): the supervision list, statistics and rankings, notifications, the calendar and
// the deadline policy. The hazard itself, its enumerations, supervision and extension requests are
// shared with the hazard pages: see ../hazards/hazard-types.ts.
import type { Hazard, Supervision } from '../hazards/hazard-types';

/** A hazard as the supervision list answers it: id, code, grade and state, the supervision, the rest optional. */
export type SupervisedHazard = Pick<Hazard, 'id' | 'code' | 'grade' | 'state'>
  & Partial<Omit<Hazard, 'id' | 'code' | 'grade' | 'state' | 'supervision'>>
  & { supervision: Supervision | null };

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
