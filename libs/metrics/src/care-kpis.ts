/**
 * Care KPIs (METRICS.md, "Customers, cases and follow-up commitments"): counts per agent (the one
 * who made the promise, the case's owner), summed for teams and centers, then turned into rates,
 * null when the denominator is 0. Coarser groups are computed from summed counts, never by
 * averaging rates.
 */
import { businessTimeBetween, type BusinessCalendar } from './business-calendar';
import { commitmentStatus, type CommitmentFacts } from './commitment';
import type { KpiDirection } from './kpi-attainment';
import { ratio } from './ratio';

export const CARE_KPIS: ReadonlyArray<{ code: string; direction: KpiDirection }> = [
  { code: 'PROMISE_KEPT_RATE', direction: 'HIGHER_IS_BETTER' },
  { code: 'OVERDUE_COMMITMENTS', direction: 'LOWER_IS_BETTER' },
  { code: 'ESCALATION_RATE', direction: 'LOWER_IS_BETTER' },
  { code: 'CASE_REPEAT_RATE', direction: 'LOWER_IS_BETTER' },
  { code: 'HANDOFF_RATE', direction: 'LOWER_IS_BETTER' },
];

export interface Period {
  /** inclusive */
  from: Date;
  /** exclusive */
  to: Date;
}

export interface CommitmentRecord extends CommitmentFacts {
  /** Escalation levels fired for it, with their times. */
  escalations?: ReadonlyArray<{ level: number; at: Date }>;
}

export interface CommitmentTotals {
  /** due in the period (due time in [from, to) and already reached as of asOf) */
  due: number;
  fulfilled: number;
  fulfilledLate: number;
  broken: number;
  /** still OPEN although due (inside a grace period) */
  open: number;
  cancelled: number;
  superseded: number;
  /** due ones that reached escalation level ≥ 1 at or after their due time */
  escalatedAfterDue: number;
  /** any due time: OPEN or BROKEN and past due at the end of the period, or asOf if earlier */
  overdue: number;
}

export function emptyCommitmentTotals(): CommitmentTotals {
  return {
    due: 0,
    fulfilled: 0,
    fulfilledLate: 0,
    broken: 0,
    open: 0,
    cancelled: 0,
    superseded: 0,
    escalatedAfterDue: 0,
    overdue: 0,
  };
}

/**
 * The counts of one group's commitments for a period, statuses as of `asOf` (now, usually: a late
 * fulfilment known today counts for last week). `records` are all the group's commitments: those
 * due in the period feed the rates, any past due and unkept at the period's end feed `overdue`.
 */
export function commitmentTotals(
  records: readonly CommitmentRecord[],
  period: Period,
  asOf: Date,
): CommitmentTotals {
  const totals = emptyCommitmentTotals();
  const from = period.from.getTime();
  const to = period.to.getTime();
  const known = asOf.getTime();
  const snapshot = new Date(Math.min(to, known));
  for (const c of records) {
    const due = c.dueAt.getTime();
    if (due < snapshot.getTime()) {
      const then = commitmentStatus(c, snapshot);
      if (then === 'OPEN' || then === 'BROKEN') totals.overdue++;
    }
    if (due < from || due >= to || due > known) continue;
    totals.due++;
    switch (commitmentStatus(c, asOf)) {
      case 'FULFILLED':
        totals.fulfilled++;
        break;
      case 'FULFILLED_LATE':
        totals.fulfilledLate++;
        break;
      case 'BROKEN':
        totals.broken++;
        break;
      case 'OPEN':
        totals.open++;
        break;
      case 'CANCELLED_BY_CUSTOMER':
        totals.cancelled++;
        break;
      case 'SUPERSEDED':
        totals.superseded++;
        break;
    }
    if ((c.escalations ?? []).some((e) => e.level >= 1 && e.at.getTime() >= due && e.at.getTime() <= known)) {
      totals.escalatedAfterDue++;
    }
  }
  return totals;
}

export function sumCommitmentTotals(rows: readonly CommitmentTotals[]): CommitmentTotals {
  const sum = emptyCommitmentTotals();
  for (const row of rows)
    for (const key of Object.keys(sum) as Array<keyof CommitmentTotals>) sum[key] += row[key];
  return sum;
}

export interface CommitmentKpis {
  /** FULFILLED / (due − cancelled − superseded) */
  promiseKeptRate: number | null;
  /** (FULFILLED + FULFILLED_LATE) / (due − cancelled − superseded) */
  promiseOnTimeOrLateRate: number | null;
  /** reached level ≥ 1 after due / due */
  escalationRate: number | null;
  overdueCommitments: number;
}

export function commitmentKpis(t: CommitmentTotals): CommitmentKpis {
  const kept = t.due - t.cancelled - t.superseded;
  return {
    promiseKeptRate: ratio(t.fulfilled, kept),
    promiseOnTimeOrLateRate: ratio(t.fulfilled + t.fulfilledLate, kept),
    escalationRate: ratio(t.escalatedAfterDue, t.due),
    overdueCommitments: t.overdue,
  };
}

/** How many times the owning department changed, from its successive values (A → B → A: 2). */
export function handoffCount(departments: ReadonlyArray<string | null>): number {
  let changes = 0;
  for (let i = 1; i < departments.length; i++) if (departments[i] !== departments[i - 1]) changes++;
  return changes;
}

export interface CaseRecord {
  openedAt: Date;
  /** linked contacts the customer started (direction INBOUND), on any channel */
  inboundCustomerContacts: number;
  /** changes of the owning department (handoffCount) */
  handoffCount: number;
}

export interface CaseTotals {
  /** cases opened in the period */
  opened: number;
  /** of those, with 2 or more inbound customer contacts */
  repeated: number;
  /** of those, whose owning department changed 2 or more times */
  bounced: number;
  /** Σ handoff counts of those */
  handoffs: number;
}

export function emptyCaseTotals(): CaseTotals {
  return { opened: 0, repeated: 0, bounced: 0, handoffs: 0 };
}

/** The counts of one group's cases opened in the period (by the case's owner). */
export function caseTotals(cases: readonly CaseRecord[], period: Period): CaseTotals {
  const totals = emptyCaseTotals();
  for (const c of cases) {
    const opened = c.openedAt.getTime();
    if (opened < period.from.getTime() || opened >= period.to.getTime()) continue;
    totals.opened++;
    if (c.inboundCustomerContacts >= 2) totals.repeated++;
    if (c.handoffCount >= 2) totals.bounced++;
    totals.handoffs += c.handoffCount;
  }
  return totals;
}

export function sumCaseTotals(rows: readonly CaseTotals[]): CaseTotals {
  const sum = emptyCaseTotals();
  for (const row of rows) for (const key of Object.keys(sum) as Array<keyof CaseTotals>) sum[key] += row[key];
  return sum;
}

export interface CaseKpis {
  /** cases with ≥ 2 inbound customer contacts / cases opened */
  caseRepeatRate: number | null;
  /** cases whose owning department changed ≥ 2 times / cases opened */
  handoffRate: number | null;
  /** Σ handoffs / cases opened */
  avgHandoffs: number | null;
}

export function caseKpis(t: CaseTotals): CaseKpis {
  return {
    caseRepeatRate: ratio(t.repeated, t.opened),
    handoffRate: ratio(t.bounced, t.opened),
    avgHandoffs: ratio(t.handoffs, t.opened),
  };
}

export interface ResolutionTimes {
  /** cases resolved in the period */
  n: number;
  /** Σ business minutes from opening to resolution (sums across groups, like the counts) */
  sumMinutes: number;
  mean: number | null;
  /** nearest rank (PostgreSQL percentile_disc(0.9)): the least value with ≥ 90 % of values at or below it */
  p90: number | null;
}

/** `caseResolutionBusinessMinutes` of the cases resolved in the period, on the center's calendar. */
export function caseResolutionBusinessMinutes(
  calendar: BusinessCalendar,
  cases: ReadonlyArray<{ openedAt: Date; resolvedAt: Date | null }>,
  period: Period,
): ResolutionTimes {
  const minutes = cases
    .filter((c) => c.resolvedAt && c.resolvedAt >= period.from && c.resolvedAt < period.to)
    .map((c) => businessTimeBetween(calendar, c.openedAt, c.resolvedAt!))
    .sort((a, b) => a - b);
  const sumMinutes = minutes.reduce((sum, m) => sum + m, 0);
  const n = minutes.length;
  return { n, sumMinutes, mean: ratio(sumMinutes, n), p90: n === 0 ? null : minutes[Math.ceil(0.9 * n) - 1] };
}

/** The five catalog KPIs of a group, by code. */
export function careKpiValues(
  commitments: CommitmentTotals,
  cases: CaseTotals,
): Record<string, number | null> {
  const c = commitmentKpis(commitments);
  const k = caseKpis(cases);
  return {
    PROMISE_KEPT_RATE: c.promiseKeptRate,
    OVERDUE_COMMITMENTS: c.overdueCommitments,
    ESCALATION_RATE: c.escalationRate,
    CASE_REPEAT_RATE: k.caseRepeatRate,
    HANDOFF_RATE: k.handoffRate,
  };
}
