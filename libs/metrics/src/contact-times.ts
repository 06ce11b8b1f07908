/** The canonical contact record's timestamps and durations that the per-contact times derive from. */
export interface ContactTimes {
  arrivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  holdSeconds: number;
  acwSeconds: number;
}

// An Invalid Date would turn into NaN and poison every sum it lands in, so it is refused here.
function secondsBetween(from: Date, to: Date): number {
  const milliseconds = to.getTime() - from.getTime();
  if (Number.isNaN(milliseconds)) throw new RangeError('contact times hold an invalid Date');
  return milliseconds / 1000;
}

/** `wait` = answered_at − arrived_at when answered, else ended_at − arrived_at. */
export function waitSeconds(contact: ContactTimes): number {
  return secondsBetween(contact.arrivedAt, contact.answeredAt ?? contact.endedAt);
}

/** `talk` = ended_at − answered_at − hold_seconds (answered only: null otherwise). */
export function talkSeconds(contact: ContactTimes): number | null {
  if (!contact.answeredAt) return null;
  return secondsBetween(contact.answeredAt, contact.endedAt) - contact.holdSeconds;
}

/** `handle` = ended_at − answered_at + acw_seconds, i.e. talk + hold + ACW (answered only: null otherwise). */
export function handleSeconds(contact: ContactTimes): number | null {
  if (!contact.answeredAt) return null;
  return secondsBetween(contact.answeredAt, contact.endedAt) + contact.acwSeconds;
}
