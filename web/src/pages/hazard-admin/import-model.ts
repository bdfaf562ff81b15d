// Pure helpers of the hazard ledger (台账) import: the request, the columns the server knows (Chinese
// or English headers) and the template file made in the browser (UTF-8 with a BOM, so Excel opens
// the Chinese headers correctly).
import { withQuery } from '../../api/client';
import { csvText, formatFromExtension, type ImportEncoding } from '../../components/file-import-model';

export const LEDGER_FORMATS = ['csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export interface LedgerColumn {
  zh: string;
  en: string;
  /** always, when assigned (整改中 and later), when closed, or never. */
  required: 'yes' | 'assigned' | 'closed' | 'no';
  example: string;
}

/** In the order of docs/hazards.md; the template has them in this order. */
export const LEDGER_COLUMNS: LedgerColumn[] = [
  { zh: '隐患编号', en: 'external_code', required: 'no', example: 'TZ-2026-001' },
  { zh: '隐患名称', en: 'title', required: 'no', example: '消防通道堵塞' },
  { zh: '隐患描述', en: 'description', required: 'yes', example: '小区北侧消防通道被杂物堵塞，消防车无法通行' },
  { zh: '隐患来源', en: 'source', required: 'no', example: '网格巡查' },
  { zh: '隐患等级', en: 'grade', required: 'no', example: '一般' },
  { zh: '行业领域', en: 'sector', required: 'yes', example: '消防安全' },
  { zh: '所属单位', en: 'org', required: 'yes', example: '和平街道' },
  { zh: '经度', en: 'lon', required: 'yes', example: '120.1425' },
  { zh: '纬度', en: 'lat', required: 'yes', example: '30.3258' },
  { zh: '地址', en: 'address', required: 'no', example: '和平街道示范小区北门' },
  { zh: '发现时间', en: 'found_at', required: 'no', example: '2026-03-01' },
  { zh: '状态', en: 'state', required: 'no', example: '待受理' },
  { zh: '整改责任单位', en: 'responsible_org', required: 'no', example: '' },
  { zh: '整改期限', en: 'deadline', required: 'assigned', example: '' },
  { zh: '销号时间', en: 'closed_at', required: 'closed', example: '' },
];

/** The words the server accepts for the source, grade and state columns (besides the codes). */
export const LEDGER_VALUES = {
  source: ['企业自查', '网格巡查', '部门检查', '执法检查', '专家检查', '群众举报', '暗访曝光'],
  grade: ['一般', '重大'],
  state: ['待受理', '不予受理', '已受理', '已交办', '整改中', '待验收', '已销号', '已整改', '未整改'],
} as const;

export const TEMPLATE_NAME = 'citysafe-hazard-ledger-template.csv';
const BOM = '\uFEFF';

/** The template: Chinese headers and one example row, CRLF lines, starting with a BOM. */
export function ledgerTemplateCsv(): string {
  const rows = [LEDGER_COLUMNS.map((c) => c.zh), LEDGER_COLUMNS.map((c) => c.example)];
  return `${BOM}${csvText(rows)}`;
}

export interface LedgerRequest {
  format: LedgerFormat;
  encoding: ImportEncoding;
  keepGoodRows: boolean;
}

/** The encoding only matters for CSV (an .xlsx file is always Unicode). */
export function ledgerImportUrl(req: LedgerRequest): string {
  return withQuery('/api/v1/hazards/import', {
    format: req.format, encoding: req.format === 'csv' ? req.encoding : undefined,
    keep_good_rows: String(req.keepGoodRows),
  });
}

export function ledgerContentType(format: LedgerFormat): string {
  return format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/** csv for *.csv / *.txt, xlsx for *.xlsx, else null (keep the current choice). */
export function ledgerFormatFromName(name: string): LedgerFormat | null {
  return formatFromExtension<LedgerFormat>(name, { csv: 'csv', txt: 'csv', xlsx: 'xlsx' });
}
