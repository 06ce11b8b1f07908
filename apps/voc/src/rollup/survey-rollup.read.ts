import { planRollupRead } from './rollup-periods';
import { SURVEY_MEASURES } from './survey-measures';
import { rawDaySql } from './survey-rollup.writer';

const MEASURE_COLUMNS = SURVEY_MEASURES.map((m) => m.column);

/**
 * The rows to aggregate for a period: whole months and days of the rollup, partial days raw. With
 * `agentMonths` (the caller groups by nothing finer than agent, center and month) whole months come
 * from the AGENT_MONTH grain, one row per agent and month, whose team and queue are null.
 */
export function surveyPeriodSource(
  from: Date,
  to: Date,
  options: { agentMonths?: boolean } = {},
): { sql: string; params: unknown[] } {
  const plan = planRollupRead(from, to);
  const parts: string[] = [];
  const params: unknown[] = [];
  const rollup: string[] = [];
  if (plan.months) {
    rollup.push(
      `(grain = '${options.agentMonths ? 'AGENT_MONTH' : 'MONTH'}' and period_start >= ?::date and period_start < ?::date)`,
    );
    params.push(plan.months.from.toISOString().slice(0, 10), plan.months.to.toISOString().slice(0, 10));
  }
  for (const days of plan.days) {
    rollup.push(`(grain = 'DAY' and period_start >= ?::date and period_start < ?::date)`);
    params.push(days.from.toISOString().slice(0, 10), days.to.toISOString().slice(0, 10));
  }
  if (rollup.length)
    parts.push(
      `select period_start, center_id, team_id, agent_employee_no, queue_code, ${MEASURE_COLUMNS.join(', ')}
       from voc_survey_rollup where ${rollup.join(' or ')}`,
    );
  if (plan.raw.length) {
    const where = `(${plan.raw.map(() => '(contact_arrived_at >= ? and contact_arrived_at < ?)').join(' or ')})`;
    parts.push(rawDaySql(where));
    const edges = plan.raw.flatMap((r) => [r.from, r.to]);
    params.push(...edges, ...edges); // responses, then invitations
  }
  return { sql: parts.join(' union all '), params };
}
