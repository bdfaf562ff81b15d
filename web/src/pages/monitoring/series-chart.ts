// The sensor page's ECharts line chart: the readings (or the minute / hour means) over time, the
// min–max band of aggregates, and the threshold rules' levels as dashed lines in their warning
// colours. Loaded lazily with the page.
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { keepChartLive } from '../../components/live-chart';
import { t, tDynamic } from '../../i18n';
import { COLOUR_HEX } from '../risk/risk-model';
import { beijingText, valueText } from './monitoring-model';
import { axisExtent, type ChartPoint, type ThresholdLine } from './series-model';

echarts.use([LineChart, DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface SeriesData {
  points: ChartPoint[];
  lines: ThresholdLine[];
  /** Aggregates (minute, hour) draw their min–max band. */
  band: boolean;
  unit: string;
  from: number;
  to: number;
}

export interface SeriesChart {
  set(data: SeriesData): void;
  destroy(): void;
}

const LINE_COLOUR = '#1f6feb';

export function mountSeriesChart(host: HTMLElement): SeriesChart {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  let data: SeriesData = { points: [], lines: [], band: false, unit: '', from: 0, to: 0 };

  const draw = (): void => {
    const { points, lines, band, unit } = data;
    const extent = axisExtent(points, lines);
    const value = t('mon.chart.value');
    const markLine = {
      symbol: 'none', silent: true,
      data: lines.map((l) => ({
        yAxis: l.value,
        lineStyle: { color: COLOUR_HEX[l.level], type: 'dashed' as const, width: 1.5 },
        label: { formatter: `${tDynamic(`mon.level.${l.level}`, l.level)} ${l.value}`, position: 'insideEndTop' as const,
          color: COLOUR_HEX[l.level], fontSize: 11 },
      })),
    };
    const bandSeries = band ? [
      { name: 'min', type: 'line' as const, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true,
        data: points.map((p) => [p.t, p.min ?? p.v]), tooltip: { show: false } },
      { name: t('mon.chart.band'), type: 'line' as const, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true,
        areaStyle: { color: LINE_COLOUR, opacity: 0.14 }, data: points.map((p) => [p.t, (p.max ?? p.v) - (p.min ?? p.v)]) },
    ] : [];
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 24, top: 28, bottom: 48 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = Array.isArray(params) ? params : [params];
          const main = list.find((p: { seriesName?: string }) => p.seriesName === value) as { dataIndex: number } | undefined;
          const p = main ? points[main.dataIndex] : undefined;
          if (!p) return '';
          const range = band && p.min !== undefined && p.max !== undefined
            ? `<br>${t('mon.chart.min')} ${valueText(p.min, unit)} · ${t('mon.chart.max')} ${valueText(p.max, unit)}` : '';
          return `${beijingText(p.t)}<br>${value} <b>${valueText(p.v, unit)}</b>${range}`;
        },
      },
      dataZoom: [{ type: 'inside' }],
      xAxis: { type: 'time', min: data.from || undefined, max: data.to || undefined },
      yAxis: { type: 'value', name: unit, scale: true,
        min: extent?.min, max: extent?.max },
      series: [
        ...bandSeries,
        { name: value, type: 'line', data: points.map((p) => [p.t, p.v]), showSymbol: points.length <= 60, symbolSize: 4,
          lineStyle: { width: 1.5, color: LINE_COLOUR }, itemStyle: { color: LINE_COLOUR }, markLine },
      ],
    }, true);
  };

  const stop = keepChartLive(chart, host, draw);
  return {
    set(next) {
      data = next;
      draw();
    },
    destroy: stop,
  };
}
