import type { DemoAgentStateEvent } from '@switchboard/demo';
import { localDay } from '@switchboard/metrics';
import type { StoredSegment } from '../schedule/schedule.entity';

const QUARTER_MS = 15 * 60_000;
const round = (ms: number) => Math.round(ms / QUARTER_MS) * QUARTER_MS;

export interface DemoSchedule {
  employeeNo: string;
  date: string;
  segments: StoredSegment[];
}

/**
 * The schedules a planner would have made for the demo agents' shifts (traffic's demo agent states,
 * libs/demo): each shift on queue from its login to its logout, rounded to the quarter hour, with a
 * BREAK or MEAL where the agent took one (NOT_READY "Break" / "Lunch"), its start rounded too. So
 * adherence is high but not perfect: the minutes between the rounded plan and the real states are
 * exceptions. Days [fromDate, toDate) in `timeZone`, one schedule per agent and day.
 */
export function demoSchedules(
  events: readonly DemoAgentStateEvent[],
  fromDate: string,
  toDate: string,
  timeZone: string,
): DemoSchedule[] {
  const byAgent = new Map<string, DemoAgentStateEvent[]>();
  for (const e of events) byAgent.set(e.agent, [...(byAgent.get(e.agent) ?? []), e]);
  const schedules = new Map<string, DemoSchedule>();
  for (const [employeeNo, list] of byAgent) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let shiftStart: number | null = null;
    let breaks: { start: number; activity: 'BREAK' | 'MEAL' }[] = [];
    for (const e of list) {
      const at = e.at.getTime();
      if (e.state === 'LOGGED_IN' && shiftStart === null) {
        shiftStart = round(at);
        breaks = [];
      } else if (
        e.state === 'NOT_READY' &&
        shiftStart !== null &&
        (e.reason === 'Break' || e.reason === 'Lunch')
      ) {
        breaks.push({ start: round(at), activity: e.reason === 'Lunch' ? 'MEAL' : 'BREAK' });
      } else if (e.state === 'LOGGED_OUT' && shiftStart !== null) {
        const end = round(at);
        const date = localDay(new Date(shiftStart), timeZone);
        const start = shiftStart;
        shiftStart = null;
        if (end <= start || date < fromDate || date >= toDate) continue;
        const key = `${employeeNo}|${date}`;
        const schedule = schedules.get(key) ?? { employeeNo, date, segments: [] };
        let cursor = Math.max(
          start,
          schedule.segments.length ? Date.parse(schedule.segments.at(-1)!.end) : start,
        );
        const push = (from: number, to: number, activity: StoredSegment['activity']) => {
          if (to > from)
            schedule.segments.push({
              start: new Date(from).toISOString(),
              end: new Date(to).toISOString(),
              activity,
            });
        };
        for (const b of breaks) {
          const breakEnd = Math.min(end, b.start + (b.activity === 'MEAL' ? 30 : 15) * 60_000);
          if (b.start < cursor || breakEnd <= b.start) continue;
          push(cursor, b.start, 'ON_QUEUE');
          push(b.start, breakEnd, b.activity);
          cursor = breakEnd;
        }
        push(cursor, end, 'ON_QUEUE');
        if (schedule.segments.length) schedules.set(key, schedule);
      }
    }
  }
  return [...schedules.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.employeeNo.localeCompare(b.employeeNo),
  );
}
