import { Migration } from '@mikro-orm/migrations';

// Data timeliness (issue 22): sources' cadence and ages, delivered batches, system incidents.

export class Migration20261207064038_data_timeliness extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "data_source" ("kind" text not null, "center_key" text not null, "cadence_minutes" int not null, "warn_after_minutes" int not null, "error_after_minutes" int not null, "updated_at" timestamptz not null default now(), constraint "data_source_pkey" primary key ("kind", "center_key"));`);

    this.addSql(`create table "ingest_batch" ("id" bigserial primary key, "kind" text not null, "source" text not null, "center_id" uuid null, "batch_key" text null, "rows_read" int not null, "rows_inserted" int not null, "rows_rejected" int not null, "latest_event_at" timestamptz null, "received_at" timestamptz not null);`);
    this.addSql(`create index "ingest_batch_kind_received_idx" on "ingest_batch" ("kind", "received_at");`);
    this.addSql(`alter table "ingest_batch" add constraint "ingest_batch_key" unique ("kind", "batch_key");`);

    this.addSql(`create table "system_incident" ("id" uuid not null, "system" text not null, "channels" text[] not null, "center_id" uuid null, "started_at" timestamptz not null, "ended_at" timestamptz null, "severity" text not null, "cause" text null, constraint "system_incident_pkey" primary key ("id"));`);
    this.addSql(`create index "system_incident_started_idx" on "system_incident" ("started_at");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_source" cascade;`);

    this.addSql(`drop table if exists "ingest_batch" cascade;`);

    this.addSql(`drop table if exists "system_incident" cascade;`);

  }

}
