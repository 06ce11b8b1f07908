import type { KpiValueFieldsFragment } from '../api/generated';
import type { Formatter } from '../format';
import { useI18n } from '../i18n/i18n';
import { kpiName } from '../i18n/messages';

/** One KPI: value, target and status (in words as well as colour). */
export function KpiTile({ kpi, format }: { kpi: KpiValueFieldsFragment; format: Formatter }) {
  const { t, locale } = useI18n();
  const name = kpiName(locale, kpi.kpi);
  const status = kpi.status ?? 'NONE';
  return (
    <article
      className={`tile status-${status}`}
      data-kpi={kpi.code}
      data-value={kpi.value ?? ''}
      data-stale={kpi.stale ? 'true' : undefined}
      aria-label={name}
    >
      <h3>{name}</h3>
      <p className="tile-value">{format.kpi(kpi.value, kpi.kpi.unit)}</p>
      <p className="tile-target">
        {t('target')}: {format.kpi(kpi.target, kpi.kpi.unit)}
      </p>
      <p className="tile-status">{kpi.status ? t(kpi.status) : t('noData')}</p>
      {kpi.stale && (
        <p className="tile-stale" role="note" data-stale>
          {t('staleData')}
          {kpi.asOf ? ` ${t('dataAsOf')} ${format.dateTime(kpi.asOf)}` : ''}
        </p>
      )}
    </article>
  );
}
