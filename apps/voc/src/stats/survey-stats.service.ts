import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ces,
  csat,
  DEFAULT_MIN_RESPONSES,
  insufficientSample,
  nps,
  responseRate,
  type SurveyMetrics,
  type SurveyTotals,
} from '@switchboard/metrics';
import { checkPeriod } from '@switchboard/subgraph-kit';
import { SURVEY_MEASURES } from '../rollup/survey-measures';
import { surveyPeriodSource } from '../rollup/survey-rollup.read';

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
  /** Invitations opted out (counted apart from the response rate). */
  optedOut: number;
  /** The ranking metric's n is below `minResponses`: not ranked. */
  insufficientSample: boolean;
  /** 1 = best by the ranking metric among agents with enough responses; null when not ranked. */
  rank: number | null;
}

/** A statement row: the group's keys, its summed counts named as SurveyTotals, its rank. */
type Aggregate = SurveyTotals & {
  agent: string | null;
  team: string | null;
  center: string | null;
  queue: string | null;
  month: string | null;
  rank: number | null;
};

const SCOPE_SQL = `(?::boolean or center_id::text in (select jsonb_array_elements_text(?::jsonb))
  or agent_employee_no in (select jsonb_array_elements_text(?::jsonb)))`;

/** The ranking metric's n and value over a statement row (SQL), higher is better, as the figures have it. */
const RANK_SQL: Record<SurveyRankMetric, { n: string; value: string }> = {
  CSAT: { n: '"csatResponses"', value: '"csatTopBox" / nullif("csatResponses", 0)' },
  NPS: { n: '"npsResponses"', value: '("promoters" - "detractors") / nullif("npsResponses", 0)' },
  CES: { n: '"cesResponses"', value: '"cesSum" / nullif("cesResponses", 0)' },
};
const RANK_N: Record<SurveyRankMetric, keyof SurveyTotals> = {
  CSAT: 'csatResponses',
  NPS: 'npsResponses',
  CES: 'cesResponses',
};

const MEASURE_COLUMNS = SURVEY_MEASURES.map((m) => m.column);
const TOTALS = SURVEY_MEASURES.map((m) => `"${m.total}"`).join(', ');
/**
 * The answer's order, which is also the ranking window's (so PostgreSQL sorts once): the other keys in
 * code-point order (codes, ids and months: no collation needed, and far cheaper), nulls last; then
 * the ranked agents best first, then the unranked by employee number.
 */
const KEYS_C = ['month', 'center', 'team', 'queue'].map((k) => `${k} collate "C"`).join(', ');
const RANKING_ORDER = 'rank_value desc nulls last, rank_n desc nulls last, agent collate "C"';

/**
 * The one statement behind surveyStats, answering final rows in their final order: the groups'
 * counts summed over the rollup (whole UTC months and days; only a period's partial-day edges from
 * raw rows), named as SurveyTotals, groups with nothing counted left out; with AGENT, each agent's
 * rank among the agents of the same other groups with at least `minResponses` on the ranking metric
 * (best first; ties: the larger sample, then the employee number). Exported for the benchmark, which
 * times the statement alone.
 */
export function surveyStatsStatement(
  groupBy: readonly SurveyGroup[],
  from: Date,
  to: Date,
  scope: StatsScope,
  rankBy: SurveyRankMetric = 'CSAT',
  minResponses = DEFAULT_MIN_RESPONSES,
): { sql: string; params: unknown[] } {
  const groups = SURVEY_GROUPS.filter((g) => groupBy.includes(g));
  const keys = SURVEY_GROUPS.map(
    (g) => `${groups.includes(g) ? KEY_SQL[g] : 'null::text'} as ${ALIAS[g]}`,
  ).join(', ');
  // the columns' positions in the select list follow SURVEY_GROUPS
  const groupSql = groups.length
    ? `group by ${groups.map((g) => SURVEY_GROUPS.indexOf(g) + 1).join(', ')}`
    : '';
  const all = scope.centerIds === null && scope.employeeNos === null;
  // nothing finer than agent, center and month: one AGENT_MONTH row per agent and month
  const source = surveyPeriodSource(from, to, {
    agentMonths: !groups.includes('TEAM') && !groups.includes('QUEUE'),
  });
  // every caller's scope is one of: all (no condition at all), or centers and agents
  const scoped = all ? '' : `where ${SCOPE_SQL}`;
  const rank = RANK_SQL[rankBy];
  const ranked = groups.includes('AGENT') ? `agent is not null and ${rank.n} >= ?` : 'false';
  return {
    sql: `with totals as (
       select ${keys}, ${SURVEY_MEASURES.map((m) => `coalesce(sum(${m.column}), 0)::float8 as "${m.total}"`).join(', ')}
       from (${source.sql}) as source
       ${scoped}
       ${groupSql}
       having ${MEASURE_COLUMNS.map((c) => `coalesce(sum(${c}), 0) <> 0`).join(' or ')}
     ), flagged as (
       select *, case when ranked then ${rank.value} end as rank_value,
         case when ranked then ${rank.n} end as rank_n
       from (select *, ${ranked} as ranked from totals) as t)
     select agent, team, center, queue, month, ${TOTALS},
       (case when rank_n is not null then row_number() over ranking end)::int as rank
     from flagged
     window ranking as (partition by ${KEYS_C} order by ${RANKING_ORDER})
     order by ${KEYS_C}, ${RANKING_ORDER}`,
    params: [
      ...source.params,
      ...(all ? [] : [false, JSON.stringify(scope.centerIds ?? []), JSON.stringify(scope.employeeNos ?? [])]),
      ...(groups.includes('AGENT') ? [minResponses] : []),
    ],
  };
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
    const statement = surveyStatsStatement(groupBy, from, to, scope, rankBy, minResponses);
    const aggregates = await this.em.execute<Aggregate[]>(statement.sql, statement.params);
    // rows in order and ranked by SQL: here only the figures and their intervals, arithmetic on one row
    const rows = new Array<SurveyStatsRow>(aggregates.length);
    const rankN = RANK_N[rankBy];
    for (let i = 0; i < aggregates.length; i++) {
      const row = aggregates[i];
      rows[i] = {
        agentEmployeeNo: row.agent,
        teamId: row.team,
        centerId: row.center,
        queueCode: row.queue,
        month: row.month,
        totals: row,
        optedOut: row.invitationsOptedOut,
        csat: csat(row),
        nps: nps(row),
        ces: ces(row),
        responseRate: responseRate(row),
        insufficientSample: insufficientSample(row[rankN], minResponses),
        rank: row.rank,
      };
    }
    return rows;
  }
}
