// Pure helpers of the risk-point import page: the request (URL, content type, format from the file
// name) and the example CSV. Reading the answer is components/file-import-model.ts.
import { withQuery } from '../../api/client';
import { csvText, formatFromExtension, type ImportEncoding } from '../../components/file-import-model';

export const IMPORT_FORMATS = ['csv', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
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
  encoding: ImportEncoding;
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
  return formatFromExtension<ImportFormat>(name, { csv: 'csv', txt: 'csv', geojson: 'geojson', json: 'geojson' });
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
  return csvText(rows);
}
