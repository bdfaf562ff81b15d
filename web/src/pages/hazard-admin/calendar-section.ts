// The working-day calendar of one year (工作日历): twelve month grids with the holidays and the
// make-up workdays (调休) marked, a list of those days to edit (add, rename, remove), and saving the
// year with PUT /api/v1/hazard-calendar/{year}; problem+json errors go beside the named day.
import { api, ApiError } from '../../api/client';
import { clearFieldErrors, errorText, fieldError, hideMessage, messageLine, showMessage, submitting } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { buildHash } from '../../router';
import {
  addEntry, calendarPayload, entriesFromCalendar, entryProblem, monthGrid, removeEntry, summarize, weekdayOf,
  type CalendarEntry, type DayCell, type ExceptionKind,
} from './calendar-model';
import type { HazardCalendar } from './types';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

function dayCell(cell: DayCell | null, onPick: (cell: DayCell) => void): HTMLElement {
  if (!cell) return h('td', { class: 'hza-day-empty' });
  const classes = ['hza-day', cell.weekend ? 'weekend' : '', cell.rest ? 'rest' : '', cell.kind ? `is-${cell.kind}` : '']
    .filter(Boolean).join(' ');
  const td = h('td', { class: classes, 'data-date': cell.date, 'data-kind': cell.kind ?? '', title: cell.name || cell.date },
    h('button', { type: 'button', class: 'hza-day-button', onclick: () => onPick(cell) },
      h('span', { class: 'hza-day-number' }, String(cell.day)),
      cell.kind ? tr(cell.kind === 'holiday' ? 'hza.cal.restMark' : 'hza.cal.workMark', undefined, 'small') : null));
  if (cell.name) td.setAttribute('title', `${cell.date} ${cell.name}`);
  return td;
}

function monthTable(year: number, month: number, entries: CalendarEntry[], onPick: (cell: DayCell) => void): HTMLElement {
  return h('div', { class: 'hza-month', 'data-month': String(month) },
    tr(`hza.cal.m.${month}` as MessageKey, undefined, 'h3'),
    h('table', {},
      h('thead', {}, h('tr', {}, WEEKDAYS.map((d) => h('th', { class: d >= 5 ? 'weekend' : '' }, tr(`hza.cal.wd.${d}` as MessageKey))))),
      h('tbody', {}, monthGrid(year, month, entries).map((week) => h('tr', {}, week.map((c) => dayCell(c, onPick)))))));
}

export function createCalendarSection(initialYear: number, canEdit: boolean): { element: HTMLElement; load(): Promise<void> } {
  let year = initialYear;
  let entries: CalendarEntry[] = [];
  let dirty = false;

  const yearSelect = h('select', { name: 'year', 'data-testid': 'calendar-year' });
  const setYears = (): void => {
    const years = new Set([initialYear - 1, initialYear, initialYear + 1, initialYear + 2, year]);
    yearSelect.replaceChildren(...[...years].sort().map((y) => h('option', { value: String(y) }, String(y))));
    yearSelect.value = String(year);
  };
  setYears();
  const prev = h('button', { type: 'button', 'data-testid': 'calendar-prev' }, '‹');
  const next = h('button', { type: 'button', 'data-testid': 'calendar-next' }, '›');
  bindText(prev, 'hza.cal.prevYear', undefined, 'title');
  bindText(next, 'hza.cal.nextYear', undefined, 'title');

  const notice = h('p', { class: 'muted', 'data-testid': 'calendar-notice', hidden: true });
  const summary = h('div', { class: 'count-chips', 'data-testid': 'calendar-summary' });
  const grid = h('div', { class: 'hza-year-grid', 'data-testid': 'calendar-grid' });
  const entryRows = h('tbody');
  const dirtyNote = tr('hza.cal.unsaved', undefined, 'span');
  dirtyNote.className = 'hza-dirty';
  dirtyNote.hidden = true;

  // Adding a day.
  const addDate = h('input', { type: 'date', name: 'date', 'data-testid': 'calendar-add-date' });
  const addKind = h('select', { name: 'kind', 'data-testid': 'calendar-add-kind' },
    (['holiday', 'workday'] as ExceptionKind[]).map((k) => {
      const option = h('option', { value: k });
      bindText(option, `hza.cal.kind.${k}`);
      return option;
    }));
  const names = h('datalist', { id: 'hza-holiday-names' });
  const addName = h('input', { type: 'text', name: 'name', list: 'hza-holiday-names', 'data-testid': 'calendar-add-name' });
  bindText(addName, 'hza.cal.namePlaceholder', undefined, 'placeholder');
  const addError = fieldError('add');
  const addButton = h('button', { type: 'button', 'data-testid': 'calendar-add' }, tr('hza.cal.add'));

  const general = messageLine('calendar-message');
  const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'calendar-save' }, tr('hza.cal.save'));
  const editor = h('div', { class: 'hza-calendar-editor', 'data-testid': 'calendar-editor' },
    tr('hza.cal.editor', undefined, 'h3'),
    h('div', { class: 'hza-add-row' },
      h('label', {}, tr('hza.cal.date'), addDate), h('label', {}, tr('hza.cal.kind'), addKind),
      h('label', {}, tr('hza.cal.name'), addName, names), addButton),
    addError,
    h('div', { class: 'hza-entries-wrap' }, h('table', { class: 'data-table compact', 'data-testid': 'calendar-entries' },
      h('thead', {}, h('tr', {}, h('th', {}, tr('hza.cal.date')), h('th', {}, tr('hza.cal.weekday')),
        h('th', {}, tr('hza.cal.kind')), h('th', {}, tr('hza.cal.name')), h('th', {}))),
      entryRows)),
    fieldError('holidays'), fieldError('workdays'),
    canEdit ? h('div', { class: 'button-row' }, save, dirtyNote) : null, general);

  const markDirty = (): void => {
    dirty = true;
    dirtyNote.hidden = false;
  };

  const pick = (cell: DayCell): void => {
    if (!canEdit) return;
    const existing = entryRows.querySelector<HTMLInputElement>(`tr[data-date="${cell.date}"] input`);
    if (existing) {
      existing.focus();
      return;
    }
    addDate.value = cell.date;
    addKind.value = cell.weekend ? 'workday' : 'holiday';
    addName.focus();
  };

  const renderGrid = (): void => {
    grid.replaceChildren(...MONTHS.map((m) => monthTable(year, m, entries, pick)));
    summary.replaceChildren(...summarize(entries).map((s) => h('span', { class: 'count-chip', 'data-holiday': s.name },
      s.name || '—', ' ', tr('hza.cal.summary', { holidays: s.holidays, workdays: s.workdays }))));
    names.replaceChildren(...[...new Set(entries.map((e) => e.name).filter(Boolean))].map((n) => h('option', { value: n })));
  };

  const render = (): void => {
    const { paths } = calendarPayload(entries);
    renderGrid();
    entryRows.replaceChildren(...entries.map((e, i) => {
      const name = h('input', { type: 'text', value: e.name, 'data-testid': 'calendar-entry-name', disabled: !canEdit });
      name.addEventListener('input', () => {
        entries[i] = { ...entries[i], name: name.value };
        markDirty();
      });
      name.addEventListener('change', renderGrid);
      const [y, m, d] = e.date.split('-').map(Number);
      return h('tr', { 'data-date': e.date, 'data-kind': e.kind },
        h('td', { class: 'nowrap' }, e.date),
        h('td', {}, tr(`hza.cal.wd.${weekdayOf(y, m, d)}` as MessageKey)),
        h('td', {}, h('span', { class: `hza-kind is-${e.kind}` }, tr(`hza.cal.kind.${e.kind}`))),
        h('td', {}, name, fieldError(paths[i])),
        h('td', {}, canEdit ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'calendar-remove',
          onclick: () => { entries = removeEntry(entries, e.date); markDirty(); render(); } }, tr('hza.remove')) : null));
    }));
  };

  addButton.addEventListener('click', () => {
    hideMessage(addError);
    const entry: CalendarEntry = { date: addDate.value, kind: addKind.value as ExceptionKind, name: addName.value };
    const problem = entryProblem(entry, year, entries);
    if (problem) {
      showMessage(addError, t(`hza.cal.problem.${problem}`, { year }), 'error');
      addError.className = 'field-error';
      return;
    }
    entries = addEntry(entries, entry);
    addDate.value = '';
    markDirty();
    render();
  });

  const load = async (): Promise<void> => {
    hideMessage(general);
    clearFieldErrors(editor);
    notice.hidden = true;
    dirty = false;
    dirtyNote.hidden = true;
    try {
      const cal = await api<HazardCalendar>('GET', `/api/v1/hazard-calendar/${year}`);
      entries = entriesFromCalendar(cal);
      if (cal.loaded === false) {
        bindText(notice, 'hza.cal.notLoaded', { year });
        notice.hidden = false;
      }
    } catch (err) {
      entries = [];
      if (err instanceof ApiError && err.status === 404) {
        bindText(notice, 'hza.cal.notLoaded', { year });
        notice.hidden = false;
      } else {
        showMessage(general, errorText(err), 'error');
      }
    }
    if (!entries.length && notice.hidden) {
      bindText(notice, 'hza.cal.empty', { year });
      notice.hidden = false;
    }
    render();
  };

  const switchYear = (to: number): void => {
    if (dirty && !window.confirm(t('hza.cal.discard'))) {
      yearSelect.value = String(year);
      return;
    }
    year = to;
    setYears();
    history.replaceState(null, '', buildHash('admin/hazard-settings', { year }));
    void load();
  };
  yearSelect.addEventListener('change', () => switchYear(Number(yearSelect.value)));
  prev.addEventListener('click', () => switchYear(year - 1));
  next.addEventListener('click', () => switchYear(year + 1));

  save.addEventListener('click', () => void (async () => {
    hideMessage(general);
    clearFieldErrors(editor);
    const { body } = calendarPayload(entries);
    await submitting([save], editor, general, async () => {
      const saved = await api<HazardCalendar>('PUT', `/api/v1/hazard-calendar/${year}`, body);
      entries = entriesFromCalendar(saved ?? body);
      dirty = false;
      dirtyNote.hidden = true;
      notice.hidden = true;
      render();
      showMessage(general, t('hza.cal.saved', { year }), 'ok');
    });
  })());

  const legend = h('div', { class: 'hza-legend' },
    h('span', { class: 'hza-swatch is-holiday' }), tr('hza.cal.kind.holiday'),
    h('span', { class: 'hza-swatch is-workday' }), tr('hza.cal.kind.workday'),
    h('span', { class: 'hza-swatch weekend' }), tr('hza.cal.weekend'));

  const element = h('section', { class: 'card hza-calendar', 'data-testid': 'calendar-section' },
    tr('hza.cal.title', undefined, 'h2'), tr('hza.cal.intro', undefined, 'p'),
    h('div', { class: 'toolbar' }, h('div', { class: 'hza-year-picker' }, prev, yearSelect, next), legend),
    notice, summary, grid, editor);
  return { element, load };
}
