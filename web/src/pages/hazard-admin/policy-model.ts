// Pure helpers of the deadline-policy editor: the policy JSON as form rows of text (what the inputs
// hold) and back, with the numbers checked and errors named by the same field paths the server
// uses in problem+json (`rules[2].max_days`, `escalation.due_soon_days`).
import type { DeadlineRuleJson, EscalationJson, HazardPolicyJson, MilestoneRule } from './types';

/** '' stands for "any source" / "any grade" in the form; the API has null. */
export interface RuleRow {
  source: string;
  grade: string;
  default_days: string;
  max_days: string;
  day_count: string;
  basis: string;
}

export interface MilestoneRow {
  name: string;
  working_days: string;
}

export const ESCALATION_KEYS = [
  'due_soon_days', 'general_city_after_days', 'general_province_after_days', 'major_city_after_days',
  'major_province_after_days',
] as const satisfies readonly (keyof EscalationJson)[];

export interface PolicyForm {
  rules: RuleRow[];
  milestones: MilestoneRow[];
  escalation: Record<keyof EscalationJson, string>;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const anyValue = (v: unknown): string => (v === null || v === undefined || v === 'any' ? '' : String(v));

export function policyToForm(p: Partial<HazardPolicyJson> | null | undefined): PolicyForm {
  const esc = (p?.escalation ?? {}) as Partial<EscalationJson>;
  return {
    rules: (p?.rules ?? []).map((r) => ({
      source: anyValue(r.source), grade: anyValue(r.grade), default_days: text(r.default_days),
      max_days: text(r.max_days), day_count: r.day_count === 'working' ? 'working' : 'calendar', basis: text(r.basis),
    })),
    milestones: (p?.major_milestones ?? []).map((m) => ({ name: text(m.name), working_days: text(m.working_days) })),
    escalation: Object.fromEntries(ESCALATION_KEYS.map((k) => [k, text(esc[k])])) as PolicyForm['escalation'],
  };
}

export const emptyRule = (): RuleRow =>
  ({ source: '', grade: '', default_days: '10', max_days: '90', day_count: 'working', basis: '' });
export const emptyMilestone = (): MilestoneRow => ({ name: '', working_days: '' });

export type PolicyProblemKey = 'notInteger' | 'required';

export interface PolicyProblem {
  field: string;
  key: PolicyProblemKey;
}

/** A whole number from a form value, or null ("12" → 12, "1.5", "", "x" → null). */
export function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * The form as the API's JSON. Only the shape is checked here (whole numbers, a milestone name);
 * the rules themselves (max ≥ default, one catch-all rule …) are the server's to judge.
 */
export function formToPolicy(form: PolicyForm): { policy: HazardPolicyJson; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const int = (value: string, field: string): number => {
    const n = wholeNumber(value);
    if (n === null) problems.push({ field, key: 'notInteger' });
    return n ?? 0;
  };
  const rules: DeadlineRuleJson[] = form.rules.map((r, i) => ({
    source: r.source || null,
    grade: r.grade || null,
    default_days: int(r.default_days, `rules[${i}].default_days`),
    max_days: int(r.max_days, `rules[${i}].max_days`),
    day_count: r.day_count === 'working' ? 'working' : 'calendar',
    basis: r.basis.trim(),
  }));
  const major_milestones: MilestoneRule[] = form.milestones.map((m, i) => {
    if (!m.name.trim()) problems.push({ field: `major_milestones[${i}].name`, key: 'required' });
    return { name: m.name.trim(), working_days: int(m.working_days, `major_milestones[${i}].working_days`) };
  });
  const escalation = Object.fromEntries(ESCALATION_KEYS.map((k) =>
    [k, int(form.escalation[k], `escalation.${k}`)])) as unknown as EscalationJson;
  return { policy: { rules, major_milestones, escalation }, problems };
}
