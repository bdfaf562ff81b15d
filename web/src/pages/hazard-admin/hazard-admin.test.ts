import { describe, expect, it } from 'vitest';
import { badgeText, isHazardEvent } from '../../shell/notification-bell';
import {
  addEntry, calendarPayload, daysInMonth, entriesFromCalendar, entryProblem, monthGrid, removeEntry, summarize, weekdayOf,
} from './calendar-model';
import {
  LEDGER_COLUMNS, ledgerContentType, ledgerFormatFromName, ledgerImportUrl, ledgerTemplateCsv,
} from './import-model';
import { emptyRule, formToPolicy, policyToForm, wholeNumber } from './policy-model';
import {
  beijingToday, breakdown, figureText, figuresOf, formatDays, formatRate, isIsoDay, matchPreset, periodFromQuery,
  presetPeriod, rankRows, rankingUrl, statsUrl,
} from './stats-model';
import { filterFromQuery, filterQuery, nextMilestone, overdueDays, sortSupervised, supervisionUrl } from './supervision-model';
import type { HazardPolicyJson, SupervisedHazard } from './types';

describe('statistics period', () => {
  it('takes today in Beijing, whatever the browser zone', () => {
    expect(beijingToday(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(beijingToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
  });
  it('makes this month, quarter and year up to today', () => {
    expect(presetPeriod('month', '2026-11-22')).toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(presetPeriod('quarter', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-11-22' });
    expect(presetPeriod('quarter', '2026-03-05')).toEqual({ from: '2026-01-01', to: '2026-03-05' });
    expect(presetPeriod('quarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('year', '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-11-22' });
  });
  it('recognises a preset and reads the route query', () => {
    expect(matchPreset({ from: '2026-10-01', to: '2026-11-22' }, '2026-11-22')).toBe('quarter');
    expect(matchPreset({ from: '2026-10-02', to: '2026-11-22' }, '2026-11-22')).toBeNull();
    // On the first of a quarter's first month, month and quarter coincide: month is named first.
    expect(matchPreset(presetPeriod('quarter', '2026-10-05'), '2026-10-05')).toBe('month');
    expect(periodFromQuery(new URLSearchParams('from=2026-02-01&to=2026-02-28'), '2026-11-22'))
      .toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodFromQuery(new URLSearchParams('from=2026-02-30&to=2026-03-01'), '2026-11-22'))
      .toEqual({ from: '2026-01-01', to: '2026-11-22' });
    expect(periodFromQuery(new URLSearchParams('from=2026-05-01&to=2026-04-01&preset=month'), '2026-11-22'))
      .toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2028-02-29')).toBe(true);
  });
  it('builds the requests', () => {
    const p = { from: '2026-01-01', to: '2026-11-22' };
    expect(statsUrl(p)).toBe('/api/v1/hazard-stats?from=2026-01-01&to=2026-11-22');
    expect(statsUrl(p, 'gas')).toBe('/api/v1/hazard-stats?from=2026-01-01&to=2026-11-22&sector=gas');
    expect(rankingUrl('department', p)).toBe('/api/v1/hazard-stats/ranking?by=department&from=2026-01-01&to=2026-11-22');
  });
});

describe('statistics figures', () => {
  const f = figuresOf({ found: 14, closed: 6, closed_on_time: 5, closure_rate: 6 / 14, on_time_rate: 5 / 6,
    overdue_now: 3, avg_days_to_close: 12.345 });
  it('fills missing figures with 0', () => {
    expect(figuresOf(undefined)).toEqual({ found: 0, closed: 0, closed_on_time: 0, open: 0, overdue_now: 0,
      closure_rate: 0, on_time_rate: 0, avg_days_to_close: 0 });
    expect(f.open).toBe(0);
  });
  it('formats rates and days, with a dash where there is no base', () => {
    expect(formatRate(6 / 14)).toBe('42.9%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(0, 0)).toBe('—');
    expect(formatDays(12.345, 6)).toBe('12.3');
    expect(formatDays(0, 0)).toBe('—');
    expect(figureText(f, 'found')).toBe('14');
    expect(figureText(f, 'closure_rate')).toBe('42.9%');
    expect(figureText(f, 'on_time_rate')).toBe('83.3%');
    expect(figureText(f, 'overdue_now')).toBe('3');
    expect(figureText(f, 'avg_days_to_close')).toBe('12.3');
    expect(figureText(figuresOf({ found: 2 }), 'on_time_rate')).toBe('—');
  });
  it('orders a breakdown as the contract lists it, unknown keys last', () => {
    expect(breakdown({ major: { found: 1 }, extra: {}, general: { found: 2 } }, ['general', 'major']).map((r) => r.key))
      .toEqual(['general', 'major', 'extra']);
    expect(breakdown(undefined, ['general'])).toEqual([]);
  });
  it('ranks by the server rank, or by closure, on-time and overdue', () => {
    const served = [{ rank: 2, org_id: 1, name: 'A' }, { rank: 1, org_id: 2, name: 'B' }];
    expect(rankRows(served).map((r) => [r.rank, r.name])).toEqual([[1, 'B'], [2, 'A']]);
    const unranked = [
      { org_id: 1, name: '和平街道', closure_rate: 0.5, on_time_rate: 1, overdue_now: 0 },
      { org_id: 2, name: '文澜街道', closure_rate: 0.8, on_time_rate: 0.5, overdue_now: 2 },
      { org_id: 3, name: '康宁街道', closure_rate: 0.5, on_time_rate: 1, overdue_now: 1 },
      { org_id: 4, name: '青禾镇', closure_rate: 0.5, on_time_rate: 0.9, overdue_now: 0 },
    ];
    expect(rankRows(unranked).map((r) => [r.rank, r.org_id])).toEqual([[1, 2], [2, 1], [3, 3], [4, 4]]);
    expect(rankRows(unranked)[0].figures.closure_rate).toBe(0.8);
  });
});

describe('working-day calendar', () => {
  const cal = {
    year: 2026,
    holidays: ['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2026-10-${d}`, name: '国庆节' })),
    workdays: [{ date: '2026-10-10', name: '国庆节' }, { date: '2026-09-20', name: '国庆节' }],
  };
  const entries = entriesFromCalendar(cal);
  it('reads holidays and make-up workdays into one dated list', () => {
    expect(entries[0]).toEqual({ date: '2026-09-20', kind: 'workday', name: '国庆节' });
    expect(entries).toHaveLength(10);
    expect(entriesFromCalendar(null)).toEqual([]);
    expect(summarize(entries)).toEqual([{ name: '国庆节', holidays: 8, workdays: 2 }]);
  });
  it('knows month lengths and weekdays (Monday = 0)', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(weekdayOf(2026, 10, 1)).toBe(3); // Thursday
    expect(weekdayOf(2026, 11, 22)).toBe(6); // Sunday
  });
  it('builds a Monday-first month grid with the exceptions marked', () => {
    const weeks = monthGrid(2026, 10, entries);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0].slice(0, 3)).toEqual([null, null, null]);
    const oct1 = weeks[0][3];
    expect(oct1).toMatchObject({ date: '2026-10-01', day: 1, weekend: false, kind: 'holiday', name: '国庆节', rest: true });
    const oct10 = weeks.flat().find((c) => c?.date === '2026-10-10');
    expect(oct10).toMatchObject({ weekend: true, kind: 'workday', rest: false });
    const oct11 = weeks.flat().find((c) => c?.date === '2026-10-11');
    expect(oct11).toMatchObject({ weekend: true, kind: null, rest: true });
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    // February 2026 starts on a Sunday: six blanks first.
    expect(monthGrid(2026, 2, [])[0].filter((c) => c === null)).toHaveLength(6);
  });
  it('checks, adds and removes days and makes the request body', () => {
    expect(entryProblem({ date: '2026-10-01', kind: 'holiday', name: '' }, 2026, entries)).toBe('duplicate');
    expect(entryProblem({ date: '2027-01-01', kind: 'holiday', name: '' }, 2026, entries)).toBe('otherYear');
    expect(entryProblem({ date: '2026-13-01', kind: 'holiday', name: '' }, 2026, entries)).toBe('badDate');
    expect(entryProblem({ date: '2026-01-01', kind: 'holiday', name: '元旦' }, 2026, entries)).toBeNull();
    const more = addEntry(entries, { date: '2026-01-01', kind: 'holiday', name: ' 元旦 ' });
    expect(more[0]).toEqual({ date: '2026-01-01', kind: 'holiday', name: '元旦' });
    const { body, paths } = calendarPayload(more);
    expect(body.holidays[0]).toEqual({ date: '2026-01-01', name: '元旦' });
    expect(body.holidays).toHaveLength(9);
    expect(body.workdays.map((d) => d.date)).toEqual(['2026-09-20', '2026-10-10']);
    expect(paths.slice(0, 3)).toEqual(['holidays[0]', 'workdays[0]', 'holidays[1]']);
    expect(removeEntry(more, '2026-01-01')).toEqual(entries);
  });
});

describe('deadline policy form', () => {
  const policy: HazardPolicyJson = {
    rules: [
      { source: 'undercover_exposure', grade: null, default_days: 60, max_days: 60, day_count: 'calendar', basis: '暗访曝光隐患 60 日内整改到位' },
      { source: null, grade: null, default_days: 10, max_days: 90, day_count: 'working', basis: '' },
    ],
    major_milestones: [{ name: 'report_to_regulator', working_days: 3 }],
    escalation: { due_soon_days: 3, general_city_after_days: 30, general_province_after_days: 90,
      major_city_after_days: 0, major_province_after_days: 30 },
  };
  it('round-trips the JSON through the form', () => {
    const form = policyToForm(policy);
    expect(form.rules[1]).toEqual({ source: '', grade: '', default_days: '10', max_days: '90', day_count: 'working', basis: '' });
    expect(form.escalation.major_city_after_days).toBe('0');
    expect(formToPolicy(form)).toEqual({ policy, problems: [] });
  });
  it('reads "any" however it is written and defaults what is missing', () => {
    const form = policyToForm({ rules: [{ source: 'any', grade: undefined as unknown as null, default_days: 5,
      max_days: 5, day_count: 'odd', basis: 'x' }] });
    expect(form.rules[0]).toMatchObject({ source: '', grade: '', day_count: 'calendar' });
    expect(form.milestones).toEqual([]);
    expect(form.escalation.due_soon_days).toBe('');
  });
  it('names the fields that are not whole numbers, as the server would', () => {
    const form = policyToForm(policy);
    form.rules[0].max_days = '1.5';
    form.rules.push(emptyRule());
    form.milestones[0].name = ' ';
    form.escalation.due_soon_days = '';
    const { problems, policy: out } = formToPolicy(form);
    expect(problems).toEqual([
      { field: 'rules[0].max_days', key: 'notInteger' },
      { field: 'major_milestones[0].name', key: 'required' },
      { field: 'escalation.due_soon_days', key: 'notInteger' },
    ]);
    expect(out.rules[2]).toEqual({ source: null, grade: null, default_days: 10, max_days: 90, day_count: 'working', basis: '' });
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('-1')).toBe(-1);
    expect(wholeNumber('1e3')).toBeNull();
  });
});

describe('ledger import', () => {
  it('builds the request', () => {
    expect(ledgerImportUrl({ format: 'csv', encoding: 'gbk', keepGoodRows: true }))
      .toBe('/api/v1/hazards/import?format=csv&encoding=gbk&keep_good_rows=true');
    expect(ledgerImportUrl({ format: 'xlsx', encoding: 'gbk', keepGoodRows: false }))
      .toBe('/api/v1/hazards/import?format=xlsx&keep_good_rows=false');
    expect(ledgerContentType('csv')).toBe('text/csv');
    expect(ledgerContentType('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(ledgerFormatFromName('台账.XLSX')).toBe('xlsx');
    expect(ledgerFormatFromName('台账.csv')).toBe('csv');
    expect(ledgerFormatFromName('台账.xls')).toBeNull();
  });
  it('makes a UTF-8 template with a BOM, the Chinese headers and one example row', () => {
    const text = ledgerTemplateCsv();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(LEDGER_COLUMNS.map((c) => c.zh).join(','));
    expect(lines[0].startsWith('隐患编号,隐患名称,隐患描述,隐患来源,隐患等级,行业领域,所属单位,经度,纬度')).toBe(true);
    const cells = lines[1].split(',');
    expect(cells).toHaveLength(LEDGER_COLUMNS.length);
    expect(cells[5]).toBe('消防安全');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('supervision list', () => {
  const h = (id: number, tier: string, overdue_days: number, listed_at: string): SupervisedHazard => ({
    id, code: `YH${id}`, title: '', grade: 'general', state: 'rectifying', overdue_days, overdue: overdue_days > 0,
    supervision: { tier, listed_at, reason: '', delisted_at: null },
  });
  it('reads and writes the filter', () => {
    expect(filterFromQuery(new URLSearchParams(''))).toEqual({ active: true, tier: '' });
    expect(filterFromQuery(new URLSearchParams('active=false&tier=city'))).toEqual({ active: false, tier: 'city' });
    expect(filterFromQuery(new URLSearchParams('tier=galaxy')).tier).toBe('');
    expect(filterQuery({ active: true, tier: '' })).toEqual({ active: undefined, tier: undefined });
    expect(supervisionUrl({ active: true, tier: '' })).toBe('/api/v1/hazard-supervision?active=true');
    expect(supervisionUrl({ active: false, tier: 'province' })).toBe('/api/v1/hazard-supervision?active=false&tier=province');
  });
  it('puts the highest tier and the longest overdue first', () => {
    const sorted = sortSupervised([h(1, 'district', 3, 'b'), h(2, 'city', 31, 'a'), h(3, 'district', 9, 'c'), h(4, 'province', 0, 'a')]);
    expect(sorted.map((x) => x.id)).toEqual([4, 2, 3, 1]);
  });
  it('shows overdue days and the next milestone', () => {
    expect(overdueDays(h(1, 'district', 3, ''))).toBe(3);
    expect(overdueDays(h(1, 'district', 0, ''))).toBeNull();
    const major = { ...h(5, 'district', 0, ''), grade: 'major' as const,
      milestones: [{ name: 'listing_published', working_days: 20, due: '2026-12-10' },
        { name: 'report_to_regulator', working_days: 5, due: '2026-11-20' }] };
    expect(nextMilestone(major, '2026-11-22')).toEqual({ name: 'listing_published', due: '2026-12-10' });
    expect(nextMilestone(major, '2026-12-11')).toBeNull();
    expect(nextMilestone({ ...major, state: 'closed' }, '2026-11-01')).toBeNull();
  });
});

describe('notification bell', () => {
  it('counts and reacts to hazard events only', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
    expect(isHazardEvent({ type: 'hazard.overdue' })).toBe(true);
    expect(isHazardEvent({ type: 'org.update' })).toBe(false);
  });
});
