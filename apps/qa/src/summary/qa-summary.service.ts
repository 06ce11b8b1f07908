import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '@switchboard/db';
import { ratio } from '@switchboard/metrics';
import { checkPeriod } from '../common/validation';

export interface QaGroup {
  /** The caller's name for the group (an employee number, a team id, …). */
  key: string;
  employeeNos: string[];
}

export interface QaCategoryAverage {
  category: string;
  score: number;
  evaluations: number;
}

export interface QaSummary {
  score: number | null;
  evaluations: number;
  autoFailed: number;
  criticalFailRate: number | null;
  categories: QaCategoryAverage[];
}

interface SummaryRow {
  idx: number;
  category: string | null;
  evaluations: number;
  score: number | null;
  auto_failed: number | null;
}

/** A group over its own period [from, to): one batch may mix periods (a trend's buckets). */
export interface QaPeriodGroup extends QaGroup {
  from: Date;
  to: Date;
}

// Each distinct list of agents travels once (m: set, employee number) and each group as its set and
// period (r): a trend's buckets share their agents instead of repeating them (issue 17). Overall and
// per-category rows come from the same scan. Drafts and calibration evaluations are left out; a
// period is by submitted_at; the batch's whole span bounds the evaluations read. Means are taken in
// numeric (exact sums): a group's score does not depend on the order the joins bring its rows in.
// The evaluations are picked by an array of the batch's agents (the agent's index, or a hashed
// filter), not a semi-join to the JSON: estimated at 100 rows, the JSON was probed once per
// evaluation of the period (a center's trend: 283,500 comparisons, 111 ms of 146, issue 23).
const SUMMARY_SQL = `
  with m as (select distinct set_no, employee_no from jsonb_to_recordset(?::jsonb) as m(set_no int, employee_no text)),
  r as (select * from jsonb_to_recordset(?::jsonb) as r(idx int, set_no int, p_from timestamptz, p_to timestamptz)),
  e0 as materialized (
    select ev.agent_employee_no, ev.submitted_at, ev.overall_score, ev.auto_failed, ev.category_scores
    from evaluation ev
    where ev.status <> 'DRAFT' and ev.calibration_session_id is null
      and ev.submitted_at >= ? and ev.submitted_at < ?
      and ev.agent_employee_no = any(?::text[])
  ),
  e as (
    select r.idx, e0.overall_score, e0.auto_failed, e0.category_scores
    from e0 join m on m.employee_no = e0.agent_employee_no
    join r on r.set_no = m.set_no and e0.submitted_at >= r.p_from and e0.submitted_at < r.p_to
  )
  select idx, null::text as category, count(*)::int as evaluations, avg(overall_score::numeric) as score,
    (count(*) filter (where auto_failed))::int as auto_failed
  from e group by idx
  union all
  select e.idx, c.key, count(*)::int, avg(c.value::numeric), null
  from e cross join lateral jsonb_each_text(e.category_scores) as c
  group by e.idx, c.key`;

export class QaSummaryService {
  /**
   * QA summaries of many groups of agents for one period in ONE SQL statement, in the order of
   * `groups` (an unknown or empty group gets zero evaluations). Reused by other subgraphs' fields
   * (e.g. KPI's Performance.qa) through this service.
   */
  async summarize(em: EntityManager, groups: readonly QaGroup[], from: Date, to: Date): Promise<QaSummary[]> {
    checkPeriod(from, to);
    return this.summarizePeriods(
      em,
      groups.map((g) => ({ ...g, from, to })),
    );
  }

  /**
   * QA summaries of groups each over its own period (a trend's buckets), in ONE SQL statement, in
   * the order of `groups`; groups with the same agents send them once.
   */
  async summarizePeriods(em: EntityManager, groups: readonly QaPeriodGroup[]): Promise<QaSummary[]> {
    for (const g of groups) checkPeriod(g.from, g.to);
    if (!groups.length) return [];
    const sets = new Map<string, number>();
    const members: { set_no: number; employee_no: string }[] = [];
    const records = groups.flatMap((g, idx) => {
      if (!g.employeeNos.length) return [];
      const list = g.employeeNos.join('\n');
      let setNo = sets.get(list);
      if (setNo === undefined) {
        setNo = sets.size;
        sets.set(list, setNo);
        for (const employeeNo of g.employeeNos) members.push({ set_no: setNo, employee_no: employeeNo });
      }
      return [{ idx, set_no: setNo, p_from: g.from.toISOString(), p_to: g.to.toISOString() }];
    });
    const from = new Date(Math.min(...groups.map((g) => g.from.getTime())));
    const to = new Date(Math.max(...groups.map((g) => g.to.getTime())));
    const rows = records.length
      ? await em.execute<SummaryRow[]>(SUMMARY_SQL, [
          JSON.stringify(members),
          JSON.stringify(records),
          from,
          to,
          pgArray([...new Set(members.map((m) => m.employee_no))]),
        ])
      : [];
    const summaries = groups.map(
      (): QaSummary => ({
        score: null,
        evaluations: 0,
        autoFailed: 0,
        criticalFailRate: null,
        categories: [],
      }),
    );
    for (const row of rows) {
      const summary = summaries[row.idx];
      if (row.category === null) {
        summary.evaluations = row.evaluations;
        summary.score = row.score === null ? null : Number(row.score);
        summary.autoFailed = row.auto_failed ?? 0;
        summary.criticalFailRate = ratio(summary.autoFailed, summary.evaluations);
      } else {
        summary.categories.push({
          category: row.category,
          score: Number(row.score),
          evaluations: row.evaluations,
        });
      }
    }
    for (const summary of summaries) summary.categories.sort((a, b) => a.category.localeCompare(b.category));
    return summaries;
  }
}
