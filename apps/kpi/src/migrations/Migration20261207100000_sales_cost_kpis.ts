import { Migration } from '@mikro-orm/migrations';

const CODES = "('SALES_PER_HOUR', 'REVENUE_PER_CONTACT', 'COST_PER_CONTACT', 'CENTER_CONTRIBUTION')";

/**
 * The remaining outcome KPIs of issue 20 (METRICS.md "Outcomes"), read from Performance.traffic, and
 * two units for them: PER_HOUR (sales per staffed hour) and MONEY (an amount in CNY, to the cent).
 * The enum is rebuilt rather than extended, as in care_kpis: the migrations run in one transaction,
 * and a value added by ALTER TYPE ... ADD VALUE cannot be used before it commits.
 */
export class Migration20261207100000_sales_cost_kpis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "kpi_unit" rename to "kpi_unit_before_money";`);
    this.addSql(
      `create type "kpi_unit" as enum ('RATIO', 'SECONDS', 'PERCENT_POINTS', 'COUNT', 'PER_HOUR', 'MONEY');`,
    );
    this.addSql(
      `alter table "kpi_definition" alter column "unit" type "kpi_unit" using "unit"::text::"kpi_unit";`,
    );
    this.addSql(`drop type "kpi_unit_before_money";`);
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('SALES_PER_HOUR', 'Sales per hour', 'Sale-class outcomes / logged-in hours of the agents (an agent or a team)', 'PER_HOUR', 'HIGHER_IS_BETTER', 'traffic', 'salesPerHour', '0.00', 0, 44),
      ('REVENUE_PER_CONTACT', 'Revenue per contact', 'Σ sale amount × the product''s margin rate / answered contacts, CNY to the cent', 'MONEY', 'HIGHER_IS_BETTER', 'traffic', 'revenuePerContact', '0.00', 0, 45),
      ('COST_PER_CONTACT', 'Cost per contact', 'Σ handle hours × the standard cost rate of the center and channel / answered contacts, CNY to the cent', 'MONEY', 'LOWER_IS_BETTER', 'traffic', 'costPerContact', '0.00', 0, 46),
      ('CENTER_CONTRIBUTION', 'Contribution', 'Revenue (sale amount × margin rate) − standard handling cost of the contacts, CNY (a center''s month: its P&L line)', 'MONEY', 'HIGHER_IS_BETTER', 'traffic', 'contribution', '0.00', 0, 47)
      on conflict ("code") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "kpi_target" where "kpi_code" in ${CODES};`);
    this.addSql(`delete from "kpi_definition" where "code" in ${CODES};`);
    this.addSql(`alter type "kpi_unit" rename to "kpi_unit_with_money";`);
    this.addSql(`create type "kpi_unit" as enum ('RATIO', 'SECONDS', 'PERCENT_POINTS', 'COUNT');`);
    this.addSql(
      `alter table "kpi_definition" alter column "unit" type "kpi_unit" using "unit"::text::"kpi_unit";`,
    );
    this.addSql(`drop type "kpi_unit_with_money";`);
  }
}
