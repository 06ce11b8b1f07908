import { Migration } from '@mikro-orm/migrations';

/**
 * The survey rollup's AGENT_MONTH grain (issue 19: surveyStats by agent and month over a year): one row
 * per month, center and agent, team and queue summed away, so the year's 12,000 agent-months are read
 * as they are. A database in use gets them from its MONTH rows.
 */
export class Migration20261207100021_survey_rollup_agent_month extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "voc_survey_rollup" drop constraint voc_survey_rollup_grain;`);
    this.addSql(
      `alter table "voc_survey_rollup" add constraint voc_survey_rollup_grain check(grain in ('DAY', 'MONTH', 'AGENT_MONTH'));`,
    );
    const measures = [
      'csat_n',
      'csat_top',
      'nps_n',
      'promoters',
      'detractors',
      'ces_n',
      'ces_sum',
      'ces_sq',
      'sent',
      'opened',
      'finished',
      'expired',
      'opted_out',
    ];
    this.addSql(
      `insert into "voc_survey_rollup" (grain, period_start, center_id, team_id, agent_employee_no, queue_code, ${measures.join(', ')})
       select 'AGENT_MONTH', period_start, center_id, null, agent_employee_no, null, ${measures.map((m) => `sum(${m})`).join(', ')}
         from "voc_survey_rollup" where grain = 'MONTH' group by period_start, center_id, agent_employee_no;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "voc_survey_rollup" where grain = 'AGENT_MONTH';`);
    this.addSql(`alter table "voc_survey_rollup" drop constraint voc_survey_rollup_grain;`);
    this.addSql(
      `alter table "voc_survey_rollup" add constraint voc_survey_rollup_grain check(grain in ('DAY', 'MONTH'));`,
    );
  }
}
