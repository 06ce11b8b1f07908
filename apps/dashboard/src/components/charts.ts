import type { EChartsOption } from 'echarts';
import type { Formatter } from '../format';

export interface IntervalRow {
  intervalStart: string;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
}

/** Offered, answered and abandoned (bars) with service level (line, right axis) per interval. */
export function intervalChart(
  rows: readonly IntervalRow[],
  format: Formatter,
  labels: { offered: string; answered: string; abandoned: string; serviceLevel: string },
): EChartsOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => format.time(r.intervalStart)) },
    yAxis: [
      { type: 'value' },
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => format.percent(v) } },
    ],
    series: [
      { name: labels.offered, type: 'bar', data: rows.map((r) => r.offered) },
      { name: labels.answered, type: 'bar', data: rows.map((r) => r.answered) },
      { name: labels.abandoned, type: 'bar', data: rows.map((r) => r.abandoned) },
      { name: labels.serviceLevel, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.serviceLevel) },
    ],
  };
}

/** One line per series over labelled points (KPI trends, staffing plan). */
export function lineChart(
  categories: readonly string[],
  series: readonly { name: string; data: readonly (number | null)[]; step?: boolean }[],
  axisLabel?: (value: number) => string,
): EChartsOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: [...categories] },
    // An axisLabel of undefined would hide the labels: set it only to format them.
    yAxis: axisLabel ? { type: 'value', axisLabel: { formatter: axisLabel } } : { type: 'value' },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      step: s.step ? 'middle' : undefined,
      data: [...s.data],
    })),
  };
}
