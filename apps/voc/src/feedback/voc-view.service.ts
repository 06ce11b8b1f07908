import type { EntityManager } from '@mikro-orm/postgresql';
import {
  emptySurveyTotals,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  repeatContactRate,
  surveyMetrics,
  type SampledValue,
  type SurveyMetrics,
} from '@switchboard/metrics';
import { checkPeriod } from '@switchboard/subgraph-kit';
import { NO_CATEGORY } from './feedback-rules';
import { FEEDBACK_RULES_V1 } from './feedback-rules.v1';

/** Who the caller sees: everything (null) or these centers and agents. */
export interface ViewScope {
  centerIds: string[] | null;
  employeeNos: string[] | null;
}

export interface VocCategoryRow extends Pick<SurveyMetrics, 'csat' | 'nps'> {
  category: string;
  nameEn: string;
  nameZh: string;
  feedback: number;
  previousFeedback: number;
  /** feedback − previousFeedback. */
  change: number;
  /** change / previousFeedback; null when the previous period had none. */
  changeRate: number | null;
  /** Feedback whose customer contacted again within 7 days after the contact / feedback with a known repeat. */
  repeatContactRate: SampledValue;
}

export interface VocView {
  from: Date;
  to: Date;
  previousFrom: Date;
  categories: VocCategoryRow[];
}

interface Aggregate {
  category: string;
  /** The category's names in the newest stored rule set that has it (null: version 1's, or none). */
  name_en: string | null;
  name_zh: string | null;
  n: number;
  previous: number;
  csat_n: number;
  csat_top: number;
  nps_n: number;
  promoters: number;
  detractors: number;
  repeat_n: number;
  repeats: number;
}

const NAMES = new Map(FEEDBACK_RULES_V1.categories.map((c) => [c.code, c]));

/**
 * The VOC view of a period: feedback per category with the change against the period just before
 * (as long), the CSAT and NPS of the surveys whose verbatims fell in each category, and how often
 * their customers contacted again within 7 days (settled once the window closed, see
 * feedback-repeat.service.ts); one statement, counts in SQL.
 */
export class VocViewService {
  constructor(private readonly em: EntityManager) {}

  async view(from: Date, to: Date, scope: ViewScope, centerId: string | null, top: number): Promise<VocView> {
    checkPeriod(from, to);
    const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
    const all = scope.centerIds === null && scope.employeeNos === null;
    // each category's names looked up once per category (not per feedback): the newest stored version having it
    const rows = await this.em.execute<Aggregate[]>(
      `select g.*, n.names->>'nameEn' as name_en, n.names->>'nameZh' as name_zh from (select f.category,
         (count(*) filter (where f.occurred_at >= ?))::int as n,
         (count(*) filter (where f.occurred_at < ?))::int as previous,
         (count(*) filter (where f.occurred_at >= ? and r.kind = 'CSAT'))::int as csat_n,
         (count(*) filter (where f.occurred_at >= ? and r.kind = 'CSAT' and r.top_box))::int as csat_top,
         (count(*) filter (where f.occurred_at >= ? and r.kind = 'NPS'))::int as nps_n,
         (count(*) filter (where f.occurred_at >= ? and r.kind = 'NPS' and r.score >= ${NPS_PROMOTER_MIN}))::int as promoters,
         (count(*) filter (where f.occurred_at >= ? and r.kind = 'NPS' and r.score <= ${NPS_DETRACTOR_MAX}))::int as detractors,
         (count(*) filter (where f.occurred_at >= ? and f.repeat_contact is not null))::int as repeat_n,
         (count(*) filter (where f.occurred_at >= ? and f.repeat_contact))::int as repeats
       from voc_feedback f left join voc_survey_response r on r.id = f.response_id and r.withdrawn_at is null
       where f.occurred_at >= ? and f.occurred_at < ?
         and (?::text is null or f.center_id::text = ?::text)
         and (?::boolean or f.center_id::text in (select jsonb_array_elements_text(?::jsonb))
           or f.agent_employee_no in (select jsonb_array_elements_text(?::jsonb)))
       group by f.category) g
       left join lateral (select c as names from voc_feedback_rule_set s, jsonb_array_elements(s.categories) c
         where c->>'code' = g.category order by s.version desc limit 1) n on true`,
      [
        ...Array(9).fill(from),
        previousFrom,
        to,
        centerId,
        centerId,
        all,
        JSON.stringify(scope.centerIds ?? []),
        JSON.stringify(scope.employeeNos ?? []),
      ],
    );
    const categories = rows
      .filter((r) => r.n > 0 || r.previous > 0)
      .map((r) => {
        const totals = {
          ...emptySurveyTotals(),
          csatResponses: r.csat_n,
          csatTopBox: r.csat_top,
          npsResponses: r.nps_n,
          promoters: r.promoters,
          detractors: r.detractors,
        };
        const metrics = surveyMetrics(totals);
        const names = NAMES.get(r.category);
        return {
          category: r.category,
          nameEn: r.name_en ?? names?.nameEn ?? (r.category === NO_CATEGORY ? 'Uncategorized' : r.category),
          nameZh: r.name_zh ?? names?.nameZh ?? (r.category === NO_CATEGORY ? '未分类' : r.category),
          feedback: r.n,
          previousFeedback: r.previous,
          change: r.n - r.previous,
          changeRate: r.previous ? (r.n - r.previous) / r.previous : null,
          csat: metrics.csat,
          nps: metrics.nps,
          repeatContactRate: repeatContactRate(r.repeats, r.repeat_n),
        };
      })
      .sort((a, b) => b.feedback - a.feedback || b.change - a.change || (a.category < b.category ? -1 : 1))
      .slice(0, top);
    return { from, to, previousFrom, categories };
  }
}
