import { Migration } from '@mikro-orm/migrations';

/**
 * The sweeper moves a due entry by deleting it and inserting a narrow new one (issue 18's sweep under
 * 1 s): an UPDATE of the entry's indexed next look is never heap-only and cost twice the CPU of the
 * delete and the insert (measured by tools/bench/care-sweep.bench.ts). One consequence is handled
 * here: a writer that removes a commitment's entry (a fulfilment, a deletion) while a sweep holds it
 * waits for the sweep, then finds the entry it waited for deleted, and its statement's snapshot does
 * not see the sweep's new entry. The triggers look a second time, in a statement of their own (a new
 * snapshot), and remove what the sweep put back: the list still equals
 * `select id, next_escalation_at from care_commitment where next_escalation_at is not null` up to the
 * sweeper's own moves.
 */
export class Migration20261207160000_due_list_replace extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function care_commitment_due_updated() returns trigger language plpgsql as $$
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
  -- a sweep that held an entry removed above replaced it meanwhile: a second look (a new snapshot)
  delete from care_commitment_due d
   using new_rows n join old_rows o on o.id = n.id
   where d.commitment_id = n.id and n.next_escalation_at is null and o.next_escalation_at is not null;
  return null;
end $$;`);
    this.addSql(`create or replace function care_commitment_due_deleted() returns trigger language plpgsql as $$
begin
  delete from care_commitment_due d using old_rows o where d.commitment_id = o.id;
  -- a sweep that held an entry meanwhile replaced it: a second look (a new snapshot)
  delete from care_commitment_due d using old_rows o where d.commitment_id = o.id;
  return null;
end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function care_commitment_due_updated() returns trigger language plpgsql as $$
begin
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
    this.addSql(`create or replace function care_commitment_due_deleted() returns trigger language plpgsql as $$
begin
  delete from care_commitment_due d using old_rows o where d.commitment_id = o.id;
  return null;
end $$;`);
  }
}
