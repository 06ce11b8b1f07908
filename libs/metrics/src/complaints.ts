/**
 * Complaints (METRICS.md, "Complaints"): the regulatory clock, the complaint-risk rule and the
 * complaint KPIs. Pure: the care subgraph counts in SQL, these turn counts into figures.
 */
import { addDays, localDay, localMidnight } from './calendar';
import type { KpiDirection } from './kpi-attainment';
import { ratio } from './ratio';

export const COMPLAINT_KPIS: ReadonlyArray<{ code: string; direction: KpiDirection }> = [
  { code: 'COMPLAINTS_PER_10K', direction: 'LOWER_IS_BETTER' },
  { code: 'COMPLAINT_TIMELY_RATE', direction: 'HIGHER_IS_BETTER' },
  { code: 'UPHELD_RATE', direction: 'LOWER_IS_BETTER' },
  { code: 'ESCALATED_TO_COMPLAINT_RATE', direction: 'LOWER_IS_BETTER' },
];

/** How long a complaint may take: 15 calendar days, or 30 / 60 after an approved extension. */
export const COMPLAINT_DEADLINE_BASES = ['DAYS_15', 'EXTENDED_30', 'EXTENDED_60'] as const;
export type ComplaintDeadlineBasis = (typeof COMPLAINT_DEADLINE_BASES)[number];

export const COMPLAINT_DEADLINE_DAYS: Record<ComplaintDeadlineBasis, number> = {
  DAYS_15: 15,
  EXTENDED_30: 30,
  EXTENDED_60: 60,
};

export const COMPLAINT_OUTCOMES = ['UPHELD', 'PARTIALLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export interface ComplaintDeadline {
  /** The last local day a decision is in time (received day + 15, 30 or 60). */
  deadlineDate: string;
  /** The instant the deadline passes: local midnight ending `deadlineDate`. */
  deadlineAt: Date;
}

/**
 * The deadline of a complaint received at `receivedAt`: the local calendar day of receipt in the
 * center's time zone plus 15 (30, 60) days, in time until that day ends. Received 10-01 → the
 * deadline is 10-16; a decision on 10-17 is late.
 */
export function complaintDeadline(
  receivedAt: Date,
  basis: ComplaintDeadlineBasis,
  timeZone: string,
): ComplaintDeadline {
  const deadlineDate = addDays(localDay(receivedAt, timeZone), COMPLAINT_DEADLINE_DAYS[basis]);
  return { deadlineDate, deadlineAt: localMidnight(addDays(deadlineDate, 1), timeZone) };
}

/** Closed (decided or withdrawn) before its deadline passed. */
export function complaintTimely(closedAt: Date, deadlineAt: Date): boolean {
  return closedAt.getTime() < deadlineAt.getTime();
}

/** An extension only lengthens the clock: DAYS_15 → EXTENDED_30 → EXTENDED_60 (or straight to 60). */
export function isLongerDeadline(from: ComplaintDeadlineBasis, to: ComplaintDeadlineBasis): boolean {
  return COMPLAINT_DEADLINE_DAYS[to] > COMPLAINT_DEADLINE_DAYS[from];
}

/** The complaint-risk rule's thresholds (METRICS.md); a setting, these are the defaults. */
export interface ComplaintRiskRule {
  /** broken (or kept late) commitments on the case that raise the flag */
  brokenCommitments: number;
  /** inbound contacts of the case within `repeatWindowDays` that raise the flag */
  repeatContacts: number;
  repeatWindowDays: number;
}

export const DEFAULT_COMPLAINT_RISK_RULE: ComplaintRiskRule = Object.freeze({
  brokenCommitments: 2,
  repeatContacts: 3,
  repeatWindowDays: 7,
});

export const COMPLAINT_RISK_REASONS = ['BROKEN_COMMITMENTS', 'REPEAT_CONTACTS', 'ESCALATION_LEVEL'] as const;
export type ComplaintRiskReason = (typeof COMPLAINT_RISK_REASONS)[number];

export interface ComplaintRiskFacts {
  /** commitments of the case BROKEN or FULFILLED_LATE as of now */
  brokenCommitments: number;
  /** a commitment of the case reached the FLAG_COMPLAINT_RISK escalation level */
  escalationFlag: boolean;
  /** arrival times of the case's INBOUND contacts */
  inboundArrivals: readonly Date[];
}

export interface ComplaintRisk {
  atRisk: boolean;
  reasons: ComplaintRiskReason[];
  /** the most inbound contacts inside any window of `repeatWindowDays` */
  repeatContacts: number;
}

/** Most arrivals inside any half-open window [t, t + days) starting at an arrival. */
export function mostArrivalsWithin(arrivals: readonly Date[], days: number): number {
  const times = arrivals.map((a) => a.getTime()).sort((a, b) => a - b);
  const span = days * 86_400_000;
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[i] - times[j] >= span) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/**
 * Whether a case not yet a complaint is at complaint risk: broken promises, the customer calling
 * back again and again, or the escalation ladder's complaint-risk level.
 */
export function complaintRisk(
  facts: ComplaintRiskFacts,
  rule: ComplaintRiskRule = DEFAULT_COMPLAINT_RISK_RULE,
): ComplaintRisk {
  const repeatContacts = mostArrivalsWithin(facts.inboundArrivals, rule.repeatWindowDays);
  const reasons: ComplaintRiskReason[] = [];
  if (facts.brokenCommitments >= rule.brokenCommitments) reasons.push('BROKEN_COMMITMENTS');
  if (repeatContacts >= rule.repeatContacts) reasons.push('REPEAT_CONTACTS');
  if (facts.escalationFlag) reasons.push('ESCALATION_LEVEL');
  return { atRisk: reasons.length > 0, reasons, repeatContacts };
}

/** Counts SQL computes per group; groups add up by summing them. */
export interface ComplaintTotals {
  /** complaints received in the period */
  received: number;
  /** complaints closed (decided or withdrawn) in the period */
  closed: number;
  /** of those, closed before their deadline passed */
  closedTimely: number;
  /** closed in the period with a decision on the merits (not WITHDRAWN) */
  decided: number;
  /** of those, UPHELD or PARTIALLY_UPHELD */
  upheld: number;
  /** open at the end of the period (or now) and past their deadline */
  overdueOpen: number;
  /** complaints received in the period whose case was first of another type */
  escalatedFromCase: number;
}

export function emptyComplaintTotals(): ComplaintTotals {
  return {
    received: 0,
    closed: 0,
    closedTimely: 0,
    decided: 0,
    upheld: 0,
    overdueOpen: 0,
    escalatedFromCase: 0,
  };
}

export function sumComplaintTotals(rows: readonly ComplaintTotals[]): ComplaintTotals {
  const sum = emptyComplaintTotals();
  for (const row of rows) for (const k of Object.keys(sum) as (keyof ComplaintTotals)[]) sum[k] += row[k];
  return sum;
}

/** complaints received / answered contacts × 10,000; null without answered contacts. */
export function complaintsPer10k(received: number, answeredContacts: number): number | null {
  const r = ratio(received, answeredContacts);
  return r === null ? null : r * 10_000;
}

export interface ComplaintKpis {
  complaintTimelyRate: number | null;
  upheldRate: number | null;
}

export function complaintKpis(t: ComplaintTotals): ComplaintKpis {
  return { complaintTimelyRate: ratio(t.closedTimely, t.closed), upheldRate: ratio(t.upheld, t.decided) };
}

/** cases that became complaints / cases opened (both by the case's opening in the period). */
export function escalatedToComplaintRate(escalated: number, casesOpened: number): number | null {
  return ratio(escalated, casesOpened);
}

/** The four complaint KPIs of a performance record (COMPLAINTS_PER_10K … ESCALATED_TO_COMPLAINT_RATE). */
export interface ComplaintPerformance extends ComplaintKpis {
  complaintsPer10k: number | null;
  escalatedToComplaintRate: number | null;
}

/**
 * A record's complaint KPIs from its counts: complaints per 10k answered contacts (null when the
 * answered count is unknown or 0), timely and upheld rates, and cases opened that became complaints.
 */
export function complaintPerformance(
  t: ComplaintTotals,
  answeredContacts: number | null,
  cases: { opened: number; escalated: number },
): ComplaintPerformance {
  return {
    complaintsPer10k: answeredContacts === null ? null : complaintsPer10k(t.received, answeredContacts),
    ...complaintKpis(t),
    escalatedToComplaintRate: escalatedToComplaintRate(cases.escalated, cases.opened),
  };
}
