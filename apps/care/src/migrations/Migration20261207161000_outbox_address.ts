import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox's indexes, each checked against the queries that use it (issue 18's sweep under 1 s:
 * every outbox row the sweep writes enters each of them):
 * - care_notification_pkey (id): the webhook delivery reads a row by id;
 * - care_notification_once_uq (commitment_id, level, recipient): exactly once, and the sweep's
 *   look at what already fired for its commitments;
 * - care_notification_undelivered_idx (created_at) where not delivered: the delivery queue's feed;
 * - care_notification_person_idx and care_notification_role_idx: both for myEscalations alone, one
 *   branch each (a row goes to a person or to a role, never both). They become one index on the
 *   address, whichever it is: one entry per outbox row instead of one in each of two indexes' turns,
 *   and myEscalations asks it for the caller's number and roles at once.
 */
export class Migration20261207161000_outbox_address extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "care_notification_address_idx" on "care_notification" ((coalesce("address_employee_no", "address_role")), "created_at");`,
    );
    this.addSql(`drop index if exists "care_notification_person_idx";`);
    this.addSql(`drop index if exists "care_notification_role_idx";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "care_notification_person_idx" on "care_notification" ("address_employee_no", "created_at") where address_employee_no is not null;`,
    );
    this.addSql(
      `create index "care_notification_role_idx" on "care_notification" ("address_role", "center_id", "created_at") where address_role is not null;`,
    );
    this.addSql(`drop index if exists "care_notification_address_idx";`);
  }
}
