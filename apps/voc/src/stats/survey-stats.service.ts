import type { EntityManager } from '@mikro-orm/postgresql';
import {
  emptySurveyTotals,
  insufficientSample,
  surveyMetrics,
  type SurveyMetrics,
  type SurveyTotals,
} from '@switchboard/metrics';
import { checkPeriod } from '@switchboard/subgraph-kit';
import { planRollupRead } from '../rollup/rollup-periods';
import { SURVEY_MEASURES } from '../rollup/survey-measures';
import { rawDaySql } from '../rollup/survey-rollup.writer';

export const SURVEY_GROUPS = ['AGENT', 'TEAM', 'CENTER', 'QUEUE', 'MONTH'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];
export const SURVEY_RANK_METRICS = ['CSAT', 'NPS', 'CES'] as const;
export type SurveyRankMetric = (typeof SURVEY_RANK_METRICS)[number];

/** The SQL expression of each group key over rollup-shaped rows (MONTH: of the contact's arrival, UTC). */
const KEY_SQL: Record<SurveyGroup, string> = {
  AGENT: 'agent_employee_no',
  TEAM: 'team_id::text',
  CENTER: 'center_id::text',
  QUEUE: 'queue_code',
  MONTH: `to_char(period_start, 'YYYY-MM')`,
};
const ALIAS: Record<SurveyGroup, string> = {
  AGENT: 'agent',
  TEAM: 'team',
  CENTER: 'center',
  QUEUE: 'queue',
  MONTH: 'month',
};

/** Who the caller sees: everything (null) or these centers and agents. */
export interface StatsScope {
  centerIds: string[] | null;
  employeeNos: string[] | null;
}

export interface SurveyStatsRow extends SurveyMetrics {
  agentEmployeeNo: string | null;
  teamId: string | null;
  centerId: string | null;
  queueCode: string | null;
  month: string | null;
  totals: SurveyTotals;
  /** The ranking metric's n is below `minResponses`: not ranked. */
  insufficientSample: boolean;
  /** 1 = best by the ranking metric among agents with enough responses; null when not ranked. */
  rank: number | null;
}

type Aggregate = Record<string, string | number | null>;

const SCOPE_SQL = `(?::boolean or center_id::text in (select jsonb_array_elements_text(?::jsonb))
  or agent_employee_no in (select jsonb_array_elements_text(?::jsonb)))`;

const MEASURE_COLUMNS = SURVEY_MEASURES.map((m) => m.column);

/** The rows to aggregate for a period: whole months and days of the rollup, partial days raw. */
function periodSource(from: Date, to: Date): { sql: string; params: unknown[] } {
  const plan = planRollupRead(from, to);
  const parts: string[] = [];
  const params: unknown[] = [];
  const rollup: string[] = [];
  if (plan.months) {
    rollup.push(`(grain = 'MONTH' and period_start >= ?::date and period_start < ?::date)`);
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

/**
 * CSAT, NPS, CES and response rate per group, each with its n and 95 % interval, from one SQL
 * aggregate over the rollup (whole UTC months and days; only a period's partial-day edges from
 * raw rows); agents with fewer responses than `minResponses` on the ranking metric are flagged
 * and left out of the ranking.
 */
export class SurveyStatsService {
  constructor(private readonly em: EntityManager) {}

  async stats(
    groupBy: readonly SurveyGroup[],
    from: Date,
    to: Date,
    scope: StatsScope,
    rankBy: SurveyRankMetric,
    minResponses: number,
  ): Promise<SurveyStatsRow[]> {
    checkPeriod(from, to);
    const groups = SURVEY_GROUPS.filter((g) => groupBy.includes(g));
    const keys = SURVEY_GROUPS.map(
      (g) => `${groups.includes(g) ? KEY_SQL[g] : 'null::text'} as ${ALIAS[g]}`,
    ).join(', ');
    // the columns' positions in the select list follow SURVEY_GROUPS
    const groupSql = groups.length
      ? `group by ${groups.map((g) => SURVEY_GROUPS.indexOf(g) + 1).join(', ')}`
      : '';
    const all = scope.centerIds === null && scope.employeeNos === null;
    const source = periodSource(from, to);
    const aggregates = await this.em.getConnection().execute<Aggregate[]>(
      `select ${keys}, ${MEASURE_COLUMNS.map((c) => `coalesce(sum(${c}), 0)::float8 as ${c}`).join(', ')}
       from (${source.sql}) as source
       where ${SCOPE_SQL}
       ${groupSql}`,
      [...source.params, all, JSON.stringify(scope.centerIds ?? []), JSON.stringify(scope.employeeNos ?? [])],
    );
    const counted = aggregates.filter((row) => MEASURE_COLUMNS.some((c) => Number(row[c]) !== 0));
    const metric = { CSAT: 'csat', NPS: 'nps', CES: 'ces' } as const;
    const rows: SurveyStatsRow[] = counted.map((row) => {
      const totals = emptySurveyTotals();
      for (const m of SURVEY_MEASURES) totals[m.total] = Number(row[m.column]);
      const metrics = surveyMetrics(totals);
      const key = (alias: string) => (row[alias] as string | null) ?? null;
      return {
        agentEmployeeNo: key('agent'),
        teamId: key('team'),
        centerId: key('center'),
        queueCode: key('queue'),
        month: key('month'),
        totals,
        ...metrics,
        insufficientSample: insufficientSample(metrics[metric[rankBy]].n, minResponses),
        rank: null,
      };
    });
    if (groups.includes('AGENT')) {
      // agents are ranked within each of the other groups (e.g. per month)
      const ranked = rows.filter((r) => r.agentEmployeeNo !== null && !r.insufficientSample);
      const peers = new Map<string, SurveyStatsRow[]>();
      for (const r of ranked) {
        const id = JSON.stringify([r.teamId, r.centerId, r.queueCode, r.month]);
        const list = peers.get(id);
        if (list) list.push(r);
        else peers.set(id, [r]);
      }
      for (const list of peers.values()) {
        // ties: the larger sample first, then by employee number
        const m = metric[rankBy];
        list.sort(
          (a, b) =>
            (b[m].value ?? -Infinity) - (a[m].value ?? -Infinity) ||
            b[m].n - a[m].n ||
            (a.agentEmployeeNo ?? '').localeCompare(b.agentEmployeeNo ?? ''),
        );
        list.forEach((r, i) => (r.rank = i + 1));
      }
    }
    return rows.sort(
      (a, b) =>
        (a.month ?? '').localeCompare(b.month ?? '') ||
        (a.centerId ?? '').localeCompare(b.centerId ?? '') ||
        (a.teamId ?? '').localeCompare(b.teamId ?? '') ||
        (a.queueCode ?? '').localeCompare(b.queueCode ?? '') ||
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        (a.agentEmployeeNo ?? '').localeCompare(b.agentEmployeeNo ?? ''),
    );
  }
}
