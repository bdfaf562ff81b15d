// The overview's figures strip (GET /api/v1/monitoring/figures): 处置率 (closed by a person of those
// raised), mean time to acknowledge, device online rate, and the alarms still open.
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindBilingual, bindText, catalogues, format, type MessageKey } from '../../i18n';
import { formatRate } from '../hazard-admin/stats-model';
import { monitoringFigures } from './monitoring-api';
import { formatDuration } from './monitoring-model';
import type { MonitoringFigures } from './monitoring-types';

export interface FiguresStrip {
  element: HTMLElement;
  load(): Promise<void>;
}

const FIGURES = ['handling_rate', 'mean_ack', 'online_rate', 'open'] as const;
type Figure = (typeof FIGURES)[number];

function fill(value: HTMLElement, hint: HTMLElement, bar: HTMLElement, key: Figure, f: MonitoringFigures): void {
  const rate = (r: number): void => { bar.style.width = `${Math.max(0, Math.min(100, r * 100))}%`; };
  switch (key) {
    case 'handling_rate':
      value.textContent = formatRate(f.handling_rate);
      bindText(hint, 'mon.fig.handlingHint', { closed: f.closed, raised: f.raised });
      rate(f.handling_rate);
      break;
    case 'mean_ack':
      bindBilingual(value, formatDuration(f.mean_ack_seconds, 'zh-CN'), formatDuration(f.mean_ack_seconds, 'en'));
      bindBilingual(hint, format(catalogues['zh-CN']['mon.fig.closeHint'], { time: formatDuration(f.mean_close_seconds, 'zh-CN') }),
        format(catalogues.en['mon.fig.closeHint'], { time: formatDuration(f.mean_close_seconds, 'en') }));
      break;
    case 'online_rate':
      value.textContent = formatRate(f.online_rate, f.sensors);
      bindText(hint, 'mon.fig.onlineHint', { online: f.online, sensors: f.sensors });
      rate(f.online_rate);
      break;
    case 'open':
      value.textContent = String(f.open);
      bindText(hint, 'mon.fig.openHint', { cleared: f.cleared_by_condition });
      break;
  }
}

export function createFiguresStrip(query: Record<string, string | undefined> = {}): FiguresStrip {
  const cells = FIGURES.map((key) => {
    const value = h('strong', { 'data-testid': `figure-${key}` }, '—');
    const hint = h('small');
    const bar = h('span', { class: 'mon-figure-bar-fill' });
    const withBar = key === 'handling_rate' || key === 'online_rate';
    const element = h('div', { class: `mon-figure mon-figure-${key}`, 'data-figure': key },
      tr(`mon.fig.${key}` as MessageKey, undefined, 'span'), value,
      withBar ? h('span', { class: 'mon-figure-bar' }, bar) : null, hint);
    return { key, value, hint, bar, element };
  });
  const error = h('p', { class: 'message message-error', hidden: true, 'data-testid': 'figures-error' });
  const element = h('section', { class: 'mon-figures', 'data-testid': 'monitoring-figures' }, cells.map((c) => c.element), error);
  return {
    element,
    async load() {
      try {
        const f = await monitoringFigures(query);
        for (const c of cells) fill(c.value, c.hint, c.bar, c.key, f);
        error.hidden = true;
      } catch (err) {
        error.textContent = errorText(err);
        error.hidden = false;
      }
    },
  };
}
