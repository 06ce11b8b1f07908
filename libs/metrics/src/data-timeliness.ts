import { addDays, localDay, localInstant, localMidnight } from './calendar';
import { ratio } from './ratio';

const MINUTE = 60_000;

/** A data source's expected cadence and the ages past which its data is late (METRICS.md). */
export interface FreshnessRule {
  cadenceMinutes: number;
  warnAfterMinutes: number;
  errorAfterMinutes: number;
}

export type FreshnessStatus = 'OK' | 'WARN' | 'ERROR' | 'NO_DATA';

/** now − the latest event time loaded, in minutes; null when nothing was ever loaded. */
export function dataLagMinutes(latestEventAt: Date | null, now: Date): number | null {
  if (!latestEventAt) return null;
  return Math.max(0, (now.getTime() - latestEventAt.getTime()) / MINUTE);
}

/** OK up to warn-after, WARN past it, ERROR past error-after; NO_DATA when nothing was loaded. */
export function freshnessStatus(lagMinutes: number | null, rule: FreshnessRule): FreshnessStatus {
  if (lagMinutes === null) return 'NO_DATA';
  if (lagMinutes > rule.errorAfterMinutes) return 'ERROR';
  if (lagMinutes > rule.warnAfterMinutes) return 'WARN';
  return 'OK';
}

/**
 * A period's figures are stale when its source is past warn-after and has not yet loaded data up to
 * the period's end (a past period whose data is all in is not stale however old the source is).
 */
export function isStale(
  latestEventAt: Date | null,
  periodTo: Date,
  now: Date,
  rule: Pick<FreshnessRule, 'warnAfterMinutes'>,
): boolean {
  if (latestEventAt && latestEventAt.getTime() >= periodTo.getTime()) return false;
  const lag = dataLagMinutes(latestEventAt, now);
  return lag === null || lag > rule.warnAfterMinutes;
}

/** The time a period's data is as of: the latest event loaded, never past the period's end. */
export function dataAsOf(latestEventAt: Date | null, periodTo: Date): Date | null {
  if (!latestEventAt) return null;
  return latestEventAt.getTime() < periodTo.getTime() ? latestEventAt : periodTo;
}

export interface TimelinessSlots {
  expected: number;
  onTime: number;
  /** The starts of the slots without a batch in time (gaps are shown, never silently counted). */
  missed: Date[];
  rate: number | null;
}

/**
 * dataTimelinessRate: the delivery slots of [from, to) (one per cadence, from `from`) in which a batch
 * arrived within warn-after of the slot's start, over the slots expected by `now` (a slot whose
 * warn-after has not yet passed is expected only once met).
 */
export function timelinessSlots(
  receivedAt: readonly Date[],
  from: Date,
  to: Date,
  now: Date,
  rule: FreshnessRule,
): TimelinessSlots {
  if (rule.cadenceMinutes <= 0) throw new RangeError('cadenceMinutes must be positive');
  const received = receivedAt.map((d) => d.getTime()).sort((a, b) => a - b);
  const cadence = rule.cadenceMinutes * MINUTE;
  const warn = rule.warnAfterMinutes * MINUTE;
  const end = Math.min(to.getTime(), now.getTime());
  let expected = 0;
  let onTime = 0;
  const missed: Date[] = [];
  for (let start = from.getTime(); start < end; start += cadence) {
    const deadline = start + warn;
    const met = received.some((r) => r >= start && r < deadline && r <= now.getTime());
    if (met) {
      expected += 1;
      onTime += 1;
    } else if (deadline <= now.getTime()) {
      expected += 1;
      missed.push(new Date(start));
    }
  }
  return { expected, onTime, missed, rate: ratio(onTime, expected) };
}

/** intervalCompleteness = intervals with data for an open queue / open-queue intervals. */
export function intervalCompleteness(intervalsWithData: number, openIntervals: number): number | null {
  return ratio(Math.min(intervalsWithData, openIntervals), openIntervals);
}

/** rejectRate = rejected rows / rows read, per source. */
export function rejectRate(rejected: number, read: number): number | null {
  return ratio(rejected, read);
}

export interface TimeSpan {
  start: Date;
  /** null: still going on (counted up to the end of the window). */
  end: Date | null;
}

/** Milliseconds of `spans` (overlaps counted once) that fall inside `windows`. */
function overlapMs(spans: readonly TimeSpan[], windows: readonly TimeSpan[], now: Date): number {
  const merged: [number, number][] = [];
  const sorted = spans
    .map((s) => [s.start.getTime(), (s.end ?? now).getTime()] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  let total = 0;
  for (const w of windows) {
    const ws = w.start.getTime();
    const we = (w.end ?? now).getTime();
    for (const [a, b] of merged) total += Math.max(0, Math.min(b, we) - Math.max(a, ws));
  }
  return total;
}

export interface Availability {
  serviceMinutes: number;
  incidentMinutes: number;
  /** Σ incident minutes overlapping service hours / service minutes. */
  systemFailureRate: number | null;
  /** 1 − systemFailureRate. */
  systemAvailability: number | null;
}

/**
 * systemAvailability over service hours: the incidents' minutes inside the service windows
 * (overlapping incidents counted once; an open incident lasts until `now`) against the windows'
 * minutes.
 */
export function systemAvailability(
  incidents: readonly TimeSpan[],
  serviceWindows: readonly TimeSpan[],
  now: Date,
): Availability {
  const serviceMs = serviceWindows.reduce(
    (sum, w) => sum + Math.max(0, (w.end ?? now).getTime() - w.start.getTime()),
    0,
  );
  const incidentMs = overlapMs(incidents, serviceWindows, now);
  const failure = ratio(incidentMs, serviceMs);
  return {
    serviceMinutes: serviceMs / MINUTE,
    incidentMinutes: incidentMs / MINUTE,
    systemFailureRate: failure,
    systemAvailability: failure === null ? null : 1 - failure,
  };
}

/**
 * The service hours of each local day of [from, to) in `zone` (minutes of the day, end exclusive;
 * 0–1440 is the whole day), clipped to [from, to).
 */
export function serviceWindows(
  from: Date,
  to: Date,
  zone: string,
  startMinute: number,
  endMinute: number,
): { start: Date; end: Date }[] {
  const windows: { start: Date; end: Date }[] = [];
  if (endMinute <= startMinute) return windows;
  for (
    let day = localDay(from, zone);
    localMidnight(day, zone).getTime() < to.getTime();
    day = addDays(day, 1)
  ) {
    const start = Math.max(localInstant(day, startMinute, zone).getTime(), from.getTime());
    const end = Math.min(localInstant(day, endMinute, zone).getTime(), to.getTime());
    if (end > start) windows.push({ start: new Date(start), end: new Date(end) });
  }
  return windows;
}
