// #/alarms — 报警处置: the alarms (GET /api/v1/alarms, newest first, paged by `before`) filtered by
// state, lowest level and condition, grouped by site; level badges; the condition (已恢复) shown
// apart from the state a person set; live updates (new alarms at the top without a reload); three
// beeps for red alarms with a remembered mute; and per alarm 确认, 处置中, 关闭 (with 处置结论 and
// notes) and 转隐患, each sending the row_version the person saw (a 409 is shown plainly and the
// row refreshed). The filters live in the hash (#/alarms?state=all&min_level=orange).
// For tests: rows are tr[data-testid="alarm-row-<code>"][data-state][data-level][data-cleared];
// the section carries data-beeps (beeps played) and data-loaded="1" after the first page.
import { ApiError } from '../../api/client';
import { getUser } from '../../api/session';
import { errorText, hideMessage, messageLine, showMessage } from '../../components/errors';
import { formatTime, h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { buildHash } from '../../router';
import { onLiveEvent } from '../../shell/live-channel';
import { enumSelect, keyedText } from '../hazards/hazard-labels';
import type { PageRenderer } from '../page';
import { actOnAlarm, alarmToHazard, getAlarm, listAlarms } from '../monitoring/monitoring-api';
import {
  alarmStateBadge, canHandleAlarms, conditionBadge, levelBadge, monitoringTabs, siteLabel,
} from '../monitoring/monitoring-labels';
import { alarmSummary, levelHex, valueText } from '../monitoring/monitoring-model';
import { WARNING_LEVELS, type Alarm } from '../monitoring/monitoring-types';
import { actionsCell, createClosePanel, problemText, type RowHandlers } from './alarm-actions';
import {
  actionRequest, alarmApiQuery, alarmFiltersFromQuery, alarmHashQuery, groupBySite, isCleared, matchesFilters,
  mergeSummary, shouldBeep, shownLevel, STATE_CHOICES, upsertAlarm, type AlarmFilters,
} from './alarm-model';
import { createAlarmSound } from './alarm-sound';

const PAGE = 100;
/** Live events come in bursts: one fetch per alarm per burst. */
const FETCH_DELAY_MS = 250;
const NEW_MARK_MS = 6000;

const COLUMNS: MessageKey[] = ['alarm.col.level', 'alarm.col.code', 'alarm.col.sensor', 'alarm.col.rule', 'alarm.col.value',
  'alarm.col.condition', 'alarm.col.state', 'alarm.col.raisedAt', 'alarm.col.changedAt', 'alarm.col.disposition',
  'alarm.col.actions'];

function alarmRow(a: Alarm, isNew: boolean, actions: HTMLElement): HTMLTableRowElement {
  const level = shownLevel(a);
  return h('tr', {
    class: `alarm-row${isNew ? ' alarm-new' : ''}`, style: `--mon:${levelHex(level)}`,
    'data-testid': `alarm-row-${a.code}`, 'data-alarm-id': String(a.id), 'data-code': a.code, 'data-state': String(a.state),
    'data-level': String(a.level), 'data-peak': String(a.peak), 'data-cleared': String(isCleared(a)),
  },
  h('td', {}, levelBadge(level, 'alarm-level')),
  h('td', { class: 'nowrap' }, h('strong', {}, a.code)),
  h('td', { class: 'nowrap' }, h('a', { href: buildHash(`sensors/${a.sensor_id}`), 'data-testid': 'alarm-sensor' }, a.sensor || `#${a.sensor_id}`)),
  h('td', {}, a.rule),
  h('td', { class: 'num nowrap' }, valueText(a.value)),
  h('td', {}, conditionBadge(a, 'alarm-condition'), isCleared(a) && a.cleared_at
    ? h('div', { class: 'muted small' }, formatTime(a.cleared_at)) : null),
  h('td', {}, alarmStateBadge(String(a.state), 'alarm-state')),
  h('td', { class: 'nowrap' }, formatTime(a.raised_at)),
  h('td', { class: 'nowrap' }, formatTime(a.closed_at ?? a.changed_at)),
  h('td', {}, a.disposition ? keyedText('mon.disposition', a.disposition) : '—',
    a.notes ? h('div', { class: 'muted small alarm-notes' }, a.notes) : null),
  actions);
}

export const renderAlarmsPage: PageRenderer = (outlet, route) => {
  let filters: AlarmFilters = alarmFiltersFromQuery(route.query);
  let alarms: Alarm[] = [];
  let next: string | null = null;
  let generation = 0;
  let left = false;
  let beeps = 0;
  /** The last level and state heard of each alarm, to beep only when one reaches red. */
  const heard = new Map<number, { level: string; state: string }>();
  const fresh = new Set<number>();
  const pending = new Map<number, Partial<Alarm> & { id: number }>();
  let fetchTimer: number | undefined;
  const canHandle = canHandleAlarms(getUser()?.permissions);
  const sound = createAlarmSound();

  const message = messageLine('alarm-message');
  const listError = messageLine('list-error');
  const count = h('p', { class: 'muted', 'data-testid': 'alarm-count' });
  const empty = h('p', { class: 'muted', hidden: true, 'data-testid': 'alarm-empty' }, tr('alarm.empty'));
  const more = h('button', { type: 'button', class: 'load-more', 'data-testid': 'load-more', hidden: true }, tr('common.loadMore'));
  const table = h('table', { class: 'data-table alarm-table', 'data-testid': 'alarm-list' },
    h('thead', {}, h('tr', {}, COLUMNS.map((key) => h('th', {}, tr(key))))));
  const page = h('section', { class: 'page mon-page alarms-page', 'data-testid': 'alarms-page', 'data-beeps': '0' },
    h('div', { class: 'title-row mon-title-row' }, tr('alarm.title', undefined, 'h1'), sound.button),
    monitoringTabs('alarms'));

  const say = (text: string, kind: 'ok' | 'error', code: string, status?: number): void => {
    showMessage(message, text, kind);
    message.dataset.code = code;
    if (status) message.dataset.status = String(status);
    else delete message.dataset.status;
  };

  const render = (): void => {
    table.querySelectorAll('tbody').forEach((body) => body.remove());
    const groups = groupBySite(alarms);
    for (const group of groups) {
      table.append(h('tbody', { class: 'alarm-group', 'data-testid': 'alarm-group', 'data-site': group.site },
        h('tr', { class: 'alarm-group-head' }, h('th', { colspan: COLUMNS.length },
          siteLabel(group.site), ' ', tr('alarm.groupCount', { count: group.alarms.length }), ' ',
          group.level !== 'none' ? levelBadge(group.level) : null)),
        group.alarms.map((a) => alarmRow(a, fresh.has(a.id), actionsCell(a, canHandle, handlers)))));
    }
    bindText(count, next ? 'alarm.countMore' : 'alarm.count', { count: alarms.length });
    empty.hidden = alarms.length > 0;
    more.hidden = !next;
    const closing = panel.alarm();
    const row = closing ? table.querySelector(`tr[data-alarm-id="${closing.id}"]`) : null;
    if (closing && row && closing.state !== 'closed') row.after(panel.row);
    else if (closing) panel.close();
  };

  const applyAlarm = (alarm: Alarm, live: boolean): void => {
    const known = alarms.some((a) => a.id === alarm.id);
    if (!known && !matchesFilters(alarm, filters)) return;
    const { list, added } = upsertAlarm(alarms, alarm);
    alarms = list;
    if (added && live) {
      fresh.add(alarm.id);
      window.setTimeout(() => {
        fresh.delete(alarm.id);
        table.querySelector(`tr[data-alarm-id="${alarm.id}"]`)?.classList.remove('alarm-new');
      }, NEW_MARK_MS);
    }
    heard.set(alarm.id, { level: alarm.level, state: alarm.state });
    panel.refresh(alarm);
    render();
  };

  /** The alarm as the server has it now (after a 409 or a live change). */
  const refreshAlarm = async (id: number, summary?: Partial<Alarm> & { id: number }): Promise<void> => {
    let alarm: Alarm;
    try {
      alarm = await getAlarm(id);
    } catch {
      if (!summary) return;
      alarm = mergeSummary(alarms.find((a) => a.id === id), summary);
    }
    if (!left) applyAlarm(alarm, Boolean(summary));
  };

  const act = async (alarm: Alarm, action: 'acknowledge' | 'handle'): Promise<void> => {
    hideMessage(message);
    try {
      applyAlarm(await actOnAlarm(alarm.id, actionRequest(alarm, action)), false);
      say(t('alarm.done', { code: alarm.code, action: t(`alarm.action.${action}`) }), 'ok', alarm.code);
    } catch (err) {
      say(problemText(err, alarm.code), 'error', alarm.code, err instanceof ApiError ? err.status : undefined);
      if (err instanceof ApiError && err.status === 409) await refreshAlarm(alarm.id);
    }
  };

  const toHazard = async (alarm: Alarm): Promise<void> => {
    hideMessage(message);
    try {
      const hazard = await alarmToHazard(alarm.id);
      say(t('alarm.hazardOpened', { code: alarm.code, hazard: hazard.code }), 'ok', alarm.code);
      message.append(' ', h('a', { href: buildHash(`hazards/${hazard.id}`), 'data-testid': 'alarm-hazard-opened' },
        tr('alarm.openHazard')));
      applyAlarm({ ...alarm, hazard_id: hazard.id }, false);
      await refreshAlarm(alarm.id);
    } catch (err) {
      say(problemText(err, alarm.code), 'error', alarm.code, err instanceof ApiError ? err.status : undefined);
    }
  };

  const panel = createClosePanel(COLUMNS.length, async (alarm, disposition, notes) => {
    hideMessage(message);
    let updated: Alarm;
    try {
      updated = await actOnAlarm(alarm.id, actionRequest(alarm, 'close', { disposition, notes }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) void refreshAlarm(alarm.id);
      throw err;
    }
    applyAlarm(updated, false);
    say(t('alarm.done', { code: alarm.code, action: t('alarm.action.close') }), 'ok', alarm.code);
  });

  const handlers: RowHandlers = {
    act, toHazard,
    openClose(alarm) {
      panel.open(alarm);
      render();
    },
  };

  const load = async (reset: boolean): Promise<void> => {
    const mine = reset ? ++generation : generation;
    more.disabled = true;
    hideMessage(listError);
    try {
      const answer = await listAlarms(alarmApiQuery(filters), reset ? null : next, PAGE);
      if (mine !== generation || left) return;
      const known = new Set(reset ? [] : alarms.map((a) => a.id));
      alarms = reset ? answer.items : [...alarms, ...answer.items.filter((a) => !known.has(a.id))];
      next = answer.next_cursor;
      for (const a of answer.items) if (!heard.has(a.id)) heard.set(a.id, { level: a.level, state: a.state });
      render();
      page.dataset.loaded = '1';
    } catch (err) {
      if (mine === generation) showMessage(listError, errorText(err), 'error');
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load(false));

  const unsubscribe = onLiveEvent((event) => {
    const summary = alarmSummary(event);
    if (!summary || left) return;
    const before = heard.get(summary.id);
    const now = { level: String(summary.level ?? before?.level ?? 'none'), state: String(summary.state ?? before?.state ?? 'active') };
    if (shouldBeep(before, now) && sound.beep()) page.dataset.beeps = String(++beeps);
    heard.set(summary.id, now);
    pending.set(summary.id, { ...pending.get(summary.id), ...summary });
    if (fetchTimer === undefined) {
      fetchTimer = window.setTimeout(() => {
        fetchTimer = undefined;
        const batch = [...pending.values()];
        pending.clear();
        for (const s of batch) void refreshAlarm(s.id, s);
      }, FETCH_DELAY_MS);
    }
  });

  // ---- filters ----
  const state = enumSelect('state', STATE_CHOICES, 'alarm.stateChoice', { testId: 'alarm-filter-state', value: filters.state });
  const level = enumSelect('min_level', WARNING_LEVELS, 'alarm.minLevel', { first: 'all', testId: 'alarm-filter-level',
    value: filters.min_level });
  const cleared = enumSelect('cleared', ['false', 'true'], 'alarm.clearedChoice', { first: 'all',
    testId: 'alarm-filter-cleared', value: filters.cleared });
  for (const control of [state, level, cleared]) {
    control.addEventListener('change', () => {
      filters = alarmFiltersFromQuery(new URLSearchParams({ state: state.value, min_level: level.value, cleared: cleared.value }));
      history.replaceState(null, '', buildHash('alarms', alarmHashQuery(filters)));
      panel.close();
      void load(true);
    });
  }
  const filterBar = h('form', { class: 'mon-filters', 'data-testid': 'alarm-filters', role: 'search' },
    h('label', {}, tr('alarm.filter.state'), state), h('label', {}, tr('alarm.filter.level'), level),
    h('label', {}, tr('alarm.filter.condition'), cleared));
  filterBar.addEventListener('submit', (event) => event.preventDefault());

  page.append(filterBar, message, h('section', { class: 'card' }, count, h('div', { class: 'table-scroll' }, table),
    h('div', { class: 'list-footer' }, empty, listError, more)));
  outlet.append(page);
  void load(true);

  return () => {
    left = true;
    unsubscribe();
    window.clearTimeout(fetchTimer);
    sound.destroy();
  };
};
