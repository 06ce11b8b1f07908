import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { QueueLiveDocument, QueuePageDocument } from '../../api/generated';
import { Chart } from '../../components/chart';
import { intervalChart } from '../../components/charts';
import { keptData } from '../../components/kept-query';
import { DayPicker, PeriodPicker } from '../../components/period-picker';
import { QueryState } from '../../components/query-state';
import type { Formatter } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { isDay, lastDays, periodInstants, shiftDay } from '../../period';
import { routeHref } from '../../routing';
import { useHashParams, useUrlPeriod } from '../../url-state';
import { QueueSegmentsPanel } from './queue-segments-panel';

/** How often the queue's live state is read again. */
const LIVE_POLL_MS = 15_000;

function Figure({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <div className="tile" data-queue-figure={name}>
      <h4>{label}</h4>
      <p className="tile-value">{value}</p>
    </div>
  );
}

/** One queue: its state now (traffic's live state), its figures for the period and a day's intervals. */
export function QueuePage({ queueId, timeZone }: { queueId: string; timeZone: string }) {
  const { t, format: formatIn } = useI18n();
  const [period, setPeriod] = useUrlPeriod(() => lastDays(7, timeZone));
  const [params, setParams] = useHashParams();
  const shownDay = params.get('day') ?? '';
  const day = isDay(shownDay) ? shownDay : shiftDay(period.toDay, -1);
  const variables = useMemo(() => {
    const dayInstants = periodInstants({ fromDay: day, toDay: shiftDay(day, 1) }, timeZone);
    return {
      queueId,
      timeZone,
      ...periodInstants(period, timeZone),
      dayFrom: dayInstants.from,
      dayTo: dayInstants.to,
    };
  }, [queueId, period, day, timeZone]);
  const result = useQuery(QueuePageDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const queue = data?.queue ?? null;
  const format = formatIn(queue?.center?.timeZone ?? timeZone);
  const total = data?.total?.[0] ?? null;
  return (
    <section aria-labelledby="queue-title" data-queue-id={queueId}>
      <h2 id="queue-title">
        {t('queuePage')}: {queue ? (queue.name ?? queue.code) : ''}
      </h2>
      {queue?.center && (
        <p>
          <a href={routeHref({ page: 'center', centerId: queue.center.id })}>{queue.center.name}</a> ·{' '}
          {queue.code} · {t('serviceLevelTarget')} {format.percent(queue.serviceLevelTarget)} /{' '}
          {queue.serviceLevelThresholdSeconds} s
        </p>
      )}
      {queue?.center && (
        <QueueLive
          centerId={queue.center.id}
          queueId={queueId}
          timeZone={queue.center.timeZone}
          format={format}
        />
      )}
      <h3>{t('queuePeriod')}</h3>
      <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <div className="tiles" data-queue-period>
          <Figure name="offered" label={t('offered')} value={format.number(total?.offered)} />
          <Figure name="answered" label={t('answered')} value={format.number(total?.answered)} />
          <Figure name="abandoned" label={t('abandoned')} value={format.number(total?.abandoned)} />
          <Figure name="serviceLevel" label={t('serviceLevel')} value={format.percent(total?.serviceLevel)} />
          <Figure name="abandonRate" label={t('abandonRate')} value={format.percent(total?.abandonRate)} />
          <Figure name="asa" label={t('asa')} value={format.duration(total?.asaSeconds)} />
          <Figure name="aht" label={t('aht')} value={format.duration(total?.ahtSeconds)} />
          <Figure name="maxWait" label={t('maxWait')} value={format.duration(total?.maxWaitSeconds)} />
          <Figure name="transferRate" label={t('transferRate')} value={format.percent(total?.transferRate)} />
          <Figure name="fcr" label={t('fcr')} value={format.percent(total?.fcrRate)} />
        </div>
        <QueueSegmentsPanel
          queueId={queueId}
          from={variables.from}
          to={variables.to}
          timeZone={timeZone}
          format={format}
        />
        <div className="panel">
          <h3>{t('intervals')}</h3>
          <label>
            {t('day')} <DayPicker day={day} onChange={(next) => setParams({ day: next })} label={t('day')} />
          </label>
          <Chart
            label={`${t('intervals')} · ${queue?.code ?? ''}`}
            option={intervalChart(data?.intervals ?? [], format, {
              offered: t('offered'),
              answered: t('answered'),
              abandoned: t('abandoned'),
              serviceLevel: t('serviceLevel'),
            })}
          />
        </div>
      </QueryState>
    </section>
  );
}

/** The queue now: waiting, oldest wait, agents by state and today so far, read again every 15 s. */
function QueueLive({
  centerId,
  queueId,
  timeZone,
  format,
}: {
  centerId: string;
  queueId: string;
  timeZone: string;
  format: Formatter;
}) {
  const { t } = useI18n();
  const { data, error } = useQuery(QueueLiveDocument, {
    variables: { centerId, queueId, timeZone },
    pollInterval: LIVE_POLL_MS,
  });
  const live = data?.liveQueues.queues.find((q) => q.queueId === queueId) ?? null;
  if (!live)
    return error ? (
      <p role="note" className="notice partial">
        {t('liveUnavailable')}
      </p>
    ) : null;
  const wait = live.oldestWaitSeconds;
  return (
    <div className="panel" data-queue-live>
      <h3>
        {t('queueNow')} <small>({`${t('liveAsOf')} ${format.time(data?.liveQueues.asOf ?? '')}`})</small>
      </h3>
      <div className="tiles">
        <Figure name="waiting" label={t('waiting')} value={format.number(live.waiting)} />
        <Figure
          name="oldestWait"
          label={t('oldestWait')}
          value={wait == null ? '–' : format.duration(wait)}
        />
        <Figure name="loggedIn" label={t('loggedInNow')} value={format.number(live.agents.loggedIn)} />
        <Figure name="available" label={t('availableNow')} value={format.number(live.agents.available)} />
        <Figure name="onContact" label={t('onContactNow')} value={format.number(live.agents.onContact)} />
        <Figure name="acw" label={t('acwNow')} value={format.number(live.agents.acw)} />
        <Figure name="notReady" label={t('notReadyNow')} value={format.number(live.agents.notReady)} />
        <Figure
          name="todayOffered"
          label={`${t('todaySoFar')}: ${t('offered')}`}
          value={format.number(live.today.offered)}
        />
        <Figure
          name="todayServiceLevel"
          label={`${t('todaySoFar')}: ${t('serviceLevel')}`}
          value={format.percent(live.today.serviceLevel)}
        />
      </div>
    </div>
  );
}
