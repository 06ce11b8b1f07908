import type { EChartsOption } from 'echarts';

export interface ForecastPoint {
  p10: number;
  offered: number;
  p90: number;
}

/**
 * Forecast against actual: the p10–p90 band (a transparent p10 line with the band's width stacked
 * on it as an area), the forecast (p50) and the actual offered contacts per interval.
 */
export function forecastBandChart(
  categories: readonly string[],
  forecast: readonly ForecastPoint[],
  actual: readonly (number | null)[],
  labels: { band: string; forecast: string; actual: string },
): EChartsOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.band, labels.forecast, labels.actual] },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: { type: 'value' },
    series: [
      {
        name: `${labels.band} p10`,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: forecast.map((f) => f.p10),
      },
      {
        name: labels.band,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { opacity: 0.25 },
        data: forecast.map((f) => f.p90 - f.p10),
      },
      { name: labels.forecast, type: 'line', symbol: 'none', data: forecast.map((f) => f.offered) },
      { name: labels.actual, type: 'line', data: [...actual] },
    ],
  };
}

/** Coverage of a day: agents required (the plan), scheduled on queue and logged in, per interval, as steps. */
export function coverageChart(
  categories: readonly string[],
  series: {
    required: readonly (number | null)[];
    scheduled: readonly number[];
    loggedIn: readonly (number | null)[];
  },
  labels: { required: string; scheduled: string; loggedIn: string },
): EChartsOption {
  const line = (name: string, data: readonly (number | null)[]) => ({
    name,
    type: 'line' as const,
    step: 'middle' as const,
    symbol: 'none',
    data: [...data],
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: { type: 'value' },
    series: [
      line(labels.required, series.required),
      line(labels.scheduled, series.scheduled),
      line(labels.loggedIn, series.loggedIn),
    ],
  };
}

/** Actual offered contacts per interval start (ISO), summed over channels, in the forecast's order. */
export function actualByInterval(
  starts: readonly string[],
  stats: readonly { intervalStart: string; offered: number }[],
): (number | null)[] {
  const sums = new Map<number, number>();
  for (const row of stats) {
    const at = Date.parse(row.intervalStart);
    sums.set(at, (sums.get(at) ?? 0) + row.offered);
  }
  return starts.map((s) => sums.get(Date.parse(s)) ?? null);
}
