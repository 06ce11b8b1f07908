/**
 * Calendar arithmetic in a time zone, for the bucketing rule of METRICS.md (a contact counts in
 * the interval, day, week and month in which it arrived, in the query's time zone). Days are
 * YYYY-MM-DD strings; instants are Dates.
 */

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than using one: business-time arithmetic asks
// for offsets once per day it crosses, so the formatter of each zone is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// Offsets already worked out, by zone and instant: formatToParts was about a tenth of kpi's CPU
// (every bucket of a trend, twice), and the same midnights come back request after request. Exact:
// the answer is a function of the zone and the instant alone. Bounded, started over when full.
const offsets = new Map<string, number>();
const MAX_OFFSETS = 50_000;

/** Minutes `zone` is ahead of UTC at `instant` (+480 for Asia/Shanghai). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const key = `${zone}|${instant.getTime()}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const parts = zoneFormatter(zone).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
  if (offsets.size >= MAX_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The instant a local wall-clock minute of `day` happens in `zone`. */
export function localInstant(day: string, minuteOfDay: number, zone: string): Date {
  const naive = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * 60_000;
  // two passes settle the offset across a DST change
  let instant = naive - zoneOffsetMinutes(new Date(naive), zone) * 60_000;
  instant = naive - zoneOffsetMinutes(new Date(instant), zone) * 60_000;
  return new Date(instant);
}

/** The instant of local midnight starting `day` in `zone`. */
export function localMidnight(day: string, zone: string): Date {
  return localInstant(day, 0, zone);
}

/** The local calendar day holding `instant` in `zone`. */
export function localDay(instant: Date, zone: string): string {
  return new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60_000).toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in UTC. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) .. 7 (Sunday) of a day. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
