import { Migration } from '@mikro-orm/migrations';

/** The outcome KPIs of issue 20 (METRICS.md "Outcomes"), read from Performance.traffic. */
export class Migration20261207072500_outcome_kpis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('CONVERSION_RATE', 'Conversion rate', 'Answered contacts with a sale-class outcome / answered contacts with an offer made', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'conversionRate', '0.0%', 0, 40),
      ('OFFER_RATE', 'Offer rate', 'Answered contacts with an offer made / eligible answered contacts', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'offerRate', '0.0%', 0, 41),
      ('RETENTION_SAVE_RATE', 'Retention save rate', 'Saves / (saves + lost + cancellations processed)', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'retentionSaveRate', '0.0%', 0, 42),
      ('DISPOSITION_COMPLIANCE', 'Disposition compliance', 'Answered contacts with one of their queue''s required codes / answered contacts on queues requiring one', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'dispositionCompliance', '0.0%', 0, 43)
      on conflict ("code") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `delete from "kpi_definition" where "code" in ('CONVERSION_RATE', 'OFFER_RATE', 'RETENTION_SAVE_RATE', 'DISPOSITION_COMPLIANCE');`,
    );
  }
}
