import { Migration } from '@mikro-orm/migrations';

/** Forecasts imported from another WFM tool: kept as runs of method EXTERNAL, once per content. */
export class Migration20261207080000_external_forecast extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "wfm_forecast_run" add column "source" text null, add column "digest" text null;`);
    this.addSql(
      `alter table "wfm_forecast_run" add constraint wfm_forecast_run_source_length check (char_length(source) between 1 and 100);`,
    );
    // our runs have no source nor digest (nulls never conflict); an imported run is kept once
    this.addSql(
      `create unique index "wfm_forecast_run_external_uq" on "wfm_forecast_run" ("queue_id", "source", "digest");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "wfm_forecast_run_external_uq";`);
    this.addSql(
      `alter table "wfm_forecast_run" drop constraint if exists wfm_forecast_run_source_length, drop column "source", drop column "digest";`,
    );
  }
}
