import type { EntityManager } from '@mikro-orm/postgresql';
import {
  emptySurveyTotals,
  insufficientSample,
  surveyMetrics,
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

type Aggregate = Record<string, string | number | null>;

const SCOPE_SQL = `(?::boolean or center_id::text in (select jsonb_array_elements_text(?::jsonb))
  or agent_employee_no in (select jsonb_array_elements_text(?::jsonb)))`;

/** Code-point order, nulls first (keys are codes and ids: no collation needed, and far cheaper). */
const byText = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

const MEASURE_COLUMNS = SURVEY_MEASURES.map((m) => m.column);

/**
 * The one statement behind surveyStats: the groups' summed counts over the rollup (whole UTC months
 * and days; only a period's partial-day edges from raw rows), groups with nothing counted left out.
 * Exported for the benchmark, which times the statement alone.
 */
export function surveyStatsStatement(
  groupBy: readonly SurveyGroup[],
  from: Date,
  to: Date,
  scope: StatsScope,
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
  return {
    sql: `select ${keys}, ${MEASURE_COLUMNS.map((c) => `coalesce(sum(${c}), 0)::float8 as ${c}`).join(', ')}
       from (${source.sql}) as source
       ${scoped}
       ${groupSql}
       having ${MEASURE_COLUMNS.map((c) => `coalesce(sum(${c}), 0) <> 0`).join(' or ')}`,
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
    const groups = SURVEY_GROUPS.filter((g) => groupBy.includes(g));
    const statement = surveyStatsStatement(groups, from, to, scope);
    const aggregates = await this.em.execute<Aggregate[]>(statement.sql, statement.params);
    const metric = { CSAT: 'csat', NPS: 'nps', CES: 'ces' } as const;
    const rows: SurveyStatsRow[] = aggregates.map((row) => {
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
        optedOut: totals.invitationsOptedOut,
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
        // ids, codes and months hold no tab: a joined key, not a JSON text per row
        const id = `${r.teamId}\t${r.centerId}\t${r.queueCode}\t${r.month}`;
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
            byText(a.agentEmployeeNo, b.agentEmployeeNo),
        );
        list.forEach((r, i) => (r.rank = i + 1));
      }
    }
    return rows.sort(
      (a, b) =>
        byText(a.month, b.month) ||
        byText(a.centerId, b.centerId) ||
        byText(a.teamId, b.teamId) ||
        byText(a.queueCode, b.queueCode) ||
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        byText(a.agentEmployeeNo, b.agentEmployeeNo),
    );
  }
}
