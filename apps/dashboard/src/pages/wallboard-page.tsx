import { useEffect, useMemo, useState } from 'react';
import { formatter } from '../format';
import { routeHref } from '../routing';
import { useI18n } from '../i18n/i18n';
import { ExportButtons } from '../components/export-buttons';
import {
  formatWait,
  oldestWaitSignal,
  outlookCells,
  parseServerSentEvents,
  reconnectDelayMs,
  serviceLevelSignal,
  streamUrl,
  type Outlook,
  type Signal,
  type WallboardOptions,
} from './wallboard';

interface Figures {
  waiting: number;
  onContact: number;
  oldestWaitSeconds: number | null;
  agents: { loggedIn: number; available: number; onContact: number; acw: number; notReady: number };
  today: {
    offered: number;
    answered: number;
    abandoned: number;
    serviceLevel: number | null;
    abandonRate: number | null;
  };
}
interface Board {
  asOf: string;
  center: Figures;
  queues: (Figures & {
    queueId: string;
    queueCode: string;
    queueName: string | null;
    outlook?: Outlook | null;
  })[];
}
type Connection = 'connecting' | 'live' | 'reconnecting' | 'refused';

/**
 * Reads the gateway's stream (fetch, since EventSource sends no Authorization header) and keeps the
 * latest board; reconnects by itself with a growing delay when the stream ends or fails. A refusal
 * (401, 403, 400) is shown, and tried again later too (a token may be renewed).
 */
function useBoard(options: WallboardOptions, token: string): { board: Board | null; connection: Connection } {
  const [board, setBoard] = useState<Board | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const url = streamUrl(options);
  useEffect(() => {
    const abort = new AbortController();
    let attempt = 0;
    const run = async (): Promise<void> => {
      while (!abort.signal.aborted) {
        try {
          const response = await fetch(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
            signal: abort.signal,
          });
          if (!response.ok || !response.body) {
            setConnection('refused');
          } else {
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const parsed = parseServerSentEvents(buffer + value);
              buffer = parsed.rest;
              for (const event of parsed.events) {
                if (event.event !== 'queues') continue;
                setBoard(JSON.parse(event.data) as Board);
                setConnection('live');
                attempt = 0;
              }
            }
            setConnection('reconnecting');
          }
        } catch {
          if (abort.signal.aborted) return;
          setConnection('reconnecting');
        }
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(attempt)));
        attempt += 1;
      }
    };
    void run();
    return () => abort.abort();
  }, [url, token]);
  return { board, connection };
}

function Tile({
  label,
  value,
  signal,
  name,
}: {
  label: string;
  value: string;
  signal?: Signal;
  name: string;
}) {
  return (
    <div
      className={`wallboard-tile signal-${signal ?? 'none'}`}
      data-wallboard={name}
      data-signal={signal ?? 'none'}
    >
      <div className="wallboard-label">{label}</div>
      <div className="wallboard-value">{value}</div>
    </div>
  );
}

/** TV mode: a center's (or some queues') figures now, large, colored against the thresholds. */
export function WallboardPage({ options, token }: { options: WallboardOptions; token: string }) {
  const { t, locale } = useI18n();
  const format = useMemo(() => formatter(locale, options.timeZone), [locale, options.timeZone]);
  const { board, connection } = useBoard(options, token);
  const status =
    connection === 'live'
      ? `${t('wallboardUpdated')} ${board ? format.time(board.asOf) : ''}`
      : t(
          connection === 'connecting'
            ? 'wallboardConnecting'
            : connection === 'refused'
              ? 'wallboardRefused'
              : 'wallboardReconnecting',
        );
  const c = board?.center;
  return (
    <div className="wallboard" data-connection={connection}>
      <header className="wallboard-header">
        <h1>{t('wallboard')}</h1>
        <p role="status" aria-live="polite" className={`wallboard-status status-${connection}`}>
          {status}
        </p>
      </header>
      {c && (
        <>
          <section className="wallboard-tiles" aria-label={t('wallboard')}>
            <Tile name="waiting" label={t('wallboardWaiting')} value={format.number(c.waiting)} />
            <Tile
              name="oldestWait"
              label={t('wallboardOldestWait')}
              value={formatWait(c.oldestWaitSeconds)}
              signal={oldestWaitSignal(c.oldestWaitSeconds, options.waitAmber, options.waitRed)}
            />
            <Tile
              name="serviceLevel"
              label={t('wallboardServiceLevel')}
              value={format.percent(c.today.serviceLevel)}
              signal={serviceLevelSignal(c.today.serviceLevel, options.slTarget)}
            />
            <Tile
              name="abandonRate"
              label={t('wallboardAbandonRate')}
              value={format.percent(c.today.abandonRate)}
            />
            <Tile name="offered" label={t('wallboardOffered')} value={format.number(c.today.offered)} />
            <Tile
              name="available"
              label={t('wallboardAvailable')}
              value={format.number(c.agents.available)}
            />
            <Tile
              name="onContact"
              label={t('wallboardOnContact')}
              value={format.number(c.agents.onContact)}
            />
            <Tile name="acw" label={t('wallboardAcw')} value={format.number(c.agents.acw)} />
            <Tile name="notReady" label={t('wallboardNotReady')} value={format.number(c.agents.notReady)} />
          </section>
          <div className="table-tools">
            <ExportButtons
              caption={t('wallboardQueue')}
              data={() => ({
                header: [
                  t('wallboardQueue'),
                  t('wallboardWaiting'),
                  t('wallboardOldestWait'),
                  t('wallboardServiceLevel'),
                  t('wallboardAbandonRate'),
                  t('wallboardAvailable'),
                  t('wallboardExpectedActual'),
                  t('wallboardRequiredLoggedIn'),
                  t('wallboardAgentsGap'),
                ],
                rows: board.queues.map((q) => {
                  const o = outlookCells(q.outlook, q.agents.loggedIn, String);
                  return [
                    q.queueName ?? q.queueCode,
                    q.waiting,
                    q.oldestWaitSeconds ?? null,
                    q.today.serviceLevel ?? null,
                    q.today.abandonRate ?? null,
                    q.agents.available,
                    o.expectedActual,
                    o.requiredLoggedIn,
                    q.outlook?.agentsGap ?? null,
                  ];
                }),
              })}
            />
          </div>
          <table className="wallboard-queues">
            <thead>
              <tr>
                <th scope="col">{t('wallboardQueue')}</th>
                <th scope="col">{t('wallboardWaiting')}</th>
                <th scope="col">{t('wallboardOldestWait')}</th>
                <th scope="col">{t('wallboardServiceLevel')}</th>
                <th scope="col">{t('wallboardAbandonRate')}</th>
                <th scope="col">{t('wallboardAvailable')}</th>
                <th scope="col">{t('wallboardExpectedActual')}</th>
                <th scope="col">{t('wallboardRequiredLoggedIn')}</th>
                <th scope="col">{t('wallboardAgentsGap')}</th>
              </tr>
            </thead>
            <tbody>
              {board.queues.map((q) => {
                const o = outlookCells(q.outlook, q.agents.loggedIn, format.number);
                const why = o.reason ? `${t('wallboardNoForecast')}: ${o.reason}` : undefined;
                return (
                  <tr key={q.queueId} data-queue={q.queueCode}>
                    <th scope="row">
                      <a href={routeHref({ page: 'queue', queueId: q.queueId })}>
                        {q.queueName ?? q.queueCode}
                      </a>
                    </th>
                    <td data-wallboard-waiting>{format.number(q.waiting)}</td>
                    <td
                      className={`signal-${oldestWaitSignal(q.oldestWaitSeconds, options.waitAmber, options.waitRed)}`}
                    >
                      {formatWait(q.oldestWaitSeconds)}
                    </td>
                    <td className={`signal-${serviceLevelSignal(q.today.serviceLevel, options.slTarget)}`}>
                      {format.percent(q.today.serviceLevel)}
                    </td>
                    <td>{format.percent(q.today.abandonRate)}</td>
                    <td>{format.number(q.agents.available)}</td>
                    <td data-wallboard-expected title={why}>
                      {o.expectedActual}
                    </td>
                    <td data-wallboard-required title={why}>
                      {o.requiredLoggedIn}
                    </td>
                    <td data-wallboard-gap className={`signal-${o.signal}`} title={why}>
                      {o.gap}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
