import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** ECharts, loaded with the first chart (a chunk of its own): the tiles and tables need not wait for it. */
let echarts: Promise<typeof import('./echarts-setup')> | null = null;
const loadEcharts = () => (echarts ??= import('./echarts-setup'));

/** An ECharts chart (SVG renderer), described for screen readers by `label`. */
export function Chart({
  option,
  label,
  height = 260,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: EChartsType | null = null;
    let disposed = false;
    const resize = () => chart?.resize();
    void loadEcharts().then(({ init }) => {
      if (disposed || !element.current) return;
      chart = init(element.current, undefined, { renderer: 'svg' });
      chart.setOption(option);
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} className="chart" style={{ height }} />;
}
