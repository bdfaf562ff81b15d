// #/risk/import — risk-point import (风险点导入): upload a CSV or GeoJSON file as it is (raw bytes,
// so GBK arrives untouched) with its format, encoding, coordinate system and whether to keep the
// good rows when some fail; show upload progress, then the summary and the failing rows.
import { uploadRaw } from '../../api/upload';
import { errorText, fieldError, hideMessage, messageLine, showMessage } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import type { PageRenderer } from '../page';
import { createImportHelp } from './import-help';
import {
  CRSS, ENCODINGS, IMPORT_FORMATS, contentTypeFor, formatFromName, importUrl, readOutcome,
  type Crs, type Encoding, type ImportFormat,
} from './import-model';
import { renderOutcome } from './import-result';

const FORMAT_NAMES: Record<ImportFormat, string> = { csv: 'CSV', geojson: 'GeoJSON' };

/** A select whose options are labelled by message keys, or by fixed names when no key is given. */
function select(name: string, values: readonly string[], label: (v: string) => MessageKey | { text: string }): HTMLSelectElement {
  return h('select', { name, 'data-testid': `import-${name}` }, values.map((v) => {
    const option = h('option', { value: v });
    const key = label(v);
    if (typeof key === 'string') bindText(option, key);
    else option.textContent = key.text;
    return option;
  }));
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const renderImportPage: PageRenderer = (outlet) => {
  const file = h('input', { type: 'file', name: 'file', 'data-testid': 'import-file',
    accept: '.csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json' });
  const format = select('format', IMPORT_FORMATS, (v) => ({ text: FORMAT_NAMES[v as ImportFormat] }));
  const encoding = select('encoding', ENCODINGS, (v) => `import.encoding.${v}` as MessageKey);
  const crs = select('crs', CRSS, (v) => `import.crs.${v}` as MessageKey);
  const keep = h('input', { type: 'checkbox', name: 'keep_good_rows', 'data-testid': 'import-keep-good-rows' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-submit' }, tr('import.submit'));
  const progress = h('progress', { max: 100, 'data-testid': 'import-progress' });
  const progressText = h('span', { class: 'muted', 'data-testid': 'import-progress-text' });
  const progressRow = h('div', { class: 'import-progress', hidden: true }, progress, progressText);
  const general = messageLine('import-error');
  const result = h('div', { 'data-testid': 'import-result' });
  const fileError = fieldError('file');

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    const guessed = chosen ? formatFromName(chosen.name) : null;
    if (guessed) format.value = guessed;
    hideMessage(fileError);
  });

  const form = h('form', { class: 'form', 'data-testid': 'import-form', novalidate: true },
    h('div', { class: 'form-field', 'data-field': 'file' }, h('label', {}, tr('import.file'), file), fileError),
    h('div', { class: 'form-row' },
      formField('import.format', format, 'format'), formField('import.encoding', encoding, 'encoding')),
    tr('import.formatHint', undefined, 'small'),
    formField('import.crs', crs, 'crs'),
    tr('import.crsHint', undefined, 'small'),
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
      showMessage(fileError, t('import.noFile'), 'error');
      fileError.className = 'field-error';
      return;
    }
    const fmt = format.value as ImportFormat;
    const url = importUrl({ format: fmt, encoding: encoding.value as Encoding, crs: crs.value as Crs,
      keepGoodRows: keep.checked });
    submit.disabled = true;
    result.replaceChildren();
    progressRow.hidden = false;
    showProgress(0, chosen.size || null);
    void uploadRaw(url, chosen, {
      contentType: contentTypeFor(fmt),
      onProgress: showProgress,
      onSent: () => {
        progress.removeAttribute('value');
        bindText(progressText, 'import.checking');
      },
    }).then(({ status, body }) => {
      result.replaceChildren(h('section', { class: 'card' }, renderOutcome(readOutcome(status, body), fmt)));
    }, (err: unknown) => {
      showMessage(general, errorText(err), 'error');
    }).finally(() => {
      submit.disabled = false;
      progressRow.hidden = true;
    });
  });

  outlet.append(h('section', { class: 'page import-page', 'data-testid': 'risk-import-page' },
    tr('import.title', undefined, 'h1'), tr('import.intro', undefined, 'p'),
    h('div', { class: 'two-columns' },
      h('div', { class: 'stack' }, h('section', { class: 'card' }, form), result),
      createImportHelp())));
};
