// ECharts bar chart of basemap feature counts by layer; loaded lazily so the map shows first.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { tDynamic } from '../../i18n';
import { keepChartLive } from '../../components/live-chart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const LAYER_COLOURS: Record<string, string> = {
  road: '#f5b160', building: '#b9ada2', water: '#7fb8d0', landuse: '#9cc98a',
};

export function mountCompositionChart(host: HTMLElement, counts: Record<string, number>): () => void {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  const layers = Object.keys(counts).sort((a, b) => counts[a] - counts[b]);
  const draw = (): void => {
    chart.setOption({
      animationDuration: 300,
      grid: { left: 72, right: 44, top: 4, bottom: 4 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', data: layers.map((l) => tDynamic(`map.layer.${l}`, l)),
        axisTick: { show: false }, axisLabel: { width: 64, overflow: 'truncate' } },
      series: [{
        type: 'bar', barMaxWidth: 14, label: { show: true, position: 'right' },
        data: layers.map((l) => ({ value: counts[l], itemStyle: { color: LAYER_COLOURS[l] ?? '#999' } })),
      }],
    });
  };
  return keepChartLive(chart, host, draw);
}
