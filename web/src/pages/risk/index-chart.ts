// ECharts horizontal bars of the safety index per street, the lowest (most at risk) on top and
// coloured from red (0) to blue (100); loaded lazily with the safety index page.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { SafetyIndexItem } from '../../api/risk-types';
import { t } from '../../i18n';
import { indexColour } from './index-model';
import { keepChartLive } from '../../components/live-chart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** `ranked` is lowest index first. */
export function mountIndexChart(host: HTMLElement, ranked: SafetyIndexItem[]): () => void {
  host.style.height = `${Math.max(160, ranked.length * 30 + 40)}px`;
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  // A category axis runs bottom-up: reverse so the first-ranked street is drawn on top.
  const rows = [...ranked].reverse();
  const draw = (): void => {
    chart.setOption({
      animationDuration: 300,
      grid: { left: 96, right: 48, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100, splitNumber: 5 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false },
        axisLabel: { width: 90, overflow: 'truncate' } },
      series: [{ name: t('index.value'), type: 'bar', barMaxWidth: 18, data: rows.map((r) => ({ value: r.index, itemStyle: { color: indexColour(r.index) } })),
        label: { show: true, position: 'right', fontSize: 11 } }],
    }, true);
  };
  return keepChartLive(chart, host, draw);
}
