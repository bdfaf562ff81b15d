// #/hazards/import — hazard ledger import (台账导入): upload an existing ledger as CSV (UTF-8 or GBK)
// or .xlsx, byte for byte, with whether to keep the good rows when some fail; show upload progress,
// then the counts and the failing rows (line, field, reason) from a 200 or a 400 alike. Beside it,
// the columns the server reads and a template made in the browser.
import { uploadRaw } from '../../api/upload';
import { errorText, fieldError, hideMessage, messageLine, showMessage } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { readOutcome, type ImportOutcome } from '../risk/import-model';
import type { PageRenderer } from '../page';
import {
  LEDGER_COLUMNS, LEDGER_ENCODINGS, LEDGER_FORMATS, LEDGER_VALUES, TEMPLATE_NAME, ledgerContentType, ledgerFormatFromName,
  ledgerImportUrl, ledgerTemplateCsv, type LedgerEncoding, type LedgerFormat,
} from './import-model';
import './labels';

const MAX_PROBLEM_ROWS = 500;
const FORMAT_NAMES: Record<LedgerFormat, string> = { csv: 'CSV', xlsx: 'Excel (.xlsx)' };

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function summaryText(o: ImportOutcome): HTMLElement {
  if (o.kind === 'done') {
    return o.failed > 0 ? tr('hza.imp.doneWithProblems', { imported: o.imported, failed: o.failed })
      : tr('hza.imp.done', { imported: o.imported });
  }
  if (o.kind === 'rows') return tr('hza.imp.rejected', { failed: o.failed });
  return tr('hza.imp.fileError', { detail: o.detail || t('error.http', { status: o.status }) });
}

function renderOutcome(o: ImportOutcome): HTMLElement {
  const good = o.kind === 'done';
  const stat = (label: MessageKey, value: HTMLElement | string, testId: string): HTMLElement =>
    h('span', { class: 'count-chip' }, tr(label), h('strong', { 'data-testid': testId }, value));
  const shown = o.problems.slice(0, MAX_PROBLEM_ROWS);
  return h('section', {
    class: 'card import-summary', 'data-testid': 'import-summary', 'data-kind': o.kind,
    'data-imported': String(o.imported), 'data-failed': String(o.failed), 'data-committed': String(o.committed),
  },
  h('p', { class: `message message-${good ? 'ok' : 'error'}`, role: 'status', 'data-testid': 'import-message' }, summaryText(o),
    o.kind === 'file' && o.field ? h('span', {}, ` (${o.field})`) : null),
  o.kind === 'file' && !o.problems.length ? null : h('div', { class: 'count-chips' },
    stat('hza.imp.imported', String(o.imported), 'import-imported'),
    stat('hza.imp.failed', String(o.failed), 'import-failed'),
    stat('hza.imp.committed', tr(o.committed ? 'common.yes' : 'common.no'), 'import-committed')),
  o.kind === 'rows' ? tr('hza.imp.rejectedHint', undefined, 'p') : null,
  good && o.imported > 0 ? h('p', {}, h('a', { href: '#/hazards' }, tr('nav.hzList'))) : null,
  shown.length ? h('div', {}, tr('hza.imp.problems', undefined, 'h3'),
    h('table', { class: 'data-table compact', 'data-testid': 'import-problems' },
      h('thead', {}, h('tr', {}, h('th', { class: 'num' }, tr('hza.imp.line')), h('th', {}, tr('hza.imp.field')),
        h('th', {}, tr('hza.imp.reason')))),
      h('tbody', {}, shown.map((p) => h('tr', {},
        h('td', { class: 'num', 'data-col': 'line' }, p.line === null ? '—' : String(p.line)),
        h('td', { 'data-col': 'field' }, p.field ? h('code', {}, p.field) : '—'),
        h('td', { 'data-col': 'reason' }, p.reason || '—'))))),
    o.problems.length > shown.length ? tr('hza.imp.moreProblems', { shown: shown.length, total: o.problems.length }, 'p') : null)
    : null);
}

function help(): HTMLElement {
  const template = h('button', { type: 'button', 'data-testid': 'import-template' }, tr('hza.imp.template'));
  template.addEventListener('click', () => download(TEMPLATE_NAME, ledgerTemplateCsv()));
  const values = (key: MessageKey, list: readonly string[]): HTMLElement =>
    h('p', { class: 'hza-values' }, tr(key), ' ', list.map((v) => h('code', {}, v)));
  return h('section', { class: 'card import-help', 'data-testid': 'import-help' },
    tr('hza.imp.help', undefined, 'h2'), tr('hza.imp.helpText', undefined, 'p'),
    h('table', { class: 'data-table compact', 'data-testid': 'import-columns' },
      h('thead', {}, h('tr', {}, h('th', {}, tr('hza.imp.colZh')), h('th', {}, tr('hza.imp.colEn')),
        h('th', {}, tr('hza.imp.required')), h('th', {}, tr('hza.imp.meaning')))),
      h('tbody', {}, LEDGER_COLUMNS.map((c) => h('tr', { 'data-column': c.en },
        h('td', {}, c.zh), h('td', {}, h('code', {}, c.en)), h('td', { class: 'nowrap' }, tr(`hza.imp.req.${c.required}`)),
        h('td', {}, tr(`hza.imp.col.${c.en}` as MessageKey)))))),
    values('hza.imp.sources', LEDGER_VALUES.source), values('hza.imp.grades', LEDGER_VALUES.grade),
    values('hza.imp.states', LEDGER_VALUES.state),
    tr('hza.imp.sectorsHint', undefined, 'p'),
    h('div', { class: 'button-row import-links' }, template, tr('hza.imp.templateHint', undefined, 'small')));
}

export const renderLedgerImportPage: PageRenderer = (outlet) => {
  const file = h('input', { type: 'file', name: 'file', 'data-testid': 'import-file',
    accept: '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const format = h('select', { name: 'format', 'data-testid': 'import-format' },
    LEDGER_FORMATS.map((f) => h('option', { value: f }, FORMAT_NAMES[f])));
  const encoding = h('select', { name: 'encoding', 'data-testid': 'import-encoding' }, LEDGER_ENCODINGS.map((e) => {
    const option = h('option', { value: e });
    bindText(option, `hza.imp.encoding.${e}`);
    return option;
  }));
  const encodingField = formField('hza.imp.encoding', encoding, 'encoding');
  const keep = h('input', { type: 'checkbox', name: 'keep_good_rows', 'data-testid': 'import-keep-good-rows' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-submit' }, tr('hza.imp.submit'));
  const progress = h('progress', { max: 100, 'data-testid': 'import-progress' });
  const progressText = h('span', { class: 'muted', 'data-testid': 'import-progress-text' });
  const progressRow = h('div', { class: 'import-progress', hidden: true }, progress, progressText);
  const general = messageLine('import-error');
  const result = h('div', { 'data-testid': 'import-result' });
  const fileError = fieldError('file');

  const syncEncoding = (): void => { encodingField.hidden = format.value !== 'csv'; };
  format.addEventListener('change', syncEncoding);
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    const guessed = chosen ? ledgerFormatFromName(chosen.name) : null;
    if (guessed) format.value = guessed;
    syncEncoding();
    hideMessage(fileError);
  });

  const form = h('form', { class: 'form', 'data-testid': 'import-form', novalidate: true },
    h('div', { class: 'form-field', 'data-field': 'file' }, h('label', {}, tr('hza.imp.file'), file), fileError),
    h('div', { class: 'form-row' }, formField('hza.imp.format', format, 'format'), encodingField),
    tr('hza.imp.encodingHint', undefined, 'small'),
    h('div', { class: 'form-field' }, h('label', { class: 'check' }, keep, tr('hza.imp.keepGoodRows')),
      tr('hza.imp.keepGoodRowsHint', undefined, 'small')),
    h('div', { class: 'button-row' }, submit), progressRow, general);

  const showProgress = (loaded: number, total: number | null): void => {
    if (total) {
      progress.value = Math.round((loaded / total) * 100);
      bindText(progressText, 'hza.imp.uploading', { percent: progress.value });
    } else {
      progress.removeAttribute('value');
      bindText(progressText, 'hza.imp.uploadingBytes', { loaded: formatBytes(loaded) });
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hideMessage(general);
    const chosen = file.files?.[0];
    if (!chosen) {
      showMessage(fileError, t('hza.imp.noFile'), 'error');
      fileError.className = 'field-error';
      return;
    }
    const fmt = format.value as LedgerFormat;
    const url = ledgerImportUrl({ format: fmt, encoding: encoding.value as LedgerEncoding, keepGoodRows: keep.checked });
    submit.disabled = true;
    result.replaceChildren();
    progressRow.hidden = false;
    showProgress(0, chosen.size || null);
    void uploadRaw(url, chosen, {
      contentType: ledgerContentType(fmt),
      onProgress: showProgress,
      onSent: () => {
        progress.removeAttribute('value');
        bindText(progressText, 'hza.imp.checking');
      },
    }).then(({ status, body }) => {
      result.replaceChildren(renderOutcome(readOutcome(status, body)));
    }, (err: unknown) => {
      showMessage(general, errorText(err), 'error');
    }).finally(() => {
      submit.disabled = false;
      progressRow.hidden = true;
    });
  });

  outlet.append(h('section', { class: 'page import-page hza-import-page', 'data-testid': 'hazard-import-page' },
    tr('hza.imp.title', undefined, 'h1'), tr('hza.imp.intro', undefined, 'p'),
    h('div', { class: 'two-columns' },
      h('div', { class: 'stack' }, h('section', { class: 'card' }, form), result),
      help())));
};
