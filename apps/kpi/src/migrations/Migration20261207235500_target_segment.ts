import { Migration } from '@mikro-orm/migrations';

// Issue 20 item 5: a KPI target may be for one customer segment (a tighter service level for VIP);
// null is every contact's, as before. One target per KPI, scope, segment and first day.

export class Migration20261207235500_target_segment extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "kpi_target" add column "segment" text null, add constraint kpi_target_segment_known check (segment in ('STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE'));`,
    );
    this.addSql(`drop index "kpi_target_one_per_start";`);
    this.addSql(
      `create unique index "kpi_target_one_per_start" on "kpi_target" ("kpi_code", "scope_type", coalesce("scope_id", '00000000-0000-0000-0000-000000000000'), coalesce("segment", ''), "valid_from");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "kpi_target" where "segment" is not null;`);
    this.addSql(`drop index "kpi_target_one_per_start";`);
    this.addSql(
      `create unique index "kpi_target_one_per_start" on "kpi_target" ("kpi_code", "scope_type", coalesce("scope_id", '00000000-0000-0000-0000-000000000000'), "valid_from");`,
    );
    this.addSql(`alter table "kpi_target" drop constraint kpi_target_segment_known, drop column "segment";`);
  }
}
