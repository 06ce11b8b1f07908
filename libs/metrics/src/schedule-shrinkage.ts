import { ratio } from './ratio';
import {
  DEFAULT_ACTIVITY_RULES,
  type ActivityRule,
  type ScheduleAdherence,
  type ScheduleSegment,
} from './schedule-adherence';

/**
 * Scheduled shrinkage of a day (PRODUCT-RESEARCH.md D2): scheduled off-queue paid seconds / paid
 * seconds. Every scheduled activity counts as paid time (the activity codes carry no paid flag yet);
 * null without scheduled time.
 */
export function scheduleShrinkage(
  segments: readonly ScheduleSegment[],
  rules: Readonly<Record<string, ActivityRule>> = DEFAULT_ACTIVITY_RULES,
): number | null {
  let paid = 0;
  let offQueue = 0;
  for (const s of segments) {
    const seconds = s.end - s.start;
    paid += seconds;
    if (!rules[s.activity]?.onQueue) offQueue += seconds;
  }
  return ratio(offQueue, paid);
}

/** Several days' adherence as one period's: the seconds summed, then the ratios (never a mean of ratios). */
export interface PeriodAdherence extends Omit<ScheduleAdherence, 'exceptions'> {
  shrinkage: number | null;
}

export function periodAdherence(days: readonly ScheduleAdherence[]): PeriodAdherence {
  const sum = (pick: (d: ScheduleAdherence) => number) => days.reduce((total, d) => total + pick(d), 0);
  const scheduledSeconds = sum((d) => d.scheduledSeconds);
  const exceptionSeconds = sum((d) => d.exceptionSeconds);
  const onQueueScheduledSeconds = sum((d) => d.onQueueScheduledSeconds);
  const onQueueWorkedSeconds = sum((d) => d.onQueueWorkedSeconds);
  const share = ratio(exceptionSeconds, scheduledSeconds);
  return {
    scheduledSeconds,
    exceptionSeconds,
    adherence: share === null ? null : 1 - share,
    onQueueScheduledSeconds,
    onQueueWorkedSeconds,
    conformance: ratio(onQueueWorkedSeconds, onQueueScheduledSeconds),
    shrinkage: ratio(scheduledSeconds - onQueueScheduledSeconds, scheduledSeconds),
  };
}
