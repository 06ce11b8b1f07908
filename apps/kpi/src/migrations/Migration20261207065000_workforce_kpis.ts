import { Migration } from '@mikro-orm/migrations';

/** Issue 21: schedule adherence and conformance join the catalog, read from wfm's Performance.workforce. */
export class Migration20261207065000_workforce_kpis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('ADHERENCE', 'Schedule adherence', '1 − scheduled seconds in a state the scheduled activity does not allow / scheduled seconds (METRICS.md)', 'RATIO', 'HIGHER_IS_BETTER', 'workforce', 'adherence', '0.0%', 0, 13),
      ('CONFORMANCE', 'Conformance', 'On-queue seconds worked / on-queue seconds scheduled, may exceed 100 % (METRICS.md)', 'RATIO', 'HIGHER_IS_BETTER', 'workforce', 'conformance', '0.0%', 0, 14)
      on conflict ("code") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "kpi_target" where "kpi_code" in ('ADHERENCE', 'CONFORMANCE');`);
    this.addSql(`delete from "kpi_definition" where "code" in ('ADHERENCE', 'CONFORMANCE');`);
  }
}
