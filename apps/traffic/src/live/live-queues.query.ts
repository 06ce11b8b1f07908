import type { EntityManager } from '@mikro-orm/postgresql';
import {
  contactMetrics,
  emptyContactTotals,
  localDay,
  localMidnight,
  sumContactTotals,
  type ContactTotals,
  type ServiceLevelVariant,
} from '@switchboard/metrics';
import { liveOutlooks, type LiveOutlook } from './live-outlook';

/** The clock live figures are read against (oldest wait, "today"); tests set it. */
export const liveClock = { now: (): Date => new Date() };

export interface NotReadyCount {
  reason: string | null;
  agents: number;
}

export interface AgentsNow {
  loggedIn: number;
  available: number;
  onContact: number;
  acw: number;
  notReady: number;
  notReadyByReason: NotReadyCount[];
}

export interface TodaySoFar {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  abandonRate: number | null;
  ahtSeconds: number | null;
  asaSeconds: number | null;
}

export interface LiveFigures {
  waiting: number;
  onContact: number;
  oldestWaitSeconds: number | null;
  agents: AgentsNow;
  today: TodaySoFar;
}

export interface LiveQueueRow extends LiveFigures {
  queueId: string;
  queueCode: string;
  queueName: string | null;
  /** wfm's day forecast against today so far, agents required now (null unless asked for). */
  outlook: LiveOutlook | null;
}

export interface LiveQueuesAnswer {
  centerId: string;
  asOf: Date;
  timeZone: string;
  dayStart: Date;
  center: LiveFigures;
  queues: LiveQueueRow[];
}

interface QueueRow {
  id: string;
  code: string;
  name: string | null;
  sl_variant: ServiceLevelVariant;
  sl_target: number;
  sl_threshold_seconds: number;
}

interface ContactSumRow {
  queue_id: string;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  answered_within: number;
  abandoned_within: number;
  transferred: number;
  wait_answered: number;
  handle: number;
  talk: number;
  hold: number;
  acw: number;
  max_wait: number | null;
}

function emptyAgents(): AgentsNow {
  return { loggedIn: 0, available: 0, onContact: 0, acw: 0, notReady: 0, notReadyByReason: [] };
}

function addAgents(into: AgentsNow, state: string, reason: string | null, n: number): void {
  if (state === 'LOGGED_OUT') return;
  into.loggedIn += n;
  if (state === 'AVAILABLE') into.available += n;
  else if (state === 'ON_CONTACT') into.onContact += n;
  else if (state === 'ACW') into.acw += n;
  else if (state === 'NOT_READY') {
    into.notReady += n;
    const entry = into.notReadyByReason.find((e) => e.reason === reason);
    if (entry) entry.agents += n;
    else into.notReadyByReason.push({ reason, agents: n });
  }
}

function today(totals: ContactTotals, variant: ServiceLevelVariant): TodaySoFar {
  const m = contactMetrics(totals, variant);
  return {
    offered: m.offered,
    answered: m.answered,
    abandoned: m.abandoned,
    serviceLevel: m.serviceLevel,
    abandonRate: m.abandonRate,
    ahtSeconds: m.ahtSeconds,
    asaSeconds: m.asaSeconds,
  };
}

function totalsOf(row: ContactSumRow | undefined): ContactTotals {
  if (!row) return emptyContactTotals();
  return {
    ...emptyContactTotals(),
    answered: Number(row.answered),
    abandoned: Number(row.abandoned),
    shortAbandoned: Number(row.short_abandoned),
    answeredWithinThreshold: Number(row.answered_within),
    abandonedWithinThreshold: Number(row.abandoned_within),
    transferred: Number(row.transferred),
    waitSecondsAnswered: Number(row.wait_answered),
    handleSeconds: Number(row.handle),
    talkSeconds: Number(row.talk),
    holdSeconds: Number(row.hold),
    acwSeconds: Number(row.acw),
    maxWaitSeconds: row.max_wait === null ? null : Number(row.max_wait),
  };
}

/**
 * The center's queues (or the ones asked for, of that center) now: contacts waiting and the oldest
 * wait from live_contact, agents by state from live_agent (an agent counts in the queue of their
 * latest event naming one), and today so far (local midnight in `timeZone` until now) from the
 * stored contact records, summed per queue with each queue's thresholds and turned into rates by
 * libs/metrics. Four statements, whatever the number of queues. With `outlook`, each queue's
 * outlook too (live-outlook.ts: one cached gateway request to wfm, one statement more). The caller
 * checks the scope.
 */
export async function liveQueues(
  em: EntityManager,
  centerId: string,
  queueIds: string[] | null,
  timeZone: string,
  options: { outlook?: boolean } = {},
): Promise<LiveQueuesAnswer> {
  const now = liveClock.now();
  const dayStart = localMidnight(localDay(now, timeZone), timeZone);
  const queues = await em.execute<QueueRow[]>(
    `select id, code, name, sl_variant, sl_target, sl_threshold_seconds from queue where center_id = ?
       and (?::jsonb is null or id in (select (jsonb_array_elements_text(?::jsonb))::uuid)) order by code`,
    [centerId, queueIds && JSON.stringify(queueIds), queueIds && JSON.stringify(queueIds)],
  );
  const ids = queues.map((q) => q.id);
  const idList = JSON.stringify(ids);
  const answer: LiveQueuesAnswer = {
    centerId,
    asOf: now,
    timeZone,
    dayStart,
    center: {
      waiting: 0,
      onContact: 0,
      oldestWaitSeconds: null,
      agents: emptyAgents(),
      today: today(emptyContactTotals(), 'EXCLUDE_SHORT_ABANDONS'),
    },
    queues: [],
  };
  if (ids.length === 0) return answer;
  const [waiting, agents, sums] = await Promise.all([
    em.execute<{ queue_id: string; waiting: number; on_contact: number; oldest: string | null }[]>(
      `select queue_id, count(*) filter (where answered_at is null)::int as waiting,
         count(*) filter (where answered_at is not null)::int as on_contact,
         to_json(min(arrived_at) filter (where answered_at is null)) #>> '{}' as oldest
       from live_contact where queue_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) group by queue_id`,
      [idList],
    ),
    em.execute<{ queue_id: string; state: string; reason: string | null; agents: number }[]>(
      `select queue_id, state, reason, count(*)::int as agents from live_agent
       where queue_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and state <> 'LOGGED_OUT' group by queue_id, state, reason`,
      [idList],
    ),
    em.execute<ContactSumRow[]>(
      `with c as (
         select c.*, extract(epoch from coalesce(c.answered_at, c.ended_at) - c.arrived_at) as wait,
           q.sl_threshold_seconds as t, q.short_abandon_seconds as s
         from contact c join queue q on q.id = c.queue_id
         where c.queue_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and c.arrived_at >= ? and c.arrived_at < ?
           and c.direction = 'INBOUND' and c.outcome in ('ANSWERED', 'ABANDONED'))
       select queue_id,
         count(*) filter (where outcome = 'ANSWERED')::int as answered,
         count(*) filter (where outcome = 'ABANDONED')::int as abandoned,
         count(*) filter (where outcome = 'ABANDONED' and wait < s)::int as short_abandoned,
         count(*) filter (where outcome = 'ANSWERED' and wait <= t)::int as answered_within,
         count(*) filter (where outcome = 'ABANDONED' and wait <= t)::int as abandoned_within,
         count(*) filter (where outcome = 'ANSWERED' and transferred)::int as transferred,
         coalesce(sum(wait) filter (where outcome = 'ANSWERED'), 0)::float8 as wait_answered,
         coalesce(sum(extract(epoch from ended_at - answered_at) + acw_seconds) filter (where outcome = 'ANSWERED'), 0)::float8 as handle,
         coalesce(sum(extract(epoch from ended_at - answered_at) - hold_seconds) filter (where outcome = 'ANSWERED'), 0)::float8 as talk,
         coalesce(sum(hold_seconds) filter (where outcome = 'ANSWERED'), 0)::float8 as hold,
         coalesce(sum(acw_seconds) filter (where outcome = 'ANSWERED'), 0)::float8 as acw,
         max(wait)::float8 as max_wait
       from c group by queue_id`,
      [idList, dayStart, now],
    ),
  ]);
  const oldestSeconds = (oldest: string | null): number | null =>
    oldest === null ? null : Math.max(0, Math.floor((now.getTime() - new Date(oldest).getTime()) / 1000));
  const allTotals: ContactTotals[] = [];
  for (const q of queues) {
    const w = waiting.find((r) => r.queue_id === q.id);
    const queueAgents = emptyAgents();
    for (const a of agents) if (a.queue_id === q.id) addAgents(queueAgents, a.state, a.reason, a.agents);
    const totals = totalsOf(sums.find((r) => r.queue_id === q.id));
    allTotals.push(totals);
    answer.queues.push({
      queueId: q.id,
      queueCode: q.code,
      queueName: q.name,
      waiting: w?.waiting ?? 0,
      onContact: w?.on_contact ?? 0,
      oldestWaitSeconds: oldestSeconds(w?.oldest ?? null),
      agents: queueAgents,
      today: today(totals, q.sl_variant),
      outlook: null,
    });
  }
  if (options.outlook) {
    const outlooks = await liveOutlooks(
      em,
      answer.queues.map((row, i) => ({
        queueId: row.queueId,
        loggedIn: row.agents.loggedIn,
        slTarget: Number(queues[i].sl_target),
        slThresholdSeconds: Number(queues[i].sl_threshold_seconds),
        todayAhtSeconds: row.today.ahtSeconds,
      })),
      now,
    );
    for (const row of answer.queues) row.outlook = outlooks.get(row.queueId) ?? null;
  }
  const center = answer.center;
  for (const q of answer.queues) {
    center.waiting += q.waiting;
    center.onContact += q.onContact;
    if (q.oldestWaitSeconds !== null)
      center.oldestWaitSeconds = Math.max(center.oldestWaitSeconds ?? 0, q.oldestWaitSeconds);
  }
  // An agent's row names one queue, so the center's agents are its queues' agents, each once.
  for (const a of agents) addAgents(center.agents, a.state, a.reason, a.agents);
  // The center's rates from its queues' summed counts (never an average of rates); each contact was
  // already judged against its own queue's thresholds. The default variant for the mix.
  center.today = today(sumContactTotals(allTotals), 'EXCLUDE_SHORT_ABANDONS');
  return answer;
}
