import { Migration } from '@mikro-orm/migrations';

/**
 * The care KPIs (issue 18) into the catalog, read from Performance.customer (care), and a COUNT unit
 * for OVERDUE_COMMITMENTS. The enum is rebuilt rather than extended: the migrations run in one
 * transaction, and a value added by ALTER TYPE ... ADD VALUE cannot be used before it commits.
 */
export class Migration20261207070000_care_kpis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "kpi_unit" rename to "kpi_unit_before_count";`);
    this.addSql(`create type "kpi_unit" as enum ('RATIO', 'SECONDS', 'PERCENT_POINTS', 'COUNT');`);
    this.addSql(
      `alter table "kpi_definition" alter column "unit" type "kpi_unit" using "unit"::text::"kpi_unit";`,
    );
    this.addSql(`drop type "kpi_unit_before_count";`);
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('PROMISE_KEPT_RATE', 'Promise-kept rate', 'Follow-up promises kept by their due time / promises due (cancelled and superseded left out)', 'RATIO', 'HIGHER_IS_BETTER', 'customer', 'promiseKeptRate', '0.0%', 0, 30),
      ('OVERDUE_COMMITMENTS', 'Overdue commitments', 'Promises of any due time, open or broken and past due at the end of the period', 'COUNT', 'LOWER_IS_BETTER', 'customer', 'overdueCommitments', '0', 0, 31),
      ('ESCALATION_RATE', 'Escalation rate', 'Promises due that were escalated (level 1 or more) at or after their due time / promises due', 'RATIO', 'LOWER_IS_BETTER', 'customer', 'escalationRate', '0.0%', 0, 32),
      ('CASE_REPEAT_RATE', 'Case repeat rate', 'Cases opened with 2 or more inbound customer contacts / cases opened', 'RATIO', 'LOWER_IS_BETTER', 'customer', 'caseRepeatRate', '0.0%', 0, 33),
      ('HANDOFF_RATE', 'Hand-off rate', 'Cases opened whose owning department changed 2 or more times / cases opened', 'RATIO', 'LOWER_IS_BETTER', 'customer', 'handoffRate', '0.0%', 0, 34);`);
    // A database already holding targets (one in use) gets the default global targets of the new
    // KPIs; a new one gets them with the others from the demo seed or its administrator.
    this.addSql(`insert into "kpi_target" ("id", "kpi_code", "scope_type", "scope_id", "target", "amber_band", "valid_from", "valid_to", "created_at")
      select gen_random_uuid(), d.code, 'GLOBAL', null, d.target, d.amber_band, date '2020-01-01', null, now()
        from (values ('PROMISE_KEPT_RATE', 0.9, 0.05), ('OVERDUE_COMMITMENTS', 0, 3), ('ESCALATION_RATE', 0.1, 0.05),
                     ('CASE_REPEAT_RATE', 0.2, 0.1), ('HANDOFF_RATE', 0.05, 0.05)) as d(code, target, amber_band)
       where exists (select 1 from "kpi_target");`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `delete from "kpi_target" where "kpi_code" in ('PROMISE_KEPT_RATE', 'OVERDUE_COMMITMENTS', 'ESCALATION_RATE', 'CASE_REPEAT_RATE', 'HANDOFF_RATE');`,
    );
    this.addSql(
      `delete from "kpi_definition" where "code" in ('PROMISE_KEPT_RATE', 'OVERDUE_COMMITMENTS', 'ESCALATION_RATE', 'CASE_REPEAT_RATE', 'HANDOFF_RATE');`,
    );
    this.addSql(`alter type "kpi_unit" rename to "kpi_unit_with_count";`);
    this.addSql(`create type "kpi_unit" as enum ('RATIO', 'SECONDS', 'PERCENT_POINTS');`);
    this.addSql(
      `alter table "kpi_definition" alter column "unit" type "kpi_unit" using "unit"::text::"kpi_unit";`,
    );
    this.addSql(`drop type "kpi_unit_with_count";`);
  }
}
