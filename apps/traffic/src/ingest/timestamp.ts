const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * ISO-8601 timestamp -> Date. With an offset (or Z) it is absolute; without one it is a wall-clock
 * time in `timeZone` (DESIGN.md: read in --timezone). In a DST gap the later offset applies.
 * Returns null for anything that is not a real timestamp.
 */
export function parseTimestamp(text: string, timeZone: string): Date | null {
  const value = text.trim();
  if (HAS_OFFSET.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value) ? null : new Date(ms);
  }
  const m = ISO_LOCAL.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0'] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
    return null;
  if (timeZone === 'UTC') return check;
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}
