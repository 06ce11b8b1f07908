import { SamplingPeriod } from '../model/enums';

export interface PeriodWindow {
  /** First day (YYYY-MM-DD, UTC): names the period. */
  start: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The week (Monday to Sunday) or calendar month, in UTC, that contains `at`. */
export function periodContaining(period: SamplingPeriod, at: Date): PeriodWindow {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  let from: Date;
  let to: Date;
  if (period === SamplingPeriod.WEEK) {
    from = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
    to = new Date(from.getTime() + 7 * 86_400_000);
  } else {
    from = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
    to = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));
  }
  return { start: from.toISOString().slice(0, 10), from, to };
}
