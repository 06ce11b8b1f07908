/** Minutes `zone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant a local wall-clock minute of `day` (YYYY-MM-DD) happens in `zone`. */
export function localInstant(day: string, minuteOfDay: number, zone: string): Date {
  const naive = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * 60_000;
  // two passes settle the offset across a DST change
  let instant = naive - offsetMinutes(new Date(naive), zone) * 60_000;
  instant = naive - offsetMinutes(new Date(instant), zone) * 60_000;
  return new Date(instant);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
