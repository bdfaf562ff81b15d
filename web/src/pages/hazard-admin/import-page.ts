// #/hazards/import — hazard ledger import (台账导入): upload an existing ledger as CSV (UTF-8 or GBK)
// or .xlsx, byte for byte, with whether to keep the good rows when some fail; show upload progress,
// then the counts and the failing rows (line, field, reason) from a 200 or a 400 alike. Beside it,
// the columns the server reads and a template made in the browser.
import { createFileImport, downloadText } from '../../components/file-import';
import { h, tableHead, tr } from '../../dom';
import type { MessageKey } from '../../i18n';
import type { PageRenderer } from '../page';
import {
  LEDGER_COLUMNS, LEDGER_FORMATS, LEDGER_VALUES, TEMPLATE_NAME, ledgerContentType, ledgerFormatFromName,
  ledgerImportUrl, ledgerTemplateCsv, type LedgerFormat,
} from './import-model';
import './labels';

const FORMAT_NAMES: Record<LedgerFormat, string> = { csv: 'CSV', xlsx: 'Excel (.xlsx)' };

function help(): HTMLElement {
  const template = h('button', { type: 'button', 'data-testid': 'import-template' }, tr('hza.imp.template'));
  template.addEventListener('click', () => downloadText(TEMPLATE_NAME, ledgerTemplateCsv()));
  const values = (key: MessageKey, list: readonly string[]): HTMLElement =>
    h('p', { class: 'hza-values' }, tr(key), ' ', list.map((v) => h('code', {}, v)));
  return h('section', { class: 'card import-help', 'data-testid': 'import-help' },
    tr('hza.imp.help', undefined, 'h2'), tr('hza.imp.helpText', undefined, 'p'),
    h('table', { class: 'data-table compact', 'data-testid': 'import-columns' },
      tableHead(['hza.imp.colZh', 'hza.imp.colEn', 'hza.imp.required', 'hza.imp.meaning']),
      h('tbody', {}, LEDGER_COLUMNS.map((c) => h('tr', { 'data-column': c.en },
        h('td', {}, c.zh), h('td', {}, h('code', {}, c.en)), h('td', { class: 'nowrap' }, tr(`hza.imp.req.${c.required}`)),
        h('td', {}, tr(`hza.imp.col.${c.en}` as MessageKey)))))),
    values('hza.imp.sources', LEDGER_VALUES.source), values('hza.imp.grades', LEDGER_VALUES.grade),
    values('hza.imp.states', LEDGER_VALUES.state),
    tr('hza.imp.sectorsHint', undefined, 'p'),
    h('div', { class: 'button-row import-links' }, template, tr('hza.imp.templateHint', undefined, 'small')));
}

export const renderLedgerImportPage: PageRenderer = (outlet) => {
  const importer = createFileImport<LedgerFormat>({
    formats: LEDGER_FORMATS,
    formatNames: FORMAT_NAMES,
    accept: '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    formatFromName: ledgerFormatFromName,
    contentType: ledgerContentType,
    url: ledgerImportUrl,
    messages: { file: 'hza.imp.file', noFile: 'hza.imp.noFile', formatHint: 'hza.imp.encodingHint' },
    // An .xlsx file is always Unicode.
    encodedFormats: ['csv'],
    report: () => ({
      done: 'hza.imp.done', doneWithProblems: 'hza.imp.doneWithProblems',
      doneLinks: () => [h('a', { href: '#/hazards' }, tr('nav.hzList'))],
    }),
  });

  outlet.append(h('section', { class: 'page import-page hza-import-page', 'data-testid': 'hazard-import-page' },
    tr('hza.imp.title', undefined, 'h1'), tr('hza.imp.intro', undefined, 'p'),
    h('div', { class: 'two-columns' }, importer, help())));
};
