import { Migration } from '@mikro-orm/migrations';

/**
 * The complaint KPIs of issue 19 (METRICS.md "Complaints"), read from Performance.complaints (care).
 * Complaints per 10k contacts is a number, not a ratio: PERCENT_POINTS is the unit shown as a number
 * with a decimal (as NPS and CES), and its target range 0..100 holds any sensible target.
 */
export class Migration20261207094000_complaint_kpis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('COMPLAINTS_PER_10K', 'Complaints per 10k contacts', 'Complaints received / answered contacts × 10,000 (a center by its complaints; a team or an agent by the complaints about its agents)', 'PERCENT_POINTS', 'LOWER_IS_BETTER', 'complaints', 'complaintsPer10k', '0.00', 0, 35),
      ('COMPLAINT_TIMELY_RATE', 'Complaint timely rate', 'Complaints closed in the period before their regulatory deadline (15 days, 30 or 60 extended) / complaints closed', 'RATIO', 'HIGHER_IS_BETTER', 'complaints', 'complaintTimelyRate', '0.0%', 0, 36),
      ('UPHELD_RATE', 'Upheld rate', 'Complaints upheld or partially upheld / complaints decided on the merits (withdrawn left out)', 'RATIO', 'LOWER_IS_BETTER', 'complaints', 'upheldRate', '0.0%', 0, 37),
      ('ESCALATED_TO_COMPLAINT_RATE', 'Escalated to complaint rate', 'Cases opened of another type that became complaints / cases opened', 'RATIO', 'LOWER_IS_BETTER', 'complaints', 'escalatedToComplaintRate', '0.0%', 0, 38)
      on conflict ("code") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `delete from "kpi_definition" where "code" in ('COMPLAINTS_PER_10K', 'COMPLAINT_TIMELY_RATE', 'UPHELD_RATE', 'ESCALATED_TO_COMPLAINT_RATE') and not exists (select 1 from "kpi_target" t where t."kpi_code" = "kpi_definition"."code");`,
    );
  }
}
