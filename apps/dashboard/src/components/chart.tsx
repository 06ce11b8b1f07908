import Button from 'antd/es/button';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** ECharts, loaded with the first chart (a chunk of its own): the tiles and tables need not wait for it. */
let echarts: Promise<typeof import('./echarts-setup')> | null = null;
const loadEcharts = () => (echarts ??= import('./echarts-setup'));

/** An ECharts chart (SVG renderer), described for screen readers by `label`, downloadable as PNG. */
export function Chart({
  option,
  label,
  height = 260,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
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
  const download = async () => {
    setSaving(true);
    try {
      const { downloadChartPng } = await import('./chart-png');
      await downloadChartPng(option, label, {
        width: element.current?.clientWidth || 640,
        height,
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <figure className="chart-figure">
      <div ref={element} role="img" aria-label={label} className="chart" style={{ height }} />
      <figcaption className="chart-tools">
        <Button
          size="small"
          loading={saving}
          onClick={() => void download()}
          title={t('downloadPngTitle')}
          aria-label={`${t('downloadPng')}: ${label}`}
        >
          {t('downloadPng')}
        </Button>
      </figcaption>
    </figure>
  );
}
