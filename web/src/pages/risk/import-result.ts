// The report of a risk-point import: a summary line, the counts, and the failing rows (line, field,
// reason) as the server listed them.
import { h, tr } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import type { ImportFormat, ImportOutcome } from './import-model';

/** Enough rows to fix a file; the counts above say how many failed in all. */
export const MAX_PROBLEM_ROWS = 500;

function summary(o: ImportOutcome): HTMLElement[] {
  if (o.kind === 'done') {
    return [o.failed > 0 ? tr('import.doneWithProblems', { imported: o.imported, failed: o.failed })
      : tr('import.done', { imported: o.imported })];
  }
  if (o.kind === 'rows') return [tr('import.rejected', { failed: o.failed })];
  const detail = o.detail || t('error.http', { status: o.status });
  return [tr('import.fileError', { detail }), o.field ? tr('import.fileErrorField', { field: o.field }) : null]
    .filter((e): e is HTMLElement => e !== null);
}

function problemsTable(o: ImportOutcome, lineLabel: MessageKey): HTMLElement {
  const shown = o.problems.slice(0, MAX_PROBLEM_ROWS);
  return h('div', {},
    tr('import.problems', undefined, 'h3'),
    h('table', { class: 'data-table compact', 'data-testid': 'import-problems' },
      h('thead', {}, h('tr', {}, h('th', { class: 'num' }, tr(lineLabel)), h('th', {}, tr('import.field')),
        h('th', {}, tr('import.reason')))),
      h('tbody', {}, shown.map((p) => h('tr', {},
        h('td', { class: 'num', 'data-col': 'line' }, p.line === null ? '—' : String(p.line)),
        h('td', { 'data-col': 'field' }, p.field ? h('code', {}, p.field) : '—'),
        h('td', { 'data-col': 'reason' }, p.reason || '—'))))),
    o.problems.length > shown.length
      ? tr('import.moreProblems', { shown: shown.length, total: o.problems.length }, 'p') : null);
}

/** For GeoJSON the server's `line` is the feature's number in the collection. */
export function renderOutcome(o: ImportOutcome, format: ImportFormat): HTMLElement {
  const good = o.kind === 'done';
  const stat = (label: MessageKey, value: HTMLElement | string, testId: string): HTMLElement =>
    h('span', { class: 'count-chip' }, tr(label), h('strong', { 'data-testid': testId }, value));
  return h('div', {
    class: 'import-summary', 'data-testid': 'import-summary', 'data-kind': o.kind,
    'data-imported': String(o.imported), 'data-failed': String(o.failed), 'data-committed': String(o.committed),
  },
  h('p', { class: `message message-${good ? 'ok' : 'error'}`, role: 'status', 'data-testid': 'import-message' }, summary(o)),
  o.kind === 'file' ? null : h('div', { class: 'count-chips' },
    stat('import.imported', String(o.imported), 'import-imported'),
    stat('import.failed', String(o.failed), 'import-failed'),
    stat('import.committed', tr(o.committed ? 'common.yes' : 'common.no'), 'import-committed')),
  o.kind === 'rows' ? tr('import.rejectedHint', undefined, 'p') : null,
  good && o.imported > 0 ? h('p', {}, h('a', { href: '#/map' }, tr('nav.map')), ' · ',
    h('a', { href: '#/risk/lists' }, tr('nav.riskLists'))) : null,
  o.problems.length ? problemsTable(o, format === 'geojson' ? 'import.feature' : 'import.line') : null);
}
