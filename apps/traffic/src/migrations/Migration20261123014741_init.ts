import { Migration } from '@mikro-orm/migrations';

export class Migration20261123014741_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "agent_state" as enum ('LOGGED_IN', 'AVAILABLE', 'NOT_READY', 'ON_CONTACT', 'ACW', 'LOGGED_OUT');`);
    this.addSql(`create type "channel" as enum ('VOICE', 'CHAT', 'WECHAT', 'APP', 'SMS', 'EMAIL', 'VIDEO');`);
    this.addSql(`create type "direction" as enum ('INBOUND', 'OUTBOUND');`);
    this.addSql(`create type "outcome" as enum ('ANSWERED', 'ABANDONED', 'IVR', 'CALLBACK', 'OVERFLOW');`);
    this.addSql(`create type "service_level_variant" as enum ('EXCLUDE_SHORT_ABANDONS', 'ANSWERED_ONLY', 'ALL_OFFERED', 'ABANDONS_WITHIN_T_MEET');`);
    this.addSql(`create table "agent_state_event" ("id" bigserial primary key, "source" text not null, "agent" text not null, "at" timestamptz not null, "state" "agent_state" not null, "reason" text null, "queue" text null);`);
    this.addSql(`create index "agent_state_event_agent_at_idx" on "agent_state_event" ("agent", "at");`);
    this.addSql(`alter table "agent_state_event" add constraint "agent_state_event_natural_key" unique ("source", "agent", "at", "state");`);

    this.addSql(`create table "contact" ("id" bigserial primary key, "source" text not null, "external_id" text not null, "channel" "channel" not null, "direction" "direction" not null, "queue_id" uuid null, "agent" text null, "customer_key" text null, "arrived_at" timestamptz not null, "answered_at" timestamptz null, "ended_at" timestamptz not null, "hold_seconds" double precision not null default 0, "acw_seconds" double precision not null default 0, "outcome" "outcome" not null, "transferred" boolean not null default false, "wrapup_code" text null, constraint contact_answered_has_answer_time check ((outcome = 'ANSWERED') = (answered_at is not null)), constraint contact_durations_not_negative check (hold_seconds >= 0 and acw_seconds >= 0), constraint contact_end_after_start check (ended_at >= coalesce(answered_at, arrived_at)), constraint contact_answer_after_arrival check (answered_at is null or answered_at >= arrived_at));`);
    this.addSql(`create index "contact_agent_arrived_idx" on "contact" ("agent", "arrived_at");`);
    this.addSql(`create index "contact_customer_arrived_idx" on "contact" ("customer_key", "arrived_at");`);
    this.addSql(`create index "contact_arrived_at_idx" on "contact" ("arrived_at");`);
    this.addSql(`alter table "contact" add constraint "contact_natural_key" unique ("source", "external_id");`);

    this.addSql(`create table "interval_stat" ("interval_start" timestamptz not null, "queue_key" text not null, "agent_key" text not null, "channel" "channel" not null, "answered" int not null, "abandoned" int not null, "short_abandoned" int not null, "answered_within_threshold" int not null, "abandoned_within_threshold" int not null, "transferred" int not null, "ivr" int not null, "callback" int not null, "overflow" int not null, "outbound" int not null, "wait_seconds_answered" double precision not null, "handle_seconds" double precision not null, "talk_seconds" double precision not null, "hold_seconds" double precision not null, "acw_seconds" double precision not null, "max_wait_seconds" double precision null, constraint "interval_stat_pkey" primary key ("interval_start", "queue_key", "agent_key", "channel"));`);

    this.addSql(`create table "queue" ("id" uuid not null, "code" text not null, "name" text null, "channel" "channel" not null, "center_id" uuid null, "sl_threshold_seconds" int not null default 20, "short_abandon_seconds" int not null default 5, "sl_target" double precision not null default 0.8, "sl_variant" "service_level_variant" not null default 'EXCLUDE_SHORT_ABANDONS', "created_at" timestamptz not null, constraint "queue_pkey" primary key ("id"), constraint queue_sl_target_range check (sl_target > 0 and sl_target <= 1), constraint queue_thresholds_positive check (sl_threshold_seconds > 0 and short_abandon_seconds >= 0));`);
    this.addSql(`alter table "queue" add constraint "queue_code_unique" unique ("code");`);
    this.addSql(`create index "queue_center_id_index" on "queue" ("center_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_state_event" cascade;`);

    this.addSql(`drop table if exists "contact" cascade;`);

    this.addSql(`drop table if exists "interval_stat" cascade;`);

    this.addSql(`drop table if exists "queue" cascade;`);

    this.addSql(`drop type "agent_state";`);
    this.addSql(`drop type "channel";`);
    this.addSql(`drop type "direction";`);
    this.addSql(`drop type "outcome";`);
    this.addSql(`drop type "service_level_variant";`);
  }

}
