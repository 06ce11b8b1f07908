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

/** Where each total sits among a group's sums (SURVEY_MEASURES' order). */
const AT = Object.fromEntries(SURVEY_MEASURES.map((m, i) => [m.total, i])) as Record<
  keyof SurveyTotals,
  number
>;

/** A group's totals at `offset` of the flat sums: one literal, so every group's object has one shape. */
const totalsAt = (sums: readonly number[], offset: number): SurveyTotals => ({
  csatResponses: sums[offset + AT.csatResponses],
  csatTopBox: sums[offset + AT.csatTopBox],
  npsResponses: sums[offset + AT.npsResponses],
  promoters: sums[offset + AT.promoters],
  detractors: sums[offset + AT.detractors],
  cesResponses: sums[offset + AT.cesResponses],
  cesSum: sums[offset + AT.cesSum],
  cesSumOfSquares: sums[offset + AT.cesSumOfSquares],
  invitationsSent: sums[offset + AT.invitationsSent],
  invitationsOpened: sums[offset + AT.invitationsOpened],
  invitationsFinished: sums[offset + AT.invitationsFinished],
  invitationsExpired: sums[offset + AT.invitationsExpired],
  invitationsOptedOut: sums[offset + AT.invitationsOptedOut],
});

/** The ranking metric's n and its value's numerator (higher is better, as the figures have it). */
const RANK_OF: Record<SurveyRankMetric, { n: keyof SurveyTotals; sum: (t: SurveyTotals) => number }> = {
  CSAT: { n: 'csatResponses', sum: (t) => t.csatTopBox },
  NPS: { n: 'npsResponses', sum: (t) => t.promoters - t.detractors },
  CES: { n: 'cesResponses', sum: (t) => t.cesSum },
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
      const totals = totalsAt(sums, i * MEASURES);
      const agent = agents ? agents[i] : null;
      const month = monthStarts ? (monthStarts[i]?.slice(0, 7) ?? null) : null;
      const n = totals[rankOf.n];
      const ranked = agent !== null && n >= minResponses;
      rows[i] = {
        agentEmployeeNo: agent,
        teamId: teams ? teams[i] : null,
        centerId: centers ? centers[i] : null,
        queueCode: queues ? queues[i] : null,
        month,
        totals,
        optedOut: totals.invitationsOptedOut,
        csat: csat(totals),
        nps: nps(totals),
        ces: ces(totals),
        responseRate: responseRate(totals),
        insufficientSample: insufficientSample(n, minResponses),
        rankValue: ranked ? rankOf.sum(totals) / n : null,
        rankN: ranked ? n : null,
        rank: null,
      };
    }
    // the answer's order and the ranks per peers, arithmetic on the groups' own figures
    return rankAndOrder(rows);
  }
}
