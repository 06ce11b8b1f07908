import { ratio } from './ratio';

/** Agent states: seconds spent in each state over a period (summed over agents for a group). */
export interface AgentStateTotals {
  onContactSeconds: number;
  acwSeconds: number;
  availableSeconds: number;
  notReadySeconds: number;
  loggedInSeconds: number;
}

/** `occupancy` = (on-contact + ACW time) / (on-contact + ACW + available time); not-ready time is left out. */
export function occupancy(totals: AgentStateTotals): number | null {
  const busy = totals.onContactSeconds + totals.acwSeconds;
  return ratio(busy, busy + totals.availableSeconds);
}

/** `utilization` = (on-contact + ACW time) / logged-in time. */
export function utilization(totals: AgentStateTotals): number | null {
  return ratio(totals.onContactSeconds + totals.acwSeconds, totals.loggedInSeconds);
}

/** `adherence` (when a schedule exists) = minutes in the scheduled state / scheduled minutes. */
export function adherence(minutesInScheduledState: number, scheduledMinutes: number): number | null {
  return ratio(minutesInScheduledState, scheduledMinutes);
}
