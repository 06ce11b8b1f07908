import { Migration } from '@mikro-orm/migrations';

export class Migration20261207034034_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "wfm_special_day_kind" as enum ('CLOSED', 'HOLIDAY_EVE', 'POST_HOLIDAY', 'CAMPAIGN', 'BILLING_CYCLE', 'SYSTEM_OUTAGE');`,
    );
    this.addSql(
      `create table "wfm_special_day" ("id" uuid not null, "center_id" uuid not null, "queue_id" uuid null, "date" date not null, "kind" "wfm_special_day_kind" not null, "title" text not null, "multiplier" double precision null, "exclude_from_history" boolean not null default false, "created_by" text not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "wfm_special_day_pkey" primary key ("id"), constraint wfm_special_day_title_length check (char_length(title) between 1 and 200), constraint wfm_special_day_multiplier_range check (multiplier > 0 and multiplier <= 20));`,
    );
    this.addSql(`create index "wfm_special_day_center_idx" on "wfm_special_day" ("center_id", "date", "id");`);
    this.addSql(`create index "wfm_special_day_queue_idx" on "wfm_special_day" ("queue_id", "date");`);
    this.addSql(
      `create table "wfm_schedule" ("id" uuid not null, "employee_no" text not null, "date" date not null, "time_zone" text not null, "segments" jsonb not null, "created_by" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "wfm_schedule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "wfm_schedule" add constraint "wfm_schedule_natural_key" unique ("employee_no", "date");`);
    this.addSql(`create index "wfm_schedule_date_idx" on "wfm_schedule" ("date", "employee_no");`);
    this.addSql(
      `create table "wfm_interval_volume" ("queue_id" uuid not null, "channel" text not null, "interval_start" timestamptz not null, "interval_minutes" int not null, "offered" int not null, "aht_seconds" double precision null, "source" text not null, constraint "wfm_interval_volume_pkey" primary key ("queue_id", "channel", "interval_start"), constraint wfm_interval_volume_offered_nonnegative check (offered >= 0), constraint wfm_interval_volume_aht_nonnegative check (aht_seconds >= 0));`,
    );
    this.addSql(`create index "wfm_interval_volume_queue_idx" on "wfm_interval_volume" ("queue_id", "interval_start");`);
    this.addSql(
      `create table "wfm_forecast_run" ("id" uuid not null, "queue_id" uuid not null, "from_date" date not null, "to_date" date not null, "interval_minutes" int not null, "time_zone" text not null, "method" text not null, "forecastable" boolean not null, "reason" text null, "intervals" jsonb not null, "created_by" text not null, "created_at" timestamptz not null, constraint "wfm_forecast_run_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "wfm_forecast_run_queue_idx" on "wfm_forecast_run" ("queue_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "wfm_forecast_run" cascade;`);
    this.addSql(`drop table if exists "wfm_interval_volume" cascade;`);
    this.addSql(`drop table if exists "wfm_schedule" cascade;`);
    this.addSql(`drop table if exists "wfm_special_day" cascade;`);
    this.addSql(`drop type if exists "wfm_special_day_kind";`);
  }
}
