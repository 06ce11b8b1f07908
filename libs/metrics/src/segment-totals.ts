import type { ContactTotals } from './contact-metrics';

const SUMMED = [
  'answered',
  'abandoned',
  'shortAbandoned',
  'answeredWithinThreshold',
  'abandonedWithinThreshold',
  'transferred',
  'ivr',
  'waitSecondsAnswered',
  'handleSeconds',
  'talkSeconds',
  'holdSeconds',
  'acwSeconds',
] as const satisfies readonly Exclude<keyof ContactTotals, 'maxWaitSeconds' | 'voiceOffered'>[];

/** Seconds are double sums: a difference of two is kept to the microsecond (no 1e-13 residue). */
const micro = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * The totals of the contacts of `total` that are in none of `parts` (METRICS.md, customer segments:
 * STANDARD = all − VIP − SENSITIVE − VULNERABLE, so the rollups keep no STANDARD rows). Counts and
 * seconds subtract. The longest wait is the total's when it is longer than every part's (that
 * contact is in the rest); when a part holds it, the rest's is not known from maxima: null.
 */
export function remainderContactTotals(total: ContactTotals, parts: readonly ContactTotals[]): ContactTotals {
  const rest = { ...total };
  for (const field of SUMMED) {
    const value = parts.reduce((left, part) => left - part[field], total[field]);
    rest[field] =
      Number.isInteger(total[field]) && parts.every((p) => Number.isInteger(p[field])) ? value : micro(value);
  }
  if (total.voiceOffered !== undefined)
    rest.voiceOffered = parts.reduce(
      (left, part) => left - (part.voiceOffered ?? part.answered + part.abandoned),
      total.voiceOffered,
    );
  const partMax = Math.max(-Infinity, ...parts.map((p) => p.maxWaitSeconds ?? -Infinity));
  const offered = rest.answered + rest.abandoned;
  rest.maxWaitSeconds =
    offered === 0 || total.maxWaitSeconds === null || total.maxWaitSeconds <= partMax
      ? null
      : total.maxWaitSeconds;
  return rest;
}
