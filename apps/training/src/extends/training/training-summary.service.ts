import type { EntityManager } from '@mikro-orm/postgresql';
import {
  emptyTrainingTotals,
  trainingMetrics,
  type TrainingMetrics,
  type TrainingTotals,
} from '@switchboard/metrics';
import { addDays, todayUtc, type DayPeriod } from '../../common/dates';

/** What makes certifications mandatory for an agent (staff's role and skill codes). */
export interface AgentProfile {
  role: string;
  skillCodes: string[];
}

/**
 * A group of agents to summarize (a team, a center, a KPI scope...). `profiles` (by employee number)
 * feed certification coverage; agents without one count in every metric but coverage.
 */
export interface TrainingGroup {
  key: string;
  employeeNos: string[];
  profiles?: Record<string, AgentProfile>;
}

/** A group over its own days [from, to): one batch may mix periods (a trend's buckets). */
export interface PeriodGroup extends TrainingGroup {
  period: DayPeriod;
}

interface SummaryRow {
  key: string;
  assignments_due: string;
  completed_on_time: string;
  overdue: string;
  attempts: string;
  attempts_passed: string;
  first_attempts: string;
  first_attempts_passed: string;
  score_sum: string;
  agents_needing: string;
  agents_certified: string;
}

/**
 * Counts of METRICS.md "Training" for every group of a batch, each over its own days [d_from, d_to),
 * in ONE statement: the (group, agent, period) rows travel as one JSON parameter and are joined to
 * assignments, attempts and mandatory courses (a year of daily trend buckets is one statement, not
 * 365). Coverage is measured on the period's last day, or today if earlier (as_of).
 */
const SUMMARY_SQL = `
with m as (
  select distinct * from jsonb_to_recordset(?::jsonb)
    as m(key text, employee_no text, role text, skills text[], d_from date, d_to date, as_of date)
), p as (select ?::date as today),
asg as (
  select m.key,
    count(*) as assignments_due,
    count(*) filter (where a.completed_on <= a.due_date) as completed_on_time,
    count(*) filter (where a.completed_on is null and a.due_date < p.today) as overdue
  from m join assignment a on a.employee_no = m.employee_no cross join p
  where a.due_date >= m.d_from and a.due_date < m.d_to
  group by m.key
), att as (
  select m.key,
    count(*) as attempts,
    count(*) filter (where t.passed) as attempts_passed,
    count(*) filter (where t.attempt_no = 1) as first_attempts,
    count(*) filter (where t.attempt_no = 1 and t.passed) as first_attempts_passed,
    sum(t.score) as score_sum
  from m join exam_attempt t on t.employee_no = m.employee_no cross join p
  where t.taken_on >= m.d_from and t.taken_on < m.d_to
  group by m.key
), need as (
  select m.key, m.employee_no,
    bool_and(exists (select 1 from certification c where c.course_id = k.id and c.employee_no = m.employee_no
      and c.issued_on <= m.as_of and (c.expires_on is null or c.expires_on > m.as_of))) as covered
  from m join course k on m.role = any(k.mandatory_for_roles) or k.mandatory_for_skills && m.skills
  where m.role is not null
  group by m.key, m.employee_no
), cov as (
  select key, count(*) as agents_needing, count(*) filter (where covered) as agents_certified
  from need group by key
)
select k.key,
  coalesce(asg.assignments_due, 0) as assignments_due, coalesce(asg.completed_on_time, 0) as completed_on_time,
  coalesce(asg.overdue, 0) as overdue, coalesce(att.attempts, 0) as attempts,
  coalesce(att.attempts_passed, 0) as attempts_passed, coalesce(att.first_attempts, 0) as first_attempts,
  coalesce(att.first_attempts_passed, 0) as first_attempts_passed, coalesce(att.score_sum, 0) as score_sum,
  coalesce(cov.agents_needing, 0) as agents_needing, coalesce(cov.agents_certified, 0) as agents_certified
from (select distinct key from m) k
  left join asg on asg.key = k.key left join att on att.key = k.key left join cov on cov.key = k.key`;

function totalsOf(row: SummaryRow): TrainingTotals {
  return {
    assignmentsDue: Number(row.assignments_due),
    completedOnTime: Number(row.completed_on_time),
    overdue: Number(row.overdue),
    attempts: Number(row.attempts),
    attemptsPassed: Number(row.attempts_passed),
    firstAttempts: Number(row.first_attempts),
    firstAttemptsPassed: Number(row.first_attempts_passed),
    scoreSum: Number(row.score_sum),
    agentsNeedingCertification: Number(row.agents_needing),
    agentsCertified: Number(row.agents_certified),
  };
}

export class TrainingSummaryService {
  constructor(private readonly today: () => string = todayUtc) {}

  /** Training metrics per group, in the order of `groups`; one SQL statement for the whole batch. */
  async summarize(em: EntityManager, groups: readonly PeriodGroup[]): Promise<TrainingMetrics[]> {
    const today = this.today();
    const pairs = groups.flatMap((g) => {
      const lastDay = addDays(g.period.to, -1);
      const days = { d_from: g.period.from, d_to: g.period.to, as_of: lastDay < today ? lastDay : today };
      return g.employeeNos.map((employeeNo) => {
        const profile = g.profiles?.[employeeNo];
        return {
          key: g.key,
          employee_no: employeeNo,
          role: profile?.role ?? null,
          skills: profile?.skillCodes ?? [],
          ...days,
        };
      });
    });
    const rows = pairs.length
      ? await em.execute<SummaryRow[]>(SUMMARY_SQL, [JSON.stringify(pairs), today])
      : [];
    const byKey = new Map(rows.map((r) => [r.key, totalsOf(r)]));
    return groups.map((g) => trainingMetrics(byKey.get(g.key) ?? emptyTrainingTotals()));
  }
}
