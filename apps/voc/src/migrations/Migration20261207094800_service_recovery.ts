import { Migration } from '@mikro-orm/migrations';

/** Service recovery's outbox (issue 19 item 4): dissatisfied answers to send to care, and care's answer. */
export class Migration20261207094800_service_recovery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "voc_service_recovery" ("response_id" uuid not null, "center_id" uuid not null, "contact_source" text not null, "contact_external_id" text not null, "agent_employee_no" text not null, "score" int not null, "answered_at" timestamptz not null, "created_at" timestamptz not null, "attempts" int not null default 0, "done_at" timestamptz null, "commitment_id" uuid null, "last_error" text null, constraint "voc_service_recovery_pkey" primary key ("response_id"));`);
    this.addSql(`create index "voc_service_recovery_pending_idx" on "voc_service_recovery" ("created_at") where done_at is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_service_recovery" cascade;`);
  }
}
