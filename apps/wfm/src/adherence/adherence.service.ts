import {
  DEFAULT_ACTIVITY_RULES,
  localMidnight,
  periodAdherence,
  scheduleAdherence,
  scheduleShrinkage,
  type ScheduleAdherence,
} from '@switchboard/metrics';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import type { Schedule } from '../schedule/schedule.entity';
import { ScheduleService } from '../schedule/schedule.service';
import type { AgentStateSpan } from './agent-states.client';
import {
  AdherenceExceptionType,
  AgentAdherenceType,
  DayAdherenceType,
  type ExceptionImpact,
} from './adherence.type';

export type StateSource = (
  employeeNos: string[],
  from: Date,
  to: Date,
) => Promise<Map<string, AgentStateSpan[]>>;

/** The most schedules one adherence request reads (agents × days). */
export const MAX_ADHERENCE_SCHEDULES = 5000;

const seconds = (d: Date | string) => new Date(d).getTime() / 1000;
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Adherence, conformance and shrinkage of the schedules of days [from, to) the caller sees: the
 * agents' states asked once for all of them (one batched request through the gateway), each day
 * measured over its own calendar day in its schedule's zone by the formula library.
 */
export class AdherenceService {
  constructor(
    private readonly em: EntityManager,
    private readonly states: StateSource,
  ) {}

  async adherence(
    visible: string[] | null,
    filter: { from: string; to: string; employeeNos: string[] | null },
  ): Promise<AgentAdherenceType[]> {
    const schedules = await new ScheduleService(this.em).list(visible, filter, MAX_ADHERENCE_SCHEDULES + 1);
    if (schedules.length > MAX_ADHERENCE_SCHEDULES)
      throw badUserInput({
        field: 'employeeNos',
        message: `more than ${MAX_ADHERENCE_SCHEDULES} scheduled agent-days: ask for fewer agents or days`,
      });
    if (!schedules.length) return [];
    const window = (s: Schedule) => ({
      from: localMidnight(s.date, s.timeZone),
      to: localMidnight(nextDay(s.date), s.timeZone),
    });
    const windows = schedules.map(window);
    const from = new Date(Math.min(...windows.map((w) => w.from.getTime())));
    const to = new Date(Math.max(...windows.map((w) => w.to.getTime())));
    const spans = await this.states(
      schedules.map((s) => s.employeeNo),
      from,
      to,
    );
    const byAgent = new Map<string, { day: DayAdherenceType; figures: ScheduleAdherence }[]>();
    schedules.forEach((schedule, i) => {
      const day = windows[i];
      const states = (spans.get(schedule.employeeNo) ?? [])
        .filter((s) => s.end > day.from.getTime() && s.start < day.to.getTime())
        .map((s) => ({
          start: Math.max(s.start / 1000, seconds(day.from)),
          end: Math.min(s.end / 1000, seconds(day.to)),
          state: s.state,
        }))
        .filter((s) => s.end > s.start);
      const segments = schedule.segments.map((s) => ({
        start: seconds(s.start),
        end: seconds(s.end),
        activity: s.activity,
      }));
      const figures = scheduleAdherence(segments, states, DEFAULT_ACTIVITY_RULES);
      const result = Object.assign(new DayAdherenceType(), {
        date: schedule.date,
        scheduledSeconds: figures.scheduledSeconds,
        exceptionSeconds: figures.exceptionSeconds,
        adherence: figures.adherence,
        onQueueScheduledSeconds: figures.onQueueScheduledSeconds,
        onQueueWorkedSeconds: figures.onQueueWorkedSeconds,
        conformance: figures.conformance,
        shrinkage: scheduleShrinkage(segments),
        exceptions: figures.exceptions.map((e) =>
          Object.assign(new AdherenceExceptionType(), {
            start: new Date(e.start * 1000),
            end: new Date(e.end * 1000),
            activity: e.activity,
            state: e.state,
            impact: e.impact as ExceptionImpact,
          }),
        ),
      });
      byAgent.set(schedule.employeeNo, [
        ...(byAgent.get(schedule.employeeNo) ?? []),
        { day: result, figures },
      ]);
    });
    return [...byAgent.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([employeeNo, days]) =>
        Object.assign(new AgentAdherenceType(), {
          employeeNo,
          ...periodAdherence(days.map((d) => d.figures)),
          days: days.map((d) => d.day),
        }),
      );
  }
}
