import type { EntityManager } from '@mikro-orm/postgresql';
import { emptySurveyTotals, surveyMetrics, type SurveyTotals } from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { SURVEY_MEASURES } from '../rollup/survey-measures';
import { surveyPeriodSource } from '../rollup/survey-rollup.read';
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
 * The survey totals of every group, one statement per distinct period (a request's records usually
 * share one): the rollup's rows of the period joined with each group's agents.
 */
export async function voiceTotals(em: EntityManager, groups: readonly VoiceGroup[]): Promise<SurveyTotals[]> {
  const byPeriod = new Map<string, VoiceGroup[]>();
  for (const g of groups) {
    const list = byPeriod.get(periodId(g));
    if (list) list.push(g);
    else byPeriod.set(periodId(g), [g]);
  }
  const totals = new Map<string, SurveyTotals>();
  await Promise.all(
    [...byPeriod.entries()].map(async ([period, list]) => {
      const source = surveyPeriodSource(list[0].from, list[0].to);
      const members = list.flatMap((g) =>
        g.employeeNos.map((employee_no) => ({ record: g.key, employee_no })),
      );
      const rows = await em.getConnection().execute<Record<string, string | number>[]>(
        `select m.record, ${SURVEY_MEASURES.map((m) => `coalesce(sum(s.${m.column}), 0)::float8 as ${m.column}`).join(', ')}
         from (${source.sql}) as s
         join jsonb_to_recordset(?::jsonb) as m(record text, employee_no text) on m.employee_no = s.agent_employee_no
         group by m.record`,
        [...source.params, JSON.stringify(members)],
      );
      for (const row of rows) {
        const t = emptySurveyTotals();
        for (const m of SURVEY_MEASURES) t[m.total] = Number(row[m.column]);
        totals.set(`${period}|${row.record}`, t);
      }
    }),
  );
  return groups.map((g) => totals.get(`${periodId(g)}|${g.key}`) ?? emptySurveyTotals());
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
