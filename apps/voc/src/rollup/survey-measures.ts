import { NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN, type SurveyTotals } from '@switchboard/metrics';
import type { InvitationStatus, SurveyKind } from '../model/enums';

/**
 * THE list of survey rollup measures: the rollup's columns, its upsert, the stats query's sums
 * and the raw-row aggregate all derive from it (a spec checks the entity's columns against it).
 */
export const SURVEY_MEASURES = [
  { column: 'csat_n', total: 'csatResponses' },
  { column: 'csat_top', total: 'csatTopBox' },
  { column: 'nps_n', total: 'npsResponses' },
  { column: 'promoters', total: 'promoters' },
  { column: 'detractors', total: 'detractors' },
  { column: 'ces_n', total: 'cesResponses' },
  { column: 'ces_sum', total: 'cesSum' },
  { column: 'ces_sq', total: 'cesSumOfSquares' },
  { column: 'sent', total: 'invitationsSent' },
  { column: 'opened', total: 'invitationsOpened' },
  { column: 'finished', total: 'invitationsFinished' },
  { column: 'expired', total: 'invitationsExpired' },
  { column: 'opted_out', total: 'invitationsOptedOut' },
] as const satisfies readonly { column: string; total: keyof SurveyTotals }[];

export type SurveyMeasureColumn = (typeof SURVEY_MEASURES)[number]['column'];
export type MeasureDelta = Partial<Record<SurveyMeasureColumn, number>>;

/** Each measure of one response row, as SQL over `voc_survey_response` (raw edges of a period). */
export const RESPONSE_MEASURE_SQL: Partial<Record<SurveyMeasureColumn, string>> = {
  csat_n: `count(*) filter (where kind = 'CSAT')`,
  csat_top: `count(*) filter (where kind = 'CSAT' and top_box)`,
  nps_n: `count(*) filter (where kind = 'NPS')`,
  promoters: `count(*) filter (where kind = 'NPS' and score >= ${NPS_PROMOTER_MIN})`,
  detractors: `count(*) filter (where kind = 'NPS' and score <= ${NPS_DETRACTOR_MAX})`,
  ces_n: `count(*) filter (where kind = 'CES')`,
  ces_sum: `coalesce(sum(score) filter (where kind = 'CES'), 0)`,
  ces_sq: `coalesce(sum(score * score) filter (where kind = 'CES'), 0)`,
};

/** Each measure of one invitation row, as SQL over `voc_survey_invitation`. */
export const INVITATION_MEASURE_SQL: Partial<Record<SurveyMeasureColumn, string>> = {
  sent: `count(*) filter (where status = 'SENT')`,
  opened: `count(*) filter (where status = 'OPENED')`,
  finished: `count(*) filter (where status = 'FINISHED')`,
  expired: `count(*) filter (where status = 'EXPIRED')`,
  opted_out: `count(*) filter (where status = 'OPTED_OUT')`,
};

const STATUS_COLUMN: Record<InvitationStatus, SurveyMeasureColumn> = {
  SENT: 'sent',
  OPENED: 'opened',
  FINISHED: 'finished',
  EXPIRED: 'expired',
  OPTED_OUT: 'opted_out',
};

/** What one recorded response adds (the same rules as RESPONSE_MEASURE_SQL). */
export function responseDelta(kind: SurveyKind, score: number, topBox: boolean | null): MeasureDelta {
  if (kind === 'CSAT') return { csat_n: 1, csat_top: topBox ? 1 : 0 };
  if (kind === 'NPS')
    return {
      nps_n: 1,
      promoters: score >= NPS_PROMOTER_MIN ? 1 : 0,
      detractors: score <= NPS_DETRACTOR_MAX ? 1 : 0,
    };
  return { ces_n: 1, ces_sum: score, ces_sq: score * score };
}

/** What an invitation moving from `from` (null: new) to `to` changes. */
export function statusDelta(from: InvitationStatus | null, to: InvitationStatus): MeasureDelta {
  const delta: MeasureDelta = { [STATUS_COLUMN[to]]: 1 };
  if (from) delta[STATUS_COLUMN[from]] = (delta[STATUS_COLUMN[from]] ?? 0) - 1;
  return delta;
}
