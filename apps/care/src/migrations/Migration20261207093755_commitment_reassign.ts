import { Migration } from '@mikro-orm/migrations';

/**
 * A commitment's log of changes made after it was made (append-only, like case_event): today the
 * reassignment of a follow-up by a team lead, center manager, case handler or admin (issue 18).
 */
export class Migration20261207093755_commitment_reassign extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_commitment_event" ("id" uuid not null, "commitment_id" uuid not null, "kind" text not null, "at" timestamptz not null, "actor" text not null, "from_owner" text not null, "to_owner" text not null, "from_team_id" uuid null, "to_team_id" uuid null, "reason" text null, constraint "care_commitment_event_pkey" primary key ("id"), constraint "care_commitment_event_commitment_fk" foreign key ("commitment_id") references "care_commitment" ("id"), constraint care_commitment_event_kind check (kind in ('REASSIGNED')), constraint care_commitment_event_owner_changed check (from_owner <> to_owner));`,
    );
    this.addSql(
      `create index "care_commitment_event_commitment_idx" on "care_commitment_event" ("commitment_id", "at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "care_commitment_event";`);
  }
}
