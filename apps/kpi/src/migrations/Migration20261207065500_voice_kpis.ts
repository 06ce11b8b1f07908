import { Migration } from '@mikro-orm/migrations';

export class Migration20261207065500_voice_kpis extends Migration {

  // The voice of the customer's KPIs (issue 19 part 5), from voc's Performance.voice.
  // NPS (−100…100) and CES (1–7) are scores shown as numbers: PERCENT_POINTS is the unit that does so.
  override async up(): Promise<void> {
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('CSAT', 'Customer satisfaction (CSAT)', 'CSAT responses scoring 4 or 5 of 5 / CSAT responses (METRICS.md csat)', 'RATIO', 'HIGHER_IS_BETTER', 'voice', 'csat', '0.0%', 0, 20),
      ('NPS', 'Net promoter score', '100 × (promoters 9–10 − detractors 0–6) / NPS responses (METRICS.md nps)', 'PERCENT_POINTS', 'HIGHER_IS_BETTER', 'voice', 'nps', '0', 0, 21),
      ('CES', 'Customer effort score', 'Mean CES answer on 1–7, 7 the easiest (METRICS.md ces)', 'PERCENT_POINTS', 'HIGHER_IS_BETTER', 'voice', 'ces', '0.0', 0, 22),
      ('SURVEY_RESPONSE_RATE', 'Survey response rate', 'Finished invitations / (sent + opened + finished + expired), opt-outs left out (METRICS.md responseRate)', 'RATIO', 'HIGHER_IS_BETTER', 'voice', 'surveyResponseRate', '0.0%', 0, 23)
      on conflict ("code") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "kpi_definition" where "code" in ('CSAT', 'NPS', 'CES', 'SURVEY_RESPONSE_RATE') and not exists (select 1 from "kpi_target" t where t."kpi_code" = "kpi_definition"."code");`);
  }

}
