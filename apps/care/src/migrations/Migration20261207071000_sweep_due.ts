import { Migration } from '@mikro-orm/migrations';

/**
 * The sweeper's narrow due list (issue 18's sweep under 1 s): care_commitment_due holds, for each
 * commitment with a level still to fire, only its id and next look, indexed by the next look. The
 * sweep picks and locks there (a few thousand narrow pages, not the wide commitment rows' index), and
 * the commitment's own next_escalation_at loses its index, so the sweeper's update of a commitment
 * (next look, level, flags) is a heap-only (HOT) update with room left in each page (fillfactor 85)
 * instead of a new entry in each of the commitment's six indexes.
 *
 * Statement-level triggers with transition tables keep the list equal to
 * `select id, next_escalation_at from care_commitment where next_escalation_at is not null` for every
 * writer (the app, imports, COPY), set-based: one join per statement, not a call per row.
 */
export class Migration20261207071000_sweep_due extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_commitment_due" ("commitment_id" uuid not null, "next_at" timestamptz not null, constraint "care_commitment_due_pkey" primary key ("commitment_id"));`,
    );
    this.addSql(`create index "care_commitment_due_next_idx" on "care_commitment_due" ("next_at");`);
    this.addSql(
      `insert into "care_commitment_due" ("commitment_id", "next_at") select "id", "next_escalation_at" from "care_commitment" where "next_escalation_at" is not null;`,
    );
    this.addSql(`drop index if exists "care_commitment_sweep_idx";`);
    this.addSql(`alter table "care_commitment" set (fillfactor = 85);`);
    // an outbox row is addressed to a person or to a role, never both: each in one index, not two
    this.addSql(`drop index if exists "care_notification_person_idx";`);
    this.addSql(
      `create index "care_notification_person_idx" on "care_notification" ("address_employee_no", "created_at") where address_employee_no is not null;`,
    );
    this.addSql(`drop index if exists "care_notification_role_idx";`);
    this.addSql(
      `create index "care_notification_role_idx" on "care_notification" ("address_role", "center_id", "created_at") where address_role is not null;`,
    );

    this.addSql(`create function care_commitment_due_inserted() returns trigger language plpgsql as $$
begin
  insert into care_commitment_due (commitment_id, next_at)
  select id, next_escalation_at from new_rows where next_escalation_at is not null
  on conflict (commitment_id) do update set next_at = excluded.next_at;
  return null;
end $$;`);
    this.addSql(`create function care_commitment_due_updated() returns trigger language plpgsql as $$
begin
  -- only the rows whose next look changed (a commitment's id never changes); one statement
  with changed as materialized (
    select n.id, n.next_escalation_at as next_at
      from new_rows n join old_rows o on o.id = n.id
     where n.next_escalation_at is distinct from o.next_escalation_at
  ), gone as (
    delete from care_commitment_due d using changed c where d.commitment_id = c.id and c.next_at is null
  )
  insert into care_commitment_due (commitment_id, next_at)
  select id, next_at from changed where next_at is not null
  on conflict (commitment_id) do update set next_at = excluded.next_at;
  return null;
end $$;`);
    this.addSql(`create function care_commitment_due_deleted() returns trigger language plpgsql as $$
begin
  delete from care_commitment_due d using old_rows o where d.commitment_id = o.id;
  return null;
end $$;`);
    this.addSql(
      `create trigger care_commitment_due_ins after insert on "care_commitment" referencing new table as new_rows for each statement execute function care_commitment_due_inserted();`,
    );
    this.addSql(
      `create trigger care_commitment_due_upd after update on "care_commitment" referencing old table as old_rows new table as new_rows for each statement execute function care_commitment_due_updated();`,
    );
    this.addSql(
      `create trigger care_commitment_due_del after delete on "care_commitment" referencing old table as old_rows for each statement execute function care_commitment_due_deleted();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists care_commitment_due_ins on "care_commitment";`);
    this.addSql(`drop trigger if exists care_commitment_due_upd on "care_commitment";`);
    this.addSql(`drop trigger if exists care_commitment_due_del on "care_commitment";`);
    this.addSql(`drop function if exists care_commitment_due_inserted();`);
    this.addSql(`drop function if exists care_commitment_due_updated();`);
    this.addSql(`drop function if exists care_commitment_due_deleted();`);
    this.addSql(`drop table if exists "care_commitment_due";`);
    this.addSql(`drop index if exists "care_notification_person_idx";`);
    this.addSql(
      `create index "care_notification_person_idx" on "care_notification" ("address_employee_no", "created_at");`,
    );
    this.addSql(`drop index if exists "care_notification_role_idx";`);
    this.addSql(
      `create index "care_notification_role_idx" on "care_notification" ("address_role", "center_id", "created_at");`,
    );
    this.addSql(`alter table "care_commitment" reset (fillfactor);`);
    this.addSql(
      `create index "care_commitment_sweep_idx" on "care_commitment" ("next_escalation_at") where next_escalation_at is not null;`,
    );
  }
}
