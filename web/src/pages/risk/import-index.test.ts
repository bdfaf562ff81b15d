import { describe, expect, it } from 'vitest';
import type { SafetyIndexItem, SafetyIndexWeights } from '../../api/risk-types';
import { csvCell, readOutcome } from '../../components/file-import-model';
import { computeLoad, indexColour, indexFor, loadTerms, rankByIndex } from './index-model';
import { contentTypeFor, exampleCsv, formatFromName, importUrl } from './import-model';
import { exportUrl } from './risk-lists-page';
import { NO_FILTERS } from './risk-model';

const W: SafetyIndexWeights = { red: 10, orange: 5, yellow: 2, blue: 0.5, grade_1: 8, grade_2: 6, grade_3: 4, grade_4: 2, scale: 50 };
// Two streets as the demo server answers them.
const heping: SafetyIndexItem = { org_id: 8, name: '和平街道', index: 15.9, load: 263.5,
  counts: { red: 15, orange: 15, yellow: 16, blue: 13, unassessed: 7, total: 66 },
  major_hazard_sources: { 1: 0, 2: 0, 3: 0, 4: 0 } };
const wenlan: SafetyIndexItem = { org_id: 12, name: '文澜街道', index: 13.1, load: 330.5,
  counts: { red: 18, orange: 14, yellow: 17, blue: 25, unassessed: 10, total: 84 },
  major_hazard_sources: { 1: 2, 2: 1, 3: 2, 4: 2 } };

describe('safety index', () => {
  it('ranks the lowest index first', () => {
    expect(rankByIndex([heping, wenlan, { ...heping, org_id: 1, name: '空', index: 100, load: 0, counts: {} }])
      .map((i) => i.org_id)).toEqual([12, 8, 1]);
  });
  it('recomputes the load and index the way the server does', () => {
    expect(computeLoad(heping, W)).toBe(263.5);
    expect(computeLoad(wenlan, W)).toBe(330.5);
    expect(indexFor(263.5, 50)).toBe(15.9);
    expect(indexFor(330.5, 50)).toBe(13.1);
    expect(indexFor(0, 50)).toBe(100);
    expect(loadTerms(wenlan, W)).toEqual(['10×18', '5×14', '2×17', '0.5×25', '8×2', '6×1', '4×2', '2×2']);
  });
  it('blends the bar colour from red to blue', () => {
    expect(indexColour(0)).toBe('#d7191c');
    expect(indexColour(100)).toBe('#2c7bb6');
    expect(indexColour(-5)).toBe('#d7191c');
  });
});

describe('risk-point import', () => {
  it('builds the request', () => {
    expect(importUrl({ format: 'csv', encoding: 'gbk', crs: 'gcj02', keepGoodRows: false }))
      .toBe('/api/v1/risk/import?format=csv&encoding=gbk&crs=gcj02&keep_good_rows=false');
    expect(contentTypeFor('csv')).toBe('text/csv');
    expect(contentTypeFor('geojson')).toBe('application/geo+json');
    expect(formatFromName('点位.CSV')).toBe('csv');
    expect(formatFromName('a.geojson')).toBe('geojson');
    expect(formatFromName('a.json')).toBe('geojson');
    expect(formatFromName('a.xlsx')).toBeNull();
  });
  it('reads a committed import, a refused one and a whole-file error', () => {
    const problems = [{ line: 3, field: 'sector', reason: "unknown sector 'x'" }];
    expect(readOutcome(200, { imported: 2, failed: 1, committed: true, problems })).toEqual({
      status: 200, kind: 'done', imported: 2, failed: 1, committed: true, problems, detail: '', field: '' });
    const refused = readOutcome(400, { title: 'Invalid', detail: '1 of 3 rows failed; nothing was imported',
      imported: 0, failed: 1, committed: false, problems });
    expect(refused).toMatchObject({ kind: 'rows', imported: 0, failed: 1, committed: false, problems });
    expect(readOutcome(400, { title: 'Invalid', detail: 'malformed JSON', field: 'body' }))
      .toMatchObject({ kind: 'file', committed: false, detail: 'malformed JSON', field: 'body', problems: [] });
    expect(readOutcome(500, null)).toMatchObject({ kind: 'file', detail: '', imported: 0 });
  });
  it('quotes CSV cells and makes an example file', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('{"type":"Point"}')).toBe('"{""type"":""Point""}"');
    expect(csvCell(null)).toBe('');
    const lines = exampleCsv([9, 10], ['commerce', 'gas']).trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,kind,sector,org_id,enterprise_id,capacity,lon,lat,geometry');
    expect(lines[1]).toBe('示例商场,crowded_place,commerce,9,,3000,120.1551,30.3152,');
    expect(lines[2]).toContain(',bridge,commerce,10,');
    expect(lines[3]).toMatch(/^示例燃气中压管线,gas_pipeline,gas,9,,,,,"\{""type"":""LineString""/);
  });
});

describe('list export', () => {
  it('adds crs=gcj02 only for GCJ-02', () => {
    expect(exportUrl('major_risks', NO_FILTERS, 'csv')).toBe('/api/v1/risk/lists/major_risks?format=csv');
    expect(exportUrl('major_risks', NO_FILTERS, 'geojson', 'gcj02'))
      .toBe('/api/v1/risk/lists/major_risks?format=geojson&crs=gcj02');
  });
});
