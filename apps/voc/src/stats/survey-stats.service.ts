import type { EntityManager } from '@mikro-orm/postgresql';
import {
  emptySurveyTotals,
  insufficientSample,
  surveyMetrics,
  type SurveyMetrics,
  type SurveyTotals,
} from '@switchboard/metrics';
import { checkPeriod } from '@switchboard/subgraph-kit';

export const SURVEY_GROUPS = ['AGENT', 'CENTER', 'QUEUE', 'MONTH'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];
export const SURVEY_RANK_METRICS = ['CSAT', 'NPS', 'CES'] as const;
export type SurveyRankMetric = (typeof SURVEY_RANK_METRICS)[number];

/** The SQL expression of each group key (MONTH: of the contact's arrival, in UTC). */
const KEY_SQL: Record<SurveyGroup, string> = {
  AGENT: 'agent_employee_no',
  CENTER: 'center_id::text',
  QUEUE: 'queue_code',
  MONTH: `to_char(contact_arrived_at at time zone 'UTC', 'YYYY-MM')`,
};

/** Who the caller sees: everything (null) or these centers and agents. */
export interface StatsScope {
  centerIds: string[] | null;
  employeeNos: string[] | null;
}

export interface SurveyStatsRow extends SurveyMetrics {
  agentEmployeeNo: string | null;
  centerId: string | null;
  queueCode: string | null;
  month: string | null;
  totals: SurveyTotals;
  /** The ranking metric's n is below `minResponses`: not ranked. */
  insufficientSample: boolean;
  /** 1 = best by the ranking metric among agents with enough responses; null when not ranked. */
  rank: number | null;
}

interface Aggregate {
  agent: string | null;
  center: string | null;
  queue: string | null;
  month: string | null;
  [count: string]: string | number | null;
}

const SCOPE_SQL = `(?::boolean or center_id::text in (select jsonb_array_elements_text(?::jsonb))
  or agent_employee_no in (select jsonb_array_elements_text(?::jsonb)))`;

/**
 * CSAT, NPS, CES and response rate per group, each with its n and 95 % interval, from two SQL
 * aggregates (responses and invitations, never row by row in JS); agents with fewer responses than
 * `minResponses` on the ranking metric are flagged and left out of the ranking.
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
    const select = (g: SurveyGroup, alias: string) =>
      (groups.includes(g) ? `${KEY_SQL[g]}` : 'null::text') + ` as ${alias}`;
    const keys = `${select('AGENT', 'agent')}, ${select('CENTER', 'center')}, ${select('QUEUE', 'queue')}, ${select('MONTH', 'month')}`;
    // the columns' positions in the select list: agent 1, center 2, queue 3, month 4
    const groupSql = groups.length
      ? `group by ${groups.map((g) => SURVEY_GROUPS.indexOf(g) + 1).join(', ')}`
      : '';
    const all = scope.centerIds === null && scope.employeeNos === null;
    const params = [
      from,
      to,
      all,
      JSON.stringify(scope.centerIds ?? []),
      JSON.stringify(scope.employeeNos ?? []),
    ];
    const connection = this.em.getConnection();
    const [responses, invitations] = await Promise.all([
      connection.execute<Aggregate[]>(
        `select ${keys},
          (count(*) filter (where kind = 'CSAT'))::int as csat_n,
          (count(*) filter (where kind = 'CSAT' and top_box))::int as csat_top,
          (count(*) filter (where kind = 'NPS'))::int as nps_n,
          (count(*) filter (where kind = 'NPS' and score >= 9))::int as promoters,
          (count(*) filter (where kind = 'NPS' and score <= 6))::int as detractors,
          (count(*) filter (where kind = 'CES'))::int as ces_n,
          coalesce(sum(score) filter (where kind = 'CES'), 0)::float8 as ces_sum,
          coalesce(sum(score * score) filter (where kind = 'CES'), 0)::float8 as ces_sq
        from voc_survey_response
        where contact_arrived_at >= ? and contact_arrived_at < ? and ${SCOPE_SQL}
        ${groupSql}`,
        params,
      ),
      connection.execute<Aggregate[]>(
        `select ${keys},
          (count(*) filter (where status = 'SENT'))::int as sent,
          (count(*) filter (where status = 'OPENED'))::int as opened,
          (count(*) filter (where status = 'FINISHED'))::int as finished,
          (count(*) filter (where status = 'EXPIRED'))::int as expired,
          (count(*) filter (where status = 'OPTED_OUT'))::int as opted_out
        from voc_survey_invitation
        where contact_arrived_at >= ? and contact_arrived_at < ? and ${SCOPE_SQL}
        ${groupSql}`,
        params,
      ),
    ]);
    const byKey = new Map<string, { key: Aggregate; totals: SurveyTotals }>();
    const entry = (row: Aggregate) => {
      const id = JSON.stringify([row.agent, row.center, row.queue, row.month]);
      let found = byKey.get(id);
      if (!found) byKey.set(id, (found = { key: row, totals: emptySurveyTotals() }));
      return found.totals;
    };
    const n = (value: string | number | null) => Number(value ?? 0);
    for (const row of responses) {
      const t = entry(row);
      t.csatResponses = n(row.csat_n);
      t.csatTopBox = n(row.csat_top);
      t.npsResponses = n(row.nps_n);
      t.promoters = n(row.promoters);
      t.detractors = n(row.detractors);
      t.cesResponses = n(row.ces_n);
      t.cesSum = n(row.ces_sum);
      t.cesSumOfSquares = n(row.ces_sq);
    }
    for (const row of invitations) {
      const t = entry(row);
      t.invitationsSent = n(row.sent);
      t.invitationsOpened = n(row.opened);
      t.invitationsFinished = n(row.finished);
      t.invitationsExpired = n(row.expired);
      t.invitationsOptedOut = n(row.opted_out);
    }
    const metric = { CSAT: 'csat', NPS: 'nps', CES: 'ces' } as const;
    const rows: SurveyStatsRow[] = [...byKey.values()].map(({ key, totals }) => {
      const metrics = surveyMetrics(totals);
      return {
        agentEmployeeNo: key.agent,
        centerId: key.center,
        queueCode: key.queue,
        month: key.month,
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
        const id = JSON.stringify([r.centerId, r.queueCode, r.month]);
        peers.set(id, [...(peers.get(id) ?? []), r]);
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
        (a.queueCode ?? '').localeCompare(b.queueCode ?? '') ||
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        (a.agentEmployeeNo ?? '').localeCompare(b.agentEmployeeNo ?? ''),
    );
  }
}
