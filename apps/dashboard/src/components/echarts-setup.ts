import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws, so the bundle carries a fraction of ECharts. SVG draws on the page;
// the canvas renderer only draws a chart's PNG when one is downloaded.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

export { init };
