import type { EntityManager } from '@mikro-orm/postgresql';
import { complaintPerformance, type ComplaintPerformance, type ComplaintTotals } from '@switchboard/metrics';

/**
 * One Performance record as its complaints are counted: a center's by the complaint's center, a
 * team's or an agent's by its agents (complaints about them, those they handled, cases they own).
 */
export interface ComplaintPerformanceGroup {
  /** a center's record: its complaints and cases by center; null for a team or an agent */
  centerId: string | null;
  employeeNos: readonly string[];
  from: Date;
  to: Date;
  /** traffic's answered contacts of the same record (its `traffic { answered }`), null when absent */
  answeredContacts: number | null;
}

export type ComplaintPerformanceRecord = ComplaintPerformance & {
  received: number;
  closed: number;
  closedTimely: number;
  decided: number;
  upheld: number;
  casesOpened: number;
  escalatedCases: number;
  answeredContacts: number | null;
};

/*
 * Every record of the batch in ONE statement: the records as a recordset, each with its counts from
 * index scans (a center's on (center_id, received_at|closed_at), an agent set's on (subject_agent_no,
 * received_at|closed_at) and (handler_agent_no, closed_at), cases on their center or owner index).
 * A center's record has no agents and an agents' record no center, so each count is the sum of the
 * two branches, one of which is empty.
 *   received, escalated: complaints received in the period (about the agents)
 *   decided, upheld:     complaints closed in the period on the merits (about the agents)
 *   closed, timely:      complaints closed in the period (handled by the agents)
 *   cases:               cases opened in the period (owned by the agents), and those that became complaints
 */
const COMPLAINT_PERFORMANCE_SQL = `
with g as (
  select * from jsonb_to_recordset(?::jsonb) as g(i int, center_id uuid, agents text[], f timestamptz, t timestamptz)
)
select g.i,
  (select count(*) from complaint x where x.center_id = g.center_id and x.received_at >= g.f and x.received_at < g.t)
  + (select count(*) from complaint x where x.subject_agent_no = any(g.agents) and x.received_at >= g.f and x.received_at < g.t)
    as received,
  (select count(*) from complaint x where x.center_id = g.center_id and x.received_at >= g.f and x.received_at < g.t and x.escalated_from_type is not null)
  + (select count(*) from complaint x where x.subject_agent_no = any(g.agents) and x.received_at >= g.f and x.received_at < g.t and x.escalated_from_type is not null)
    as escalated_from_case,
  c.closed + h.closed as closed,
  c.closed_timely + h.closed_timely as closed_timely,
  c.decided + s.decided as decided,
  c.upheld + s.upheld as upheld,
  (select count(*) from care_case k where k.center_id = g.center_id and k.opened_at >= g.f and k.opened_at < g.t)
  + (select count(*) from care_case k where k.owner_agent_no = any(g.agents) and k.opened_at >= g.f and k.opened_at < g.t)
    as cases_opened,
  (select count(*) from care_case k join complaint x on x.case_id = k.id and x.escalated_from_type is not null
    where k.center_id = g.center_id and k.opened_at >= g.f and k.opened_at < g.t)
  + (select count(*) from care_case k join complaint x on x.case_id = k.id and x.escalated_from_type is not null
    where k.owner_agent_no = any(g.agents) and k.opened_at >= g.f and k.opened_at < g.t)
    as escalated_cases
from g
cross join lateral (
  select count(*) as closed,
    count(*) filter (where x.closed_at < x.deadline_at) as closed_timely,
    count(*) filter (where x.outcome <> 'WITHDRAWN') as decided,
    count(*) filter (where x.outcome in ('UPHELD', 'PARTIALLY_UPHELD')) as upheld
  from complaint x where x.center_id = g.center_id and x.closed_at >= g.f and x.closed_at < g.t) c
cross join lateral (
  select count(*) filter (where x.outcome <> 'WITHDRAWN') as decided,
    count(*) filter (where x.outcome in ('UPHELD', 'PARTIALLY_UPHELD')) as upheld
  from complaint x where x.subject_agent_no = any(g.agents) and x.closed_at >= g.f and x.closed_at < g.t) s
cross join lateral (
  select count(*) as closed, count(*) filter (where x.closed_at < x.deadline_at) as closed_timely
  from complaint x where x.handler_agent_no = any(g.agents) and x.closed_at >= g.f and x.closed_at < g.t) h
order by g.i`;

type CountRow = Record<
  | 'i'
  | 'received'
  | 'escalated_from_case'
  | 'closed'
  | 'closed_timely'
  | 'decided'
  | 'upheld'
  | 'cases_opened'
  | 'escalated_cases',
  string | number
>;

/**
 * Performance.complaints of many records in one statement whatever their number and periods
 * (docs/METRICS.md, Complaints): the counts per record in SQL, the rates from libs/metrics.
 */
export async function complaintPerformanceOf(
  em: EntityManager,
  groups: readonly ComplaintPerformanceGroup[],
): Promise<ComplaintPerformanceRecord[]> {
  if (!groups.length) return [];
  const rows = await em.execute<CountRow[]>(COMPLAINT_PERFORMANCE_SQL, [
    JSON.stringify(
      groups.map((g, i) => ({
        i,
        center_id: g.centerId,
        agents: [...new Set(g.employeeNos)],
        f: g.from.toISOString(),
        t: g.to.toISOString(),
      })),
    ),
  ]);
  return rows.map((r) => {
    const g = groups[Number(r.i)];
    const totals: ComplaintTotals = {
      received: Number(r.received),
      closed: Number(r.closed),
      closedTimely: Number(r.closed_timely),
      decided: Number(r.decided),
      upheld: Number(r.upheld),
      overdueOpen: 0,
      escalatedFromCase: Number(r.escalated_from_case),
    };
    const cases = { opened: Number(r.cases_opened), escalated: Number(r.escalated_cases) };
    return {
      ...complaintPerformance(totals, g.answeredContacts, cases),
      received: totals.received,
      closed: totals.closed,
      closedTimely: totals.closedTimely,
      decided: totals.decided,
      upheld: totals.upheld,
      casesOpened: cases.opened,
      escalatedCases: cases.escalated,
      answeredContacts: g.answeredContacts,
    };
  });
}
