import {
  DEFAULT_ACTIVITY_RULES,
  addDays,
  localMidnight,
  periodAdherence,
  scheduleAdherence,
  type ScheduleAdherence,
} from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { pgArray } from '@switchboard/db';
import type { Schedule } from '../../schedule/schedule.entity';
import type { StateSource } from '../../adherence/adherence.service';
import type { AgentStateSpan } from '../../adherence/agent-states.client';
import { PerformanceWorkforceType } from './performance.type';

/** The states one gateway request asks for at most (traffic answers 31 days). */
const STATE_WINDOW_MS = 31 * 86_400_000;

export interface WorkforceRequest {
  key: string;
  from: Date;
  to: Date;
  employeeNos: string[];
}

const seconds = (ms: number) => ms / 1000;

/** An agent's spans sorted by start, with the latest end so far at each index (for a binary search). */
export interface AgentTimeline {
  spans: AgentStateSpan[];
  reach: number[];
}

/** Each agent's timeline, built once per batch. */
export function timelinesOf(spans: ReadonlyMap<string, AgentStateSpan[]>): Map<string, AgentTimeline> {
  const timelines = new Map<string, AgentTimeline>();
  for (const [employeeNo, list] of spans) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    let reach = -Infinity;
    timelines.set(employeeNo, {
      spans: sorted,
      reach: sorted.map((s) => (reach = Math.max(reach, s.end))),
    });
  }
  return timelines;
}

/**
 * The spans of a timeline that overlap [start, end), in start order: a binary search for the first
 * whose reach passes `start`, then on while they start before `end` (not a filter of the agent's
 * every span per scheduled day: a month of a center's days had made that the cost of the record).
 */
export function spansOverlapping(
  timeline: AgentTimeline | undefined,
  start: number,
  end: number,
): AgentStateSpan[] {
  if (!timeline) return [];
  let low = 0;
  let high = timeline.spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (timeline.reach[middle] <= start) low = middle + 1;
    else high = middle;
  }
  const found: AgentStateSpan[] = [];
  for (let i = low; i < timeline.spans.length && timeline.spans[i].start < end; i += 1) {
    if (timeline.spans[i].end > start) found.push(timeline.spans[i]);
  }
  return found;
}

/** What adherence reads of a schedule. */
export type ScheduleRow = Pick<Schedule, 'employeeNo' | 'date' | 'timeZone' | 'segments'>;

/** A schedule with its local day as instants and its segments in epoch ms, worked out once per batch. */
export interface ScheduledDay {
  employeeNo: string;
  /** The local day [start, end) in epoch ms. */
  start: number;
  end: number;
  segments: { start: number; end: number; activity: string }[];
}

/**
 * Each schedule's day bounds and segments as instants, once per batch (a record of each day of a
 * trend reads the same schedules again: the zone arithmetic per record and schedule had been most
 * of Performance.workforce's CPU).
 */
export function scheduledDaysOf(schedules: readonly ScheduleRow[]): ScheduledDay[] {
  // a center's month is thousands of schedules on a few dozen (date, zone) pairs: each local midnight
  // is worked out once (the zone arithmetic per schedule was a fifth of a center overview's wfm CPU)
  const midnights = new Map<string, number>();
  const midnight = (date: string, zone: string): number => {
    const key = `${date}|${zone}`;
    let at = midnights.get(key);
    if (at === undefined) {
      at = localMidnight(date, zone).getTime();
      midnights.set(key, at);
    }
    return at;
  };
  return schedules.map((schedule) => ({
    employeeNo: schedule.employeeNo,
    start: midnight(schedule.date, schedule.timeZone),
    end: midnight(addDays(schedule.date, 1), schedule.timeZone),
    segments: schedule.segments.map((s) => ({
      start: new Date(s.start).getTime(),
      end: new Date(s.end).getTime(),
      activity: s.activity,
    })),
  }));
}

/**
 * One record's adherence: each schedule of its agents measured over the part of its day inside
 * [from, to) (segments and states clipped to it), then the seconds summed (periodAdherence).
 */
export function workforceOf(
  request: WorkforceRequest,
  scheduled: readonly ScheduledDay[],
  timelines: ReadonlyMap<string, AgentTimeline>,
  worked: Map<string, ScheduleAdherence | null> = new Map(),
): PerformanceWorkforceType {
  const agents = new Set(request.employeeNos);
  const days: ScheduleAdherence[] = [];
  const from = request.from.getTime();
  const to = request.to.getTime();
  for (const day of scheduled) {
    if (day.end <= from || day.start >= to || !agents.has(day.employeeNo)) continue;
    const start = Math.max(from, day.start);
    const end = Math.min(to, day.end);
    const segments = day.segments
      .map((s) => ({
        start: seconds(Math.max(s.start, start)),
        end: seconds(Math.min(s.end, end)),
        activity: s.activity,
      }))
      .filter((s) => s.end > s.start);
    if (!segments.length) continue;
    // the clipped day and its segments name the work; the spans are the same batch's (sharedWork)
    const key = `${day.employeeNo}|${start}|${end}|${segments.map((s) => `${s.start},${s.end},${s.activity}`).join(';')}`;
    let adherence = worked.get(key);
    if (adherence === undefined) {
      const states = spansOverlapping(timelines.get(day.employeeNo), start, end)
        .map((s) => ({
          start: seconds(Math.max(s.start, start)),
          end: seconds(Math.min(s.end, end)),
          state: s.state,
        }))
        .filter((s) => s.end > s.start);
      adherence = scheduleAdherence(segments, states, DEFAULT_ACTIVITY_RULES);
      worked.set(key, adherence);
    }
    if (adherence) days.push(adherence);
  }
  return Object.assign(new PerformanceWorkforceType(), {
    ...periodAdherence(days),
    scheduledAgentDays: days.length,
  });
}

/**
 * What the requests that share one answered batch of spans also share (agent-states.client's
 * askBatch: a center overview's record and its teams' records, which their `score` makes wfm
 * measure too): the agents' timelines and each clipped scheduled day's adherence, worked out once,
 * not once per request (issue 23). Kept only as long as the spans are (weakly), so never past the
 * requests that asked; a day's key holds its clipped segments, so schedules read apart agree.
 */
interface SharedWork {
  timelines: Map<string, AgentTimeline>;
  days: Map<string, ScheduleAdherence | null>;
}

const shared = new WeakMap<ReadonlyMap<string, AgentStateSpan[]>, SharedWork>();

function sharedWork(spans: ReadonlyMap<string, AgentStateSpan[]>): SharedWork {
  let work = shared.get(spans);
  if (!work) {
    work = { timelines: timelinesOf(spans), days: new Map() };
    shared.set(spans, work);
  }
  return work;
}

/**
 * The agents' state spans over [from, to), asked in windows of at most 31 days (one request each).
 * One window's answer is returned as the source gave it (the same object to every request sharing
 * the batch, which sharedWork keys on).
 */
async function statesOver(
  source: StateSource,
  employeeNos: string[],
  from: Date,
  to: Date,
): Promise<ReadonlyMap<string, AgentStateSpan[]>> {
  if (to.getTime() - from.getTime() <= STATE_WINDOW_MS) return source(employeeNos, from, to);
  const all = new Map<string, AgentStateSpan[]>();
  for (let start = from.getTime(); start < to.getTime(); start += STATE_WINDOW_MS) {
    const window = await source(
      employeeNos,
      new Date(start),
      new Date(Math.min(to.getTime(), start + STATE_WINDOW_MS)),
    );
    for (const [employeeNo, spans] of window) all.set(employeeNo, [...(all.get(employeeNo) ?? []), ...spans]);
  }
  return all;
}

/**
 * Performance records' workforce parts, batched: the schedules of every record's agents in one
 * statement, their states in one gateway request per 31 days of the batch's span.
 */
export function workforceLoader(
  ctx: SubgraphContext,
  states: StateSource,
): DataLoader<WorkforceRequest, PerformanceWorkforceType> {
  return ctx.loaders.get('performanceWorkforce', async (requests: readonly WorkforceRequest[]) => {
    const employeeNos = [...new Set(requests.flatMap((r) => r.employeeNos))];
    if (!employeeNos.length) return requests.map((r) => workforceOf(r, [], new Map()));
    const from = new Date(Math.min(...requests.map((r) => r.from.getTime())));
    const to = new Date(Math.max(...requests.map((r) => r.to.getTime())));
    // a schedule's local day may start up to 14 h before or end 14 h after its UTC date
    const fromDate = addDays(from.toISOString().slice(0, 10), -1);
    const toDate = addDays(to.toISOString().slice(0, 10), 1);
    // read as rows, not entities: nothing is written through them, and hydrating a center's month
    // of schedules cost more CPU than the statement (issue 23)
    const schedules = await ctx.em.execute<ScheduleRow[]>(
      `select employee_no as "employeeNo", date::text as date, time_zone as "timeZone", segments
         from wfm_schedule where employee_no = any(?::text[]) and date >= ? and date <= ?
         order by date, employee_no`,
      [pgArray(employeeNos), fromDate, toDate],
    );
    const scheduled = [...new Set(schedules.map((s) => s.employeeNo))];
    // states only over the scheduled days inside the batch's period (a month's record of a week planned asks a week)
    const scheduledDays = scheduledDaysOf(schedules);
    const starts = scheduledDays.map((d) => d.start);
    const ends = scheduledDays.map((d) => d.end);
    const statesFrom = new Date(Math.max(from.getTime(), Math.min(...starts)));
    const statesTo = new Date(Math.min(to.getTime(), Math.max(...ends)));
    const spans =
      scheduled.length && statesTo > statesFrom
        ? await statesOver(states, scheduled, statesFrom, statesTo)
        : new Map<string, AgentStateSpan[]>();
    const work = sharedWork(spans);
    return requests.map((r) => workforceOf(r, scheduledDays, work.timelines, work.days));
  });
}
