// #/risk/import — risk-point import (风险点导入): upload a CSV or GeoJSON file as it is (raw bytes,
// so GBK arrives untouched) with its format, encoding, coordinate system and whether to keep the
// good rows when some fail; show upload progress, then the summary and the failing rows.
import { createFileImport, importSelect } from '../../components/file-import';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import type { MessageKey } from '../../i18n';
import type { PageRenderer } from '../page';
import { createImportHelp } from './import-help';
import {
  CRSS, IMPORT_FORMATS, contentTypeFor, formatFromName, importUrl, type Crs, type ImportFormat,
} from './import-model';

const FORMAT_NAMES: Record<ImportFormat, string> = { csv: 'CSV', geojson: 'GeoJSON' };

export const renderImportPage: PageRenderer = (outlet) => {
  const crs = importSelect('crs', CRSS, (v) => `import.crs.${v}` as MessageKey);
  const importer = createFileImport<ImportFormat>({
    formats: IMPORT_FORMATS,
    formatNames: FORMAT_NAMES,
    accept: '.csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json',
    formatFromName,
    contentType: contentTypeFor,
    url: (choice) => importUrl({ ...choice, crs: crs.value as Crs }),
    messages: { file: 'import.file', noFile: 'import.noFile', formatHint: 'import.formatHint' },
    extraFields: [formField('import.crs', crs, 'crs'), tr('import.crsHint', undefined, 'small')],
    // For GeoJSON the server's `line` is the feature's number in the collection.
    report: (format) => ({
      done: 'import.done', doneWithProblems: 'import.doneWithProblems',
      lineLabel: format === 'geojson' ? 'import.feature' : 'import.line',
      doneLinks: () => [h('a', { href: '#/map' }, tr('nav.map')), ' · ', h('a', { href: '#/risk/lists' }, tr('nav.riskLists'))],
    }),
  });

  outlet.append(h('section', { class: 'page import-page', 'data-testid': 'risk-import-page' },
    tr('import.title', undefined, 'h1'), tr('import.intro', undefined, 'p'),
    h('div', { class: 'two-columns' }, importer, createImportHelp())));
};
