// A risk point's latest assessment and its full history (GET /risk/points/{id}/assessments,
// newest first, cursor-paged).
import { getPage } from '../../api/client';
import type { Assessment } from '../../api/risk-types';
import { createPagedList } from '../../components/paged-list';
import { enumLabel, formatTime, h, tr } from '../../dom';
import { detailList } from '../admin/detail-list';
import { colourBadge } from './risk-labels';
import { assessmentValue, assessorName, formatNumber, gradeOf, isColour, levelColour } from './risk-model';

export function assessmentColour(a: Assessment): ReturnType<typeof levelColour> {
  if (isColour(a.colour)) return a.colour;
  const result = a.result;
  if (result && typeof result === 'object') return isColour(result.colour) ? result.colour : levelColour(result.level);
  return levelColour(a.level);
}

function assessmentGrade(a: Assessment): number | null {
  return gradeOf(a) ?? (a.result && typeof a.result === 'object' ? gradeOf(a.result) : null);
}

/** A compact text of the inputs: `L=6 E=3 C=15`, or the substances and the head-count. */
export function inputsText(method: string, inputs: Record<string, unknown> | undefined): string {
  if (!inputs) return '—';
  if (method === 'gb18218') {
    const list = Array.isArray(inputs.substances) ? inputs.substances as Record<string, unknown>[] : [];
    const parts = list.map((s) => `${String(s.name ?? s.cas ?? '?')}${s.category ? ` (${String(s.category)})` : ''} ${String(s.quantity_t ?? '?')} t`);
    return `${parts.join('; ')}${inputs.people_500m !== undefined ? `; 500 m: ${String(inputs.people_500m)}` : ''}`;
  }
  return Object.entries(inputs).map(([k, v]) => `${k.toUpperCase()}=${String(v)}`).join(' ');
}

function isOverdue(due: string | null | undefined, now = Date.now()): boolean {
  if (!due) return false;
  const time = new Date(due).getTime();
  return Number.isFinite(time) && time < now;
}

export function latestCard(latest: Assessment | null | undefined): HTMLElement {
  if (!latest) return h('p', { class: 'muted', 'data-testid': 'latest-assessment' }, tr('risk.noAssessment'));
  const result = latest.result && typeof latest.result === 'object' ? latest.result : null;
  return h('div', { 'data-testid': 'latest-assessment' }, detailList([
    ['risk.method', enumLabel('risk.method', String(latest.method))],
    ['risk.basisLabel', latest.basis ? enumLabel('risk.basis', latest.basis) : '—'],
    ['risk.value', h('strong', {}, formatNumber(assessmentValue(latest), 3))],
    ['risk.colourLevel', colourBadge(assessmentColour(latest), assessmentGrade(latest))],
    ...(result?.band ? [['assess.band', result.band] as ['assess.band', string]] : []),
    ['risk.inputs', inputsText(String(latest.method), latest.inputs)],
    ['risk.assessor', assessorName(latest)],
    ['risk.assessedAt', formatTime(latest.assessed_at)],
    ['risk.dueAt', h('span', { class: isOverdue(latest.due_at) ? 'overdue' : '' }, formatTime(latest.due_at),
      isOverdue(latest.due_at) ? [' ', tr('risk.overdue', undefined, 'small')] : null)],
  ]));
}

function historyRow(a: Assessment): HTMLElement {
  return h('tr', {},
    h('td', { class: 'nowrap' }, formatTime(a.assessed_at)),
    h('td', {}, enumLabel('risk.method', String(a.method))),
    h('td', {}, a.basis ? enumLabel('risk.basis', a.basis) : '—'),
    h('td', { class: 'inputs' }, inputsText(String(a.method), a.inputs)),
    h('td', { class: 'num' }, formatNumber(assessmentValue(a), 3)),
    h('td', {}, colourBadge(assessmentColour(a), assessmentGrade(a))),
    h('td', {}, assessorName(a)),
    h('td', { class: 'nowrap' }, formatTime(a.due_at)));
}

export interface HistorySection {
  element: HTMLElement;
  reload(): Promise<void>;
}

export function createHistorySection(pointId: string): HistorySection {
  const rows = h('tbody');
  const list = createPagedList<Assessment>(rows,
    (cursor) => getPage<Assessment>(`/api/v1/risk/points/${encodeURIComponent(pointId)}/assessments`, {}, cursor),
    historyRow);
  const table = h('table', { class: 'data-table compact', 'data-testid': 'assessment-history' },
    h('thead', {}, h('tr', {}, ...(['risk.assessedAt', 'risk.method', 'risk.basisLabel', 'risk.inputs', 'risk.value',
      'risk.colourLevel', 'risk.assessor', 'risk.dueAt'] as const).map((key) => h('th', {}, tr(key))))),
    rows);
  return {
    element: h('section', { class: 'card' }, tr('point.history', undefined, 'h2'), table, list.footer),
    reload: () => list.reload(),
  };
}
