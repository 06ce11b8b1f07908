import { Migration } from '@mikro-orm/migrations';

/** Business calendars, commitments, escalation policies, escalations and their notification outbox. */
export class Migration20261207040000_promises extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_business_calendar" ("center_id" uuid not null, "time_zone" text not null, "periods" jsonb not null, "exceptions" jsonb not null, "updated_by" text not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "care_business_calendar_pkey" primary key ("center_id"));`,
    );
    this.addSql(
      `create table "care_commitment" ("id" uuid not null, "client_key" text not null, "center_id" uuid not null, "team_id" uuid null, "owner_employee_no" text not null, "customer_key" text not null, "contact_source" text not null, "contact_external_id" text not null, "case_id" uuid null, "kind" text not null, "channel" text not null, "made_at" timestamptz not null, "window_start" timestamptz null, "due_at" timestamptz not null, "due_basis" text not null, "business_minutes" int null, "grace_minutes" int not null default 0, "fulfilled_at" timestamptz null, "fulfilled_by" text null, "fulfilment_evidence" text null, "fulfilment_contact_source" text null, "fulfilment_contact_external_id" text null, "next_escalation_at" timestamptz null, "escalation_level" int null, "priority" text not null default 'NORMAL', "complaint_risk" boolean not null default false, "reassigned_to_team" boolean not null default false, "made_by" text not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "care_commitment_pkey" primary key ("id"), constraint care_commitment_due_after_made check (due_at > made_at));`,
    );
    this.addSql(
      `alter table "care_commitment" add constraint "care_commitment_client_key_uq" unique ("owner_employee_no", "client_key");`,
    );
    this.addSql(`create index "care_commitment_owner_due_idx" on "care_commitment" ("owner_employee_no", "due_at");`);
    this.addSql(`create index "care_commitment_center_due_idx" on "care_commitment" ("center_id", "due_at");`);
    this.addSql(
      `create index "care_commitment_customer_open_idx" on "care_commitment" ("customer_key", "made_at") where fulfilled_at is null;`,
    );
    // the sweeper's index: only commitments with a level still to fire, by when
    this.addSql(
      `create index "care_commitment_sweep_idx" on "care_commitment" ("next_escalation_at") where next_escalation_at is not null;`,
    );
    this.addSql(
      `create table "care_escalation_policy" ("id" uuid not null, "center_id" uuid not null, "case_type" text not null default '*', "priority" text not null default '*', "segment" text not null default '*', "code" text not null, "levels" jsonb not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "care_escalation_policy_pkey" primary key ("id"), constraint "care_escalation_policy_scope_uq" unique ("center_id", "case_type", "priority", "segment"));`,
    );
    this.addSql(
      `create table "care_escalation" ("id" uuid not null, "commitment_id" uuid not null, "level" int not null, "action" text not null, "due_to_fire_at" timestamptz not null, "fired_at" timestamptz not null, constraint "care_escalation_pkey" primary key ("id"), constraint "care_escalation_level_uq" unique ("commitment_id", "level"));`,
    );
    this.addSql(
      `create table "care_notification" ("id" uuid not null, "commitment_id" uuid not null, "level" int not null, "recipient" text not null, "address_employee_no" text null, "address_role" text null, "center_id" uuid not null, "action" text not null, "created_at" timestamptz not null, "delivery_attempts" int not null default 0, "delivered_at" timestamptz null, "last_delivery_error" text null, constraint "care_notification_pkey" primary key ("id"), constraint "care_notification_once_uq" unique ("commitment_id", "level", "recipient"));`,
    );
    this.addSql(
      `create index "care_notification_person_idx" on "care_notification" ("address_employee_no", "created_at");`,
    );
    this.addSql(
      `create index "care_notification_role_idx" on "care_notification" ("address_role", "center_id", "created_at");`,
    );
    this.addSql(
      `create index "care_notification_undelivered_idx" on "care_notification" ("created_at") where delivered_at is null;`,
    );
  }

  override async down(): Promise<void> {
    for (const t of ['care_notification', 'care_escalation', 'care_escalation_policy', 'care_commitment', 'care_business_calendar']) {
      this.addSql(`drop table if exists "${t}" cascade;`);
    }
  }
}
