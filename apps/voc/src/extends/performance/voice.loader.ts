import type { EntityManager } from '@mikro-orm/postgresql';
import { emptySurveyTotals, surveyMetrics, type SurveyTotals } from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { SURVEY_MEASURES } from '../../rollup/survey-measures';
import { surveyPeriodSource } from '../../rollup/survey-rollup.read';
import { PerformanceVoiceType } from './voice.type';

/** One record's agents for one period. */
export interface VoiceGroup {
  key: string;
  employeeNos: string[];
  from: Date;
  to: Date;
}

const periodId = (g: VoiceGroup): string => `${g.from.toISOString()}/${g.to.toISOString()}`;

/**
 * The survey totals of every group in one statement, whatever their periods (a trend's buckets):
 * each distinct period's rollup rows, tagged with the period, joined with its groups' agents.
 */
export async function voiceTotals(em: EntityManager, groups: readonly VoiceGroup[]): Promise<SurveyTotals[]> {
  if (!groups.length) return [];
  const periods = [...new Map(groups.map((g) => [periodId(g), g])).entries()];
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [index, [, g]] of periods.entries()) {
    // by agent only: whole months from the agents' months (team and queue summed away)
    const source = surveyPeriodSource(g.from, g.to, { agentMonths: true });
    parts.push(`select ${index} as period, s.* from (${source.sql}) as s`);
    params.push(...source.params);
  }
  const index = new Map(periods.map(([id], i) => [id, i]));
  const members = groups.flatMap((g) =>
    g.employeeNos.map((employee_no) => ({ period: index.get(periodId(g)), record: g.key, employee_no })),
  );
  const rows = await em.execute<Record<string, string | number>[]>(
    `select m.period, m.record, ${SURVEY_MEASURES.map((m) => `coalesce(sum(s.${m.column}), 0)::float8 as ${m.column}`).join(', ')}
     from (${parts.join(' union all ')}) as s
     join jsonb_to_recordset(?::jsonb) as m(period int, record text, employee_no text)
       on m.period = s.period and m.employee_no = s.agent_employee_no
     group by m.period, m.record`,
    [...params, JSON.stringify(members)],
  );
  const totals = new Map<string, SurveyTotals>();
  for (const row of rows) {
    const t = emptySurveyTotals();
    for (const m of SURVEY_MEASURES) t[m.total] = Number(row[m.column]);
    totals.set(`${row.period}|${row.record}`, t);
  }
  return groups.map((g) => totals.get(`${index.get(periodId(g))}|${g.key}`) ?? emptySurveyTotals());
}

export function toPerformanceVoiceType(totals: SurveyTotals): PerformanceVoiceType {
  const m = surveyMetrics(totals);
  return Object.assign(new PerformanceVoiceType(), {
    csat: m.csat.value,
    csatResponses: m.csat.n,
    nps: m.nps.value,
    npsResponses: m.nps.n,
    ces: m.ces.value,
    cesResponses: m.ces.n,
    surveyResponseRate: m.responseRate.value,
  });
}

/** Per-request loader: every record of one `_entities` batch shares a statement per period. */
export function voiceLoader(ctx: SubgraphContext): {
  load: (group: VoiceGroup) => Promise<PerformanceVoiceType>;
} {
  const loader = ctx.loaders.get<VoiceGroup, PerformanceVoiceType>('voice', async (groups) =>
    (await voiceTotals(ctx.em, groups)).map(toPerformanceVoiceType),
  );
  return { load: (group) => loader.load(group) };
}
