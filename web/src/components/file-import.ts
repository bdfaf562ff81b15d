// The file import (导入) form and its report, shared by the risk-point and hazard-ledger pages: choose
// a file (its extension picks the format), the encoding and whether to keep the good rows when some
// fail; upload the raw bytes with progress (api/upload.ts, so GBK arrives untouched); then show the
// counts and the failing rows (line, field, reason) from a 200 or a 400 problem alike.
import { uploadRaw } from '../api/upload';
import { h, tr, type Child } from '../dom';
import { bindText, t, type MessageKey } from '../i18n';
import { errorText, fieldError, hideMessage, messageLine, showMessage } from './errors';
import { IMPORT_ENCODINGS, readOutcome, type ImportEncoding, type ImportOutcome } from './file-import-model';
import { formField } from './form-field';

/** Enough rows to fix a file; the counts above say how many failed in all. */
export const MAX_PROBLEM_ROWS = 500;

export interface ImportChoice<F extends string> {
  format: F;
  encoding: ImportEncoding;
  keepGoodRows: boolean;
}

/** What the report says for a given page: the success lines ({imported}, {failed}) and where to go next. */
export interface ReportOptions {
  done: MessageKey;
  doneWithProblems: MessageKey;
  /** The heading of the problems' line column (default 行号). */
  lineLabel?: MessageKey;
  /** Links shown after rows went in. */
  doneLinks?(): Child[];
}

export interface FileImportOptions<F extends string> {
  formats: readonly F[];
  formatNames: Record<F, string>;
  /** The file input's accept list. */
  accept: string;
  formatFromName(name: string): F | null;
  contentType(format: F): string;
  url(choice: ImportChoice<F>): string;
  /** The file label, the no-file error and the hint under the format and encoding. */
  messages: { file: MessageKey; noFile: MessageKey; formatHint: MessageKey };
  /** The formats the encoding applies to; the encoding field hides for others. Default: all. */
  encodedFormats?: readonly F[];
  /** Fields after the format hint (the risk page's coordinate system). */
  extraFields?: Child[];
  report(format: F): ReportOptions;
}

/** A select named `name` (test id import-<name>) whose options are labelled by message keys or by fixed names. */
export function importSelect(name: string, values: readonly string[],
  label: (v: string) => MessageKey | { text: string }): HTMLSelectElement {
  return h('select', { name, 'data-testid': `import-${name}` }, values.map((v) => {
    const option = h('option', { value: v });
    const key = label(v);
    if (typeof key === 'string') bindText(option, key);
    else option.textContent = key.text;
    return option;
  }));
}

/** Offers a text file (CSV) made in the browser as a download. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function summary(o: ImportOutcome, options: ReportOptions): HTMLElement[] {
  if (o.kind === 'done') {
    return [o.failed > 0 ? tr(options.doneWithProblems, { imported: o.imported, failed: o.failed })
      : tr(options.done, { imported: o.imported })];
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

/** The report card: summary line, counts (unless the whole file was refused), hint or links, failing rows. */
export function renderImportReport(o: ImportOutcome, options: ReportOptions): HTMLElement {
  const good = o.kind === 'done';
  const stat = (label: MessageKey, value: HTMLElement | string, testId: string): HTMLElement =>
    h('span', { class: 'count-chip' }, tr(label), h('strong', { 'data-testid': testId }, value));
  return h('section', {
    class: 'card import-summary', 'data-testid': 'import-summary', 'data-kind': o.kind,
    'data-imported': String(o.imported), 'data-failed': String(o.failed), 'data-committed': String(o.committed),
  },
  h('p', { class: `message message-${good ? 'ok' : 'error'}`, role: 'status', 'data-testid': 'import-message' },
    summary(o, options)),
  o.kind === 'file' ? null : h('div', { class: 'count-chips' },
    stat('import.imported', String(o.imported), 'import-imported'),
    stat('import.failed', String(o.failed), 'import-failed'),
    stat('import.committed', tr(o.committed ? 'common.yes' : 'common.no'), 'import-committed')),
  o.kind === 'rows' ? tr('import.rejectedHint', undefined, 'p') : null,
  good && o.imported > 0 && options.doneLinks ? h('p', {}, options.doneLinks()) : null,
  o.problems.length ? problemsTable(o, options.lineLabel ?? 'import.line') : null);
}

/** The form card and, below it, the report of the last upload. */
export function createFileImport<F extends string>(options: FileImportOptions<F>): HTMLElement {
  const file = h('input', { type: 'file', name: 'file', 'data-testid': 'import-file', accept: options.accept });
  const format = importSelect('format', options.formats, (v) => ({ text: options.formatNames[v as F] }));
  const encoding = importSelect('encoding', IMPORT_ENCODINGS, (v) => `import.encoding.${v}` as MessageKey);
  const encodingField = formField('import.encoding', encoding, 'encoding');
  const keep = h('input', { type: 'checkbox', name: 'keep_good_rows', 'data-testid': 'import-keep-good-rows' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-submit' }, tr('import.submit'));
  const progress = h('progress', { max: 100, 'data-testid': 'import-progress' });
  const progressText = h('span', { class: 'muted', 'data-testid': 'import-progress-text' });
  const progressRow = h('div', { class: 'import-progress', hidden: true }, progress, progressText);
  const general = messageLine('import-error');
  const result = h('div', { 'data-testid': 'import-result' });
  const fileError = fieldError('file');

  const encoded = options.encodedFormats ?? options.formats;
  const syncEncoding = (): void => { encodingField.hidden = !encoded.includes(format.value as F); };
  format.addEventListener('change', syncEncoding);
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    const guessed = chosen ? options.formatFromName(chosen.name) : null;
    if (guessed) format.value = guessed;
    syncEncoding();
    hideMessage(fileError);
  });

  const form = h('form', { class: 'form', 'data-testid': 'import-form', novalidate: true },
    h('div', { class: 'form-field', 'data-field': 'file' }, h('label', {}, tr(options.messages.file), file), fileError),
    h('div', { class: 'form-row' }, formField('import.format', format, 'format'), encodingField),
    tr(options.messages.formatHint, undefined, 'small'),
    options.extraFields ?? null,
    h('div', { class: 'form-field' }, h('label', { class: 'check' }, keep, tr('import.keepGoodRows')),
      tr('import.keepGoodRowsHint', undefined, 'small')),
    h('div', { class: 'button-row' }, submit), progressRow, general);

  const showProgress = (loaded: number, total: number | null): void => {
    if (total) {
      progress.value = Math.round((loaded / total) * 100);
      bindText(progressText, 'import.uploading', { percent: progress.value });
    } else {
      progress.removeAttribute('value');
      bindText(progressText, 'import.uploadingBytes', { loaded: formatBytes(loaded) });
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    hideMessage(general);
    const chosen = file.files?.[0];
    if (!chosen) {
      showMessage(fileError, t(options.messages.noFile), 'error');
      fileError.className = 'field-error';
      return;
    }
    const fmt = format.value as F;
    const url = options.url({ format: fmt, encoding: encoding.value as ImportEncoding, keepGoodRows: keep.checked });
    submit.disabled = true;
    result.replaceChildren();
    progressRow.hidden = false;
    showProgress(0, chosen.size || null);
    void uploadRaw(url, chosen, {
      contentType: options.contentType(fmt),
      onProgress: showProgress,
      onSent: () => {
        progress.removeAttribute('value');
        bindText(progressText, 'import.checking');
      },
    }).then(({ status, body }) => {
      result.replaceChildren(renderImportReport(readOutcome(status, body), options.report(fmt)));
    }, (err: unknown) => {
      showMessage(general, errorText(err), 'error');
    }).finally(() => {
      submit.disabled = false;
      progressRow.hidden = true;
    });
  });

  syncEncoding();
  return h('div', { class: 'stack' }, h('section', { class: 'card' }, form), result);
}
