// #/monitoring — 监测总览: the figures strip, a map of every sensor in its state's colour (normal
// green, an open alarm in its warning colour, offline grey, maintenance hollow), a legend with
// counts, and the open alarms beside it. Live: alarm.* events recolour sensors and update the list,
// sensor.values events update the latest values in the popups. A click on a sensor opens it.
import type { DomainEvent } from '../../api/types';
import { errorText } from '../../components/errors';
import { formatTime, h, tr } from '../../dom';
import { bindText } from '../../i18n';
import { buildHash, navigate } from '../../router';
import { onLiveEvent } from '../../shell/live-channel';
import { keyedText } from '../hazards/hazard-labels';
import { loadBasemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { alarmApiQuery, DEFAULT_ALARM_FILTERS, isCleared, shownLevel } from '../alarms/alarm-model';
import { createFiguresStrip } from './figures-strip';
import { allSensors, listAlarms } from './monitoring-api';
import {
  conditionBadge, legendSwatch, levelBadge, monitoringTabs, sensorStateBadge, siteLabel,
} from './monitoring-labels';
import {
  alarmSummary, beijingText, countStates, levelRank, OFFLINE_RULE, sensorLevelFrom, sensorState, sensorValues,
  toMs, trackOpenAlarm, valueText,
} from './monitoring-model';
import { SENSOR_STATES, type Alarm, type Sensor } from './monitoring-types';
import { createSensorMap, type SensorMap } from './sensor-map';

const MAX_SENSORS = 20_000;
const OPEN_ALARMS_LIMIT = 500;
const SHOWN_ALARMS = 100;
const REDRAW_MS = 300;
const FIGURES_DELAY_MS = 3000;
const FIGURES_REFRESH_MS = 60_000;

function popupContent(s: Sensor | undefined): HTMLElement {
  if (!s) return h('div', { class: 'mon-popup' }, '—');
  return h('div', { class: 'mon-popup', 'data-testid': 'sensor-popup', 'data-sensor-id': String(s.id) },
    h('strong', {}, s.code), ' ', h('span', {}, s.name),
    h('div', {}, keyedText('mon.type', s.type), ' · ', sensorStateBadge(sensorState(s))),
    h('div', { class: 'mon-popup-value' }, tr('mon.latest'), '：',
      h('strong', { 'data-testid': 'sensor-popup-value' }, valueText(s.last_value, s.unit))),
    h('div', { class: 'muted' }, beijingText(s.last_at)),
    h('div', { class: 'muted small' }, tr('mon.clickToOpen')));
}

function openAlarmItem(a: Partial<Alarm>): HTMLElement {
  return h('li', { 'data-testid': `open-alarm-${a.code}`, 'data-level': String(a.level ?? 'none'), 'data-state': String(a.state) },
    h('div', { class: 'mon-alarm-head' }, levelBadge(shownLevel(a)), h('strong', {}, a.code ?? `#${a.id}`),
      conditionBadge({ cleared_at: a.cleared_at, level: a.level ?? 'none' })),
    h('div', {}, h('a', { href: buildHash(`sensors/${a.sensor_id}`) }, a.sensor ?? `#${a.sensor_id}`), ' · ',
      h('span', {}, a.rule ?? ''), a.value === undefined || a.value === null ? null : ` · ${valueText(a.value)}`),
    h('div', { class: 'muted small' }, siteLabel(a.site), ' · ', formatTime(a.raised_at)));
}

/** Open alarms still alarming first (by level), then the cleared ones; newest first within. */
function sortOpen(items: Iterable<Partial<Alarm>>): Partial<Alarm>[] {
  return [...items].sort((a, b) => levelRank(String(b.level)) - levelRank(String(a.level))
    || String(b.raised_at ?? '').localeCompare(String(a.raised_at ?? '')) || (b.id ?? 0) - (a.id ?? 0));
}

export const renderMonitoringPage: PageRenderer = (outlet) => {
  const sensors = new Map<string, Sensor>();
  const book = new Map<number, Partial<Alarm>>();
  let sensorMap: SensorMap | null = null;
  let left = false;
  let redrawTimer: number | undefined;
  let figuresTimer: number | undefined;

  const figures = createFiguresStrip();
  const mapHost = h('div', { class: 'mon-map', 'data-testid': 'sensor-map' });
  const mapStatus = h('p', { class: 'muted mon-map-status', 'data-testid': 'sensor-map-status' }, tr('app.loading'));
  const legend = h('ul', { class: 'mon-legend', 'data-testid': 'sensor-legend' });
  const alarmList = h('ol', { class: 'mon-open-alarms', 'data-testid': 'open-alarms' });
  const alarmCount = h('span', { class: 'mon-count', 'data-testid': 'open-alarm-count' }, '0');
  const alarmEmpty = h('p', { class: 'muted', hidden: true }, tr('mon.noOpenAlarms'));
  outlet.append(h('section', { class: 'page mon-page monitoring-page', 'data-testid': 'monitoring-page' },
    tr('mon.overview.title', undefined, 'h1'), monitoringTabs('overview'), figures.element,
    h('div', { class: 'mon-overview-layout' },
      h('section', { class: 'card mon-map-card' }, mapHost, legend, mapStatus),
      h('aside', { class: 'card mon-side' },
        h('h2', {}, tr('mon.openAlarms'), ' ', alarmCount), alarmEmpty, alarmList,
        h('a', { href: buildHash('alarms'), 'data-testid': 'open-alarms-page' }, tr('mon.toAlarms'), ' →')))));

  const renderLegend = (): void => {
    const counts = countStates(sensors.values());
    legend.replaceChildren(...SENSOR_STATES.map((state) => h('li', { 'data-state': state },
      legendSwatch(state), tr(`mon.sensorState.${state}`), ' ', h('span', { class: 'mon-count', 'data-testid': `legend-${state}` },
        String(counts[state])))));
  };
  const renderAlarms = (): void => {
    const open = sortOpen(book.values());
    alarmList.replaceChildren(...open.slice(0, SHOWN_ALARMS).map(openAlarmItem));
    alarmCount.textContent = String(open.length);
    alarmEmpty.hidden = open.length > 0;
  };
  const redraw = (): void => {
    redrawTimer = undefined;
    if (left) return;
    sensorMap?.setSensors(sensors.values());
    renderLegend();
    renderAlarms();
  };
  const scheduleRedraw = (): void => {
    if (redrawTimer === undefined) redrawTimer = window.setTimeout(redraw, REDRAW_MS);
  };

  const onAlarm = (event: DomainEvent): void => {
    const summary = alarmSummary(event);
    if (!summary) return;
    const sensorId = trackOpenAlarm(book, summary);
    const sensor = sensorId ? sensors.get(sensorId) : undefined;
    if (sensor) {
      sensor.alarm_level = sensorLevelFrom(book, sensorId!);
      // The offline rule's alarm says the sensor fell silent (or, cleared, that it spoke again).
      if (summary.rule === OFFLINE_RULE) sensor.offline = summary.state !== 'closed' && !isCleared({ ...summary, level: summary.level ?? 'none' });
    }
    scheduleRedraw();
    window.clearTimeout(figuresTimer);
    figuresTimer = window.setTimeout(() => void figures.load(), FIGURES_DELAY_MS);
  };
  const onValues = (event: DomainEvent): void => {
    let flipped = false;
    let popupChanged = false;
    const open = sensorMap?.popupSensor();
    for (const [id, t, v] of sensorValues(event)) {
      const s = sensors.get(id);
      if (!s) continue;
      const last = toMs(s.last_at);
      if (last === null || t >= last) {
        s.last_at = new Date(t).toISOString();
        s.last_value = v;
      }
      if (s.offline) {
        s.offline = false;
        flipped = true;
      }
      if (id === open) popupChanged = true;
    }
    if (popupChanged) sensorMap?.refreshPopup();
    if (flipped) scheduleRedraw();
  };
  const unsubscribe = onLiveEvent((event) => {
    if (left) return;
    if (event.type === 'sensor.values') onValues(event);
    else if (event.type.startsWith('alarm.')) onAlarm(event);
  });

  void figures.load();
  const figuresInterval = window.setInterval(() => void figures.load(), FIGURES_REFRESH_MS);

  void (async () => {
    try {
      const [all, open] = await Promise.all([
        allSensors(MAX_SENSORS),
        listAlarms(alarmApiQuery(DEFAULT_ALARM_FILTERS), null, OPEN_ALARMS_LIMIT),
      ]);
      if (left) return;
      for (const s of all.items) sensors.set(String(s.id), s);
      for (const a of open.items) book.set(a.id, a);
      bindText(mapStatus, all.truncated ? 'mon.mapTruncated' : 'mon.mapCount', { count: all.items.length });
      redraw();
    } catch (err) {
      mapStatus.className = 'message message-error';
      mapStatus.textContent = errorText(err);
      return;
    }
    try {
      const basemap = await loadBasemap();
      if (left) return;
      sensorMap = createSensorMap(mapHost, basemap, {
        popupContent: (id) => popupContent(sensors.get(id)),
        onOpen: (id) => navigate(buildHash(`sensors/${id}`)),
      });
      sensorMap.setSensors(sensors.values());
    } catch (err) {
      mapStatus.className = 'message message-error';
      bindText(mapStatus, 'hazards.mapFailed', { detail: errorText(err) });
    }
  })();

  return () => {
    left = true;
    unsubscribe();
    window.clearTimeout(redrawTimer);
    window.clearTimeout(figuresTimer);
    window.clearInterval(figuresInterval);
    sensorMap?.destroy();
  };
};
