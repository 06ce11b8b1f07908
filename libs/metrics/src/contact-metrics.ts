import { ratio } from './ratio';

/** The service-level formulas METRICS.md names; a queue setting, never a silent choice. */
export const SERVICE_LEVEL_VARIANTS = [
  'EXCLUDE_SHORT_ABANDONS',
  'ANSWERED_ONLY',
  'ALL_OFFERED',
  'ABANDONS_WITHIN_T_MEET',
] as const;
export type ServiceLevelVariant = (typeof SERVICE_LEVEL_VARIANTS)[number];

export const DEFAULT_SERVICE_LEVEL_VARIANT: ServiceLevelVariant = 'EXCLUDE_SHORT_ABANDONS';
/** `T`: answered (or, for one variant, abandoned) with wait <= T meets the service level. */
export const DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS = 20;
/** `S`: an abandon with wait < S is a short abandon. */
export const DEFAULT_SHORT_ABANDON_SECONDS = 5;
export const DEFAULT_SERVICE_LEVEL_TARGET = 0.8;
export const DEFAULT_FCR_WINDOW_DAYS = 7;

/**
 * Summed counts and seconds of a set of contacts (a rollup row or a sum of them). Counts cover
 * inbound contacts with outcome ANSWERED or ABANDONED, except `ivr`; seconds are summed over
 * answered contacts.
 */
export interface ContactTotals {
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithinThreshold: number;
  abandonedWithinThreshold: number;
  /** Answered contacts with transferred = true. */
  transferred: number;
  /** Outcome IVR, voice only (containment is a voice measure). */
  ivr: number;
  /**
   * Offered voice contacts, the other half of containment's denominator. Leave it out when every
   * total is voice; give it when the totals mix channels, or chat and email would dilute the rate.
   */
  voiceOffered?: number;
  /** Σ wait over answered. */
  waitSecondsAnswered: number;
  handleSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  acwSeconds: number;
  /** Max wait over offered; null when nothing was offered. */
  maxWaitSeconds: number | null;
}

/** Totals of no contacts: every count and sum 0, no maximum wait. */
export function emptyContactTotals(): ContactTotals {
  return {
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredWithinThreshold: 0,
    abandonedWithinThreshold: 0,
    transferred: 0,
    ivr: 0,
    waitSecondsAnswered: 0,
    handleSeconds: 0,
    talkSeconds: 0,
    holdSeconds: 0,
    acwSeconds: 0,
    maxWaitSeconds: null,
  };
}

export interface ContactMetrics {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithinThreshold: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  avgTalkSeconds: number | null;
  avgHoldSeconds: number | null;
  avgAcwSeconds: number | null;
  abandonRate: number | null;
  maxWaitSeconds: number | null;
  transferRate: number | null;
  ivrContainmentRate: number | null;
}

/** `offered` = answered + abandoned (IVR, CALLBACK and OVERFLOW are not offered to the queue). */
function offeredOf(totals: ContactTotals): number {
  return totals.answered + totals.abandoned;
}

/** AHT: handle seconds (talk + hold + ACW) per answered contact; null when none was answered. */
export function ahtSeconds(handleSeconds: number, answered: number): number | null {
  return ratio(handleSeconds, answered);
}

export function serviceLevel(totals: ContactTotals, variant: ServiceLevelVariant): number | null {
  const offered = offeredOf(totals);
  switch (variant) {
    case 'EXCLUDE_SHORT_ABANDONS':
      return ratio(totals.answeredWithinThreshold, offered - totals.shortAbandoned);
    case 'ANSWERED_ONLY':
      return ratio(totals.answeredWithinThreshold, totals.answered);
    case 'ALL_OFFERED':
      return ratio(totals.answeredWithinThreshold, offered);
    case 'ABANDONS_WITHIN_T_MEET':
      return ratio(totals.answeredWithinThreshold + totals.abandonedWithinThreshold, offered);
    default: {
      // The variant can come from a database column, so an unknown string is possible at runtime.
      const unknown: never = variant;
      throw new RangeError(`unknown service-level variant: ${String(unknown)}`);
    }
  }
}

/**
 * Turns one set of summed totals into the traffic metrics. Coarser intervals and groups must be
 * summed first (`sumContactTotals`, or sum()/max() in SQL), never computed by averaging rates.
 */
export function contactMetrics(
  totals: ContactTotals,
  variant: ServiceLevelVariant = DEFAULT_SERVICE_LEVEL_VARIANT,
): ContactMetrics {
  const offered = offeredOf(totals);
  return {
    offered,
    answered: totals.answered,
    abandoned: totals.abandoned,
    shortAbandoned: totals.shortAbandoned,
    answeredWithinThreshold: totals.answeredWithinThreshold,
    serviceLevel: serviceLevel(totals, variant),
    asaSeconds: ratio(totals.waitSecondsAnswered, totals.answered),
    ahtSeconds: ahtSeconds(totals.handleSeconds, totals.answered),
    avgTalkSeconds: ratio(totals.talkSeconds, totals.answered),
    avgHoldSeconds: ratio(totals.holdSeconds, totals.answered),
    avgAcwSeconds: ratio(totals.acwSeconds, totals.answered),
    abandonRate: ratio(totals.abandoned - totals.shortAbandoned, offered - totals.shortAbandoned),
    maxWaitSeconds: offered === 0 ? null : totals.maxWaitSeconds,
    transferRate: ratio(totals.transferred, totals.answered),
    ivrContainmentRate: ratio(totals.ivr, totals.ivr + (totals.voiceOffered ?? offered)),
  };
}

/** Sums counts and seconds and takes the max of max waits, as SQL sum()/max() would. */
export function sumContactTotals(rows: readonly ContactTotals[]): ContactTotals {
  const sum = (field: Exclude<keyof ContactTotals, 'maxWaitSeconds' | 'voiceOffered'>): number =>
    rows.reduce((total, row) => total + row[field], 0);
  const maxWaits = rows.flatMap((row) => (row.maxWaitSeconds === null ? [] : [row.maxWaitSeconds]));
  return {
    answered: sum('answered'),
    abandoned: sum('abandoned'),
    shortAbandoned: sum('shortAbandoned'),
    answeredWithinThreshold: sum('answeredWithinThreshold'),
    abandonedWithinThreshold: sum('abandonedWithinThreshold'),
    transferred: sum('transferred'),
    ivr: sum('ivr'),
    ...(rows.some((row) => row.voiceOffered !== undefined)
      ? {
          voiceOffered: rows.reduce(
            (total, row) => total + (row.voiceOffered ?? row.answered + row.abandoned),
            0,
          ),
        }
      : {}),
    waitSecondsAnswered: sum('waitSecondsAnswered'),
    handleSeconds: sum('handleSeconds'),
    talkSeconds: sum('talkSeconds'),
    holdSeconds: sum('holdSeconds'),
    acwSeconds: sum('acwSeconds'),
    maxWaitSeconds: maxWaits.length === 0 ? null : Math.max(...maxWaits),
  };
}

/**
 * `fcrRate` = answered contacts with a customer key and no other contact of that key arriving
 * within the window after it / answered contacts with a customer key. The repeat search runs
 * where the contacts are (SQL); this is only the division.
 */
export function fcrRate(resolvedFirstContacts: number, answeredWithCustomerKey: number): number | null {
  return ratio(resolvedFirstContacts, answeredWithCustomerKey);
}
