import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { TeamDrilldownDocument } from '../api/generated';
import { KpiTile } from '../components/kpi-tile';
import { keptData } from '../components/kept-query';
import { PeriodPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { RecordTable } from '../components/record-table';
import { useI18n } from '../i18n/i18n';
import { lastDays, periodInstants } from '../period';
import { routeHref } from '../routing';
import { useUrlPeriod, withPeriod } from '../url-state';

/** A team: its KPI tiles and its agents side by side with their rank; each agent links to their page. */
export function TeamPage({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const { t, format: formatIn } = useI18n();
  const [period, setPeriod] = useUrlPeriod(() => lastDays(7, timeZone));
  const variables = useMemo(
    () => ({ teamId, ...periodInstants(period, timeZone) }),
    [teamId, period, timeZone],
  );
  const result = useQuery(TeamDrilldownDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const format = formatIn(data?.team?.center.timeZone ?? timeZone);
  const members = new Map((data?.team?.members ?? []).map((agent) => [agent.id, agent]));
  const ranks = new Map((data?.performance?.ranking ?? []).map((r) => [r.agentId, r.rank]));
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">
        {t('team')}: {data?.team?.name ?? ''}
      </h2>
      {data?.team && (
        <p>
          <a href={routeHref({ page: 'center', centerId: data.team.center.id })}>{data.team.center.name}</a> ·{' '}
          <a href={withPeriod(routeHref({ page: 'sales', teamId }), period)}>{t('sales')}</a>
        </p>
      )}
      <PeriodPicker period={period} onChange={setPeriod} timeZone={data?.team?.center.timeZone ?? timeZone} />
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <div className="tiles">
          {(data?.performance?.kpis ?? []).map((kpi) => (
            <KpiTile key={kpi.code} kpi={kpi} format={format} />
          ))}
        </div>
        <RecordTable
          caption={`${t('agents')} · ${t('ranking')}`}
          format={format}
          rows={(data?.performance?.children ?? []).map((record) => {
            const agent = members.get(record.scopeId);
            const name = agent ? `${agent.displayName} (${agent.employeeNo})` : record.scopeId;
            return {
              id: record.scopeId,
              name,
              rank: ranks.get(record.scopeId) ?? null,
              record,
              link: agent ? (
                <a href={withPeriod(routeHref({ page: 'agent', employeeNo: agent.employeeNo }), period)}>
                  {name}
                </a>
              ) : (
                name
              ),
            };
          })}
        />
      </QueryState>
    </section>
  );
}
