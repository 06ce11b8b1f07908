import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { CenterOverviewDocument, StaffingPlanDocument, type TrendGranularity } from '../api/generated';
import { Chart } from '../components/chart';
import { intervalChart, lineChart } from '../components/charts';
import { KpiTile } from '../components/kpi-tile';
import { keptData } from '../components/kept-query';
import { DayPicker, PeriodPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { TREND_GRANULARITIES, trendRange } from '../components/trend';
import { TrendPanel, type TrendLine } from '../components/trend-panel';
import { RecordTable } from '../components/record-table';
import { useI18n } from '../i18n/i18n';
import { isDay, lastDays, periodInstants, shiftDay } from '../period';
import { routeHref } from '../routing';
import { useHashParams, useUrlPeriod, withPeriod } from '../url-state';

const TREND_LINES: readonly TrendLine[] = [
  { code: 'SERVICE_LEVEL', label: 'serviceLevel' },
  { code: 'ABANDON_RATE', label: 'abandonRate' },
];

/** A center: KPI tiles for a period, its teams side by side, trends, a day's intervals, staffing. */
export function CenterOverview({ center }: { center: { id: string; name: string; timeZone: string } }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(center.timeZone);
  const [period, setPeriod] = useUrlPeriod(() => lastDays(7, center.timeZone));
  const [params, setParams] = useHashParams();
  // the day of the intervals and staffing plan: the address's, else the period's last
  const shownDay = params.get('day') ?? '';
  const day = isDay(shownDay) ? shownDay : shiftDay(period.toDay, -1);
  const setDay = (next: string) => setParams({ day: next });
  const granularity: TrendGranularity = TREND_GRANULARITIES.find((g) => g === params.get('by')) ?? 'DAY';
  const setGranularity = (next: TrendGranularity) => setParams({ by: next });
  const variables = useMemo(() => {
    const instants = periodInstants(period, center.timeZone);
    const dayInstants = periodInstants({ fromDay: day, toDay: shiftDay(day, 1) }, center.timeZone);
    return {
      centerId: center.id,
      ...instants,
      ...trendRange(period.toDay, granularity),
      granularity,
      timeZone: center.timeZone,
      dayFrom: dayInstants.from,
      dayTo: dayInstants.to,
    };
  }, [center, period, day, granularity]);
  const result = useQuery(CenterOverviewDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const teams = new Map((data?.center?.teams ?? []).map((team) => [team.id, team]));
  const queues = (data?.queues ?? []).filter((q) => q.center?.id === center.id);

  return (
    <section aria-labelledby="center-title">
      <h2 id="center-title">
        {t('centerOverview')}: {center.name}
      </h2>
      <PeriodPicker period={period} onChange={setPeriod} timeZone={center.timeZone} />
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <h3>{t('kpiTiles')}</h3>
        <div className="tiles">
          {(data?.performance?.kpis ?? []).map((kpi) => (
            <KpiTile key={kpi.code} kpi={kpi} format={format} />
          ))}
        </div>
        <RecordTable
          caption={t('teams')}
          format={format}
          rows={(data?.performance?.children ?? []).map((record) => {
            const team = teams.get(record.scopeId);
            const name = team?.name ?? record.scopeId;
            return {
              id: record.scopeId,
              name,
              rank: null,
              record,
              link: (
                <a href={withPeriod(routeHref({ page: 'team', teamId: record.scopeId }), period)}>{name}</a>
              ),
            };
          })}
        />
        <TrendPanel
          trend={data?.performanceTrend ?? []}
          lines={TREND_LINES}
          granularity={granularity}
          onGranularityChange={setGranularity}
          format={format}
        />
        <div className="panel">
          <h3>{t('intervals')}</h3>
          <label>
            {t('day')} <DayPicker day={day} onChange={setDay} label={t('day')} />
          </label>
          <Chart
            label={t('intervals')}
            option={intervalChart(data?.trafficStats ?? [], format, {
              offered: t('offered'),
              answered: t('answered'),
              abandoned: t('abandoned'),
              serviceLevel: t('serviceLevel'),
            })}
          />
        </div>
        {queues.length > 0 && (
          <nav aria-label={t('queues')} className="panel">
            <h3>{t('queues')}</h3>
            <ul className="queue-links">
              {queues.map((q) => (
                <li key={q.id}>
                  <a href={withPeriod(routeHref({ page: 'queue', queueId: q.id }), period)}>{q.code}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {queues.length > 0 && <StaffingPanel queues={queues} day={day} timeZone={center.timeZone} />}
      </QueryState>
    </section>
  );
}

function StaffingPanel({
  queues,
  day,
  timeZone,
}: {
  queues: { id: string; code: string }[];
  day: string;
  timeZone: string;
}) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(timeZone);
  // the queue is kept in the address: it stays chosen while the period or day changes, and a link shares it
  const [params, setParams] = useHashParams();
  const queueId = queues.find((q) => q.id === params.get('queue'))?.id ?? queues[0].id;
  const setQueueId = (id: string) => setParams({ queue: id });
  const result = useQuery(StaffingPlanDocument, { variables: { queueId, day, timeZone } });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const intervals = data?.staffingPlan.intervals ?? [];
  return (
    <div className="panel" data-staffing-raw-agents={intervals.map((i) => i.rawAgents).join(' ')}>
      <h3>{t('staffingPlan')}</h3>
      <label>
        {t('queue')}
        <select value={queueId} onChange={(e) => setQueueId(e.target.value)}>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.code}
            </option>
          ))}
        </select>
      </label>
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <Chart
          label={t('staffingPlan')}
          option={lineChart(
            intervals.map((i) => format.time(i.intervalStart)),
            [
              { name: t('required'), data: intervals.map((i) => i.rawAgents), step: true },
              { name: t('loggedIn'), data: intervals.map((i) => i.loggedInAgents), step: true },
            ],
          )}
        />
      </QueryState>
    </div>
  );
}
