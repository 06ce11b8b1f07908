import { useQuery } from '@apollo/client/react';
import { addDays, localDay, localMidnight } from '@switchboard/metrics';
import {
  WfmAdherenceDocument,
  WfmBacktestDocument,
  WfmCoverageDocument,
  WfmForecastDocument,
  WfmQueuesDocument,
  type WfmAdherenceQuery,
  type WfmBacktestQuery,
} from '../api/generated';
import { Chart } from '../components/chart';
import { keptData } from '../components/kept-query';
import { DayPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { SortableTable, type Column } from '../components/sortable-table';
import { actualByInterval, coverageChart, forecastBandChart } from '../components/wfm-charts';
import type { Formatter } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { isDay } from '../period';
import { routeHref } from '../routing';
import { useHashParams } from '../url-state';

/** Operating days the backtest table measures, before the day shown (the backtest's default). */
const BACKTEST_DAYS = 20;

type AgentAdherence = NonNullable<WfmAdherenceQuery['adherence']>[number];
type Backtest = WfmBacktestQuery['dayAhead'];
interface BacktestRow {
  lead: Backtest['lead'];
  method: string;
  wape: number | null;
  bias: number | null;
  mape: number | null;
  excessWape: number | null;
  chosen: boolean;
}

/**
 * Workforce (issue 21): one queue's day, forecast against actual with the p10–p90 band, every
 * method's backtest accuracy by lead, coverage (required, scheduled on queue, logged in), and
 * adherence per agent. The queue and day are kept in the address.
 */
export function WfmPage({ centerId, timeZone }: { centerId: string | null; timeZone: string }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(timeZone);
  const [params, setParams] = useHashParams();
  const asked = params.get('day');
  const day = asked && isDay(asked) ? asked : addDays(localDay(new Date(), timeZone), -1);
  const queuesResult = useQuery(WfmQueuesDocument);
  const queues = (queuesResult.data?.queues ?? []).filter((q) => !centerId || q.center?.id === centerId);
  const queueId = queues.find((q) => q.id === params.get('queue'))?.id ?? queues[0]?.id ?? null;
  return (
    <section className="wfm-page">
      <h2>{t('workforce')}</h2>
      <div className="filters">
        <label>
          {t('queue')}
          <select value={queueId ?? ''} onChange={(e) => setParams({ queue: e.target.value })}>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('day')}
          {/* picked or typed: applied once a whole day is there, not a query per keystroke */}
          <DayPicker day={day} onChange={(next) => setParams({ day: next })} label={t('day')} />
        </label>
      </div>
      <QueryState loading={queuesResult.loading} error={queuesResult.error} hasData={!!queuesResult.data}>
        {queueId && (
          <>
            <ForecastPanel queueId={queueId} day={day} timeZone={timeZone} format={format} />
            <BacktestPanel queueId={queueId} day={day} timeZone={timeZone} format={format} />
            <CoveragePanel queueId={queueId} day={day} timeZone={timeZone} format={format} />
          </>
        )}
      </QueryState>
      <AdherencePanel day={day} format={format} />
    </section>
  );
}

interface PanelProps {
  queueId: string;
  day: string;
  timeZone: string;
  format: Formatter;
}

function ForecastPanel({ queueId, day, timeZone, format }: PanelProps) {
  const { t } = useI18n();
  const next = addDays(day, 1);
  const result = useQuery(WfmForecastDocument, {
    variables: {
      queueId,
      day,
      next,
      timeZone,
      dayFrom: localMidnight(day, timeZone).toISOString(),
      dayTo: localMidnight(next, timeZone).toISOString(),
    },
  });
  const { data, updating } = keptData(result);
  const intervals = data?.forecast.intervals ?? [];
  const actual = actualByInterval(
    intervals.map((i) => i.intervalStart),
    data?.trafficStats ?? [],
  );
  return (
    <div className="panel" data-forecast-offered={intervals.map((i) => i.offered).join(' ')}>
      <h3>{t('forecastVsActual')}</h3>
      <QueryState loading={result.loading} error={result.error} hasData={!!data} updating={updating}>
        <p>
          {t('forecastMethod')}: <strong>{data?.forecast.method}</strong>
          {data && !data.forecast.forecastable && (
            <span role="note">
              {' '}
              ({t('notForecastable')}: {data.forecast.reason})
            </span>
          )}
        </p>
        <Chart
          label={t('forecastVsActual')}
          option={forecastBandChart(
            intervals.map((i) => format.time(i.intervalStart)),
            intervals,
            actual,
            { band: t('forecastBand'), forecast: t('forecastP50'), actual: t('actualOffered') },
          )}
        />
      </QueryState>
    </div>
  );
}

function BacktestPanel({ queueId, day, timeZone, format }: PanelProps) {
  const { t } = useI18n();
  const result = useQuery(WfmBacktestDocument, {
    variables: { queueId, from: addDays(day, -BACKTEST_DAYS), to: day, timeZone },
  });
  const { data, updating } = keptData(result);
  const leads: Backtest[] = data ? [data.intraday, data.dayAhead, data.weekAhead] : [];
  const rows: BacktestRow[] = leads.flatMap((b) =>
    b.methods.map((m) => ({ ...m, lead: b.lead, chosen: m.method === b.chosenMethod })),
  );
  const leadName = (lead: string) => t(`lead${lead}` as MessageKey);
  const ratio = (key: keyof BacktestRow, label: string): Column<BacktestRow> => ({
    key,
    label,
    numeric: true,
    sortValue: (r) => r[key] as number | null,
    render: (r) => format.percent(r[key] as number | null),
  });
  const columns: Column<BacktestRow>[] = [
    {
      key: 'lead',
      label: t('lead'),
      sortValue: (r) => leadName(r.lead),
      render: (r) => leadName(r.lead),
      filterable: true,
    },
    { key: 'method', label: t('forecastMethod'), sortValue: (r) => r.method, render: (r) => r.method },
    ratio('wape', t('wape')),
    ratio('bias', t('bias')),
    ratio('mape', t('mape')),
    ratio('excessWape', t('excessWape')),
    {
      key: 'chosen',
      label: t('chosenMethod'),
      sortValue: (r) => (r.chosen ? 1 : 0),
      render: (r) => (r.chosen ? '✓' : ''),
      exportValue: (r) => (r.chosen ? t('yes') : ''),
    },
  ];
  return (
    <div
      className="panel"
      data-backtest-day-ahead-wape={data?.dayAhead.methods.map((m) => `${m.method}:${m.wape}`).join(' ')}
    >
      <h3>{t('backtest')}</h3>
      <QueryState loading={result.loading} error={result.error} hasData={!!data} updating={updating}>
        <ul className="noise-floors">
          {leads.map((b) => (
            <li key={b.lead}>
              {leadName(b.lead)} — {t('noiseFloor')}: {format.percent(b.noiseFloor)}
              {!b.forecastable && (
                <span role="note">
                  {' '}
                  ({t('notForecastable')}: {b.reason})
                </span>
              )}
            </li>
          ))}
        </ul>
        <SortableTable
          caption={t('backtest')}
          columns={columns}
          rows={rows}
          rowKey={(r) => `${r.lead}:${r.method}`}
        />
      </QueryState>
    </div>
  );
}

function CoveragePanel({ queueId, day, timeZone, format }: PanelProps) {
  const { t } = useI18n();
  const result = useQuery(WfmCoverageDocument, { variables: { queueId, day, date: day, timeZone } });
  const { data, updating } = keptData(result);
  const coverage = data?.coverage ?? [];
  const plan = new Map(
    (data?.staffingPlan.intervals ?? []).map((i) => [Date.parse(i.intervalStart), i] as const),
  );
  const at = (iso: string) => plan.get(Date.parse(iso));
  return (
    <div className="panel" data-coverage-scheduled={coverage.map((c) => c.scheduledOnQueue).join(' ')}>
      <h3>{t('coverage')}</h3>
      <QueryState loading={result.loading} error={result.error} hasData={!!data} updating={updating}>
        <Chart
          label={t('coverage')}
          option={coverageChart(
            coverage.map((c) => format.time(c.intervalStart)),
            {
              required: coverage.map((c) => at(c.intervalStart)?.rawAgents ?? null),
              scheduled: coverage.map((c) => c.scheduledOnQueue),
              loggedIn: coverage.map((c) => at(c.intervalStart)?.loggedInAgents ?? null),
            },
            { required: t('required'), scheduled: t('scheduledOnQueue'), loggedIn: t('loggedIn') },
          )}
        />
      </QueryState>
    </div>
  );
}

function AdherencePanel({ day, format }: { day: string; format: Formatter }) {
  const { t } = useI18n();
  const result = useQuery(WfmAdherenceDocument, { variables: { from: day, to: addDays(day, 1) } });
  const { data, updating } = keptData(result);
  const rows = data?.adherence ?? [];
  const ratio = (key: 'adherence' | 'conformance' | 'shrinkage', label: string): Column<AgentAdherence> => ({
    key,
    label,
    numeric: true,
    sortValue: (r) => r[key],
    render: (r) => format.percent(r[key]),
  });
  const columns: Column<AgentAdherence>[] = [
    {
      key: 'employeeNo',
      label: t('employeeNo'),
      sortValue: (r) => r.employeeNo,
      render: (r) => <a href={routeHref({ page: 'agent', employeeNo: r.employeeNo })}>{r.employeeNo}</a>,
      exportValue: (r) => r.employeeNo,
    },
    ratio('adherence', t('adherence')),
    ratio('conformance', t('conformance')),
    ratio('shrinkage', t('shrinkage')),
    {
      key: 'scheduledSeconds',
      label: t('scheduledTime'),
      numeric: true,
      sortValue: (r) => r.scheduledSeconds,
      render: (r) => format.duration(r.scheduledSeconds),
    },
    {
      key: 'exceptionSeconds',
      label: t('exceptionTime'),
      numeric: true,
      sortValue: (r) => r.exceptionSeconds,
      render: (r) => format.duration(r.exceptionSeconds),
    },
  ];
  return (
    <div className="panel" data-adherence={rows.map((r) => `${r.employeeNo}:${r.adherence}`).join(' ')}>
      <h3>{t('adherencePerAgent')}</h3>
      <QueryState loading={result.loading} error={result.error} hasData={!!data} updating={updating}>
        <SortableTable
          caption={t('adherencePerAgent')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.employeeNo}
          initialSort={{ key: 'adherence', direction: 'ascending' }}
        />
      </QueryState>
    </div>
  );
}
