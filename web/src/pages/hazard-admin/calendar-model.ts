// Pure helpers of the working-day calendar editor: the year's exceptions (holidays and make-up
// workdays, 调休) as one sorted list, the month grid (Monday first) with each day's kind, and the
// list back to the API's {holidays, workdays}.
import { isIsoDay, isoDay } from './stats-model';
import type { CalendarDay, HazardCalendar } from './types';

export type ExceptionKind = 'holiday' | 'workday';

export interface CalendarEntry {
  date: string;
  kind: ExceptionKind;
  name: string;
}

export interface DayCell {
  date: string;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  weekend: boolean;
  /** The exception on this day, if any. */
  kind: ExceptionKind | null;
  name: string;
  /** A rest day: a holiday, or a weekend that is not a make-up workday. */
  rest: boolean;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function sortEntries(entries: CalendarEntry[]): CalendarEntry[] {
  return [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

export function entriesFromCalendar(cal: Partial<HazardCalendar> | null | undefined): CalendarEntry[] {
  const read = (days: CalendarDay[] | undefined, kind: ExceptionKind): CalendarEntry[] =>
    (Array.isArray(days) ? days : []).map((d) => ({ date: String(d.date ?? ''), kind, name: String(d.name ?? '') }));
  return sortEntries([...read(cal?.holidays, 'holiday'), ...read(cal?.workdays, 'workday')]);
}

export interface CalendarPayload {
  body: { holidays: CalendarDay[]; workdays: CalendarDay[] };
  /** For each entry (in the order given), the field path the server would name in an error. */
  paths: string[];
}

export function calendarPayload(entries: CalendarEntry[]): CalendarPayload {
  const body: CalendarPayload['body'] = { holidays: [], workdays: [] };
  const paths = entries.map((e) => {
    const list = e.kind === 'holiday' ? body.holidays : body.workdays;
    list.push({ date: e.date, name: e.name.trim() });
    return `${e.kind === 'holiday' ? 'holidays' : 'workdays'}[${list.length - 1}]`;
  });
  return { body, paths };
}

/** The weeks of a month, Monday first; days outside the month are null. */
export function monthGrid(year: number, month: number, entries: CalendarEntry[]): (DayCell | null)[][] {
  const byDate = new Map(entries.map((e) => [e.date, e]));
  const weeks: (DayCell | null)[][] = [];
  let week: (DayCell | null)[] = Array.from({ length: weekdayOf(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    const date = isoDay(year, month, day);
    const weekday = weekdayOf(year, month, day);
    const weekend = weekday >= 5;
    const entry = byDate.get(date);
    const kind = entry?.kind ?? null;
    week.push({ date, day, weekday, weekend, kind, name: entry?.name ?? '',
      rest: kind === 'holiday' || (weekend && kind !== 'workday') });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

export type EntryProblem = 'badDate' | 'otherYear' | 'duplicate';

/** Why an entry cannot be added to the year's list, or null. */
export function entryProblem(entry: CalendarEntry, year: number, entries: CalendarEntry[]): EntryProblem | null {
  if (!isIsoDay(entry.date)) return 'badDate';
  if (!entry.date.startsWith(`${year}-`)) return 'otherYear';
  if (entries.some((e) => e.date === entry.date)) return 'duplicate';
  return null;
}

/** Adds an entry and keeps the list in date order. */
export function addEntry(entries: CalendarEntry[], entry: CalendarEntry): CalendarEntry[] {
  return sortEntries([...entries, { ...entry, name: entry.name.trim() }]);
}

export function removeEntry(entries: CalendarEntry[], date: string): CalendarEntry[] {
  return entries.filter((e) => e.date !== date);
}

/** Holidays and make-up workdays grouped by name, e.g. 国庆节: 8 days off, 1 workday. */
export function summarize(entries: CalendarEntry[]): { name: string; holidays: number; workdays: number }[] {
  const out = new Map<string, { name: string; holidays: number; workdays: number }>();
  for (const e of entries) {
    const row = out.get(e.name) ?? { name: e.name, holidays: 0, workdays: 0 };
    if (e.kind === 'holiday') row.holidays++;
    else row.workdays++;
    out.set(e.name, row);
  }
  return [...out.values()];
}
