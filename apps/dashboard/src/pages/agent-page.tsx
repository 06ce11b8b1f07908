import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { AgentPageDocument, type AgentPageQuery, type TrendGranularity } from '../api/generated';
import { keptData } from '../components/kept-query';
import { PeriodPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { SortableTable } from '../components/sortable-table';
import { TREND_GRANULARITIES, trendRange } from '../components/trend';
import { TrendPanel, type TrendLine } from '../components/trend-panel';
import { useI18n } from '../i18n/i18n';
import { lastDays, periodInstants } from '../period';
import { routeHref } from '../routing';
import { AgentEvaluations } from './agent-evaluations';
import { useHashParams, useUrlPeriod } from '../url-state';

type Training = NonNullable<NonNullable<AgentPageQuery['agent']>['training']>;
type Certification = Training['certifications'][number];
type Assignment = Training['assignments'][number];

// QA scores are percent points: drawn on the same percent axis as the ratios.
const TREND_LINES: readonly TrendLine[] = [
  { code: 'SERVICE_LEVEL', label: 'serviceLevel', source: { part: 'traffic', field: 'serviceLevel' } },
  { code: 'FCR', label: 'fcr', source: { part: 'traffic', field: 'fcrRate' } },
  { code: 'QA_SCORE', label: 'qaScore', scale: 0.01, source: { part: 'qa', field: 'qaScore' } },
];

/** One agent: traffic and QA for a period, KPI trends, their evaluations, training and certifications. */
export function AgentPage({
  employeeNo,
  timeZone,
  viewer = null,
}: {
  employeeNo: string;
  timeZone: string;
  /** The signed-in person's employee number: on their own page they acknowledge or dispute a score. */
  viewer?: string | null;
}) {
  const { t, format: formatIn } = useI18n();
  const [period, setPeriod] = useUrlPeriod(() => lastDays(30, timeZone));
  const [params, setParams] = useHashParams();
  const granularity: TrendGranularity = TREND_GRANULARITIES.find((g) => g === params.get('by')) ?? 'WEEK';
  const setGranularity = (next: TrendGranularity) => setParams({ by: next });
  const variables = useMemo(
    () => ({
      employeeNo,
      ...periodInstants(period, timeZone),
      ...trendRange(period.toDay, granularity),
      granularity,
      timeZone,
    }),
    [employeeNo, period, granularity, timeZone],
  );
  const result = useQuery(AgentPageDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const agent = data?.agent;
  const format = formatIn(agent?.center?.timeZone ?? timeZone);
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  return (
    <section aria-labelledby="agent-title" data-employee-no={agent?.employeeNo ?? ''}>
      <h2 id="agent-title">
        {t('agent')}: {agent ? `${agent.displayName} (${agent.employeeNo})` : employeeNo}
      </h2>
      {agent?.team && (
        <p>
          <a href={routeHref({ page: 'team', teamId: agent.team.id })}>{agent.team.name}</a>
        </p>
      )}
      <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
      <QueryState loading={loading} error={error} hasData={!!agent} updating={updating}>
        <dl className="facts">
          <dt>{t('offered')}</dt>
          <dd>{format.number(agent?.trafficSummary?.offered)}</dd>
          <dt>{t('serviceLevel')}</dt>
          <dd>{format.percent(agent?.trafficSummary?.serviceLevel)}</dd>
          <dt>{t('aht')}</dt>
          <dd>{format.duration(agent?.trafficSummary?.ahtSeconds)}</dd>
          <dt>{t('qaScore')}</dt>
          <dd data-testid="agent-qa-score">{format.number(agent?.qaSummary?.score, 1)}</dd>
          <dt>{t('evaluations')}</dt>
          <dd data-testid="agent-qa-evaluations" data-value={agent?.qaSummary?.evaluations ?? ''}>
            {format.number(agent?.qaSummary?.evaluations)}
          </dd>
          <dt>{t('compliance')}</dt>
          <dd>{agent?.training?.complianceStatus ?? '–'}</dd>
        </dl>
        <TrendPanel
          trend={agent?.performanceTrend ?? []}
          lines={TREND_LINES}
          granularity={granularity}
          onGranularityChange={setGranularity}
          format={format}
        />
        <AgentEvaluations
          employeeNo={employeeNo}
          first={data?.evaluations ?? null}
          awaiting={data?.awaiting?.nodes ?? []}
          period={{ from: variables.from, to: variables.to }}
          own={viewer !== null && viewer === agent?.employeeNo}
          format={format}
          onChanged={() => void result.refetch()}
        />
        <SortableTable<Certification>
          caption={t('certifications')}
          rows={agent?.training?.certifications ?? []}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'course',
              label: t('course'),
              sortValue: (c) => c.course.title,
              render: (c) => c.course.title,
            },
            {
              key: 'issuedOn',
              label: t('issuedOn'),
              sortValue: (c) => c.issuedOn,
              render: (c) => c.issuedOn,
            },
            {
              key: 'expiresOn',
              label: t('expiresOn'),
              sortValue: (c) => c.expiresOn,
              render: (c) => c.expiresOn ?? '–',
            },
            {
              key: 'valid',
              label: t('valid'),
              sortValue: (c) => String(c.valid),
              render: (c) => yesNo(c.valid),
            },
          ]}
        />
        <SortableTable<Assignment>
          caption={t('assignments')}
          rows={agent?.training?.assignments ?? []}
          rowKey={(a) => a.id}
          initialSort={{ key: 'dueDate', direction: 'ascending' }}
          columns={[
            {
              key: 'course',
              label: t('course'),
              sortValue: (a) => a.course.title,
              render: (a) => a.course.title,
            },
            { key: 'dueDate', label: t('dueDate'), sortValue: (a) => a.dueDate, render: (a) => a.dueDate },
            { key: 'status', label: t('status'), sortValue: (a) => a.status, render: (a) => a.status },
          ]}
        />
      </QueryState>
    </section>
  );
}
