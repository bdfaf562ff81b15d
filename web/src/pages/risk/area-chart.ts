// ECharts stacked bars of risk counts by colour per street; loaded lazily with the area view.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { COLOURS, type AreaAggregate } from '../../api/risk-types';
import { t } from '../../i18n';
import { COLOUR_HEX, fullCounts } from './risk-model';
import { keepChartLive } from '../../components/live-chart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function mountAreaChart(host: HTMLElement, items: AreaAggregate[]): () => void {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  const rows = [...items].sort((a, b) => a.total - b.total);
  const draw = (): void => {
    chart.setOption({
      animationDuration: 300,
      grid: { left: 84, right: 16, top: 28, bottom: 4 },
      legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false },
        axisLabel: { width: 78, overflow: 'truncate' } },
      series: COLOURS.map((colour) => ({
        name: t(`risk.level.${colour}`), type: 'bar', stack: 'all', barMaxWidth: 16,
        itemStyle: { color: COLOUR_HEX[colour] },
        data: rows.map((r) => fullCounts(r.counts)[colour]),
      })),
    }, true);
  };
  return keepChartLive(chart, host, draw);
}
