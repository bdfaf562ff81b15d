// #/sensors/:id — 测点详情: the sensor (and its device), the rules it runs, a chart of its series
// with a raw / minute / hour switch (last hour, day and 30 days), the min–max band of aggregates and
// its threshold levels as coloured lines, live readings appended (sensor.values), and its alarms.
// The resolution lives in the hash (#/sensors/12?resolution=minute).
// For tests: section[data-testid="sensor-page"][data-state], the chart host's data-points (points
// drawn) and data-live (readings appended live), rows tr[data-testid="sensor-alarm-<code>"].
import { getUser } from '../../api/session';
import { errorText } from '../../components/errors';
import { formatTime, h, tableHead, tr, type Child } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { buildHash } from '../../router';
import { onLiveEvent } from '../../shell/live-channel';
import { AUDIT_ENTITY_SENSOR } from '../admin/audit-entities';
import { detailList, historyLink } from '../admin/detail-list';
import { keyedText } from '../hazards/hazard-labels';
import type { PageRenderer } from '../page';
import { isCleared, shownLevel } from '../alarms/alarm-model';
import { getDevice, getSensor, listAlarms, sensorRules, sensorSeries } from './monitoring-api';
import {
  alarmStateBadge, canManageSensors, conditionBadge, levelBadge, sensorStateBadge,
} from './monitoring-labels';
import {
  alarmSummary, beijingText, maxLevel, OFFLINE_RULE, sensorState, sensorValues, valueText,
} from './monitoring-model';
import { appendPoints, chartPoints, isResolution, seriesWindow, thresholdLines, type ChartPoint } from './series-model';
import {
  OPEN_ALARM_STATES, RESOLUTIONS, WARNING_LEVELS, type Alarm, type Device, type Resolution, type Sensor, type SensorRule,
} from './monitoring-types';
import type { SeriesChart } from './series-chart';

const ALARMS_SHOWN = 50;
const ALARM_REFRESH_DELAY_MS = 500;

function rulesTable(rules: SensorRule[]): HTMLElement {
  if (!rules.length) return h('p', { class: 'muted' }, tr('mon.noRules'));
  return h('table', { class: 'data-table compact', 'data-testid': 'sensor-rules' },
    tableHead(['mon.rule.name', 'mon.rule.kind', 'mon.rule.levels']),
    h('tbody', {}, rules.map((r) => h('tr', { 'data-rule': r.name },
      h('td', {}, h('code', {}, r.name)),
      h('td', {}, keyedText('mon.ruleKind', r.kind), r.direction && r.kind !== 'stale' && r.kind !== 'flatline'
        ? [' · ', keyedText('mon.direction', r.direction)] : null),
      h('td', {}, WARNING_LEVELS.filter((l) => typeof r.thresholds?.[l] === 'number').reverse().map((l) =>
        h('span', { class: 'mon-threshold' }, levelBadge(l), ' ', String(r.thresholds![l]))))))));
}

function alarmsTable(alarms: Alarm[]): HTMLElement {
  if (!alarms.length) return h('p', { class: 'muted', 'data-testid': 'sensor-alarms-empty' }, tr('mon.noAlarms'));
  return h('table', { class: 'data-table compact', 'data-testid': 'sensor-alarms' },
    h('thead', {}, h('tr', {}, (['alarm.col.code', 'alarm.col.level', 'alarm.col.rule', 'alarm.col.value', 'alarm.col.condition',
      'alarm.col.state', 'alarm.col.raisedAt', 'alarm.col.disposition'] as MessageKey[]).map((k) => h('th', {}, tr(k))))),
    h('tbody', {}, alarms.map((a) => h('tr', { 'data-testid': `sensor-alarm-${a.code}`, 'data-state': String(a.state),
      'data-level': String(a.level) },
    h('td', { class: 'nowrap' }, h('a', { href: buildHash('alarms', { state: 'all' }) }, a.code)),
    h('td', {}, levelBadge(shownLevel(a))), h('td', {}, a.rule), h('td', { class: 'num' }, valueText(a.value)),
    h('td', {}, conditionBadge(a)), h('td', {}, alarmStateBadge(String(a.state))),
    h('td', { class: 'nowrap' }, formatTime(a.raised_at)),
    h('td', {}, a.disposition ? keyedText('mon.disposition', a.disposition) : '—')))));
}

function infoList(s: Sensor, device: Device | null): HTMLElement {
  const rows: [MessageKey, Child | Child[]][] = [
    ['mon.field.code', h('code', { 'data-testid': 'sensor-code' }, s.code)],
    ['mon.field.name', s.name || '—'],
    ['mon.field.type', keyedText('mon.type', s.type)],
    ['mon.field.unit', s.unit || '—'],
    ['mon.field.device', device ? `${device.code} ${device.name}` : `#${s.device_id}`],
    ['mon.field.status', keyedText('mon.status', s.status)],
    ['mon.field.interval', tr('mon.seconds', { n: s.interval_s })],
    ['mon.field.location', typeof s.lon === 'number' && typeof s.lat === 'number' ? `${s.lon.toFixed(6)}, ${s.lat.toFixed(6)}` : '—'],
  ];
  if (s.risk_point_id !== null && s.risk_point_id !== undefined) {
    rows.push(['mon.field.riskPoint', h('a', { href: buildHash(`risk/points/${s.risk_point_id}`) }, `#${s.risk_point_id}`)]);
  }
  rows.push(['mon.field.lastAt', beijingText(s.last_at)],
    ['mon.field.ownRules', s.rules ? h('pre', { class: 'mon-rules-text' }, s.rules) : tr('mon.typeRulesUsed')]);
  return detailList(rows);
}

export const renderSensorPage: PageRenderer = (outlet, route) => {
  const id = route.segments[1];
  let resolution: Resolution = isResolution(route.query.get('resolution')) ? route.query.get('resolution') as Resolution : 'raw';
  let sensor: Sensor | null = null;
  let alarms: Alarm[] = [];
  let lines: ReturnType<typeof thresholdLines> = [];
  let points: ChartPoint[] = [];
  let window0 = seriesWindow(resolution);
  let chart: SeriesChart | null = null;
  let left = false;
  let generation = 0;
  let live = 0;
  let alarmTimer: number | undefined;

  const back = h('a', { class: 'back', href: buildHash('monitoring') }, '← ', tr('mon.back'));
  const page = h('section', { class: 'page mon-page sensor-page', 'data-testid': 'sensor-page', 'data-sensor-id': id },
    back, h('p', {}, tr('app.loading')));
  outlet.append(page);

  const head = h('div', { class: 'title-row mon-title-row' });
  const latest = h('strong', { class: 'mon-latest', 'data-testid': 'sensor-latest' });
  const infoHost = h('div');
  const rulesHost = h('div');
  const alarmsHost = h('div');
  const chartHost = h('div', { class: 'mon-chart', 'data-testid': 'series-chart', 'data-points': '0', 'data-live': '0' });
  const chartStatus = h('p', { class: 'muted', 'data-testid': 'series-status' });
  const switcher = h('div', { class: 'segmented', role: 'group', 'data-testid': 'series-resolution' });

  const draw = (): void => {
    chart?.set({ points, lines, band: resolution !== 'raw', unit: sensor?.unit ?? '', from: window0.from, to: window0.to });
    chartHost.dataset.points = String(points.length);
    bindText(chartStatus, points.length ? 'mon.chart.window' : 'mon.chart.empty',
      { from: beijingText(window0.from), to: beijingText(window0.to), count: points.length });
  };

  const renderHead = (): void => {
    if (!sensor) return;
    const open = alarms.filter((a) => (OPEN_ALARM_STATES as readonly string[]).includes(String(a.state)));
    const state = sensorState({ status: sensor.status, alarm_level: maxLevel(open.map((a) => String(a.level))),
      offline: open.some((a) => a.rule === OFFLINE_RULE && !isCleared(a)) });
    page.dataset.state = state;
    latest.textContent = valueText(sensor.last_value, sensor.unit);
    head.replaceChildren(h('h1', { 'data-testid': 'sensor-title' }, sensor.code, ' ', h('span', { class: 'mon-h1-name' }, sensor.name)),
      sensorStateBadge(state, 'sensor-state'), h('span', { class: 'mon-latest-wrap' }, tr('mon.latest'), ' ', latest),
      historyLink(AUDIT_ENTITY_SENSOR, sensor.id));
    if (canManageSensors(getUser()?.permissions)) {
      head.append(h('a', { href: buildHash('sensors', { edit_sensor: String(sensor.id) }), 'data-testid': 'sensor-edit' }, tr('mon.edit')));
    }
  };

  const loadSeries = async (): Promise<void> => {
    const mine = ++generation;
    window0 = seriesWindow(resolution);
    bindText(chartStatus, 'app.loading');
    try {
      const raw = await sensorSeries(id, resolution, window0.from, window0.to);
      if (mine !== generation || left) return;
      points = chartPoints(raw);
      draw();
    } catch (err) {
      if (mine !== generation) return;
      chartStatus.textContent = errorText(err);
      chartStatus.className = 'message message-error';
    }
  };

  const loadAlarms = async (): Promise<void> => {
    try {
      alarms = (await listAlarms({ sensor_id: id }, null, ALARMS_SHOWN)).items;
    } catch (err) {
      alarmsHost.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      return;
    }
    if (left) return;
    alarmsHost.replaceChildren(alarmsTable(alarms));
    renderHead();
  };

  const setResolution = (next: Resolution): void => {
    resolution = next;
    history.replaceState(null, '', buildHash(`sensors/${id}`, { resolution: next === 'raw' ? undefined : next }));
    switcher.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b.dataset.resolution === next));
    void loadSeries();
  };
  switcher.append(...RESOLUTIONS.map((r) => h('button', { type: 'button', class: r === resolution ? 'active' : '',
    'data-resolution': r, 'data-testid': `series-resolution-${r}`, onclick: () => setResolution(r) }, tr(`mon.resolution.${r}`))));

  const unsubscribe = onLiveEvent((event) => {
    if (left || !sensor) return;
    if (event.type === 'sensor.values') {
      const mine = sensorValues(event).filter(([sid]) => sid === String(sensor!.id));
      if (!mine.length) return;
      const [, t0, v0] = mine[mine.length - 1];
      sensor.last_at = new Date(t0).toISOString();
      sensor.last_value = v0;
      latest.textContent = valueText(v0, sensor.unit);
      if (resolution !== 'raw') return;
      window0 = seriesWindow('raw');
      points = appendPoints(points, mine.map(([, t, v]) => ({ t, v })), window0.from);
      live += mine.length;
      chartHost.dataset.live = String(live);
      draw();
    } else {
      const summary = alarmSummary(event);
      if (!summary || String(summary.sensor_id) !== String(sensor.id)) return;
      window.clearTimeout(alarmTimer);
      alarmTimer = window.setTimeout(() => void loadAlarms(), ALARM_REFRESH_DELAY_MS);
    }
  });

  void (async () => {
    let device: Device | null;
    let rules: SensorRule[];
    try {
      sensor = await getSensor(id);
      [device, rules] = await Promise.all([
        getDevice(sensor.device_id).catch(() => null),
        sensorRules(id).catch((): SensorRule[] => []),
      ]);
    } catch (err) {
      page.lastElementChild!.replaceWith(h('p', { class: 'message message-error', 'data-testid': 'sensor-error' }, errorText(err)));
      return;
    }
    if (left) return;
    lines = thresholdLines(rules);
    infoHost.replaceChildren(infoList(sensor, device));
    rulesHost.replaceChildren(rulesTable(rules));
    renderHead();
    page.replaceChildren(back, head,
      h('div', { class: 'mon-detail-layout' },
        h('div', { class: 'stack mon-detail-main' },
          h('section', { class: 'card' }, h('div', { class: 'mon-card-head' }, tr('mon.chart.title', undefined, 'h2'), switcher),
            chartHost, chartStatus),
          h('section', { class: 'card' }, tr('mon.sensorAlarms', undefined, 'h2'), alarmsHost)),
        h('div', { class: 'stack mon-detail-side' },
          h('section', { class: 'card' }, tr('mon.sensorInfo', undefined, 'h2'), infoHost),
          h('section', { class: 'card' }, tr('mon.rules', undefined, 'h2'), rulesHost))));
    document.title = `${sensor.code} · ${t('app.name')}`;
    const { mountSeriesChart } = await import('./series-chart');
    if (left) return;
    chart = mountSeriesChart(chartHost);
    void loadSeries();
    void loadAlarms();
  })();

  return () => {
    left = true;
    unsubscribe();
    window.clearTimeout(alarmTimer);
    chart?.destroy();
    document.title = t('app.name');
  };
};
