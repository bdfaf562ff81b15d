// ECharts of the hazard statistics page, loaded lazily with it: found by grade (pie), found, closed
// and overdue by source (bars), and the ranking's closure and on-time rates (horizontal bars).
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { keepChartLive } from '../../components/live-chart';
import { t } from '../../i18n';
import { enumText } from './labels';
import { ratePercent } from './stats-model';
import type { Figures } from './types';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row = { key: string; figures: Figures };

const GRADE_COLOURS: Record<string, string> = { general: '#e8a33d', major: '#c0392b' };
const SERIES_COLOURS = { found: '#5b8ff9', closed: '#1a7f37', overdue: '#c62828', onTime: '#e8a33d' };

export function mountGradeChart(host: HTMLElement, rows: Row[]): () => void {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  const draw = (): void => {
    chart.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{
        name: t('hza.fig.found'), type: 'pie', radius: ['38%', '68%'], center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: rows.map((r) => ({ name: enumText('hza.grade', r.key), value: r.figures.found,
          itemStyle: { color: GRADE_COLOURS[r.key] ?? '#999' } })),
      }],
    }, true);
  };
  return keepChartLive(chart, host, draw);
}

export function mountSourceChart(host: HTMLElement, rows: Row[]): () => void {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  const draw = (): void => {
    chart.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 80 },
      xAxis: { type: 'category', data: rows.map((r) => enumText('hza.source', r.key)),
        axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('hza.fig.found'), type: 'bar', barMaxWidth: 14, itemStyle: { color: SERIES_COLOURS.found },
          data: rows.map((r) => r.figures.found) },
        { name: t('hza.fig.closed'), type: 'bar', barMaxWidth: 14, itemStyle: { color: SERIES_COLOURS.closed },
          data: rows.map((r) => r.figures.closed) },
        { name: t('hza.fig.overdue_now'), type: 'bar', barMaxWidth: 14, itemStyle: { color: SERIES_COLOURS.overdue },
          data: rows.map((r) => r.figures.overdue_now) },
      ],
    }, true);
  };
  return keepChartLive(chart, host, draw);
}

/** `ranked` is best first; drawn top-down. */
export function mountRankingChart(host: HTMLElement, ranked: { name: string; figures: Figures }[]): () => void {
  host.style.height = `${Math.max(180, ranked.length * 44 + 60)}px`;
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  const rows = [...ranked].reverse();
  const draw = (): void => {
    chart.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}%` },
      legend: { top: 0 },
      grid: { left: 110, right: 48, top: 30, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false },
        axisLabel: { width: 100, overflow: 'truncate' } },
      series: [
        { name: t('hza.fig.closure_rate'), type: 'bar', barMaxWidth: 14, itemStyle: { color: SERIES_COLOURS.closed },
          data: rows.map((r) => ratePercent(r.figures.closure_rate)),
          label: { show: true, position: 'right', fontSize: 11, formatter: '{c}%' } },
        { name: t('hza.fig.on_time_rate'), type: 'bar', barMaxWidth: 14, itemStyle: { color: SERIES_COLOURS.onTime },
          data: rows.map((r) => ratePercent(r.figures.on_time_rate)),
          label: { show: true, position: 'right', fontSize: 11, formatter: '{c}%' } },
      ],
    }, true);
  };
  return keepChartLive(chart, host, draw);
}
