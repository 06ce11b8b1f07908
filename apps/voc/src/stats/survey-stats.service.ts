import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ces,
  csat,
  insufficientSample,
  nps,
  responseRate,
  type SurveyMetrics,
  type SurveyTotals,
} from '@switchboard/metrics';
import { checkPeriod } from '@switchboard/subgraph-kit';
import { SURVEY_MEASURES } from '../rollup/survey-measures';
import { surveyPeriodSource } from '../rollup/survey-rollup.read';
import { rankAndOrder, type Rankable } from './survey-ranking';

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
  // the month's first day: a date, cheaper to group by than a formatted text (json writes it ISO)
  MONTH: `date_trunc('month', period_start::timestamp)::date`,
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

const SCOPE_SQL = `(?::boolean or center_id::text in (select jsonb_array_elements_text(?::jsonb))
  or agent_employee_no in (select jsonb_array_elements_text(?::jsonb)))`;

const MEASURE_COLUMNS = SURVEY_MEASURES.map((m) => m.column);
const MEASURES = MEASURE_COLUMNS.length;
/** The statement's answer: each grouped key's values as a json array, the groups' sums as one flat list. */
type Answer = Partial<Record<SurveyGroup, string | null>> & { measures: string | null };

/** The ranking metric's n and value (higher is better, as the figures have it) over a group's totals. */
const RANK_OF: Record<SurveyRankMetric, (t: SurveyTotals) => { n: number; value: number }> = {
  CSAT: (t) => ({ n: t.csatResponses, value: t.csatTopBox / t.csatResponses }),
  NPS: (t) => ({ n: t.npsResponses, value: (t.promoters - t.detractors) / t.npsResponses }),
  CES: (t) => ({ n: t.cesResponses, value: t.cesSum / t.cesResponses }),
};

/**
 * The one statement behind surveyStats: the groups' counts summed over the rollup (whole UTC months
 * and days; only a period's partial-day edges from raw rows), groups with nothing counted left out,
 * answered as ONE row: each grouped key's values as a json array (MONTH: the month's first day) and
 * the groups' sums as one comma-separated list, SURVEY_MEASURES' columns group after group, all in
 * the same group order (the aggregates of one statement read the same rows in the same order). The
 * driver then reads a few texts instead of 18 values per group (a year by agent and month is 12,000
 * groups); the service ranks and orders. Exported for the benchmark, which times it alone.
 */
export function surveyStatsStatement(
  groupBy: readonly SurveyGroup[],
  from: Date,
  to: Date,
  scope: StatsScope,
): { sql: string; params: unknown[] } {
  const groups = SURVEY_GROUPS.filter((g) => groupBy.includes(g));
  const all = scope.centerIds === null && scope.employeeNos === null;
  // nothing finer than agent, center and month: one AGENT_MONTH row per agent and month
  const source = surveyPeriodSource(from, to, {
    agentMonths: !groups.includes('TEAM') && !groups.includes('QUEUE'),
  });
  // every caller's scope is one of: all (no condition at all), or centers and agents
  const scoped = all ? '' : `where ${SCOPE_SQL}`;
  const keys = groups.map((g) => `${KEY_SQL[g]} as "${g}"`);
  return {
    sql: `select ${groups.map((g) => `json_agg("${g}")::text as "${g}", `).join('')}string_agg(concat_ws(',', ${MEASURE_COLUMNS.join(', ')}), ',') as measures
     from (
       select ${[...keys, ...MEASURE_COLUMNS.map((c) => `sum(${c}) as ${c}`)].join(', ')}
       from (${source.sql}) as source
       ${scoped}
       ${groups.length ? `group by ${groups.map((_, i) => i + 1).join(', ')}` : ''}
       having ${MEASURE_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or ')}
     ) as totals`,
    params: [
      ...source.params,
      ...(all ? [] : [false, JSON.stringify(scope.centerIds ?? []), JSON.stringify(scope.employeeNos ?? [])]),
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
    const statement = surveyStatsStatement(groupBy, from, to, scope);
    const [answer] = await this.em.execute<Answer[]>(statement.sql, statement.params);
    const sums = answer.measures ? (JSON.parse(`[${answer.measures}]`) as number[]) : [];
    const count = sums.length / MEASURES;
    const keyOf = (g: SurveyGroup): (string | null)[] | null =>
      groupBy.includes(g) ? (JSON.parse(answer[g] ?? '[]') as (string | null)[]) : null;
    const [agents, teams, centers, queues, monthStarts] = SURVEY_GROUPS.map(keyOf);
    const rankOf = RANK_OF[rankBy];
    const rows = new Array<SurveyStatsRow & Rankable>(count);
    for (let i = 0; i < count; i++) {
      const totals = {} as SurveyTotals;
      for (let m = 0; m < MEASURES; m++) totals[SURVEY_MEASURES[m].total] = sums[i * MEASURES + m];
      const agent = agents ? agents[i] : null;
      const team = teams ? teams[i] : null;
      const center = centers ? centers[i] : null;
      const queue = queues ? queues[i] : null;
      const month = monthStarts ? (monthStarts[i]?.slice(0, 7) ?? null) : null;
      const rank = rankOf(totals);
      const ranked = agents !== null && agent !== null && rank.n >= minResponses;
      rows[i] = {
        agent,
        team,
        center,
        queue,
        month,
        agentEmployeeNo: agent,
        teamId: team,
        centerId: center,
        queueCode: queue,
        totals,
        optedOut: totals.invitationsOptedOut,
        csat: csat(totals),
        nps: nps(totals),
        ces: ces(totals),
        responseRate: responseRate(totals),
        insufficientSample: insufficientSample(rank.n, minResponses),
        rankValue: ranked ? rank.value : null,
        rankN: ranked ? rank.n : null,
        rank: null,
      };
    }
    // the answer's order and the ranks per peers, arithmetic on the groups' own figures
    return rankAndOrder(rows);
  }
}
