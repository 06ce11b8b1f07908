import type { EChartsCoreOption } from 'echarts/core';

/** A file name from a chart's label: letters (any script), digits, dashes; with the day it was made. */
export function chartFileName(label: string, now: Date = new Date()): string {
  const base = label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'chart';
  return `${base}-${now.toISOString().slice(0, 10)}.png`;
}

/** The PNG's bytes from a data URL (`data:image/png;base64,...`). */
export function pngBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const match = /^data:image\/png;base64,(.*)$/.exec(dataUrl);
  if (!match) throw new Error('not a PNG data URL');
  return Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0));
}

/**
 * Draws the chart's option once more, off screen with ECharts' canvas renderer (the page's charts
 * are SVG, whose getDataURL gives SVG), at the size shown and twice the pixels, on white, and
 * downloads it as PNG (getDataURL).
 */
export async function downloadChartPng(
  option: EChartsCoreOption,
  label: string,
  size: { width: number; height: number },
): Promise<void> {
  const { init } = await import('./echarts-setup');
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(host);
  const chart = init(host, undefined, { renderer: 'canvas', width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    const blob = new Blob([pngBytes(url)], { type: 'image/png' });
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = chartFileName(label);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  } finally {
    chart.dispose();
    host.remove();
  }
}
