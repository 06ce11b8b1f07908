import type { EntityManager } from '@mikro-orm/postgresql';
import {
  caseKpis,
  caseTotals,
  commitmentKpis,
  commitmentTotals,
  sumCaseTotals,
  sumCommitmentTotals,
  type CaseRecord,
  type CommitmentRecord,
} from '@switchboard/metrics';

/** One Performance record as care reads it: its agents and its period. */
export interface CustomerPerformanceGroup {
  employeeNos: readonly string[];
  from: Date;
  to: Date;
}

export interface CustomerPerformance {
  promiseKeptRate: number | null;
  promiseOnTimeOrLateRate: number | null;
  overdueCommitments: number;
  escalationRate: number | null;
  caseRepeatRate: number | null;
  handoffRate: number | null;
  avgHandoffs: number | null;
  commitmentsDue: number;
  fulfilled: number;
  fulfilledLate: number;
  broken: number;
  casesOpened: number;
}

/*
 * The agents' commitments that can count in one of the periods: due before the latest end, and due
 * in some period or still unkept at the earliest snapshot (OVERDUE_COMMITMENTS); with their
 * escalations at level 1 or more, fired by now.
 */
const COMMITMENTS_SQL = `
select c.owner_employee_no as employee_no, c.due_at, c.grace_minutes, c.fulfilled_at,
  coalesce((select json_agg(json_build_object('level', e.level, 'at', e.fired_at))
              from care_escalation e
             where e.commitment_id = c.id and e.level >= 1 and e.fired_at <= ?), '[]'::json) as escalations
  from care_commitment c
 where c.owner_employee_no in (select jsonb_array_elements_text(?::jsonb)) and c.due_at < ?
   and (c.due_at >= ? or c.fulfilled_at is null or c.fulfilled_at > ?)`;

/** The cases the agents own opened in the span, with their inbound customer contacts. */
const CASES_SQL = `
select k.owner_agent_no as employee_no, k.opened_at, k.handoff_count,
  (select count(*) from case_contact cc where cc.case_id = k.id and cc.direction = 'INBOUND')::int as inbound
  from care_case k
 where k.owner_agent_no in (select jsonb_array_elements_text(?::jsonb)) and k.opened_at >= ? and k.opened_at < ?`;

interface CommitmentRow {
  employee_no: string;
  due_at: Date;
  grace_minutes: number;
  fulfilled_at: Date | null;
  escalations: Array<{ level: number; at: string }>;
}
interface CaseRow {
  employee_no: string;
  opened_at: Date;
  handoff_count: number;
  inbound: number;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Performance.customer of many records in TWO statements whatever their number and periods: every
 * agent's commitments and cases over the records' span, then, per record, each agent's counts for
 * the record's period (the formulas of libs/metrics) summed, so a team's record is the sum of its
 * agents' records.
 */
export async function customerPerformance(
  em: EntityManager,
  groups: readonly CustomerPerformanceGroup[],
  now: Date,
): Promise<CustomerPerformance[]> {
  const employeeNos = [...new Set(groups.flatMap((g) => g.employeeNos))];
  const commitmentsOf = new Map<string, CommitmentRecord[]>();
  const casesOf = new Map<string, CaseRecord[]>();
  if (employeeNos.length) {
    const from = new Date(Math.min(...groups.map((g) => g.from.getTime())));
    const to = new Date(Math.max(...groups.map((g) => g.to.getTime())));
    const snapshot = new Date(Math.min(...groups.map((g) => g.to.getTime()), now.getTime()));
    const commitments = await em.execute<CommitmentRow[]>(COMMITMENTS_SQL, [
      now,
      JSON.stringify(employeeNos),
      to,
      from,
      snapshot,
    ]);
    for (const r of commitments) {
      push(commitmentsOf, r.employee_no, {
        dueAt: new Date(r.due_at),
        graceMinutes: r.grace_minutes,
        fulfilledAt: r.fulfilled_at && new Date(r.fulfilled_at),
        escalations: r.escalations.map((e) => ({ level: e.level, at: new Date(e.at) })),
      });
    }
    const cases = await em.execute<CaseRow[]>(CASES_SQL, [JSON.stringify(employeeNos), from, to]);
    for (const r of cases) {
      push(casesOf, r.employee_no, {
        openedAt: new Date(r.opened_at),
        inboundCustomerContacts: r.inbound,
        handoffCount: r.handoff_count,
      });
    }
  }
  return groups.map((g) => {
    const period = { from: g.from, to: g.to };
    const agents = [...new Set(g.employeeNos)];
    const commitments = sumCommitmentTotals(
      agents.map((no) => commitmentTotals(commitmentsOf.get(no) ?? [], period, now)),
    );
    const cases = sumCaseTotals(agents.map((no) => caseTotals(casesOf.get(no) ?? [], period)));
    const c = commitmentKpis(commitments);
    const k = caseKpis(cases);
    return {
      promiseKeptRate: c.promiseKeptRate,
      promiseOnTimeOrLateRate: c.promiseOnTimeOrLateRate,
      overdueCommitments: c.overdueCommitments,
      escalationRate: c.escalationRate,
      caseRepeatRate: k.caseRepeatRate,
      handoffRate: k.handoffRate,
      avgHandoffs: k.avgHandoffs,
      commitmentsDue: commitments.due,
      fulfilled: commitments.fulfilled,
      fulfilledLate: commitments.fulfilledLate,
      broken: commitments.broken,
      casesOpened: cases.opened,
    };
  });
}
