import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { SalesPageDocument, type SalesFieldsFragment } from '../../api/generated';
import { keptData } from '../../components/kept-query';
import { PeriodPicker } from '../../components/period-picker';
import { QueryState } from '../../components/query-state';
import { SortableTable, type Column } from '../../components/sortable-table';
import { useI18n } from '../../i18n/i18n';
import { lastDays, periodInstants } from '../../period';
import { routeHref } from '../../routing';
import { useUrlPeriod } from '../../url-state';
import { agentOutcomeRows, decimalAmount } from './sales';
import { SalesGuardrailPanel } from './sales-guardrail-panel';

type Row = {
  employeeNo: string;
  name: string;
  outcome: (SalesFieldsFragment & { employeeNo?: string | null }) | null;
};

/** A team's sales and retention outcomes (traffic's outcome columns) per agent for a period. */
export function SalesPage({ teamId, timeZone: fallbackZone }: { teamId: string; timeZone: string }) {
  const { t, format: formatIn } = useI18n();
  const [period, setPeriod] = useUrlPeriod(() => lastDays(7, fallbackZone));
  const zone = fallbackZone;
  const variables = useMemo(
    () => ({ teamId, timeZone: zone, ...periodInstants(period, zone) }),
    [teamId, period, zone],
  );
  const result = useQuery(SalesPageDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const format = formatIn(data?.team?.center.timeZone ?? zone);
  const rows: Row[] = useMemo(() => agentOutcomeRows(data?.team?.members ?? [], data?.byAgent ?? []), [data]);
  const count = (key: 'answered' | 'offers' | 'sales' | 'saves', label: string): Column<Row> => ({
    key,
    label,
    sortValue: (r) => r.outcome?.[key] ?? null,
    render: (r) => format.number(r.outcome?.[key]),
    numeric: true,
  });
  const ratio = (
    key: 'offerRate' | 'conversionRate' | 'retentionSaveRate' | 'dispositionCompliance',
    label: string,
  ): Column<Row> => ({
    key,
    label,
    sortValue: (r) => r.outcome?.[key] ?? null,
    render: (r) => <span data-ratio={r.outcome?.[key] ?? ''}>{format.percent(r.outcome?.[key])}</span>,
    numeric: true,
  });
  const columns: Column<Row>[] = [
    {
      key: 'name',
      label: t('agent'),
      sortValue: (r) => r.name,
      render: (r) => <a href={routeHref({ page: 'agent', employeeNo: r.employeeNo })}>{r.name}</a>,
    },
    count('answered', t('answered')),
    count('offers', t('offers')),
    count('sales', t('salesCount')),
    ratio('conversionRate', t('conversionRate')),
    {
      key: 'revenue',
      label: t('revenue'),
      sortValue: (r) => decimalAmount(r.outcome?.revenue),
      exportValue: (r) => r.outcome?.revenue ?? null,
      render: (r) => format.number(decimalAmount(r.outcome?.revenue), 2),
      numeric: true,
    },
    ratio('retentionSaveRate', t('retentionSaveRate')),
    ratio('dispositionCompliance', t('dispositionCompliance')),
    ratio('offerRate', t('offerRate')),
  ];
  return (
    <section aria-labelledby="sales-title" data-team-id={teamId}>
      <h2 id="sales-title">
        {t('sales')}: {data?.team?.name ?? ''}
      </h2>
      {data?.team && (
        <p>
          <a href={routeHref({ page: 'team', teamId })}>
            {t('team')}: {data.team.name}
          </a>
        </p>
      )}
      <PeriodPicker period={period} onChange={setPeriod} timeZone={zone} />
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <SalesGuardrailPanel
          total={data?.total?.[0] ?? null}
          format={format}
          teamId={teamId}
          period={periodInstants(period, zone)}
        />
        <SortableTable<Row>
          caption={t('salesPerAgent')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.employeeNo}
          initialSort={{ key: 'sales', direction: 'descending' }}
        />
      </QueryState>
    </section>
  );
}
