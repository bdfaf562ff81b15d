// Small DOM pieces shared by the hazard supervision, statistics, import and settings pages: labels
// of the hazard enumerations (source, grade, state, tier) and dates. Also brings in their styles.
import { h, tr } from '../../dom';
import { hasKey, tDynamic } from '../../i18n';
import '../../styles/hazard-admin.css';

function label(prefix: string, value: string | null | undefined, cls?: string): HTMLElement {
  const key = `${prefix}.${value ?? ''}`;
  const el = value && hasKey(key) ? tr(key) : h('span', {}, value || '—');
  if (cls) el.className = cls;
  return el;
}

export const sourceLabel = (v: string | null | undefined): HTMLElement => label('hza.source', v);
export const stateLabel = (v: string | null | undefined): HTMLElement => label('hza.state', v, `hza-state hza-state-${v}`);
export const milestoneLabel = (v: string | null | undefined): HTMLElement => label('hza.milestone', v);
export const tierLabel = (v: string | null | undefined): HTMLElement => label('hza.tier', v, `hza-tier hza-tier-${v}`);

export function gradeLabel(v: string | null | undefined): HTMLElement {
  return label('hza.grade', v, v === 'major' ? 'hza-grade hza-grade-major' : 'hza-grade');
}

/** A label in the active language for a chart axis (not an element: charts redraw on a switch). */
export function enumText(prefix: 'hza.source' | 'hza.grade' | 'hza.tier' | 'hza.state', value: string): string {
  return tDynamic(`${prefix}.${value}`, value);
}

/** "2026-12-04T23:59:59.999+08:00" → "2026-12-04" (the server speaks Beijing time). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : iso;
}
