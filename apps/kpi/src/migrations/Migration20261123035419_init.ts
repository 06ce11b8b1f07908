import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035419_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "kpi_unit" as enum ('RATIO', 'SECONDS', 'PERCENT_POINTS');`);
    this.addSql(`create type "kpi_direction" as enum ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');`);
    this.addSql(`create type "kpi_target_scope_type" as enum ('GLOBAL', 'CENTER', 'QUEUE', 'TEAM');`);
    this.addSql(`create table "kpi_definition" ("code" text not null, "name" text not null, "description" text not null, "unit" "kpi_unit" not null, "direction" "kpi_direction" not null, "source_subgraph" text not null, "source_field" text not null, "display_format" text not null, "default_weight" double precision not null, "sort_order" int not null, constraint "kpi_definition_pkey" primary key ("code"), constraint kpi_definition_weight_range check (default_weight >= 0));`);

    this.addSql(`create table "kpi_target" ("id" uuid not null, "kpi_code" text not null, "scope_type" "kpi_target_scope_type" not null, "scope_id" uuid null, "target" double precision not null, "amber_band" double precision not null, "valid_from" date not null, "valid_to" date null, "created_at" timestamptz not null, constraint "kpi_target_pkey" primary key ("id"), constraint kpi_target_valid_range check (valid_to is null or valid_to > valid_from), constraint kpi_target_amber_band check (amber_band >= 0), constraint kpi_target_scope_id check ((scope_type = 'GLOBAL') = (scope_id is null)));`);
    this.addSql(`create index "kpi_target_scope_idx" on "kpi_target" ("scope_type", "scope_id", "valid_from");`);
    this.addSql(`create unique index "kpi_target_one_per_start" on "kpi_target" ("kpi_code", "scope_type", coalesce("scope_id", '00000000-0000-0000-0000-000000000000'), "valid_from");`);

    this.addSql(`alter table "kpi_target" add constraint "kpi_target_kpi_code_foreign" foreign key ("kpi_code") references "kpi_definition" ("code") on update cascade on delete restrict;`);

    // The standard KPI catalog (DESIGN.md, issue 6): reference data, shipped with the schema.
    this.addSql(`insert into "kpi_definition" ("code", "name", "description", "unit", "direction", "source_subgraph", "source_field", "display_format", "default_weight", "sort_order") values
      ('SERVICE_LEVEL', 'Service level', 'Share of offered contacts answered within the queue''s threshold T (METRICS.md serviceLevel)', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'serviceLevel', '0.0%', 3, 1),
      ('ASA', 'Average speed of answer', 'Mean wait of answered contacts', 'SECONDS', 'LOWER_IS_BETTER', 'traffic', 'asaSeconds', '0 s', 1, 2),
      ('AHT', 'Average handle time', 'Talk + hold + after-call work per answered contact', 'SECONDS', 'LOWER_IS_BETTER', 'traffic', 'ahtSeconds', '0 s', 1, 3),
      ('ABANDON_RATE', 'Abandon rate', 'Abandoned (short abandons excluded) / offered (short abandons excluded)', 'RATIO', 'LOWER_IS_BETTER', 'traffic', 'abandonRate', '0.0%', 2, 4),
      ('FCR', 'First-contact resolution', 'Answered contacts with no repeat contact of the customer within 7 days', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'fcrRate', '0.0%', 2, 5),
      ('TRANSFER_RATE', 'Transfer rate', 'Answered contacts transferred / answered', 'RATIO', 'LOWER_IS_BETTER', 'traffic', 'transferRate', '0.0%', 1, 6),
      ('OCCUPANCY', 'Occupancy', '(on-contact + ACW time) / (on-contact + ACW + available time), from agent states', 'RATIO', 'HIGHER_IS_BETTER', 'traffic', 'occupancy', '0.0%', 1, 7),
      ('QA_SCORE', 'QA score', 'Mean overall % of submitted evaluations', 'PERCENT_POINTS', 'HIGHER_IS_BETTER', 'qa', 'qaScore', '0.0', 3, 8),
      ('CRITICAL_FAIL_RATE', 'Critical-fail rate', 'Auto-failed evaluations / evaluations', 'RATIO', 'LOWER_IS_BETTER', 'qa', 'criticalFailRate', '0.0%', 2, 9),
      ('TRAINING_COMPLETION', 'Training completion', 'Assignments completed by their due date / assignments due', 'RATIO', 'HIGHER_IS_BETTER', 'training', 'completionRate', '0.0%', 1, 10),
      ('FIRST_ATTEMPT_PASS_RATE', 'First-attempt pass rate', 'First exam attempts passed / first attempts', 'RATIO', 'HIGHER_IS_BETTER', 'training', 'firstAttemptPassRate', '0.0%', 1, 11),
      ('CERTIFICATION_COVERAGE', 'Certification coverage', 'Agents holding every valid certification their role or skills need / agents who need one', 'RATIO', 'HIGHER_IS_BETTER', 'training', 'certificationCoverage', '0.0%', 1, 12);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "kpi_target" drop constraint "kpi_target_kpi_code_foreign";`);

    this.addSql(`drop table if exists "kpi_definition" cascade;`);

    this.addSql(`drop table if exists "kpi_target" cascade;`);

    this.addSql(`drop type "kpi_unit";`);
    this.addSql(`drop type "kpi_direction";`);
    this.addSql(`drop type "kpi_target_scope_type";`);
  }

}
