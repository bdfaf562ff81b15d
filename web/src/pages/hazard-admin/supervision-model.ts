// Pure helpers of the supervision list (挂牌督办): the request from the route's query, the order of
// the rows and the overdue figure.
import { withQuery } from '../../api/client';
import { isTier } from '../hazards/hazard-model';
import { SUPERVISION_TIERS, type SupervisionTier } from '../hazards/hazard-types';
import type { SupervisedHazard } from './types';

export interface SupervisionFilter {
  /** true: listed now; false: delisted (摘牌). */
  active: boolean;
  tier: SupervisionTier | '';
}

export function filterFromQuery(query: URLSearchParams): SupervisionFilter {
  const tier = query.get('tier') ?? '';
  return { active: query.get('active') !== 'false', tier: isTier(tier) ? tier : '' };
}

export function filterQuery(f: SupervisionFilter): Record<string, string | undefined> {
  return { active: f.active ? undefined : 'false', tier: f.tier || undefined };
}

export function supervisionUrl(f: SupervisionFilter): string {
  return withQuery('/api/v1/hazard-supervision', { active: String(f.active), tier: f.tier || undefined });
}

export function tierIndex(tier: string | undefined): number {
  return (SUPERVISION_TIERS as readonly string[]).indexOf(tier ?? '');
}

/** Highest tier first, then the longest overdue, then the earliest listed. */
export function sortSupervised(items: SupervisedHazard[]): SupervisedHazard[] {
  return [...items].sort((a, b) =>
    tierIndex(b.supervision?.tier) - tierIndex(a.supervision?.tier)
    || (b.overdue_days ?? 0) - (a.overdue_days ?? 0)
    || (a.supervision?.listed_at ?? '').localeCompare(b.supervision?.listed_at ?? '')
    || a.id - b.id);
}

/** Days past the deadline while still being fixed; null when not overdue. */
export function overdueDays(h: SupervisedHazard): number | null {
  if (typeof h.overdue_days === 'number' && h.overdue_days > 0) return h.overdue_days;
  return h.overdue ? Math.max(h.overdue_days ?? 0, 0) : null;
}

/** The next milestone of a major hazard still ahead of `today` (YYYY-MM-DD), or null. */
export function nextMilestone(h: SupervisedHazard, today: string): { name: string; due: string } | null {
  if (h.state === 'closed') return null;
  const next = [...(h.milestones ?? [])].sort((a, b) => a.due.localeCompare(b.due)).find((m) => m.due >= today);
  return next ? { name: next.name, due: next.due } : null;
}
