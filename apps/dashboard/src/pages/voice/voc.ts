import type { EChartsOption } from 'echarts';

export interface Sampled {
  value?: number | null;
  n: number;
  low?: number | null;
  high?: number | null;
}

/** A sampled figure as people read it: the value, n and its 95 % interval ("82.0 % (n = 41, 70.1–89.6 %)"). */
export function sampledText(figure: Sampled, show: (value: number | null | undefined) => string): string {
  if (figure.value == null || figure.n === 0) return `– (n = ${figure.n})`;
  const interval =
    figure.low != null && figure.high != null ? `, ${show(figure.low)}–${show(figure.high)}` : '';
  return `${show(figure.value)} (n = ${figure.n}${interval})`;
}

/** A change as a signed count and rate ("+3 (+42.9 %)"); the rate left out when the period before had none. */
export function changeText(
  change: number,
  changeRate: number | null | undefined,
  percent: (ratio: number) => string,
): string {
  const sign = (n: number) => (n > 0 ? '+' : '');
  return changeRate == null
    ? `${sign(change)}${change}`
    : `${sign(change)}${change} (${sign(changeRate)}${percent(changeRate)})`;
}

/** Feedback per category this period and the one before (bars), categories in the view's order. */
export function vocCategoryChart(
  categories: readonly { name: string; feedback: number; previousFeedback: number }[],
  labels: { feedback: string; previousFeedback: string },
): EChartsOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: categories.map((c) => c.name) },
    series: [
      { name: labels.feedback, type: 'bar', data: categories.map((c) => c.feedback) },
      { name: labels.previousFeedback, type: 'bar', data: categories.map((c) => c.previousFeedback) },
    ],
  };
}
