import { Check, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * DAY and MONTH: per center, team, agent and queue. AGENT_MONTH: per center and agent only (team and
 * queue null), so a year by agent and month reads one row per agent and month (surveyStats grouped by
 * AGENT, CENTER or MONTH and nothing else).
 */
export const ROLLUP_GRAINS = ['DAY', 'MONTH', 'AGENT_MONTH'] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/**
 * Survey counts per UTC day and per UTC month of the contact's arrival, center, team (the agent's
 * team on that day, from staff at write time), agent and queue: the measures of SURVEY_MEASURES,
 * kept by the import in the transaction that writes the responses. `surveyStats` reads whole
 * months and days here and only a period's partial-day edges from the raw rows.
 */
@Entity({ tableName: 'voc_survey_rollup' })
@Index({
  name: 'voc_survey_rollup_key',
  expression:
    'create unique index "voc_survey_rollup_key" on "voc_survey_rollup" ("grain", "period_start", "center_id", "team_id", "agent_employee_no", "queue_code") nulls not distinct',
})
@Check({ name: 'voc_survey_rollup_grain', expression: "grain in ('DAY', 'MONTH', 'AGENT_MONTH')" })
export class SurveyRollup {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  grain!: RollupGrain;

  /** First day of the UTC day or month (AGENT_MONTH: month). */
  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'text', nullable: true })
  agentEmployeeNo: string | null = null;

  @Property({ type: 'text', nullable: true })
  queueCode: string | null = null;

  @Property({ type: 'int', default: 0 }) csatN = 0;
  @Property({ type: 'int', default: 0 }) csatTop = 0;
  @Property({ type: 'int', default: 0 }) npsN = 0;
  @Property({ type: 'int', default: 0 }) promoters = 0;
  @Property({ type: 'int', default: 0 }) detractors = 0;
  @Property({ type: 'int', default: 0 }) cesN = 0;
  @Property({ type: 'int', default: 0 }) cesSum = 0;
  @Property({ type: 'int', default: 0 }) cesSq = 0;
  @Property({ type: 'int', default: 0 }) sent = 0;
  @Property({ type: 'int', default: 0 }) opened = 0;
  @Property({ type: 'int', default: 0 }) finished = 0;
  @Property({ type: 'int', default: 0 }) expired = 0;
  @Property({ type: 'int', default: 0 }) optedOut = 0;
}
