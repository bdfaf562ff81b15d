// Pure helpers of the risk-point import page: the request (URL, content type, format from the file
// name), reading the answer (200 result or 400 problem+json) and the example CSV.
import { withQuery } from '../../api/client';

export const IMPORT_FORMATS = ['csv', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const ENCODINGS = ['utf-8', 'gbk'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const CRSS = ['wgs84', 'gcj02'] as const;
export type Crs = (typeof CRSS)[number];

/** The CSV header, in this order; `required`: always, never, or for points (lon/lat, unless geometry). */
export const CSV_COLUMNS = [
  { name: 'name', required: 'yes' }, { name: 'kind', required: 'yes' }, { name: 'sector', required: 'yes' },
  { name: 'org_id', required: 'yes' }, { name: 'enterprise_id', required: 'no' }, { name: 'capacity', required: 'no' },
  { name: 'lon', required: 'point' }, { name: 'lat', required: 'point' }, { name: 'geometry', required: 'no' },
] as const;

export interface ImportRequest {
  format: ImportFormat;
  encoding: Encoding;
  crs: Crs;
  keepGoodRows: boolean;
}

export function importUrl(req: ImportRequest): string {
  return withQuery('/api/v1/risk/import', {
    format: req.format, encoding: req.encoding, crs: req.crs, keep_good_rows: String(req.keepGoodRows),
  });
}

export function contentTypeFor(format: ImportFormat): string {
  return format === 'csv' ? 'text/csv' : 'application/geo+json';
}

/** csv for *.csv / *.txt, geojson for *.geojson / *.json, else null (keep the current choice). */
export function formatFromName(name: string): ImportFormat | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  return null;
}

export interface ImportProblem {
  line: number | null;
  field: string;
  reason: string;
}

export interface ImportOutcome {
  status: number;
  /** Some rows went in. */
  committed: boolean;
  imported: number;
  failed: number;
  problems: ImportProblem[];
  /** problem+json detail (or title) when the import was refused. */
  detail: string;
  /** problem+json field of a whole-file error (e.g. malformed JSON). */
  field: string;
  /** rows: refused because rows failed (see problems); file: the file as a whole was refused. */
  kind: 'done' | 'rows' | 'file';
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function readOutcome(status: number, body: unknown): ImportOutcome {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const ok = status >= 200 && status < 300;
  const problems: ImportProblem[] = Array.isArray(b.problems) ? b.problems.map((p: unknown) => {
    const q = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
    return { line: num(q.line), field: str(q.field), reason: str(q.reason ?? q.detail ?? q.message) };
  }) : [];
  const committed = typeof b.committed === 'boolean' ? b.committed : ok;
  return {
    status, committed, problems,
    imported: num(b.imported) ?? 0,
    failed: num(b.failed) ?? problems.length,
    detail: str(b.detail) || str(b.title),
    field: str(b.field),
    kind: ok ? 'done' : Array.isArray(b.problems) ? 'rows' : 'file',
  };
}

/** One CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An example file around the demo district (lon 120.155, lat 30.315): a point and a line, owned by
 * the given community ids (the first twice if there is only one). Sector codes fall back to the
 * first known sector when the preferred one is absent.
 */
export function exampleCsv(orgIds: (string | number)[], sectors: string[]): string {
  const sector = (code: string): string => (sectors.length && !sectors.includes(code) ? sectors[0] : code);
  const [a = '', b = a] = orgIds.map(String);
  const pipe = { type: 'LineString', coordinates: [[120.1532, 30.3141], [120.1561, 30.3158], [120.1583, 30.3163]] };
  const rows: (string | number | null)[][] = [
    CSV_COLUMNS.map((c) => c.name),
    ['示例商场', 'crowded_place', sector('commerce'), a, '', 3000, 120.1551, 30.3152, ''],
    ['示例人行天桥', 'bridge', sector('urban_operation'), b, '', '', 120.1573, 30.3139, ''],
    ['示例燃气中压管线', 'gas_pipeline', sector('gas'), a, '', '', '', '', JSON.stringify(pipe)],
  ];
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
