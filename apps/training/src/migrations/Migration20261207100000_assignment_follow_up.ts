import { Migration } from '@mikro-orm/migrations';

/**
 * What HR, a trainer or a lead did about an overdue assignment (issue 25: from HR's overdue list,
 * remind or give a new due date in one step): each reminder and each due-date change, by whom and
 * when, kept as a trail (the assignment's own due date holds the current one).
 */
export class Migration20261207100000_assignment_follow_up extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "assignment_follow_up" (
      "id" uuid not null,
      "assignment_id" uuid not null references "assignment" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('REMINDER', 'NEW_DUE_DATE')),
      "by_subject" text not null,
      "by_employee_no" text null,
      "at" timestamptz not null,
      "note" text null check ("note" is null or length("note") <= 500),
      "previous_due_date" date null,
      "new_due_date" date null,
      constraint "assignment_follow_up_pkey" primary key ("id"),
      constraint "assignment_follow_up_due_dates" check (
        ("kind" = 'NEW_DUE_DATE') = ("new_due_date" is not null and "previous_due_date" is not null))
    );`);
    this.addSql(
      `create index "assignment_follow_up_assignment_at_idx" on "assignment_follow_up" ("assignment_id", "at" desc);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assignment_follow_up";`);
  }
}
