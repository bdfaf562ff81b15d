// The import page's documentation: the CSV columns, the kind, sector and community codes, an
// example CSV made in the browser, and a link to the existing export (the three lists).
import { api, getPage } from '../../api/client';
import { RISK_KINDS } from '../../api/risk-types';
import type { Org, Sector } from '../../api/types';
import { downloadText } from '../../components/file-import';
import { h, tr, type Child } from '../../dom';
import { catalogues, type MessageKey } from '../../i18n';
import { CSV_COLUMNS, exampleCsv } from './import-model';

const EXAMPLE_NAME = 'citysafe-risk-points-example.csv';

function table(testId: string, heads: MessageKey[], rows: Child[][]): HTMLElement {
  return h('table', { class: 'data-table compact', 'data-testid': testId },
    h('thead', {}, h('tr', {}, heads.map((k) => h('th', {}, tr(k))))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))));
}

const code = (text: string | number): HTMLElement => h('code', {}, String(text));

function codeList(title: MessageKey, testId: string, rows: Child[][], heads: MessageKey[], open = true): HTMLElement {
  return h('details', { class: 'code-list', open }, h('summary', {}, tr(title), ` (${rows.length})`), table(testId, heads, rows));
}

export function createImportHelp(): HTMLElement {
  const codes = h('div', {}, tr('app.loading', undefined, 'p'));
  let sectors: Sector[] = [];
  let communities: Org[] = [];
  const loaded = Promise.all([
    api<Sector[]>('GET', '/api/v1/sectors').then((s) => { sectors = s; }).catch(() => undefined),
    getPage<Org>('/api/v1/orgs', { kind: 'community' }, null, 500)
      .then((p) => { communities = p.items.filter((o) => o.kind === 'community'); }).catch(() => undefined),
  ]).then(() => codes.replaceChildren(
    codeList('import.kinds', 'import-kinds', RISK_KINDS.map((k) => [code(k),
      catalogues['zh-CN'][`risk.kind.${k}`], catalogues.en[`risk.kind.${k}`]]),
    ['import.code', 'import.nameZh', 'import.nameEn']),
    codeList('import.sectors', 'import-sectors', sectors.map((s) => [code(s.code), s.name_zh, s.name_en]),
      ['import.code', 'import.nameZh', 'import.nameEn']),
    codeList('import.communities', 'import-communities', communities.map((o) => [code(o.id), o.name]),
      ['import.orgId', 'import.orgName'], false)));

  const example = h('button', { type: 'button', 'data-testid': 'import-example' }, tr('import.example'));
  example.addEventListener('click', () => void loaded.then(() =>
    downloadText(EXAMPLE_NAME, exampleCsv(communities.map((o) => o.id), sectors.map((s) => s.code)))));

  return h('section', { class: 'card import-help', 'data-testid': 'import-help' },
    tr('import.help', undefined, 'h2'),
    tr('import.csvHelp', undefined, 'p'),
    table('import-columns', ['import.column', 'import.required', 'import.meaning'], CSV_COLUMNS.map((c) =>
      [code(c.name), tr(`import.req.${c.required}`), tr(`import.col.${c.name}`)])),
    tr('import.geojsonHelp', undefined, 'p'),
    codes,
    h('div', { class: 'button-row import-links' }, example, tr('import.exampleHint', undefined, 'small')),
    h('p', {}, h('a', { href: '#/risk/lists', 'data-testid': 'import-export-link' }, tr('import.exportLink'))));
}
