import type { TrendGranularity } from '../api/generated';
import type { Formatter } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { Chart } from './chart';
import { lineChart } from './charts';
import { TREND_GRANULARITIES, trendSeries, type KpiSource, type TrendPoint } from './trend';

/** A KPI drawn as a ratio: `scale` turns its unit into one (QA points / 100). */
export interface TrendLine {
  code: string;
  label: MessageKey;
  scale?: number;
  /** Read from the bucket's source part (the KPI's catalog source), when the page asks that instead. */
  source?: KpiSource;
}

/** KPI trends by day, week or month (center overview, agent page): one percent axis. */
export function TrendPanel({
  trend,
  lines,
  granularity,
  onGranularityChange,
  format,
}: {
  trend: readonly TrendPoint[];
  lines: readonly TrendLine[];
  granularity: TrendGranularity;
  onGranularityChange: (granularity: TrendGranularity) => void;
  format: Formatter;
}) {
  const { t } = useI18n();
  return (
    <div className="panel" data-trend-buckets={trend.length}>
      <h3>{t('trend')}</h3>
      <label>
        {t('granularity')}
        <select value={granularity} onChange={(e) => onGranularityChange(e.target.value as TrendGranularity)}>
          {TREND_GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {t(g)}
            </option>
          ))}
        </select>
      </label>
      <Chart
        label={t('trend')}
        option={lineChart(
          trend.map((p) => format.date(p.from)),
          lines.map((line) => ({
            name: t(line.label),
            data: trendSeries(trend, line.code, line.scale, line.source),
          })),
          (v) => format.percent(v),
        )}
      />
    </div>
  );
}
