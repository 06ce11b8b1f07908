import type { SalesFieldsFragment } from '../../api/generated';
import type { Formatter } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { decimalAmount } from './sales';

/** The outcome KPIs the panel shows, each with how it reads. */
const OUTCOME_TILES: readonly {
  key: keyof SalesFieldsFragment;
  label: MessageKey;
  kind: 'count' | 'ratio' | 'money';
}[] = [
  { key: 'offers', label: 'offers', kind: 'count' },
  { key: 'sales', label: 'salesCount', kind: 'count' },
  { key: 'conversionRate', label: 'conversionRate', kind: 'ratio' },
  { key: 'revenue', label: 'revenue', kind: 'money' },
  { key: 'retentionSaveRate', label: 'retentionSaveRate', kind: 'ratio' },
  { key: 'dispositionCompliance', label: 'dispositionCompliance', kind: 'ratio' },
];

/**
 * The sales guardrail's place on the sales page. Traffic's `salesGuardrail` query (conversion up
 * against complaints per 10k or QA critical fails up) is being added; until the dashboard reads it,
 * this panel shows the team's outcome KPIs from trafficStats, which exist today, and says where the
 * guardrail will show. Reading the guardrail replaces the note, not the tiles.
 */
export function SalesGuardrailPanel({
  total,
  format,
}: {
  total: SalesFieldsFragment | null;
  format: Formatter;
}) {
  const { t } = useI18n();
  const shown = (kind: 'count' | 'ratio' | 'money', value: unknown): string => {
    if (kind === 'ratio') return format.percent(value as number | null);
    if (kind === 'money') return format.number(decimalAmount(value as string), 2);
    return format.number(value as number);
  };
  return (
    <div className="panel" data-sales-guardrail>
      <h3>{t('salesOutcomes')}</h3>
      <div className="tiles">
        {OUTCOME_TILES.map((tile) => {
          const value = total ? total[tile.key] : null;
          return (
            <div key={tile.key} className="tile" data-outcome={tile.key} data-value={value ?? ''}>
              <h4>{t(tile.label)}</h4>
              <p className="tile-value">{shown(tile.kind, value)}</p>
            </div>
          );
        })}
      </div>
      <p role="note" className="notice">
        {t('salesGuardrailPending')}
      </p>
    </div>
  );
}
