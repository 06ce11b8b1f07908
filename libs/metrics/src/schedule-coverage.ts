import { DEFAULT_ACTIVITY_RULES, type ActivityRule, type ScheduleSegment } from './schedule-adherence';

/**
 * Scheduled on-queue agents per interval (PRODUCT-RESEARCH.md D2 coverage): for each interval
 * [start + i·length, start + (i+1)·length), the on-queue seconds scheduled in it over all agents
 * divided by its length, so an agent on queue for half of it counts 0.5. Segments on any common
 * clock (seconds).
 */
export function scheduledOnQueueAgents(
  segments: readonly ScheduleSegment[],
  start: number,
  intervalSeconds: number,
  intervals: number,
  rules: Readonly<Record<string, ActivityRule>> = DEFAULT_ACTIVITY_RULES,
): number[] {
  if (!(intervalSeconds > 0) || !Number.isInteger(intervals) || intervals < 0)
    throw new RangeError('intervals need a positive length and a whole count');
  const seconds = new Array<number>(intervals).fill(0);
  for (const s of segments) {
    if (!rules[s.activity]?.onQueue) continue;
    const first = Math.max(0, Math.floor((s.start - start) / intervalSeconds));
    const last = Math.min(intervals - 1, Math.ceil((s.end - start) / intervalSeconds) - 1);
    for (let i = first; i <= last; i += 1) {
      const from = start + i * intervalSeconds;
      const overlap = Math.min(s.end, from + intervalSeconds) - Math.max(s.start, from);
      if (overlap > 0) seconds[i] += overlap;
    }
  }
  return seconds.map((s) => s / intervalSeconds);
}

/** `coverageGap` = scheduled on-queue agents − required agents (METRICS.md); negative: short. */
export function coverageGap(scheduled: number, required: number): number {
  return scheduled - required;
}
