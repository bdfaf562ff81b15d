// Pure helpers behind the risk pages: colours and grades, counts, filters, GB 18218 inputs, error
// paths, viewport boxes, exposure, history text.
import { describe, expect, it } from 'vitest';
import type { RiskMapCollection } from '../../api/risk-types';
import { fieldPathCandidates } from '../../components/errors';
import { findChemical } from './assess/gb18218-form';
import { parseRadii, peopleWithin500 } from './exposure-section';
import { inputsText } from './history-section';
import { splitByGeometry } from './risk-layers';
import { exportUrl, listName } from './risk-lists-page';
import {
  assessmentValue, capacityText, circleRing, colourOf, completeLatest, coordinateBounds, filterQuery, filtersFromQuery,
  fullCounts, gradeKey, gradeOf, gridCell, splitTableCell, substanceInput, worstColour,
} from './risk-model';
import { bboxCovers, paddedBbox } from './viewport';

describe('colours and grades', () => {
  it('takes the colour from the item, its latest assessment, its result or its level', () => {
    expect(colourOf({ colour: 'red' })).toBe('red');
    expect(colourOf({ colour: null, latest: { method: 'lec', colour: 'blue' } })).toBe('blue');
    expect(colourOf({ latest: { method: 'ls', result: { value: 16, colour: 'orange' } } })).toBe('orange');
    expect(colourOf({ level: 'general' })).toBe('yellow');
    expect(colourOf({})).toBeNull();
  });
  it('reads the grade from grade or hazard_grade, also as feature text', () => {
    expect(gradeOf({ grade: 2 })).toBe(2);
    expect(gradeOf({ grade: null, hazard_grade: 1 })).toBe(1);
    expect(gradeOf({ grade: '3' })).toBe(3);
    expect(gradeOf({ grade: 'null' })).toBeNull();
    expect(gradeOf({ grade: 7 })).toBeNull();
    expect(gradeKey(4)).toBe('risk.grade.4');
    expect(gradeKey(null)).toBeNull();
  });
  it('finds the worst colour and reads grid cells with flat or nested counts', () => {
    expect(worstColour({ red: 0, orange: 0, yellow: 2, blue: 5 })).toBe('yellow');
    expect(worstColour({})).toBeNull();
    expect(gridCell({ red: 1, orange: 0, yellow: 0, blue: 2, total: 3, worst: 'red' }))
      .toEqual({ counts: { red: 1, orange: 0, yellow: 0, blue: 2 }, worst: 'red', total: 3 });
    expect(gridCell({ counts: { orange: 2, blue: 1 }, total: 3 }).worst).toBe('orange');
    expect(fullCounts({ red: 2, total: 9, unassessed: 1 })).toEqual({ red: 2, orange: 0, yellow: 0, blue: 0 });
  });
});

describe('filters and lists', () => {
  it('round-trips filters through the query, leaving out empty ones', () => {
    const filters = filtersFromQuery(new URLSearchParams('sector=gas&colour=red'));
    expect(filters).toEqual({ sector: 'gas', org_id: '', colour: 'red', kind: '' });
    expect(filterQuery(filters)).toEqual({ sector: 'gas', colour: 'red' });
  });
  it('builds export links as the list URL with format', () => {
    expect(exportUrl('major_hazard_sources', { sector: '', org_id: '7', colour: '', kind: '' }, 'csv'))
      .toBe('/api/v1/risk/lists/major_hazard_sources?org_id=7&format=csv');
    expect(listName('vulnerable_targets')).toBe('vulnerable_targets');
    expect(listName('nope')).toBe('major_risks');
  });
  it('shows a capacity only where the kind has one', () => {
    expect(capacityText({ kind: 'school', capacity: 0 })).toBe('0');
    expect(capacityText({ kind: 'enterprise_unit', capacity: 0 })).toBe('—');
    expect(capacityText({ kind: 'hospital', capacity: 850 })).toBe('850');
  });
});

describe('GB 18218 inputs', () => {
  const chemicals = [
    { name: '氨', alias: '液氨;氨气', cas: '7664-41-7', critical_t: 10 },
    { name: '甲烷,天然气', alias: null, cas: '74-82-8(甲烷);8006-14-2(天然气)', critical_t: 50 },
  ];
  it('sends a CAS number as cas, a name as name, and keeps bad quantities as text', () => {
    expect(substanceInput({ substance: '74-82-8', category: '', quantity: '20' })).toEqual({ cas: '74-82-8', quantity_t: 20 });
    expect(substanceInput({ substance: ' 某溶剂 ', category: 'W5.3', quantity: '400' }))
      .toEqual({ name: '某溶剂', category: 'W5.3', quantity_t: 400 });
    expect(substanceInput({ substance: '液氨', category: '', quantity: 'abc' }, '氨')).toEqual({ name: '氨', quantity_t: 'abc' });
  });
  it('finds Table 1 chemicals by name, part of a name, alias or CAS', () => {
    expect(splitTableCell('74-82-8(甲烷);8006-14-2(天然气)')).toEqual(['74-82-8', '8006-14-2']);
    expect(findChemical(chemicals, '液氨')?.name).toBe('氨');
    expect(findChemical(chemicals, '天然气')?.name).toBe('甲烷,天然气');
    expect(findChemical(chemicals, '8006-14-2')?.name).toBe('甲烷,天然气');
    expect(findChemical(chemicals, '某溶剂')).toBeUndefined();
  });
  it('summarises inputs for the history', () => {
    expect(inputsText('lec', { l: 6, e: 3, c: 15 })).toBe('L=6 E=3 C=15');
    expect(inputsText('gb18218', { substances: [{ name: '氯', quantity_t: 3 }, { name: 'x', category: 'W5.3', quantity_t: 4 }],
      people_500m: 120 })).toBe('氯 3 t; x (W5.3) 4 t; 500 m: 120');
  });
});

describe('errors, history and exposure', () => {
  it('looks for an error slot by the field path, then its prefixes', () => {
    expect(fieldPathCandidates('inputs.substances[1].quantity_t'))
      .toEqual(['inputs.substances[1].quantity_t', 'inputs.substances[1]', 'inputs.substances', 'inputs']);
    expect(fieldPathCandidates('name')).toEqual(['name']);
  });
  it('completes the latest assessment from the newest history entry', () => {
    const latest = { method: 'lec', assessed_at: 't1', value: 270 };
    const newest = { method: 'lec', assessed_at: 't1', inputs: { l: 6 }, assessor: 'a' };
    expect(completeLatest(latest, newest)).toEqual({ ...latest, ...newest });
    expect(completeLatest(latest, { ...newest, assessed_at: 't0' })).toBe(latest);
    expect(completeLatest(null, newest)).toBe(newest);
    expect(assessmentValue({ value: 108, result: { r: 1 } })).toBe(108);
    expect(assessmentValue({ result: { r: 6.4 } })).toBe(6.4);
  });
  it('parses radii and finds the head-count within 500 m', () => {
    expect(parseRadii('1000, 500，abc 500')).toEqual([500, 1000]);
    expect(peopleWithin500({ radii: [{ radius_m: 500, people: 42, targets: [] }] })).toBe(42);
    expect(peopleWithin500({ radii: [{ radius_m: 1000, people: 42, targets: [] }] })).toBeNull();
  });
});

describe('map geometry', () => {
  it('pads and compares viewport boxes', () => {
    expect(paddedBbox([0, 0, 2, 1], 0.5)).toEqual([-1, -0.5, 3, 1.5]);
    expect(bboxCovers([0, 0, 10, 10], [1, 1, 2, 2])).toBe(true);
    expect(bboxCovers([0, 0, 10, 10], [1, 1, 12, 2])).toBe(false);
  });
  it('draws a circle of the right size', () => {
    const b = coordinateBounds(circleRing([120.155, 30.315], 500))!;
    expect((b[3] - b[1]) * 111_320).toBeCloseTo(1000, 0);
  });
  it('sends points (and the parts of multipoints) to the clustered source, the rest apart', () => {
    const props = { id: 1, name: 'a', kind: 'bridge', sector: 'x', colour: 'red' as const, level: 'major' as const, grade: null };
    const collection: RiskMapCollection = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [1, 2] } },
      { type: 'Feature', properties: props, geometry: { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] } },
      { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] } },
    ] };
    const { points, shapes } = splitByGeometry(collection);
    expect(points.features).toHaveLength(3);
    expect(shapes.features.map((f) => f.geometry.type)).toEqual(['LineString']);
  });
});
