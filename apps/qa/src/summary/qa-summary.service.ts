import type { EntityManager } from '@mikro-orm/postgresql';
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
  key: string;
  category: string | null;
  evaluations: number;
  score: number | null;
  auto_failed: number | null;
}

// Groups travel as one JSON array of (key, employee_no) pairs; overall and per-category rows come
// from the same scan. Drafts and calibration evaluations are left out; a period is by submitted_at.
const SUMMARY_SQL = `
  with g as (select distinct key, employee_no from jsonb_to_recordset(?::jsonb) as g(key text, employee_no text)),
  e as (
    select g.key, ev.overall_score, ev.auto_failed, ev.category_scores
    from g join evaluation ev on ev.agent_employee_no = g.employee_no
    where ev.status <> 'DRAFT' and ev.calibration_session_id is null
      and ev.submitted_at >= ? and ev.submitted_at < ?
  )
  select key, null::text as category, count(*)::int as evaluations, avg(overall_score) as score,
    (count(*) filter (where auto_failed))::int as auto_failed
  from e group by key
  union all
  select e.key, c.key, count(*)::int, avg(c.value::float8), null
  from e cross join lateral jsonb_each_text(e.category_scores) as c
  group by e.key, c.key`;

export class QaSummaryService {
  /**
   * QA summaries of many groups of agents for one period in ONE SQL statement, in the order of
   * `groups` (an unknown or empty group gets zero evaluations). Reused by other subgraphs' fields
   * (e.g. KPI's Performance.qa) through this service.
   */
  async summarize(em: EntityManager, groups: readonly QaGroup[], from: Date, to: Date): Promise<QaSummary[]> {
    checkPeriod(from, to);
    if (!groups.length) return [];
    const pairs = groups.flatMap((g) =>
      g.employeeNos.map((employeeNo) => ({ key: g.key, employee_no: employeeNo })),
    );
    const rows = pairs.length
      ? await em.getConnection().execute<SummaryRow[]>(SUMMARY_SQL, [JSON.stringify(pairs), from, to])
      : [];
    const byKey = new Map<string, QaSummary>();
    const summaryOf = (key: string): QaSummary => {
      let summary = byKey.get(key);
      if (!summary) {
        summary = { score: null, evaluations: 0, autoFailed: 0, criticalFailRate: null, categories: [] };
        byKey.set(key, summary);
      }
      return summary;
    };
    for (const row of rows) {
      const summary = summaryOf(row.key);
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
    for (const summary of byKey.values())
      summary.categories.sort((a, b) => a.category.localeCompare(b.category));
    return groups.map((g) => ({ ...summaryOf(g.key), categories: [...summaryOf(g.key).categories] }));
  }
}
