import { Migration } from '@mikro-orm/migrations';

// Alert rules (issue 22): rules, their state between evaluations, the notification outbox.

export class Migration20261207070105_alert_rules extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "alert_notification" ("id" uuid not null, "rule_id" uuid not null, "center_id" uuid not null, "episode_id" uuid not null, "event" text not null, "value" double precision null, "created_at" timestamptz not null, "delivery_attempts" int not null, "delivered_at" timestamptz null, "last_delivery_error" text null, constraint "alert_notification_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_notification_center_idx" on "alert_notification" ("center_id", "created_at");`);
    this.addSql(`alter table "alert_notification" add constraint "alert_notification_once_uq" unique ("episode_id", "event");`);

    this.addSql(`create table "alert_rule" ("id" uuid not null, "name" text not null, "metric" text not null, "center_id" uuid not null, "queue_ids" text[] not null, "comparator" text not null, "threshold" double precision not null, "for_seconds" int not null, "time_zone" text not null, "enabled" boolean not null, "created_by" text not null, "created_at" timestamptz not null, constraint "alert_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_rule_center_idx" on "alert_rule" ("center_id");`);

    this.addSql(`create table "alert_state" ("rule_id" uuid not null, "breach_since" timestamptz null, "firing" boolean not null, "episode_id" uuid null, "last_value" double precision null, "evaluated_at" timestamptz not null, constraint "alert_state_pkey" primary key ("rule_id"));`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alert_notification" cascade;`);

    this.addSql(`drop table if exists "alert_rule" cascade;`);

    this.addSql(`drop table if exists "alert_state" cascade;`);

  }

}
