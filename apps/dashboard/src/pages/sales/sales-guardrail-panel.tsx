import { useQuery } from '@apollo/client/react';
import { SalesGuardrailDocument, type SalesFieldsFragment } from '../../api/generated';
import { keptData } from '../../components/kept-query';
import { QueryState } from '../../components/query-state';
import type { Formatter } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { decimalAmount } from './sales';
import { ExportButtons } from '../../components/export-buttons';

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
 * The team's outcome KPIs (trafficStats) and its sales guardrail (kpi's `salesGuardrail`: conversion
 * up by the threshold or more while complaints per 10,000 or the QA critical-fail rate rose beyond
 * their amber band), with every figure the verdict rests on, so a manager sees why.
 */
export function SalesGuardrailPanel({
  total,
  format,
  teamId,
  period,
}: {
  total: SalesFieldsFragment | null;
  format: Formatter;
  teamId: string;
  period: { from: string; to: string };
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
      <Guardrail teamId={teamId} period={period} format={format} />
    </div>
  );
}

function Guardrail({
  teamId,
  period,
  format,
}: {
  teamId: string;
  period: { from: string; to: string };
  format: Formatter;
}) {
  const { t } = useI18n();
  // a new period keeps the verdict shown until the new one arrives (no blank panel)
  const result = useQuery(SalesGuardrailDocument, { variables: { teamId, ...period } });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const g = data?.salesGuardrail;
  const signed = (value: number | null | undefined, digits: number, percent = false): string =>
    value === null || value === undefined
      ? '–'
      : `${value > 0 ? '+' : ''}${percent ? format.percent(value) : format.number(value, digits)}`;
  return (
    <section aria-labelledby="guardrail-title" data-guardrail={g ? (g.breach ? 'breach' : 'clear') : ''}>
      <h4 id="guardrail-title">{t('salesGuardrail')}</h4>
      <QueryState loading={loading} error={error} hasData={!!g} updating={updating}>
        {g && (
          <>
            <p role="status" className={`notice ${g.breach ? 'error' : 'success'}`}>
              {g.breach ? t('guardrailBreach') : t('guardrailClear')}
              {g.reasons.length > 0 &&
                `: ${g.reasons.map((r) => t(`guardrailReason_${r}` as MessageKey)).join('; ')}`}
            </p>
            <div className="table-block">
              <div className="table-tools">
                <ExportButtons
                  caption={t('salesGuardrail')}
                  data={() => ({
                    header: [
                      t('guardrailFigure'),
                      t('guardrailPrevious'),
                      t('guardrailCurrent'),
                      t('guardrailChange'),
                      t('guardrailLimit'),
                    ],
                    rows: [
                      [
                        t('conversionRate'),
                        g.previous.conversionRate ?? null,
                        g.current.conversionRate ?? null,
                        g.conversionChange ?? null,
                        g.conversionRiseThreshold,
                      ],
                      [
                        t('complaintsPer10k'),
                        g.previous.complaintsPer10k ?? null,
                        g.current.complaintsPer10k ?? null,
                        g.complaintsPer10kChange ?? null,
                        g.complaintsBand.amberBand ?? null,
                      ],
                      [
                        t('criticalFailRate'),
                        g.previous.criticalFailRate ?? null,
                        g.current.criticalFailRate ?? null,
                        g.criticalFailRateChange ?? null,
                        g.criticalFailBand.amberBand ?? null,
                      ],
                    ],
                  })}
                />
              </div>
              <table className="facts-table">
                <caption>{t('salesGuardrail')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('guardrailFigure')}</th>
                    <th scope="col">{t('guardrailPrevious')}</th>
                    <th scope="col">{t('guardrailCurrent')}</th>
                    <th scope="col">{t('guardrailChange')}</th>
                    <th scope="col">{t('guardrailLimit')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr data-figure="conversion">
                    <th scope="row">{t('conversionRate')}</th>
                    <td>{format.percent(g.previous.conversionRate)}</td>
                    <td>{format.percent(g.current.conversionRate)}</td>
                    <td>{signed(g.conversionChange, 1, true)}</td>
                    <td>{`+${format.percent(g.conversionRiseThreshold)}`}</td>
                  </tr>
                  <tr data-figure="complaints">
                    <th scope="row">{t('complaintsPer10k')}</th>
                    <td>{format.number(g.previous.complaintsPer10k, 1)}</td>
                    <td>{format.number(g.current.complaintsPer10k, 1)}</td>
                    <td>{signed(g.complaintsPer10kChange, 1)}</td>
                    <td>{`+${format.number(g.complaintsBand.amberBand, 1)}`}</td>
                  </tr>
                  <tr data-figure="critical-fails">
                    <th scope="row">{t('criticalFailRate')}</th>
                    <td>{format.percent(g.previous.criticalFailRate)}</td>
                    <td>{format.percent(g.current.criticalFailRate)}</td>
                    <td>{signed(g.criticalFailRateChange, 1, true)}</td>
                    <td>{`+${format.percent(g.criticalFailBand.amberBand)}`}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
