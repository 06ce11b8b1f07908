import { Migration } from '@mikro-orm/migrations';

/**
 * Forecasts imported from another WFM tool: kept as runs of method EXTERNAL, once per content; and
 * the digest of the history a staffing plan's run was made from, so that a plan reuses it.
 */
export class Migration20261207080000_external_forecast extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "wfm_forecast_run" add column "source" text null, add column "digest" text null, add column "history_digest" text null;`);
    this.addSql(
      `alter table "wfm_forecast_run" add constraint wfm_forecast_run_source_length check (char_length(source) between 1 and 100);`,
    );
    // our runs have no source nor digest (nulls never conflict); an imported run is kept once
    this.addSql(
      `create unique index "wfm_forecast_run_external_uq" on "wfm_forecast_run" ("queue_id", "source", "digest");`,
    );
    // a staffing plan reuses the run kept for its queue and day while the history is the same
    this.addSql(
      `create index "wfm_forecast_run_history_idx" on "wfm_forecast_run" ("queue_id", "history_digest") where history_digest is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "wfm_forecast_run_history_idx";`);
    this.addSql(`drop index if exists "wfm_forecast_run_external_uq";`);
    this.addSql(
      `alter table "wfm_forecast_run" drop constraint if exists wfm_forecast_run_source_length, drop column "source", drop column "digest", drop column "history_digest";`,
    );
  }
}
