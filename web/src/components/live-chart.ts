// One lifecycle for every ECharts chart: draw now, redraw when the language changes, follow the
// host's size, and hand back the cleanup.
import type { EChartsType } from 'echarts/core';
import { onLangChange } from '../i18n';

export function keepChartLive(chart: EChartsType, host: HTMLElement, draw: () => void): () => void {
  draw();
  const stopListening = onLangChange(draw);
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(host);
  return () => {
    stopListening();
    observer.disconnect();
    chart.dispose();
  };
}
